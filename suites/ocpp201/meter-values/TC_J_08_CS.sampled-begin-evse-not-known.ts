import { defineCase } from '../../../harness/dsl/define-case.js';
import { evseIdsOf } from '../../../harness/versions/ocpp201/module.js';
import { configure, endTransaction, energyTransferStarted, measurandsOf, perMeasurand, readVariable, withRestore } from './meter-values-steps.js';

export default defineCase({
  id: 'TC_J_08_CS',
  title: 'Sampled Meter Values - Context Transaction.Begin - EVSE not known',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: {
    useCase: 'J02 Sending transaction related Meter Values',
    requirements: ['J02.FR.01', 'J02.FR.02', 'J02.FR.03', 'J02.FR.04', 'J02.FR.10', 'E01.FR.16', 'E01.FR.17', 'E03.FR.11', 'E04.FR.11', 'E05.FR.08'],
  },
  purpose: 'A transaction that starts before the cable is plugged in (TxStartPoint Authorized) reports its Transaction.Begin readings as soon as the EVSE is known: the first TransactionEvent that carries the EVSE has a meterValue with context Transaction.Begin and a sampledValue per measurand of SampledDataCtrlr.TxStartedMeasurands.',
  refs: ['OCPP 2.0.1 Part 2 E01.FR.16', 'OCPP 2.0.1 Part 2 E01.FR.17', 'OCPP 2.0.1 Part 2 J02.FR.04'],
  provenance: 'OCPP 2.0.1 Part 6 TC_J_08_CS; ours: TxCtrlr.TxStartPoint is left as it is when it already holds Authorized or ParkingBayOccupancy (else set to Authorized), SampledDataCtrlr.TxStartedMeasurands is set to the declared measurands (both restored afterwards); the idToken is presented before the EV is plugged in; steps 2–3 end the transaction (StopAuthorized, EV unplugged).',
  pics: { any: ['C-09.2', 'C-09.6'], none: ['AQ-8'], text: 'C-40 and NOT AQ-8 AND (C-09.2 OR C-09.6): a transaction can start before the EVSE is known' },
  actions: ['plugIn', 'presentIdToken', 'unplug'],
}, async (t) => {
  const { csms, cfg, step } = t;
  const link = await csms.booted();
  const evseId = evseIdsOf(cfg)[0];
  const measurands = measurandsOf(cfg);
  const startPoints = (await readVariable(link, 'TxCtrlr', 'TxStartPoint'))?.split(',').map((s) => s.trim()) ?? [];
  const restore = await configure(t, link, [
    { component: 'SampledDataCtrlr', variable: 'TxStartedMeasurands', value: measurands.join(',') },
    ...(startPoints.includes('Authorized') || startPoints.includes('ParkingBayOccupancy') ? [] : [{ component: 'TxCtrlr', variable: 'TxStartPoint', value: 'Authorized' }]),
  ]);
  await withRestore(restore, async () => {
    const tx = await step(1, 'Reusable state EnergyTransferStarted (authorized first): the first TransactionEvent that carries the EVSE has the Transaction.Begin readings', () =>
      energyTransferStarted(t, link, evseId, {
        authorizeFirst: true, first: 'withEvse',
        match: {
          meterValue: { present: true },
          'meterValue.0.sampledValue.0.context': 'Transaction.Begin',
          'meterValue.0.sampledValue': perMeasurand(measurands),
        },
        requirement: 'Part 6 TC_J_08_CS post-scenario validation: the first TransactionEvent with evse has meterValue, sampledValue[0].context Transaction.Begin, an element per SampledDataCtrlr.TxStartedMeasurands (E01.FR.16, E01.FR.17, J02.FR.04)',
      }));
    await step(2, 'Reusable state ParkingBayUnoccupied: the transaction ends', () => endTransaction(t, link, evseId, tx));
  });
});
