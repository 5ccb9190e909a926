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
  provenance: 'Steps 1–4 as publicly summarised for TC_048_2_CSMS (tzi-OCTT test_tc_048_2_csms.py, SteVe Ocpp16JsonCsmsCertificationIT, EVtivity octt TC_048_2_CSMS): the EV driver plugs in (StatusNotification Preparing) → ReserveNow for that connector and the valid idTag, answered Occupied. The ReserveNow (reservationId 482, expiry in 5 minutes) is triggered through SUT control; for this case the harness answers Occupied. Step 5 is ours (§4.9): the driver unplugs and the connector is reported Available again.',
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
