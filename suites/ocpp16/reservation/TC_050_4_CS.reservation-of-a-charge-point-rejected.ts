import { defineCase } from '../../../harness/dsl/define-case.js';
import { reserveRefused } from './reservation-steps.js';

export default defineCase({
  id: 'TC_050_4_CS',
  title: 'Reservation of a Charge Point - Rejected',
  ocpp: '1.6',
  profile: 'Reservation',
  sut: 'ChargePoint',
  octt: { table: 71, follows: '2024-04' },
  purpose: 'A charge point that does not support reservations of connector 0 (ReserveConnectorZeroSupported not set or false) answers a ReserveNow for connector 0 Rejected and makes no reservation.',
  refs: [
    'OCPP 1.6 §5.13 Reserve Now ("If ReserveConnectorZeroSupported is not set or set to false, the Charge Point SHALL return Rejected")',
    'OCPP 1.6 §9.3.1 ReserveConnectorZeroSupported',
    'OCPP 1.6 §6.38 ReserveNow.conf, §7.40 ReservationStatus',
  ],
  provenance: 'No public numbered description of TC_050_4_CS was found; the steps follow EVerest test_reservation_connector_zero_not_supported (ReserveConnectorZeroSupported false → ReserveNow with connectorId 0 → ReserveNow.conf Rejected), derived from §5.13. ReserveConnectorZeroSupported is read-only (§9.3.1), so the case applies to a charge point that declares reservationOfConnectorZero false (NOT_APPLICABLE otherwise).',
  actions: [],
  declarations: { reservationOfConnectorZero: false },
}, async ({ csms, cfg, step }) => {
  const cp = await csms.booted();

  await step(1, 'Send ReserveNow for connector 0; the charge point answers Rejected (steps 1–2)', () =>
    reserveRefused(cp, cfg, { connectorId: 0, reservationId: 504 }, 'Rejected', 'reservations of connector 0 are not supported (ReserveConnectorZeroSupported not set or false)'));
});
