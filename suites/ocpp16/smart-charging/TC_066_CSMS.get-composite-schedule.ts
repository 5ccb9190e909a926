import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_066_CSMS',
  title: 'Get Composite Schedule',
  ocpp: '1.6',
  profile: 'SmartCharging',
  sut: 'Csms',
  octt: { table: 175, follows: '2024-04' },
  purpose: 'The CSMS requests the composite charging schedule of a connector with GetCompositeSchedule (connector, duration, rate unit) and takes the schedule the charge point reports.',
  refs: [
    'OCPP 1.6 §5.7 Get Composite Schedule',
    'OCPP 1.6 §6.21 GetCompositeSchedule.req',
    'OCPP 1.6 §6.22 GetCompositeSchedule.conf',
    'OCPP 1.6 §7.12 ChargingRateUnitType',
  ],
  provenance: 'Steps 1–2 as publicly summarised for TC_066_CSMS (tzi-OCTT test_tc_066_csms.py, SteVe Ocpp16JsonCsmsCertificationIT, EVtivity octt TC_066_CSMS): GetCompositeSchedule.req with the configured connectorId, duration and charging rate unit, answered Accepted with a composite schedule. The request (duration 3600 s, unit A) is triggered through SUT control; the harness computes the composite from the profiles it holds (charge-point defaults: harness/smart-charging, no startSchedule in the answer per errata §3.57).',
  actions: ['GetCompositeSchedule'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const duration = 3600;

  const request = await step(1, 'The CSMS sends GetCompositeSchedule for the connector (step 1)', async () => {
    await sut.do('GetCompositeSchedule', { connectorId, duration, chargingRateUnit: 'A' });
    return link.expectCall('GetCompositeSchedule', {
      match: { connectorId, duration, chargingRateUnit: 'A' },
      requirement: 'OCPP 1.6 §5.7, §6.21: the CSMS asks for the composite schedule of a connector with GetCompositeSchedule.req giving the connector, the length of the schedule and (optionally) the unit',
    });
  });

  await step(2, 'The charge point answers Accepted with its composite schedule (step 2)', () => request.replied);
});
