import { defineCase } from '../../../harness/dsl/define-case.js';
import { bootedScope, inTransaction, stateEnergyTransferSuspended, stateEvDisconnected } from './csms-transaction-states.js';

export default defineCase({
  id: 'TC_E_20_CSMS',
  title: 'Stop transaction options - EVDisconnected - EV side (able to charge IEC 61851-1 EV)',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'E06 Stop Transaction options', requirements: ['E06.FR.02'] },
  purpose: 'The CSMS handles a suspended transaction that ends when the cable is pulled at the EV side: the station reports the post-session states, the connector Available and TransactionEvent Ended.',
  refs: ['OCPP 2.0.1 Part 2 E06.FR.02', 'OCPP 2.0.1 Part 2 E10', 'OCPP 2.0.1 Part 2 J02.FR.19'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_20_CSMS (Before: reusable state EnergyTransferSuspended as step 0; EVDisconnected runs the states it needs first); ours: nothing beyond the table.',
  deviations: [],
}, async (ctx) => {
  const t = await bootedScope(ctx);
  await inTransaction(t, async (tx) => {
    await stateEnergyTransferSuspended(t, tx, 0);
    await stateEvDisconnected(t, tx, 1);
  });
});
