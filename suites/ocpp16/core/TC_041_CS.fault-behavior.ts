import { defineCase } from '../../../harness/dsl/define-case.js';

/** A fault that stops charging (§7.6). */
const ERROR_CODE = 'GroundFailure';

export default defineCase({
  id: 'TC_041_CS',
  title: 'Fault Behavior',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 47, follows: '2024-04' },
  purpose: 'A connector with a fault that prevents charging is reported Faulted with the errorCode of the fault, starts no transaction while faulted (RemoteStartTransaction is Rejected), and is reported Available again once the fault is resolved.',
  refs: [
    'OCPP 1.6 §4.9 StatusNotification (A9, I1)',
    'OCPP 1.6 §7.6 ChargePointErrorCode',
    'OCPP 1.6 §7.7 ChargePointStatus (Faulted)',
    'OCPP 1.6 §5.11 RemoteStartTransaction',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 47; ours: the fault is the SUT-control action fault (errorCode GroundFailure) on the first configured connector, the driver\'s attempt to start is a RemoteStartTransaction (step 3), the watch for a StartTransaction lasts until the fault is cleared (clearFault → Available, step 4), not the configured transaction duration.',
  deviations: [{
    what: 'the attempt to start is a RemoteStartTransaction, which should be answered Rejected (SHOULD)',
    why: 'the table lets the EV driver try at the charge point and only watches for a StartTransaction; a remote attempt needs no SUT control for a local start and shows the refusal in the answer',
    source: 'OCPP 1.6 §7.7 (Faulted: not available for energy delivery), §5.11 (errata 3.32)',
  }],
  actions: ['fault', 'clearFault'],
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const cp = await csms.booted();

  const faulted = await step(1, `A ${ERROR_CODE} fault on connector ${connectorId}: the charge point reports Faulted (steps 1–2)`, async () => {
    const from = cp.mark(`fault ${ERROR_CODE}`);
    await sut.do('fault', { connectorId, errorCode: ERROR_CODE });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: from,
      match: { status: 'Faulted' },
      requirement: 'OCTT Table 47 step 1; OCPP 1.6 §4.9 (A9): a fault that prevents further charging makes the connector Faulted; errata 3.19: the status change SHALL be reported, with the errorCode of the fault (§7.6)',
    });
    return from;
  });

  await step(3, 'The driver tries to start a transaction (ours: RemoteStartTransaction for the faulted connector, SHOULD be Rejected)', () =>
    cp.call('RemoteStartTransaction', { connectorId, idTag: cfg.idTags.accepted }, {
      expect: { status: 'Rejected' },
      level: 'SHOULD',
      requirement: 'OCPP 1.6 §7.7: Faulted means not available for energy delivery; §5.11 (errata 3.32): Accepted would say the charge point will attempt to start a transaction',
    }));

  await step(4, 'No transaction starts (Table 47 step 3); the fault is resolved: the charge point reports Available', async () => {
    await sut.do('clearFault', { connectorId });
    await cp.expectCall('StatusNotification', {
      where: { connectorId, status: 'Available' }, after: faulted,
      forbid: { actions: ['StartTransaction'], why: 'a Faulted connector is not available for energy delivery (§7.7): no transaction starts on it (Table 47 step 3)' },
      requirement: 'OCTT Table 47 step 3 (no transaction starts); OCPP 1.6 §4.9 (I1): the fault resolved, the status returns to the one before the fault: Available',
    });
  });
});
