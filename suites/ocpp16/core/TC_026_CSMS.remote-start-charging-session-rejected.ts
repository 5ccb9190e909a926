import { defineCase } from '../../../harness/dsl/define-case.js';
import { remoteStartRequested } from './csms-session-steps.js';

export default defineCase({
  id: 'TC_026_CSMS',
  title: 'Remote Start Charging Session - Rejected',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 140, follows: '2024-04' },
  purpose: 'The CSMS asks a charge point to start a transaction remotely and copes with the charge point rejecting it: it sends RemoteStartTransaction with the idTag, answered Rejected.',
  refs: ['OCPP 1.6 §5.11 RemoteStartTransaction', 'OCPP 1.6 §6.33 RemoteStartTransaction.req', 'OCPP 1.6 §7.39 RemoteStartStopStatus'],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 140; ours: the request is asked for through SUT control with the configured connector and idTag (the table checks neither field, so neither is pinned); the harness answers Rejected and starts no transaction.',
  actions: ['RemoteStartTransaction'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  link.handle('RemoteStartTransaction', () => ({ status: 'Rejected' }));

  const { replied } = await remoteStartRequested(step, sut, link, 1, connectorId, cfg.idTags.accepted);

  await step(2, 'The charge point answers RemoteStartTransaction Rejected (step 2)', () => replied);
});
