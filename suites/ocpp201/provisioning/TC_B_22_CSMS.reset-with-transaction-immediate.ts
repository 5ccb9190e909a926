import { defineCase } from '../../../harness/dsl/define-case.js';
import { boot, energyTransferStarted, firstEvse, reportConnector, reportConnectors, restart, transactionEvent } from './provisioning-steps.js';

export default defineCase({
  id: 'TC_B_22_CSMS',
  title: 'Reset Charging Station - With Ongoing Transaction - Immediate',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'B12 Reset - With Ongoing Transaction', requirements: [] },
  purpose: 'During a transaction the CSMS sends ResetRequest Immediate; the station ends the transaction (ImmediateReset), reboots, and the CSMS accepts its BootNotification.',
  refs: ['OCPP 2.0.1 Part 2 B12', 'OCPP 2.0.1 Part 2 B01'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_22_CSMS; ours: the operator\'s request is made through SUT control; the reboot is the harness station closing its connection and dialling anew; afterwards the EV is unplugged (connector Available) so that the next case finds the station idle.',
  deviations: [{
    what: 'Step 9: after the table ends, the EV is unplugged and the connector reported Available; the CSMS must answer',
    why: 'The table ends with the EV still plugged in; the next case needs an idle station. Answering a CALL is an OCPP-J MUST',
    source: 'OCPP-J 2.0.1 §4.1.7, §4.2.2',
  }],
  actions: ['Reset'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const evseId = firstEvse(cfg);
  const tx = await energyTransferStarted({ cfg, step }, link, evseId);

  const reset = await step(1, 'The CSMS is asked to reset the station Immediate and sends ResetRequest type Immediate (step 1)', async () => {
    await sut.do('Reset', { type: 'Immediate' });
    return link.expectCall('Reset', { match: { type: 'Immediate' }, requirement: 'Part 6 TC_B_22_CSMS tool validation step 1: ResetRequest type Immediate' });
  });
  await step(2, 'The station answers Accepted (step 2)', () => reset.replied);
  await step(3, 'The station ends the transaction: TransactionEvent Ended ResetCommand, ImmediateReset; the CSMS answers (steps 3–4)', () =>
    transactionEvent(link, tx, { eventType: 'Ended', triggerReason: 'ResetCommand', chargingState: 'EVConnected', stoppedReason: 'ImmediateReset' }, {
      requirement: 'Part 6 TC_B_22_CSMS step 4: the CSMS answers TransactionEventRequest',
    }));
  const rebooted = await step(5, 'The station reboots (reason RemoteReset); the CSMS answers Accepted (steps 5–6)', async () => {
    const fresh = await restart(cp, link, 'immediate reset');
    await boot(fresh, 'RemoteReset', { expect: { status: 'Accepted' }, requirement: 'Part 6 TC_B_22_CSMS tool validation step 6: BootNotificationResponse status Accepted' });
    return fresh;
  });
  await step(7, 'The station reports its connectors: the EV\'s Occupied, the others Available; the CSMS answers (steps 7–8)', () =>
    reportConnectors(rebooted, cfg, (id) => (id === evseId ? 'Occupied' : 'Available'), 'Part 6 TC_B_22_CSMS step 8: the CSMS answers StatusNotification and NotifyEvent'));
  await step(9, 'The EV is unplugged: connector Available; the CSMS answers (ours)', () =>
    reportConnector(rebooted, evseId, 'Available', 'OCPP-J 2.0.1 §4.2.2: the CSMS answers StatusNotification and NotifyEvent'));
});
