import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_055_CSMS',
  title: 'Trigger Message - Rejected',
  ocpp: '1.6',
  profile: 'RemoteTrigger',
  sut: 'Csms',
  octt: { table: 172, follows: '2024-04' },
  purpose: 'The CSMS asks a charge point for MeterValues of a connector it does not have with TriggerMessage and takes the answer Rejected (the message will not be sent).',
  refs: ['OCPP 1.6 §5.17 Trigger Message', 'OCPP 1.6 §6.51 TriggerMessage.req', 'OCPP 1.6 §7.44 TriggerMessageStatus'],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 172; ours: the request is asked for through SUT control with connectorId NumberOfConnectors + 1, a connector the charge point does not have (the table\'s prerequisite: the CSMS can send that); the harness answers Rejected and sends no MeterValues.',
  actions: ['TriggerMessage'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  // Table 172 step 1: NumberOfConnectors + 1, a connector the charge point does not have.
  const connectorId = Math.max(cfg.connectorIds.length, ...cfg.connectorIds) + 1;
  link.handle('TriggerMessage', () => ({ status: 'Rejected' }));

  const trigger = await step(1, `The CSMS sends TriggerMessage MeterValues for connector ${connectorId} (step 1)`, async () => {
    await sut.do('TriggerMessage', { requestedMessage: 'MeterValues', connectorId });
    return link.expectCall('TriggerMessage', {
      match: { requestedMessage: 'MeterValues', connectorId },
      requirement: 'OCPP 1.6 §5.17, §6.51; Table 172 step 1: the CSMS asks for MeterValues with TriggerMessage.req, for connector NumberOfConnectors + 1',
    });
  });

  await step(2, 'The charge point answers Rejected (step 2)', () => trigger.replied);
});
