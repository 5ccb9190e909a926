import { defineCase } from '../../../harness/dsl/define-case.js';
import { remoteStopSequence } from './csms-session-steps.js';

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
  provenance: 'Steps 1–2 as publicly summarised for TC_028_CSMS (tzi-OCTT test_tc_028_csms.py, SteVe Ocpp16JsonCsmsCertificationIT, EVtivity octt TC_028_CSMS): with a transaction running (reusable state Charging, step 0), RemoteStopTransaction.req → RemoteStopTransaction.conf status Rejected. The OCTT describes the transactionId as unknown to the charge point; a CSMS may refuse to send a stop for a transaction it does not know of (SteVe notes exactly that and uses the running one), so the request is triggered through SUT control with the running transactionId, which is checked, and the harness rejects it all the same (§7.39: command will not be executed). Steps 3–7 are ours (§4.10, §4.9): the transaction ends locally, Finishing and Available, so the CSMS is left without an open transaction.',
  actions: ['RemoteStopTransaction'],
}, (t) => remoteStopSequence(t, {
  meterStart: 28000,
  answer: 'Rejected',
  step1: 'The CSMS sends RemoteStopTransaction (step 1)',
  step2: 'The charge point answers RemoteStopTransaction Rejected (step 2)',
  step3: 'The transaction goes on; EV driver stops locally: StopTransaction reason Local; the CSMS answers (ours)',
  reason: 'Local',
  stopRequirement: 'OCPP 1.6 §4.10: the CSMS SHALL respond to StopTransaction, also of a transaction whose remote stop was rejected',
  tailLabels: ['(ours)', '(ours)'],
}));
