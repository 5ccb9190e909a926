import { defineCase } from '../../../harness/dsl/define-case.js';
import { reserveNowRefused } from './csms-reservation-steps.js';

export default defineCase({
  id: 'TC_048_3_CSMS',
  title: 'Reservation of a Connector - Unavailable',
  ocpp: '1.6',
  profile: 'Reservation',
  sut: 'Csms',
  octt: { table: 165, follows: '2024-04' },
  purpose: 'The CSMS makes a connector Inoperative with ChangeAvailability, then asks to reserve it and takes the answer Unavailable (no reservation made).',
  refs: [
    'OCPP 1.6 §5.2 Change Availability',
    'OCPP 1.6 §5.13 Reserve Now',
    'OCPP 1.6 §6.37 ReserveNow.req',
    'OCPP 1.6 §7.40 ReservationStatus',
    'OCPP 1.6 §4.9 StatusNotification',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 165; ours: both requests are asked for through SUT control, and steps 7–9 make the connector Operative again.',
  deviations: [
    { what: 'Steps 7–9 (clean-up)', why: 'leave the system under test as found (§1.3 post-conditions)', source: 'OCTT 1.6 TCD 2024-04 §1.3' },
  ],
  actions: ['ChangeAvailability', 'ReserveNow'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const idTag = cfg.idTags.accepted;
  const status = (s: string) => ({ connectorId, errorCode: 'NoError', status: s, timestamp: new Date().toISOString() });
  const answered = 'OCPP 1.6 §4.9: the CSMS answers StatusNotification';
  link.handle('ReserveNow', () => ({ status: 'Unavailable' }));

  const inoperative = await step(1, 'The CSMS sends ChangeAvailability Inoperative for the connector (step 1)', async () => {
    await sut.do('ChangeAvailability', { connectorId, type: 'Inoperative' });
    return link.expectCall('ChangeAvailability', {
      match: { connectorId, type: 'Inoperative' },
      requirement: 'OCPP 1.6 §5.2: the CSMS makes a connector unavailable with ChangeAvailability.req type Inoperative',
    });
  });

  await step(2, 'The charge point answers Accepted (step 2)', () => inoperative.replied);

  await step(3, 'StatusNotification Unavailable; the CSMS answers (steps 3–4)', () =>
    link.call('StatusNotification', status('Unavailable'), { requirement: answered }));

  await reserveNowRefused({ sut, step }, link, 5, { connectorId, idTag, reservationId: 483, which: 'the same connector' }, 'Unavailable');

  const operative = await step(7, 'The CSMS sends ChangeAvailability Operative for the connector (ours)', async () => {
    await sut.do('ChangeAvailability', { connectorId, type: 'Operative' });
    return link.expectCall('ChangeAvailability', {
      match: { connectorId, type: 'Operative' },
      requirement: 'OCPP 1.6 §5.2: the CSMS makes a connector available again with ChangeAvailability.req type Operative',
    });
  });

  await step(8, 'The charge point answers Accepted (ours)', () => operative.replied);

  await step(9, 'StatusNotification Available; the CSMS answers (ours)', () =>
    link.call('StatusNotification', status('Available'), { requirement: answered }));
});
