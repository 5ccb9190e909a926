// The built-in reference charging station for OCPP 2.0.1, on ocpp-rpc (subprotocol ocpp2.0.1, strict
// validation). It behaves so that the charging-station tables of Part 6 blocks B, E, J and P can pass
// against it with the harness playing the CSMS; each quirk (charging-station/quirks.ts) breaks one of
// their rules at the one place where it bites.
//
// Modules (charging-station/): core (connection, network profiles, back-off, boot, heartbeat, inbound
// front, outbox), device-model (+ default-device-model), evses (connector status), transactions
// (Tx start/stop points, TransactionEvent, authorization), metering (sampled, clock-aligned),
// provisioning (Get/SetVariables, reports, SetNetworkProfile), availability (Reset, ChangeAvailability,
// reboot, power), remote (RequestStart/Stop, GetTransactionStatus, TriggerMessage, DataTransfer).
// This file wires them and holds the SUT-control vocabulary (`perform`).

import type { StimulusOutcome } from '../../../sut/control.js';
import { asRecord, str, type FrameListener, type FrameRecord } from '../../../peers/peer-util.js';
import { Availability } from './charging-station/availability.js';
import { StationCore } from './charging-station/core.js';
import { buildDeviceModel } from './charging-station/default-device-model.js';
import type { DeviceModel } from './charging-station/device-model.js';
import { Evses, type Evse } from './charging-station/evses.js';
import { Provisioning } from './charging-station/provisioning.js';
import { chargingStation201QuirkSet } from './charging-station/quirks.js';
import { RemoteControl } from './charging-station/remote.js';
import { StationSecurity } from './charging-station/security.js';
import { Transactions } from './charging-station/transactions.js';
import type { ReferenceChargingStation201Options } from './charging-station/types.js';

export { CHARGING_STATION_201_QUIRKS } from './charging-station/quirks.js';
export type { ReferenceChargingStation201Options } from './charging-station/types.js';

/** The SUT-control vocabulary of the 2.0.1 reference charging station. */
export const CHARGING_STATION_201_ACTIONS = [
  'reboot', 'powerFailure', 'networkDown', 'networkUp',
  'plugIn', 'unplug', 'unplugEvSide', 'presentIdToken',
  'evSuspend', 'evResume', 'evNotReady',
  'parkingBayOccupied', 'parkingBayUnoccupied',
  'fault', 'clearFault',
] as const;

/** Actions that still work while the station has no power. */
const WITHOUT_POWER = new Set(['plugIn', 'unplug', 'unplugEvSide', 'networkDown', 'networkUp', 'parkingBayOccupied', 'parkingBayUnoccupied']);

export interface ChargingStation201State {
  started: boolean;
  connected: boolean;
  registration: string;
  activeNetworkSlot: number;
  queuedMessages: number;
  evses: Array<{ evseId: number; status: string; cablePlugged: boolean; evConnected: boolean; transactionId?: string; chargingState?: string; meterWh: number }>;
}

export class ReferenceChargingStation201 {
  readonly identity: string;
  readonly actions: readonly string[] = CHARGING_STATION_201_ACTIONS;
  private readonly core: StationCore;
  private readonly evses: Evses;
  private readonly tx: Transactions;
  private readonly availability: Availability;

  constructor(options: ReferenceChargingStation201Options) {
    this.identity = options.identity;
    const quirks = chargingStation201QuirkSet(options.quirks);
    const evseIds = options.evses && options.evses.length > 0 ? options.evses : [1];
    let evses: Evses | undefined;
    let core: StationCore | undefined;
    let security: StationSecurity | undefined;
    const securityProfile = options.security?.profile ?? (options.password ? 1 : 0);
    const dm = buildDeviceModel(
      {
        evses: evseIds,
        identity: options.identity,
        vendor: options.vendor ?? 'ocpp-harness',
        model: options.model ?? 'reference-cs-201',
        heartbeatIntervalS: options.heartbeatIntervalS ?? 300,
        messageTimeoutS: options.messageTimeoutS ?? 30,
        securityProfile,
        additionalRootCertificateCheck: options.security?.additionalRootCertificateCheck ?? true,
        certificateEntries: () => security?.store.size ?? 0,
        stationAvailability: () => evses?.stationAvailability() ?? 'Available',
        evseAvailability: (id) => (evses?.get(id) ? evses.evseAvailability(evses.get(id)!) : 'Unavailable'),
        connectorAvailability: (id) => (evses?.get(id) ? evses.status(evses.get(id)!) : 'Unavailable'),
        slotHasProfile: (slot) => core?.profiles.has(slot) ?? slot === 1,
      },
      {
        unknownComponentAsUnknownVariable: quirks.has('unknown-component-as-unknown-variable'),
        attributeTypeIgnored: quirks.has('attribute-type-ignored'),
        readOnlySetAccepted: quirks.has('read-only-set-accepted'),
      },
    );
    core = this.core = new StationCore(
      {
        identity: options.identity,
        vendor: options.vendor ?? 'ocpp-harness',
        model: options.model ?? 'reference-cs-201',
        password: options.password,
        quirks,
        log: options.log ?? (() => {}),
        reconnectDelayMs: options.reconnectDelayMs ?? 200,
        defaultBootRetryS: options.defaultBootRetryS ?? 5,
        resumeDelayMs: options.resumeDelayMs ?? 300,
        rebootMs: options.rebootMs ?? 100,
      },
      dm,
      options.url,
      securityProfile,
    );
    security = new StationSecurity(core, options.security ?? { profile: securityProfile as 0 | 1 });
    evses = this.evses = new Evses(core, evseIds, options.statusChangesVia);
    this.tx = new Transactions(core, evses, options.idTokens ?? {});
    this.availability = new Availability(core, evses, this.tx, 300);
    new Provisioning(core, options.lateResponseMs ?? 1500);
    new RemoteControl(core, evses, this.tx);
  }

