import { defineCase } from '../../../harness/dsl/define-case.js';
import { remoteStopSequence, sessionTeardownDeviation } from './csms-session-steps.js';

export default defineCase({
  id: 'TC_028_CSMS',
  title: 'Remote Stop Transaction - Rejected',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 141, follows: '2024-04' },
  purpose: 'The CSMS asks a charge point to stop a transaction remotely and copes with the charge point rejecting it: it sends RemoteStopTransaction, answered Rejected, and still answers the StopTransaction when the transaction later ends locally.',
  refs: [
    'OCPP 1.6 §5.12 RemoteStopTransaction',
    'OCPP 1.6 §6.35 RemoteStopTransaction.req',
    'OCPP 1.6 §7.39 RemoteStartStopStatus',
    'OCPP 1.6 §4.10 StopTransaction',
    'OCPP 1.6 §4.1 Authorize',
    'OCPP 1.6 §4.8 StartTransaction',
    'OCPP 1.6 §4.9 StatusNotification',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 141 (reusable state Charging as step 0); ours: steps 3–7 (the transaction goes on and ends locally, Finishing and Available, so the CSMS is left without an open transaction). The table has the CSMS name a transactionId unknown to the charge point and checks nothing of the request, so its transactionId is not pinned: the request is asked for through SUT control with the running transactionId (a CSMS may refuse to stop a transaction it does not know of), and the harness rejects whatever it names.',
  deviations: [sessionTeardownDeviation('3–7')],
  actions: ['RemoteStopTransaction'],
}, (t) => remoteStopSequence(t, {
  meterStart: 28000,
  answer: 'Rejected',
  step1: 'The CSMS sends RemoteStopTransaction (step 1)',
  step2: 'The charge point answers RemoteStopTransaction Rejected (step 2)',
  step3: 'The transaction goes on; EV driver stops locally: StopTransaction reason Local; the CSMS answers (ours)',
  reason: 'Local',
  stopRequirement: 'OCPP 1.6 §4.10: the CSMS SHALL respond to StopTransaction, also of a transaction whose remote stop was rejected',
  pinTransactionId: false,
  tableTail: false,
}));
