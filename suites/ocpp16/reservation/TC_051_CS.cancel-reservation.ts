import { defineCase } from '../../../harness/dsl/define-case.js';
import { acceptIdTags, derivedIdTag, endTransaction, lastingExpiry, RESERVED_STATUS, RESERVE_NOW_ANSWERED } from './reservation-steps.js';

export default defineCase({
  id: 'TC_051_CS',
  title: 'Cancel Reservation',
  ocpp: '1.6',
  profile: 'Reservation',
  sut: 'ChargePoint',
  octt: { table: 72, follows: '2024-04' },
  purpose: 'CancelReservation for an existing reservation is Accepted and ends it: the connector becomes Available and another idTag can charge on it, without a reservationId.',
  refs: [
    'OCPP 1.6 §5.1 Cancel Reservation',
    'OCPP 1.6 §6.5 CancelReservation.req, §6.6 CancelReservation.conf, §7.5 CancelReservationStatus',
    'OCPP 1.6 §5.13 Reserve Now',
    'OCPP 1.6 §4.9 StatusNotification (A7, G1, A2, B3, C6, F1)',
    'OCPP 1.6 §4.8 StartTransaction (reservationId)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 72; ours: the reusable state Reserved is step 0, valid idTag 2 is derived from idTags.accepted and accepted by the harness, Charging is done as plug in, RemoteStartTransaction, StartTransaction, Charging, and steps 9–10 end the session.',
  deviations: [
    { what: 'Step 5: Preparing, RemoteStartTransaction Accepted and Charging are checked along the reusable state Charging (checked at MUST (spec-backed), OCTT not-checked)', why: 'the reusable state Charging goes through them; each is an OCPP 1.6 MUST', source: 'OCPP 1.6 §5.11, §4.9' },
    { what: 'Step 0 (the table\'s Before state): the answers and status notifications that set it up are checked at MUST (spec-backed), OCTT not-checked', why: 'a charger that does not reach the Before state cannot run the table', source: 'OCTT 1.6 TCD 2024-04 §1.3; OCPP 1.6 §5.13, §4.9' },
    { what: 'Steps 9–10 (clean-up)', why: 'leave the system under test as found (§1.3 post-conditions)', source: 'OCTT 1.6 TCD 2024-04 §1.3' },
  ],
  actions: ['plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const idTag2 = derivedIdTag(cfg, '-TWO');
  const reservationId = 51;
  const cp = await csms.booted();
  acceptIdTags(cp, cfg, [idTag2], { firstTransactionId: 51_100 });

  await step(0, `Reusable state Reserved: ReserveNow for connector ${connectorId} and the valid idTag, Accepted; the connector is Reserved`, async () => {
    const res = await cp.call('ReserveNow', { connectorId, expiryDate: lastingExpiry(cfg), idTag, reservationId }, {
      expect: { status: 'Accepted' },
      octt: 'not-checked',
      requirement: `${RESERVE_NOW_ANSWERED}; an Available connector of a charge point that accepts reservations: Accepted (§7.40)`,
    });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: res.call.seq, match: { status: 'Reserved' },
      octt: 'not-checked',
      requirement: RESERVED_STATUS,
    });
  });

  await step(1, 'Send CancelReservation for the reservation; the charge point accepts it and reports the connector Available (steps 1–4)', async () => {
    const res = await cp.call('CancelReservation', { reservationId }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.1: the charge point has a reservation with that reservationId: it SHALL return Accepted (and cancel it)',
    });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: res.call.seq, match: { status: 'Available' },
      requirement: 'OCPP 1.6 §4.9 (G1): a CancelReservation ends the reservation: the connector is Available again',
    });
  });

  const plugged = cp.mark('plugging in');
  await step(5, 'Plug in the cable; the charge point reports Preparing (step 5)', async () => {
    await sut.do('plugIn', { connectorId });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: plugged, match: { status: 'Preparing' },
      octt: 'not-checked',
      requirement: 'OCPP 1.6 §4.9 (A2): usage initiated by inserting the plug makes the connector Preparing',
    });
  });

  const transactionId = await step(5, `Valid idTag 2 (${idTag2}) charges: RemoteStartTransaction Accepted, StartTransaction without reservationId (step 5)`, async () => {
    const res = await cp.call('RemoteStartTransaction', { connectorId, idTag: idTag2 }, {
      expect: { status: 'Accepted' },
      octt: 'not-checked',
      requirement: 'OCPP 1.6 §5.11, §5.1: the reservation is cancelled, so any valid idTag may use the connector: RemoteStartTransaction Accepted',
    });
    const start = await cp.expectCall('StartTransaction', {
      after: res.call.seq, match: { connectorId, idTag: idTag2, reservationId: { present: false } },
      requirement: 'OCPP 1.6 §4.8, §5.1: the cancelled reservation is gone: the transaction does not end it and carries no reservationId',
    });
    return (await cp.answerOf(start)).transactionId as number;
  });

  await step(5, 'The charge point reports Charging (step 5)', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: plugged, match: { status: 'Charging' },
      octt: 'not-checked',
      requirement: 'OCPP 1.6 §4.9 (B3): once energy flows the connector is Charging',
    }));

  await step(9, 'Clean-up: RemoteStopTransaction, StopTransaction, Finishing; unplug → Available (ours)', () =>
    endTransaction(cp, connectorId, transactionId, () => sut.do('unplug', { connectorId })));
});
