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
  provenance: 'No public OCTT step summary found for TC_041_CS; public descriptions state its purpose (a charge point in a fault state refuses to start a transaction: StatusNotification Faulted, then no StartTransaction). Derived from §4.9 and §7.7: the fault is caused by the SUT-control action fault (errorCode GroundFailure) on the first configured connector → StatusNotification Faulted with that errorCode (A9) → RemoteStartTransaction for it is Rejected (SHOULD: Faulted means not available for energy delivery, §7.7; §5.11 Accepted would promise an attempt to start) → no StartTransaction.req → clearFault → StatusNotification Available, NoError (I1: the fault is resolved, back to the status before it).',
  actions: ['fault', 'clearFault'],
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const cp = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());

  const faulted = await step(2, `A ${ERROR_CODE} fault on connector ${connectorId}: the charge point reports Faulted with that errorCode`, async () => {
    const from = cp.mark(`fault ${ERROR_CODE}`);
    await sut.do('fault', { connectorId, errorCode: ERROR_CODE });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: from,
      match: { status: 'Faulted', errorCode: ERROR_CODE },
      requirement: 'OCPP 1.6 §4.9 (A9): a fault that prevents further charging makes the connector Faulted; errata 3.19: the status change SHALL be reported, with the errorCode of the fault (§7.6)',
    });
    return from;
  });

  await step(3, 'RemoteStartTransaction for the faulted connector: Rejected', () =>
    cp.call('RemoteStartTransaction', { connectorId, idTag: cfg.idTags.accepted }, {
      expect: { status: 'Rejected' },
      level: 'SHOULD',
      requirement: 'OCPP 1.6 §7.7: Faulted means not available for energy delivery; §5.11 (errata 3.32): Accepted would say the charge point will attempt to start a transaction',
    }));

  await step(4, 'The fault is resolved: the charge point reports Available, with no transaction started meanwhile', async () => {
    await sut.do('clearFault', { connectorId });
    await cp.expectCall('StatusNotification', {
      where: { connectorId, status: 'Available' }, after: faulted,
      match: { errorCode: 'NoError' },
      forbid: { actions: ['StartTransaction'], why: 'a Faulted connector is not available for energy delivery (§7.7): no transaction starts on it' },
      requirement: 'OCPP 1.6 §4.9 (I1): the fault resolved, the status returns to the one before the fault: Available',
    });
  });
});
