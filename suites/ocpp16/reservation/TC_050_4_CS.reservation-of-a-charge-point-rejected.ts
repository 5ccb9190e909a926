import { defineCase } from '../../../harness/dsl/define-case.js';
import { reserveRefused, reservesConnectorZero } from './reservation-steps.js';

export default defineCase({
  id: 'TC_050_4_CS',
  title: 'Reservation of a Charge Point - Rejected',
  ocpp: '1.6',
  profile: 'Reservation',
  sut: 'ChargePoint',
  octt: { table: 71, follows: '2024-04' },
  purpose: 'A charge point that does not take reservations of connector 0 — configured not to accept reservations, or ReserveConnectorZeroSupported not true — answers a ReserveNow for connector 0 Rejected and makes no reservation.',
  refs: [
    'OCPP 1.6 §5.13 Reserve Now (Rejected: configured not to accept reservations; ReserveConnectorZeroSupported not set or false)',
    'OCPP 1.6 §9.3.1 ReserveConnectorZeroSupported',
    'OCPP 1.6 §6.38 ReserveNow.conf, §7.40 ReservationStatus',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 71; ours: the table\'s prerequisite (no reservations) is made with SUT control "disableReservations" / "enableReservations" (step 0, step 3) unless the charge point\'s own ReserveConnectorZeroSupported is not true, which §5.13 makes answer Rejected for connector 0 already.',
  deviations: [
    {
      what: 'A charge point with ReserveConnectorZeroSupported not true is tested as it is, without disabling reservations',
      why: 'the table wants a charge point that refuses the reservation of connector 0; §5.13 requires exactly that of one without ReserveConnectorZeroSupported',
      source: 'OCPP 1.6 §5.13 ("If ReserveConnectorZeroSupported is not set or set to false, the Charge Point SHALL return Rejected")',
    },
  ],
  actions: [],
}, async ({ csms, sut, cfg, step, note }) => {
  const cp = await csms.booted();
  // Read the key rather than trust the declaration: it decides whether reservations must be disabled.
  const zeroSupported = await reservesConnectorZero(cp, cfg, note);

  if (zeroSupported) {
    await step(0, 'The charge point is configured not to accept reservations (SUT control "disableReservations"; the table\'s prerequisite)', () =>
      sut.do('disableReservations'));
  }

  const why = zeroSupported ? 'the charge point is configured not to accept reservations' : 'reservations of connector 0 are not supported (ReserveConnectorZeroSupported not set or false)';
  await step(1, 'Send ReserveNow for connector 0; the charge point answers Rejected (steps 1–2)', () =>
    reserveRefused(cp, cfg, { connectorId: 0, reservationId: 504 }, 'Rejected', why));

  if (zeroSupported) {
    await step(3, 'The charge point accepts reservations again (SUT control "enableReservations"; ours)', () =>
      sut.do('enableReservations'));
  }
});
