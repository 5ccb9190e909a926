import { defineCase } from '../../../harness/dsl/define-case.js';
import {
  acceptIdTags, CARRIES_RESERVATION, derivedIdTag, lastingExpiry, otherConnectorsInoperative, RESERVED_STATUS, RESERVE_NOW_ANSWERED, reservedSessionTail,
} from './reservation-steps.js';

export default defineCase({
  id: 'TC_053_1_CS',
  title: 'Use a reserved Connector with parentIdTag - Local',
  ocpp: '1.6',
  profile: 'Reservation',
  sut: 'ChargePoint',
  octt: { table: 74, documentId: 'TC_053_CS', follows: 'newer revision' },
  purpose: 'A connector reserved for an idTag and its parentIdTag can be used by another idTag of the same group presented locally: the charge point learns its parentIdTag (Authorize.conf), and the transaction carries the reservationId.',
  refs: [
    'OCPP 1.6 §3.10 Parent idTag',
    'OCPP 1.6 §3.11 Reservations',
    'OCPP 1.6 §5.13 Reserve Now (parentIdTag; Authorize.req for the parent of an incoming idTag)',
    'OCPP 1.6 §6.37 ReserveNow.req, §7.27 IdTagInfo (parentIdTag)',
    'OCPP 1.6 §4.1 Authorize',
    'OCPP 1.6 §4.8 StartTransaction (reservationId)',
    'OCPP 1.6 §4.9 StatusNotification (A7, G2, B3, C6, F1)',
    'OCPP 1.6 errata sheet §4.12 (Authorize.conf MAY contain the parent-id)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 74; ours (the local variant of a newer revision): the group (parentId and idTag 2, derived from idTags.accepted) is the harness\'s, the Authorize.req for idTag 2 is optional, and steps 11–14 (idTag 2 stops, Finishing, unplug, other connectors back).',
  deviations: [
    { what: 'Steps 5 and 9: Preparing and Charging are checked along the way (checked at MUST (spec-backed), OCTT not-checked)', why: 'the table validates only the StartTransaction; each status is an OCPP 1.6 MUST', source: 'OCPP 1.6 §4.9' },
    { what: 'Step 0 (the table\'s Before state): the answers and status notifications that set it up are checked at MUST (spec-backed), OCTT not-checked', why: 'a charger that does not reach the Before state cannot run the table', source: 'OCTT 1.6 TCD 2024-04 §1.3; OCPP 1.6 §5.2, §4.9' },
    { what: 'No Authorize.req is required for idTag 2', why: 'the charge point MAY know its parent from its list or cache', source: 'OCPP 1.6 §5.13' },
    { what: 'Steps 11–14 (clean-up)', why: 'leave the charge point as found (§1.3 post-conditions)', source: 'OCTT 1.6 TCD 2024-04 §1.3' },
  ],
  actions: ['presentIdTag', 'plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const parentIdTag = derivedIdTag(cfg, '-GROUP');
  const idTag2 = derivedIdTag(cfg, '-MEMBER');
  const reservationId = 531;
  const cp = await csms.booted();
  acceptIdTags(cp, cfg, [idTag2], { parentIdTag, firstTransactionId: 53_100 });

  const restore = await step(0, 'Every other connector is made Inoperative (OCTT: SetConnectorUnavailable for all unused connectors)', () =>
    otherConnectorsInoperative(cp, cfg, connectorId));

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

  const presented = await step(5, `Present valid idTag 2 (${idTag2}), of the reserved group, at the connector; the charge point reports Preparing (step 5)`, async () => {
    const from = cp.mark('presenting idTag 2');
    await sut.do('presentIdTag', { connectorId, idTag: idTag2 });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: from, match: { status: 'Preparing' },
      forbid: { actions: ['StartTransaction'], why: 'no cable is plugged in yet' },
      octt: 'not-checked',
      requirement: 'OCPP 1.6 §5.13, §4.9 (G2): an incoming idTag whose parentIdTag matches the reservation\'s may use the reserved connector (its parent learnt from Authorize.conf, §7.27): Preparing',
    });
    return from;
  });

  await reservedSessionTail({ sut, step }, cp, restore, {
    connectorId, idTag: idTag2, reservationId, presented,
    plug: {
      n: 6,
      title: 'Plug in the cable; the charge point sends StartTransaction with idTag 2 and the reservationId (steps 6–8)',
      requirement: `${CARRIES_RESERVATION}; a transaction of an idTag of the reserved parentIdTag ends the reservation (§5.13)`,
    },
    charging: { n: 9, title: 'The charge point reports Charging (steps 9–10)', octt: 'not-checked' },
    stop: { n: 11, title: 'Present idTag 2 again; the charge point stops the transaction (ours)', mark: 'presenting idTag 2 to stop' },
    finishing: 12, unplug: 13, restore: 14,
  });
});
