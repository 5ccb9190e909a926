import { defineCase } from '../../../harness/dsl/define-case.js';
import { cacheOff, configuredEntries, emptyList, LIST_ENABLED_WHY, localListVersion, nextVersion, restoreKeys, sendLocalList, setKey } from './local-list-steps.js';
import { remoteStartSession } from '../core/cs-steps.js';

export default defineCase({
  id: 'TC_008_2_CS',
  title: 'Remote Start Charging Session - Id in Local Authorization List',
  ocpp: '1.6',
  profile: 'LocalAuthListManagement',
  sut: 'ChargePoint',
  octt: { table: 54, documentId: 'TC_008_CS', follows: 'newer revision' },
  purpose: 'With AuthorizeRemoteTxRequests and LocalPreAuthorize true, a RemoteStartTransaction for an idTag the Local Authorization List holds as Accepted is authorised from the list: StartTransaction with that idTag follows without any Authorize.req, and the connector goes Charging.',
  refs: [
    'OCPP 1.6 §5.11 Remote Start Transaction (AuthorizeRemoteTxRequests)',
    'OCPP 1.6 §3.5.2 Local Authorization List',
    'OCPP 1.6 §4.1 Authorization',
    'OCPP 1.6 §9.1.3 AuthorizeRemoteTxRequests',
    'OCPP 1.6 §9.1.13 LocalPreAuthorize',
    'OCPP 1.6 §9.2.1 LocalAuthListEnabled',
    'OCPP 1.6 §5.15 Send Local List',
    'OCPP 1.6 §4.8 StartTransaction',
    'OCPP 1.6 §5.12 Remote Stop Transaction',
    'OCPP 1.6 §4.9 StatusNotification (A2, B3, C6, F1)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 54; ours (the remote-start variant of a newer revision, which Table 54 is): the Before keys are set with ChangeConfiguration and restored, and the clean-up (RemoteStopTransaction, Finishing, unplug, the list emptied).',
  deviations: [
    { what: 'No Authorize.req before StartTransaction', why: 'with LocalPreAuthorize true and the idTag Accepted in the list none is needed', source: 'OCPP 1.6 §5.11, §9.1.13' },
  ],
  actions: ['plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step, note, notApplicable }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const cp = await step(1, 'The charge point is connected and its boot accepted', () => csms.booted());

  const changed = await step(2, 'Preparation: LocalAuthListEnabled, LocalPreAuthorize and AuthorizeRemoteTxRequests true, the authorization cache off', async () => [
    await setKey({ note, notApplicable }, cp, 'LocalAuthListEnabled', 'true', { required: true, why: LIST_ENABLED_WHY }),
    await setKey({ note, notApplicable }, cp, 'LocalPreAuthorize', 'true', { required: true, why: 'OCPP 1.6 §9.1.13 LocalPreAuthorize' }),
    // §9.1.3: R or RW, the charge point's choice; without it the remote idTag is not authorised locally at all.
    await setKey({ note, notApplicable }, cp, 'AuthorizeRemoteTxRequests', 'true', { why: 'Table 54 prerequisite: not read-only false; OCPP 1.6 §5.11, §9.1.3: the remote idTag is authorised like a local one' }),
    await cacheOff({ note, notApplicable }, cp),
  ]);

  const version = await step(3, 'GetLocalListVersion; then SendLocalList (Full) with the valid idTag as Accepted: Accepted', async () => {
    const v = nextVersion(await localListVersion(cp));
    await sendLocalList(cp, v, 'Full', [configuredEntries(cfg).accepted], {
      status: 'Accepted',
      requirement: 'OCPP 1.6 §5.15: a Full update within SendLocalListMaxLength is applied and answered Accepted',
    });
    return v;
  });

  const { transactionId } = await remoteStartSession(cp, sut, step, connectorId, idTag, {
    numbers: [4, 5, 6, 7],
    requestTitle: 'RemoteStartTransaction for the connector and the idTag: Accepted',
    requestRequirement: 'OCPP 1.6 §5.11: a free, plugged-in connector and an idTag the charge point can authorise: Accepted',
    startTitle: 'StartTransaction with the idTag, without Authorize.req: the idTag is authorised from the list',
    startForbid: { actions: ['Authorize'], why: 'AuthorizeRemoteTxRequests and LocalPreAuthorize are true and the idTag is Accepted in the Local Authorization List: it is authorised locally, without requesting an Authorize.conf (§5.11, §9.1.13, §3.5)' },
    startRequirement: 'OCPP 1.6 §5.11: with AuthorizeRemoteTxRequests true the idTag is authorised like a local one (here from the Local Authorization List, §3.5.2); StartTransaction carries it (§4.8)',
  });

  await step(8, 'Clean-up: RemoteStopTransaction; StopTransaction for the transaction, then Finishing', async () => {
    const res = await cp.call('RemoteStopTransaction', { transactionId }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.12: a RemoteStopTransaction for an ongoing transaction is Accepted',
    });
    await cp.expectCall('StopTransaction', {
      after: res.call.seq,
      match: { transactionId },
      requirement: 'OCPP 1.6 §5.12, §4.10: the transaction is stopped and StopTransaction.req sent for it',
    });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: res.call.seq,
      match: { status: 'Finishing' },
      requirement: 'OCPP 1.6 §4.9 (C6): the transaction stopped with the cable still plugged in: Finishing',
    });
  });

  await step(9, 'Unplug the cable; the charge point reports Available', async () => {
    const from = cp.mark('unplugging');
    await sut.do('unplug', { connectorId });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: from,
      match: { status: 'Available' },
      requirement: 'OCPP 1.6 §4.9 (F1): the cable removed after the transaction: Available',
    });
  });

  await step(10, 'Clean-up: empty the Local Authorization List and restore the configuration keys', async () => {
    await emptyList(cp, version + 1);
    await restoreKeys(cp, changed);
  });
});
