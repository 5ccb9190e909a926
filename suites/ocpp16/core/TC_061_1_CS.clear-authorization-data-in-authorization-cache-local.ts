import { defineCase } from '../../../harness/dsl/define-case.js';
import { reusableAuthorized } from './cs-steps.js';
import { beforeKey, restoreBefore } from './cs-table-states.js';

/** ConnectionTimeOut the case gives the charge point (the table's <Configured ConnectionTimeout>): short, so that the case stays short. */
const CONNECTION_TIMEOUT_S = 5;

export default defineCase({
  id: 'TC_061_1_CS',
  title: 'Clear Authorization Data in Authorization Cache - Local',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 12, documentId: 'TC_061_CS', follows: 'newer revision' },
  purpose: 'ClearCache is accepted and empties the Authorization Cache: an idTag the charge point had cached is, when presented again with LocalPreAuthorize enabled, authorised with Authorize.req instead of from the cache.',
  refs: [
    'OCPP 1.6 §5.4 ClearCache, §6.11 ClearCache.req, §7.20 ClearCacheStatus',
    'OCPP 1.6 §3.5.1 Authorization Cache',
    'OCPP 1.6 §3.5 LocalPreAuthorize, §9.1.13 LocalPreAuthorize',
    'OCPP 1.6 §9.1.2 AuthorizationCacheEnabled',
    'OCPP 1.6 §4.1 Authorize',
    'OCPP 1.6 §9.1.6 ConnectionTimeOut',
    'OCPP 1.6 §4.9 StatusNotification (A2, B1)',
  ],
  provenance: `OCTT 1.6 TCD 2024-04 Table 12 (TC_061_CS, a local start: the newer revision calls it TC_061_1_CS); ours: ConnectionTimeOut set to ${CONNECTION_TIMEOUT_S} s (the table's <Configured ConnectionTimeout>), the idTag presented through SUT control, no cable at any time, and step 9 (the idTag presented once more, or ConnectionTimeOut: Available; keys restored) leaves the charge point as found.`,
  deviations: [{
    what: 'The Available of step 3 (and of step 9) comes within ConnectionTimeOut + timeouts.messageMs of presenting the idTag again (MUST, timing not OCTT-checked)',
    why: 'The table accepts either a deauthorising second swipe or the expiry of ConnectionTimeOut; both are over by then',
    source: 'OCPP 1.6 §9.1.6 ConnectionTimeOut (errata 3.77), §4.9 (B1)',
  }],
  actions: ['presentIdTag'],
  declarations: { authorizationCache: true },
}, async ({ csms, sut, cfg, step, notApplicable }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const cp = await csms.booted();
  const t = { notApplicable };
  const backToAvailable = async (stepNo: number, requirement: string, octt: 'fails' | 'not-checked') => {
    const from = cp.mark('presenting the idTag again');
    await sut.do('presentIdTag', { connectorId, idTag });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: from,
      within: CONNECTION_TIMEOUT_S * 1000 + cfg.timeouts.messageMs,
      match: { status: 'Available' }, octt,
      forbid: { actions: ['StartTransaction'], why: 'no cable is plugged in: no transaction starts' },
      requirement: `OCTT Table 12 step ${stepNo}; ${requirement}`,
    });
  };

  const changes = await step(0, `Before: AuthorizationCacheEnabled and LocalPreAuthorize true, ConnectionTimeOut ${CONNECTION_TIMEOUT_S} s (NOT_APPLICABLE when read-only otherwise)`, async () => [
    await beforeKey(t, cp, 'AuthorizationCacheEnabled', 'true'),
    await beforeKey(t, cp, 'LocalPreAuthorize', 'true'),
    await beforeKey(t, cp, 'ConnectionTimeOut', String(CONNECTION_TIMEOUT_S)),
  ]);

  await step(1, `Reusable state Authorized: present the valid idTag at connector ${connectorId}; Authorize (the harness accepts it, so the idTag is cached) and Preparing (steps 1–2)`, () =>
    reusableAuthorized(cp, sut, connectorId, idTag));

  await step(3, 'Present the idTag again (or let ConnectionTimeOut expire); the charge point reports Available (steps 3–4)', () =>
    backToAvailable(3, 'OCPP 1.6 §4.9 (B1): usage ended before a cable was plugged in, by the idTag again or ConnectionTimeOut (§9.1.6): Available', 'fails'));

  await step(5, 'Send ClearCache; the charge point accepts it (step 6)', () =>
    cp.call('ClearCache', {}, {
      expect: { status: 'Accepted' },
      requirement: 'OCTT Table 12 step 6; OCPP 1.6 §5.4: a charge point with an Authorization Cache SHALL clear it on ClearCache.req and answer Accepted (§7.20)',
    }));

  await step(7, 'Present the same idTag; the cache is empty, so the charge point sends Authorize for it (the harness accepts it: step 8)', async () => {
    const from = cp.mark('presenting the idTag after ClearCache');
    await sut.do('presentIdTag', { connectorId, idTag });
    await cp.expectCall('Authorize', {
      after: from,
      match: { idTag },
      requirement: 'OCTT Table 12 step 7; OCPP 1.6 §5.4: ClearCache clears the Authorization Cache; §4.1: an idTag that is not in the Local Authorization List or Authorization Cache SHALL be authorised with Authorize.req',
    });
    // Accepted again: the connector is Preparing before the clean-up (ours).
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: from, match: { status: 'Preparing' }, octt: 'not-checked',
      requirement: 'OCPP 1.6 §4.9 (A2): usage initiated by presenting an idTag makes the connector Preparing',
    });
  });

  await step(9, 'Clean-up (ours): present the idTag again (or let ConnectionTimeOut expire): Available; keys restored', async () => {
    await backToAvailable(9, 'ours: the usage ends as at step 3', 'not-checked');
    await restoreBefore(cp, changes);
  });
});
