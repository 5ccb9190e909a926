import { defineCase } from '../../../harness/dsl/define-case.js';
import { boot, pendingOrRejected, reportConnectors } from './provisioning-steps.js';

export default defineCase({
  id: 'TC_B_31_CSMS',
  title: 'Cold Boot Charging Station - Pending/Rejected - TriggerMessage',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'B02 Cold Boot Charging Station - Pending, F06 Trigger Message', requirements: [] },
  purpose: 'After answering a boot Pending (or Rejected), the CSMS triggers a new BootNotification with TriggerMessage before the interval ends, and accepts it.',
  refs: ['OCPP 2.0.1 Part 2 B02', 'OCPP 2.0.1 Part 2 F06 (TriggerMessage BootNotification)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_31_CSMS; ours: the prerequisite (first answer Pending, or Rejected for a CSMS without the Pending mechanism) is set through SUT control (setBootStatus), and the TriggerMessage is asked for through SUT control (the table\'s CSMS sends it by itself or on an operator\'s request).',
  pics: { either: [{ all: ['C-44'] }, { none: ['AQ-6'] }], text: 'CSMS: if it can be configured to first answer a BootNotification with Pending or Rejected' },
  actions: ['setBootStatus', 'TriggerMessage'],
}, async ({ cp, sut, cfg, step }) => {
  const status = pendingOrRejected(cfg);
  await sut.do('setBootStatus', { status });
  const link = await cp.reconnect();
  link.link.state.bootStatus = undefined;

  await step(1, `The station boots (reason PowerUp); the CSMS answers ${status} (steps 1–2)`, () =>
    boot(link, 'PowerUp', {
      expect: { status: { oneOf: ['Pending', 'Rejected'] } },
      requirement: 'Part 6 TC_B_31_CSMS tool validation step 2: BootNotificationResponse status Pending or Rejected',
    }));

  const trigger = await step(3, 'The CSMS sends TriggerMessage for a BootNotification; the station accepts (steps 3–4)', async () => {
    await sut.do('TriggerMessage', { requestedMessage: 'BootNotification' });
    return link.expectCall('TriggerMessage', {
      match: { requestedMessage: 'BootNotification' },
      requirement: 'Part 6 TC_B_31_CSMS tool validation step 3: TriggerMessageRequest requestedMessage BootNotification',
    });
  });

  await step(5, 'The station boots again (reason Triggered); the CSMS answers Accepted (steps 5–6)', async () => {
    await trigger.replied;
    await boot(link, 'Triggered', {
      expect: { status: 'Accepted' },
      requirement: 'Part 6 TC_B_31_CSMS tool validation step 6: BootNotificationResponse status Accepted',
    });
  });

  await step(7, 'The station reports every connector Available; the CSMS answers (steps 7–8)', () =>
    reportConnectors(link, cfg, () => 'Available', 'Part 6 TC_B_31_CSMS step 8: the CSMS answers StatusNotification and NotifyEvent'));
});
