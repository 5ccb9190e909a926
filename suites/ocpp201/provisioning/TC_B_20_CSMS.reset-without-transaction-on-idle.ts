import { defineCase } from '../../../harness/dsl/define-case.js';
import { boot, reportConnectors, restart } from './provisioning-steps.js';

export default defineCase({
  id: 'TC_B_20_CSMS',
  title: 'Reset Charging Station - Without ongoing transaction - OnIdle',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'B11 Reset - Without Ongoing Transaction', requirements: ['B11.FR.04'] },
  purpose: 'Asked to reset an idle station OnIdle, the CSMS sends ResetRequest, then accepts the BootNotification of the restarted station and answers its connector reports.',
  refs: ['OCPP 2.0.1 Part 2 B11', 'OCPP 2.0.1 Part 2 B11.FR.04', 'OCPP 2.0.1 Part 2 B01'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_20_CSMS; ours: the operator\'s request is made through SUT control; the restart is the harness station closing its connection and dialling anew; the type OnIdle asked for is checked at SHOULD (the table does not validate it).',
  deviations: [{
    what: 'Step 1: the ResetRequest carries type OnIdle, the type the CSMS was asked to send',
    why: 'The table asks the operator for OnIdle but validates only step 4; no requirement obliges the CSMS to keep the operator\'s type',
    source: 'OCPP 2.0.1 Part 6 TC_B_20_CSMS manual action',
  }],
  actions: ['Reset'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const reset = await step(1, 'The CSMS is asked to reset the station OnIdle and sends ResetRequest (step 1)', async () => {
    await sut.do('Reset', { type: 'OnIdle' });
    return link.expectCall('Reset', {
      match: { type: 'OnIdle' }, matchLevel: 'SHOULD',
      requirement: 'OCPP 2.0.1 Part 2 B11; Part 6 TC_B_20_CSMS step 1: the CSMS sends a ResetRequest (the operator asked for OnIdle)',
    });
  });
  const rebooted = await step(2, 'The station answers Accepted and restarts (step 2)', async () => {
    await reset.replied;
    return restart(cp, link, 'reset');
  });
  await step(3, 'The station boots; the CSMS answers Accepted (steps 3–4)', () =>
    boot(rebooted, 'RemoteReset', {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 2.0.1 Part 2 B11.FR.04; Part 6 TC_B_20_CSMS tool validation step 4: BootNotificationResponse status Accepted',
    }));
  await step(5, 'The station reports every connector Available; the CSMS answers (steps 5–6)', () =>
    reportConnectors(rebooted, cfg, () => 'Available', 'Part 6 TC_B_20_CSMS step 6: the CSMS answers StatusNotification and NotifyEvent'));
});
