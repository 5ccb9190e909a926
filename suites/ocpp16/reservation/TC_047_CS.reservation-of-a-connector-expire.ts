import { defineCase } from '../../../harness/dsl/define-case.js';
import {
  acceptIdTags, derivedIdTag, endTransaction, otherConnectorsInoperative, RESERVED_STATUS, RESERVE_NOW_ANSWERED,
} from './reservation-steps.js';

/** How far ahead the reservation expires: long enough for ReserveNow.conf and Reserved, short for CI. */
const EXPIRES_IN_MS = 2000;

export default defineCase({
  id: 'TC_047_CS',
  title: 'Reservation of a Connector - Expire',
  ocpp: '1.6',
  profile: 'Reservation',
  sut: 'ChargePoint',
  octt: { table: 62, follows: '2024-04' },
  purpose: 'A reservation that is not used ends at its expiryDate: the connector goes from Reserved back to Available then (not before), and another idTag can then charge on it without a reservationId.',
  refs: [
    'OCPP 1.6 §5.13 Reserve Now (expiryDate; a reservation expires: the connector is made available, StatusNotification)',
    'OCPP 1.6 §6.37 ReserveNow.req (expiryDate)',
    'OCPP 1.6 §4.9 StatusNotification (A7, G1, A2, B3, C6, F1)',
    'OCPP 1.6 §5.11 RemoteStartTransaction',
    'OCPP 1.6 §4.8 StartTransaction (reservationId)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 62; ours: the expiry offset (about 2 s, a whole second), the time bound on Available (SHOULD), the way step 7 charges (plug in, RemoteStartTransaction for a second idTag the harness accepts), and the clean-up after step 7.',
  deviations: [
    { what: 'Step 0 (the table\'s Before state): the answers and status notifications that set it up are checked at MUST (spec-backed), OCTT not-checked', why: 'a charger that does not reach the Before state cannot run the table', source: 'OCTT 1.6 TCD 2024-04 §1.3; OCPP 1.6 §5.2, §4.9' },
    {
      what: `Available comes at the expiryDate: not before it and at most toleranceMs after it (SHOULD); later than that but within timeouts.messageMs is NON_STRICT, never FAIL`,
      why: 'the table only asks for Available after the expiry; neither the table nor §5.13 bounds how soon a charge point notices an expired reservation',
      source: 'OCPP 1.6 §5.13 (the reservation SHALL be terminated when expiryDate is reached)',
    },
    {
      what: 'Step 7: the StartTransaction of the other idTag carries no reservationId; Preparing and Charging are reported',
      why: 'the table says step 7 proves the reservation expired; a transaction carrying the expired reservationId would not',
      source: 'OCPP 1.6 §4.8, §5.13, §4.9',
    },
    {
      what: 'Step 8 (clean-up): RemoteStopTransaction, StopTransaction, Finishing, unplug → Available, other connectors Operative',
      why: 'leave the charge point as found (§1.3 post-conditions)',
      source: 'OCTT 1.6 TCD 2024-04 §1.3',
    },
  ],
  actions: ['plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const otherIdTag = derivedIdTag(cfg, '-OTHER');
  const reservationId = 47;
  const cp = await csms.booted();
  acceptIdTags(cp, cfg, [otherIdTag], { firstTransactionId: 47_100 });

  const restore = await step(0, 'Every other connector is made Inoperative (OCTT: SetConnectorUnavailable for all unused connectors)', () =>
    otherConnectorsInoperative(cp, cfg, connectorId));

  let expired = false;
  try {
    const { anchor, expiresInMs, reserved } = await step(1, `Send ReserveNow for connector ${connectorId}, expiring in ${EXPIRES_IN_MS / 1000}–${EXPIRES_IN_MS / 1000 + 1} s; the charge point accepts it (steps 1–2)`, async () => {
      const anchor = cp.mark('reservation requested');
      const expiresAt = Math.ceil((Date.now() + EXPIRES_IN_MS) / 1000) * 1000; // a whole second: no fraction to round
      const expiresInMs = expiresAt - Date.now();
      const res = await cp.call('ReserveNow', { connectorId, expiryDate: new Date(expiresAt).toISOString(), idTag, reservationId }, {
        expect: { status: 'Accepted' },
        requirement: `${RESERVE_NOW_ANSWERED}; an Available connector of a charge point that accepts reservations: Accepted (§7.40)`,
      });
      return { anchor, expiresInMs, reserved: res.call.seq };
    });

    await step(3, 'The charge point reports the connector Reserved (steps 3–4)', () =>
      cp.expectCall('StatusNotification', {
        where: { connectorId }, after: reserved, match: { status: 'Reserved' },
        requirement: RESERVED_STATUS,
      }));

    await step(5, 'Nobody comes: at the expiryDate the charge point reports the connector Available (steps 5–6)', async () => {
      await cp.expectCall('StatusNotification', {
        where: { connectorId }, after: anchor, match: { connectorId, status: 'Available' },
        // Table 62 gives no time bound: the expiryDate ± toleranceMs is ours (SHOULD); missing it altogether
        // until timeouts.messageMs past the expiry is the table's own failure.
        window: { anchor, minMs: expiresInMs, maxMs: expiresInMs, graceMs: cfg.timeouts.messageMs },
        timingLevel: 'SHOULD', timingOctt: 'not-checked',
        requirement: 'OCTT Table 62 step 5: after the expiryDate the charge point reports the connector Available again (OCPP 1.6 §5.13: the reservation SHALL be terminated when expiryDate is reached; §4.9 G1)',
      });
      expired = true;
    });
  } finally {
    // A reservation that did not end would block every later case: end it.
    if (!expired && cp.isOpen) await cp.call('CancelReservation', { reservationId }).catch(() => undefined);
  }

  // Step 7 is the reusable state Charging with another valid idTag; the table validates nothing in it.
  const transactionId = await step(7, `Another valid idTag (${otherIdTag}) charges on the connector: the reservation is gone (step 7)`, async () => {
    const plugged = cp.mark('plugging in');
    await sut.do('plugIn', { connectorId });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: plugged, match: { status: 'Preparing' }, octt: 'not-checked',
      requirement: 'OCPP 1.6 §4.9 (A2): usage initiated by inserting the plug makes the connector Preparing',
    });
    const res = await cp.call('RemoteStartTransaction', { connectorId, idTag: otherIdTag }, {
      expect: { status: 'Accepted' }, octt: 'not-checked',
      requirement: 'OCPP 1.6 §5.11, §5.13: the reservation expired, so any valid idTag may use the connector: RemoteStartTransaction Accepted',
    });
    const start = await cp.expectCall('StartTransaction', {
      after: res.call.seq, match: { connectorId, idTag: otherIdTag, reservationId: { present: false } }, octt: 'not-checked',
      requirement: 'OCPP 1.6 §4.8, §5.13: the expired reservation is terminated: a later transaction does not end it and carries no reservationId',
    });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: plugged, match: { status: 'Charging' }, octt: 'not-checked',
      requirement: 'OCPP 1.6 §4.9 (B3): once energy flows the connector is Charging',
    });
    return (await cp.answerOf(start)).transactionId as number;
  });

  await step(8, 'Clean-up: RemoteStopTransaction, StopTransaction, Finishing; unplug → Available; other connectors Operative (ours)', async () => {
    await endTransaction(cp, connectorId, transactionId, () => sut.do('unplug', { connectorId }));
    await restore();
  });
});
