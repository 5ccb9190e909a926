import { defineCase } from '../../../harness/dsl/define-case.js';
import { bootedScope, inTransaction, invalidIdToken, sendTransactionEvent } from './csms-transaction-states.js';

export default defineCase({
  id: 'TC_E_16_CSMS',
  title: 'Stop transaction options - Deauthorized - Invalid idToken',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'E06 Stop Transaction options', requirements: ['E06.FR.04', 'E01.FR.11', 'E01.FR.12'] },
  purpose: 'The CSMS verifies the idToken of a Started TransactionEvent: an invalid idToken is answered Invalid or Unknown, and the station then ends the transaction as Deauthorized.',
  refs: ['OCPP 2.0.1 Part 2 E01.FR.11', 'OCPP 2.0.1 Part 2 E01.FR.12', 'OCPP 2.0.1 Part 2 E06.FR.04', 'OCPP 2.0.1 Part 2 J02.FR.19'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_16_CSMS; ours: nothing beyond the table.',
  deviations: [],
}, async (ctx) => {
  const t = await bootedScope(ctx);
  await inTransaction(t, async (tx) => {
    await t.step(1, 'TransactionEvent Started (Authorized) with the invalid idToken; idTokenInfo Invalid or Unknown (steps 1-2)', () =>
      sendTransactionEvent(t.link, tx, { eventType: 'Started', triggerReason: 'Authorized', idToken: true, evse: false }, {
        expect: { 'idTokenInfo.status': { oneOf: ['Invalid', 'Unknown'] } },
        requirement: 'Part 6 TC_E_16_CSMS step 2 (tool validation); OCPP 2.0.1 E01.FR.11, E01.FR.12: the CSMS verifies the idToken and answers its status (Invalid or Unknown for the configured invalid one)',
      }));
    await t.step(3, 'TransactionEvent Ended (Deauthorized, DeAuthorized); the CSMS answers (steps 3-4)', () =>
      sendTransactionEvent(t.link, tx, { eventType: 'Ended', triggerReason: 'Deauthorized', stoppedReason: 'DeAuthorized' }, {
        requirement: 'Part 6 TC_E_16_CSMS step 4; OCPP 2.0.1 J02.FR.19: the CSMS responds with a TransactionEventResponse',
      }));
  }, { idToken: invalidIdToken(ctx.cfg) });
});
