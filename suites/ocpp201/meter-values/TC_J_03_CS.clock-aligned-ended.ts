import { defineCase } from '../../../harness/dsl/define-case.js';
import { evseIdsOf } from '../../../harness/versions/ocpp201/module.js';
import { configure, endTransaction, energyTransferStarted, intervalsWithin, measurandsOf, meterValuesOf, perMeasurand, withRestore } from './meter-values-steps.js';

export default defineCase({
  id: 'TC_J_03_CS',
  title: 'Clock-aligned Meter Values - EventType Ended',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: {
    useCase: 'J01 Sending Meter Values not related to a transaction',
    requirements: ['J01.FR.01', 'J01.FR.02', 'J01.FR.03', 'J01.FR.06', 'J01.FR.07', 'J01.FR.08', 'J01.FR.14', 'J01.FR.15', 'E06.FR.11', 'E06.FR.17', 'E07.FR.08', 'E07.FR.13', 'E08.FR.09', 'E09.FR.05', 'E10.FR.04', 'E12.FR.07'],
  },
  purpose: 'The TransactionEvent Ended carries the clock-aligned readings taken every AlignedDataCtrlr.TxEndedInterval during the transaction: context Sample.Clock, AlignedDataCtrlr.TxEndedInterval apart, a sampledValue per measurand of AlignedDataCtrlr.TxEndedMeasurands.',
  refs: ['OCPP 2.0.1 Part 2 E06.FR.11', 'OCPP 2.0.1 Part 2 J01.FR.08'],
  provenance: 'OCPP 2.0.1 Part 6 TC_J_03_CS; ours: the interval is config intervals.meterSampleS but at least 2 s, the transaction lasts four intervals (the table\'s <Configured transaction duration>), AlignedDataCtrlr.TxEndedMeasurands is set to the declared measurands (all restored afterwards); the interval is judged between the Sample.Clock readings of the Ended event; the transaction ends by StopAuthorized (local) and the EV unplugged.',
  actions: ['plugIn', 'presentIdToken', 'unplug'],
}, async (t) => {
  const { csms, cfg, step, sleep } = t;
  const link = await csms.booted();
  const evseId = evseIdsOf(cfg)[0];
  const intervalS = Math.max(2, cfg.intervals.meterSampleS);
  const measurands = measurandsOf(cfg);
  const restore = await configure(t, link, [
    { component: 'AlignedDataCtrlr', variable: 'TxEndedMeasurands', value: measurands.join(',') },
    { component: 'AlignedDataCtrlr', variable: 'TxEndedInterval', value: String(intervalS) },
    { component: 'SampledDataCtrlr', variable: 'TxEndedMeasurands', value: '' },
    { component: 'AlignedDataCtrlr', variable: 'SendDuringIdle', value: 'false', optional: true },
  ]);
  await withRestore(restore, async () => {
    // Before: reusable state EnergyTransferStarted; the transaction runs its configured duration.
    const tx = await energyTransferStarted(t, link, evseId);
    await sleep(4 * intervalS * 1000 + cfg.toleranceMs);
    await step(1, 'Reusable state ParkingBayUnoccupied: the transaction ends; its TransactionEvent Ended carries the clock-aligned readings', () =>
      endTransaction(t, link, evseId, tx, {
        match: (ended) => ({
          meterValue: { present: true },
          'meterValue.0.sampledValue.0.context': 'Sample.Clock',
          'meterValue.0.sampledValue': perMeasurand(measurands),
          ...intervalsWithin(meterValuesOf(ended), 'Sample.Clock', intervalS, cfg.toleranceMs),
        }),
        requirement: 'Part 6 TC_J_03_CS post-scenario validation: the TransactionEvent Ended has meterValue, sampledValue[0].context Sample.Clock, an element per AlignedDataCtrlr.TxEndedMeasurands, timestamps AlignedDataCtrlr.TxEndedInterval apart (E06.FR.11, J01.FR.08)',
      }));
  });
});
