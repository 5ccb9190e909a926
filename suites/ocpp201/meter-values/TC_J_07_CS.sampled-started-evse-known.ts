import { defineCase } from '../../../harness/dsl/define-case.js';
import { evseIdsOf } from '../../../harness/versions/ocpp201/module.js';
import { configure, endTransaction, energyTransferStarted, measurandsOf, perMeasurand, readVariable, withRestore } from './meter-values-steps.js';

/** TxStartPoint values with which the EVSE is known when the transaction starts (the table's note). */
const EVSE_KNOWN_START_POINTS = ['EVConnected', 'Authorized', 'PowerPathClosed', 'EnergyTransfer', 'DataSigned'];

export default defineCase({
  id: 'TC_J_07_CS',
  title: 'Sampled Meter Values - EventType Started - EVSE known',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: {
    useCase: 'J02 Sending transaction related Meter Values',
    requirements: ['J02.FR.01', 'J02.FR.02', 'J02.FR.03', 'J02.FR.04', 'J02.FR.10', 'E01.FR.09', 'E02.FR.09', 'E03.FR.07', 'E04.FR.05', 'E05.FR.05'],
  },
  purpose: 'A transaction that starts with the EVSE known carries, in its TransactionEvent Started, a meterValue with context Transaction.Begin and a sampledValue per measurand of SampledDataCtrlr.TxStartedMeasurands.',
  refs: ['OCPP 2.0.1 Part 2 E01.FR.09', 'OCPP 2.0.1 Part 2 J02.FR.04'],
  provenance: 'OCPP 2.0.1 Part 6 TC_J_07_CS; ours: TxCtrlr.TxStartPoint is left as it is when it already holds one of the values the table\'s note allows (else set to EVConnected), SampledDataCtrlr.TxStartedMeasurands is set to the declared measurands (both restored afterwards); the optional reusable state ParkingBayOccupied is skipped; steps 3–4 end the transaction (StopAuthorized, EV unplugged).',
  actions: ['plugIn', 'presentIdToken', 'unplug'],
}, async (t) => {
  const { csms, cfg, step } = t;
  const link = await csms.booted();
  const evseId = evseIdsOf(cfg)[0];
  const measurands = measurandsOf(cfg);
  const startPoints = (await readVariable(link, 'TxCtrlr', 'TxStartPoint'))?.split(',').map((s) => s.trim()) ?? [];
  if (startPoints.includes('ParkingBayOccupancy')) t.notApplicable('the table\'s prerequisite: TxCtrlr.TxStartPoint must not contain ParkingBayOccupancy');
  const restore = await configure(t, link, [
    { component: 'SampledDataCtrlr', variable: 'TxStartedMeasurands', value: measurands.join(',') },
    ...(startPoints.some((p) => EVSE_KNOWN_START_POINTS.includes(p)) ? [] : [{ component: 'TxCtrlr', variable: 'TxStartPoint', value: 'EVConnected' }]),
  ]);
  await withRestore(restore, async () => {
    const tx = await step(1, 'Reusable states EVConnectedPreSession and EnergyTransferStarted (steps 1–2): the TransactionEvent Started carries the Transaction.Begin readings', () =>
      energyTransferStarted(t, link, evseId, {
        match: {
          meterValue: { present: true },
          'meterValue.0.sampledValue.0.context': 'Transaction.Begin',
          'meterValue.0.sampledValue': perMeasurand(measurands),
        },
        requirement: 'Part 6 TC_J_07_CS post-scenario validation: the TransactionEvent Started has meterValue, sampledValue[0].context Transaction.Begin, an element per SampledDataCtrlr.TxStartedMeasurands (E01.FR.09, J02.FR.04)',
      }));
    await step(3, 'Reusable state ParkingBayUnoccupied: the transaction ends', () => endTransaction(t, link, evseId, tx));
  });
});
