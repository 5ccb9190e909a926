import { defineCase } from '../../../harness/dsl/define-case.js';
import { STATUS_ANSWERED, connectorStatus, reusableStateAuthorized } from './csms-session-steps.js';

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
  provenance: 'OCTT 1.6 TCD 2024-04 Table 120 (reusable state Authorized, Table 193, as step 0); ours: the harness charge point does not wait out ConnectionTimeOut between steps 2 and 3 (its own setting; nothing the CSMS can observe depends on its length). No transaction is started.',
  actions: [],
}, async ({ cp, cfg, step, note }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const status = connectorStatus(connectorId);

  await reusableStateAuthorized(step, link, cfg.idTags.accepted);

  await step(1, 'StatusNotification Preparing; the CSMS answers (steps 1–2)', () =>
    link.call('StatusNotification', status('Preparing'), {
      requirement: STATUS_ANSWERED,
    }));

  note('ConnectionTimeOut expires without a cable being plugged in (the harness charge point does not wait it out)');

  await step(3, 'The connector goes back: StatusNotification Available; the CSMS answers (steps 3–4)', () =>
    link.call('StatusNotification', status('Available'), {
      requirement: 'OCPP 1.6 §4.9, §9.1.6: the CSMS answers the StatusNotification of a connector that went back to Available after ConnectionTimeOut',
    }));
});
