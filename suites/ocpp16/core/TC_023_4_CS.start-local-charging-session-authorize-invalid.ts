import { defineCase } from '../../../harness/dsl/define-case.js';
import { plugIn } from './cs-steps.js';

/** How long the harness watches for a StartTransaction that must not come, before the clean-up. */
const QUIET_MS = 1000;

export default defineCase({
  id: 'TC_023_4_CS',
  title: 'Start local Charging Session - Authorize invalid',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 29, documentId: 'TC_023_CS', follows: 'newer revision' },
  purpose: 'An idTag presented locally that the CSMS answers Invalid in Authorize.conf starts no transaction: no StartTransaction follows, and removing the cable returns the connector to Available.',
  refs: [
    'OCPP 1.6 §4.1 Authorize',
    'OCPP 1.6 §7.2 AuthorizationStatus (Invalid)',
    'OCPP 1.6 §5.4 ClearCache',
    'OCPP 1.6 §4.9 StatusNotification (A2, B1)',
  ],
  provenance: 'OCTT steps as publicly summarised for TC_023_CS (booted → Authorize.req for an invalid idTag, answered with a status other than Accepted → no StartTransaction.req for 20 s; the summary also sets MinimumStatusDuration and LocalPreAuthorize first and restores them). Ours: step 1 uses the reusable state Booted; ClearCache first (step 2) so that no cache entry from an earlier case decides the idTag locally (§3.5.1) and the Authorize.req is certain, instead of the MinimumStatusDuration / LocalPreAuthorize settings; the cable is plugged in first (step 3, §4.9 A2), as the title "local" suggests; the idTag is config idTags.invalid, which the harness answers Invalid; the watch for a StartTransaction is 1 s (not 20 s) and runs until the cable is removed (step 5, §4.9 B1), which leaves the charge point as found.',
  actions: ['plugIn', 'presentIdTag', 'unplug'],
}, async ({ csms, sut, cfg, step, sleep }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.invalid;
  const cp = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());

  await step(2, 'ClearCache: the charge point answers it', () =>
    cp.call('ClearCache', {}, {
      expect: { status: { oneOf: ['Accepted', 'Rejected'] } },
      requirement: 'OCPP 1.6 §5.4: the charge point SHALL answer ClearCache.req, saying whether it cleared its cache',
    }));

  await step(3, `Plug in the cable on connector ${connectorId}; the charge point reports Preparing`, () => plugIn(cp, sut, connectorId));

  const presented = await step(4, 'Present the invalid idTag; the charge point sends Authorize for it (the harness answers Invalid)', async () => {
    const from = cp.mark('presenting the invalid idTag');
    await sut.do('presentIdTag', { connectorId, idTag });
    const authorize = await cp.expectCall('Authorize', {
      after: from,
      match: { idTag },
      requirement: 'OCPP 1.6 §4.1: an idTag that is not in a local list or cache SHALL be authorised with Authorize.req before charging',
    });
    await authorize.replied;
    return from;
  });

  await step(5, 'No StartTransaction follows; unplug the cable, the charge point reports Available', async () => {
    await sleep(QUIET_MS);
    await sut.do('unplug', { connectorId });
    // Counted from the presentation: the forbid covers the quiet period and the unplugging.
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: presented,
      match: { status: 'Available' },
      forbid: { actions: ['StartTransaction'], why: 'Authorize.conf said Invalid: the charge point SHALL only supply energy after authorisation, so no transaction starts (§4.1)' },
      requirement: 'OCPP 1.6 §4.9 (B1): the cable removed with no transaction: Available',
    });
  });
});
