import { defineCase } from '../../../harness/dsl/define-case.js';
import { beforeEnergyTransferStarted, stopAuthorized, withTxSession } from '../transactions/charging-station-states.js';

export default defineCase({
  id: 'TC_F_08_CS',
  title: 'Remote stop transaction - Success',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'F03', requirements: ['F03.FR.02', 'F03.FR.03', 'F03.FR.07', 'F03.FR.09'] },
  purpose: 'RequestStopTransaction for the running transaction is accepted and the next TransactionEvent says RemoteStop.',
  refs: ['OCPP 2.0.1 Part 2 F03.FR.02', 'OCPP 2.0.1 Part 2 F03.FR.03', 'OCPP 2.0.1 Part 2 F03.FR.07'],
  provenance: 'OCPP 2.0.1 Part 6 TC_F_08_CS (reusable states EnergyTransferStarted and StopAuthorized Main B); ours: authorization at the station (the OCTT default), and the session ended after the table.',
  actions: ['presentIdToken', 'plugIn', 'unplug'],
}, async (t) => {
  await withTxSession(t, { teardownStep: 3 }, async (s) => {
    await beforeEnergyTransferStarted(s, 'local');
    await t.step(1, 'Reusable state StopAuthorized (remote): RequestStopTransaction Accepted; TransactionEvent RemoteStop', () => stopAuthorized(s, 'remote'));
  });
});
