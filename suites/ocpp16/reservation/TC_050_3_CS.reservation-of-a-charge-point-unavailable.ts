import { defineCase } from '../../../harness/dsl/define-case.js';
import { reserveRefused, reservesConnectorZero } from './reservation-steps.js';

export default defineCase({
  id: 'TC_050_3_CS',
  title: 'Reservation of a Charge Point - Unavailable',
  ocpp: '1.6',
  profile: 'Reservation',
  sut: 'ChargePoint',
  octt: { table: 70, follows: '2024-04' },
  purpose: 'A ReserveNow for connector 0 while the charge point is Unavailable (ChangeAvailability Inoperative for connector 0) is answered Unavailable and makes no reservation.',
  refs: [
    'OCPP 1.6 §5.13 Reserve Now (connectorId 0; Unavailable)',
    'OCPP 1.6 §6.38 ReserveNow.conf, §7.40 ReservationStatus',
    'OCPP 1.6 §5.2 ChangeAvailability (connector 0: the charge point and all its connectors)',
    'OCPP 1.6 §4.9 StatusNotification (A8, H1)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 70; ours: ReserveConnectorZeroSupported is read from the charger, SetChargePointUnavailable is step 0 (ChangeAvailability Inoperative for connector 0) and step 3 makes it Operative again.',
  deviations: [
    { what: 'Step 0 (the table\'s Before state): the answers and status notifications that set it up are checked at MUST (spec-backed), OCTT not-checked', why: 'a charger that does not reach the Before state cannot run the table', source: 'OCTT 1.6 TCD 2024-04 §1.3; OCPP 1.6 §5.2, §4.9' },
    { what: 'Step 3 (clean-up)', why: 'leave the system under test as found (§1.3 post-conditions)', source: 'OCTT 1.6 TCD 2024-04 §1.3' },
  ],
  actions: [],
}, async ({ csms, cfg, step, note, notApplicable }) => {
  const cp = await csms.booted();
  // Prerequisite of Table 70: ReserveConnectorZeroSupported true — as the charge point itself reports it.
  if (!(await reservesConnectorZero(cp, cfg, note))) {
    return notApplicable('the charge point does not reserve connector 0 (ReserveConnectorZeroSupported not true), a prerequisite of Table 70');
  }

  await step(0, 'Send ChangeAvailability Inoperative for connector 0; the charge point accepts it and reports itself and every connector Unavailable (OCTT: SetChargePointUnavailable)', async () => {
    const res = await cp.call('ChangeAvailability', { connectorId: 0, type: 'Inoperative' }, {
      expect: { status: 'Accepted' },
      octt: 'not-checked',
      requirement: 'OCPP 1.6 §5.2: an idle charge point is made Inoperative at once: ChangeAvailability Accepted',
    });
    for (const connectorId of [0, ...cfg.connectorIds]) {
      await cp.expectCall('StatusNotification', {
        where: { connectorId }, after: res.call.seq, match: { status: 'Unavailable' },
        octt: 'not-checked',
        requirement: 'OCPP 1.6 §4.9 (A8), §5.2: ChangeAvailability for connector 0 concerns the charge point and all its connectors: each is reported Unavailable',
      });
    }
  });

  await step(1, 'Send ReserveNow for connector 0; the charge point answers Unavailable (steps 1–2)', () =>
    reserveRefused(cp, cfg, { connectorId: 0, reservationId: 503 }, 'Unavailable', 'the charge point is in the Unavailable state'));

  await step(3, 'Send ChangeAvailability Operative for connector 0; the charge point reports itself and every connector Available (ours)', async () => {
    const res = await cp.call('ChangeAvailability', { connectorId: 0, type: 'Operative' }, {
      expect: { status: 'Accepted' },
      octt: 'not-checked',
      requirement: 'OCPP 1.6 §5.2: ChangeAvailability Operative for an Inoperative charge point is Accepted',
    });
    for (const connectorId of [0, ...cfg.connectorIds]) {
      await cp.expectCall('StatusNotification', {
        where: { connectorId }, after: res.call.seq, match: { status: 'Available' },
        octt: 'not-checked',
        requirement: 'OCPP 1.6 §4.9 (H1): the charge point made Operative again (and never reserved) is Available, and so is every connector',
      });
    }
  });
});
