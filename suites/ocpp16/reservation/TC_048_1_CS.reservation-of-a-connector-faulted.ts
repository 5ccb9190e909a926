import { defineCase } from '../../../harness/dsl/define-case.js';
import { reserveRefused } from './reservation-steps.js';

export default defineCase({
  id: 'TC_048_1_CS',
  title: 'Reservation of a Connector - Faulted',
  ocpp: '1.6',
  profile: 'Reservation',
  sut: 'ChargePoint',
  octt: { table: 63, follows: '2024-04' },
  purpose: 'A ReserveNow for a connector that is Faulted is answered Faulted and makes no reservation.',
  refs: [
    'OCPP 1.6 §5.13 Reserve Now (Faulted)',
    'OCPP 1.6 §6.38 ReserveNow.conf, §7.40 ReservationStatus',
    'OCPP 1.6 §4.9 StatusNotification (A9, I1), §7.6 ChargePointErrorCode',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 63; ours: SetConnectorFaulted is step 0 (SUT control fault, reported Faulted) and steps 3–4 clear the fault.',
  deviations: [
    { what: 'Step 0 (the table\'s Before state): the answers and status notifications that set it up are checked at MUST (spec-backed), OCTT not-checked', why: 'a charger that does not reach the Before state cannot run the table', source: 'OCTT 1.6 TCD 2024-04 §1.3; OCPP 1.6 §4.9' },
    { what: 'Steps 3–4 (clean-up)', why: 'leave the system under test as found (§1.3 post-conditions)', source: 'OCTT 1.6 TCD 2024-04 §1.3' },
  ],
  actions: ['fault', 'clearFault'],
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const cp = await csms.booted();

  await step(0, `Connector ${connectorId} becomes Faulted; the charge point reports it (ours)`, async () => {
    const from = cp.mark('fault');
    await sut.do('fault', { connectorId, errorCode: 'OtherError' });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: from, match: { status: 'Faulted', errorCode: { not: 'NoError' } },
      octt: 'not-checked',
      requirement: 'OCPP 1.6 §4.9 (A9), §7.7: a connector with an error that makes it unavailable for energy delivery is reported Faulted with its errorCode',
    });
  });

  await step(1, `Send ReserveNow for the Faulted connector ${connectorId}; the charge point answers Faulted (steps 1–2)`, () =>
    reserveRefused(cp, cfg, { connectorId, reservationId: 481 }, 'Faulted', 'the connector is in the Faulted state'));

  await step(3, 'The fault is cleared; the charge point reports the connector Available (ours)', async () => {
    const from = cp.mark('clear fault');
    await sut.do('clearFault', { connectorId });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: from, match: { status: 'Available', errorCode: 'NoError' },
      octt: 'not-checked',
      requirement: 'OCPP 1.6 §4.9 (I1): the fault cleared, the connector (never reserved) is Available again',
    });
  });
});
