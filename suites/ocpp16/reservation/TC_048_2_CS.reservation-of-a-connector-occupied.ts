import { defineCase } from '../../../harness/dsl/define-case.js';
import { reserveRefused } from './reservation-steps.js';

export default defineCase({
  id: 'TC_048_2_CS',
  title: 'Reservation of a Connector - Occupied',
  ocpp: '1.6',
  profile: 'Reservation',
  sut: 'ChargePoint',
  octt: { table: 64, follows: '2024-04' },
  purpose: 'A ReserveNow for a connector that is occupied (a cable plugged in: Preparing) is answered Occupied and makes no reservation.',
  refs: [
    'OCPP 1.6 §5.13 Reserve Now (Occupied)',
    'OCPP 1.6 §6.38 ReserveNow.conf, §7.40 ReservationStatus',
    'OCPP 1.6 §4.9 StatusNotification (A2, B1), §7.7 ChargePointStatus (Preparing)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 64; ours: SetConnectorOccupied is step 0 (cable plugged in, Preparing) and step 3 unplugs.',
  deviations: [
    { what: 'Step 0 (the table\'s Before state): the answers and status notifications that set it up are checked at MUST (spec-backed), OCTT not-checked', why: 'a charger that does not reach the Before state cannot run the table', source: 'OCTT 1.6 TCD 2024-04 §1.3; OCPP 1.6 §4.9' },
    { what: 'Step 3 (clean-up)', why: 'leave the system under test as found (§1.3 post-conditions)', source: 'OCTT 1.6 TCD 2024-04 §1.3' },
  ],
  actions: ['plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const cp = await csms.booted();

  await step(0, `Plug in the cable on connector ${connectorId}; the charge point reports Preparing (OCTT: SetConnectorOccupied)`, async () => {
    const from = cp.mark('plugging in');
    await sut.do('plugIn', { connectorId });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: from, match: { status: 'Preparing' },
      octt: 'not-checked',
      requirement: 'OCPP 1.6 §4.9 (A2): usage initiated by inserting the plug makes the connector Preparing: no longer available for a new user (§7.7)',
    });
  });

  await step(1, `Send ReserveNow for the occupied connector ${connectorId}; the charge point answers Occupied (steps 1–2)`, () =>
    reserveRefused(cp, cfg, { connectorId, reservationId: 482 }, 'Occupied', 'the connector is occupied'));

  await step(3, 'Unplug the cable; the charge point reports Available (ours)', async () => {
    const from = cp.mark('unplugging');
    await sut.do('unplug', { connectorId });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: from, match: { status: 'Available' },
      octt: 'not-checked',
      requirement: 'OCPP 1.6 §4.9 (B1): the cable removed before any transaction: Available (no reservation was made)',
    });
  });
});
