import { defineCase } from '../../../harness/dsl/define-case.js';
import { reserveRefused, reservesConnectorZero } from './reservation-steps.js';

export default defineCase({
  id: 'TC_050_1_CS',
  title: 'Reservation of a Charge Point - Faulted',
  ocpp: '1.6',
  profile: 'Reservation',
  sut: 'ChargePoint',
  octt: { table: 68, follows: '2024-04' },
  purpose: 'A ReserveNow for connector 0 while the charge point is Faulted is answered Faulted and makes no reservation.',
  refs: [
    'OCPP 1.6 §5.13 Reserve Now (connectorId 0; Faulted)',
    'OCPP 1.6 §6.38 ReserveNow.conf, §7.40 ReservationStatus',
    'OCPP 1.6 §4.9 StatusNotification (connector 0: A9, I1), §7.7 ChargePointStatus',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 68; ours: ReserveConnectorZeroSupported is read from the charger, SetChargePointFaulted is step 0 (SUT control fault of connector 0) and steps 3–4 clear it.',
  deviations: [
    { what: 'Step 0 (the table\'s Before state): the answers and status notifications that set it up are checked at MUST (spec-backed), OCTT not-checked', why: 'a charger that does not reach the Before state cannot run the table', source: 'OCTT 1.6 TCD 2024-04 §1.3; OCPP 1.6 §4.9' },
    { what: 'Steps 3–4 (clean-up)', why: 'leave the system under test as found (§1.3 post-conditions)', source: 'OCTT 1.6 TCD 2024-04 §1.3' },
  ],
  actions: ['fault', 'clearFault'],
}, async ({ csms, sut, cfg, step, note, notApplicable }) => {
  const cp = await csms.booted();
  // Prerequisite of Table 68: ReserveConnectorZeroSupported true — as the charge point itself reports it.
  if (!(await reservesConnectorZero(cp, cfg, note))) {
    return notApplicable('the charge point does not reserve connector 0 (ReserveConnectorZeroSupported not true), a prerequisite of Table 68');
  }

  await step(0, 'The charge point (connector 0) becomes Faulted; it reports it (ours)', async () => {
    const from = cp.mark('fault');
    await sut.do('fault', { connectorId: 0, errorCode: 'OtherError' });
    await cp.expectCall('StatusNotification', {
      where: { connectorId: 0 }, after: from, match: { status: 'Faulted', errorCode: { not: 'NoError' } },
      octt: 'not-checked',
      requirement: 'OCPP 1.6 §4.9, §7.7: an error of the charge point as a whole is reported for connector 0: Faulted with its errorCode',
    });
  });

  await step(1, 'Send ReserveNow for connector 0; the charge point answers Faulted (steps 1–2)', () =>
    reserveRefused(cp, cfg, { connectorId: 0, reservationId: 501 }, 'Faulted', 'the charge point is in the Faulted state'));

  await step(3, 'The fault is cleared; the charge point reports connector 0 Available (ours)', async () => {
    const from = cp.mark('clear fault');
    await sut.do('clearFault', { connectorId: 0 });
    await cp.expectCall('StatusNotification', {
      where: { connectorId: 0 }, after: from, match: { status: 'Available', errorCode: 'NoError' },
      octt: 'not-checked',
      requirement: 'OCPP 1.6 §4.9 (I1): the fault cleared, the charge point is Available again',
    });
  });
});
