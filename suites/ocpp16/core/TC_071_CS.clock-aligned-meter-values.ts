import { defineCase } from '../../../harness/dsl/define-case.js';
import { beforeKey, cleanUpRemoteStop, cleanUpUnplug, measurandsToJudge, restoreBefore, reusableCharging } from './cs-table-states.js';

/** Clock-aligned readings the case waits for: two successive boundaries, none skipped. */
const READINGS = 2;

export default defineCase({
  id: 'TC_071_CS',
  title: 'Clock-aligned Meter Values',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 28, follows: '2024-04' },
  purpose: 'During a transaction the charge point sends MeterValues on every ClockAlignedDataInterval boundary counted from midnight, timestamped on the boundary, each carrying the measurands of MeterValuesAlignedData with context Sample.Clock.',
  refs: [
    'OCPP 1.6 §3.16.2 Clock-Aligned Meter Values',
    'OCPP 1.6 §4.7 MeterValues',
    'OCPP 1.6 §9.1.5 ClockAlignedDataInterval, §9.1.15 MeterValuesAlignedData, §9.1.16 MeterValuesAlignedDataMaxLength',
    'OCPP 1.6 §9.1.19 MeterValueSampleInterval',
    'OCPP 1.6 §7.35 ReadingContext (Sample.Clock)',
    'OCPP 1.6 §5.11 RemoteStartTransaction, §5.12 RemoteStopTransaction',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 28; ours: ClockAlignedDataInterval is config intervals.meterSampleS but at least 2 s (with 1 s every reading lies within a 0.5 s tolerance of some boundary), the tolerance config toleranceMs; two readings instead of the three intervals of the table (two successive boundaries, none skipped); MeterValuesAlignedData is set to the declared measurands when the charge point lets it be; boundaries are judged on arrival too; steps 4–6 (remote stop, unplug, restoring the keys) leave the charge point as found.',
  deviations: [
    {
      what: 'MeterValuesAlignedData is set to the declared measurands (at most MeterValuesAlignedDataMaxLength) when the key is writable and the charge point accepts it',
      why: 'with the usual default (Energy.Active.Import.Register only) the measurand check would test next to nothing; a refusal is no finding, the charge point\'s own list is judged then',
      source: 'OCPP 1.6 §9.1.15 (MeterValuesAlignedData is RW)',
    },
    {
      what: 'a measurand the key does not list is reported at SHOULD (NON_STRICT); arrival times are judged against the boundaries too (MUST, OCTT not-checked: the table judges the meterValue timestamps)',
      why: 'the table only asks for a sampledValue of each configured measurand; §3.16.2 asks for transmission at the end of each interval',
      source: 'OCPP 1.6 §9.1.15, §3.16.2',
    },
  ],
  actions: ['plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step, notApplicable }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const intervalS = Math.max(2, cfg.intervals.meterSampleS);
  const declared = (cfg.declarationsBySut?.ChargePoint ?? cfg.declarations).measurands;
  const t = { notApplicable };
  const cp = await csms.booted();

  const { changes, measurands } = await step(0, `Before: MeterValueSampleInterval = 0, ClockAlignedDataInterval = ${intervalS} s; GetConfiguration MeterValuesAlignedData`, async () => {
    const changes = [
      await beforeKey(t, cp, 'MeterValueSampleInterval', '0'),
      await beforeKey(t, cp, 'ClockAlignedDataInterval', String(intervalS)),
    ];
    const { measurands, change } = await measurandsToJudge(cp, 'MeterValuesAlignedData', declared);
    changes.push(change);
    return { changes, measurands };
  });

  const { requested, transactionId } = await step(0, 'Before: reusable state Charging (plug in, RemoteStartTransaction, Authorize when AuthorizeRemoteTxRequests is true, StartTransaction, Charging)', () =>
    reusableCharging(cp, sut, connectorId, idTag));

  await step(3, `MeterValues for the transaction on successive ${intervalS} s boundaries, with the configured measurands, context Sample.Clock (steps 1–3)`, () =>
    cp.expectMeterValues({
      connectorId, transactionId, mode: 'clockAligned', intervalS, measurands, count: READINGS, after: requested,
      // The table judges meterValue.timestamp; when the frames arrived is ours (spec-backed, OCTT does not check it).
      arrivalOctt: 'not-checked',
      requirement: 'OCTT Table 28 step 3; OCPP 1.6 §3.16.2, §9.1.5: clock-aligned data is taken at every ClockAlignedDataInterval boundary counted from 00:00:00 and transmitted at the end of each interval, timestamped with the interval start; §9.1.15: with the measurands of MeterValuesAlignedData; §7.35: context Sample.Clock',
    }));

  await step(4, 'RemoteStopTransaction; StopTransaction for the transaction; Finishing', () => cleanUpRemoteStop(cp, connectorId, transactionId));

  await step(5, 'Unplug the cable; the charge point reports Available', () => cleanUpUnplug(cp, sut, connectorId));

  await step(6, 'Restore the configuration keys the case changed', () => restoreBefore(cp, changes));
});
