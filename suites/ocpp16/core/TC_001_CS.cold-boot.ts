import type { CaseLink } from '../../../harness/dsl/case-link.js';
import { defineCase } from '../../../harness/dsl/define-case.js';
import { expectBootNotification } from './cs-steps.js';

export default defineCase({
  id: 'TC_001_CS',
  title: 'Cold Boot Charge Point',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 1, follows: '2024-04' },
  purpose: 'After a cold boot the charge point registers with BootNotification; answered Rejected it waits the interval before it tries again; once Accepted it reports every connector (and connector 0) Available and sends Heartbeat at the interval the CSMS gave.',
  refs: ['OCPP 1.6 §4.2 BootNotification', 'OCPP 1.6 §4.6 Heartbeat', 'OCPP 1.6 §4.9 StatusNotification', 'OCPP 1.6 §9.1.10 HeartbeatInterval', 'OCPP 1.6 errata 3.22'],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 1; ours: the reboot stimulus, the Rejected interval (config intervals.bootRetryS), the time tolerances (config toleranceMs) and the §4.2 check that nothing but BootNotification is sent before its answer.',
  deviations: [{
    what: 'No request other than BootNotification between the power-on and the answer to each BootNotification (MUST, not a tool validation of the table)',
    why: 'A charger that reports its connectors before it is registered was seen; the table only validates the messages it lists',
    source: 'OCPP 1.6 §4.2: between the physical power-on/reboot and the successful completion of a BootNotification the charge point SHALL NOT send any other request; while Rejected it SHALL NOT send any OCPP message until the interval expired',
  }],
  actions: ['reboot'],
}, async ({ csms, sut, cfg, step }) => {
  const retryS = cfg.intervals.bootRetryS;

  const first = await step(1, 'Power-cycle the charge point; it sends BootNotification', async () => {
    await sut.do('reboot');
    const link = await csms.nextConnection();
    // Installed as soon as the connection exists, before its first CALL can be dispatched.
    let boots = 0;
    link.handle('BootNotification', (_payload, _call, l) => {
      const status = ++boots === 1 ? 'Rejected' : 'Accepted';
      l.state.bootStatus = status;
      return { status, currentTime: new Date().toISOString(), interval: status === 'Rejected' ? retryS : cfg.intervals.heartbeatS };
    });
    const from = link.mark('connected after the power cycle');
    return { link, ...(await expectBootNotification(link, { from })) };
  });

  await step(2, `The harness answers Rejected with interval ${retryS} s`, () => undefined);

  // §4.2: while Rejected the charge point MAY close its channel; the retry may then come on a new connection.
  const { link, reply } = await step(3, `The charge point sends BootNotification again, not before ${retryS} s (the harness accepts it: step 4)`, async () => {
    const rejected = first.reply.seq;
    const reconnect = csms.nextConnection().catch(() => undefined);
    let other: CaseLink | undefined;
    void reconnect.then((l) => { other = l; });
    const deadline = Date.now() + retryS * 1000 + cfg.timeouts.messageMs + cfg.toleranceMs;
    const retriedOnFirst = () => first.link.link.calls.some((c) => c.frame.action === 'BootNotification' && c.event.seq > rejected);
    while (!retriedOnFirst() && !other && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    const window = { anchor: rejected, minMs: retryS * 1000, maxMs: retryS * 1000 + cfg.timeouts.messageMs };
    const requirement = 'OCPP 1.6 §4.2: after Rejected the interval is the minimum wait before the next BootNotification; the charge point SHALL NOT send any OCPP message before it expired';
    const quietWhy = 'while Rejected the charge point SHALL NOT send any OCPP message until the retry interval has expired (§4.2)';
    if (other && !retriedOnFirst()) {
      first.link.expectQuiet({
        afterSeq: rejected, beforeSeq: first.link.mark('the charge point reconnected'),
        forbid: { actions: '*', why: quietWhy },
        requirement: 'OCPP 1.6 §4.2: while Rejected the charge point SHALL NOT send any OCPP message until the interval expired',
        octt: 'not-checked',
      });
      const retry = await expectBootNotification(other, { from: rejected, window, requirement });
      return { link: other, reply: retry.reply };
    }
    // The quiet span of expectBootNotification runs from the Rejected answer to the retry's answer.
    const retry = await expectBootNotification(first.link, { from: rejected, window, requirement });
    return { link: first.link, reply: retry.reply };
  });

  let lastStatus: Awaited<ReturnType<CaseLink['expectCall']>> | undefined;
  await step(5, 'StatusNotification Available for connector 0 and every connector', async () => {
    for (const connectorId of [0, ...cfg.connectorIds]) {
      lastStatus = await link.expectCall('StatusNotification', {
        where: { connectorId }, after: reply.seq,
        match: { status: 'Available', errorCode: 'NoError' },
        requirement: 'OCPP 1.6 §4.9 (errata 3.22): after an accepted boot the charge point SHALL report the status of every connector, connector 0 included',
      });
    }
  });
  const quietFrom = await lastStatus!.replied;

  await step(7, 'Heartbeat after at most HeartbeatInterval of inactivity, then every HeartbeatInterval', async () => {
    const intervalMs = cfg.intervals.heartbeatS * 1000;
    const beat = await link.expectCall('Heartbeat', {
      window: { anchor: quietFrom.seq, maxMs: intervalMs },
      requirement: 'OCPP 1.6 §4.6, §9.1.10 HeartbeatInterval: a Heartbeat follows an inactivity of HeartbeatInterval seconds (the interval of step 4)',
    });
    const beatReply = await beat.replied;
    await link.expectCall('Heartbeat', {
      window: { anchor: beatReply.seq, minMs: intervalMs, maxMs: intervalMs },
      requirement: 'OCPP 1.6 §4.6, §9.1.10 HeartbeatInterval: Heartbeats are HeartbeatInterval seconds apart when nothing else is sent',
    });
  });
});
