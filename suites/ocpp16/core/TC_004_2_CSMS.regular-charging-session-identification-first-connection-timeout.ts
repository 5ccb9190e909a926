import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_004_2_CSMS',
  title: 'Regular Charging Session - Identification First - ConnectionTimeOut',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 120, follows: '2024-04' },
  purpose: 'The CSMS handles a charge point that sets a connector back to Available when the EV driver identified but no cable was plugged in before ConnectionTimeOut: it answers the Preparing and the Available StatusNotification.',
  refs: [
    'OCPP 1.6 §4.1 Authorize',
    'OCPP 1.6 §4.9 StatusNotification',
    'OCPP 1.6 §9.1.6 ConnectionTimeOut',
    'OCPP 1.6 §7.2 AuthorizationStatus',
  ],
  provenance: 'Steps 1–4 as publicly summarised for TC_004_2_CSMS (tzi-OCTT test_tc_004_2_csms.py, SteVe Ocpp16JsonCsmsCertificationIT): reusable state Authorized → StatusNotification Preparing → [ConnectionTimeOut expires] → StatusNotification Available. Step 0 is the OCTT reusable state Authorized (Authorize, Accepted). The expiry of ConnectionTimeOut is the harness charge point\'s own affair and is not waited out (§9.1.6: the charge point goes back to Available); nothing a CSMS can observe depends on its length. No transaction is started.',
  actions: [],
}, async ({ cp, cfg, step, note }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const status = (s: string) => ({ connectorId, errorCode: 'NoError', status: s, timestamp: new Date().toISOString() });

  await step(0, 'Reusable state Authorized: Authorize a valid idTag; the CSMS accepts it', () =>
    link.call('Authorize', { idTag: cfg.idTags.accepted }, {
      expect: { 'idTagInfo.status': 'Accepted' },
      requirement: 'OCPP 1.6 §4.1, §7.2: the CSMS answers Authorize with idTagInfo; a known, valid idTag is Accepted',
    }));

  await step(1, 'StatusNotification Preparing; the CSMS answers (steps 1–2)', () =>
    link.call('StatusNotification', status('Preparing'), {
      requirement: 'OCPP 1.6 §4.9: the CSMS answers StatusNotification',
    }));

  note('ConnectionTimeOut expires without a cable being plugged in (the harness charge point does not wait it out)');

  await step(3, 'The connector goes back: StatusNotification Available; the CSMS answers (steps 3–4)', () =>
    link.call('StatusNotification', status('Available'), {
      requirement: 'OCPP 1.6 §4.9, §9.1.6: the CSMS answers the StatusNotification of a connector that went back to Available after ConnectionTimeOut',
    }));
});
