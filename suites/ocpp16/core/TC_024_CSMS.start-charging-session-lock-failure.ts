import { defineCase } from '../../../harness/dsl/define-case.js';

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
  provenance: 'Steps 1–4 as publicly summarised for TC_024_CSMS (tzi-OCTT test_tc_024_csms.py, SteVe Ocpp16JsonCsmsCertificationIT): reusable state Authorized → StatusNotification Preparing → [cable plugged in, lock fails] StatusNotification Faulted with errorCode ConnectorLockFailure. Step 0 is the OCTT reusable state Authorized (Authorize, Accepted). Steps 5–6 are ours (§4.9, transition Faulted → Available): the fault clears once the cable is removed, so the connector is left Available. No transaction is started.',
  actions: [],
}, async ({ cp, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const status = (s: string, errorCode = 'NoError') => ({ connectorId, errorCode, status: s, timestamp: new Date().toISOString() });
  const answered = 'OCPP 1.6 §4.9: the CSMS answers StatusNotification';

  await step(0, 'Reusable state Authorized: Authorize a valid idTag; the CSMS accepts it', () =>
    link.call('Authorize', { idTag: cfg.idTags.accepted }, {
      expect: { 'idTagInfo.status': 'Accepted' },
      requirement: 'OCPP 1.6 §4.1, §7.2: the CSMS answers Authorize with idTagInfo; a known, valid idTag is Accepted',
    }));

  await step(1, 'StatusNotification Preparing; the CSMS answers (steps 1–2)', () =>
    link.call('StatusNotification', status('Preparing'), { requirement: answered }));

  await step(3, 'EV driver plugs in and the connector fails to lock: StatusNotification Faulted, ConnectorLockFailure; the CSMS answers (steps 3–4)', () =>
    link.call('StatusNotification', status('Faulted', 'ConnectorLockFailure'), {
      requirement: 'OCPP 1.6 §4.9, §7.6: the CSMS answers the StatusNotification reporting a ConnectorLockFailure',
    }));

  await step(5, 'The cable is removed and the fault clears: StatusNotification Available; the CSMS answers (ours)', () =>
    link.call('StatusNotification', status('Available'), { requirement: answered }));
});
