import { defineCase } from '../../../harness/dsl/define-case.js';
import { expectBootNotification } from './cs-steps.js';

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
  provenance: 'OCTT 1.6 TCD 2024-04 Table 2; ours: the reboot stimulus, the Pending interval (config intervals.bootRetryS), the time tolerances (config toleranceMs), the §4.2 check that nothing but BootNotification is sent before it is accepted, and restoring MeterValueSampleInterval at the end.',
  deviations: [{
    what: 'No request other than BootNotification between the power-on and the accepted BootNotification (MUST, not a tool validation of the table)',
    why: 'The table validates only the messages it lists; §4.2 forbids the rest',
    source: 'OCPP 1.6 §4.2: the charge point SHALL NOT send request messages while Pending unless a TriggerMessage asks for them',
  }, {
    what: 'The GetConfiguration.conf of step 4 lists configuration keys (SHOULD)',
    why: 'The table has no tool validation of step 4; §5.8 asks for every setting when no key is given',
    source: 'OCPP 1.6 §4.2 (the charge point SHOULD answer while Pending), §5.8',
  }],
  actions: ['reboot'],
}, async ({ csms, sut, cfg, step, note }) => {
  const retryS = cfg.intervals.bootRetryS;
  // Table 2 step 5: MeterValueSampleInterval = <Configured Meter Value interval>.
  const key = 'MeterValueSampleInterval';
  const value = String(cfg.intervals.meterSampleS);

  const { cp, pendingReply } = await step(1, 'Power-cycle the charge point; it sends BootNotification, the harness answers Pending (step 2)', async () => {
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
    const from = link.mark('connected after the power cycle');
    const { reply } = await expectBootNotification(link, { from });
    return { cp: link, pendingReply: reply };
  });

  const original = await step(3, 'While Pending, send GetConfiguration with no key; the charge point answers with its configuration (step 4)', async () => {
    const res = await cp.call('GetConfiguration', {}, {
      expect: { configurationKey: { present: true } },
      level: 'SHOULD',
      requirement: 'OCPP 1.6 §4.2: while Pending the CSMS MAY send requests and the charge point SHOULD answer them; §5.8: no key → every configuration setting',
    });
    const list = Array.isArray(res.payload.configurationKey) ? res.payload.configurationKey as Array<Record<string, unknown>> : [];
    const entry = list.find((k) => k.key === key);
    return typeof entry?.value === 'string' ? entry.value : undefined;
  });

  await step(5, `While Pending, ChangeConfiguration ${key} = ${value}; the charge point accepts it (step 6)`, () =>
    cp.call('ChangeConfiguration', { key, value }, {
      expect: { status: 'Accepted' },
      // Tool validation of step 6; the spec only says the charge point SHOULD answer while Pending.
      level: 'SHOULD', octt: 'fails',
      requirement: 'OCPP 1.6 §4.2: the charge point SHOULD answer requests while Pending; §5.3: a supported, writable key set to a valid value is Accepted',
    }));

  const retry = await step(7, 'The charge point retries BootNotification, not before the Pending interval; the harness accepts it (step 8)', async () => {
    const boot = await cp.expectCall('BootNotification', {
      after: pendingReply.seq,
      // The interval is a minimum wait with no maximum: the retry may come later, within messageMs.
      window: { anchor: pendingReply.seq, minMs: retryS * 1000, maxMs: retryS * 1000 + cfg.timeouts.messageMs },
      // "SHOULD NOT send a BootNotification.req earlier" (§4.2), yet the table's tool validation of step 7
      // fails it: an early retry is NON_STRICT and shows "OCTT fails this".
      timingLevel: 'SHOULD', octt: 'fails',
      requirement: 'OCPP 1.6 §4.2: after a non-Accepted answer the interval is the minimum wait time before the next BootNotification; it SHOULD NOT be sent earlier',
    });
    const reply = await boot.replied;
    cp.expectQuiet({
      afterSeq: pendingReply.seq, beforeSeq: reply.seq,
      forbid: { actions: '*', except: ['BootNotification'], why: 'while Pending the charge point SHALL NOT send requests other than BootNotification unless triggered (§4.2)' },
      requirement: 'OCPP 1.6 §4.2: while Pending the charge point SHALL NOT send request messages unless a TriggerMessage.req asks for them',
      octt: 'not-checked',
    });
    return { boot, reply };
  });
  const acceptedReply = retry.reply;

  let lastStatus = retry.boot;
  await step(9, 'StatusNotification Available for connector 0 and every connector', async () => {
    for (const connectorId of [0, ...cfg.connectorIds]) {
      lastStatus = await cp.expectCall('StatusNotification', {
        where: { connectorId },
        after: acceptedReply.seq,
        match: { status: 'Available', errorCode: 'NoError' },
        requirement: 'OCPP 1.6 §4.9 (errata 3.22): after an accepted boot the charge point SHALL report the status of every connector, connector 0 included',
      });
    }
  });
  const quietFrom = await lastStatus.replied;

  await step(11, 'Heartbeat after at most HeartbeatInterval of inactivity, then every HeartbeatInterval', async () => {
    const intervalMs = cfg.intervals.heartbeatS * 1000;
    const beat = await cp.expectCall('Heartbeat', {
      window: { anchor: quietFrom.seq, maxMs: intervalMs },
      requirement: 'OCPP 1.6 §4.6, §9.1.10 HeartbeatInterval: the charge point uses the interval of the accepting BootNotification.conf',
    });
    const beatReply = await beat.replied;
    await cp.expectCall('Heartbeat', {
      window: { anchor: beatReply.seq, minMs: intervalMs, maxMs: intervalMs },
      requirement: 'OCPP 1.6 §4.6, §9.1.10 HeartbeatInterval: Heartbeats are HeartbeatInterval seconds apart when nothing else is sent',
    });
  });

  await step(13, `Restore ${key} to its value before the case (ours)`, async () => {
    if (original === undefined) {
      note(`${key} was not reported with a value while Pending; nothing to restore`);
      return;
    }
    if (original === value) return;
    await cp.call('ChangeConfiguration', { key, value: original }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.3: setting a writable key back to the value the charge point reported is Accepted',
    });
  });
});
