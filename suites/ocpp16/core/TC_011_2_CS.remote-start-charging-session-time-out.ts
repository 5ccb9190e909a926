import { defineCase } from '../../../harness/dsl/define-case.js';
import { isTrue, readKey, restoreKeys, setKey } from './cs-steps.js';

/** ConnectionTimeOut the case gives the charge point: short, so that the case stays short. */
const CONNECTION_TIMEOUT_S = 2;

export default defineCase({
  id: 'TC_011_2_CS',
  title: 'Remote Start Charging Session - Time Out',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 15, follows: '2024-04' },
  purpose: 'A RemoteStartTransaction is accepted, the idTag authorised when AuthorizeRemoteTxRequests (read, not changed) is true, and the connector Preparing; when no cable is plugged in, the charge point returns the connector to Available once ConnectionTimeOut has passed, without starting a transaction.',
  refs: [
    'OCPP 1.6 §5.11 RemoteStartTransaction',
    'OCPP 1.6 §9.1.6 ConnectionTimeOut (errata 3.77, 3.89: counted from the beginning of Preparing)',
    'OCPP 1.6 §9.1.3 AuthorizeRemoteTxRequests',
    'OCPP 1.6 §4.1 Authorize',
    'OCPP 1.6 §4.9 StatusNotification (A2, B1; errata 3.21)',
  ],
  provenance: `OCTT 1.6 TCD 2024-04 Table 15; ours: ConnectionTimeOut (the table\'s <Configured connectionTimeout>) is ${CONNECTION_TIMEOUT_S} s to keep the case short and restored at the end (steps 11–12), the Available window (ConnectionTimeOut to ConnectionTimeOut + timeouts.messageMs after Preparing, config toleranceMs) and no StartTransaction meanwhile.`,
  actions: [],
}, async ({ csms, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const cp = await csms.booted();

  const changes = [
    await step(11, `Before (ours: the table's configured value): ConnectionTimeOut = ${CONNECTION_TIMEOUT_S} s (GetConfiguration; ChangeConfiguration when it differs)`, () =>
      setKey(cp, 'ConnectionTimeOut', String(CONNECTION_TIMEOUT_S))),
  ];

  // Table 15 step 1: read AuthorizeRemoteTxRequests, never force it (§9.1.3: it may be read-only).
  const authorizeRemote = await step(1, 'GetConfiguration AuthorizeRemoteTxRequests; the charge point reports it (step 2)', async () =>
    isTrue(await readKey(cp, 'AuthorizeRemoteTxRequests')));

  const requested = await step(3, `Send RemoteStartTransaction for connector ${connectorId} and the valid idTag, no cable plugged in; the charge point accepts it (step 4)`, async () => {
    const res = await cp.call('RemoteStartTransaction', { connectorId, idTag }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.11: a free connector and a valid idTag: RemoteStartTransaction Accepted',
    });
    return res.call.seq;
  });

  if (authorizeRemote) {
    await step(5, 'AuthorizeRemoteTxRequests is true: the charge point sends Authorize for the idTag (the harness accepts it: step 6)', () =>
      cp.expectCall('Authorize', {
        after: requested,
        match: { idTag },
        requirement: 'OCPP 1.6 §5.11, §9.1.3 AuthorizeRemoteTxRequests: with true, the charge point authorises the idTag of a remote start (Authorize.req) like a local action',
      }));
  }

  const preparing = await step(7, 'The charge point reports Preparing', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: requested,
      match: { status: 'Preparing' },
      requirement: 'OCPP 1.6 §4.9 (A2): a remote start waiting for the cable makes the connector Preparing',
    }));

  await step(9, `No cable: the charge point reports Available once ConnectionTimeOut (${CONNECTION_TIMEOUT_S} s) has passed, with no transaction`, () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: preparing.event.seq,
      window: { anchor: preparing.event.seq, minMs: CONNECTION_TIMEOUT_S * 1000, maxMs: CONNECTION_TIMEOUT_S * 1000 + cfg.timeouts.messageMs },
      match: { status: 'Available' },
      forbid: { actions: ['StartTransaction'], why: 'no cable was plugged in: no transaction starts (§9.1.6)' },
      requirement: 'OCPP 1.6 §9.1.6 ConnectionTimeOut (errata 3.77): the interval from the beginning of Preparing until the incipient session is cancelled for want of a cable; the charge point SHALL go back to its original state, Available (§4.9 B1)',
    }));

  await step(12, 'Restore ConnectionTimeOut (ours)', () => restoreKeys(cp, changes));
});
