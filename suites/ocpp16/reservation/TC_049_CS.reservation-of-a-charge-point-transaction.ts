import { defineCase } from '../../../harness/dsl/define-case.js';
import { CARRIES_RESERVATION, lastingExpiry, otherConnectorsInoperative, RESERVE_NOW_ANSWERED, reservedSessionTail, reservesConnectorZero } from './reservation-steps.js';

export default defineCase({
  id: 'TC_049_CS',
  title: 'Reservation of a Charge Point - Transaction',
  ocpp: '1.6',
  profile: 'Reservation',
  sut: 'ChargePoint',
  octt: { table: 67, follows: '2024-04' },
  purpose: 'A reservation of connector 0 (no connector in particular) is accepted; with one free connector left, that connector is Reserved; the reserved idTag then charges on it and StartTransaction carries the reservationId.',
  refs: [
    'OCPP 1.6 §5.13 Reserve Now (connectorId 0, ReserveConnectorZeroSupported)',
    'OCPP 1.6 §9.3.1 ReserveConnectorZeroSupported',
    'OCPP 1.6 §3.11 Reservations',
    'OCPP 1.6 §6.37 ReserveNow.req, §7.40 ReservationStatus',
    'OCPP 1.6 §4.9 StatusNotification (A7, G2, B3, C6, F1)',
    'OCPP 1.6 §4.8 StartTransaction (reservationId)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 67; ours: ReserveConnectorZeroSupported is read from the charger (the declaration only warned about), step 5 (Charging) is done as the reserved idTag presented, plug in, StartTransaction, Charging, and steps 9–12 end the session.',
  deviations: [
    { what: 'Step 0 (the table\'s Before state): the answers and status notifications that set it up are checked at MUST (spec-backed), OCTT not-checked', why: 'a charger that does not reach the Before state cannot run the table', source: 'OCTT 1.6 TCD 2024-04 §1.3; OCPP 1.6 §5.2, §4.9' },
    { what: 'Step 5: Preparing and Charging are checked along the reusable state Charging (checked at MUST (spec-backed), OCTT not-checked)', why: 'each is an OCPP 1.6 MUST', source: 'OCPP 1.6 §4.9' },
    { what: 'Steps 9–12 (clean-up)', why: 'leave the system under test as found (§1.3 post-conditions)', source: 'OCTT 1.6 TCD 2024-04 §1.3' },
  ],
  actions: ['presentIdTag', 'plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step, note, notApplicable }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const reservationId = 49;
  const cp = await csms.booted();
  // Prerequisite of Table 67: ReserveConnectorZeroSupported true — as the charge point itself reports it.
  if (!(await reservesConnectorZero(cp, cfg, note))) {
    return notApplicable('the charge point does not reserve connector 0 (ReserveConnectorZeroSupported not true), a prerequisite of Table 67');
  }

  const restore = await step(0, 'Every other connector is made Inoperative: one connector is left for the reservation (ours)', () =>
    otherConnectorsInoperative(cp, cfg, connectorId));

  const reserved = await step(1, 'Send ReserveNow for connector 0 (the charge point) and the valid idTag; the charge point accepts it (steps 1–2)', async () => {
    const res = await cp.call('ReserveNow', { connectorId: 0, expiryDate: lastingExpiry(cfg), idTag, reservationId }, {
      expect: { status: 'Accepted' },
      requirement: `${RESERVE_NOW_ANSWERED}; with ReserveConnectorZeroSupported true and a free connector, a reservation of connector 0 is Accepted (§5.13, §7.40)`,
    });
    return res.call.seq;
  });

  await step(3, `The charge point reports connector ${connectorId}, the one left, Reserved (steps 3–4)`, () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: reserved, match: { status: 'Reserved' },
      requirement: 'OCPP 1.6 §5.13: for a reservation of connector 0 the charge point SHALL make sure one connector remains available for the reserved idTag — with one free connector that one is bound: Reserved (§4.9 A7)',
    }));

  const presented = await step(5, 'Present the reserved idTag; the charge point reports Preparing (Authorize.req is optional)', async () => {
    const from = cp.mark('presenting the reserved idTag');
    await sut.do('presentIdTag', { connectorId, idTag });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: from, match: { status: 'Preparing' },
      octt: 'not-checked',
      requirement: 'OCPP 1.6 §4.9 (G2): the reservation identity presented makes the connector Preparing',
    });
    return from;
  });

  await reservedSessionTail({ sut, step }, cp, restore, {
    connectorId, idTag, reservationId, presented,
    plug: {
      n: 5,
      title: 'Plug in the cable; the charge point sends StartTransaction with the reserved idTag and the reservationId (step 5)',
      requirement: `${CARRIES_RESERVATION}; a reservation of connector 0 ends with a transaction of the reserved idTag on any connector (§3.11)`,
    },
    charging: { n: 5, title: 'The charge point reports Charging (step 5)', octt: 'not-checked' },
    stop: { n: 9, title: 'Present the same idTag again; the charge point stops the transaction (ours)', mark: 'presenting idTag to stop' },
    finishing: 10, unplug: 11, restore: 12,
  });
});
