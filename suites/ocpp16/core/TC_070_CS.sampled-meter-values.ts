import { defineCase } from '../../../harness/dsl/define-case.js';
import { beforeKey, cleanUpRemoteStop, cleanUpUnplug, measurandsToJudge, restoreBefore, reusableCharging } from './cs-table-states.js';

/** Sampled readings the case waits for: three intervals after the start, as the table says. */
const READINGS = 3;

export default defineCase({
  id: 'TC_070_CS',
  title: 'Sampled Meter Values',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 27, follows: '2024-04' },
  purpose: 'During a transaction the charge point sends MeterValues every MeterValueSampleInterval, each carrying the measurands of MeterValuesSampledData with context Sample.Periodic.',
  refs: [
    'OCPP 1.6 §3.16.1 Charging Session Meter Values',
    'OCPP 1.6 §4.7 MeterValues',
    'OCPP 1.6 §9.1.19 MeterValueSampleInterval, §9.1.17 MeterValuesSampledData, §9.1.18 MeterValuesSampledDataMaxLength',
    'OCPP 1.6 §9.1.5 ClockAlignedDataInterval',
    'OCPP 1.6 §7.35 ReadingContext (Sample.Periodic)',
    'OCPP 1.6 §5.11 RemoteStartTransaction, §5.12 RemoteStopTransaction',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 27; ours: the interval is config intervals.meterSampleS and the tolerance config toleranceMs; MeterValuesSampledData is set to the declared measurands when the charge point lets it be (else its own list is judged); intervals are judged on arrival too; steps 4–6 (remote stop, unplug, restoring the keys) leave the charge point as found.',
  deviations: [
    {
      what: 'MeterValuesSampledData is set to the declared measurands (at most MeterValuesSampledDataMaxLength) when the key is writable and the charge point accepts it',
      why: 'with the usual default (Energy.Active.Import.Register only) the measurand check would test next to nothing; a refusal is no finding, the charge point\'s own list is judged then',
      source: 'OCPP 1.6 §9.1.17 (MeterValuesSampledData is RW)',
    },
    {
      what: 'a measurand the key does not list is reported at SHOULD (NON_STRICT); arrival gaps are judged too (MUST, OCTT not-checked: the table judges the meterValue timestamps)',
      why: 'the table only asks for a sampledValue of each configured measurand; §9.1.17 names the measurands "to be included", without forbidding more',
      source: 'OCPP 1.6 §9.1.17, §3.16.1',
    },
  ],
  actions: ['plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step, notApplicable }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const intervalS = cfg.intervals.meterSampleS;
  const declared = (cfg.declarationsBySut?.ChargePoint ?? cfg.declarations).measurands;
  const t = { notApplicable };
  const cp = await csms.booted();

  const { changes, measurands } = await step(0, `Before: MeterValueSampleInterval = ${intervalS} s, ClockAlignedDataInterval = 0; GetConfiguration MeterValuesSampledData`, async () => {
    const changes = [
      await beforeKey(t, cp, 'MeterValueSampleInterval', String(intervalS)),
      await beforeKey(t, cp, 'ClockAlignedDataInterval', '0'),
    ];
    const { measurands, change } = await measurandsToJudge(cp, 'MeterValuesSampledData', declared);
    changes.push(change);
    return { changes, measurands };
  });

  const { requested, transactionId } = await step(0, 'Before: reusable state Charging (plug in, RemoteStartTransaction, Authorize when AuthorizeRemoteTxRequests is true, StartTransaction, Charging)', () =>
    reusableCharging(cp, sut, connectorId, idTag));

  await step(3, `MeterValues for the transaction every ${intervalS} s, with the configured measurands, context Sample.Periodic (steps 1–3)`, () =>
    cp.expectMeterValues({
      connectorId, transactionId, mode: 'sampled', intervalS, measurands, count: READINGS, after: requested,
      // The table judges meterValue.timestamp; when the frames arrived is ours (spec-backed, OCTT does not check it).
      arrivalOctt: 'not-checked',
      requirement: 'OCTT Table 27 step 3; OCPP 1.6 §3.16.1, §9.1.19: samples are acquired and transmitted periodically at MeterValueSampleInterval from the start of the transaction; §9.1.17: with the measurands of MeterValuesSampledData; §7.35: context Sample.Periodic',
    }));

  await step(4, 'RemoteStopTransaction; StopTransaction for the transaction; Finishing', () => cleanUpRemoteStop(cp, connectorId, transactionId));

  await step(5, 'Unplug the cable; the charge point reports Available', () => cleanUpUnplug(cp, sut, connectorId));

  await step(6, 'Restore the configuration keys the case changed', () => restoreBefore(cp, changes));
});
