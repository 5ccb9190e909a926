import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_001_CSMS',
  title: 'Cold Boot Charge Point',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 117, follows: '2024-04' },
  purpose: 'The CSMS handles a boot: it accepts BootNotification with a valid time and interval, answers StatusNotification for every connector and answers Heartbeat with its time.',
  refs: ['OCPP 1.6 §4.2 BootNotification', 'OCPP 1.6 §4.6 Heartbeat', 'OCPP 1.6 §4.9 StatusNotification'],
  provenance: 'OCTT steps as publicly summarised (tzi-OCTT and SteVe certification tests: Boot → StatusNotification per connector → Heartbeat). The Heartbeat is sent right after the status notifications rather than after the full interval, which a charge point may do.',
}, async ({ cp, cfg, step }) => {
  const link = await step(1, 'The charge point (re)connects to the CSMS', () => cp.reconnect());

  await step(2, 'Send BootNotification; the CSMS accepts it', () =>
    link.call('BootNotification', { chargePointVendor: 'ocpp-harness', chargePointModel: 'virtual-cp', firmwareVersion: '1.0.0' }, {
      expect: { status: 'Accepted', interval: { minimum: 0 } },
      requirement: 'OCPP 1.6 §4.2: the CSMS answers BootNotification with its status, current time and heartbeat interval',
    }));
  link.link.state.bootStatus = 'Accepted';

  await step(3, 'Send StatusNotification Available for connector 0 and every connector', async () => {
    for (const connectorId of [0, ...cfg.connectorIds]) {
      await link.call('StatusNotification', { connectorId, errorCode: 'NoError', status: 'Available', timestamp: new Date().toISOString() }, {
        requirement: 'OCPP 1.6 §4.9: the CSMS answers StatusNotification',
      });
    }
  });

  await step(4, 'Send Heartbeat; the CSMS answers with its current time', () =>
    link.call('Heartbeat', {}, {
      expect: { currentTime: { present: true } },
      requirement: 'OCPP 1.6 §4.6: the CSMS answers Heartbeat with its current time',
    }));
});
