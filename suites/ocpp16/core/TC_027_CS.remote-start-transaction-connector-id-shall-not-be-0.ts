import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_027_CS',
  title: 'Remote start transaction - connector id shall not be 0',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 32, follows: '2024-04' },
  purpose: 'A RemoteStartTransaction for connector 0 (the charge point as a whole) is Rejected.',
  refs: [
    'OCPP 1.6 §6.33 RemoteStartTransaction.req (connectorId SHALL be > 0)',
    'OCPP 1.6 §5.11 RemoteStartTransaction',
    'OCPP 1.6 §3.8 Connector numbering',
    'OCPP 1.6 §7.39 RemoteStartStopStatus',
  ],
  provenance: 'OCTT steps as publicly summarised (booted → RemoteStartTransaction.req with connectorId 0 → refused). Public summaries differ on the form of the refusal: one names a CALLERROR, the EVerest compliance test of this title expects RemoteStartTransaction.conf Rejected; we expect Rejected — the request is well-formed for the schema, and §5.11 gives the charge point the status to say it will not start a transaction. Ours: step 1 uses the reusable state Booted; the idTag is config idTags.accepted.',
  actions: [],
}, async ({ csms, cfg, step }) => {
  const cp = await step(1, 'The charge point is connected and its boot accepted', () => csms.booted());

  await step(2, 'RemoteStartTransaction for connector 0: Rejected', () =>
    cp.call('RemoteStartTransaction', { connectorId: 0, idTag: cfg.idTags.accepted }, {
      expect: { status: 'Rejected' },
      requirement: 'OCPP 1.6 §6.33: connectorId SHALL be > 0 (connector 0 is the charge point as a whole, §3.8); §5.11: a charge point that will not attempt to start a transaction answers Rejected',
    }));
});
