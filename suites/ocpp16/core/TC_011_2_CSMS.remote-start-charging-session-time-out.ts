import { defineCase } from '../../../harness/dsl/define-case.js';
import { STATUS_ANSWERED, connectorStatus, remoteStartRequested } from './csms-session-steps.js';

export default defineCase({
  id: 'TC_011_2_CSMS',
  title: 'Remote Start Charging Session - Time Out',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 126, follows: '2024-04' },
  purpose: 'The CSMS handles a remote start that times out: after its RemoteStartTransaction is accepted and the idTag authorized, no cable is plugged in before ConnectionTimeOut and the charge point reports the connector Available again.',
  refs: [
    'OCPP 1.6 §5.11 RemoteStartTransaction',
    'OCPP 1.6 §4.1 Authorize',
    'OCPP 1.6 §4.9 StatusNotification',
    'OCPP 1.6 §9.1.6 ConnectionTimeOut',
    'OCPP 1.6 §7.2 AuthorizationStatus',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 126; ours: the harness charge point does not wait out ConnectionTimeOut between steps 6 and 7 (its own setting; nothing the CSMS can observe depends on its length). The RemoteStartTransaction is requested through SUT control with the configured connector and idTag; the table checks neither, so the harness charge point goes on with the idTag the CSMS sent. No transaction is started.',
  actions: ['RemoteStartTransaction'],
}, async ({ cp, sut, cfg, step, note }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const status = connectorStatus(connectorId);
  const answered = STATUS_ANSWERED;

  const { idTag, replied } = await remoteStartRequested(step, sut, link, 1, connectorId, cfg.idTags.accepted);

  await step(2, 'The charge point answers RemoteStartTransaction Accepted (step 2)', () => replied);

  await step(3, 'Authorize the idTag; the CSMS accepts it (steps 3–4)', () =>
    link.call('Authorize', { idTag }, {
      expect: { 'idTagInfo.status': 'Accepted' },
      requirement: 'OCPP 1.6 §4.1, §5.11, §7.2: the CSMS answers Authorize with idTagInfo; the idTag it sent in RemoteStartTransaction is Accepted (Table 126 step 4)',
    }));

  await step(5, 'StatusNotification Preparing; the CSMS answers (steps 5–6)', () =>
    link.call('StatusNotification', status('Preparing'), { requirement: answered }));

  note('ConnectionTimeOut expires without a cable being plugged in (the harness charge point does not wait it out)');

  await step(7, 'The connector goes back: StatusNotification Available; the CSMS answers (steps 7–8)', () =>
    link.call('StatusNotification', status('Available'), {
      requirement: 'OCPP 1.6 §4.9, §9.1.6: the CSMS answers the StatusNotification of a connector that went back to Available after ConnectionTimeOut',
    }));
});
