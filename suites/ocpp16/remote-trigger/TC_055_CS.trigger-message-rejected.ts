import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_055_CS',
  title: 'Trigger Message - Rejected',
  ocpp: '1.6',
  profile: 'RemoteTrigger',
  sut: 'ChargePoint',
  octt: { table: 76, follows: '2024-04' },
  purpose: 'A TriggerMessage for MeterValues of a connector the charge point does not have is answered Rejected.',
  refs: [
    'OCPP 1.6 §5.17 Trigger Message',
    'OCPP 1.6 §6.51 TriggerMessage.req',
    'OCPP 1.6 §7.44 TriggerMessageStatus (Rejected)',
    'OCPP 1.6 §9.1.21 NumberOfConnectors',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 76; ours: step 1 is the reusable state Booted, and the connector is NumberOfConnectors + 1 read from the charger.',
}, async ({ csms, cfg, step }) => {
  const cp = await step(1, 'The charge point is connected and its boot accepted', () => csms.booted());

  const connectorId = await step(2, 'GetConfiguration of NumberOfConnectors: the first connector id it does not have', async () => {
    const res = await cp.call('GetConfiguration', { key: ['NumberOfConnectors'] }, {
      expect: { 'configurationKey.0.key': 'NumberOfConnectors', 'configurationKey.0.value': { present: true } },
      requirement: 'OCPP 1.6 §9.1.21: NumberOfConnectors is a required Core key',
    });
    const list = Array.isArray(res.payload.configurationKey) ? res.payload.configurationKey as Array<Record<string, unknown>> : [];
    const n = Number(list[0]?.value);
    return (Number.isInteger(n) && n >= 0 ? n : Math.max(...cfg.connectorIds)) + 1;
  });

  await step(3, `TriggerMessage MeterValues for connector ${connectorId}, which does not exist: Rejected (OCTT step 2)`, () =>
    cp.call('TriggerMessage', { requestedMessage: 'MeterValues', connectorId }, {
      expect: { status: 'Rejected' },
      requirement: 'OCPP 1.6 §5.17, §7.44: the charge point indicates whether it will send the requested message; for a connector it does not have it cannot: Rejected',
    }));
});
