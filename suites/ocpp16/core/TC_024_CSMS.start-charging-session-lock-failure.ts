import { defineCase } from '../../../harness/dsl/define-case.js';
import { OURS, STATUS_ANSWERED, reusableStateAuthorized } from './csms-session-steps.js';

export default defineCase({
  id: 'TC_024_CSMS',
  title: 'Start Charging Session Lock Failure',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 139, follows: '2024-04' },
  purpose: 'The CSMS handles a report of a connector lock failure: after an authorized idTag and Preparing, it answers the StatusNotification Faulted with errorCode ConnectorLockFailure.',
  refs: [
    'OCPP 1.6 §4.9 StatusNotification',
    'OCPP 1.6 §7.6 ChargePointErrorCode',
    'OCPP 1.6 §7.7 ChargePointStatus',
    'OCPP 1.6 §4.1 Authorize',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 139 (reusable state Authorized as step 0); ours: step 5 (the cable is removed and the fault clears, so the connector is left Available). No transaction is started.',
  deviations: [{
    what: 'Step 5: the connector goes back to Available (the fault cleared) and the CSMS must answer that StatusNotification',
    why: 'The document\'s §1.3 post-conditions want connectors available and clear of faults; answering is an OCPP MUST the table does not check here',
    source: 'OCTT 1.6 TCD 2024-04 §1.3; OCPP 1.6 §4.9',
  }],
  actions: [],
}, async ({ cp, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const status = (s: string, errorCode = 'NoError') => ({ connectorId, errorCode, status: s, timestamp: new Date().toISOString() });
  const answered = STATUS_ANSWERED;

  await reusableStateAuthorized(step, link, cfg.idTags.accepted);

  await step(1, 'StatusNotification Preparing; the CSMS answers (steps 1–2)', () =>
    link.call('StatusNotification', status('Preparing'), { requirement: answered }));

  await step(3, 'EV driver plugs in and the connector fails to lock: StatusNotification Faulted, ConnectorLockFailure; the CSMS answers (steps 3–4)', () =>
    link.call('StatusNotification', status('Faulted', 'ConnectorLockFailure'), {
      requirement: 'OCPP 1.6 §4.9, §7.6: the CSMS answers the StatusNotification reporting a ConnectorLockFailure',
    }));

  await step(5, 'The cable is removed and the fault clears: StatusNotification Available; the CSMS answers (ours)', () =>
    link.call('StatusNotification', status('Available'), { requirement: answered, ...OURS }));
});
