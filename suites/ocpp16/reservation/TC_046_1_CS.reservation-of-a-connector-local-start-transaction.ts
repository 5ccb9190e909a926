import { defineCase } from '../../../harness/dsl/define-case.js';
import {
  acceptIdTags, CARRIES_RESERVATION, derivedIdTag, lastingExpiry, otherConnectorsInoperative, RESERVED_STATUS, RESERVE_NOW_ANSWERED, reservedSessionTail,
} from './reservation-steps.js';

export default defineCase({
  id: 'TC_046_1_CS',
  title: 'Reservation of a Connector - Local start transaction',
  ocpp: '1.6',
  profile: 'Reservation',
  sut: 'ChargePoint',
  octt: { table: 60, follows: '2024-04' },
  purpose: 'A connector reserved for an idTag is Reserved and refuses another (valid) idTag; the reserved idTag presented locally makes it Preparing, and plugging in starts a transaction that carries the reservationId.',
  refs: [
    'OCPP 1.6 §5.13 Reserve Now',
    'OCPP 1.6 §6.37 ReserveNow.req, §6.38 ReserveNow.conf, §7.40 ReservationStatus',
    'OCPP 1.6 §4.9 StatusNotification (A7, G2, B3, C6, F1)',
    'OCPP 1.6 §4.8 StartTransaction (reservationId)',
    'OCPP 1.6 §4.1 Authorize',
    'OCPP 1.6 §4.10 StopTransaction',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 60; ours: the other card is a second idTag the harness accepts (so only the reservation can refuse it), checked by what §5.13 requires instead of the table\'s silence about it, and steps 14–17 (stop, Finishing, unplug, other connectors back).',
  deviations: [
    { what: 'Step 0 (the table\'s Before state): the answers and status notifications that set it up are checked at MUST (spec-backed), OCTT not-checked', why: 'a charger that does not reach the Before state cannot run the table', source: 'OCTT 1.6 TCD 2024-04 §1.3; OCPP 1.6 §5.2, §4.9' },
    { what: 'Step 5: for the other idTag only that it does not charge (the next status is the reserved idTag\'s Preparing; StartTransaction carries the reserved idTag); an Authorize.req for it is allowed', why: 'the specification does not forbid asking the CSMS about an idTag', source: 'OCPP 1.6 §5.13' },
    { what: 'Steps 14–17 (clean-up; checked at MUST (spec-backed), OCTT not-checked)', why: 'leave the system under test as found (§1.3 post-conditions)', source: 'OCTT 1.6 TCD 2024-04 §1.3' },
  ],
  actions: ['presentIdTag', 'plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const otherIdTag = derivedIdTag(cfg, '-OTHER');
  const reservationId = 461;
  const cp = await csms.booted();
  const answers = acceptIdTags(cp, cfg, [otherIdTag], { firstTransactionId: 46_100 });

  const restore = await step(0, 'Every other connector is made Inoperative (OCTT: SetConnectorUnavailable for all unused connectors)', () =>
    otherConnectorsInoperative(cp, cfg, connectorId));

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

  const other = await step(5, `Present another valid idTag (${otherIdTag}) at the reserved connector; it may not charge there (step 5)`, async () => {
    const from = cp.mark('presenting another idTag');
    const dealt = answers.settled(otherIdTag);
    await sut.do('presentIdTag', { connectorId, idTag: otherIdTag });
    await dealt;
    return from;
  });

  const presented = await step(7, 'Present the reserved idTag; the charge point reports Preparing (steps 5–8; Authorize.req is optional)', async () => {
    const from = cp.mark('presenting the reserved idTag');
    await sut.do('presentIdTag', { connectorId, idTag });
    await cp.expectCall('StatusNotification', {
      // The first status after the other idTag: Preparing for it would be the first one.
      where: { connectorId }, after: other, match: { status: 'Preparing' },
      forbid: { actions: ['StartTransaction'], why: 'the reserved connector SHALL refuse charging for any other idTag (§5.13)' },
      requirement: 'OCPP 1.6 §4.9 (G2), §5.13: the reservation identity presented makes the reserved connector Preparing; another idTag does not',
    });
    return from;
  });

  await reservedSessionTail({ sut, step }, cp, restore, {
    connectorId, idTag, reservationId, presented,
    plug: {
      n: 9,
      title: 'Plug in the cable; the charge point sends StartTransaction with the reserved idTag and the reservationId (steps 9–10)',
      requirement: `${CARRIES_RESERVATION}; the reserved connector is used by the reserved idTag (§5.13)`,
    },
    charging: { n: 11, title: 'The charge point reports Charging (steps 11–12)', octt: 'fails' },
    stop: { n: 14, title: 'Present the same idTag again; the charge point stops the transaction (ours)', mark: 'presenting idTag to stop' },
    finishing: 15, unplug: 16, restore: 17,
  });
});
