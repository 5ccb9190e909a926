import { defineCase } from '../../../harness/dsl/define-case.js';
import { beforeEnergyTransferSuspended, evSideDisconnect, expectConnectorStatus, stimulusMark, withTxSession, OVERLAPPING_TRIGGER_DEVIATION } from './charging-station-states.js';

const TC = 'OCPP 2.0.1 Part 6 TC_E_24_CS';

export default defineCase({
  id: 'TC_E_24_CS',
  title: 'Disconnect cable on EV-side - Deauthorize transaction - UnlockEVSideDisconnect is true',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E09 When cable disconnected on EV-side: Stop Transaction', requirements: ['E09.FR.01', 'E09.FR.02', 'E09.FR.04'] },
  purpose: 'With StopTxOnEVSideDisconnect and UnlockOnEVSideDisconnect true, the cable pulled out of the EV deauthorizes the transaction (EVCommunicationLost, Idle); removing it at the station reports Available.',
  refs: ['OCPP 2.0.1 Part 2 E09.FR.01', 'OCPP 2.0.1 Part 2 E09.FR.02', 'OCPP 2.0.1 Part 2 E09.FR.04'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_24_CS; ours: authorization at the station (the OCTT default), the manual actions through SUT control, and the session ended and the configuration restored after the table.',
  deviations: [OVERLAPPING_TRIGGER_DEVIATION],
  pics: { all: ['HFS-1', 'C-06.2', 'C-12.1', 'AQ-9'], text: 'HFS-1 and C-06.2 and C-12.1 and AQ-9 and NOT Product Subtype "Mode 1/2-only Charging Station"' },
  actions: ['presentIdToken', 'plugIn', 'unplug', 'unplugEvSide', 'evSuspend'],
}, async (t) => {
  await withTxSession(t, {
    teardownStep: 5,
    settings: [
      { component: 'TxCtrlr', variable: 'StopTxOnEVSideDisconnect', value: 'true' },
      { component: 'OCPPCommCtrlr', variable: 'UnlockOnEVSideDisconnect', value: 'true' },
    ],
  }, async (s) => {
    await beforeEnergyTransferSuspended(s, 'local');
    await t.step(1, 'The cable is pulled out of the EV: TransactionEvent EVCommunicationLost, Idle (steps 1–2)', () => evSideDisconnect(s, {
      requirement: `${TC} step 1; E09.FR.01 / E09.FR.04 (StopTxOnEVSideDisconnect: the transaction is deauthorized), E01.FR.15`,
    }));
    await t.step(3, 'The cable is removed at the station: Available (steps 3–4)', async () => {
      const m = stimulusMark(s, 'the cable is removed at the station');
      await t.sut.do('unplug', { evseId: s.evseId, connectorId: s.connectorId });
      s.plugged = false;
      await expectConnectorStatus(s, 'Available', `${TC} step 3; E09.FR.02 (unlocked: the cable can be removed, the connector is Available)`, m.after);
    });
  });
});
