import { defineCase } from '../../../harness/dsl/define-case.js';
import { configure, firstTimestamp, judgeSeries, markHere, measurandsOf, nextTimestamp, perMeasurand, withRestore } from './meter-values-steps.js';

export default defineCase({
  id: 'TC_J_01_CS',
  title: 'Clock-aligned Meter Values - No transaction ongoing',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'J01 Sending Meter Values not related to a transaction', requirements: ['J01.FR.01', 'J01.FR.02', 'J01.FR.03', 'J01.FR.06', 'J01.FR.07', 'J01.FR.08', 'J01.FR.14', 'J01.FR.15'] },
  purpose: 'Without a transaction, the charging station sends MeterValues at every AlignedDataCtrlr.Interval, with context Sample.Clock and a sampledValue per measurand of AlignedDataCtrlr.Measurands.',
  refs: ['OCPP 2.0.1 Part 2 J01.FR.14', 'OCPP 2.0.1 Part 2 J01.FR.15', 'OCPP 2.0.1 Part 2 J01.FR.08'],
  provenance: 'OCPP 2.0.1 Part 6 TC_J_01_CS; ours: the interval is config intervals.meterSampleS but at least 2 s, AlignedDataCtrlr.Measurands is set to the declared measurands, both restored afterwards; the first three MeterValues are judged (the table ends after three), each against the timestamp of the one before.',
}, async (t) => {
  const { csms, cfg, step } = t;
  const link = await csms.booted();
  const intervalS = Math.max(2, cfg.intervals.meterSampleS);
  const measurands = measurandsOf(cfg);
  const restore = await configure(t, link, [
    { component: 'AlignedDataCtrlr', variable: 'Measurands', value: measurands.join(',') },
    { component: 'AlignedDataCtrlr', variable: 'Interval', value: String(intervalS) },
  ]);
  await withRestore(restore, async () => {
    await step(1, 'The charging station sends clock-aligned MeterValues; the harness answers them (steps 1–2; three messages)', () =>
      judgeSeries(t, link, {
        action: 'MeterValues', where: {}, from: markHere(link, 'clock-aligned MeterValues'), count: 3,
        durationMs: 4 * intervalS * 1000 + cfg.timeouts.messageMs, minCount: 3,
        match: (current, previous) => ({
          'meterValue.0.sampledValue.0.context': 'Sample.Clock',
          'meterValue.0.sampledValue': perMeasurand(measurands),
          ...(previous && firstTimestamp(previous) ? { 'meterValue.0.timestamp': nextTimestamp(firstTimestamp(previous)!, intervalS, cfg.toleranceMs) } : {}),
        }),
        requirement: 'Part 6 TC_J_01_CS step 1 and post-scenario validation: context Sample.Clock, an element per AlignedDataCtrlr.Measurands, timestamps AlignedDataCtrlr.Interval apart (or equal, several messages of one reading) (J01.FR.14, J01.FR.15)',
      }));
  });
});
