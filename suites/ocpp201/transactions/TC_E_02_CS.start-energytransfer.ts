import { defineCase } from '../../../harness/dsl/define-case.js';
import { AUTH_ENABLED, authorized, connectEv, evseMatch, expectTxEvent, idTokenMatch, txPoint, withTxSession, judgeTableTrigger, OVERLAPPING_TRIGGER_DEVIATION } from './charging-station-states.js';

const TC = 'OCPP 2.0.1 Part 6 TC_E_02_CS';

export default defineCase({
  id: 'TC_E_02_CS',
  title: 'Start transaction options - EnergyTransfer',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E01(S6) Start Transaction options - EnergyTransfer', requirements: ['E01.FR.06', 'E01.FR.07', 'E01.FR.10', 'E01.FR.15', 'E01.FR.16'] },
  purpose: 'With TxStartPoint EnergyTransfer, an authorized driver connecting the EV makes the station start the transaction when energy starts to flow (Started, Charging, with the idToken and the EVSE).',
  refs: ['OCPP 2.0.1 Part 2 E01.FR.06', 'OCPP 2.0.1 Part 2 E01.FR.10', 'OCPP 2.0.1 Part 2 E01.FR.16', 'OCPP 2.0.1 Part 2 E02.FR.05'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_02_CS; ours: TxStartPoint set to EnergyTransfer alone, authorization at the station (the OCTT default), and the session ended and the configuration restored after the table.',
  deviations: [OVERLAPPING_TRIGGER_DEVIATION],
  pics: { all: ['C-09.5'], text: 'C-09.5 and (C-51 or NOT (C-09.1 or C-09.2 or C-09.3 or C-09.4 or C-09.6))' },
  actions: ['presentIdToken', 'plugIn', 'unplug'],
}, async (t) => {
  await withTxSession(t, {
    teardownStep: 5,
    settings: [txPoint('TxStartPoint', 'EnergyTransfer', ['ParkingBayOccupancy', 'EVConnected', 'Authorized', 'DataSigned', 'PowerPathClosed']), ...AUTH_ENABLED],
  }, async (s) => {
    await t.step(0, 'Before: reusable state Authorized (local)', () => authorized(s, 'local'));
    const m = await t.step(1, 'Connect the EV; the station reports the connector Occupied (steps 1–2)', () =>
      connectEv(s, `${TC} step 1; E02.FR.05 (Occupied when a cable is plugged in)`));
    await t.step(3, 'The transaction starts with the energy transfer: Started, Charging, idToken and EVSE (steps 3–4)', async () => {
      const requirement = `${TC} step 3; E01.FR.06 (start at EnergyTransfer), E01.FR.10 (idToken), E01.FR.16 (evse), E01.FR.15`;
      // The energy flows as the cable goes in: CablePluggedIn is the more specific trigger (E02.FR.17 note).
      const started = await expectTxEvent(s, {
        after: m.after,
        match: { eventType: 'Started', triggerReason: { oneOf: ['ChargingStateChanged', 'Authorized', 'CablePluggedIn'] }, ...idTokenMatch(s), ...evseMatch(s), 'transactionInfo.chargingState': 'Charging' },
        requirement,
      });
      judgeTableTrigger(s, started, ['ChargingStateChanged', 'Authorized'], `${requirement}: triggerReason ChargingStateChanged or Authorized`);
    });
  });
});
