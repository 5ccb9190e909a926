// The built-in reference charge point for OCPP 1.6J, built on ocpp-rpc (not on the harness's own
// transport/RPC code, so that the harness can be tested against something independent).
// Behaviour follows OCPP 1.6 edition 2 chapters 3–5 and 9 with the errata, for every feature profile
// but Security; each quirk (quirks.ts) is one switch at the one place where it bites.
//
// Modules (charge-point/): core (connection, boot, heartbeat, inbound front, outbox), config-store
// (+ configuration: Get/ChangeConfiguration),
// connectors (statuses, meter), authorization (+ auth-cache, local-list), transactions, metering,
// availability, power (reset, reboot, power failure), reservations, smart-charging (+ composite-
// schedule), firmware, diagnostics (+ file-transfer), trigger (+ DataTransfer), faults.
// This file wires them and holds the SUT-control vocabulary (`perform`).

import type { StimulusOutcome } from '../../../sut/control.js';
import { isCpQuirk, quirkSet } from './quirks.js';
import { str, type FrameListener, type FrameRecord } from '../../../peers/peer-util.js';
import { AuthCache } from './charge-point/auth-cache.js';
import { Authorizer } from './charge-point/authorization.js';
import { Availability } from './charge-point/availability.js';
import { ConfigStore } from './charge-point/config-store.js';
import { ConfigurationHandlers } from './charge-point/configuration.js';
import { Connectors } from './charge-point/connectors.js';
import { CpCore } from './charge-point/core.js';
import { Diagnostics } from './charge-point/diagnostics.js';
import { Faults } from './charge-point/faults.js';
import { Firmware } from './charge-point/firmware.js';
import { LocalList } from './charge-point/local-list.js';
import { Metering } from './charge-point/metering.js';
import { Power } from './charge-point/power.js';
import { Reservations } from './charge-point/reservations.js';
import { Security } from './charge-point/security.js';
import { SecurityLogUpload } from './charge-point/security-log.js';
import { SignedFirmware } from './charge-point/signed-firmware.js';
import { SmartCharging } from './charge-point/smart-charging.js';
import { Transactions } from './charge-point/transactions.js';
import { Trigger } from './charge-point/trigger.js';
import { ALL_PROFILES, type ChargePointState, type FeatureProfile, type ReferenceChargePointOptions } from './charge-point/types.js';

export type {
  ChargePointState,
  ConnectorState,
  ConnectorStatus,
  FeatureProfile,
  CpSecurityOptions,
  ReferenceChargePointOptions,
  Registration,
  StopReason,
} from './charge-point/types.js';

/** The SUT-control vocabulary of the reference charge point. */
export const CHARGE_POINT_ACTIONS = [
  'reboot', 'powerFailure', 'networkDown', 'networkUp',
  'plugIn', 'unplug', 'unplugEvSide', 'presentIdTag',
  'fault', 'clearFault', 'evSuspend', 'evResume', 'lockFailure', 'unlockFailure',
  'disableReservations', 'enableReservations',
] as const;

/** CSMS-initiated actions of each profile other than Core (answered NotSupported without the profile). */
const PROFILE_ACTIONS: Partial<Record<FeatureProfile, string[]>> = {
  FirmwareManagement: ['UpdateFirmware', 'GetDiagnostics'],
  Reservation: ['ReserveNow', 'CancelReservation'],
  SmartCharging: ['SetChargingProfile', 'ClearChargingProfile', 'GetCompositeSchedule'],
  RemoteTrigger: ['TriggerMessage'],
};

/** Actions that still work while the charge point has no power. */
const WITHOUT_POWER = new Set(['plugIn', 'unplug', 'networkDown', 'networkUp']);

export class ReferenceChargePoint {
  readonly identity: string;
  readonly profiles: readonly FeatureProfile[];
  private readonly core: CpCore;
  private readonly connectors: Connectors;
  private readonly localList: LocalList;
  private readonly tx: Transactions;
  private readonly metering: Metering;
  private readonly power: Power;
  private readonly reservations: Reservations;
  private readonly smart: SmartCharging;
  private readonly firmware: Firmware;
  private readonly diagnostics: Diagnostics;
  private readonly faults: Faults;
  /** The Security Whitepaper's features, when configured. */
  readonly security?: Security;

