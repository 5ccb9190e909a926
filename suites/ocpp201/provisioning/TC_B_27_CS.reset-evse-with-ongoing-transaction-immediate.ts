import { defineCase } from '../../../harness/dsl/define-case.js';
import { evseIdsOf } from '../../../harness/versions/ocpp201/module.js';
import { cleanUpTransaction, energyTransferStarted, expectBeforeClose } from './charging-station-steps.js';

const TABLE = 'Part 6 TC_B_27_CS (Table 49)';

export default defineCase({
  id: 'TC_B_27_CS',
  title: 'Reset EVSE - With Ongoing Transaction - Immediate',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'B12 Reset - With Ongoing Transaction', requirements: ['B12.FR.02', 'B12.FR.08', 'E07.FR.03'] },
  purpose: 'Reset Immediate of an EVSE with a transaction is Accepted; the station ends that transaction (ResetCommand, ImmediateReset) before the EVSE resets.',
  refs: ['OCPP 2.0.1 Part 2 B12.FR.02, FR.08', 'OCPP 2.0.1 Part 2 E07.FR.03'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_27_CS, Before by reusable state EnergyTransferStarted; ours: the EVSE is the first configured one; the EV is unplugged after the case.',
  deviations: [
    { what: 'After the case the EV is disconnected and the connector reported Available (SHOULD)', why: 'Nothing leaks into the next case', source: 'OCPP 2.0.1 Part 2 G01 (StatusNotification)' },
  ],
  pics: { all: ['C-13'], text: 'Reset per EVSE' },
  actions: ['plugIn', 'presentIdToken', 'unplug'],
}, async (t) => {
  const { csms, step, cfg } = t;
  const evseId = evseIdsOf(cfg)[0]!;
  let cp = await csms.booted();
  const transactionId = await energyTransferStarted(t, cp, evseId, TABLE);
  const reset = await step(1, `Reset Immediate for EVSE ${evseId} during its transaction (step 2: Accepted)`, () =>
    cp.call('Reset', { type: 'Immediate', evseId }, {
      expect: { status: 'Accepted' },
      requirement: `${TABLE} step 2; Part 2 B12.FR.02: Reset Immediate with a transaction ongoing is answered Accepted`,
    }));
  await step(3, 'The station ends the transaction on that EVSE (step 4: the harness answers)', () =>
    expectBeforeClose(t, cp, 'TransactionEvent', {
      where: { 'transactionInfo.transactionId': transactionId, eventType: 'Ended' }, after: reset.call.seq,
      match: { triggerReason: 'ResetCommand', 'transactionInfo.chargingState': 'EVConnected', 'transactionInfo.stoppedReason': 'ImmediateReset' },
      requirement: `${TABLE} step 3: TransactionEvent Ended, triggerReason ResetCommand, chargingState EVConnected, stoppedReason ImmediateReset (Part 2 B12.FR.08, E07.FR.03)`,
    }));
  if (!cp.isOpen) cp = await csms.booted();
  await step(5, 'Ours: the EV is disconnected after the case', () => cleanUpTransaction(t, cp, evseId, undefined, TABLE));
});
