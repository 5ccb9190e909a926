import { defineCase } from '../../../harness/dsl/define-case.js';
import { readOptionalKey, remoteStartForMeterValues, remoteStop, restoreKeys, setKey, unplug } from './cs-steps.js';

/** Sampled readings the case waits for. */
const READINGS = 3;

export default defineCase({
  id: 'TC_070_CS',
  title: 'Sampled Meter Values',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 27, follows: '2024-04' },
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

  const { requested, transactionId } = await remoteStartForMeterValues(cp, sut, step, connectorId, idTag);

  await step(13, `${READINGS} sampled MeterValues for the transaction, ${intervalS} s apart, with exactly the configured measurands, context Sample.Periodic`, () =>
    cp.expectMeterValues({
      connectorId, transactionId, mode: 'sampled', intervalS, measurands, count: READINGS, after: requested,
      requirement: 'OCPP 1.6 §3.16.1, §9.1.19: samples are acquired and transmitted periodically at MeterValueSampleInterval from the start of the transaction; §9.1.17: with the measurands of MeterValuesSampledData; §7.35: context Sample.Periodic',
    }));

  await step(14, 'RemoteStopTransaction; StopTransaction for the transaction; Finishing (steps 14–16)', () => remoteStop(cp, connectorId, transactionId));

  await step(17, 'Unplug the cable; the charge point reports Available', () => unplug(cp, sut, connectorId));

  await step(18, 'Restore MeterValueSampleInterval, ClockAlignedDataInterval and MeterValuesSampledData (steps 18–19)', () => restoreKeys(cp, changes));
});
