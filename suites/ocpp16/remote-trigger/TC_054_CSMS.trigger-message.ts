import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_054_CSMS',
  title: 'Trigger Message',
  ocpp: '1.6',
  profile: 'RemoteTrigger',
  sut: 'Csms',
  octt: { table: 171, follows: '2024-04' },
  purpose: 'The CSMS asks a charge point for MeterValues, Heartbeat, StatusNotification, DiagnosticsStatusNotification and FirmwareStatusNotification with TriggerMessage, and answers each message the charge point then sends.',
  refs: [
    'OCPP 1.6 §5.17 Trigger Message',
    'OCPP 1.6 §6.51 TriggerMessage.req',
    'OCPP 1.6 §7.32 MessageTrigger',
    'OCPP 1.6 §4.7 MeterValues',
    'OCPP 1.6 §4.6 Heartbeat',
    'OCPP 1.6 §4.9 StatusNotification',
    'OCPP 1.6 §4.4 Diagnostics Status Notification',
    'OCPP 1.6 §4.5 Firmware Status Notification',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 171; ours: every TriggerMessage is asked for through SUT control (MeterValues and StatusNotification with the configured connector); the harness answers Accepted and sends the message only after its answer (§5.17). The triggered MeterValues carries one Energy.Active.Import.Register reading with context Trigger and no transaction.',
  actions: ['TriggerMessage'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const triggered = (requestedMessage: string, withConnector: boolean) => async () => {
    const params = withConnector ? { requestedMessage, connectorId } : { requestedMessage };
    await sut.do('TriggerMessage', params);
    return link.expectCall('TriggerMessage', {
      match: withConnector ? { requestedMessage, connectorId } : { requestedMessage },
      requirement: `OCPP 1.6 §5.17, §6.51; Table 171: the CSMS asks for a ${requestedMessage} with TriggerMessage.req${withConnector ? ', for the connector it concerns' : ''}`,
    });
  };

  const meter = await step(1, 'The CSMS sends TriggerMessage MeterValues for the connector (step 1)', triggered('MeterValues', true));
  await step(2, 'The charge point answers Accepted (step 2)', () => meter.replied);
  await step(3, 'MeterValues with the most recent reading; the CSMS answers (steps 3–4)', () =>
    link.call('MeterValues', {
      connectorId,
      meterValue: [{
        timestamp: new Date().toISOString(),
        sampledValue: [{ value: '5400', context: 'Trigger', measurand: 'Energy.Active.Import.Register', unit: 'Wh' }],
      }],
    }, { requirement: 'OCPP 1.6 §4.7, §5.17: the CSMS answers the MeterValues it asked for' }));

  const heartbeat = await step(5, 'The CSMS sends TriggerMessage Heartbeat (step 5)', triggered('Heartbeat', false));
  await step(6, 'The charge point answers Accepted (step 6)', () => heartbeat.replied);
  await step(7, 'Heartbeat; the CSMS answers with its current time (steps 7–8)', () =>
    link.call('Heartbeat', {}, {
      expect: { currentTime: { present: true } },
      requirement: 'OCPP 1.6 §4.6, §5.17: the CSMS answers the Heartbeat it asked for with its current time',
    }));

  const statusTrigger = await step(9, 'The CSMS sends TriggerMessage StatusNotification for the connector (step 9)', triggered('StatusNotification', true));
  await step(10, 'The charge point answers Accepted (step 10)', () => statusTrigger.replied);
  await step(11, 'StatusNotification of the connector (Available); the CSMS answers (steps 11–12)', () =>
    link.call('StatusNotification', { connectorId, errorCode: 'NoError', status: 'Available', timestamp: new Date().toISOString() }, {
      requirement: 'OCPP 1.6 §4.9, §5.17: the CSMS answers the StatusNotification it asked for',
    }));

  const diagnostics = await step(13, 'The CSMS sends TriggerMessage DiagnosticsStatusNotification (step 13)', triggered('DiagnosticsStatusNotification', false));
  await step(14, 'The charge point answers Accepted (step 14)', () => diagnostics.replied);
  await step(15, 'DiagnosticsStatusNotification Idle; the CSMS answers (steps 15–16)', () =>
    link.call('DiagnosticsStatusNotification', { status: 'Idle' }, {
      requirement: 'OCPP 1.6 §4.4, §5.17: the CSMS answers the DiagnosticsStatusNotification it asked for',
    }));

  const firmware = await step(17, 'The CSMS sends TriggerMessage FirmwareStatusNotification (step 17)', triggered('FirmwareStatusNotification', false));
  await step(18, 'The charge point answers Accepted (step 18)', () => firmware.replied);
  await step(19, 'FirmwareStatusNotification Idle; the CSMS answers (steps 19–20)', () =>
    link.call('FirmwareStatusNotification', { status: 'Idle' }, {
      requirement: 'OCPP 1.6 §4.5, §5.17: the CSMS answers the FirmwareStatusNotification it asked for',
    }));
});
