import { defineCase } from '../../../harness/dsl/define-case.js';
import {
  acceptIdTags, derivedIdTag, endTransaction, otherConnectorsInoperative, RESERVED_STATUS, RESERVE_NOW_ANSWERED,
} from './reservation-steps.js';

/** How far ahead the reservation expires: long enough for ReserveNow.conf and Reserved, short for CI. */
const EXPIRES_IN_MS = 2000;
/** A charge point may look at its reservations once a second. */
const EXPIRY_SLACK_MS = 1000;

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
  provenance: `OCTT steps 1–7 as publicly summarised (OCTT test case document, trial 2025-06, via ocpplab.com: ReserveNow with expiryDate = now + <Configured Reservation Expiry> Accepted → StatusNotification Reserved → the EV driver does not arrive before the expiry date → StatusNotification Available for the same connector → the tool charges with another valid idTag to ensure the reservation expired; EVerest test_reservation_connector_expire likewise). The expiryDate is at least ${EXPIRES_IN_MS / 1000} s ahead, rounded up to a whole second (no fraction for a charge point to round); Available must come at the expiryDate (not before, at most ${EXPIRY_SLACK_MS / 1000} s after it, each with toleranceMs). Step 7 (charging with another valid idTag, derived from idTags.accepted and accepted by the harness) is done as plug in → RemoteStartTransaction → StartTransaction without reservationId → Charging. Step 0 is OCTT's "SetConnectorUnavailable for all unused connectors" (nothing to do with one connector). Steps 12–13 are ours, to leave the charge point as found: RemoteStopTransaction, StopTransaction, Finishing, unplug → Available, the other connectors Operative again.`,
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
        where: { connectorId }, after: anchor, match: { status: 'Available' },
        window: { anchor, minMs: expiresInMs, maxMs: expiresInMs + EXPIRY_SLACK_MS, graceMs: cfg.timeouts.messageMs },
        forbid: { actions: ['StartTransaction'], why: 'nobody used the reservation' },
        requirement: `OCPP 1.6 §5.13: the reservation SHALL be terminated when the time in expiryDate is reached and the connector made available, with a StatusNotification (§4.9 G1); not before, and at most ${EXPIRY_SLACK_MS / 1000} s after`,
      });
      expired = true;
    });
  } finally {
    // A reservation that did not end would block every later case: end it.
    if (!expired && cp.isOpen) await cp.call('CancelReservation', { reservationId }).catch(() => undefined);
  }

  const plugged = cp.mark('plugging in');
  await step(7, 'Plug in the cable; the charge point reports Preparing (step 7)', async () => {
    await sut.do('plugIn', { connectorId });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: plugged, match: { status: 'Preparing' },
      requirement: 'OCPP 1.6 §4.9 (A2): usage initiated by inserting the plug makes the connector Preparing',
    });
  });

  const transactionId = await step(8, `Another valid idTag (${otherIdTag}) charges: RemoteStartTransaction Accepted, StartTransaction without reservationId (step 7)`, async () => {
    const res = await cp.call('RemoteStartTransaction', { connectorId, idTag: otherIdTag }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.11, §5.13: the reservation expired, so any valid idTag may use the connector: RemoteStartTransaction Accepted',
    });
    const start = await cp.expectCall('StartTransaction', {
      after: res.call.seq, match: { connectorId, idTag: otherIdTag, reservationId: { present: false } },
      requirement: 'OCPP 1.6 §4.8, §5.13: the expired reservation is terminated: a later transaction does not end it and carries no reservationId',
    });
    return (await cp.answerOf(start)).transactionId as number;
  });

  await step(10, 'The charge point reports Charging (step 7)', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: plugged, match: { status: 'Charging' },
      requirement: 'OCPP 1.6 §4.9 (B3): once energy flows the connector is Charging',
    }));

  await step(12, 'Clean-up: RemoteStopTransaction, StopTransaction, Finishing; unplug → Available; other connectors Operative (ours)', async () => {
    await endTransaction(cp, connectorId, transactionId, () => sut.do('unplug', { connectorId }));
    await restore();
  });
});
