import { defineCase } from '../../../harness/dsl/define-case.js';
import { energyTransferStarted, firstEvse, reportConnector, transactionEvent } from './provisioning-steps.js';

export default defineCase({
  id: 'TC_B_27_CSMS',
  title: 'Reset EVSE - With Ongoing Transaction - Immediate',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'B12 Reset - With Ongoing Transaction', requirements: [] },
  purpose: 'During a transaction on an EVSE the CSMS sends ResetRequest Immediate for that EVSE; the station ends the transaction (ImmediateReset).',
  refs: ['OCPP 2.0.1 Part 2 B12'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_27_CSMS; ours: the operator\'s request is made through SUT control; afterwards the EV is unplugged (connector Available) so that the next case finds the station idle.',
  pics: { all: ['C-13'], text: 'Reset per EVSE' },
  deviations: [{
    what: 'Step 5: after the table ends, the EV is unplugged and the connector reported Available; the CSMS must answer',
    why: 'The table ends with the EV still plugged in; the next case needs an idle station. Answering a CALL is an OCPP-J MUST',
    source: 'OCPP-J 2.0.1 §4.1.7, §4.2.2',
  }],
  actions: ['Reset'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const evseId = firstEvse(cfg);
  const tx = await energyTransferStarted({ cfg, step }, link, evseId);

  const reset = await step(1, `The CSMS is asked to reset EVSE ${evseId} Immediate and sends ResetRequest (step 1)`, async () => {
    await sut.do('Reset', { type: 'Immediate', evseId });
    return link.expectCall('Reset', { match: { type: 'Immediate', evseId }, requirement: 'Part 6 TC_B_27_CSMS tool validation step 1: ResetRequest type Immediate, evseId the configured EVSE' });
  });
  await step(2, 'The station answers Accepted (step 2)', () => reset.replied);
  await step(3, 'The EVSE ends the transaction: TransactionEvent Ended ResetCommand, ImmediateReset; the CSMS answers (steps 3–4)', () =>
    transactionEvent(link, tx, { eventType: 'Ended', triggerReason: 'ResetCommand', chargingState: 'EVConnected', stoppedReason: 'ImmediateReset' }, {
      requirement: 'Part 6 TC_B_27_CSMS step 4: the CSMS answers TransactionEventRequest',
    }));
  await step(5, 'The EV is unplugged: connector Available; the CSMS answers (ours)', () =>
    reportConnector(link, evseId, 'Available', 'OCPP-J 2.0.1 §4.2.2: the CSMS answers StatusNotification and NotifyEvent'));
});
