import { defineCase } from '../../../harness/dsl/define-case.js';
import { backOnline, goOffline, shift } from './cs-offline-steps.js';
import { beforeKey, cleanUpRemoteStop, cleanUpUnplug, inspectKey, restoreBefore, reusableCharging } from './cs-table-states.js';

export default defineCase({
  id: 'TC_036_CS',
  title: 'Connection Loss During Transaction',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 39, follows: '2024-04' },
  purpose: 'Meter values sampled while the connection to the CSMS is lost during a transaction are queued and delivered after reconnecting — for that transaction, with the times they were taken — and sampling goes on at MeterValueSampleInterval.',
  refs: [
    'OCPP 1.6 §3.7 Transaction-related messages',
    'OCPP 1.6 §3.16.1 Charging Session Meter Values',
    'OCPP 1.6 §4.7 MeterValues',
    'OCPP 1.6 §7.33 MeterValue (timestamp)',
    'OCPP 1.6 §9.1 MeterValueSampleInterval, ClockAlignedDataInterval',
    'OCPP 1.6 §5.12 RemoteStopTransaction',
    'OCPP 1.6 §4.9 StatusNotification (A2, B3, C6, F1)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 39; ours: the interval is config intervals.meterSampleS, ClockAlignedDataInterval is set to 0 when the charge point lets it be (no clock-aligned values among the sampled ones), the offline period is three intervals plus the tolerance, the first MeterValues.req after reconnecting must be a queued one (transactionId, a time from the offline period), live sampling is judged after it, a BootNotification on reconnecting is answered but not required (§4.2), and steps 3–6 (remote stop, Finishing, unplug, keys restored) leave the charge point as found.',
  deviations: [
    {
      what: 'Step 1: the live MeterValues.req after the queued ones are also judged on when they arrive (MUST, OCTT not-checked)',
      why: 'the table judges the reported timestamps only; §3.16.1 has samples transmitted at the interval',
      source: 'OCPP 1.6 §3.16.1',
    },
  ],
  actions: ['plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step, sleep, notApplicable }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const intervalS = cfg.intervals.meterSampleS;
  const offlineMs = 3 * intervalS * 1000 + Math.max(500, cfg.toleranceMs); // the table: at least 3 values offline
  const first = await csms.booted();

  const { changes, measurands } = await step(0, `Before: MeterValueSampleInterval = ${intervalS} (ours: ClockAlignedDataInterval = 0 when allowed); read MeterValuesSampledData`, async () => {
    const changes = [await beforeKey({ notApplicable }, first, 'MeterValueSampleInterval', String(intervalS))];
    const aligned = await inspectKey(first, 'ClockAlignedDataInterval');
    if (aligned && aligned.value !== '0' && !aligned.readonly) {
      const res = await first.call('ChangeConfiguration', { key: 'ClockAlignedDataInterval', value: '0' }, { requirement: 'OCPP 1.6 §5.3: ChangeConfiguration is answered' });
      if (res.payload.status === 'Accepted') changes.push({ key: 'ClockAlignedDataInterval', value: '0', original: aligned.value });
    }
    const sampled = (await inspectKey(first, 'MeterValuesSampledData'))?.value;
    const measurands = (sampled ?? '').split(',').map((m) => m.trim()).filter(Boolean);
    return { changes, measurands: measurands.length ? measurands : ['Energy.Active.Import.Register'] };
  });

  const { transactionId } = await step(0, 'Before: reusable state Charging', () => reusableCharging(first, sut, connectorId, idTag));

  const cp = await step(1, `The connection is lost for ${(offlineMs / 1000).toFixed(1)} s; back online, the charge point first delivers the meter values queued offline, for the transaction, with their own times (steps 1–2)`, async () => {
    const offlineAt = await goOffline(csms);
    await sleep(offlineMs);
    const { cp, onlineAt } = await backOnline(csms);
    await cp.expectCall('MeterValues', {
      where: { connectorId },
      match: {
        transactionId,
        'meterValue.0.timestamp': { notBefore: shift(offlineAt, -cfg.toleranceMs), notAfter: onlineAt },
      },
      requirement: 'OCTT Table 39 step 1 (queued values first, in chronological order); OCPP 1.6 §3.7: offline, the charge point MUST queue the transaction-related messages it would have sent (periodic MeterValues.req included) and deliver them after reconnecting; §7.33: each meterValue carries the time it was taken, which lies in the offline period',
    });
    return cp;
  });

  await step(1, `Sampling goes on: MeterValues for the transaction every ${intervalS} s`, async () => {
    await sleep(200); // further queued frames of the burst do not count as live ones
    await cp.expectMeterValues({
      connectorId, transactionId, mode: 'sampled', intervalS, measurands, count: 2,
      after: cp.mark('live meter values from here'),
      // The table judges meterValue.timestamp; when the frames arrived is ours (spec-backed, OCTT does not check it).
      arrivalOctt: 'not-checked',
      requirement: 'OCTT Table 39 step 1 (timestamps MeterValueSampleInterval apart); OCPP 1.6 §3.16.1, §4.7: after reconnecting, MeterValues.req for the transaction every MeterValueSampleInterval seconds, with the measurands of MeterValuesSampledData',
    });
  });

  await step(3, 'RemoteStopTransaction; StopTransaction for the transaction; Finishing', () => cleanUpRemoteStop(cp, connectorId, transactionId));

  await step(4, 'Unplug the cable; the charge point reports Available', () => cleanUpUnplug(cp, sut, connectorId));

  await step(5, 'Restore the configuration keys the case changed', () => restoreBefore(cp, changes));
});
