import { randomUUID } from 'node:crypto';
import { defineCase } from '../../../harness/dsl/define-case.js';
import { beforeEnergyTransferStarted, withTxSession } from '../transactions/charging-station-states.js';
import { part6 } from './remote-control-steps.js';

export default defineCase({
  id: 'TC_F_09_CS',
  title: 'Remote stop transaction - Rejected',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'F03', requirements: ['F03.FR.08'] },
  purpose: 'RequestStopTransaction with a transactionId that matches no active transaction is answered Rejected.',
  refs: ['OCPP 2.0.1 Part 2 F03.FR.08'],
  provenance: 'OCPP 2.0.1 Part 6 TC_F_09_CS; ours: the other transactionId is a fresh UUID, authorization at the station (the OCTT default), and the session ended after the table.',
  actions: ['presentIdToken', 'plugIn', 'unplug'],
}, async (t) => {
  await withTxSession(t, { teardownStep: 3 }, async (s) => {
    await beforeEnergyTransferStarted(s, 'local');
    let other = randomUUID();
    while (other === s.transactionId) other = randomUUID();
    await t.step(1, 'RequestStopTransaction with another transactionId than the station\'s: Rejected (steps 1–2)', () =>
      s.cp.call('RequestStopTransaction', { transactionId: other }, {
        expect: { status: 'Rejected' }, requirement: `${part6('TC_F_09_CS')} step 2 (tool validation); F03.FR.08`,
      }));
  });
});