  async start(): Promise<void> {
    if (!this.core.stopped) return;
    await this.core.start();
  }

  async stop(): Promise<void> {
    if (this.core.stopped) return;
    this.tx.stopClock();
    await this.core.stop();
  }

  knowsAction(action: string): boolean {
    return this.actions.includes(action);
  }

  /** The harness's SUT-control vocabulary for a 2.0.1 charging station. */
  async perform(action: string, params: Record<string, unknown>): Promise<StimulusOutcome> {
    if (!this.knowsAction(action)) return { outcome: 'unsupported', detail: `unknown action '${action}'` };
    if (this.core.stopped) return { outcome: 'failed', detail: 'the charging station is not started' };
    if (!this.core.powered && !WITHOUT_POWER.has(action)) return { outcome: 'failed', detail: 'the charging station has no power' };
    switch (action) {
      case 'reboot':
        this.core.bg('reboot', this.availability.localReboot());
        return { outcome: 'done', detail: 'rebooting' };
      case 'powerFailure': {
        const offMs = typeof params.offMs === 'number' ? params.offMs : undefined;
        this.core.bg('power failure', this.availability.powerFailure(offMs));
        return { outcome: 'done', detail: 'power lost' };
      }
      case 'networkDown':
        this.core.networkDown();
        return { outcome: 'done', detail: 'offline' };
      case 'networkUp':
        this.core.networkUpAgain();
        return { outcome: 'done', detail: 'reconnecting' };
    }
    const e = this.evses.get(params.evseId);
    if (!e) return { outcome: 'failed', detail: `unknown EVSE ${String(params.evseId)}` };
    if (params.connectorId !== undefined && params.connectorId !== 1) return { outcome: 'failed', detail: `EVSE ${e.id} has only connector 1` };
    return this.onEvse(action, e, params);
  }

  private onEvse(action: string, e: Evse, params: Record<string, unknown>): StimulusOutcome {
    switch (action) {
      case 'plugIn':
        if (e.cablePlugged && e.evConnected) return { outcome: 'failed', detail: `EVSE ${e.id} is already plugged in` };
        this.tx.plugIn(e);
        return { outcome: 'done' };
      case 'unplug':
        if (!e.cablePlugged) return { outcome: 'failed', detail: `EVSE ${e.id} is not plugged in` };
        this.tx.unplug(e);
        return { outcome: 'done' };
      case 'unplugEvSide':
        if (!e.cablePlugged || !e.evConnected) return { outcome: 'failed', detail: `EVSE ${e.id} has no cable to an EV` };
        this.tx.unplugEvSide(e);
        return { outcome: 'done' };
      case 'presentIdToken': {
        const token = asRecord(params.idToken);
        const idToken = str(token.idToken) ?? str(params.idToken);
        const type = str(token.type) ?? 'ISO14443';
        if (!idToken || idToken.length > 36) return { outcome: 'failed', detail: 'presentIdToken needs idToken {idToken: 1 to 36 characters, type}' };
        this.core.bg('presentIdToken', this.tx.presentIdToken(e, { idToken, type }));
        return { outcome: 'done' };
      }
      case 'evSuspend':
      case 'evResume':
      case 'evNotReady':
        e.tick();
        e.evSuspended = action === 'evSuspend';
        e.evNotReady = action === 'evNotReady';
        this.tx.step(e, 'ChargingStateChanged', { stoppedReason: 'StoppedByEV' });
        return { outcome: 'done' };
      case 'parkingBayOccupied':
      case 'parkingBayUnoccupied':
        e.parkingBayOccupied = action === 'parkingBayOccupied';
        this.tx.step(e, e.parkingBayOccupied ? 'EVDetected' : 'EVDeparted');
        return { outcome: 'done' };
      case 'fault':
      case 'clearFault':
        e.tick();
        e.faulted = action === 'fault';
        this.evses.refresh(e);
        this.tx.step(e, 'AbnormalCondition');
        return { outcome: 'done' };
      default:
        return { outcome: 'unsupported', detail: `unknown action '${action}'` };
    }
  }

  get state(): ChargingStation201State {
    return {
      started: !this.core.stopped,
      connected: this.core.connected,
      registration: this.core.registration,
      activeNetworkSlot: this.core.activeSlot,
      queuedMessages: this.core.outbox.length,
      evses: this.evses.list.map((e) => {
        const t = this.tx.txOf(e);
        return { evseId: e.id, status: this.evses.status(e), cablePlugged: e.cablePlugged, evConnected: e.evConnected, transactionId: t?.id, chargingState: t?.chargingState, meterWh: e.meterWh };
      }),
    };
  }

  /** The current value of a station-wide variable (e.g. 'TxCtrlr', 'TxStartPoint'), or undefined. */
  variableValue(component: string, variable: string, instance?: string): string | undefined {
    const def = this.core.dm.find(component, variable, instance);
    if (!def || def.mutability === 'WriteOnly') return undefined;
    return def.read ? def.read() : def.value;
  }

  /** The device model (read access for tests and the harness's own checks). */
  get deviceModel(): DeviceModel {
    return this.core.dm;
  }

  get frames(): readonly FrameRecord[] {
    return this.core.frameLog.frames;
  }

  onFrame(listener: FrameListener): () => void {
    return this.core.frameLog.subscribe(listener);
  }
}
