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
  provenance: 'OCPP 2.0.1 Part 6 TC_B_31_CSMS; ours: the prerequisite (first answer Pending, or Rejected for a CSMS without the Pending mechanism) is set through SUT control (setBootStatus), and the TriggerMessage is asked for through SUT control (the table\'s CSMS sends it by itself or on an operator\'s request); on the Rejected path a missing TriggerMessage is SHOULD (the OCTT fails it; Part 2 B03.FR.03 forbids it).',
  deviations: [
    { what: 'On the Rejected path a missing TriggerMessage (step 3) is NON_STRICT, marked as failed by the OCTT, instead of FAIL', why: 'The table asks the CSMS for a message Part 2 forbids after a Rejected boot', source: 'OCPP 2.0.1 Part 2 B03.FR.03' },
  ],
  pics: { either: [{ all: ['C-44'] }, { none: ['AQ-6'] }], text: 'CSMS: if it can be configured to first answer a BootNotification with Pending or Rejected' },
  actions: ['setBootStatus', 'TriggerMessage'],
}, async (t) => {
  const { cp, sut, cfg, step } = t;
  const status = pendingOrRejected(cfg);
  await sut.do('setBootStatus', { status });
  const link = await cp.reconnect();
  link.link.state.bootStatus = undefined;

  await step(1, `The station boots (reason PowerUp); the CSMS answers ${status} (steps 1–2)`, () =>
    boot(link, 'PowerUp', {
      expect: { status: { oneOf: ['Pending', 'Rejected'] } },
      requirement: 'Part 6 TC_B_31_CSMS tool validation step 2: BootNotificationResponse status Pending or Rejected',
    }));

  // On the Rejected path the table conflicts with Part 2 B03.FR.03 (a CSMS that rejected the boot SHALL NOT
  // initiate any messages): a CSMS that keeps it sends no TriggerMessage. The OCTT fails it, so the finding
  // stays (octt: fails, readiness "no"), but as SHOULD: the specification is on the CSMS's side.
  const rejected = status === 'Rejected';
  const requirement = rejected
    ? 'Part 6 TC_B_31_CSMS tool validation step 3: TriggerMessageRequest requestedMessage BootNotification (the OCTT fails a CSMS that sends none) — graded SHOULD on the Rejected path: Part 2 B03.FR.03 says a CSMS that has Rejected the boot SHALL NOT initiate any messages'
    : 'Part 6 TC_B_31_CSMS tool validation step 3: TriggerMessageRequest requestedMessage BootNotification';
  const trigger = await step(3, 'The CSMS sends TriggerMessage for a BootNotification; the station accepts (steps 3–4)', async () => {
    try {
      await sut.do('TriggerMessage', { requestedMessage: 'BootNotification' });
    } catch (err) {
      // A CSMS keeping B03.FR.03 may refuse to send it: judged below like one that sends nothing.
      if (!rejected || !(err instanceof Error) || err.name !== 'Inconclusive') throw err;
      t.note(`the SUT control did not send TriggerMessage: ${err.message}`);
    }
    return link.expectCall('TriggerMessage', {
      match: { requestedMessage: 'BootNotification' }, requirement,
      ...(rejected ? { level: 'SHOULD' as const, octt: 'fails' as const, within: cfg.timeouts.responseMs } : {}),
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
