import { defineCase } from '../../../harness/dsl/define-case.js';
import { ExpectationUnmet, Inconclusive } from '../../../harness/dsl/errors.js';
import { startedTransaction, stoppedTransaction } from '../../../harness/versions/ocpp16/roles/charge-point-defaults.js';

export default defineCase({
  id: 'TC_049_CSMS',
  title: 'Reservation of a Charge Point - Transaction',
  ocpp: '1.6',
  profile: 'Reservation',
  sut: 'Csms',
  octt: { table: 167, follows: '2024-04' },
  purpose: 'The CSMS reserves the charge point (no specific connector: connectorId 0) for an idTag with ReserveNow, then accepts the transaction that idTag starts carrying the reservationId.',
  refs: [
    'OCPP 1.6 §3.11 Reservations',
    'OCPP 1.6 §5.13 Reserve Now (connectorId 0, ReserveConnectorZeroSupported)',
    'OCPP 1.6 §6.37 ReserveNow.req',
    'OCPP 1.6 §4.8 StartTransaction (reservationId)',
    'OCPP 1.6 §4.9 StatusNotification',
    'OCPP 1.6 §4.10 StopTransaction',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 167; ours: the ReserveNow is asked for through SUT control (its reservationId is the CSMS\'s choice), and steps 5–11 charge with the reservation and stop, leaving no open transaction.',
  deviations: [
    { what: 'Steps 5–11: the CSMS accepts Authorize and StartTransaction of the reserved idTag with the reservationId', why: 'the table\'s expected result (only the reserved idTag charges) with the transaction ended afterwards', source: 'OCPP 1.6 §4.8, §5.13; §1.3' },
  ],
  actions: ['ReserveNow'],
  declarations: { reservationOfConnectorZero: true },
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const idTag = cfg.idTags.accepted;
  const reservationId = 49;
  const status = (s: string) => ({ connectorId, errorCode: 'NoError', status: s, timestamp: new Date().toISOString() });
  const answered = 'OCPP 1.6 §4.9: the CSMS answers StatusNotification';

  const reserve = await step(1, 'The CSMS sends ReserveNow for the charge point: connectorId 0 (step 1)', async () => {
    await sut.do('ReserveNow', { connectorId: 0, expiryDate: new Date(Date.now() + 5 * 60_000).toISOString(), idTag, reservationId });
    return link.expectCall('ReserveNow', {
      // The reservationId is the CSMS's own choice (it numbers its reservations): not pinned.
      match: { connectorId: 0 },
      requirement: 'OCTT Table 167 step 1: to reserve the charge point rather than a connector, ReserveNow.req carries connectorId 0 (OCPP 1.6 §5.13, §6.37)',
    });
  });

  await step(2, 'The charge point answers Accepted (step 2)', async () => {
    const answer = await link.answerOf(reserve);
    if (answer.status !== 'Accepted') throw new Inconclusive(`the harness answered ReserveNow ${String(answer.status)}, not Accepted: the reservation was not made`);
  });
  const sentReservationId = reserve.frame.payload.reservationId as number;

  await step(3, 'StatusNotification Reserved for the connector; the CSMS answers (steps 3–4)', () =>
    link.call('StatusNotification', status('Reserved'), { requirement: answered }));

  await step(5, 'The reserved idTag presents itself: Authorize; the CSMS accepts it (ours)', () =>
    link.call('Authorize', { idTag }, {
      expect: { 'idTagInfo.status': 'Accepted' },
      requirement: 'OCPP 1.6 §4.1, §7.2: the CSMS answers Authorize with idTagInfo; the reserved, valid idTag is Accepted',
    }));

  await step(6, 'StatusNotification Preparing; the CSMS answers (ours)', () =>
    link.call('StatusNotification', status('Preparing'), { requirement: answered }));

  const meterStart = 4900;
  const transactionId = await step(7, 'StartTransaction carrying the reservationId; the CSMS accepts it (ours)', async () => {
    const start = await link.call('StartTransaction', { connectorId, idTag, meterStart, reservationId: sentReservationId, timestamp: new Date().toISOString() }, {
      expect: { 'idTagInfo.status': 'Accepted', transactionId: { present: true } },
      requirement: 'OCPP 1.6 §4.8, §5.13: the CSMS accepts the transaction the reserved idTag starts on any connector when connectorId 0 was reserved, which ends the reservation, and assigns a transactionId',
    });
    const id = start.payload.transactionId;
    if (typeof id !== 'number') throw new ExpectationUnmet('StartTransaction.conf carries no transactionId; the session cannot go on');
    startedTransaction(link.link, connectorId, id, sentReservationId);
    return id;
  });

  await step(8, 'StatusNotification Charging; the CSMS answers (ours)', () =>
    link.call('StatusNotification', status('Charging'), { requirement: answered }));

  await step(9, 'EV driver stops locally: StopTransaction reason Local; the CSMS answers (ours)', async () => {
    await link.call('StopTransaction', { transactionId, idTag, meterStop: meterStart + 500, timestamp: new Date().toISOString(), reason: 'Local' }, {
      requirement: 'OCPP 1.6 §4.10: the CSMS SHALL respond to StopTransaction',
    });
    stoppedTransaction(link.link, connectorId);
  });

  await step(10, 'StatusNotification Finishing; the CSMS answers (ours)', () =>
    link.call('StatusNotification', status('Finishing'), { requirement: answered }));

  await step(11, 'EV driver unplugs: StatusNotification Available; the CSMS answers (ours)', () =>
    link.call('StatusNotification', status('Available'), { requirement: answered }));
});
