import { defineCase } from '../../../harness/dsl/define-case.js';
import { Inconclusive } from '../../../harness/dsl/errors.js';

export default defineCase({
  id: 'TC_052_CSMS',
  title: 'Cancel Reservation - Rejected',
  ocpp: '1.6',
  profile: 'Reservation',
  sut: 'Csms',
  octt: { table: 169, follows: '2024-04' },
  purpose: 'The CSMS reserves a connector, then sends CancelReservation for a reservationId the charge point does not hold, and takes the answer Rejected; the reservation it made stays.',
  refs: [
    'OCPP 1.6 §5.1 Cancel Reservation',
    'OCPP 1.6 §6.5 CancelReservation.req',
    'OCPP 1.6 §7.5 CancelReservationStatus',
    'OCPP 1.6 §5.13 Reserve Now',
    'OCPP 1.6 §4.9 StatusNotification',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 169; ours: both manual actions are SUT control requests (ReserveNow for the configured connector and valid idTag, then CancelReservation with a reservationId other than the one the CSMS gave its reservation), and steps 7–9, which have the CSMS cancel the reservation it really made so that none is left behind.',
  deviations: [
    {
      what: 'Steps 7–9 (teardown): the CSMS is asked to cancel the reservation of step 1; its CancelReservation.req must carry that reservationId (SHOULD)',
      why: 'no reservation may outlive the case (§1.3 post-conditions); the table ends at step 6 and leaves it in place',
      source: 'OCTT 1.6 TCD 2024-04 §1.3; OCPP 1.6 §5.1',
    },
  ],
  actions: ['ReserveNow', 'CancelReservation'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const idTag = cfg.idTags.accepted;
  const status = (s: string) => ({ connectorId, errorCode: 'NoError', status: s, timestamp: new Date().toISOString() });
  const answered = 'OCPP 1.6 §4.9: the CSMS answers StatusNotification';

  const reserve = await step(1, 'Manual action: the CSMS reserves the connector: ReserveNow (step 1)', async () => {
    await sut.do('ReserveNow', { connectorId, expiryDate: new Date(Date.now() + 5 * 60_000).toISOString(), idTag, reservationId: 52 });
    // Table 169 validates nothing in this request; the reservationId is the CSMS's own choice.
    return link.expectCall('ReserveNow', { requirement: 'OCPP 1.6 §5.13, §6.37: the CSMS sends ReserveNow.req to reserve a connector' });
  });
  const reservedId = reserve.frame.payload.reservationId as number;

  await step(2, 'The charge point answers Accepted (step 2)', async () => {
    const answer = await link.answerOf(reserve);
    if (answer.status !== 'Accepted') throw new Inconclusive(`the harness answered ReserveNow ${String(answer.status)}, not Accepted: the reservation was not made`);
  });

  await step(3, 'StatusNotification Reserved; the CSMS answers (steps 3–4)', () =>
    link.call('StatusNotification', status('Reserved'), { requirement: answered }));

  // Any id but the one of step 1: the charge point holds no reservation by it.
  const unknownId = reservedId === 2_147_483_647 ? reservedId - 1 : reservedId + 1;
  const cancel = await step(5, 'Manual action: the CSMS sends CancelReservation with a reservationId the charge point does not know (step 5)', async () => {
    await sut.do('CancelReservation', { reservationId: unknownId });
    return link.expectCall('CancelReservation', {
      match: { reservationId: { not: reservedId } },
      requirement: 'OCTT Table 169 step 5: the reservationId of CancelReservation.req is not the one of step 1 (OCPP 1.6 §5.1, §6.5)',
    });
  });

  await step(6, 'The charge point answers Rejected: no such reservation; the one of step 1 stays (step 6)', async () => {
    const answer = await link.answerOf(cancel);
    if (answer.status !== 'Rejected') throw new Inconclusive(`the harness answered CancelReservation ${String(answer.status)}, not Rejected`);
  });

  const teardown = await step(7, 'The CSMS cancels the reservation of step 1 (ours: leave none behind)', async () => {
    await sut.do('CancelReservation', { reservationId: reservedId });
    return link.expectCall('CancelReservation', {
      match: { reservationId: reservedId },
      level: 'SHOULD', octt: 'not-checked',
      requirement: 'OCPP 1.6 §5.1, §6.5: to cancel a reservation the CSMS sends CancelReservation.req with the id of that reservation',
    });
  });
  await teardown.replied;

  await step(9, 'StatusNotification Available; the CSMS answers (ours)', () =>
    link.call('StatusNotification', status('Available'), { requirement: answered }));
});
