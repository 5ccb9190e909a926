import { defineCase } from '../../../harness/dsl/define-case.js';
import { STATUS_ANSWERED } from './csms-session-steps.js';

export default defineCase({
  id: 'TC_001_CSMS',
  title: 'Cold Boot Charge Point',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 117, follows: '2024-04' },
  purpose: 'The CSMS handles a boot: it accepts BootNotification, answers StatusNotification for every connector and answers Heartbeat.',
  refs: ['OCPP 1.6 §4.2 BootNotification', 'OCPP 1.6 §4.6 Heartbeat', 'OCPP 1.6 §4.9 StatusNotification'],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 117; ours: the harness charge point opens a fresh connection before step 1, and sends its Heartbeat (step 5) right after the status notifications instead of waiting out the interval the CSMS gave (a charge point may send one at any time; the interval can be hours).',
}, async ({ cp, cfg, step }) => {
  await step(1, 'The charge point connects and sends BootNotification; the CSMS accepts it (steps 1–2)', async () => {
    const link = await cp.reconnect();
    await link.call('BootNotification', { chargePointVendor: 'ocpp-harness', chargePointModel: 'virtual-cp', firmwareVersion: '1.0.0' }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §4.2; Table 117 step 2: the CSMS accepts the BootNotification of a known charge point',
    });
    link.link.state.bootStatus = 'Accepted';
  });
  const link = await cp.connection();

  await step(3, 'StatusNotification Available for connector 0 and every connector; the CSMS answers (steps 3–4)', async () => {
    for (const connectorId of [0, ...cfg.connectorIds]) {
      await link.call('StatusNotification', { connectorId, errorCode: 'NoError', status: 'Available', timestamp: new Date().toISOString() }, {
        requirement: STATUS_ANSWERED,
      });
    }
  });

  await step(5, 'Heartbeat; the CSMS answers with its current time (steps 5–6)', () =>
    link.call('Heartbeat', {}, {
      expect: { currentTime: { present: true } },
      requirement: 'OCPP 1.6 §4.6, §6.31: the CSMS answers Heartbeat with its current time',
    }));
});
