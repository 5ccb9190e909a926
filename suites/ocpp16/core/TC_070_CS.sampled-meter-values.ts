import { defineCase } from '../../../harness/dsl/define-case.js';
import { isTrue, plugIn, readKey, readOptionalKey, remoteStop, restoreKeys, setKey, unplug } from './cs-steps.js';

/** Sampled readings the case waits for. */
const READINGS = 3;

export default defineCase({
  id: 'TC_070_CS',
  title: 'Sampled Meter Values',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  purpose: 'During a transaction the charge point sends MeterValues every MeterValueSampleInterval, each carrying exactly the measurands of MeterValuesSampledData with context Sample.Periodic.',
  refs: [
    'OCPP 1.6 §3.16.1 Charging Session Meter Values',
    'OCPP 1.6 §4.7 MeterValues',
    'OCPP 1.6 §9.1.19 MeterValueSampleInterval, §9.1.17 MeterValuesSampledData, §9.1.18 MeterValuesSampledDataMaxLength',
    'OCPP 1.6 §9.1.5 ClockAlignedDataInterval',
    'OCPP 1.6 §7.35 ReadingContext (Sample.Periodic)',
    'OCPP 1.6 §5.11 RemoteStartTransaction, §5.12 RemoteStopTransaction',
  ],
  provenance: 'OCTT steps 1–19 as publicly summarised (Heartbeat/booted → MeterValueSampleInterval 15 and ClockAlignedDataInterval 0, each set only when it differs → GetConfiguration MeterValuesSampledData and AuthorizeRemoteTxRequests → Preparing → RemoteStartTransaction Accepted → Authorize when AuthorizeRemoteTxRequests is true → StartTransaction → Charging → 3 MeterValues.req 15 s ± 1 s apart with the configured measurands, context Sample.Periodic → RemoteStopTransaction → StopTransaction reason Remote and Finishing → Preparing → both keys restored). Ours: step 1 uses the reusable state Booted; MeterValueSampleInterval is config intervals.meterSampleS and the tolerance config toleranceMs, to keep the case short; step 6 also sets MeterValuesSampledData to the declared measurands (at most MeterValuesSampledDataMaxLength of them) so that the measurands are put to the test, and step 18 restores it; the cable is plugged in through SUT control; intervals are judged both on arrival and on meterValue.timestamp; the summary\'s step 17 (Preparing) is replaced by unplug → Available.',
  actions: ['plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const intervalS = cfg.intervals.meterSampleS;
  const declared = (cfg.declarationsBySut?.ChargePoint ?? cfg.declarations).measurands;
  const cp = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());

  const changes = [
    await step(2, `MeterValueSampleInterval = ${intervalS} s (GetConfiguration; ChangeConfiguration when it differs) (steps 2–3)`, () =>
      setKey(cp, 'MeterValueSampleInterval', String(intervalS))),
    await step(4, 'ClockAlignedDataInterval = 0: no clock-aligned data (steps 4–5)', () =>
      setKey(cp, 'ClockAlignedDataInterval', '0')),
  ];

  const measurands = await step(6, 'MeterValuesSampledData = the declared measurands, at most MeterValuesSampledDataMaxLength of them', async () => {
    const max = Number(await readOptionalKey(cp, 'MeterValuesSampledDataMaxLength'));
    const wanted = Number.isInteger(max) && max > 0 ? declared.slice(0, max) : declared;
    changes.push(await setKey(cp, 'MeterValuesSampledData', wanted.join(',')));
    return wanted;
  });

  const authorizeRemote = await step(7, 'GetConfiguration AuthorizeRemoteTxRequests', async () =>
    isTrue(await readKey(cp, 'AuthorizeRemoteTxRequests')));

  await step(8, `Plug in the cable on connector ${connectorId}; the charge point reports Preparing`, () => plugIn(cp, sut, connectorId));

  const requested = await step(9, 'Send RemoteStartTransaction for the connector and the valid idTag; the charge point accepts it', async () => {
    const res = await cp.call('RemoteStartTransaction', { connectorId, idTag }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.11: a free, plugged-in connector and a valid idTag: RemoteStartTransaction Accepted',
    });
    return res.call.seq;
  });

  if (authorizeRemote) {
    await step(10, 'AuthorizeRemoteTxRequests is true: the charge point sends Authorize for the idTag (the harness accepts it)', () =>
      cp.expectCall('Authorize', {
        after: requested,
        match: { idTag },
        requirement: 'OCPP 1.6 §5.11, §9.1.3 AuthorizeRemoteTxRequests: with true, the charge point authorises the idTag of a remote start (Authorize.req) before starting',
      }));
  }

  const transactionId = await step(11, 'The charge point sends StartTransaction with the idTag and connector of the request', async () => {
    const start = await cp.expectCall('StartTransaction', {
      after: requested,
      match: { idTag, connectorId },
      requirement: 'OCPP 1.6 §5.11: the charge point SHALL use the idTag of RemoteStartTransaction.req in its StartTransaction.req (§4.8)',
    });
    return (await cp.answerOf(start)).transactionId as number;
  });

  await step(12, 'The charge point reports Charging', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: requested,
      match: { status: 'Charging' },
      requirement: 'OCPP 1.6 §4.9 (B3): once energy flows the connector is Charging',
    }));

  await step(13, `${READINGS} sampled MeterValues for the transaction, ${intervalS} s apart, with exactly the configured measurands, context Sample.Periodic`, () =>
    cp.expectMeterValues({
      connectorId, transactionId, mode: 'sampled', intervalS, measurands, count: READINGS, after: requested,
      requirement: 'OCPP 1.6 §3.16.1, §9.1.19: samples are acquired and transmitted periodically at MeterValueSampleInterval from the start of the transaction; §9.1.17: with the measurands of MeterValuesSampledData; §7.35: context Sample.Periodic',
    }));

  await step(14, 'RemoteStopTransaction; StopTransaction for the transaction; Finishing (steps 14–16)', () => remoteStop(cp, connectorId, transactionId));

  await step(17, 'Unplug the cable; the charge point reports Available', () => unplug(cp, sut, connectorId));

  await step(18, 'Restore MeterValueSampleInterval, ClockAlignedDataInterval and MeterValuesSampledData (steps 18–19)', () => restoreKeys(cp, changes));
});
