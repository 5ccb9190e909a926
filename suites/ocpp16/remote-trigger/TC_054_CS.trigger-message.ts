import { defineCase } from '../../../harness/dsl/define-case.js';
import type { CaseLink } from '../../../harness/dsl/case-link.js';
import type { Matcher } from '../../../harness/checks/match.js';

const ANSWER_FIRST = 'OCPP 1.6 §5.17: the charge point SHALL first send the TriggerMessage response, then the requested message; an Accepted request SHOULD be sent';

/** TriggerMessage, expecting `status`; the seq of its answer (the requested message must come after it). */
async function trigger(cp: CaseLink, payload: Record<string, unknown>, status: Matcher[string], requirement: string) {
  const res = await cp.call('TriggerMessage', payload, { expect: { status }, requirement });
  return { answered: res.answer.seq, status: res.payload.status };
}

export default defineCase({
  id: 'TC_054_CS',
  title: 'Trigger Message',
  ocpp: '1.6',
  profile: 'RemoteTrigger',
  sut: 'ChargePoint',
  octt: { table: 75, follows: '2024-04' },
  purpose: 'On TriggerMessage the charge point accepts and then sends the requested message: MeterValues and StatusNotification for the connector asked for, Heartbeat, DiagnosticsStatusNotification Idle and (when it implements the trigger) FirmwareStatusNotification Idle.',
  refs: [
    'OCPP 1.6 §5.17 Trigger Message (errata 3.46)',
    'OCPP 1.6 §6.51 TriggerMessage.req',
    'OCPP 1.6 §6.52 TriggerMessage.conf',
    'OCPP 1.6 §7.32 MessageTrigger',
    'OCPP 1.6 §7.44 TriggerMessageStatus',
    'OCPP 1.6 §4.4 Diagnostics Status Notification (Idle only when triggered)',
    'OCPP 1.6 §4.5 Firmware Status Notification (Idle only when triggered)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 75; ours: step 1 is the reusable state Booted, the connector is the first configured one, and BootNotification is not triggered (errata 3.35, 3.40).',
  deviations: [
    { what: 'Each triggered message comes after the TriggerMessage answer within timeouts.messageMs; MeterValues for the connector with a value; StatusNotification Available', why: 'what §5.17 and §4.9 require of a triggered message', source: 'OCPP 1.6 §5.17, §4.7, §4.9' },
  ],
}, async ({ csms, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const cp = await step(1, 'The charge point is connected and its boot accepted', () => csms.booted());

  await step(2, `TriggerMessage MeterValues for connector ${connectorId}: Accepted, then MeterValues for it (OCTT steps 2–3)`, async () => {
    const t = await trigger(cp, { requestedMessage: 'MeterValues', connectorId }, 'Accepted', 'OCPP 1.6 §5.17: the charge point indicates whether it will send the requested message; an existing connector: Accepted');
    await cp.expectCall('MeterValues', {
      after: t.answered,
      match: { connectorId, 'meterValue.0.sampledValue.0.value': { present: true } },
      requirement: `${ANSWER_FIRST}; errata 3.46: a triggered MeterValues.req SHALL return the most recent measurements — for the connector asked for`,
    });
  });

  await step(3, 'TriggerMessage Heartbeat: Accepted, then Heartbeat (OCTT steps 4–5)', async () => {
    const t = await trigger(cp, { requestedMessage: 'Heartbeat' }, 'Accepted', 'OCPP 1.6 §5.17: the charge point indicates whether it will send the requested message: Accepted');
    await cp.expectCall('Heartbeat', {
      after: t.answered,
      requirement: `${ANSWER_FIRST} (a Heartbeat sent meanwhile in normal operation MAY count as complying)`,
    });
  });

  await step(4, `TriggerMessage StatusNotification for connector ${connectorId}: Accepted, then its StatusNotification, Available (OCTT steps 6–7)`, async () => {
    const t = await trigger(cp, { requestedMessage: 'StatusNotification', connectorId }, 'Accepted', 'OCPP 1.6 §5.17: the charge point indicates whether it will send the requested message: Accepted');
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: t.answered,
      match: { status: 'Available' },
      requirement: `${ANSWER_FIRST}; the triggered message gives current information: the connector is not in use, Available (§4.9)`,
    });
  });

  await step(5, 'TriggerMessage DiagnosticsStatusNotification: Accepted, then DiagnosticsStatusNotification Idle (OCTT steps 8–9)', async () => {
    const t = await trigger(cp, { requestedMessage: 'DiagnosticsStatusNotification' }, 'Accepted', 'OCPP 1.6 §5.17: the charge point indicates whether it will send the requested message: Accepted');
    await cp.expectCall('DiagnosticsStatusNotification', {
      after: t.answered,
      match: { status: 'Idle' },
      requirement: `${ANSWER_FIRST}; §4.4, §7.24: not busy uploading diagnostics, the triggered notification says Idle`,
    });
  });

  await step(6, 'TriggerMessage FirmwareStatusNotification: Accepted (or NotImplemented), then FirmwareStatusNotification Idle (OCTT steps 10–11)', async () => {
    const t = await trigger(cp, { requestedMessage: 'FirmwareStatusNotification' }, { oneOf: ['Accepted', 'NotImplemented'] },
      'OCPP 1.6 §5.17: the charge point indicates whether it will send the requested message (NotImplemented when it does not implement it)');
    if (t.status !== 'Accepted') return;
    await cp.expectCall('FirmwareStatusNotification', {
      after: t.answered,
      match: { status: 'Idle' },
      requirement: `${ANSWER_FIRST}; §4.5, §7.25: not busy with a firmware update, the triggered notification says Idle`,
    });
  });
});
