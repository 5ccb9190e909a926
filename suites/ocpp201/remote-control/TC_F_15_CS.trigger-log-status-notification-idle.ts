import { defineCase } from '../../../harness/dsl/define-case.js';
import { expectTriggered, part6, triggerMessage } from './remote-control-steps.js';

const TC = part6('TC_F_15_CS');

export default defineCase({
  id: 'TC_F_15_CS',
  title: 'Trigger message - LogStatusNotification - Idle',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'F06', requirements: ['F06.FR.04', 'F06.FR.05', 'F06.FR.10', 'F06.FR.15'] },
  purpose: 'While no log is being uploaded, TriggerMessage LogStatusNotification is accepted, then a LogStatusNotificationRequest with status Idle follows.',
  refs: ['OCPP 2.0.1 Part 2 F06.FR.10', 'OCPP 2.0.1 Part 2 F06.FR.15'],
  provenance: 'OCPP 2.0.1 Part 6 TC_F_15_CS.',
  pics: { all: ['C-29.3'], text: 'C-29.3' },
}, async (t) => {
  const cp = await t.csms.booted();
  const answer = await t.step(1, 'TriggerMessage LogStatusNotification: Accepted (steps 1–2)', () =>
    triggerMessage(cp, 'LogStatusNotification', 'Accepted', `${TC} step 2 (tool validation); F06.FR.05`));
  await t.step(3, 'LogStatusNotificationRequest with status Idle; the harness answers (steps 3–4)', () =>
    expectTriggered(cp, 'LogStatusNotification', answer, { match: { status: 'Idle' }, requirement: `${TC} step 3 (tool validation); F06.FR.15, F06.FR.10` }));
});
