import { defineCase } from '../../../harness/dsl/define-case.js';
import { boot, energyTransferStarted, firstEvse, reportConnectors, restart, transactionEvent, validIdToken } from './provisioning-steps.js';

export default defineCase({
  id: 'TC_B_21_CSMS',
  title: 'Reset Charging Station - With Ongoing Transaction - OnIdle',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'B12 Reset - With Ongoing Transaction', requirements: ['B12.FR.01', 'B12.FR.03', 'E07.FR.03'] },
  purpose: 'During a transaction the CSMS sends ResetRequest OnIdle; the station schedules it, ends the transaction, reboots, and the CSMS accepts its BootNotification.',
  refs: ['OCPP 2.0.1 Part 2 B12', 'OCPP 2.0.1 Part 2 B12.FR.01', 'OCPP 2.0.1 Part 2 B12.FR.03', 'OCPP 2.0.1 Part 2 E07.FR.03'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_21_CSMS; ours: the operator\'s request is made through SUT control; the reboot is the harness station closing its connection and dialling anew.',
  actions: ['Reset'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const evseId = firstEvse(cfg);
  const tx = await energyTransferStarted({ cfg, step }, link, evseId);
  link.handle('Reset', () => ({ status: 'Scheduled' }));

  const reset = await step(1, 'The CSMS is asked to reset the station OnIdle and sends ResetRequest type OnIdle (step 1)', async () => {
    await sut.do('Reset', { type: 'OnIdle' });
    return link.expectCall('Reset', { match: { type: 'OnIdle' }, requirement: 'Part 6 TC_B_21_CSMS tool validation step 1: ResetRequest type OnIdle' });
  });
  await step(2, 'The station answers Scheduled (step 2)', () => reset.replied);
  await step(3, 'The driver stops: TransactionEvent Updated StopAuthorized; the CSMS answers (steps 3–4)', () =>
    transactionEvent(link, tx, { eventType: 'Updated', triggerReason: 'StopAuthorized', chargingState: 'EVConnected', idToken: validIdToken(cfg) }, {
      requirement: 'Part 6 TC_B_21_CSMS step 4: the CSMS answers TransactionEventRequest',
    }));
  await step(5, 'The EV is unplugged: TransactionEvent Ended EVCommunicationLost; the CSMS answers (steps 5–6)', () =>
    transactionEvent(link, tx, { eventType: 'Ended', triggerReason: 'EVCommunicationLost', chargingState: 'Idle', stoppedReason: 'EVDisconnected' }, {
      requirement: 'Part 6 TC_B_21_CSMS step 6: the CSMS answers TransactionEventRequest',
    }));
  const rebooted = await step(7, 'The idle station resets and boots (reason ScheduledReset); the CSMS answers Accepted (steps 7–8)', async () => {
    const fresh = await restart(cp, link, 'scheduled reset');
    await boot(fresh, 'ScheduledReset', { expect: { status: 'Accepted' }, requirement: 'Part 6 TC_B_21_CSMS tool validation step 8: BootNotificationResponse status Accepted' });
    return fresh;
  });
  await step(9, 'The station reports every connector Available; the CSMS answers (steps 9–10)', () =>
    reportConnectors(rebooted, cfg, () => 'Available', 'Part 6 TC_B_21_CSMS step 10: the CSMS answers StatusNotification and NotifyEvent'));
});
