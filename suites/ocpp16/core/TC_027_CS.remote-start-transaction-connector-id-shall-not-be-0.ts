import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_027_CS',
  title: 'Remote start transaction - connector id shall not be 0',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 32, follows: '2024-04' },
  purpose: 'A RemoteStartTransaction for connector 0 (the charge point as a whole) is refused: answered Rejected, or with a CALLERROR.',
  refs: [
    'OCPP 1.6 §6.33 RemoteStartTransaction.req (connectorId SHALL be > 0)',
    'OCPP 1.6 §5.11 RemoteStartTransaction',
    'OCPP 1.6 §3.8 Connector numbering',
    'OCPP 1.6 §7.39 RemoteStartStopStatus',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 32; ours: the idTag is config idTags.accepted.',
  actions: [],
}, async ({ csms, cfg, step }) => {
  const cp = await csms.booted();

  await step(1, 'RemoteStartTransaction for connector 0: Rejected, or a CALLERROR (steps 1–2)', () =>
    cp.callResultOrError('RemoteStartTransaction', { connectorId: 0, idTag: cfg.idTags.accepted }, {
      expect: { status: 'Rejected' },
      requirement: 'OCTT Table 32 step 2 (status Rejected, or a CallError); OCPP 1.6 §6.33: connectorId SHALL be > 0 (connector 0 is the charge point as a whole, §3.8); §5.11: a charge point that will not attempt to start a transaction answers Rejected',
    }));
});
