import { defineCase } from '../../../harness/dsl/define-case.js';
import { plugIn } from './cs-steps.js';
import { beforeKey, restoreBefore } from './cs-table-states.js';

/** How long the harness watches for a StartTransaction that must not come, before the clean-up. */
const QUIET_MS = 1000;
const KEY = 'AuthorizeRemoteTxRequests';

export default defineCase({
  id: 'TC_023_5_CS',
  title: 'Start remote Charging Session - Authorize invalid',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 29, documentId: 'TC_023_CS', follows: 'newer revision' },
  purpose: 'With AuthorizeRemoteTxRequests true, a RemoteStartTransaction for an idTag the CSMS answers Invalid in Authorize.conf is accepted but starts no transaction: no StartTransaction follows, and removing the cable returns the connector to Available.',
  refs: [
    'OCPP 1.6 §5.11 RemoteStartTransaction',
    'OCPP 1.6 §9.1.3 AuthorizeRemoteTxRequests',
    'OCPP 1.6 §4.1 Authorize',
    'OCPP 1.6 §7.2 AuthorizationStatus (Invalid)',
    'OCPP 1.6 §5.4 ClearCache',
    'OCPP 1.6 §4.9 StatusNotification (A2, B1)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 29 (TC_023_CS) has the local start only; this remote variant follows the newer revision\'s TC_023_5_CS as public re-implementations describe it (RemoteStartTransaction Accepted, Authorize answered Invalid, no transaction); ours: AuthorizeRemoteTxRequests = true as its Before state (NOT_APPLICABLE when the charge point keeps it false, §9.1.3 allows it to be read-only), ClearCache, the cable plugged in first, the idTag config idTags.invalid, a 1 s watch for a StartTransaction until the cable is removed, and step 8 restores the key.',
  actions: ['plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step, sleep, notApplicable }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.invalid;
  const cp = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());

  const change = await step(2, `${KEY} is true (set when it is not; NOT_APPLICABLE when the charge point keeps it false)`, () =>
    beforeKey({ notApplicable }, cp, KEY, 'true'));

  await step(3, 'ClearCache: the charge point answers it', () =>
    cp.call('ClearCache', {}, {
      expect: { status: { oneOf: ['Accepted', 'Rejected'] } },
      requirement: 'OCPP 1.6 §5.4: the charge point SHALL answer ClearCache.req, saying whether it cleared its cache',
    }));

  await step(4, `Plug in the cable on connector ${connectorId}; the charge point reports Preparing`, () => plugIn(cp, sut, connectorId));

  const requested = await step(5, 'RemoteStartTransaction for the connector and the invalid idTag: Accepted', async () => {
    const res = await cp.call('RemoteStartTransaction', { connectorId, idTag }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.11 (errata 3.32): Accepted says the charge point accepted the request and will attempt to start a transaction; the idTag is checked afterwards (§9.1.3)',
    });
    return res.call.seq;
  });

  await step(6, 'The charge point sends Authorize for the idTag of the request (the harness answers Invalid)', async () => {
    const authorize = await cp.expectCall('Authorize', {
      after: requested,
      match: { idTag },
      forbid: { actions: ['StartTransaction'], why: 'with AuthorizeRemoteTxRequests true a transaction starts only after authorisation (§5.11)' },
      requirement: 'OCPP 1.6 §5.11, §9.1.3: with AuthorizeRemoteTxRequests true the charge point authorises the idTag like a local action: an idTag not in a local list or cache with Authorize.req (§4.1)',
    });
    await authorize.replied;
  });

  await step(7, 'No StartTransaction follows; unplug the cable, the charge point reports Available', async () => {
    await sleep(QUIET_MS);
    await sut.do('unplug', { connectorId });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: requested,
      match: { status: 'Available' },
      forbid: { actions: ['StartTransaction'], why: 'Authorize.conf said Invalid: a transaction is only started after authorisation was obtained (§5.11)' },
      requirement: 'OCPP 1.6 §4.9 (B1): the cable removed with no transaction: Available',
    });
  });

  await step(8, `Restore ${KEY}`, () => restoreBefore(cp, [change]));
});
