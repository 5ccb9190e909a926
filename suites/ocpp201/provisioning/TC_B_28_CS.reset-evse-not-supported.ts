import { defineCase } from '../../../harness/dsl/define-case.js';
import { evseIdsOf } from '../../../harness/versions/ocpp201/module.js';

const TABLE = 'Part 6 TC_B_28_CS (Table 50)';

export default defineCase({
  id: 'TC_B_28_CS',
  title: 'Reset EVSE - Not Supported',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'B11 Reset - Without Ongoing Transaction', requirements: ['B11.FR.01', 'B11.FR.09', 'B12.FR.01', 'B12.FR.09'] },
  purpose: 'A station that cannot reset an individual EVSE rejects Reset OnIdle with an evseId.',
  refs: ['OCPP 2.0.1 Part 2 B11.FR.09', 'OCPP 2.0.1 Part 2 B12.FR.09'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_28_CS; ours: the EVSE is the first configured one.',
  pics: { none: ['C-13'], text: 'the station does not support resetting an individual EVSE' },
}, async (t) => {
  const { csms, step, cfg } = t;
  const evseId = evseIdsOf(cfg)[0]!;
  const cp = await csms.booted();
  await step(1, `Reset OnIdle for EVSE ${evseId} (step 2: Rejected)`, () =>
    cp.call('Reset', { type: 'OnIdle', evseId }, {
      expect: { status: 'Rejected' },
      requirement: `${TABLE} step 2; Part 2 B11.FR.09: a station that does not support resetting an individual EVSE answers Rejected`,
    }));
});
