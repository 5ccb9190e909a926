import { defineCase } from '../../../harness/dsl/define-case.js';
import { ExpectationUnmet, Inconclusive } from '../../../harness/dsl/errors.js';
import { startedTransaction, stoppedTransaction } from '../../../harness/versions/ocpp16/roles/charge-point-defaults.js';

export default defineCase({
  id: 'TC_046_CSMS',
  title: 'Reservation of a Connector - Transaction',
  ocpp: '1.6',
  profile: 'Reservation',
  sut: 'Csms',
  octt: { table: 161, follows: '2024-04' },
  purpose: 'The CSMS reserves a connector for an idTag with ReserveNow, then accepts the transaction that idTag starts on it carrying the reservationId.',
  refs: [
    'OCPP 1.6 §3.11 Reservations',
    'OCPP 1.6 §5.13 Reserve Now',
    'OCPP 1.6 §6.37 ReserveNow.req',
    'OCPP 1.6 §4.8 StartTransaction (reservationId)',
    'OCPP 1.6 §4.9 StatusNotification',
    'OCPP 1.6 §4.10 StopTransaction',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 161; ours: the ReserveNow is asked for through SUT control (its reservationId is the CSMS\'s choice), and steps 6–8 (local stop, Finishing, Available) leave no open transaction.',
  deviations: [
    { what: 'Steps 6–8 (clean-up)', why: 'leave the system under test as found (§1.3 post-conditions)', source: 'OCTT 1.6 TCD 2024-04 §1.3' },
  ],
  actions: ['ReserveNow'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const idTag = cfg.idTags.accepted;
  const reservationId = 46;
  const status = (s: string) => ({ connectorId, errorCode: 'NoError', status: s, timestamp: new Date().toISOString() });
  const answered = 'OCPP 1.6 §4.9: the CSMS answers StatusNotification';

  const reserve = await step(1, 'The CSMS sends ReserveNow for the connector and the idTag (steps 1–2)', async () => {
    await sut.do('ReserveNow', { connectorId, expiryDate: new Date(Date.now() + 5 * 60_000).toISOString(), idTag, reservationId });
    const call = await link.expectCall('ReserveNow', {
      // The reservationId is the CSMS's own choice (it numbers its reservations): not pinned.
      match: { connectorId, idTag },
      requirement: 'OCTT Table 161 step 1: ReserveNow.req for the configured connector and the configured valid idTag (OCPP 1.6 §5.13, §6.37)',
    });
    const answer = await link.answerOf(call);
    if (answer.status !== 'Accepted') throw new Inconclusive(`the harness answered ReserveNow ${String(answer.status)}, not Accepted: the reservation was not made`);
    return call;
  });
  const sentReservationId = reserve.frame.payload.reservationId as number;

  await step(3, 'StatusNotification Reserved; the CSMS answers (steps 3–4)', () =>
    link.call('StatusNotification', status('Reserved'), { requirement: answered }));

  const meterStart = 4600;
  const transactionId = await step(5, 'Reusable state Charging, the StartTransaction carrying the reservationId (step 5)', async () => {
    await link.call('Authorize', { idTag }, {
      expect: { 'idTagInfo.status': 'Accepted' },
      requirement: 'OCPP 1.6 §4.1, §7.2: the CSMS answers Authorize with idTagInfo; the reserved, valid idTag is Accepted',
    });
    await link.call('StatusNotification', status('Preparing'), { requirement: answered });
    const start = await link.call('StartTransaction', { connectorId, idTag, meterStart, reservationId: sentReservationId, timestamp: new Date().toISOString() }, {
      expect: { 'idTagInfo.status': 'Accepted', transactionId: { present: true } },
      requirement: 'OCPP 1.6 §4.8, §5.13: the CSMS accepts the transaction the reserved idTag starts on the reserved connector, which ends the reservation, and assigns a transactionId',
    });
    const id = start.payload.transactionId;
    if (typeof id !== 'number') throw new ExpectationUnmet('StartTransaction.conf carries no transactionId; the session cannot go on');
    startedTransaction(link.link, connectorId, id, sentReservationId);
    await link.call('StatusNotification', status('Charging'), { requirement: answered });
    return id;
  });

  await step(6, 'EV driver stops locally: StopTransaction reason Local; the CSMS answers (ours)', async () => {
    await link.call('StopTransaction', { transactionId, idTag, meterStop: meterStart + 500, timestamp: new Date().toISOString(), reason: 'Local' }, {
      requirement: 'OCPP 1.6 §4.10: the CSMS SHALL respond to StopTransaction',
    });
    stoppedTransaction(link.link, connectorId);
  });

  await step(7, 'StatusNotification Finishing; the CSMS answers (ours)', () =>
    link.call('StatusNotification', status('Finishing'), { requirement: answered }));

  await step(8, 'EV driver unplugs: StatusNotification Available; the CSMS answers (ours)', () =>
    link.call('StatusNotification', status('Available'), { requirement: answered }));
});
