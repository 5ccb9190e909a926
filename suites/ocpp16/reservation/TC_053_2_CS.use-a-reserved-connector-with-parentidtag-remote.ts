import { defineCase } from '../../../harness/dsl/define-case.js';
import {
  acceptIdTags, CARRIES_RESERVATION, derivedIdTag, endTransaction, lastingExpiry, RESERVED_STATUS, RESERVE_NOW_ANSWERED,
} from './reservation-steps.js';

export default defineCase({
  id: 'TC_053_2_CS',
  title: 'Use a reserved Connector with parentIdTag - Remote',
  ocpp: '1.6',
  profile: 'Reservation',
  sut: 'ChargePoint',
  octt: { table: 74, documentId: 'TC_053_CS', follows: 'newer revision' },
  purpose: 'A connector reserved for an idTag and its parentIdTag can be used by another idTag of the same group through RemoteStartTransaction: the charge point learns its parentIdTag (Authorize.conf), and the transaction carries the reservationId.',
  refs: [
    'OCPP 1.6 §3.10 Parent idTag',
    'OCPP 1.6 §3.11 Reservations',
    'OCPP 1.6 §5.13 Reserve Now (parentIdTag; Authorize.req for the parent of an incoming idTag)',
    'OCPP 1.6 §5.11 RemoteStartTransaction',
    'OCPP 1.6 §6.37 ReserveNow.req, §7.27 IdTagInfo (parentIdTag)',
    'OCPP 1.6 §4.8 StartTransaction (reservationId)',
    'OCPP 1.6 §4.9 StatusNotification (A7, G2, B3, C6, F1)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 74; ours (the remote variant of a newer revision): the group (parentId and idTag 2, derived from idTags.accepted) is the harness\'s, idTag 2 starts remotely before the cable, and steps 10–13 end the session.',
  deviations: [
    { what: 'Steps 5 and 9: RemoteStartTransaction Accepted, Preparing and Charging are checked along the way (checked at MUST (spec-backed), OCTT not-checked)', why: 'the table validates only the StartTransaction; each is an OCPP 1.6 MUST', source: 'OCPP 1.6 §5.11, §4.9' },
    { what: 'No Authorize.req is required for idTag 2', why: 'the charge point MAY know its parent from its list or cache', source: 'OCPP 1.6 §5.13' },
    { what: 'Steps 10–13 (clean-up)', why: 'leave the charge point as found (§1.3 post-conditions)', source: 'OCTT 1.6 TCD 2024-04 §1.3' },
  ],
  actions: ['plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const parentIdTag = derivedIdTag(cfg, '-GROUP');
  const idTag2 = derivedIdTag(cfg, '-MEMBER');
  const reservationId = 532;
  const cp = await csms.booted();
  acceptIdTags(cp, cfg, [idTag2], { parentIdTag, firstTransactionId: 53_200 });

  const reserved = await step(1, `Send ReserveNow for connector ${connectorId}, valid idTag 1 and parentIdTag ${parentIdTag}; the charge point accepts it (steps 1–2)`, async () => {
    const res = await cp.call('ReserveNow', { connectorId, expiryDate: lastingExpiry(cfg), idTag, parentIdTag, reservationId }, {
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

  const requested = await step(5, `Send RemoteStartTransaction for valid idTag 2 (${idTag2}), of the reserved group; the charge point accepts it and reports Preparing (step 5)`, async () => {
    const res = await cp.call('RemoteStartTransaction', { connectorId, idTag: idTag2 }, {
      expect: { status: 'Accepted' },
      octt: 'not-checked',
      requirement: 'OCPP 1.6 §5.11, §5.13: an idTag of the reserved group may use the reserved connector: RemoteStartTransaction Accepted',
    });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: res.call.seq, match: { status: 'Preparing' },
      forbid: { actions: ['StartTransaction'], why: 'no cable is plugged in yet' },
      octt: 'not-checked',
      requirement: 'OCPP 1.6 §5.13, §4.9 (G2): an incoming idTag whose parentIdTag matches the reservation\'s may use the reserved connector (its parent learnt from Authorize.conf, §7.27): Preparing',
    });
    return res.call.seq;
  });

  const plugged = cp.mark('plugging in');
  const transactionId = await step(6, 'Plug in the cable; the charge point sends StartTransaction with idTag 2 and the reservationId (steps 6–8)', async () => {
    await sut.do('plugIn', { connectorId });
    const start = await cp.expectCall('StartTransaction', {
      after: requested, match: { connectorId, idTag: idTag2, reservationId },
      requirement: `${CARRIES_RESERVATION}; a transaction of an idTag of the reserved parentIdTag ends the reservation (§5.13); its idTag is the one of RemoteStartTransaction.req (§5.11)`,
    });
    return (await cp.answerOf(start)).transactionId as number;
  });

  await step(9, 'The charge point reports Charging (steps 9–10)', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: plugged, match: { status: 'Charging' },
      octt: 'not-checked',
      requirement: 'OCPP 1.6 §4.9 (B3): once energy flows the connector is Charging',
    }));

  await step(10, 'Clean-up: RemoteStopTransaction, StopTransaction, Finishing; unplug → Available (ours)', () =>
    endTransaction(cp, connectorId, transactionId, () => sut.do('unplug', { connectorId })));
});
