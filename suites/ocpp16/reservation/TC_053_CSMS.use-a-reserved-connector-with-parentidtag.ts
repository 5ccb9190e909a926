import { defineCase } from '../../../harness/dsl/define-case.js';
import { ExpectationUnmet, Inconclusive } from '../../../harness/dsl/errors.js';
import { startedTransaction, stoppedTransaction } from '../../../harness/versions/ocpp16/roles/charge-point-defaults.js';

export default defineCase({
  id: 'TC_053_CSMS',
  title: 'Use a reserved Connector with parentIdTag',
  ocpp: '1.6',
  profile: 'Reservation',
  sut: 'Csms',
  octt: { table: 170, follows: '2024-04' },
  purpose: 'The CSMS makes a group reservation: ReserveNow carries the idTag and its parentIdTag; Authorize gives the charge point that parentIdTag to match the reservation, and the CSMS accepts the transaction started on the reserved connector with the reservationId.',
  refs: [
    'OCPP 1.6 §3.10 Parent idTag',
    'OCPP 1.6 §3.11 Reservations',
    'OCPP 1.6 §5.13 Reserve Now (parentIdTag)',
    'OCPP 1.6 §6.37 ReserveNow.req',
    'OCPP 1.6 §7.27 IdTagInfo (parentIdTag)',
    'OCPP 1.6 §4.1 Authorize',
    'OCPP 1.6 §4.8 StartTransaction (reservationId)',
    'OCPP 1.6 §4.10 StopTransaction',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 170; ours: step 0 learns the parentIdTag the CSMS gives idTags.accepted (N/A without one), the ReserveNow is asked for through SUT control, and the idTag that uses the reservation is the reserved one (no second configured member of the group), then a local stop.',
  deviations: [
    { what: 'Steps 0–17 follow the reservation with the reserved idTag itself, not a second idTag of the group', why: 'the configuration has no second idTag of the same group the CSMS knows', source: 'OCPP 1.6 §3.10, §5.13' },
  ],
  actions: ['ReserveNow'],
}, async ({ cp, sut, cfg, step, notApplicable }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const idTag = cfg.idTags.accepted;
  const reservationId = 53;
  const status = (s: string) => ({ connectorId, errorCode: 'NoError', status: s, timestamp: new Date().toISOString() });
  const answered = 'OCPP 1.6 §4.9: the CSMS answers StatusNotification';

  const parentIdTag = await step(0, 'The group of the idTag: Authorize; the CSMS gives its parentIdTag (ours)', async () => {
    const auth = await link.call('Authorize', { idTag }, {
      expect: { 'idTagInfo.status': 'Accepted' },
      requirement: 'OCPP 1.6 §4.1, §7.2: the CSMS answers Authorize with idTagInfo; a known, valid idTag is Accepted',
    });
    const parent = (auth.payload.idTagInfo as Record<string, unknown> | undefined)?.parentIdTag;
    if (typeof parent === 'string') return parent;
    return notApplicable(`the CSMS gives idTags.accepted (${idTag}) no parentIdTag (§7.27): the case needs an idTag that belongs to a group (§3.10)`);
  });

  const reserve = await step(1, 'The CSMS sends ReserveNow with the idTag and its parentIdTag (steps 1–2)', async () => {
    await sut.do('ReserveNow', { connectorId, expiryDate: new Date(Date.now() + 5 * 60_000).toISOString(), idTag, parentIdTag, reservationId });
    const call = await link.expectCall('ReserveNow', {
      // The reservationId is the CSMS's own choice (it numbers its reservations): not pinned.
      match: { connectorId, idTag, parentIdTag },
      requirement: 'OCPP 1.6 §3.11, §5.13, §6.37: a reservation for a group carries the parentIdTag in ReserveNow.req',
    });
    const answer = await link.answerOf(call);
    if (answer.status !== 'Accepted') throw new Inconclusive(`the harness answered ReserveNow ${String(answer.status)}, not Accepted: the reservation was not made`);
    return call;
  });
  const sentReservationId = reserve.frame.payload.reservationId as number;

  await step(3, 'StatusNotification Reserved; the CSMS answers (steps 3–4)', () =>
    link.call('StatusNotification', status('Reserved'), { requirement: answered }));

  await step(5, 'An idTag is presented at the reserved connector: Authorize; the CSMS gives the parentIdTag of the reservation (steps 5–6)', () =>
    link.call('Authorize', { idTag }, {
      expect: { 'idTagInfo.status': 'Accepted', 'idTagInfo.parentIdTag': parentIdTag },
      requirement: 'OCPP 1.6 §5.13, §7.27: the charge point learns the parentIdTag of an incoming idTag from Authorize.conf to match it to the reservation; the CSMS answers Accepted with the group of the reservation',
    }));

  await step(7, 'StatusNotification Preparing; the CSMS answers (steps 7–8)', () =>
    link.call('StatusNotification', status('Preparing'), { requirement: answered }));

  const meterStart = 5300;
  const transactionId = await step(9, 'StartTransaction carrying the reservationId; the CSMS accepts it (steps 9–10)', async () => {
    const start = await link.call('StartTransaction', { connectorId, idTag, meterStart, reservationId: sentReservationId, timestamp: new Date().toISOString() }, {
      expect: { 'idTagInfo.status': 'Accepted', transactionId: { present: true } },
      requirement: 'OCPP 1.6 §4.8, §5.13: the CSMS accepts the transaction started on the reserved connector by an idTag of the reserved group, which ends the reservation, and assigns a transactionId',
    });
    const id = start.payload.transactionId;
    if (typeof id !== 'number') throw new ExpectationUnmet('StartTransaction.conf carries no transactionId; the session cannot go on');
    startedTransaction(link.link, connectorId, id, sentReservationId);
    return id;
  });

  await step(11, 'StatusNotification Charging; the CSMS answers (steps 11–12)', () =>
    link.call('StatusNotification', status('Charging'), { requirement: answered }));

  await step(13, 'EV driver stops locally: StopTransaction reason Local; the CSMS answers (ours)', async () => {
    await link.call('StopTransaction', { transactionId, idTag, meterStop: meterStart + 500, timestamp: new Date().toISOString(), reason: 'Local' }, {
      requirement: 'OCPP 1.6 §4.10: the CSMS SHALL respond to StopTransaction',
    });
    stoppedTransaction(link.link, connectorId);
  });

  await step(15, 'StatusNotification Finishing; the CSMS answers (ours)', () =>
    link.call('StatusNotification', status('Finishing'), { requirement: answered }));

  await step(17, 'EV driver unplugs: StatusNotification Available; the CSMS answers (ours)', () =>
    link.call('StatusNotification', status('Available'), { requirement: answered }));
});
