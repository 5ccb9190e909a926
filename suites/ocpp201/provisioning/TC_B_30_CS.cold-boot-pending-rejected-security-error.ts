import { defineCase } from '../../../harness/dsl/define-case.js';
import { expectBoot, expectConnectorStatuses } from './charging-station-steps.js';

const TABLE = 'Part 6 TC_B_30_CS (Table 21)';

export default defineCase({
  id: 'TC_B_30_CS',
  title: 'Cold Boot Charging Station - Pending/Rejected - SecurityError',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'B03 Cold Boot Charging Station - Rejected', requirements: ['B03.FR.08'] },
  purpose: 'While its boot is Rejected the station answers a CSMS request (GetBaseReport) with CALLERROR SecurityError.',
  refs: ['OCPP 2.0.1 Part 2 B03.FR.08', 'OCPP 2.0.1 Part 4 §4.3 (CALLERROR codes)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_30_CS; ours: the harness waits toleranceMs after the Rejected answer to see whether the station disconnects; the boot is caused by the SUT-control action reboot; after the case the harness accepts the next BootNotification (the interval is the heartbeat interval) so the station is Booted again.',
  deviations: [
    { what: 'After the case the station boots again after the interval and reports its connectors (SHOULD)', why: 'Brings the station back to Booted for the next case', source: 'OCPP 2.0.1 Part 2 B03.FR.06, B01.FR.05' },
  ],
  actions: ['reboot'],
}, async (t) => {
  const { csms, sut, step, cfg } = t;
  await csms.booted();
  let boots = 0;
  const { cp } = await step(1, 'Reboot the station; it sends BootNotification and the harness answers Rejected (step 2)', async () => {
    const next = csms.nextConnection({ requirement: `${TABLE} step 1; Part 2 B01.FR.03: after a reboot the station sends BootNotification` });
    await sut.do('reboot');
    const link = await next;
    link.handle('BootNotification', (_p, _c, l) => {
      const status = ++boots === 1 ? 'Rejected' : 'Accepted';
      l.state.bootStatus = status;
      return { status, currentTime: new Date().toISOString(), interval: cfg.intervals.heartbeatS };
    });
    await expectBoot(link, { within: cfg.timeouts.connectMs, requirement: `${TABLE} step 1; Part 2 B01.FR.01: after start-up the station sends BootNotification` });
    return { cp: link };
  });
  await step(3, 'While Rejected, send GetBaseReport FullInventory; the station answers CALLERROR SecurityError (step 4)', async () => {
    // The table sends step 3 only to a station that does not disconnect: give it the tolerance to do so.
    await t.sleep(cfg.toleranceMs);
    if (!cp.isOpen) {
      t.note('the station closed the connection after the Rejected answer: the table sends step 3 only on an open connection');
      return;
    }
    await cp.callExpectingError('GetBaseReport', {
      payload: { requestId: Math.floor(Math.random() * 1_000_000), reportBase: 'FullInventory' },
      exact: ['SecurityError'],
      requirement: `${TABLE} step 4; Part 2 B03.FR.08: while Rejected the station answers any CSMS request with CALLERROR SecurityError`,
    });
  });
  await step(5, 'Ours: the station boots again after the interval and the harness accepts it (back to Booted)', async () => {
    const link = cp.isOpen ? cp : await csms.nextConnection();
    const boot = await link.expectCall('BootNotification', {
      within: cfg.intervals.heartbeatS * 1000 + cfg.timeouts.messageMs, level: 'SHOULD',
      requirement: 'ours: Part 2 B03.FR.06: after the interval the station sends BootNotification again (accepted, so the next case starts Booted)',
    });
    // Its connector statuses show the station took the Accepted answer in (settled, as Booted ends).
    await expectConnectorStatuses(t, link, {
      after: (await boot.replied).seq, level: 'SHOULD', statusOf: () => 'Available',
      requirement: (evseId) => `ours: Part 2 B01.FR.05: once accepted the station reports each connector: EVSE ${evseId} Available`,
    });
  });
});
