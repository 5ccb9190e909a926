import { defineCase } from '../../../harness/dsl/define-case.js';
import { evseIdsOf } from '../../../harness/versions/ocpp201/module.js';

const TABLE = 'Part 6 TC_B_25_CS (Table 47)';

export default defineCase({
  id: 'TC_B_25_CS',
  title: 'Reset EVSE - Without ongoing transaction',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'B11 Reset - Without Ongoing Transaction', requirements: ['B11.FR.01', 'B11.FR.08', 'B11.FR.10'] },
  purpose: 'A station that resets individual EVSEs accepts Reset OnIdle for an idle EVSE.',
  refs: ['OCPP 2.0.1 Part 2 B11.FR.01, FR.08, FR.10'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_25_CS; ours: the EVSE is the first configured one; the harness then waits messageMs for the EVSE to come back (its statuses are not judged: the table has no post-scenario validation).',
  pics: { all: ['C-13'], text: 'Reset per EVSE' },
}, async (t) => {
  const { csms, step, cfg } = t;
  const evseId = evseIdsOf(cfg)[0]!;
  const cp = await csms.booted();
  await step(1, `Reset OnIdle for EVSE ${evseId} (step 2: Accepted)`, () =>
    cp.call('Reset', { type: 'OnIdle', evseId }, {
      expect: { status: 'Accepted' },
      requirement: `${TABLE} step 2; Part 2 B11.FR.01 and B11.FR.08: a station that resets individual EVSEs accepts the Reset of an idle EVSE and resets it`,
    }));
  // The EVSE reboots (table note); give it time before the next case.
  await t.sleep(Math.min(cfg.timeouts.messageMs, 2000));
});
