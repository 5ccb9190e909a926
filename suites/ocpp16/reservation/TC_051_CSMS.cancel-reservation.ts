import { defineCase } from '../../../harness/dsl/define-case.js';
import { Inconclusive } from '../../../harness/dsl/errors.js';

export default defineCase({
  id: 'TC_051_CSMS',
  title: 'Cancel Reservation',
  ocpp: '1.6',
  profile: 'Reservation',
  sut: 'Csms',
  octt: { table: 168, follows: '2024-04' },
  purpose: 'The CSMS cancels a reservation it made: it sends CancelReservation with the reservationId of its ReserveNow, and answers the StatusNotifications (Reserved, then Available).',
  refs: [
    'OCPP 1.6 §5.1 Cancel Reservation',
    'OCPP 1.6 §6.5 CancelReservation.req',
    'OCPP 1.6 §5.13 Reserve Now',
    'OCPP 1.6 §6.37 ReserveNow.req',
    'OCPP 1.6 §4.9 StatusNotification',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 168; ours: both requests are asked for through SUT control; the CancelReservation for the reservationId the CSMS itself gave.',
  actions: ['ReserveNow', 'CancelReservation'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const idTag = cfg.idTags.accepted;
  const reservationId = 51;
  const status = (s: string) => ({ connectorId, errorCode: 'NoError', status: s, timestamp: new Date().toISOString() });
  const answered = 'OCPP 1.6 §4.9: the CSMS answers StatusNotification';

  const reserve = await step(1, 'The CSMS sends ReserveNow for a specific connector (step 1)', async () => {
    await sut.do('ReserveNow', { connectorId, expiryDate: new Date(Date.now() + 5 * 60_000).toISOString(), idTag, reservationId });
    return link.expectCall('ReserveNow', {
      // The reservationId is the CSMS's own choice (it numbers its reservations): not pinned.
      match: { connectorId: { not: 0 } },
      requirement: 'OCTT Table 168 step 1: to reserve a specific connector, ReserveNow.req carries a connectorId other than 0 (OCPP 1.6 §5.13, §6.37)',
    });
  });

  await step(2, 'The charge point answers Accepted (step 2)', async () => {
    const answer = await link.answerOf(reserve);
    if (answer.status !== 'Accepted') throw new Inconclusive(`the harness answered ReserveNow ${String(answer.status)}, not Accepted: the reservation was not made`);
  });
  const sentReservationId = reserve.frame.payload.reservationId as number;

  await step(3, 'StatusNotification Reserved; the CSMS answers (steps 3–4)', () =>
    link.call('StatusNotification', status('Reserved'), { requirement: answered }));

  const cancel = await step(5, 'The CSMS sends CancelReservation for that reservation (step 5)', async () => {
    // The reservation the CSMS made, by the id it gave it.
    await sut.do('CancelReservation', { reservationId: sentReservationId });
    return link.expectCall('CancelReservation', {
      match: { reservationId: sentReservationId },
      requirement: 'OCTT Table 168 step 5: CancelReservation.req carries the reservationId of step 1 (OCPP 1.6 §5.1, §6.5)',
    });
  });

  await step(6, 'The charge point answers Accepted (step 6)', () => cancel.replied);

  await step(7, 'StatusNotification Available; the CSMS answers (steps 7–8)', () =>
    link.call('StatusNotification', status('Available'), { requirement: answered }));
});
