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
  provenance: 'OCTT 1.6 TCD 2024-04 Table 175; ours: the request triggered through SUT control (the configured duration and unit); the harness answers with the composite of the profiles it holds (charge-point defaults: harness/versions/ocpp16/smart-charging, no startSchedule per errata §3.57).',
  actions: ['GetCompositeSchedule'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  // The OCTT's configured values: <Configured Charging Schedule Duration> and <Configured Charging Rate Unit>.
  const duration = cfg.smartCharging.durationS;
  const unit = cfg.smartCharging.rateUnit ?? 'A';

  const request = await step(1, 'The CSMS sends GetCompositeSchedule for the connector (step 1)', async () => {
    await sut.do('GetCompositeSchedule', { connectorId, duration, chargingRateUnit: unit });
    return link.expectCall('GetCompositeSchedule', {
      match: { connectorId, duration, chargingRateUnit: unit },
      requirement: 'Table 175 step 1; OCPP 1.6 §5.7, §6.21: the CSMS asks for the composite schedule of a connector with GetCompositeSchedule.req giving the connector, the length of the schedule and (optionally) the unit',
    });
  });

  await step(2, 'The charge point answers Accepted with its composite schedule (step 2)', () => request.replied);
});
