import { defineCase } from '../../../harness/dsl/define-case.js';
import { reserveRefused } from './reservation-steps.js';

export default defineCase({
  id: 'TC_048_3_CS',
  title: 'Reservation of a Connector - Unavailable',
  ocpp: '1.6',
  profile: 'Reservation',
  sut: 'ChargePoint',
  octt: { table: 65, follows: '2024-04' },
  purpose: 'A ReserveNow for a connector made Inoperative with ChangeAvailability (Unavailable) is answered Unavailable and makes no reservation.',
  refs: [
    'OCPP 1.6 §5.13 Reserve Now (Unavailable)',
    'OCPP 1.6 §6.38 ReserveNow.conf, §7.40 ReservationStatus',
    'OCPP 1.6 §5.2 ChangeAvailability',
    'OCPP 1.6 §4.9 StatusNotification (A8, H1)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 65; ours: SetConnectorUnavailable is done with ChangeAvailability Inoperative, and step 3 makes the connector Operative again.',
  deviations: [
    { what: 'Step 0 (the table\'s Before state): the answers and status notifications that set it up are checked at MUST (spec-backed), OCTT not-checked', why: 'a charger that does not reach the Before state cannot run the table', source: 'OCTT 1.6 TCD 2024-04 §1.3; OCPP 1.6 §5.2, §4.9' },
    { what: 'Step 3 (clean-up)', why: 'leave the system under test as found (§1.3 post-conditions)', source: 'OCTT 1.6 TCD 2024-04 §1.3' },
  ],
  actions: [],
}, async ({ csms, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const cp = await csms.booted();

  await step(0, `Before: ChangeAvailability Inoperative for connector ${connectorId}, Accepted, Unavailable reported (OCTT: SetConnectorUnavailable)`, async () => {
    const res = await cp.call('ChangeAvailability', { connectorId, type: 'Inoperative' }, {
      expect: { status: 'Accepted' },
      octt: 'not-checked',
      requirement: 'OCPP 1.6 §5.2: an idle connector is made Inoperative at once: ChangeAvailability Accepted',
    });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: res.call.seq, match: { status: 'Unavailable' },
      octt: 'not-checked',
      requirement: 'OCPP 1.6 §4.9 (A8), §5.2: a connector made Inoperative is reported Unavailable',
    });
  });

  await step(1, `Send ReserveNow for the Unavailable connector ${connectorId}; the charge point answers Unavailable (steps 1–2)`, () =>
    reserveRefused(cp, cfg, { connectorId, reservationId: 483 }, 'Unavailable', 'the connector is in the Unavailable state'));

  await step(3, 'Send ChangeAvailability Operative; the charge point reports the connector Available (ours)', async () => {
    const res = await cp.call('ChangeAvailability', { connectorId, type: 'Operative' }, {
      expect: { status: 'Accepted' },
      octt: 'not-checked',
      requirement: 'OCPP 1.6 §5.2: ChangeAvailability Operative for an Inoperative connector is Accepted',
    });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: res.call.seq, match: { status: 'Available' },
      octt: 'not-checked',
      requirement: 'OCPP 1.6 §4.9 (H1): the connector made Operative again (and never reserved) is Available',
    });
  });
});
