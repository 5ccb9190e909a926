import { defineCase } from '../../../harness/dsl/define-case.js';
import { evseIdsOf } from '../../../harness/versions/ocpp201/module.js';
import {
  configure, endTransaction, energyTransferStarted, firstTimestamp, judgeSeries, markHere, measurandsOf, nextTimestamp, perMeasurand, withRestore,
} from './meter-values-steps.js';

export default defineCase({
  id: 'TC_J_06_CS',
  title: 'Clock-aligned Meter Values - No Meter Values during transaction',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'J01 Sending Meter Values not related to a transaction' },
  purpose: 'With AlignedDataCtrlr.SendDuringIdle true the charging station sends clock-aligned MeterValues while idle, stops them while a transaction runs (no MeterValues, no clock-aligned readings in TransactionEvent), and sends them again after the transaction.',
  refs: ['OCPP 2.0.1 Part 2 J01.FR.14', 'OCPP 2.0.1 Part 2 J01.FR.19', 'OCPP 2.0.1 Part 2 J01.FR.20'],
  provenance: 'OCPP 2.0.1 Part 6 TC_J_06_CS; ours: the interval is config intervals.meterSampleS but at least 2 s, AlignedDataCtrlr.Measurands is set to the declared measurands (all restored afterwards), two MeterValues are judged before and one after the transaction, the transaction ends (StopAuthorized, EV unplugged) after the interval + 5 s as the table says; during the transaction only clock-aligned readings in TransactionEvents are judged — the table wants no meter data at all, but SendDuringIdle stops only clock-aligned data (J01.FR.19, J01.FR.20) and sampled data the station is configured for must still come (E01.FR.09, J02.FR.11).',
  pics: { all: ['C-28'], text: 'AlignedDataSendDuringIdle is supported' },
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
    { component: 'AlignedDataCtrlr', variable: 'SendDuringIdle', value: 'true' },
  ]);
  const idleSeries = (title: string, count: number) => judgeSeries(t, link, {
    action: 'MeterValues', where: {}, from: markHere(link, title), count, minCount: count,
    durationMs: (count + 1) * intervalS * 1000 + cfg.timeouts.messageMs,
    match: (current, previous) => ({
      'meterValue.0.sampledValue.0.context': 'Sample.Clock',
      'meterValue.0.sampledValue': perMeasurand(measurands),
      ...(previous && firstTimestamp(previous) ? { 'meterValue.0.timestamp': nextTimestamp(firstTimestamp(previous)!, intervalS, cfg.toleranceMs) } : {}),
    }),
    requirement: 'Part 6 TC_J_06_CS steps 1 and 7, post-scenario validation: context Sample.Clock, an element per AlignedDataCtrlr.Measurands, timestamps AlignedDataCtrlr.Interval apart (J01.FR.14)',
  });
  await withRestore(restore, async () => {
    await step(1, 'While idle the charging station sends clock-aligned MeterValues (steps 1–2)', () => idleSeries('clock-aligned MeterValues while idle', 2));
    const tx = await step(3, 'Reusable state EnergyTransferStarted', () => energyTransferStarted(t, link, evseId));
    const during = markHere(link, 'the transaction runs: no clock-aligned meter values');
    await step(4, 'During the transaction the charging station sends no clock-aligned meter values (steps 4–5)', () => sleep(intervalS * 1000 + 5000));
    const stop = markHere(link, 'end of the transaction');
    link.expectQuiet({
      afterSeq: during.seq, beforeSeq: stop.seq,
      forbid: { actions: ['MeterValues'], why: 'AlignedDataCtrlr.SendDuringIdle is true and a transaction is ongoing' },
      requirement: 'Part 6 TC_J_06_CS post-scenario validation: no MeterValuesRequest while the transaction is active (J01.FR.19, J01.FR.20)',
    });
    const txEvents = link.link.calls.slice(during.index, stop.index).filter((c) => c.frame.action === 'TransactionEvent'
      && (c.frame.payload as { transactionInfo?: { transactionId?: unknown } }).transactionInfo?.transactionId === tx.transactionId);
    for (let i = 0; i < txEvents.length; i++) {
      const where = { 'transactionInfo.transactionId': tx.transactionId };
      await link.expectCall('TransactionEvent', {
        after: during.seq, within: 0, where, match: { 'meterValue.0.sampledValue.0.context': { not: 'Sample.Clock' } },
        requirement: 'Part 6 TC_J_06_CS post-scenario validation: no TransactionEvent with clock-aligned readings while the transaction is active (J01.FR.19, J01.FR.20)',
      });
    }
    await step(6, 'Reusable state ParkingBayUnoccupied: the transaction ends', () => endTransaction(t, link, evseId, tx));
    await step(7, 'Idle again, the charging station sends clock-aligned MeterValues (steps 7–8)', () => idleSeries('clock-aligned MeterValues after the transaction', 1));
  });
});
