import { defineCase } from '../../../harness/dsl/define-case.js';
import { reserveRefused, reservesConnectorZero } from './reservation-steps.js';

export default defineCase({
  id: 'TC_050_2_CS',
  title: 'Reservation of a Charge Point - Occupied',
  ocpp: '1.6',
  profile: 'Reservation',
  sut: 'ChargePoint',
  octt: { table: 69, follows: '2024-04' },
  purpose: 'A ReserveNow for connector 0 while every connector is occupied (a cable plugged in: Preparing) is answered Occupied and makes no reservation.',
  refs: [
    'OCPP 1.6 §5.13 Reserve Now (connectorId 0; Occupied)',
    'OCPP 1.6 §6.38 ReserveNow.conf, §7.40 ReservationStatus ("all connectors … are occupied")',
    'OCPP 1.6 §4.9 StatusNotification (A2, B1), §7.7 ChargePointStatus (Preparing)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 69; ours: ReserveConnectorZeroSupported is read from the charger, SetConnectorOccupied for all connectors is step 0 (cables plugged in) and step 3 unplugs.',
  deviations: [
    { what: 'Step 0 (the table\'s Before state): the answers and status notifications that set it up are checked at MUST (spec-backed), OCTT not-checked', why: 'a charger that does not reach the Before state cannot run the table', source: 'OCTT 1.6 TCD 2024-04 §1.3; OCPP 1.6 §4.9' },
    { what: 'Step 3 (clean-up)', why: 'leave the system under test as found (§1.3 post-conditions)', source: 'OCTT 1.6 TCD 2024-04 §1.3' },
  ],
  actions: ['plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step, note, notApplicable }) => {
  const cp = await csms.booted();
  // Prerequisite of Table 69: ReserveConnectorZeroSupported true — as the charge point itself reports it.
  if (!(await reservesConnectorZero(cp, cfg, note))) {
    return notApplicable('the charge point does not reserve connector 0 (ReserveConnectorZeroSupported not true), a prerequisite of Table 69');
  }

  await step(0, 'Plug a cable into every connector; the charge point reports each Preparing (ours: every connector occupied)', async () => {
    for (const connectorId of cfg.connectorIds) {
      const from = cp.mark(`plugging in at connector ${connectorId}`);
      await sut.do('plugIn', { connectorId });
      await cp.expectCall('StatusNotification', {
        where: { connectorId }, after: from, match: { status: 'Preparing' },
        octt: 'not-checked',
        requirement: 'OCPP 1.6 §4.9 (A2): usage initiated by inserting the plug makes the connector Preparing: no longer available for a new user (§7.7)',
      });
    }
  });

  await step(1, 'Send ReserveNow for connector 0; the charge point answers Occupied (steps 1–2)', () =>
    reserveRefused(cp, cfg, { connectorId: 0, reservationId: 502 }, 'Occupied', 'every connector of the charge point is occupied'));

  await step(3, 'Unplug every cable; the charge point reports each connector Available (ours)', async () => {
    for (const connectorId of cfg.connectorIds) {
      const from = cp.mark(`unplugging at connector ${connectorId}`);
      await sut.do('unplug', { connectorId });
      await cp.expectCall('StatusNotification', {
        where: { connectorId }, after: from, match: { status: 'Available' },
        octt: 'not-checked',
        requirement: 'OCPP 1.6 §4.9 (B1): the cable removed before any transaction: Available (no reservation was made)',
      });
    }
  });
});
