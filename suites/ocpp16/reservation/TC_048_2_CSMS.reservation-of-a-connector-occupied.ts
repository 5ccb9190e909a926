import { defineCase } from '../../../harness/dsl/define-case.js';
import { reserveNowRefused } from './csms-reservation-steps.js';

export default defineCase({
  id: 'TC_048_2_CSMS',
  title: 'Reservation of a Connector - Occupied',
  ocpp: '1.6',
  profile: 'Reservation',
  sut: 'Csms',
  octt: { table: 164, follows: '2024-04' },
  purpose: 'The CSMS asks a charge point to reserve a connector that is in use (Preparing) and takes the answer Occupied (no reservation made).',
  refs: [
    'OCPP 1.6 §5.13 Reserve Now',
    'OCPP 1.6 §6.37 ReserveNow.req',
    'OCPP 1.6 §7.40 ReservationStatus',
    'OCPP 1.6 §4.9 StatusNotification',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 164; ours: the ReserveNow is asked for through SUT control, and step 5 (unplug, Available).',
  deviations: [
    { what: 'Step 5 (clean-up)', why: 'leave the system under test as found (§1.3 post-conditions)', source: 'OCTT 1.6 TCD 2024-04 §1.3' },
  ],
  actions: ['ReserveNow'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const idTag = cfg.idTags.accepted;
  const status = (s: string) => ({ connectorId, errorCode: 'NoError', status: s, timestamp: new Date().toISOString() });
  const answered = 'OCPP 1.6 §4.9: the CSMS answers StatusNotification';
  link.handle('ReserveNow', () => ({ status: 'Occupied' }));

  await step(1, 'EV driver plugs in: StatusNotification Preparing; the CSMS answers (steps 1–2)', () =>
    link.call('StatusNotification', status('Preparing'), { requirement: answered }));

  await reserveNowRefused({ sut, step }, link, 3, { connectorId, idTag, reservationId: 482, which: 'the same connector' }, 'Occupied');

  await step(5, 'EV driver unplugs: StatusNotification Available; the CSMS answers (ours)', () =>
    link.call('StatusNotification', status('Available'), { requirement: answered }));
});
