import { defineCase } from '../../../harness/dsl/define-case.js';
import { evseIdsOf } from '../../../harness/versions/ocpp201/module.js';
import { cleanUpTransaction, energyTransferStarted, evDisconnected, expectRebootAndStatuses, readTxPoints, stopAuthorized } from './charging-station-steps.js';

const TABLE = 'Part 6 TC_B_21_CS (Table 42)';

export default defineCase({
  id: 'TC_B_21_CS',
  title: 'Reset Charging Station - With Ongoing Transaction - OnIdle',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'B12 Reset - With Ongoing Transaction', requirements: ['B12.FR.01', 'B12.FR.03'] },
  purpose: 'Reset OnIdle during a transaction is Scheduled; the station reboots (reason ScheduledReset) only once the transaction has ended normally, then reports its connectors and its reboot as a security event.',
  refs: ['OCPP 2.0.1 Part 2 B12.FR.01, FR.03', 'OCPP 2.0.1 Part 2 B01.FR.03, FR.05, FR.09', 'OCPP 2.0.1 Part 6 Tables 430–435 (reusable states)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_21_CS, Before by reusable state EnergyTransferStarted; ours: the EVSE is the first configured one; which of steps 3–6 run follows TxStopPoint as the reusable states\' notes say; a cable still plugged in after the reboot is unplugged after the case.',
  deviations: [
    { what: 'After the case the EV is disconnected and the connector reported Available (SHOULD)', why: 'Nothing leaks into the next case', source: 'OCPP 2.0.1 Part 2 G01 (StatusNotification)' },
  ],
  actions: ['plugIn', 'presentIdToken', 'unplug'],
}, async (t) => {
  const { csms, step, cfg } = t;
  const evseId = evseIdsOf(cfg)[0]!;
  const cp = await csms.booted();
  const points = await readTxPoints(cp, TABLE);
  const transactionId = await energyTransferStarted(t, cp, evseId, TABLE);
  const next = csms.nextConnection({ requirement: `${TABLE} step 7; Part 2 B12.FR.03: once the transaction ended the station reboots as it scheduled` });
  next.catch(() => undefined); // awaited in step 7
  await step(1, 'Reset OnIdle during the transaction (step 2: Scheduled)', () =>
    cp.call('Reset', { type: 'OnIdle' }, {
      expect: { status: 'Scheduled' },
      requirement: `${TABLE} step 2; Part 2 B12.FR.01: Reset OnIdle with a transaction ongoing is answered Scheduled`,
    }));
  const stop = await step(3, 'Reusable state StopAuthorized: the idToken is presented again', () =>
    stopAuthorized(t, cp, { evseId, transactionId, table: TABLE, stopPoints: points.stop }));
  let plugged = true;
  if (!stop.ended) {
    await step(5, 'Reusable states EVConnectedPostSession and EVDisconnected: the EV is disconnected, the transaction ends', () =>
      evDisconnected(t, cp, { evseId, transactionId, table: TABLE }));
    plugged = false;
  }
  const rebooted = await expectRebootAndStatuses(t, next, {
    table: TABLE, bootStep: 7, statusStep: 9, reason: 'ScheduledReset', bootFr: 'B12.FR.01 (reason ScheduledReset: B01.FR.09)',
    statusOf: (id) => (id === evseId && plugged ? 'Occupied' : 'Available'),
  });
  await step(11, 'The station reports its reboot as a security event (step 12: the harness answers)', () =>
    rebooted.expectCall('SecurityEventNotification', {
      match: { type: { oneOf: ['StartupOfTheDevice', 'ResetOrReboot'] } },
      requirement: `${TABLE} step 11: SecurityEventNotification type StartupOfTheDevice or ResetOrReboot (Part 2 A04 security events)`,
    }));
  if (plugged) await step(13, 'Ours: the EV is disconnected after the case', () => cleanUpTransaction(t, rebooted, evseId, undefined, TABLE));
});
