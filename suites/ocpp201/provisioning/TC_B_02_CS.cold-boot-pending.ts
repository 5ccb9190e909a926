import { ExpectationUnmet } from '../../../harness/dsl/errors.js';
import { defineCase } from '../../../harness/dsl/define-case.js';
import { collectReport, expectBoot, expectConnectorStatuses, restoreVariables, readVariable, type VariableRef } from './charging-station-steps.js';

const TABLE = 'Part 6 TC_B_02_CS (Table 19)';
const OFFLINE_THRESHOLD: VariableRef = { component: 'OCPPCommCtrlr', variable: 'OfflineThreshold' };

export default defineCase({
  id: 'TC_B_02_CS',
  title: 'Cold Boot Charging Station - Pending',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'B02 Cold Boot Charging Station - Pending', requirements: ['B02.FR.01', 'B02.FR.02', 'B02.FR.04', 'B02.FR.05', 'B02.FR.06', 'B02.FR.08', 'F06.FR.17'] },
  purpose: 'While its boot is Pending the station answers SetVariables, GetVariables and GetBaseReport (with its NotifyReport parts), rejects a remote start, and on TriggerMessage BootNotification boots again at once; once accepted it reports every connector.',
  refs: ['OCPP 2.0.1 Part 2 B02 (FR.01–FR.08)', 'OCPP 2.0.1 Part 2 F06.FR.17 (TriggerMessage BootNotification)', 'OCPP 2.0.1 Part 2 B01.FR.05'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_02_CS; ours: the reboot is the SUT-control action reboot, the component is named OCPPCommCtrlr as in Part 2 (the table writes OCPPCommCtrl), periodic BootNotification retries while Pending are answered Pending again, and OfflineThreshold is restored after the case.',
  deviations: [
    { what: 'Nothing but BootNotification and the NotifyReport parts asked for is sent between the boot and its acceptance (MUST, not a tool validation)', why: 'The table validates only the messages it lists; Part 2 forbids the rest while Pending', source: 'OCPP 2.0.1 Part 2 B02.FR.02, B01.FR.08' },
    { what: 'Variables the case changed are set back after it (SHOULD)', why: 'Nothing leaks into the next case', source: 'OCPP 2.0.1 Part 2 B05.FR.10' },
  ],
  actions: ['reboot'],
}, async (t) => {
  const { csms, sut, step, cfg } = t;
  await csms.booted();
  // Pending until step 15: then the BootNotification the TriggerMessage asks for (reason Triggered), or any
  // when the station does not implement the trigger.
  let accept: 'none' | 'triggered' | 'any' = 'none';
  const { cp, pendingReply } = await step(1, 'Reboot the station; it sends BootNotification and the harness answers Pending with the heartbeat interval (step 2)', async () => {
    const next = csms.nextConnection({ requirement: `${TABLE} step 1; Part 2 B01.FR.03: after a reboot the station sends BootNotification` });
    await sut.do('reboot');
    const link = await next;
    link.handle('BootNotification', (p, _c, l) => {
      const status = accept === 'any' || (accept === 'triggered' && p.reason === 'Triggered') ? 'Accepted' : 'Pending';
      l.state.bootStatus = status;
      return { status, currentTime: new Date().toISOString(), interval: cfg.intervals.heartbeatS };
    });
    const { reply } = await expectBoot(link, { within: cfg.timeouts.connectMs, requirement: `${TABLE} step 1; Part 2 B01.FR.01: after start-up the station sends BootNotification` });
    return { cp: link, pendingReply: reply };
  });

  const original = await readVariable(cp, OFFLINE_THRESHOLD, `ours: OfflineThreshold is read before step 3 changes it, to restore it (Part 2 B02.FR.02: the station answers requests while Pending)`);
  await step(3, 'While Pending, SetVariables OCPPCommCtrlr.OfflineThreshold = 300 (step 4: Accepted)', () =>
    cp.call('SetVariables', { setVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' }, attributeValue: '300' }] }, {
      expect: { 'setVariableResult.0.attributeStatus': 'Accepted' },
      requirement: `${TABLE} step 4: setVariableResult[0].attributeStatus Accepted (Part 2 B02.FR.02: while Pending the CSMS may configure the station)`,
    }));
  await step(5, 'While Pending, GetVariables OCPPCommCtrlr.OfflineThreshold (step 6: Accepted)', () =>
    cp.call('GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } }] }, {
      expect: { 'getVariableResult.0.attributeStatus': 'Accepted' },
      requirement: `${TABLE} step 6: getVariableResult[0].attributeStatus Accepted (Part 2 B02.FR.02)`,
    }));
  const requestId = Math.floor(Math.random() * 1_000_000);
  const report = await step(7, 'While Pending, GetBaseReport FullInventory (step 8: Accepted), then the NotifyReport parts (steps 9–10)', async () => {
    const res = await cp.call('GetBaseReport', { requestId, reportBase: 'FullInventory' }, {
      expect: { status: 'Accepted' },
      requirement: `${TABLE} step 8: GetBaseReportResponse status Accepted (Part 2 B02.FR.02, B07)`,
    });
    return collectReport(cp, { requestId, after: res.call.seq, table: TABLE, frs: 'B07.FR.03, B07.FR.04 (report while Pending: B02.FR.02)', within: cfg.timeouts.messageMs });
  });
  t.note(`the full inventory came in ${report.parts.length} NotifyReport part(s), ${report.items.length} variables`);
  await step(11, 'While Pending, RequestStartTransaction (step 12: Rejected)', () =>
    cp.call('RequestStartTransaction', { idToken: { idToken: cfg.idTags.accepted, type: 'ISO14443' }, remoteStartId: Math.floor(Math.random() * 1_000_000), evseId: cfg.connectorIds[0] }, {
      expect: { status: 'Rejected' },
      requirement: `${TABLE} step 12: RequestStartTransactionResponse status Rejected (Part 2 B02.FR.05: while Pending the station does not start a transaction on request)`,
    }));
  const trigger = await step(13, 'TriggerMessage BootNotification (step 14: Accepted or NotImplemented)', async () => {
    accept = 'triggered';
    const res = await cp.call('TriggerMessage', { requestedMessage: 'BootNotification' }, {
      expect: { status: { oneOf: ['Accepted', 'NotImplemented'] } },
      requirement: `${TABLE} step 14: TriggerMessageResponse status Accepted or NotImplemented (Part 2 F06.FR.17)`,
    });
    if (res.payload.status !== 'Accepted') accept = 'any';
    return res;
  });
  const accepted = await step(15, 'The station sends BootNotification again, the harness accepts it (step 16)', async () => {
    const triggered = trigger.payload.status === 'Accepted';
    const boot = await cp.expectCall('BootNotification', {
      after: trigger.call.seq,
      // Triggered: at once (before the interval); otherwise the next periodic retry.
      within: (triggered ? 0 : cfg.intervals.heartbeatS * 1000) + cfg.timeouts.messageMs,
      ...(triggered ? { match: { reason: 'Triggered' } } : {}),
      requirement: `${TABLE} step 15: after an Accepted TriggerMessage the station sends BootNotification with reason Triggered (Part 2 F06.FR.17)`,
    });
    const reply = await boot.replied;
    cp.expectQuiet({
      afterSeq: pendingReply.seq, beforeSeq: reply.seq,
      forbid: { actions: '*', except: ['BootNotification', 'NotifyReport'], why: 'while Pending the station sends no other request than BootNotification, except those a CSMS request asked for (B02.FR.02, B02.FR.04)' },
      requirement: 'Part 2 B02.FR.02 and B01.FR.08: between the boot and its acceptance the station sends no other requests than BootNotification and those triggered by the CSMS',
      octt: 'not-checked',
    });
    return reply;
  });
  await step(17, 'The station reports the state of every connector, Available (step 18: the harness answers)', () =>
    expectConnectorStatuses(t, cp, {
      after: accepted.seq, statusOf: () => 'Available',
      requirement: (evseId) => `${TABLE} step 17 and post-scenario validation; Part 2 B01.FR.05: once accepted the station reports each connector: EVSE ${evseId} Available`,
    }));
  if (cp.link.state.bootStatus !== 'Accepted') throw new ExpectationUnmet('the station was not accepted');
  await restoreVariables(t, cp, original === undefined || original === '300' ? [] : [{ v: OFFLINE_THRESHOLD, original }]);
});
