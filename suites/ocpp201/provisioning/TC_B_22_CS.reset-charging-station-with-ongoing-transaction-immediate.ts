import { defineCase } from '../../../harness/dsl/define-case.js';
import { evseIdsOf } from '../../../harness/versions/ocpp201/module.js';
import { cleanUpTransaction, energyTransferStarted, expectBeforeClose, expectRebootAndStatuses } from './charging-station-steps.js';

const TABLE = 'Part 6 TC_B_22_CS (Table 43)';

export default defineCase({
  id: 'TC_B_22_CS',
  title: 'Reset Charging Station - With Ongoing Transaction - Immediate',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'B12 Reset - With Ongoing Transaction', requirements: ['B12.FR.02', 'B12.FR.04', 'E07.FR.03', 'B01.FR.03'] },
  purpose: 'Reset Immediate during a transaction is Accepted; the station ends the transaction (ResetCommand, ImmediateReset) before it reboots (reason RemoteReset), then reports the EVSE with the EV Occupied and the others Available.',
  refs: ['OCPP 2.0.1 Part 2 B12.FR.02, FR.04', 'OCPP 2.0.1 Part 2 E07.FR.03', 'OCPP 2.0.1 Part 2 B01.FR.03, FR.05, FR.09'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_22_CS, Before by reusable state EnergyTransferStarted; ours: the EVSE is the first configured one; the EV is unplugged after the case.',
  deviations: [
    { what: 'After the case the EV is disconnected and the connector reported Available (SHOULD)', why: 'Nothing leaks into the next case', source: 'OCPP 2.0.1 Part 2 G01 (StatusNotification)' },
  ],
  actions: ['plugIn', 'presentIdToken', 'unplug'],
}, async (t) => {
  const { csms, step, cfg } = t;
  const evseId = evseIdsOf(cfg)[0]!;
  const cp = await csms.booted();
  const transactionId = await energyTransferStarted(t, cp, evseId, TABLE);
  const next = csms.nextConnection({ requirement: `${TABLE} step 5; Part 2 B12.FR.02: a station that accepted the Reset SHALL reboot` });
  next.catch(() => undefined); // awaited in step 5
  const reset = await step(1, 'Reset Immediate during the transaction (step 2: Accepted)', () =>
    cp.call('Reset', { type: 'Immediate' }, {
      expect: { status: 'Accepted' },
      requirement: `${TABLE} step 2; Part 2 B12.FR.02: Reset Immediate with a transaction ongoing is answered Accepted`,
    }));
  await step(3, 'The station ends the transaction before it reboots (step 4: the harness answers)', () =>
    expectBeforeClose(t, cp, 'TransactionEvent', {
      where: { 'transactionInfo.transactionId': transactionId, eventType: 'Ended' }, after: reset.call.seq,
      match: { triggerReason: 'ResetCommand', 'transactionInfo.chargingState': 'EVConnected', 'transactionInfo.stoppedReason': 'ImmediateReset', idToken: { present: false } },
      requirement: `${TABLE} step 3: TransactionEvent Ended, triggerReason ResetCommand, chargingState EVConnected, stoppedReason ImmediateReset, no idToken (Part 2 B12.FR.04, E07.FR.03)`,
    }));
  const rebooted = await expectRebootAndStatuses(t, next, {
    table: TABLE, bootStep: 5, statusStep: 7, reason: 'RemoteReset', bootFr: 'B12.FR.02 (reason RemoteReset: B01.FR.09)',
    statusOf: (id) => (id === evseId ? 'Occupied' : 'Available'),
  });
  await step(9, 'Ours: the EV is disconnected after the case', () => cleanUpTransaction(t, rebooted, evseId, undefined, TABLE));
});
