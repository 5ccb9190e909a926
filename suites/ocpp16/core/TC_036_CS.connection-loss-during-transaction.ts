import { defineCase } from '../../../harness/dsl/define-case.js';
import { plugIn, readKey, restoreKeys, setKey, unplug } from './cs-steps.js';
import { backOnline, goOffline, remoteStartCharging, shift } from './cs-offline-steps.js';

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
  provenance: 'OCTT steps 1–20 as publicly summarised (MeterValueSampleInterval set, ClockAlignedDataInterval 0 → Preparing → RemoteStartTransaction Accepted → StartTransaction → Charging → 2 MeterValues at the interval → connection lost for 65 s → the values sampled meanwhile delivered, in chronological order → 2 MeterValues at the interval → RemoteStopTransaction → StopTransaction reason Remote → Finishing → Preparing → keys restored). Ours: step 1 uses the reusable state Booted; the interval is config intervals.meterSampleS and the offline period one interval plus the tolerance (at least 0.5 s), not 65 s, which makes at least one sample fall into it; the connection is lost right after Charging rather than after two online samples, so the first MeterValues.req on the new connection is the queued one: it must carry the transactionId and a first meterValue timestamp from the offline period (not the time of delivery, judged with config toleranceMs before the loss); the summary wants the queued values in one MeterValues.req, which §3.7 does not require, so they may come in several; the sampling after reconnecting is judged from a short pause after that frame (so further queued frames do not count as live ones); a BootNotification on reconnecting is answered but not required (a lost connection is not a reboot, §4.2); the Authorize.req of AuthorizeRemoteTxRequests true is answered but not required; step 10 unplugs (→ Available) instead of expecting Preparing, to leave the charge point as found.',
  actions: ['plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step, sleep }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const intervalS = cfg.intervals.meterSampleS;
  const offlineMs = intervalS * 1000 + Math.max(500, cfg.toleranceMs);
  const first = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());

  const { changes, measurands } = await step(2, `MeterValueSampleInterval = ${intervalS}, ClockAlignedDataInterval = 0; read MeterValuesSampledData`, async () => {
    const changes = [
      await setKey(first, 'MeterValueSampleInterval', String(intervalS)),
      await setKey(first, 'ClockAlignedDataInterval', '0'),
    ];
    const sampled = await readKey(first, 'MeterValuesSampledData');
    const measurands = (sampled ?? '').split(',').map((m) => m.trim()).filter(Boolean);
    return { changes, measurands: measurands.length ? measurands : ['Energy.Active.Import.Register'] };
  });

  await step(3, `Plug in the cable on connector ${connectorId}; the charge point reports Preparing`, () => plugIn(first, sut, connectorId));

  const { transactionId } = await step(4, 'RemoteStartTransaction: Accepted; StartTransaction with its idTag; Charging', () =>
    remoteStartCharging(first, connectorId, idTag));

  const offlineAt = await step(5, `The connection is lost: the harness CSMS goes offline for ${(offlineMs / 1000).toFixed(1)} s`, async () => {
    const at = await goOffline(csms);
    await sleep(offlineMs);
    return at;
  });

  const cp = await step(6, 'The CSMS is back: the charge point reconnects and first delivers the meter values sampled offline, for the transaction, with their own times', async () => {
    const { cp, onlineAt } = await backOnline(csms);
    await cp.expectCall('MeterValues', {
      where: { connectorId },
      match: {
        transactionId,
        'meterValue.0.timestamp': { notBefore: shift(offlineAt, -cfg.toleranceMs), notAfter: onlineAt },
      },
      requirement: 'OCPP 1.6 §3.7: offline, the charge point MUST queue the transaction-related messages it would have sent (periodic MeterValues.req included) and deliver them after reconnecting; §7.33: each meterValue carries the time it was taken, which lies in the offline period',
    });
    return cp;
  });

  await step(7, `Sampling goes on: MeterValues for the transaction every ${intervalS} s`, async () => {
    await sleep(200); // further queued frames of the burst do not count as live ones
    await cp.expectMeterValues({
      connectorId, transactionId, mode: 'sampled', intervalS, measurands, count: 2,
      after: cp.mark('live meter values from here'),
      requirement: 'OCPP 1.6 §3.16.1, §4.7: after reconnecting, MeterValues.req for the transaction every MeterValueSampleInterval seconds, with the measurands of MeterValuesSampledData',
    });
  });

  const stopping = await step(8, 'RemoteStopTransaction: Accepted; StopTransaction for the transaction with reason Remote', async () => {
    const res = await cp.call('RemoteStopTransaction', { transactionId }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.12: the transaction is still ongoing after the connection loss: RemoteStopTransaction Accepted',
    });
    await cp.expectCall('StopTransaction', {
      after: res.call.seq,
      match: { transactionId, reason: 'Remote' },
      requirement: 'OCPP 1.6 §5.12, §4.10: StopTransaction.req for the transaction; §6.49, §7.36: a remote stop is reason Remote',
    });
    return res.call.seq;
  });

  await step(9, 'The charge point reports Finishing', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: stopping,
      match: { status: 'Finishing' },
      requirement: 'OCPP 1.6 §4.9 (C6): the transaction stopped with the cable still plugged in: Finishing',
    }));

  await step(10, 'Unplug the cable; the charge point reports Available', () => unplug(cp, sut, connectorId));

  await step(11, 'Restore MeterValueSampleInterval and ClockAlignedDataInterval', () => restoreKeys(cp, changes));
});
