import { defineCase } from '../../../harness/dsl/define-case.js';
import { isTrue, plugIn, readKey, readOptionalKey, remoteStop, restoreKeys, setKey, unplug } from './cs-steps.js';

/** Clock-aligned readings the case waits for. */
const READINGS = 2;

export default defineCase({
  id: 'TC_071_CS',
  title: 'Clock-aligned Meter Values',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  purpose: 'During a transaction the charge point sends MeterValues on every ClockAlignedDataInterval boundary counted from midnight, timestamped on the boundary, each carrying exactly the measurands of MeterValuesAlignedData with context Sample.Clock.',
  refs: [
    'OCPP 1.6 §3.16.2 Clock-Aligned Meter Values',
    'OCPP 1.6 §4.7 MeterValues',
    'OCPP 1.6 §9.1.5 ClockAlignedDataInterval, §9.1.15 MeterValuesAlignedData, §9.1.16 MeterValuesAlignedDataMaxLength',
    'OCPP 1.6 §9.1.19 MeterValueSampleInterval',
    'OCPP 1.6 §7.35 ReadingContext (Sample.Clock)',
    'OCPP 1.6 §5.11 RemoteStartTransaction, §5.12 RemoteStopTransaction',
  ],
  provenance: 'OCTT steps 1–19 as publicly summarised (Heartbeat/booted → MeterValueSampleInterval 0 and ClockAlignedDataInterval 15, each set only when it differs → GetConfiguration MeterValuesAlignedData and AuthorizeRemoteTxRequests → Preparing → RemoteStartTransaction Accepted → Authorize when AuthorizeRemoteTxRequests is true → StartTransaction → Charging → 3 MeterValues.req at the ClockAlignedDataInterval (± 1 s), timestamped on the boundaries, with the configured measurands, context Sample.Clock → RemoteStopTransaction → StopTransaction reason Remote and Finishing → Preparing → both keys restored). Ours: step 1 uses the reusable state Booted; ClockAlignedDataInterval is config intervals.meterSampleS but at least 2 s (with 1 s every reading is within a 0.5 s tolerance of some boundary, and one off its boundary could not be told apart), and the tolerance config toleranceMs, to keep the case short; two readings instead of three, which still shows two successive boundaries with none skipped; step 6 also sets MeterValuesAlignedData to the declared measurands (at most MeterValuesAlignedDataMaxLength of them) so that the measurands are put to the test, and step 18 restores it; the cable is plugged in through SUT control; boundaries are judged both on meterValue.timestamp and on arrival; the summary\'s step 17 (Preparing) is replaced by unplug → Available.',
  actions: ['plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const intervalS = Math.max(2, cfg.intervals.meterSampleS);
  const declared = (cfg.declarationsBySut?.ChargePoint ?? cfg.declarations).measurands;
  const cp = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());

  const changes = [
    await step(2, 'MeterValueSampleInterval = 0: no sampled data (GetConfiguration; ChangeConfiguration when it differs) (steps 2–3)', () =>
      setKey(cp, 'MeterValueSampleInterval', '0')),
    await step(4, `ClockAlignedDataInterval = ${intervalS} s (steps 4–5)`, () =>
      setKey(cp, 'ClockAlignedDataInterval', String(intervalS))),
  ];

  const measurands = await step(6, 'MeterValuesAlignedData = the declared measurands, at most MeterValuesAlignedDataMaxLength of them', async () => {
    const max = Number(await readOptionalKey(cp, 'MeterValuesAlignedDataMaxLength'));
    const wanted = Number.isInteger(max) && max > 0 ? declared.slice(0, max) : declared;
    changes.push(await setKey(cp, 'MeterValuesAlignedData', wanted.join(',')));
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

  await step(13, `${READINGS} clock-aligned MeterValues for the transaction, on successive ${intervalS} s boundaries, with exactly the configured measurands, context Sample.Clock`, () =>
    cp.expectMeterValues({
      connectorId, transactionId, mode: 'clockAligned', intervalS, measurands, count: READINGS, after: requested,
      requirement: 'OCPP 1.6 §3.16.2, §9.1.5: clock-aligned data is taken at every ClockAlignedDataInterval boundary counted from 00:00:00 and transmitted at the end of each interval, timestamped with the interval start; §9.1.15: with the measurands of MeterValuesAlignedData; §7.35: context Sample.Clock',
    }));

  await step(14, 'RemoteStopTransaction; StopTransaction for the transaction; Finishing (steps 14–16)', () => remoteStop(cp, connectorId, transactionId));

  await step(17, 'Unplug the cable; the charge point reports Available', () => unplug(cp, sut, connectorId));

  await step(18, 'Restore MeterValueSampleInterval, ClockAlignedDataInterval and MeterValuesAlignedData (steps 18–19)', () => restoreKeys(cp, changes));
});
