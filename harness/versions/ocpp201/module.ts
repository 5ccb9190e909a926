// OCPP 2.0.1 as the runner drives it: role defaults, reusable states, reference peers.
import { ExpectationUnmet, Inconclusive } from '../../dsl/errors.js';
import type { VersionModule } from '../version-module.js';
import { ChargingStationConditions } from './conditions/charging-station.js';
import { connectorReport } from './connector-status-report.js';
import { OCPP201 } from './facts.js';
import { stationCertificates } from './roles/charging-station-certificates.js';
import { chargingStationDefaults201 } from './roles/charging-station-defaults.js';
import { csmsDefaults201, type CsmsMemory201 } from './roles/csms-defaults.js';
import { BUILTIN_CSMS_DECLARATIONS_201, BUILTIN_DECLARATIONS_201, startReferenceChargingStation201, startReferenceCsms201, CHARGING_STATION_QUIRKS_201, CSMS_QUIRKS_201 } from './reference/index.js';

/** EVSE ids of a 2.0.1 run: `connectorIds` of the configuration, read as EVSEs with one connector (id 1) each. */
export const evseIdsOf = (cfg: { connectorIds: number[] }) => cfg.connectorIds;

export const OCPP201_MODULE: VersionModule = {
  facts: OCPP201,
  csmsDefaults(cfg) {
    const memory: CsmsMemory201 = { transactions: new Map() };
    return () => csmsDefaults201(cfg, memory);
  },
  chargePointDefaults: (cfg, role) => chargingStationDefaults201(cfg, stationCertificates(role.security)),
  async settleBoot(link, cfg) {
    const boot = await link.expectCall('BootNotification', { requirement: 'OCPP 2.0.1 B01.FR.01: a charging station sends BootNotificationRequest when it boots' });
    const accepted = await boot.replied;
    if (link.link.state.bootStatus !== 'Accepted') throw new Inconclusive('reusable state Booted: the BootNotification was not accepted');
    // B01.FR.05: once accepted the station reports each connector's status (StatusNotification, or the
    // NotifyEvent form Part 6's Booted also lists); a stimulus before that could be lost.
    for (const evseId of evseIdsOf(cfg)) {
      const { action, ...form } = connectorReport(evseId, 1);
      await link.expectCall(action, {
        ...form, after: accepted.seq,
        requirement: 'OCPP 2.0.1 B01.FR.05 (reusable state Booted step 5): after an accepted boot the charging station reports the status of every connector',
      });
    }
  },
  async bootAsChargePoint(link, cfg) {
    const boot = await link.call('BootNotification', { chargingStation: { model: 'virtual-cs', vendorName: 'ocpp-harness' }, reason: 'PowerUp' }, {
      expect: { status: 'Accepted' }, requirement: 'Reusable state Booted: the CSMS accepts the BootNotification',
    });
    link.link.state.bootStatus = boot.payload.status as 'Accepted';
    if (boot.payload.status !== 'Accepted') throw new ExpectationUnmet('BootNotification not accepted');
    for (const evseId of evseIdsOf(cfg)) {
      await link.call('StatusNotification', { timestamp: new Date().toISOString(), connectorStatus: 'Available', evseId, connectorId: 1 }, {
        requirement: 'OCPP 2.0.1 G01: the CSMS answers StatusNotification',
      });
    }
  },
  chargePointConditions: (role, cfg, perform) => new ChargingStationConditions(role, cfg, perform),
  reference: {
    features: { ChargePoint: ['Core'], Csms: ['Core'] },
    declarations: { ChargePoint: BUILTIN_DECLARATIONS_201, Csms: BUILTIN_CSMS_DECLARATIONS_201 },
    chargePointQuirks: CHARGING_STATION_QUIRKS_201,
    csmsQuirks: CSMS_QUIRKS_201,
    startChargePoint: startReferenceChargingStation201,
    startCsms: startReferenceCsms201,
  },
};
