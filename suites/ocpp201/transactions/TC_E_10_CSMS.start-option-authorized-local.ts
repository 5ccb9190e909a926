import { defineCase } from '../../../harness/dsl/define-case.js';
import { bootedScope, inTransaction, sendTransactionEvent, teardownDeviation } from './csms-transaction-states.js';

export default defineCase({
  id: 'TC_E_10_CSMS',
  title: 'Start transaction options - Authorized - Local',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'E01 Start Transaction options', requirements: ['E01.FR.03'] },
  purpose: 'The CSMS handles a station whose transaction starts when the driver is authorized locally: the valid idToken is Accepted in Authorize and in the Started TransactionEvent (triggerReason Authorized).',
  refs: ['OCPP 2.0.1 Part 2 E01.FR.03', 'OCPP 2.0.1 Part 2 E01.FR.11, E01.FR.12'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_10_CSMS; ours: the teardown that ends the transaction (no cable came: EVConnectTimeout).',
  deviations: [teardownDeviation()],
}, async (ctx) => {
  const t = await bootedScope(ctx);
  await inTransaction(t, async (tx) => {
    await t.step(1, 'Authorize with the valid idToken; the CSMS answers Accepted (steps 1-2)', () =>
      t.link.call('Authorize', { idToken: tx.idToken }, {
        expect: { 'idTokenInfo.status': 'Accepted' },
        requirement: 'Part 6 TC_E_10_CSMS step 2 (tool validation); OCPP 2.0.1 C01: a valid idToken is Accepted',
      }));
    await t.step(3, 'TransactionEvent Started (Authorized) with the idToken; idTokenInfo Accepted (steps 3-4)', () =>
      sendTransactionEvent(t.link, tx, { eventType: 'Started', triggerReason: 'Authorized', idToken: true, evse: false }, {
        expect: { 'idTokenInfo.status': 'Accepted' },
        requirement: 'Part 6 TC_E_10_CSMS step 4 (tool validation); OCPP 2.0.1 E01.FR.11, E01.FR.12: the CSMS answers idTokenInfo with the status of the idToken (Accepted for a valid one)',
      }));
    tx.authorized = true;
  }, { teardownStep: 5 });
});
