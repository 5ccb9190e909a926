import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_055_CSMS',
  title: 'Trigger Message - Rejected',
  ocpp: '1.6',
  profile: 'RemoteTrigger',
  sut: 'Csms',
  octt: { table: 172, follows: '2024-04' },
  purpose: 'The CSMS asks a charge point for MeterValues with TriggerMessage and takes the answer Rejected (the message will not be sent).',
  refs: ['OCPP 1.6 §5.17 Trigger Message', 'OCPP 1.6 §6.51 TriggerMessage.req', 'OCPP 1.6 §7.44 TriggerMessageStatus'],
  provenance: 'Steps 1–2 as publicly summarised for TC_055_CSMS (tzi-OCTT test_tc_055_csms.py, SteVe Ocpp16JsonCsmsCertificationIT, EVtivity octt TC_055_CSMS): TriggerMessage.req with requestedMessage MeterValues, answered Rejected. The request (with the configured connectorId, as SteVe sends it) is triggered through SUT control; for this case the harness answers Rejected and sends no MeterValues.',
  actions: ['TriggerMessage'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  link.handle('TriggerMessage', () => ({ status: 'Rejected' }));

  const trigger = await step(1, 'The CSMS sends TriggerMessage MeterValues (step 1)', async () => {
    await sut.do('TriggerMessage', { requestedMessage: 'MeterValues', connectorId });
    return link.expectCall('TriggerMessage', {
      match: { requestedMessage: 'MeterValues', connectorId },
      requirement: 'OCPP 1.6 §5.17, §6.51: the CSMS asks for MeterValues with TriggerMessage.req',
    });
  });

  await step(2, 'The charge point answers Rejected (step 2)', () => trigger.replied);
});
