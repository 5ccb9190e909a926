import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_002_CS',
  title: 'Cold Boot Charge Point - Pending',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 2, follows: '2024-04' },
  purpose: 'A charge point whose boot is answered Pending sends nothing but BootNotification, answers configuration requests meanwhile, retries BootNotification no earlier than the interval it was given, and reports every connector Available once accepted.',
  refs: [
    'OCPP 1.6 §4.2 BootNotification (Pending, retry interval)',
    'OCPP 1.6 §5.8 GetConfiguration',
    'OCPP 1.6 §5.3 ChangeConfiguration',
    'OCPP 1.6 §4.9 StatusNotification',
    'OCPP 1.6 §4.6 Heartbeat',
    'OCPP 1.6 §7.38 RegistrationStatus',
  ],
  provenance: 'OCTT steps as publicly summarised (Boot answered Pending → GetConfiguration with no key → ChangeConfiguration → second Boot accepted → StatusNotification Available for connector 0 and each connector → Heartbeat). Ours: the reboot stimulus, the check that nothing but BootNotification is sent while Pending and that the retry keeps the interval (window from our Pending answer, config toleranceMs), the key/value changed (config configurationKeys.writable instead of a fixed MeterValueSampleInterval = 15), a single Heartbeat within the interval, and restoring the changed key at the end.',
  actions: ['reboot'],
}, async ({ csms, sut, cfg, step, note }) => {
  const retryS = cfg.intervals.bootRetryS;
  const { key: writableKey, value: writableValue } = cfg.configurationKeys.writable;

  const { cp, pendingReply } = await step(1, 'Power-cycle the charge point; it sends BootNotification, the harness answers Pending', async () => {
    await sut.do('reboot');
    const link = await csms.nextConnection();
    // Installed as soon as the connection exists, before its first CALL can be dispatched.
    let boots = 0;
    link.handle('BootNotification', (_payload, _call, l) => {
      boots++;
      const status = boots === 1 ? 'Pending' : 'Accepted';
      l.state.bootStatus = status;
      return { status, currentTime: new Date().toISOString(), interval: status === 'Pending' ? retryS : cfg.intervals.heartbeatS };
    });
    const boot = await link.expectCall('BootNotification', {
      requirement: 'OCPP 1.6 §4.2: the charge point SHALL send BootNotification each time it boots',
      forbid: { actions: '*', why: 'before its first BootNotification the charge point SHALL NOT send any other request (§4.2)' },
    });
    return { cp: link, pendingReply: await boot.replied };
  });

  const original = await step(2, 'While Pending, send GetConfiguration with no key; the charge point answers with its configuration', async () => {
    const res = await cp.call('GetConfiguration', {}, {
      expect: { configurationKey: { present: true } },
      level: 'SHOULD',
      requirement: 'OCPP 1.6 §4.2: while Pending the CSMS MAY send requests and the charge point SHOULD answer them; §5.8: no key → every configuration setting',
    });
    const list = Array.isArray(res.payload.configurationKey) ? res.payload.configurationKey as Array<Record<string, unknown>> : [];
    const entry = list.find((k) => k.key === writableKey);
    return typeof entry?.value === 'string' ? entry.value : undefined;
  });

  await step(3, `While Pending, ChangeConfiguration ${writableKey} = ${writableValue}; the charge point accepts it`, () =>
    cp.call('ChangeConfiguration', { key: writableKey, value: writableValue }, {
      expect: { status: 'Accepted' },
      level: 'SHOULD',
      requirement: 'OCPP 1.6 §4.2: the charge point SHOULD answer requests while Pending; §5.3: a supported, writable key set to a valid value is Accepted',
    }));

  const retry = await step(4, 'The charge point retries BootNotification, not before the Pending interval; the harness accepts it', () =>
    cp.expectCall('BootNotification', {
      // The interval is a minimum wait with no maximum: the retry may come later, within messageMs.
      window: { anchor: pendingReply.seq, minMs: retryS * 1000, maxMs: retryS * 1000 + cfg.timeouts.messageMs },
      // "SHOULD NOT send a BootNotification.req earlier" (§4.2): an early retry is NON_STRICT.
      timingLevel: 'SHOULD',
      forbid: { actions: '*', why: 'while Pending the charge point SHALL NOT send requests other than BootNotification unless triggered (§4.2)' },
      requirement: 'OCPP 1.6 §4.2: after a non-Accepted answer the interval is the minimum wait time before the next BootNotification; it SHOULD NOT be sent earlier',
    }));
  const acceptedReply = await retry.replied;

  let lastStatus = retry;
  await step(5, 'StatusNotification Available for connector 0 and every connector', async () => {
    for (const connectorId of [0, ...cfg.connectorIds]) {
      lastStatus = await cp.expectCall('StatusNotification', {
        where: { connectorId },
        after: acceptedReply.seq,
        match: { status: 'Available', errorCode: 'NoError' },
        requirement: 'OCPP 1.6 §4.9: after an accepted boot the charge point reports the status of every connector, connector 0 included',
      });
    }
  });
  const quietFrom = await lastStatus.replied;

  await step(6, 'Heartbeat after at most HeartbeatInterval of inactivity', () =>
    cp.expectCall('Heartbeat', {
      window: { anchor: quietFrom.seq, maxMs: cfg.intervals.heartbeatS * 1000 },
      requirement: 'OCPP 1.6 §4.6, §9.1.10 HeartbeatInterval: the charge point uses the interval of the accepting BootNotification.conf',
    }));

  await step(7, `Restore ${writableKey} to its value before the case`, async () => {
    if (original === undefined) {
      note(`${writableKey} was not reported with a value while Pending; nothing to restore`);
      return;
    }
    if (original === writableValue) return;
    await cp.call('ChangeConfiguration', { key: writableKey, value: original }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.3: setting a writable key back to the value the charge point reported is Accepted',
    });
  });
});
