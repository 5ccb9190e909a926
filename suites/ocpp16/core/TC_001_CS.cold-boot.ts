import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_001_CS',
  title: 'Cold Boot Charge Point',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 1, follows: '2024-04' },
  purpose: 'After a cold boot the charge point registers with BootNotification, reports every connector (and connector 0) Available, and sends Heartbeat at the interval the CSMS gave.',
  refs: ['OCPP 1.6 §4.2 BootNotification', 'OCPP 1.6 §4.6 Heartbeat', 'OCPP 1.6 §4.9 StatusNotification', 'OCPP 1.6 §9.1 HeartbeatInterval'],
  provenance: 'OCTT steps as publicly summarised (Boot → StatusNotification for connector 0 and each connector → Heartbeat at the interval); the reboot stimulus and the heartbeat tolerance are ours (config toleranceMs).',
  actions: ['reboot'],
}, async ({ csms, sut, cfg, step }) => {
  await step(1, 'Power-cycle the charge point', () => sut.do('reboot'));
  const cp = await csms.nextConnection();

  const boot = await step(2, 'Charge point sends BootNotification; the harness accepts it with HeartbeatInterval', () =>
    cp.expectCall('BootNotification', {
      requirement: 'OCPP 1.6 §4.2: the charge point SHALL send BootNotification each time it boots',
      forbid: { actions: '*', why: 'until BootNotification is accepted the charge point SHALL NOT send other requests (§4.2)' },
    }));
  await boot.replied;

  let lastStatus = boot;
  await step(3, 'StatusNotification Available for connector 0 and every connector', async () => {
    for (const connectorId of [0, ...cfg.connectorIds]) {
      lastStatus = await cp.expectCall('StatusNotification', {
        where: { connectorId },
        match: { status: 'Available', errorCode: 'NoError' },
        requirement: 'OCPP 1.6 §4.9: after an accepted boot the charge point reports the status of every connector, connector 0 included',
      });
    }
  });
  const quietFrom = await lastStatus.replied;

  await step(4, 'Heartbeat after at most HeartbeatInterval of inactivity, then every HeartbeatInterval', async () => {
    const intervalMs = cfg.intervals.heartbeatS * 1000;
    const first = await cp.expectCall('Heartbeat', {
      window: { anchor: quietFrom.seq, maxMs: intervalMs },
      requirement: 'OCPP 1.6 §4.6, §9.1 HeartbeatInterval: a Heartbeat follows an inactivity of HeartbeatInterval seconds',
    });
    const firstReply = await first.replied;
    await cp.expectCall('Heartbeat', {
      window: { anchor: firstReply.seq, minMs: intervalMs, maxMs: intervalMs },
      requirement: 'OCPP 1.6 §4.6, §9.1 HeartbeatInterval: Heartbeats are HeartbeatInterval seconds apart when nothing else is sent',
    });
  });
});
