import { defineCase } from '../../../harness/dsl/define-case.js';
import { expectTriggered, part6, triggerMessage } from './remote-control-steps.js';

const TC = part6('TC_F_20_CS');

export default defineCase({
  id: 'TC_F_20_CS',
  title: 'Trigger message - Heartbeat',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'F06', requirements: ['F06.FR.04', 'F06.FR.05', 'F06.FR.10'] },
  purpose: 'TriggerMessage Heartbeat is accepted, then a HeartbeatRequest follows.',
  refs: ['OCPP 2.0.1 Part 2 F06.FR.04', 'OCPP 2.0.1 Part 2 F06.FR.10'],
  provenance: 'OCPP 2.0.1 Part 6 TC_F_20_CS.',
}, async (t) => {
  const cp = await t.csms.booted();
  const answer = await t.step(1, 'TriggerMessage Heartbeat: Accepted (steps 1–2)', () =>
    triggerMessage(cp, 'Heartbeat', 'Accepted', `${TC} step 2 (tool validation); F06.FR.05`));
  await t.step(3, 'HeartbeatRequest; the harness answers (steps 3–4)', () =>
    expectTriggered(cp, 'Heartbeat', answer, { requirement: `${TC} step 3; F06.FR.10 (a message the station accepted to send is sent)` }));
});