  constructor(options: ReferenceChargePointOptions) {
    this.identity = options.identity;
    const profiles = options.profiles ? ['Core' as const, ...options.profiles.filter((p) => p !== 'Core')] : [...ALL_PROFILES];
    this.profiles = profiles;
    const has = (p: FeatureProfile): boolean => profiles.includes(p);
    const ids = options.connectorIds ?? [1];
    const config = new ConfigStore(ids, profiles, options.configuration ?? {});
    const quirks = quirkSet(options.quirks, isCpQuirk, 'charge point');
    // §9.1.3 AuthorizeRemoteTxRequests is "R or RW", the implementation's choice.
    if (quirks.has('authorize-remote-read-only-false')) config.pin('AuthorizeRemoteTxRequests', 'false');
    if (quirks.has('authorize-remote-read-only-true')) config.pin('AuthorizeRemoteTxRequests', 'true');
    // Its read-only key says false, whatever it is declared.
    if (quirks.has('reserve-connector-zero-unsupported') && profiles.includes('Reservation')) config.pin('ReserveConnectorZeroSupported', 'false');
    // A charger whose schedules are in W only (a conforming variant, §9.4 ChargingScheduleAllowedChargingRateUnit).
    if (quirks.has('smart-charging-power-only') && config.has('ChargingScheduleAllowedChargingRateUnit')) config.pin('ChargingScheduleAllowedChargingRateUnit', 'Power');
    const core = new CpCore(
      {
        url: options.url.replace(/\/+$/, ''),
        identity: options.identity,
        vendor: options.vendor ?? 'ocpp-harness',
        model: options.model ?? 'reference-cp',
        password: options.password,
        quirks,
        log: options.log ?? (() => {}),
        reconnectDelayMs: options.reconnectDelayMs ?? 200,
        callTimeoutMs: options.callTimeoutMs ?? 30_000,
        defaultBootRetryS: options.defaultBootRetryS ?? 5,
        bootOnReconnect: options.bootOnReconnect ?? true,
      },
      config,
    );
    this.core = core;
    for (const [profile, actions] of Object.entries(PROFILE_ACTIONS)) {
      if (!has(profile as FeatureProfile)) for (const a of actions) core.unsupported.add(a);
    }

    const connectors = (this.connectors = new Connectors(core, ids));
    const cache = new AuthCache(core);
    this.localList = new LocalList(core, has('LocalAuthListManagement'));
    const auth = new Authorizer(core, this.localList, cache, connectors);
    this.metering = new Metering(core, connectors);
    this.tx = new Transactions(core, connectors, auth, this.metering, has('SmartCharging'));
    const availability = new Availability(core, connectors);
    this.power = new Power(core, connectors, this.tx, this.metering, options.powerOffMs ?? 300);
    this.reservations = new Reservations(core, connectors, has('Reservation'));
    this.smart = new SmartCharging(core, connectors, has('SmartCharging'));
    this.firmware = new Firmware(core, connectors, () => this.power.reboot('Reboot'), options.firmwareStepMs ?? 100, has('FirmwareManagement'));
    this.diagnostics = new Diagnostics(core, has('FirmwareManagement'));
    new Trigger(core, connectors, this.metering, {
      firmwareStatus: () => this.firmware.triggeredStatus,
      diagnosticsStatus: () => this.diagnostics.triggeredStatus,
    }, has('RemoteTrigger'));
    this.faults = new Faults(connectors, core.quirks.has('fault-cannot-be-cleared'));
    new ConfigurationHandlers(core, options.lateResponseMs ?? 1500);
    if (options.security) {
      const security = (this.security = new Security(core, options.security));
      new SecurityLogUpload(core, security.log);
      new SignedFirmware(core, connectors, {
        manufacturerRoots: () => security.store.trusted('ManufacturerRootCertificate'),
        event: (type, info) => security.event(type, info),
        setVersion: (v) => { this.firmware.version = v; },
        reboot: () => this.power.reboot('Reboot'),
      }, options.firmwareStepMs ?? 100);
    }

    // Wiring between modules.
    connectors.inputs = {
      reservedFor: (c) => this.reservations.reservedFor(c),
      powerLimitW: (c) => this.smart.powerLimitW(c),
    };
    availability.onInoperative = (c) => this.reservations.connectorDown(c);
    this.faults.onFault = (c) => this.reservations.connectorDown(c);
    this.tx.peers = {
      reservationGate: (c, idTag, parent) => this.reservations.gate(c, idTag, parent),
      needsParent: (c, idTag) => this.reservations.needsParent(c, idTag),
      consumeReservation: (id) => this.reservations.consume(id),
      remoteProfile: (raw) => this.smart.remoteProfile(raw),
      transactionStarted: (c, t, profile) => this.smart.transactionStarted(c, t, profile),
      transactionEnded: (c, t) => this.smart.transactionEnded(c, t),
      idle: () => {},
    };
  }

  // ---------------------------------------------------------------- public API

  /** Connect and boot. Resolves after the first connection attempt (connected, or failed and retrying). */
  async start(): Promise<void> {
    if (!this.core.stopped) return;
    await this.core.start();
    this.metering.startAligned();
  }

  /** Close for good: no reconnect, every timer cleared. */
  async stop(): Promise<void> {
    if (this.core.stopped) return;
    this.metering.stopAll();
    this.tx.forgetVolatile();
    await this.core.stop();
  }

  /** The SUT-control vocabulary (served at GET /actions by `simulate --control`). */
  get actions(): readonly string[] {
    // Quirk no-ev-side-unplug: a bench that cannot take the cable out at the EV side (conforming: N/A).
    return this.core.quirks.has('no-ev-side-unplug') ? CHARGE_POINT_ACTIONS.filter((a) => a !== 'unplugEvSide') : CHARGE_POINT_ACTIONS;
  }

