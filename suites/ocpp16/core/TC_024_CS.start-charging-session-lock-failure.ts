import { defineCase } from '../../../harness/dsl/define-case.js';
import { isTrue, readKey } from './cs-steps.js';

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
    'OCPP 1.6 §9.1.3 AuthorizeRemoteTxRequests',
    'OCPP 1.6 §4.9 StatusNotification (A2, B9, I1)',
    'OCPP 1.6 §7.6 ChargePointErrorCode (ConnectorLockFailure)',
    'OCPP 1.6 §7.7 ChargePointStatus (Faulted)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 30; ours: the lock failure is armed through the SUT-control action lockFailure before the remote start and the cable is plugged in (not halfway) through plugIn, the watch for a StartTransaction is 1 s, and step 11 (unplug → Available, §4.9 I1) leaves the charge point as found. Needs the declarations fixedCable false (the table\'s prerequisite) and reportsLockFailure.',
  actions: ['lockFailure', 'plugIn', 'unplug'],
  declarations: { fixedCable: false, reportsLockFailure: true },
}, async ({ csms, sut, cfg, step, sleep }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const cp = await csms.booted();

  const authorizeRemote = await step(1, 'GetConfiguration AuthorizeRemoteTxRequests (steps 1–2)', async () =>
    isTrue(await readKey(cp, 'AuthorizeRemoteTxRequests')));

  const requested = await step(3, `The lock of connector ${connectorId} will fail; RemoteStartTransaction for it and a valid idTag: Accepted (steps 3–4)`, async () => {
    await sut.do('lockFailure', { connectorId });
    const res = await cp.call('RemoteStartTransaction', { connectorId, idTag }, {
      expect: { status: 'Accepted' },
      requirement: 'OCTT Table 30 step 4; OCPP 1.6 §5.11: a free connector and a valid idTag: RemoteStartTransaction Accepted',
    });
    return res.call.seq;
  });

  if (authorizeRemote) {
    await step(5, 'AuthorizeRemoteTxRequests is true: the charge point sends Authorize for the idTag (the harness accepts it) (steps 5–6)', () =>
      cp.expectCall('Authorize', {
        after: requested, match: { idTag },
        requirement: 'OCPP 1.6 §5.11, §9.1.3: with AuthorizeRemoteTxRequests true the idTag of a remote start is authorised first (Authorize.req)',
      }));
  }

  await step(7, 'The charge point reports Preparing (steps 7–8)', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: requested,
      match: { status: 'Preparing' },
      requirement: 'OCTT Table 30 step 7; OCPP 1.6 §4.9 (A2): a remote start for a free connector makes it Preparing',
    }));

  await step(9, 'Plug in the cable; locking it fails: Faulted with errorCode ConnectorLockFailure, and no transaction (steps 9–10)', async () => {
    const from = cp.mark('plugging in');
    await sut.do('plugIn', { connectorId });
    await cp.expectCall('StatusNotification', {
      where: { connectorId, status: 'Faulted' }, after: from,
      match: { errorCode: 'ConnectorLockFailure' },
      forbid: { actions: ['StartTransaction'], why: 'the cable could not be locked, so no transaction starts (Table 30 expected result)' },
      requirement: 'OCTT Table 30 step 9; OCPP 1.6 §4.9 (B9): a fault that prevents charging makes the connector Faulted; §7.6: ConnectorLockFailure is the failure to lock the connector',
    });
  });

  await step(11, 'No StartTransaction follows; unplug the cable, the charge point reports Available', async () => {
    await sleep(QUIET_MS);
    await sut.do('unplug', { connectorId });
    await cp.expectCall('StatusNotification', {
      where: { connectorId, status: 'Available' }, after: requested, octt: 'not-checked',
      forbid: { actions: ['StartTransaction'], why: 'the cable could not be locked: no transaction starts' },
      requirement: 'OCPP 1.6 §4.9 (I1): the fault is resolved with the cable removed: Available',
    });
  });
});
