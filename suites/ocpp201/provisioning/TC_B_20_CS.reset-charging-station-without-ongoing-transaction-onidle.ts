import { defineCase } from '../../../harness/dsl/define-case.js';
import { ExpectationUnmet } from '../../../harness/dsl/errors.js';
import { expectRebootAndStatuses } from './charging-station-steps.js';

const TABLE = 'Part 6 TC_B_20_CS (Table 41)';

export default defineCase({
  id: 'TC_B_20_CS',
  title: 'Reset Charging Station - Without ongoing transaction - OnIdle',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'B11 Reset - Without Ongoing Transaction', requirements: ['B11.FR.01', 'B11.FR.03', 'B11.FR.04', 'B01.FR.03'] },
  purpose: 'Reset OnIdle of an idle station is Accepted; the station reboots, sends BootNotification and reports every connector Available.',
  refs: ['OCPP 2.0.1 Part 2 B11.FR.01, FR.03, FR.04', 'OCPP 2.0.1 Part 2 B01.FR.03, B01.FR.05'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_20_CS; ours: a reboot that never comes after the Accepted answer is judged as the station\'s failure (B11.FR.03: it SHALL start a reboot).',
}, async (t) => {
  const { csms, step } = t;
  const cp = await csms.booted();
  const next = csms.nextConnection({ requirement: `${TABLE} step 3; Part 2 B11.FR.03: a station that accepted the Reset SHALL start a reboot` });
  next.catch(() => undefined); // awaited in step 3
  await step(1, 'Reset OnIdle (step 2: Accepted)', async () => {
    const res = await cp.call('Reset', { type: 'OnIdle' }, {
      expect: { status: 'Accepted' },
      requirement: `${TABLE} step 2; Part 2 B11.FR.01: the station answers the Reset; idle, it accepts it`,
    });
    if (res.payload.status !== 'Accepted') throw new ExpectationUnmet('the station did not accept the Reset: no reboot to observe');
  });
  await expectRebootAndStatuses(t, next, { table: TABLE, bootStep: 3, statusStep: 5, statusOf: () => 'Available', bootFr: 'B11.FR.04' });
});
