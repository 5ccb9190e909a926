import { defineCase } from '../../../harness/dsl/define-case.js';
import { expectTriggered, part6, triggerMessage } from './remote-control-steps.js';

const TC = part6('TC_F_18_CS');

export default defineCase({
  id: 'TC_F_18_CS',
  title: 'Trigger message - FirmwareStatusNotification - Idle',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'F06', requirements: ['F06.FR.04', 'F06.FR.05', 'F06.FR.10', 'F06.FR.16', 'L01.FR.25'] },
  purpose: 'While no firmware update is going on, TriggerMessage FirmwareStatusNotification is accepted, then a FirmwareStatusNotificationRequest with status Idle follows.',
  refs: ['OCPP 2.0.1 Part 2 F06.FR.10', 'OCPP 2.0.1 Part 2 F06.FR.16', 'OCPP 2.0.1 Part 2 L01.FR.25'],
  provenance: 'OCPP 2.0.1 Part 6 TC_F_18_CS.',
  pics: { all: ['C-29.4'], text: 'C-29.4' },
}, async (t) => {
  const cp = await t.csms.booted();
  const answer = await t.step(1, 'TriggerMessage FirmwareStatusNotification: Accepted (steps 1–2)', () =>
    triggerMessage(cp, 'FirmwareStatusNotification', 'Accepted', `${TC} step 2 (tool validation); F06.FR.05`));
  await t.step(3, 'FirmwareStatusNotificationRequest with status Idle; the harness answers (steps 3–4)', () =>
    expectTriggered(cp, 'FirmwareStatusNotification', answer, { match: { status: 'Idle' }, requirement: `${TC} step 3 (tool validation); F06.FR.16, F06.FR.10` }));
});
