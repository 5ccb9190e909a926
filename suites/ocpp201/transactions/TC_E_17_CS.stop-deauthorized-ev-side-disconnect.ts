import { defineCase } from '../../../harness/dsl/define-case.js';
import { AUTH_ENABLED, beforeEnergyTransferStarted, evSideDisconnect, expectConnectorStatus, stimulusMark, txPoint, withTxSession, OVERLAPPING_TRIGGER_DEVIATION } from './charging-station-states.js';

const TC = 'OCPP 2.0.1 Part 6 TC_E_17_CS';

export default defineCase({
  id: 'TC_E_17_CS',
  title: 'Stop transaction options - Deauthorized - EV side disconnect',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E06(S4) Stop Transaction options - Deauthorized', requirements: ['E06.FR.04', 'E06.FR.15'] },
  purpose: 'With StopTxOnEVSideDisconnect true and TxStopPoint Authorized, the cable pulled out of the EV deauthorizes and ends the transaction (Ended, EVCommunicationLost, Idle, EVDisconnected); removing the cable at the station then reports Available.',
  refs: ['OCPP 2.0.1 Part 2 E06.FR.04', 'OCPP 2.0.1 Part 2 E09'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_17_CS; ours: the table names no Before state, the transaction is brought to EnergyTransferStarted (authorized at the station) as its scenario presupposes; TxStopPoint set to Authorized; the idToken is presented to unlock only for a detachable cable (declaration HFS-1), and the session ended and the configuration restored after the table.',
  deviations: [OVERLAPPING_TRIGGER_DEVIATION],
  pics: { all: ['C-06.2', 'AQ-9'], any: ['C-10.2', 'C-10.3'], text: '(C-10.2 or C-10.3) and C-06.2 and AQ-9' },
  actions: ['presentIdToken', 'plugIn', 'unplug', 'unplugEvSide'],
}, async (t) => {
  await withTxSession(t, {
    teardownStep: 5,
    settings: [
      txPoint('TxStopPoint', 'Authorized', ['EnergyTransfer', 'DataSigned', 'EVConnected']),
      { component: 'TxCtrlr', variable: 'StopTxOnEVSideDisconnect', value: 'true' },
      { component: 'OCPPCommCtrlr', variable: 'UnlockOnEVSideDisconnect', value: 'false' },
      ...AUTH_ENABLED,
    ],
  }, async (s) => {
    await beforeEnergyTransferStarted(s, 'local');
    await t.step(1, 'The cable is pulled out of the EV: TransactionEvent Ended, EVCommunicationLost, Idle, stoppedReason EVDisconnected (steps 1–2)', () => evSideDisconnect(s, {
      match: { eventType: 'Ended', 'transactionInfo.stoppedReason': 'EVDisconnected' },
      requirement: `${TC} step 1; E06.FR.04 (deauthorized: StopTxOnEVSideDisconnect), E01.FR.15`,
    }));
    await t.step(3, 'Unlock with the idToken (detachable cable) and remove the cable at the station: Available (steps 3–4)', async () => {
      const m = stimulusMark(s, 'the cable is removed at the station');
      if (t.cfg.declarations.pics?.includes('HFS-1')) {
        await t.sut.do('presentIdToken', { evseId: s.evseId, idToken: s.idToken });
        // The station may take the idToken as a new authorization: withdrawn after the case.
        s.authorized = true;
        s.authorizedBy = 'local';
      }
      await t.sut.do('unplug', { evseId: s.evseId, connectorId: s.connectorId });
      s.plugged = false;
      await expectConnectorStatus(s, 'Available', `${TC} step 3; E09 (the connector is Available once the cable is removed)`, m.after);
    });
  });
});
