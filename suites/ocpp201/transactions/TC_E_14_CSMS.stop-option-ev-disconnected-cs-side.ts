import { defineCase } from '../../../harness/dsl/define-case.js';
import { bootedScope, inTransaction, stateEvConnectedPostSession, stateEvDisconnected } from './csms-transaction-states.js';

export default defineCase({
  id: 'TC_E_14_CSMS',
  title: 'Stop transaction options - EVDisconnected - Charging Station side',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'E06 Stop Transaction options', requirements: ['E06.FR.02'] },
  purpose: 'The CSMS handles a transaction that ends when the EV is disconnected: after the post-session state the connector goes Available and the station sends TransactionEvent Ended (EVCommunicationLost, EVDisconnected).',
  refs: ['OCPP 2.0.1 Part 2 E06.FR.02', 'OCPP 2.0.1 Part 2 J02.FR.19'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_14_CSMS (Before: reusable state EVConnectedPostSession as step 0, with the states it needs); ours: nothing beyond the table.',
  deviations: [],
}, async (ctx) => {
  const t = await bootedScope(ctx);
  await inTransaction(t, async (tx) => {
    await stateEvConnectedPostSession(t, tx, 0);
    await stateEvDisconnected(t, tx, 1);
  });
});
