import { defineCase } from '../../../harness/dsl/define-case.js';
import { evseIdsOf } from '../../../harness/versions/ocpp201/module.js';
import {
  configure, endTransaction, energyTransferStarted, firstTimestamp, judgeSeries, markHere, measurandsOf, nextTimestamp, perMeasurand, withRestore, SAMPLE_PERIODIC,
} from './meter-values-steps.js';

export default defineCase({
  id: 'TC_J_09_CS',
  title: 'Sampled Meter Values - EventType Updated',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: {
    useCase: 'J02 Sending transaction related Meter Values',
    requirements: ['J02.FR.01', 'J02.FR.02', 'J02.FR.03', 'J02.FR.04', 'J02.FR.10', 'J02.FR.11', 'J02.FR.14', 'E02.FR.10', 'E02.FR.11', 'E03.FR.08', 'E03.FR.09', 'E04.FR.06', 'E04.FR.09', 'E11.FR.03', 'E11.FR.06', 'E12.FR.03', 'E12.FR.06'],
  },
  purpose: 'During a transaction the charging station sends TransactionEvent Updated with triggerReason MeterValuePeriodic at every SampledDataCtrlr.TxUpdatedInterval, with context Sample.Periodic and a sampledValue per measurand of SampledDataCtrlr.TxUpdatedMeasurands.',
  refs: ['OCPP 2.0.1 Part 2 J02.FR.11', 'OCPP 2.0.1 Part 2 J02.FR.14', 'OCPP 2.0.1 Part 2 J02.FR.04'],
  provenance: 'OCPP 2.0.1 Part 6 TC_J_09_CS; ours: the interval is config intervals.meterSampleS, the transaction lasts four intervals, SampledDataCtrlr.TxUpdatedMeasurands is set to the declared measurands (all restored afterwards); the interval is judged on meterValue.timestamp (the time of the reading); steps 2–3 end the transaction (StopAuthorized, EV unplugged).',
  actions: ['plugIn', 'presentIdToken', 'unplug'],
}, async (t) => {
  const { csms, cfg, step } = t;
  const link = await csms.booted();
  const evseId = evseIdsOf(cfg)[0];
  const intervalS = cfg.intervals.meterSampleS;
  const measurands = measurandsOf(cfg);
  const restore = await configure(t, link, [
    { component: 'SampledDataCtrlr', variable: 'TxUpdatedMeasurands', value: measurands.join(',') },
    { component: 'SampledDataCtrlr', variable: 'TxUpdatedInterval', value: String(intervalS) },
  ]);
  await withRestore(restore, async () => {
    // Before: reusable state EnergyTransferStarted.
    const tx = await energyTransferStarted(t, link, evseId);
    await step(1, 'The charging station sends TransactionEvents with its sampled meter values during the transaction', () =>
      judgeSeries(t, link, {
        action: 'TransactionEvent', where: { 'transactionInfo.transactionId': tx.transactionId, triggerReason: 'MeterValuePeriodic' },
        from: markHere(link, 'the transaction runs four sampling intervals'), count: 4, durationMs: 4 * intervalS * 1000 + cfg.toleranceMs, minCount: 2,
        match: (current, previous) => ({
          'meterValue.0.sampledValue.0.context': SAMPLE_PERIODIC,
          'meterValue.0.sampledValue': perMeasurand(measurands),
          ...(previous && firstTimestamp(previous) ? { 'meterValue.0.timestamp': nextTimestamp(firstTimestamp(previous)!, intervalS, cfg.toleranceMs) } : {}),
        }),
        requirement: 'Part 6 TC_J_09_CS step 1 and post-scenario validation: triggerReason MeterValuePeriodic, context Sample.Periodic, an element per SampledDataCtrlr.TxUpdatedMeasurands, timestamps SampledDataCtrlr.TxUpdatedInterval apart (or equal, several messages of one reading) (J02.FR.11, J02.FR.14)',
      }));
    await step(2, 'Reusable state ParkingBayUnoccupied: the transaction ends', () => endTransaction(t, link, evseId, tx));
  });
});
