import { defineCase } from '../../../harness/dsl/define-case.js';
import { evseIdsOf } from '../../../harness/versions/ocpp201/module.js';
import { cleanUpTransaction, energyTransferStarted, evDisconnected, expectRebootAndStatuses, readTxPoints, stopAuthorized } from './charging-station-steps.js';

const TABLE = 'Part 6 TC_B_41_CS (Table 46)';

export default defineCase({
  id: 'TC_B_41_CS',
  title: 'Reset Charging Station - With multiple ongoing transactions - OnIdle',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'B12 Reset - With Ongoing Transaction', requirements: ['B12.FR.01', 'B12.FR.03', 'E07.FR.03'] },
  purpose: 'Reset OnIdle with transactions on two EVSEs is Scheduled; the station waits until both transactions ended normally, then reboots (reason ScheduledReset) and reports its connectors.',
  refs: ['OCPP 2.0.1 Part 2 B12.FR.01, FR.03', 'OCPP 2.0.1 Part 2 B01.FR.03, FR.05, FR.09', 'OCPP 2.0.1 Part 6 Tables 430–435 (reusable states)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_41_CS, Before by reusable state EnergyTransferStarted on EVSE 1 and 2; ours: EVSE 1 and 2 are the first two configured; the Part 5 condition HFS-8 > 1 is the declared PICS feature HFS-8 and more than one configured EVSE; a cable still plugged in after the reboot is unplugged after the case.',
  deviations: [
    { what: 'After the case the EV is disconnected and the connector reported Available (SHOULD)', why: 'Nothing leaks into the next case', source: 'OCPP 2.0.1 Part 2 G01 (StatusNotification)' },
  ],
  // Part 5: "if no. of EVSEs > 1" (HFS-8 > 1); the configured EVSEs must be more than one as well.
  pics: { all: ['HFS-8'], text: 'more than one EVSE (HFS-8 > 1)' },
  actions: ['plugIn', 'presentIdToken', 'unplug'],
}, async (t) => {
  const { csms, step, cfg } = t;
  const evses = evseIdsOf(cfg);
  if (evses.length < 2) t.notApplicable(`Part 5 condition HFS-8 > 1 not met: the configuration has ${evses.length} EVSE (connectorIds)`);
  const [first, second] = [evses[0]!, evses[1]!];
  const cp = await csms.booted();
  const points = await readTxPoints(cp, TABLE);
  const tx1 = await energyTransferStarted(t, cp, first, TABLE);
  const tx2 = await energyTransferStarted(t, cp, second, TABLE);
  const next = csms.nextConnection({ requirement: `${TABLE} step 11; Part 2 B12.FR.03: once the transactions ended the station reboots as it scheduled` });
  next.catch(() => undefined); // awaited in step 11
  await step(1, 'Reset OnIdle during both transactions (step 2: Scheduled)', () =>
    cp.call('Reset', { type: 'OnIdle' }, {
      expect: { status: 'Scheduled' },
      requirement: `${TABLE} step 2; Part 2 B12.FR.01: Reset OnIdle with transactions ongoing is answered Scheduled`,
    }));
  await step(3, `Reusable states StopAuthorized … ParkingBayUnoccupied for EVSE ${first} (steps 3–6)`, async () => {
    const stop = await stopAuthorized(t, cp, { evseId: first, transactionId: tx1, table: TABLE, stopPoints: points.stop });
    await evDisconnected(t, cp, { evseId: first, transactionId: stop.ended ? undefined : tx1, table: TABLE });
  });
  let secondPlugged = true;
  await step(7, `Reusable states StopAuthorized and EVConnectedPostSession for EVSE ${second} (steps 7–8), EVDisconnected (step 9) if the transaction is still on`, async () => {
    const stop = await stopAuthorized(t, cp, { evseId: second, transactionId: tx2, table: TABLE, stopPoints: points.stop });
    if (!stop.ended) {
      await evDisconnected(t, cp, { evseId: second, transactionId: tx2, table: TABLE });
      secondPlugged = false;
    }
  });
  const rebooted = await expectRebootAndStatuses(t, next, {
    table: TABLE, bootStep: 11, statusStep: 13, reason: 'ScheduledReset', bootFr: 'B12.FR.01 (reason ScheduledReset: B01.FR.09)',
    statusOf: (id) => (id === second && secondPlugged ? 'Occupied' : 'Available'),
  });
  if (secondPlugged) await step(15, 'Ours: the EV is disconnected after the case', () => cleanUpTransaction(t, rebooted, second, undefined, TABLE));
});
