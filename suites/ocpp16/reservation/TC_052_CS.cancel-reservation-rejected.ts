import { defineCase } from '../../../harness/dsl/define-case.js';
import { lastingExpiry, RESERVED_STATUS, RESERVE_NOW_ANSWERED } from './reservation-steps.js';

export default defineCase({
  id: 'TC_052_CS',
  title: 'Cancel Reservation - Rejected',
  ocpp: '1.6',
  profile: 'Reservation',
  sut: 'ChargePoint',
  octt: { table: 73, follows: '2024-04' },
  purpose: 'CancelReservation for a reservationId the charge point does not have is Rejected, and the existing reservation stays.',
  refs: [
    'OCPP 1.6 §5.1 Cancel Reservation',
    'OCPP 1.6 §6.5 CancelReservation.req, §6.6 CancelReservation.conf, §7.5 CancelReservationStatus',
    'OCPP 1.6 §5.13 Reserve Now',
    'OCPP 1.6 §4.9 StatusNotification (A7, G1)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 73; ours: the reusable state Reserved is step 0, and step 3 cancels the reservation with its own id (Accepted), showing it survived, then Available.',
  deviations: [
    { what: 'Step 0 (the table\'s Before state): the answers and status notifications that set it up are checked at MUST (spec-backed), OCTT not-checked', why: 'a charger that does not reach the Before state cannot run the table', source: 'OCTT 1.6 TCD 2024-04 §1.3; OCPP 1.6 §5.13, §4.9' },
    { what: 'Step 3: CancelReservation with the reservation\'s own id is Accepted, then Available', why: 'shows the unknown id cancelled nothing, and leaves the charger as found', source: 'OCPP 1.6 §5.1; §1.3' },
  ],
  actions: [],
}, async ({ csms, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const reservationId = 52;
  const unknownId = 5299;
  const cp = await csms.booted();

  await step(0, `Reusable state Reserved: ReserveNow for connector ${connectorId} and the valid idTag, Accepted; the connector is Reserved`, async () => {
    const res = await cp.call('ReserveNow', { connectorId, expiryDate: lastingExpiry(cfg), idTag: cfg.idTags.accepted, reservationId }, {
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

  await step(1, `Send CancelReservation for reservationId ${unknownId}, which the charge point does not have; it answers Rejected (steps 1–2)`, async () => {
    await cp.call('CancelReservation', { reservationId: unknownId }, {
      expect: { status: 'Rejected' },
      requirement: 'OCPP 1.6 §5.1, §7.5: no reservation matches the reservationId: the charge point SHALL return Rejected',
    });
  });

  await step(3, 'Clean-up: CancelReservation for the reservation itself is Accepted — it was not cancelled — and the connector is Available (ours)', async () => {
    const res = await cp.call('CancelReservation', { reservationId }, {
      expect: { status: 'Accepted' },
      octt: 'not-checked',
      requirement: 'OCPP 1.6 §5.1: the rejected cancellation cancelled nothing: the reservation still exists, so cancelling it is Accepted',
    });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: res.call.seq, match: { status: 'Available' },
      octt: 'not-checked',
      requirement: 'OCPP 1.6 §4.9 (G1): cancelling the reservation makes the connector Available',
    });
  });
});
