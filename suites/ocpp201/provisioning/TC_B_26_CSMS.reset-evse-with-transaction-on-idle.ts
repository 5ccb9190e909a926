import { defineCase } from '../../../harness/dsl/define-case.js';
import { energyTransferStarted, firstEvse, reportConnector, transactionEvent, validIdToken } from './provisioning-steps.js';

export default defineCase({
  id: 'TC_B_26_CSMS',
  title: 'Reset EVSE - With Ongoing Transaction - OnIdle',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'B12 Reset - With Ongoing Transaction', requirements: ['B12.FR.07'] },
  purpose: 'During a transaction on an EVSE the CSMS sends ResetRequest OnIdle for that EVSE; the station schedules it and ends the transaction normally.',
  refs: ['OCPP 2.0.1 Part 2 B12', 'OCPP 2.0.1 Part 2 B12.FR.07'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_26_CSMS; ours: the operator\'s request is made through SUT control; afterwards the connector is reported Available so that the next case finds the station idle.',
  pics: { all: ['C-13'], text: 'Reset per EVSE' },
  deviations: [{
    what: 'Step 7: after the table ends, the connector is reported Available (the EV left); the CSMS must answer',
    why: 'The table ends with the connector still Occupied; the next case needs an idle station. Answering a CALL is an OCPP-J MUST',
    source: 'OCPP-J 2.0.1 §4.1.7, §4.2.2',
  }],
  actions: ['Reset'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const evseId = firstEvse(cfg);
  const tx = await energyTransferStarted({ cfg, step }, link, evseId);
  link.handle('Reset', () => ({ status: 'Scheduled' }));

  const reset = await step(1, `The CSMS is asked to reset EVSE ${evseId} OnIdle and sends ResetRequest (step 1)`, async () => {
    await sut.do('Reset', { type: 'OnIdle', evseId });
    return link.expectCall('Reset', { match: { type: 'OnIdle', evseId }, requirement: 'Part 6 TC_B_26_CSMS tool validation step 1: ResetRequest type OnIdle, evseId the configured EVSE' });
  });
  await step(2, 'The station answers Scheduled (step 2)', () => reset.replied);
  await step(3, 'The driver stops: TransactionEvent Updated StopAuthorized; the CSMS answers (steps 3–4)', () =>
    transactionEvent(link, tx, { eventType: 'Updated', triggerReason: 'StopAuthorized', chargingState: 'EVConnected', idToken: validIdToken(cfg) }, {
      requirement: 'Part 6 TC_B_26_CSMS step 4: the CSMS answers TransactionEventRequest',
    }));
  await step(5, 'The EV is unplugged: TransactionEvent Ended EVCommunicationLost; the CSMS answers (steps 5–6)', () =>
    transactionEvent(link, tx, { eventType: 'Ended', triggerReason: 'EVCommunicationLost', chargingState: 'Idle', stoppedReason: 'EVDisconnected' }, {
      requirement: 'Part 6 TC_B_26_CSMS step 6: the CSMS answers TransactionEventRequest',
    }));
  await step(7, 'The connector is Available again; the CSMS answers (ours)', () =>
    reportConnector(link, evseId, 'Available', 'OCPP-J 2.0.1 §4.2.2: the CSMS answers StatusNotification and NotifyEvent'));
});
