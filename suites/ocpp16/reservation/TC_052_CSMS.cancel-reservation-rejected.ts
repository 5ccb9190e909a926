import { defineCase } from '../../../harness/dsl/define-case.js';
import { Inconclusive } from '../../../harness/dsl/errors.js';
import { reservationEnded } from '../../../harness/roles/charge-point-defaults-16.js';

export default defineCase({
  id: 'TC_052_CSMS',
  title: 'Cancel Reservation - Rejected',
  ocpp: '1.6',
  profile: 'Reservation',
  sut: 'Csms',
  octt: { table: 169, follows: '2024-04' },
  purpose: 'The CSMS tries to cancel a reservation the charge point no longer holds and takes the answer Rejected.',
  refs: [
    'OCPP 1.6 §5.1 Cancel Reservation',
    'OCPP 1.6 §6.5 CancelReservation.req',
    'OCPP 1.6 §7.5 CancelReservationStatus',
    'OCPP 1.6 §5.13 Reserve Now',
    'OCPP 1.6 §4.9 StatusNotification',
  ],
  provenance: 'Steps 1–6 as publicly summarised for TC_052_CSMS (tzi-OCTT test_tc_052_csms.py, SteVe Ocpp16JsonCsmsCertificationIT, EVtivity octt TC_052_CSMS): ReserveNow (answered Accepted) → StatusNotification Reserved → manual action: the reservation is cancelled on the charge point → CancelReservation, answered Rejected. Both requests are triggered through SUT control (reservationId 52, valid idTag, expiry in 5 minutes). The harness ends the reservation itself and, as a charge point would (ours, §4.9), reports the connector Available; it then answers Rejected because it no longer holds the reservation (charge-point defaults, §5.1).',
  actions: ['ReserveNow', 'CancelReservation'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const idTag = cfg.idTags.accepted;
  const reservationId = 52;
  const status = (s: string) => ({ connectorId, errorCode: 'NoError', status: s, timestamp: new Date().toISOString() });
  const answered = 'OCPP 1.6 §4.9: the CSMS answers StatusNotification';

  const reserve = await step(1, 'The CSMS sends ReserveNow for the connector (step 1)', async () => {
    await sut.do('ReserveNow', { connectorId, expiryDate: new Date(Date.now() + 5 * 60_000).toISOString(), idTag, reservationId });
    return link.expectCall('ReserveNow', {
      match: { connectorId, idTag, reservationId },
      requirement: 'OCPP 1.6 §5.13, §6.37: to reserve a connector the CSMS SHALL send ReserveNow.req with the connector, the idTag and a reservationId',
    });
  });

  await step(2, 'The charge point answers Accepted (step 2)', async () => {
    const answer = await link.answerOf(reserve);
    if (answer.status !== 'Accepted') throw new Inconclusive(`the harness answered ReserveNow ${String(answer.status)}, not Accepted: the reservation was not made`);
  });

  await step(3, 'StatusNotification Reserved; the CSMS answers (steps 3–4)', () =>
    link.call('StatusNotification', status('Reserved'), { requirement: answered }));

  await step(4, 'Manual action: the reservation is cancelled on the charge point, which reports Available; the CSMS answers (ours)', () => {
    reservationEnded(link.link, reserve.frame.payload.reservationId as number);
    return link.call('StatusNotification', status('Available'), { requirement: answered });
  });

  const cancel = await step(5, 'The CSMS sends CancelReservation for the reservation (step 5)', async () => {
    await sut.do('CancelReservation', { reservationId });
    return link.expectCall('CancelReservation', {
      match: { reservationId },
      requirement: 'OCPP 1.6 §5.1, §6.5: to cancel a reservation the CSMS SHALL send CancelReservation.req with the id of that reservation',
    });
  });

  await step(6, 'The charge point answers Rejected: no such reservation (step 6)', () => cancel.replied);
});
