import { defineCase } from '../../../harness/dsl/define-case.js';
import { CARRIES_RESERVATION, endTransaction, lastingExpiry, RESERVED_STATUS, RESERVE_NOW_ANSWERED } from './reservation-steps.js';

export default defineCase({
  id: 'TC_046_2_CS',
  title: 'Reservation of a Connector - Remote start transaction',
  ocpp: '1.6',
  profile: 'Reservation',
  sut: 'ChargePoint',
  octt: { table: 61, follows: '2024-04' },
  purpose: 'A connector reserved for an idTag is Reserved; a RemoteStartTransaction for that idTag and connector is accepted and the transaction it starts carries the idTag and the reservationId.',
  refs: [
    'OCPP 1.6 §5.13 Reserve Now',
    'OCPP 1.6 §6.37 ReserveNow.req, §6.38 ReserveNow.conf, §7.40 ReservationStatus',
    'OCPP 1.6 §5.11 RemoteStartTransaction',
    'OCPP 1.6 §4.8 StartTransaction (reservationId)',
    'OCPP 1.6 §4.9 StatusNotification (A7, G2, B3, C6, F1)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 61; ours: step 5 (reusable state Charging) is done as RemoteStartTransaction for the reserved idTag, Preparing, plug in, StartTransaction, Charging, and steps 10–13 end the transaction.',
  deviations: [
    { what: 'Step 5: RemoteStartTransaction Accepted, Preparing and Charging are checked along the way (checked at MUST (spec-backed), OCTT not-checked)', why: 'the reusable state Charging goes through them; each is an OCPP 1.6 MUST', source: 'OCPP 1.6 §5.11, §4.9' },
    { what: 'Steps 10–13 (clean-up)', why: 'leave the system under test as found (§1.3 post-conditions)', source: 'OCTT 1.6 TCD 2024-04 §1.3' },
  ],
  actions: ['plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const reservationId = 462;
  const cp = await csms.booted();

  const reserved = await step(1, `Send ReserveNow for connector ${connectorId} and the valid idTag; the charge point accepts it (steps 1–2)`, async () => {
    const res = await cp.call('ReserveNow', { connectorId, expiryDate: lastingExpiry(cfg), idTag, reservationId }, {
      expect: { status: 'Accepted' },
      requirement: `${RESERVE_NOW_ANSWERED}; an Available connector of a charge point that accepts reservations: Accepted (§7.40)`,
    });
    return res.call.seq;
  });

  await step(3, 'The charge point reports the connector Reserved (steps 3–4)', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: reserved, match: { status: 'Reserved' },
      requirement: RESERVED_STATUS,
    }));

  const requested = await step(5, 'Send RemoteStartTransaction for the reserved idTag and connector; the charge point accepts it and reports Preparing (step 5)', async () => {
    const res = await cp.call('RemoteStartTransaction', { connectorId, idTag }, {
      expect: { status: 'Accepted' },
      octt: 'not-checked',
      requirement: 'OCPP 1.6 §5.11, §5.13: the reserved idTag may use the reserved connector: RemoteStartTransaction Accepted',
    });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: res.call.seq, match: { status: 'Preparing' },
      forbid: { actions: ['StartTransaction'], why: 'no cable is plugged in yet' },
      octt: 'not-checked',
      requirement: 'OCPP 1.6 §4.9 (G2): the reservation identity presented (a RemoteStartTransaction.req for it) makes the connector Preparing',
    });
    return res.call.seq;
  });

  const plugged = cp.mark('plugging in');
  const transactionId = await step(5, 'Plug in the cable; the charge point sends StartTransaction with the reserved idTag and the reservationId (step 5)', async () => {
    await sut.do('plugIn', { connectorId });
    const start = await cp.expectCall('StartTransaction', {
      after: requested, match: { connectorId, idTag, reservationId },
      requirement: `${CARRIES_RESERVATION}; the idTag is the one of RemoteStartTransaction.req (§5.11)`,
    });
    return (await cp.answerOf(start)).transactionId as number;
  });

  await step(5, 'The charge point reports Charging (step 5)', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: plugged, match: { status: 'Charging' },
      octt: 'not-checked',
      requirement: 'OCPP 1.6 §4.9 (B3): once energy flows the connector is Charging',
    }));

  await step(10, 'Clean-up: RemoteStopTransaction, StopTransaction, Finishing; unplug → Available (ours)', () =>
    endTransaction(cp, connectorId, transactionId, () => sut.do('unplug', { connectorId })));
});
