import { defineCase } from '../../../harness/dsl/define-case.js';
import { beforeEnergyTransferStarted, evSideDisconnect, expectConnectorStatus, expectTxEvent, stimulusMark, txPoint, withTxSession, OVERLAPPING_TRIGGER_DEVIATION } from './charging-station-states.js';

const TC = 'OCPP 2.0.1 Part 6 TC_E_26_CS';

export default defineCase({
  id: 'TC_E_26_CS',
  title: 'Disconnect cable on EV-side - Suspend transaction',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E10 When cable disconnected on EV-side: Suspend Transaction', requirements: ['E10.FR.01', 'E10.FR.03'] },
  purpose: 'With StopTxOnEVSideDisconnect false, the cable pulled out of the EV only suspends the transaction (Updated, EVCommunicationLost, Idle); reconnected, the EV charges again in the same transaction (CablePluggedIn EVConnected, then ChargingStateChanged Charging).',
  refs: ['OCPP 2.0.1 Part 2 E10.FR.01', 'OCPP 2.0.1 Part 2 E10.FR.03'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_26_CS; ours: the table names no Before state, the transaction is brought to EnergyTransferStarted (authorized at the station) as its scenario presupposes; TxStopPoint set to Authorized; the Available report of step 3 looked for only with a fixed cable (declaration HFS-2); the session ended and the configuration restored after the table.',
  deviations: [OVERLAPPING_TRIGGER_DEVIATION],
  pics: { all: ['C-06.1', 'C-12.2', 'AQ-9'], any: ['C-10.2', 'C-10.5'], text: '(C-10.2 or C-10.5) and (C-52 or NOT (C-10.1 or C-10.3 or C-10.4)) and C-06.1 and C-12.2 and AQ-9 and NOT Product Subtype "Mode 1/2-only Charging Station"' },
  actions: ['presentIdToken', 'plugIn', 'unplug', 'unplugEvSide'],
}, async (t) => {
  await withTxSession(t, {
    teardownStep: 9,
    settings: [
      txPoint('TxStopPoint', 'Authorized', ['EnergyTransfer', 'PowerPathClosed', 'DataSigned', 'EVConnected']),
      { component: 'OCPPCommCtrlr', variable: 'UnlockOnEVSideDisconnect', value: 'false' },
      { component: 'TxCtrlr', variable: 'StopTxOnEVSideDisconnect', value: 'false' },
    ],
  }, async (s) => {
    await beforeEnergyTransferStarted(s, 'local');
    const m = stimulusMark(s, 'EV side disconnect');
    await t.step(1, 'The cable is pulled out of the EV: TransactionEvent Updated, EVCommunicationLost, Idle (steps 1–2)', () => evSideDisconnect(s, {
      match: { eventType: 'Updated' }, requirement: `${TC} step 1; E10.FR.01 (the transaction is suspended, not stopped), E01.FR.15`,
    }));
    if (t.cfg.declarations.pics?.includes('HFS-2')) {
      await t.step(3, 'Fixed cable: the connector reported Available (steps 3–4)', () =>
        expectConnectorStatus(s, 'Available', `${TC} step 3; E10 (a fixed cable pulled out of the EV)`, m.after));
    }
    const back = stimulusMark(s, 'the EV is connected again');
    await t.step(5, 'The cable is put back into the EV: TransactionEvent Updated, CablePluggedIn, EVConnected (steps 5–6)', async () => {
      await t.sut.do('plugIn', { evseId: s.evseId, connectorId: s.connectorId });
      return expectTxEvent(s, {
        after: back.after, match: { triggerReason: 'CablePluggedIn', 'transactionInfo.chargingState': 'EVConnected', eventType: 'Updated' },
        requirement: `${TC} step 5; E10.FR.03, E02.FR.17 (CablePluggedIn in the ongoing transaction)`,
      });
    });
    await t.step(7, 'Charging resumes: TransactionEvent Updated, ChargingStateChanged, Charging (steps 7–8)', () => expectTxEvent(s, {
      after: back.after, where: { triggerReason: 'ChargingStateChanged' }, match: { 'transactionInfo.chargingState': 'Charging', eventType: 'Updated' },
      requirement: `${TC} step 7; E01.FR.18 (a changed charging state is reported)`,
    }));
  });
});
