import { defineCase } from '../../../harness/dsl/define-case.js';
import { evseIdsOf } from '../../../harness/versions/ocpp201/module.js';
import {
  configure, endTransaction, energyTransferStarted, firstTimestamp, judgeSeries, markHere, measurandsOf, nextTimestamp, perMeasurand, withRestore,
} from './meter-values-steps.js';

export default defineCase({
  id: 'TC_J_02_CS',
  title: 'Clock-aligned Meter Values - Transaction ongoing',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'J01 Sending Meter Values not related to a transaction', requirements: ['J01.FR.01', 'J01.FR.02', 'J01.FR.03', 'J01.FR.06', 'J01.FR.07', 'J01.FR.08', 'J01.FR.14', 'J01.FR.15'] },
  purpose: 'During a transaction the charging station keeps sending clock-aligned meter values at every AlignedDataCtrlr.Interval: for the EVSE of the transaction in TransactionEvent (triggerReason MeterValueClock) or MeterValues, with context Sample.Clock and a sampledValue per measurand of AlignedDataCtrlr.Measurands.',
  refs: ['OCPP 2.0.1 Part 2 J01.FR.14', 'OCPP 2.0.1 Part 2 J01.FR.22', 'OCPP 2.0.1 Part 2 J01.FR.08'],
  provenance: 'OCPP 2.0.1 Part 6 TC_J_02_CS; ours: the interval is config intervals.meterSampleS but at least 2 s, the transaction lasts four intervals, AlignedDataCtrlr.Measurands is set to the declared measurands (all restored afterwards); the interval is judged on meterValue.timestamp (the time of the reading); steps 5–6 end the transaction (StopAuthorized, EV unplugged).',
  actions: ['plugIn', 'presentIdToken', 'unplug'],
}, async (t) => {
  const { csms, cfg, step, sleep } = t;
  const link = await csms.booted();
  const evseId = evseIdsOf(cfg)[0];
  const intervalS = Math.max(2, cfg.intervals.meterSampleS);
  const measurands = measurandsOf(cfg);
  const restore = await configure(t, link, [
    { component: 'AlignedDataCtrlr', variable: 'Measurands', value: measurands.join(',') },
    { component: 'AlignedDataCtrlr', variable: 'Interval', value: String(intervalS) },
    { component: 'AlignedDataCtrlr', variable: 'SendDuringIdle', value: 'false', optional: true },
  ]);
  await withRestore(restore, async () => {
    // Before: reusable state EnergyTransferStarted.
    const tx = await energyTransferStarted(t, link, evseId);
    const from = markHere(link, 'the transaction runs four clock-aligned intervals');
    await sleep(4 * intervalS * 1000 + cfg.toleranceMs);
    const shape = (requirement: string) => ({
      from, count: 100, durationMs: 0, minCount: 0, requirement,
      match: (current: Parameters<typeof firstTimestamp>[0], previous: Parameters<typeof firstTimestamp>[0] | undefined) => ({
        'meterValue.0.sampledValue.0.context': 'Sample.Clock',
        'meterValue.0.sampledValue': perMeasurand(measurands),
        ...(previous && firstTimestamp(previous) ? { 'meterValue.0.timestamp': nextTimestamp(firstTimestamp(previous)!, intervalS, cfg.toleranceMs) } : {}),
      }),
    });
    const meterValues = await step(1, 'MeterValues sent during the transaction (main meter, idle EVSEs, or the EVSE of the transaction) carry clock-aligned readings (steps 1–2)', () =>
      judgeSeries(t, link, { action: 'MeterValues', where: {}, ...shape('Part 6 TC_J_02_CS step 1 and post-scenario validation: context Sample.Clock, an element per AlignedDataCtrlr.Measurands, timestamps AlignedDataCtrlr.Interval apart (J01.FR.14, J01.FR.22)') }));
    await step(3, 'TransactionEvents with triggerReason MeterValueClock carry the clock-aligned readings of the transaction (steps 3–4)', async () => {
      const where = { 'transactionInfo.transactionId': tx.transactionId, triggerReason: 'MeterValueClock' };
      const events = await judgeSeries(t, link, { action: 'TransactionEvent', where, ...shape('Part 6 TC_J_02_CS step 3 and post-scenario validation: triggerReason MeterValueClock, context Sample.Clock, an element per AlignedDataCtrlr.Measurands, timestamps AlignedDataCtrlr.Interval apart (J01.FR.22)') });
      const forTheEvse = meterValues.some((c) => (c.frame.payload as { evseId?: unknown }).evseId === evseId);
      if (events.length === 0 && !forTheEvse) {
        // J01.FR.22: one of the two ways must carry the readings of the EVSE in the transaction.
        await link.expectCall('TransactionEvent', {
          after: from.seq, within: 0, where,
          requirement: 'OCPP 2.0.1 J01.FR.22, Part 6 TC_J_02_CS steps 1–4: during the transaction the clock-aligned readings of its EVSE come in TransactionEvent (triggerReason MeterValueClock) or MeterValues',
        }).catch(() => undefined);
      }
    });
    await step(5, 'Reusable state ParkingBayUnoccupied: the transaction ends', () => endTransaction(t, link, evseId, tx));
  });
});
