import { defineCase } from '../../../harness/dsl/define-case.js';
import { readOptionalKey, remoteStartForMeterValues, remoteStop, restoreKeys, setKey, unplug } from './cs-steps.js';

/** Clock-aligned readings the case waits for. */
const READINGS = 2;

export default defineCase({
  id: 'TC_071_CS',
  title: 'Clock-aligned Meter Values',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 28, follows: '2024-04' },
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

  const { requested, transactionId } = await remoteStartForMeterValues(cp, sut, step, connectorId, idTag);

  await step(13, `${READINGS} clock-aligned MeterValues for the transaction, on successive ${intervalS} s boundaries, with exactly the configured measurands, context Sample.Clock`, () =>
    cp.expectMeterValues({
      connectorId, transactionId, mode: 'clockAligned', intervalS, measurands, count: READINGS, after: requested,
      requirement: 'OCPP 1.6 §3.16.2, §9.1.5: clock-aligned data is taken at every ClockAlignedDataInterval boundary counted from 00:00:00 and transmitted at the end of each interval, timestamped with the interval start; §9.1.15: with the measurands of MeterValuesAlignedData; §7.35: context Sample.Clock',
    }));

  await step(14, 'RemoteStopTransaction; StopTransaction for the transaction; Finishing (steps 14–16)', () => remoteStop(cp, connectorId, transactionId));

  await step(17, 'Unplug the cable; the charge point reports Available', () => unplug(cp, sut, connectorId));

  await step(18, 'Restore MeterValueSampleInterval, ClockAlignedDataInterval and MeterValuesAlignedData (steps 18–19)', () => restoreKeys(cp, changes));
});
