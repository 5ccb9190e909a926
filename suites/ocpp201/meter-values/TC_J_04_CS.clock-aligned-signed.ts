import { defineCase } from '../../../harness/dsl/define-case.js';
import { evseIdsOf } from '../../../harness/versions/ocpp201/module.js';
import { configure, endTransaction, energyTransferStarted, intervalsWithin, measurandsOf, meterValuesOf, perMeasurand, withRestore } from './meter-values-steps.js';

export default defineCase({
  id: 'TC_J_04_CS',
  title: 'Clock-aligned Meter Values - Signed',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'J01 Sending Meter Values not related to a transaction', requirements: ['J01.FR.21'] },
  purpose: 'With AlignedDataCtrlr.SignReadings true, the TransactionEvent Ended carries the clock-aligned readings of the transaction (Sample.Clock, AlignedDataCtrlr.TxEndedInterval apart) with signedMeterValue and a publicKey field.',
  refs: ['OCPP 2.0.1 Part 2 J01.FR.21', 'OCPP 2.0.1 Part 2 E06.FR.11'],
  provenance: 'OCPP 2.0.1 Part 6 TC_J_04_CS; ours: the interval is config intervals.meterSampleS but at least 2 s, the transaction lasts four intervals (the table\'s <Configured transaction duration>), AlignedDataCtrlr.TxEndedMeasurands is set to the declared measurands (all restored afterwards); the table words every validation but the presence of meterValue as "should", so those are judged at SHOULD; the transaction ends by StopAuthorized (local) and the EV unplugged.',
  pics: { all: ['C-42'], text: 'signed meter values are implemented' },
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
    { component: 'AlignedDataCtrlr', variable: 'SendDuringIdle', value: 'false', optional: true },
    { component: 'AlignedDataCtrlr', variable: 'SignReadings', value: 'true' },
  ]);
  await withRestore(restore, async () => {
    // Before: reusable state EnergyTransferStarted; the transaction runs its configured duration.
    const tx = await energyTransferStarted(t, link, evseId);
    await sleep(4 * intervalS * 1000 + cfg.toleranceMs);
    const ended = await step(1, 'Reusable state ParkingBayUnoccupied: the transaction ends; its TransactionEvent Ended carries the signed clock-aligned readings', () =>
      endTransaction(t, link, evseId, tx, {
        match: () => ({ meterValue: { present: true } }),
        requirement: 'Part 6 TC_J_04_CS post-scenario validation: the TransactionEvent Ended contains meterValue (E06.FR.11)',
      }));
    link.checkCall(ended, {
      match: {
        'meterValue.0.sampledValue.0.context': 'Sample.Clock',
        'meterValue.0.sampledValue': perMeasurand(measurands),
        ...intervalsWithin(meterValuesOf(ended), 'Sample.Clock', intervalS, cfg.toleranceMs),
        'meterValue.0.sampledValue.0.signedMeterValue': { present: true },
        'meterValue.0.sampledValue.0.signedMeterValue.publicKey': { present: true },
      },
      level: 'SHOULD', octt: 'fails',
      requirement: 'Part 6 TC_J_04_CS post-scenario validation ("should"): sampledValue[0].context Sample.Clock, an element per AlignedDataCtrlr.TxEndedMeasurands, timestamps AlignedDataCtrlr.TxEndedInterval apart, signedMeterValue with publicKey (J01.FR.21)',
    });
  });
});
