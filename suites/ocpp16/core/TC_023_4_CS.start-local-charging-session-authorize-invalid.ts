import { defineCase } from '../../../harness/dsl/define-case.js';
import { beforeKey, inspectKey, restoreBefore } from './cs-table-states.js';

/** How long the harness watches for a StartTransaction that must not come, before the clean-up. */
const QUIET_MS = 1000;
/** The table's MinimumStatusDuration: a status is reported once it held this long. */
const MIN_STATUS_S = 10;

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
    'OCPP 1.6 §9.1.20 MinimumStatusDuration, §9.1.13 LocalPreAuthorize',
    'OCPP 1.6 §5.4 ClearCache',
    'OCPP 1.6 §4.9 StatusNotification (A2, B1)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 29 (TC_023_CS, the local start of the newer revision\'s TC_023_4_CS); ours: ClearCache in the Before state (§1.3: an empty cache), the idTag is config idTags.invalid, which the harness answers Invalid, the watch for a StartTransaction lasts 1 s past the Authorize.conf and runs until the cable is removed (step 5), and step 6 restores the keys.',
  actions: ['plugIn', 'presentIdTag', 'unplug'],
}, async ({ csms, sut, cfg, step, sleep, notApplicable }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.invalid;
  const t = { notApplicable };
  const cp = await csms.booted();

  const { changes, minStatusMs } = await step(0, `Before: MinimumStatusDuration = ${MIN_STATUS_S} (when the charge point has it), LocalPreAuthorize = true; ClearCache`, async () => {
    const hasMinStatus = (await inspectKey(cp, 'MinimumStatusDuration')) !== undefined;
    const changes = [
      hasMinStatus ? await beforeKey(t, cp, 'MinimumStatusDuration', String(MIN_STATUS_S)) : undefined,
      await beforeKey(t, cp, 'LocalPreAuthorize', 'true'),
    ];
    await cp.call('ClearCache', {}, {
      expect: { status: { oneOf: ['Accepted', 'Rejected'] } }, octt: 'not-checked',
      requirement: 'OCPP 1.6 §5.4: the charge point SHALL answer ClearCache.req, saying whether it cleared its cache',
    });
    // A status is only reported once it held MinimumStatusDuration: wait that much longer for one.
    return { changes, minStatusMs: hasMinStatus ? MIN_STATUS_S * 1000 : 0 };
  });

  await step(1, `Plug in the cable on connector ${connectorId}; the charge point reports Preparing (steps 1–2)`, async () => {
    const from = cp.mark('plugging in');
    await sut.do('plugIn', { connectorId });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: from, within: minStatusMs + cfg.timeouts.messageMs,
      match: { status: 'Preparing' },
      requirement: 'OCTT Table 29 step 1; OCPP 1.6 §4.9 (A2): usage initiated by inserting the plug makes the connector Preparing',
    });
  });

  const presented = await step(3, 'Present the invalid idTag; the charge point sends Authorize for it, the harness answers Invalid (steps 3–4)', async () => {
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

  await step(5, 'No transaction starts (the table\'s expected result); unplug the cable, the charge point reports Available', async () => {
    await sleep(QUIET_MS);
    await sut.do('unplug', { connectorId });
    // Counted from the presentation: the forbid covers the quiet period and the unplugging.
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: presented, within: minStatusMs + cfg.timeouts.messageMs,
      match: { status: 'Available' },
      forbid: { actions: ['StartTransaction'], why: 'Authorize.conf said Invalid: the charge point SHALL only supply energy after authorisation, so no transaction starts (§4.1; Table 29 expected result)' },
      requirement: 'Table 29 expected result: no transaction starts; OCPP 1.6 §4.9 (B1): the cable removed with no transaction: Available',
    });
  });

  await step(6, 'Restore the configuration keys the case changed', () => restoreBefore(cp, changes));
});
