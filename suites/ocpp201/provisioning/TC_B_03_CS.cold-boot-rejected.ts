import type { CaseLink } from '../../../harness/dsl/case-link.js';
import { defineCase } from '../../../harness/dsl/define-case.js';
import { ExpectationUnmet } from '../../../harness/dsl/errors.js';
import type { InboundCall } from '../../../harness/rpc/session.js';
import { expectBoot, expectConnectorStatuses } from './charging-station-steps.js';

const TABLE = 'Part 6 TC_B_03_CS (Table 20)';

export default defineCase({
  id: 'TC_B_03_CS',
  title: 'Cold Boot Charging Station - Rejected',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'B03 Cold Boot Charging Station - Rejected', requirements: ['B03.FR.02', 'B03.FR.04', 'B03.FR.06'] },
  purpose: 'A station whose boot is Rejected sends nothing until the interval has passed, then BootNotification again; once accepted it reports every connector.',
  refs: ['OCPP 2.0.1 Part 2 B03.FR.02', 'OCPP 2.0.1 Part 2 B03.FR.04', 'OCPP 2.0.1 Part 2 B03.FR.06', 'OCPP 2.0.1 Part 2 B01.FR.05'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_03_CS; ours: the reboot is the SUT-control action reboot; the retry may come on a new connection (B03.FR.04 lets the station close meanwhile); the retry may come up to messageMs after the interval.',
  actions: ['reboot'],
}, async (t) => {
  const { csms, sut, step, cfg } = t;
  await csms.booted();
  const intervalS = cfg.intervals.heartbeatS;
  let boots = 0;
  const rejectFirst = (link: CaseLink) => link.handle('BootNotification', (_p, _c, l) => {
    const status = ++boots === 1 ? 'Rejected' : 'Accepted';
    l.state.bootStatus = status;
    return { status, currentTime: new Date().toISOString(), interval: intervalS };
  });
  const { cp, rejected } = await step(1, 'Reboot the station; it sends BootNotification and the harness answers Rejected with the heartbeat interval (step 2)', async () => {
    const next = csms.nextConnection({ requirement: `${TABLE} step 1; Part 2 B01.FR.03: after a reboot the station sends BootNotification` });
    await sut.do('reboot');
    const link = await next;
    rejectFirst(link);
    const { reply } = await expectBoot(link, { within: cfg.timeouts.connectMs, requirement: `${TABLE} step 1; Part 2 B01.FR.01: after start-up the station sends BootNotification` });
    return { cp: link, rejected: reply };
  });

  const { link, accepted } = await step(3, 'The station sends BootNotification again, not before the interval, and nothing else meanwhile; the harness accepts it (step 4)', async () => {
    const requirement = `${TABLE} step 3; Part 2 B03.FR.02 and B03.FR.06: after a Rejected answer the station sends no OCPP message until the interval has passed, then BootNotification again`;
    const window = { anchor: rejected.seq, minMs: intervalS * 1000, maxMs: intervalS * 1000 + cfg.timeouts.messageMs };
    const forbid = { actions: '*' as const, why: 'while Rejected the station sends no OCPP message until the interval has passed (B03.FR.02)' };
    let link: CaseLink = cp;
    let boot: InboundCall;
    try {
      boot = await cp.expectCall('BootNotification', { after: rejected.seq, window, forbid, requirement });
    } catch (err) {
      // B03.FR.04: the station may close the connection until it retries; the retry then opens a new one.
      if (cp.isOpen || !(err instanceof ExpectationUnmet)) throw err;
      t.note('the station closed the connection after the Rejected answer (B03.FR.04 allows it); waiting for its next connection');
      link = await csms.nextConnection({ requirement });
      rejectFirst(link);
      boot = await expectBoot(link, { requirement }).then((b) => b.call);
    }
    return { link, accepted: await boot.replied };
  });

  await step(5, 'The station reports the state of every connector, Available (step 6: the harness answers)', () =>
    expectConnectorStatuses(t, link, {
      after: accepted.seq, statusOf: () => 'Available',
      requirement: (evseId) => `${TABLE} step 5 and post-scenario validation; Part 2 B01.FR.05: once accepted the station reports each connector: EVSE ${evseId} Available`,
    }));
});
