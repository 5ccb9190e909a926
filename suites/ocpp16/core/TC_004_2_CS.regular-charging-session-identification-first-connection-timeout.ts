import { defineCase } from '../../../harness/dsl/define-case.js';
import { reusableAuthorized } from './cs-steps.js';
import { beforeKey, restoreBefore } from './cs-table-states.js';

/** ConnectionTimeOut the case gives the charge point: short, so that the case stays short. */
const CONNECTION_TIMEOUT_S = 2;

export default defineCase({
  id: 'TC_004_2_CS',
  title: 'Regular Charging Session - Identification First - ConnectionTimeOut',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 5, follows: '2024-04' },
  purpose: 'A valid idTag presented before the cable makes the connector Preparing; when no cable is plugged in, the charge point returns it to Available once ConnectionTimeOut has passed, without starting a transaction.',
  refs: [
    'OCPP 1.6 §9.1.6 ConnectionTimeOut (errata 3.77, 3.89: counted from the beginning of Preparing)',
    'OCPP 1.6 §4.9 StatusNotification (A2, B1; errata 3.21)',
    'OCPP 1.6 §4.1 Authorize',
    'OCPP 1.6 §5.3 ChangeConfiguration',
  ],
  provenance: `OCTT 1.6 TCD 2024-04 Table 5; ours: ConnectionTimeOut set to ${CONNECTION_TIMEOUT_S} s (the table\'s <Configured connectionTimeout>, short to keep the case short; NOT_APPLICABLE when read-only at another value), the idTag through SUT control, the time window of step 2 and the key restored (step 4).`,
  deviations: [{
    what: 'Available comes ConnectionTimeOut to ConnectionTimeOut + timeouts.messageMs after Preparing (config toleranceMs either side), and no StartTransaction meanwhile (MUST, not OCTT-checked)',
    why: 'The table waits for the configured timeout before it looks for Available but names no bound; a charger that never times out, or times out at once, would pass it otherwise',
    source: 'OCPP 1.6 §9.1.6 ConnectionTimeOut (errata 3.77, 3.89: counted from the beginning of Preparing); §4.9 (B1): back to Available without a transaction',
  }],
  actions: ['presentIdTag'],
}, async ({ csms, sut, cfg, step, notApplicable }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const cp = await csms.booted();

  const change = await step(0, `Before: ConnectionTimeOut = ${CONNECTION_TIMEOUT_S} s`, () =>
    beforeKey({ notApplicable }, cp, 'ConnectionTimeOut', String(CONNECTION_TIMEOUT_S)));

  const presented = await step(1, `Reusable state Authorized: present the valid idTag at connector ${connectorId} without a cable; Authorize for it (the harness accepts it) and Preparing`, () =>
    reusableAuthorized(cp, sut, connectorId, idTag));

  await step(2, `No cable: once ConnectionTimeOut (${CONNECTION_TIMEOUT_S} s) has passed the charge point reports Available (steps 2–3)`, async () => {
    const anchor = presented.preparing ?? presented.presented;
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: anchor,
      window: { anchor, minMs: CONNECTION_TIMEOUT_S * 1000, maxMs: CONNECTION_TIMEOUT_S * 1000 + cfg.timeouts.messageMs },
      timingOctt: 'not-checked',
      match: { status: 'Available' },
      forbid: { actions: ['StartTransaction'], why: 'no cable was plugged in: no transaction starts (§9.1.6)' },
      requirement: 'OCTT Table 5 step 2; OCPP 1.6 §9.1.6 ConnectionTimeOut (errata 3.77): the interval from the beginning of Preparing until the incipient session is cancelled for want of a cable; the charge point goes back to Available (§4.9 B1)',
    });
  });

  await step(4, 'Restore ConnectionTimeOut (ours)', () => restoreBefore(cp, [change]));
});