  knowsAction(action: string): boolean {
    return this.actions.includes(action);
  }

  /** The harness's SUT-control vocabulary for a charge point. */
  async perform(action: string, params: Record<string, unknown>): Promise<StimulusOutcome> {
    if (!this.knowsAction(action)) return { outcome: 'unsupported', detail: `unknown action '${action}'` };
    if (this.core.stopped) return { outcome: 'failed', detail: 'the charge point is not started' };
    if (!this.core.powered && !WITHOUT_POWER.has(action)) return { outcome: 'failed', detail: 'the charge point has no power' };
    switch (action) {
      case 'reboot':
        this.core.bg('reboot', this.power.reboot('Reboot'));
        return { outcome: 'done', detail: 'rebooting' };
      case 'powerFailure': {
        const mode = str(params.stopTransactions) === 'beforeDown' ? 'beforeDown' : 'afterBoot';
        const offMs = typeof params.offMs === 'number' ? params.offMs : undefined;
        this.core.bg('power failure', this.power.powerFailure(mode, offMs));
        return { outcome: 'done', detail: 'power lost' };
      }
      case 'networkDown':
        this.core.networkDown();
        return { outcome: 'done', detail: 'offline' };
      case 'networkUp':
        this.core.networkUpAgain();
        return { outcome: 'done', detail: 'reconnecting' };
      case 'fault':
        return this.faults.fault(params);
      case 'clearFault':
        return this.faults.clearFault(params);
      case 'disableReservations':
        // An installer setting with no OCPP message: reservations are refused (ReserveNow Rejected).
        this.reservations.accepting = false;
        return { outcome: 'done', detail: 'reservations are refused until enableReservations' };
      case 'enableReservations':
        this.reservations.accepting = true;
        return { outcome: 'done' };
    }
    const c = this.connectors.fromParam(params.connectorId);
    if (action === 'presentIdTag') {
      const idTag = str(params.idTag);
      if (!idTag || idTag.length > 20) return { outcome: 'failed', detail: 'presentIdTag needs an idTag of 1 to 20 characters' };
      if (params.connectorId !== undefined && !c) return { outcome: 'failed', detail: `unknown connector ${String(params.connectorId)}` };
      this.core.bg('presentIdTag', this.tx.presentIdTag(c, idTag));
      return { outcome: 'done' };
    }
    if (!c) return { outcome: 'failed', detail: `unknown connector ${String(params.connectorId)}` };
    switch (action) {
      case 'plugIn':
        if (c.plugged) return { outcome: 'failed', detail: `connector ${c.id} is already plugged in` };
        this.tx.plugIn(c);
        return { outcome: 'done' };
      case 'unplug':
        if (!c.plugged) return { outcome: 'failed', detail: `connector ${c.id} is not plugged in` };
        this.tx.unplug(c);
        return { outcome: 'done' };
      case 'unplugEvSide':
        if (!c.plugged || c.evSideDisconnected) return { outcome: 'failed', detail: `connector ${c.id} has no cable to an EV` };
        this.tx.unplugEvSide(c);
        return { outcome: 'done' };
      case 'evSuspend':
        return this.faults.evSuspend(c, true);
      case 'evResume':
        return this.faults.evSuspend(c, false);
      case 'lockFailure':
        return this.faults.lockFailure(c);
      default:
        return this.faults.unlockFailure(c);
    }
  }

  get state(): ChargePointState {
    const cp0 = this.connectors.cp0;
    return {
      started: !this.core.stopped,
      connected: this.core.connected,
      offline: !this.core.networkUp || !this.core.powered,
      registration: this.core.registration,
      chargePointStatus: cp0.status,
      connectors: this.connectors.all().map((c) => ({
        connectorId: c.id,
        status: c.status,
        errorCode: c.errorCode,
        plugged: c.plugged,
        operative: c.operative,
        pendingIdTag: c.pendingAuth?.idTag,
        transaction: c.tx
          ? { transactionId: c.tx.transactionId, idTag: c.tx.idTag, meterStart: c.tx.meterStart, startedAt: c.tx.startedAt }
          : undefined,
        meterWh: this.connectors.meterWh(c),
      })),
      queuedMessages: this.core.outbox.length,
      localListVersion: this.localList.reportedVersion,
      reservations: this.reservations.count,
      chargingProfiles: this.smart.count,
      firmwareStatus: this.firmware.status,
      diagnosticsStatus: this.diagnostics.status,
    };
  }

  /** Current value of a configuration key, or undefined. */
  configurationValue(key: string): string | undefined {
    return this.core.config.get(key);
  }

  /** Frames sent and received (raw text cut to 2000 characters). */
  get frames(): readonly FrameRecord[] {
    return this.core.frameLog.frames;
  }

  onFrame(listener: FrameListener): () => void {
    return this.core.frameLog.subscribe(listener);
  }
}
