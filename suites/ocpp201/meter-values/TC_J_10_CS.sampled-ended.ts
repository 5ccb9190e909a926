import { defineCase } from '../../../harness/dsl/define-case.js';
import { evseIdsOf } from '../../../harness/versions/ocpp201/module.js';
import { configure, endTransaction, energyTransferStarted, intervalsWithin, measurandsOf, meterValuesOf, perMeasurand, withRestore, SAMPLE_PERIODIC } from './meter-values-steps.js';

export default defineCase({
  id: 'TC_J_10_CS',
  title: 'Sampled Meter Values - EventType Ended',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: {
    useCase: 'J02 Sending transaction related Meter Values',
    requirements: ['J02.FR.01', 'J02.FR.02', 'J02.FR.03', 'J02.FR.04', 'J02.FR.10', 'E06.FR.11', 'E06.FR.17', 'E07.FR.08', 'E07.FR.13', 'E08.FR.09', 'E09.FR.05', 'E10.FR.04', 'E12.FR.07'],
  },
  purpose: 'The TransactionEvent Ended carries the readings taken every SampledDataCtrlr.TxEndedInterval during the transaction (context Sample.Periodic, SampledDataCtrlr.TxEndedInterval apart) and one with context Transaction.End, each with a sampledValue per measurand of SampledDataCtrlr.TxEndedMeasurands.',
  refs: ['OCPP 2.0.1 Part 2 E06.FR.11', 'OCPP 2.0.1 Part 2 J02.FR.04', 'OCPP 2.0.1 Part 2 J02.FR.10'],
  provenance: 'OCPP 2.0.1 Part 6 TC_J_10_CS; ours: the interval is config intervals.meterSampleS, the transaction lasts three intervals (the table\'s <Configured transaction duration>), SampledDataCtrlr.TxEndedMeasurands is set to the declared measurands (all restored afterwards); the interval is judged between the Sample.Periodic readings of the Ended event; the transaction ends by StopAuthorized (local) and the EV unplugged.',
  actions: ['plugIn', 'presentIdToken', 'unplug'],
}, async (t) => {
  const { csms, cfg, step, sleep } = t;
  const link = await csms.booted();
  const evseId = evseIdsOf(cfg)[0];
  const intervalS = cfg.intervals.meterSampleS;
  const measurands = measurandsOf(cfg);
  const restore = await configure(t, link, [
    { component: 'SampledDataCtrlr', variable: 'TxEndedMeasurands', value: measurands.join(',') },
    { component: 'SampledDataCtrlr', variable: 'TxEndedInterval', value: String(intervalS) },
    { component: 'AlignedDataCtrlr', variable: 'TxEndedMeasurands', value: '' },
  ]);
  await withRestore(restore, async () => {
    // Before: reusable state EnergyTransferStarted; the transaction runs its configured duration.
    const tx = await energyTransferStarted(t, link, evseId);
    await sleep(3 * intervalS * 1000 + cfg.toleranceMs);
    await step(1, 'Reusable state ParkingBayUnoccupied: the transaction ends; its TransactionEvent Ended carries the sampled readings', () =>
      endTransaction(t, link, evseId, tx, {
        match: (ended) => ({
          'meterValue.0.sampledValue.0.context': SAMPLE_PERIODIC,
          meterValue: { someItem: [{ sampledValue: { someItem: [{ context: 'Transaction.End' }] } }] },
          'meterValue.0.sampledValue': perMeasurand(measurands),
          ...intervalsWithin(meterValuesOf(ended), 'Sample.Periodic', intervalS, cfg.toleranceMs),
        }),
        requirement: 'Part 6 TC_J_10_CS post-scenario validation: the TransactionEvent Ended has meterValue, sampledValue[0].context Sample.Periodic and one Transaction.End, an element per SampledDataCtrlr.TxEndedMeasurands, timestamps SampledDataCtrlr.TxEndedInterval apart (E06.FR.11, J02.FR.04)',
      }));
  });
});
