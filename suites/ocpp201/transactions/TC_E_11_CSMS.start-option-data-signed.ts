import { defineCase } from '../../../harness/dsl/define-case.js';
import { bootedScope, inTransaction, startWithPowerPath, teardownDeviation } from './csms-transaction-states.js';

export default defineCase({
  id: 'TC_E_11_CSMS',
  title: 'Start transaction options - DataSigned',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'E01 Start Transaction options', requirements: ['E01.FR.04'] },
  purpose: 'The CSMS handles a station whose transaction starts when a signed meter value was read: the Started TransactionEvent (SignedDataReceived) carries a signed Transaction.Begin reading, and the valid idToken is Accepted in Authorize and in that event.',
  refs: ['OCPP 2.0.1 Part 2 E01.FR.04', 'OCPP 2.0.1 Part 2 E01.FR.11, E01.FR.12', 'OCPP 2.0.1 Part 2 J02.FR.19'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_11_CSMS; ours: the signed reading is an ECDSA P-256 signature over the reading made by the harness; the teardown that ends the transaction.',
  deviations: [teardownDeviation()],
}, async (ctx) => {
  const t = await bootedScope(ctx);
  await inTransaction(t, (tx) => startWithPowerPath(t, tx, { table: 'TC_E_11_CSMS', triggerReason: 'SignedDataReceived', signedBegin: true, thenCharging: true }), { teardownStep: 9 });
});
