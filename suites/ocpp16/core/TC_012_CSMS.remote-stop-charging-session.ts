import { defineCase } from '../../../harness/dsl/define-case.js';
import { remoteStopSequence } from './csms-session-steps.js';

export default defineCase({
  id: 'TC_012_CSMS',
  title: 'Remote Stop Charging Session',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 127, follows: '2024-04' },
  purpose: 'The CSMS stops a running transaction remotely: it sends RemoteStopTransaction with the transactionId it assigned, then answers the StopTransaction (reason Remote) and the StatusNotifications that follow.',
  refs: [
    'OCPP 1.6 §5.12 RemoteStopTransaction',
    'OCPP 1.6 §4.10 StopTransaction',
    'OCPP 1.6 §7.36 Reason',
    'OCPP 1.6 §4.1 Authorize',
    'OCPP 1.6 §4.8 StartTransaction',
    'OCPP 1.6 §4.9 StatusNotification',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 127 (reusable state Charging as step 0); ours: nothing beyond the table. The RemoteStopTransaction is requested through SUT control with the running transactionId.',
  actions: ['RemoteStopTransaction'],
}, (t) => remoteStopSequence(t, {
  meterStart: 4000,
  step1: 'The CSMS sends RemoteStopTransaction for the running transaction (step 1)',
  step2: 'The charge point answers RemoteStopTransaction Accepted (step 2)',
  step3: 'StopTransaction with reason Remote; the CSMS answers (steps 3–4)',
  reason: 'Remote',
  stopRequirement: 'OCPP 1.6 §4.10, §5.12: the CSMS SHALL respond to the StopTransaction that follows a remote stop',
  pinTransactionId: true,
  tableTail: true,
}));
