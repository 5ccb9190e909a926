import { defineCase } from '../../../harness/dsl/define-case.js';
import { evseIdsOf } from '../../../harness/versions/ocpp201/module.js';
import { newTransaction, reportConnector, transactionEvent } from '../provisioning/provisioning-steps.js';

/** customData as the 2.0.1 schemas define it: a vendorId plus whatever the vendor adds. */
const CUSTOM_DATA = { vendorId: 'org.ocpp-harness', note: 'TC_P_03', level: 3 };

export default defineCase({
  id: 'TC_P_03_CSMS',
  title: 'CustomData - Receive custom data',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'N/a (customData, OCPP 2.0.1 Part 2 §1.4 / Part 3 schemas)', requirements: [] },
  purpose: 'The CSMS answers a StatusNotificationRequest and a TransactionEventRequest that carry customData (in the request and in transactionInfo) as it answers them without.',
  refs: ['OCPP 2.0.1 Part 2 CustomDataType', 'OCPP 2.0.1 Part 2 G01 (StatusNotification)', 'OCPP 2.0.1 Part 2 E01 (TransactionEvent)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_P_03_CSMS; ours: the TransactionEvent that carries customData starts a transaction (cable plugged in), which the harness ends afterwards so that the next case finds the station idle.',
  deviations: [{
    what: 'Steps 5–6: the transaction of step 3 is ended (TransactionEvent Ended, connector Available); the CSMS must answer',
    why: 'A valid TransactionEvent needs a transaction; the next case needs an idle station. Answering a CALL is an OCPP-J MUST',
    source: 'OCPP-J 2.0.1 §4.1.7, §4.2.2',
  }],
}, async ({ cp, cfg, step }) => {
  const link = await cp.booted();
  const evseId = evseIdsOf(cfg)[0] ?? 1;
  await step(1, 'The station sends StatusNotificationRequest with customData; the CSMS answers StatusNotificationResponse (steps 1–2)', () =>
    link.call('StatusNotification', { timestamp: new Date().toISOString(), connectorStatus: 'Available', evseId, connectorId: 1, customData: CUSTOM_DATA }, {
      requirement: 'Part 6 TC_P_03_CSMS step 2: the CSMS answers a StatusNotificationRequest carrying customData with a StatusNotificationResponse',
    }));
  const tx = newTransaction(link, evseId);
  await step(3, 'The station sends TransactionEventRequest with customData, also in transactionInfo; the CSMS answers TransactionEventResponse (steps 3–4)', () =>
    transactionEvent(link, tx, {
      eventType: 'Started', triggerReason: 'CablePluggedIn', chargingState: 'EVConnected',
      extra: { customData: CUSTOM_DATA, transactionInfo: { transactionId: tx.transactionId, chargingState: 'EVConnected', customData: CUSTOM_DATA } },
    }, { requirement: 'Part 6 TC_P_03_CSMS step 4: the CSMS answers a TransactionEventRequest carrying customData with a TransactionEventResponse' }));
  await step(5, 'The EV leaves: TransactionEvent Ended, connector Available; the CSMS answers (ours)', async () => {
    await transactionEvent(link, tx, { eventType: 'Ended', triggerReason: 'EVCommunicationLost', chargingState: 'Idle', stoppedReason: 'EVDisconnected' }, {
      requirement: 'OCPP-J 2.0.1 §4.2.2: the CSMS answers TransactionEventRequest', octt: 'not-checked',
    });
    await reportConnector(link, evseId, 'Available', 'OCPP-J 2.0.1 §4.2.2: the CSMS answers StatusNotification and NotifyEvent');
  });
});
