import { defineCase } from '../../../harness/dsl/define-case.js';
import { Inconclusive } from '../../../harness/dsl/errors.js';
import { reservationEnded } from '../../../harness/versions/ocpp16/roles/charge-point-defaults.js';

/** Short, so the case waits for the expiry; long enough for SUT control to make the CSMS send it. */
const EXPIRES_IN_MS = 4000;

export default defineCase({
  id: 'TC_047_CSMS',
  title: 'Reservation of a Connector - Expire',
  ocpp: '1.6',
  profile: 'Reservation',
  sut: 'Csms',
  octt: { table: 162, follows: '2024-04' },
  purpose: 'The CSMS reserves a connector with ReserveNow carrying an expiry date, and answers the StatusNotifications of the charge point when the unused reservation expires (Reserved, then Available).',
  refs: [
    'OCPP 1.6 §3.11 Reservations',
    'OCPP 1.6 §5.13 Reserve Now (expiry)',
    'OCPP 1.6 §6.37 ReserveNow.req',
    'OCPP 1.6 §4.9 StatusNotification',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 162; ours: the ReserveNow is asked for through SUT control with an expiry 4 s ahead (its reservationId is the CSMS\'s choice); the expiry offset itself is not judged.',
  actions: ['ReserveNow'],
}, async ({ cp, sut, cfg, step, sleep }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const idTag = cfg.idTags.accepted;
  const reservationId = 47;
  const status = (s: string) => ({ connectorId, errorCode: 'NoError', status: s, timestamp: new Date().toISOString() });
  const answered = 'OCPP 1.6 §4.9: the CSMS answers StatusNotification';
  const expiry = Date.now() + EXPIRES_IN_MS;

  const reserve = await step(1, 'The CSMS sends ReserveNow with an expiry date (steps 1–2)', async () => {
    await sut.do('ReserveNow', { connectorId, expiryDate: new Date(expiry).toISOString(), idTag, reservationId });
    const call = await link.expectCall('ReserveNow', {
      // The reservationId is the CSMS's own choice (it numbers its reservations): not pinned.
      match: { connectorId, idTag },
      requirement: 'OCTT Table 162 step 1: ReserveNow.req for the configured connector and the configured valid idTag (OCPP 1.6 §5.13, §6.37)',
    });
    const answer = await link.answerOf(call);
    if (answer.status !== 'Accepted') throw new Inconclusive(`the harness answered ReserveNow ${String(answer.status)}, not Accepted: the reservation was not made`);
    return call;
  });

  await step(3, 'StatusNotification Reserved; the CSMS answers (steps 3–4)', () =>
    link.call('StatusNotification', status('Reserved'), { requirement: answered }));

  await step(5, 'The EV driver does not come; at the expiry: StatusNotification Available; the CSMS answers (steps 5–6)', async () => {
    await sleep(Math.max(0, expiry - Date.now()) + 100);
    reservationEnded(link.link, reserve.frame.payload.reservationId as number);
    return link.call('StatusNotification', status('Available'), {
      requirement: 'OCPP 1.6 §5.13, §4.9: when a reservation expires the charge point makes the connector available and notifies the CSMS, which answers StatusNotification',
    });
  });
});
