import { defineCase } from '../../../harness/dsl/define-case.js';
import { evseIdsOf } from '../../../harness/versions/ocpp201/module.js';
import { configure, endTransaction, energyTransferStarted, intervalsWithin, measurandsOf, meterValuesOf, perMeasurand, withRestore, SAMPLE_PERIODIC } from './meter-values-steps.js';

export default defineCase({
  id: 'TC_J_11_CS',
  title: 'Sampled Meter Values - Signed',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'J02 Sending transaction related Meter Values', requirements: ['J02.FR.21'] },
  purpose: 'With SampledDataCtrlr.SignReadings true, the sampled readings of the TransactionEvent Ended (Sample.Periodic, SampledDataCtrlr.TxEndedInterval apart, and Transaction.End) carry signedMeterValue with a publicKey field.',
  refs: ['OCPP 2.0.1 Part 2 J02.FR.21', 'OCPP 2.0.1 Part 2 E06.FR.11'],
  provenance: 'OCPP 2.0.1 Part 6 TC_J_11_CS; ours: the interval is config intervals.meterSampleS, the transaction lasts three intervals (the table\'s <Configured transaction duration>), SampledDataCtrlr.TxEndedMeasurands is set to the declared measurands (all restored afterwards); signedMeterValue and its publicKey are judged on the first reading at SHOULD as the table words them; the transaction ends by StopAuthorized (local) and the EV unplugged.',
  pics: { all: ['C-42'], text: 'signed meter values are implemented' },
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
    { component: 'SampledDataCtrlr', variable: 'SignReadings', value: 'true' },
  ]);
  await withRestore(restore, async () => {
    // Before: reusable state EnergyTransferStarted; the transaction runs its configured duration.
    const tx = await energyTransferStarted(t, link, evseId);
    await sleep(3 * intervalS * 1000 + cfg.toleranceMs);
    const ended = await step(1, 'Reusable state ParkingBayUnoccupied: the transaction ends; its TransactionEvent Ended carries the signed sampled readings', () =>
      endTransaction(t, link, evseId, tx, {
        match: (e) => ({
          'meterValue.0.sampledValue.0.context': SAMPLE_PERIODIC,
          meterValue: { someItem: [{ sampledValue: { someItem: [{ context: 'Transaction.End' }] } }] },
          'meterValue.0.sampledValue': perMeasurand(measurands),
          ...intervalsWithin(meterValuesOf(e), 'Sample.Periodic', intervalS, cfg.toleranceMs),
        }),
        requirement: 'Part 6 TC_J_11_CS post-scenario validation: the TransactionEvent Ended has meterValue, sampledValue[0].context Sample.Periodic and one Transaction.End, an element per SampledDataCtrlr.TxEndedMeasurands, timestamps SampledDataCtrlr.TxEndedInterval apart (E06.FR.11)',
      }));
    link.checkCall(ended, {
      match: { 'meterValue.0.sampledValue.0.signedMeterValue': { present: true }, 'meterValue.0.sampledValue.0.signedMeterValue.publicKey': { present: true } },
      level: 'SHOULD', octt: 'fails',
      requirement: 'Part 6 TC_J_11_CS post-scenario validation ("should"): sampledValue.signedMeterValue not omitted, with publicKey ("" or a public key, by OCPPCommCtrlr.PublicKeyWithSignedMeterValue) (J02.FR.21)',
    });
  });
});
