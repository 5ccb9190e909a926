import { defineCase } from '../../../harness/dsl/define-case.js';
import { reserveNowRefused } from './csms-reservation-steps.js';

export default defineCase({
  id: 'TC_048_1_CSMS',
  title: 'Reservation of a Connector - Faulted',
  ocpp: '1.6',
  profile: 'Reservation',
  sut: 'Csms',
  octt: { table: 163, follows: '2024-04' },
  purpose: 'The CSMS asks a charge point to reserve a connector with ReserveNow and takes the answer Faulted (no reservation made).',
  refs: ['OCPP 1.6 §5.13 Reserve Now', 'OCPP 1.6 §6.37 ReserveNow.req', 'OCPP 1.6 §7.40 ReservationStatus'],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 163; ours: the ReserveNow is asked for through SUT control.',
  actions: ['ReserveNow'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const idTag = cfg.idTags.accepted;
  link.handle('ReserveNow', () => ({ status: 'Faulted' }));

  await reserveNowRefused({ sut, step }, link, 1, { connectorId, idTag, reservationId: 481, which: 'the connector' }, 'Faulted');
});
