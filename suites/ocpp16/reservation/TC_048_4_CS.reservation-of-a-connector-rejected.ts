import { defineCase } from '../../../harness/dsl/define-case.js';
import { reserveRefused } from './reservation-steps.js';

export default defineCase({
  id: 'TC_048_4_CS',
  title: 'Reservation of a Connector - Rejected',
  ocpp: '1.6',
  profile: 'Reservation',
  sut: 'ChargePoint',
  octt: { table: 66, follows: '2024-04' },
  purpose: 'A charge point configured not to accept reservations answers a ReserveNow for an Available connector Rejected and makes no reservation.',
  refs: [
    'OCPP 1.6 §5.13 Reserve Now ("SHALL return Rejected if it is configured not to accept reservations")',
    'OCPP 1.6 §6.38 ReserveNow.conf, §7.40 ReservationStatus (Rejected)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 66; ours: the table\'s charger without reservations is made with SUT control disableReservations (step 0) and enableReservations (step 3).',
  actions: ['disableReservations', 'enableReservations'],
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const cp = await csms.booted();

  await step(0, 'The charge point is configured not to accept reservations (SUT control "disableReservations"; ours)', () =>
    sut.do('disableReservations'));

  await step(1, `Send ReserveNow for the Available connector ${connectorId}; the charge point answers Rejected (steps 1–2)`, () =>
    reserveRefused(cp, cfg, { connectorId, reservationId: 484 }, 'Rejected', 'the charge point is configured not to accept reservations'));

  await step(3, 'The charge point accepts reservations again (SUT control "enableReservations"; ours)', () =>
    sut.do('enableReservations'));
});
