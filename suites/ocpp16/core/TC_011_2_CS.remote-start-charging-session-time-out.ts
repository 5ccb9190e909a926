import { defineCase } from '../../../harness/dsl/define-case.js';
import { restoreKeys, setKey } from './cs-steps.js';

/** ConnectionTimeOut the case gives the charge point: short, so that the case stays short. */
const CONNECTION_TIMEOUT_S = 2;

export default defineCase({
  id: 'TC_011_2_CS',
  title: 'Remote Start Charging Session - Time Out',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 15, follows: '2024-04' },
  purpose: 'A RemoteStartTransaction is accepted, the idTag authorised and the connector Preparing; when no cable is plugged in, the charge point returns the connector to Available once ConnectionTimeOut has passed, without starting a transaction.',
  refs: [
    'OCPP 1.6 §5.11 RemoteStartTransaction',
    'OCPP 1.6 §9.1.6 ConnectionTimeOut (errata 3.77, 3.89: counted from the beginning of Preparing)',
    'OCPP 1.6 §9.1.3 AuthorizeRemoteTxRequests',
    'OCPP 1.6 §4.1 Authorize',
    'OCPP 1.6 §4.9 StatusNotification (A2, B1; errata 3.21)',
  ],
  provenance: `OCTT steps 1–9 as publicly summarised (Heartbeat/booted → GetConfiguration ConnectionTimeOut → set it to 45 when it is not → GetConfiguration AuthorizeRemoteTxRequests → set it true when it is not → RemoteStartTransaction Accepted → Authorize Accepted → Preparing → Available, ConnectionTimeOut to ConnectionTimeOut + 10 s after Preparing). Ours: step 1 uses the reusable state Booted; ConnectionTimeOut is set to ${CONNECTION_TIMEOUT_S} s instead of 45 to keep the case short; the Available window is ConnectionTimeOut to ConnectionTimeOut + timeouts.messageMs after Preparing, with config toleranceMs on both sides; no StartTransaction may come meanwhile; step 10 restores both keys. Authorize and Preparing may come in either order.`,
  actions: [],
}, async ({ csms, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const cp = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());

  const changes = [
    await step(2, `ConnectionTimeOut = ${CONNECTION_TIMEOUT_S} s (GetConfiguration; ChangeConfiguration when it differs) (steps 2–3)`, () =>
      setKey(cp, 'ConnectionTimeOut', String(CONNECTION_TIMEOUT_S))),
    await step(4, 'AuthorizeRemoteTxRequests = true (steps 4–5)', () => setKey(cp, 'AuthorizeRemoteTxRequests', 'true')),
  ];

  const requested = await step(6, `Send RemoteStartTransaction for connector ${connectorId} and the valid idTag, no cable plugged in; the charge point accepts it`, async () => {
    const res = await cp.call('RemoteStartTransaction', { connectorId, idTag }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.11: a free connector and a valid idTag: RemoteStartTransaction Accepted',
    });
    return res.call.seq;
  });

  await step(7, 'The charge point sends Authorize for the idTag (the harness accepts it)', () =>
    cp.expectCall('Authorize', {
      after: requested,
      match: { idTag },
      requirement: 'OCPP 1.6 §5.11, §9.1.3 AuthorizeRemoteTxRequests: with true, the charge point authorises the idTag of a remote start (Authorize.req) like a local action',
    }));

  const preparing = await step(8, 'The charge point reports Preparing', () =>
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

  await step(10, 'Restore ConnectionTimeOut and AuthorizeRemoteTxRequests', () => restoreKeys(cp, changes));
});
