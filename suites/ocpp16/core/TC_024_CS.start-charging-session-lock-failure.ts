import { defineCase } from '../../../harness/dsl/define-case.js';
import { plugIn } from './cs-steps.js';

/** How long the harness watches for a StartTransaction that must not come, before the clean-up. */
const QUIET_MS = 1000;

export default defineCase({
  id: 'TC_024_CS',
  title: 'Start Charging Session - Lock Failure',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 30, follows: '2024-04' },
  purpose: 'When the cable cannot be locked as a remotely started transaction is about to begin, the charge point reports the connector Faulted with errorCode ConnectorLockFailure and starts no transaction; removing the cable clears it.',
  refs: [
    'OCPP 1.6 §5.11 RemoteStartTransaction',
    'OCPP 1.6 §4.9 StatusNotification (B9, I1)',
    'OCPP 1.6 §7.6 ChargePointErrorCode (ConnectorLockFailure)',
    'OCPP 1.6 §7.7 ChargePointStatus (Faulted)',
    'OCPP 1.6 §4.8 StartTransaction',
  ],
  provenance: 'OCTT steps as publicly summarised (booted → RemoteStartTransaction Accepted → Authorize when AuthorizeRemoteTxRequests is true → StatusNotification Preparing → StatusNotification Faulted, errorCode ConnectorLockFailure → no StartTransaction.req for 10 s). Ours: step 1 uses the reusable state Booted; the lock failure is caused by the SUT-control action lockFailure (the next lock attempt fails) and the cable is plugged in before the request, which gives the Preparing of the summary (a cable is needed for a lock to fail); an Authorize.req is answered but not required, as the summary makes it depend on AuthorizeRemoteTxRequests; the watch for a StartTransaction is 1 s and runs until the cable is removed; step 6 (unplug → Available, §4.9 I1: the fault is resolved with the cable gone) leaves the charge point as found. Needs the declaration reportsLockFailure.',
  actions: ['lockFailure', 'plugIn', 'unplug'],
  declarations: { reportsLockFailure: true },
}, async ({ csms, sut, cfg, step, sleep }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const cp = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());

  await step(2, `The lock of connector ${connectorId} will fail; plug in the cable, the charge point reports Preparing`, async () => {
    await sut.do('lockFailure', { connectorId });
    await plugIn(cp, sut, connectorId);
  });

  const requested = await step(3, 'RemoteStartTransaction for the connector and a valid idTag: Accepted', async () => {
    const res = await cp.call('RemoteStartTransaction', { connectorId, idTag }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.11: a free, plugged-in connector and a valid idTag: RemoteStartTransaction Accepted',
    });
    return res.call.seq;
  });

  await step(4, 'Locking the cable fails: the charge point reports Faulted with errorCode ConnectorLockFailure and starts no transaction', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId, status: 'Faulted' }, after: requested,
      match: { errorCode: 'ConnectorLockFailure' },
      forbid: { actions: ['StartTransaction'], why: 'the cable could not be locked, so no transaction starts' },
      requirement: 'OCPP 1.6 §4.9 (B9): a fault that prevents charging makes the connector Faulted; §7.6: ConnectorLockFailure is the failure to lock the connector',
    }));

  await step(5, 'No StartTransaction follows; unplug the cable, the charge point reports Available', async () => {
    await sleep(QUIET_MS);
    await sut.do('unplug', { connectorId });
    await cp.expectCall('StatusNotification', {
      where: { connectorId, status: 'Available' }, after: requested,
      match: { errorCode: 'NoError' },
      forbid: { actions: ['StartTransaction'], why: 'the cable could not be locked: no transaction starts' },
      requirement: 'OCPP 1.6 §4.9 (I1): the fault is resolved with the cable removed: Available',
    });
  });
});
