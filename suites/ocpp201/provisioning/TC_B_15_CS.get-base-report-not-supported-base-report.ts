import { defineCase } from '../../../harness/dsl/define-case.js';

const TABLE = 'Part 6 TC_B_15_CS (Table 37)';

export default defineCase({
  id: 'TC_B_15_CS',
  title: 'Get Base Report - Not Supported base report',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'B07 Get Base Report', requirements: ['B07.FR.02'] },
  purpose: 'A station without the optional SummaryInventory report answers GetBaseReport SummaryInventory NotSupported and sends no NotifyReport for it.',
  refs: ['OCPP 2.0.1 Part 2 B07.FR.02', 'OCPP 2.0.1 Part 2 B07.FR.05'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_15_CS; ours: the wait for a NotifyReport that must not come is messageMs, and that none comes is judged at MUST by B07.FR.05 (the table only notes the wait).',
  pics: { none: ['C-56'], text: 'SummaryInventory is not supported (Advanced Device Management not supported)' },
}, async (t) => {
  const cp = await t.csms.booted();
  const requestId = Math.floor(Math.random() * 1_000_000);
  const res = await t.step(1, 'GetBaseReport SummaryInventory (step 2: the station answers NotSupported)', () =>
    cp.call('GetBaseReport', { requestId, reportBase: 'SummaryInventory' }, {
      expect: { status: 'NotSupported', 'statusInfo.reasonCode': { oneOf: ['UnsupportedParam'], optional: true } },
      requirement: `${TABLE} step 2; Part 2 B07.FR.02: a reportBase the station does not support is answered NotSupported`,
    }));
  await t.step(3, 'The harness waits: no NotifyReport for this request comes (the table\'s note)', async () => {
    const from = cp.mark('watching for a NotifyReport that must not come');
    await t.sleep(t.cfg.timeouts.messageMs);
    const until = cp.mark('stopped watching for NotifyReport');
    cp.expectQuiet({
      afterSeq: Math.min(from, res.answer.seq), beforeSeq: until,
      forbid: { actions: ['NotifyReport'], why: 'a base report answered NotSupported is not sent (B07.FR.05)' },
      requirement: `${TABLE} step 2 note; Part 2 B07.FR.05: after NotSupported the station SHALL NOT send a NotifyReportRequest`,
      octt: 'fails',
    });
  });
});
