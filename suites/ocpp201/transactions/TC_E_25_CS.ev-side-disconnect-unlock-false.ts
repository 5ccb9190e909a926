import { defineCase } from '../../../harness/dsl/define-case.js';
import { beforeEnergyTransferSuspended, evSideDisconnect, expectConnectorStatus, stimulusMark, withTxSession, OVERLAPPING_TRIGGER_DEVIATION } from './charging-station-states.js';

const TC = 'OCPP 2.0.1 Part 6 TC_E_25_CS';

export default defineCase({
  id: 'TC_E_25_CS',
  title: 'Disconnect cable on EV-side - Deauthorize transaction - UnlockOnEVSideDisconnect is false',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E09 When cable disconnected on EV-side: Stop Transaction', requirements: ['E09.FR.01', 'E09.FR.03', 'E09.FR.04'] },
  purpose: 'With StopTxOnEVSideDisconnect true and UnlockOnEVSideDisconnect false, the cable pulled out of the EV deauthorizes the transaction (EVCommunicationLost, Idle); a detachable cable is unlocked with the idToken and removed, and the connector reported Available.',
  refs: ['OCPP 2.0.1 Part 2 E09.FR.01', 'OCPP 2.0.1 Part 2 E09.FR.03', 'OCPP 2.0.1 Part 2 E09.FR.04'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_25_CS; ours: the idToken is presented and the cable removed only for a detachable cable (declaration HFS-1); the manual actions through SUT control, and the session ended and the configuration restored after the table.',
  deviations: [OVERLAPPING_TRIGGER_DEVIATION],
  pics: { all: ['C-06.2', 'C-12.2', 'AQ-9'], text: 'C-06.2 and C-12.2 and (AQ-9 OR Product Subtype "Mode 1/2-only Charging Station")' },
  actions: ['presentIdToken', 'plugIn', 'unplug', 'unplugEvSide', 'evSuspend'],
}, async (t) => {
  await withTxSession(t, {
    teardownStep: 5,
    settings: [
      { component: 'TxCtrlr', variable: 'StopTxOnEVSideDisconnect', value: 'true' },
      { component: 'OCPPCommCtrlr', variable: 'UnlockOnEVSideDisconnect', value: 'false' },
    ],
  }, async (s) => {
    await beforeEnergyTransferSuspended(s, 'local');
    const m = stimulusMark(s, 'EV side disconnect');
    await t.step(1, 'The cable is pulled out of the EV: TransactionEvent EVCommunicationLost, Idle (steps 1–2)', () => evSideDisconnect(s, {
      requirement: `${TC} step 1; E09.FR.01 / E09.FR.04 (StopTxOnEVSideDisconnect: the transaction is deauthorized), E01.FR.15`,
    }));
    await t.step(3, 'A detachable cable: unlocked with the idToken and removed at the station; the connector Available (steps 3–4)', async () => {
      let mark = m;
      if (t.cfg.declarations.pics?.includes('HFS-1')) {
        mark = stimulusMark(s, 'the idToken unlocks the cable, which is removed at the station');
        await t.sut.do('presentIdToken', { evseId: s.evseId, idToken: s.idToken });
        // The station may take the idToken as a new authorization: withdrawn after the case.
        s.authorized = true;
        s.authorizedBy = 'local';
        await t.sut.do('unplug', { evseId: s.evseId, connectorId: s.connectorId });
        s.plugged = false;
      }
      await expectConnectorStatus(s, 'Available', `${TC} step 3; E09.FR.03 (the cable stays locked until the idToken is presented), E09`, mark.after);
    });
  });
});
