import { defineCase } from '../../../harness/dsl/define-case.js';
import { bootedScope, inTransaction, startWithPowerPath, teardownDeviation } from './csms-transaction-states.js';

export default defineCase({
  id: 'TC_E_02_CSMS',
  title: 'Start transaction options - EnergyTransfer',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'E01 Start Transaction options', requirements: ['E01.FR.06'] },
  purpose: 'The CSMS handles a station whose transaction starts when energy starts to flow: the valid idToken is Accepted in Authorize and in the Started TransactionEvent (chargingState Charging).',
  refs: ['OCPP 2.0.1 Part 2 E01.FR.06', 'OCPP 2.0.1 Part 2 E01.FR.11, E01.FR.12', 'OCPP 2.0.1 Part 2 J02.FR.19'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_02_CSMS; ours: the teardown that ends the transaction.',
  deviations: [teardownDeviation()],
}, async (ctx) => {
  const t = await bootedScope(ctx);
  await inTransaction(t, (tx) => startWithPowerPath(t, tx, { table: 'TC_E_02_CSMS', chargingState: 'Charging' }), { teardownStep: 7 });
});
