import { defineCase } from '../../../harness/dsl/define-case.js';
import { configuredConnector, expectTriggered, part6, triggerMessage } from './remote-control-steps.js';

const TC = part6('TC_F_17_CS');

export default defineCase({
  id: 'TC_F_17_CS',
  title: 'Trigger message - FirmwareStatusNotification - Specific EVSE not relevant',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'F06', requirements: ['F06.FR.03', 'F06.FR.04', 'F06.FR.05', 'F06.FR.10'] },
  purpose: 'TriggerMessage FirmwareStatusNotification naming an EVSE (not relevant to that message) is accepted, the EVSE is ignored, and a FirmwareStatusNotificationRequest with status Idle follows.',
  refs: ['OCPP 2.0.1 Part 2 F06.FR.03', 'OCPP 2.0.1 Part 2 F06.FR.10', 'OCPP 2.0.1 Part 2 F06.FR.16'],
  provenance: 'OCPP 2.0.1 Part 6 TC_F_17_CS.',
  pics: { all: ['C-29.4'], text: 'C-29.4' },
}, async (t) => {
  const cp = await t.csms.booted();
  const { evseId } = configuredConnector(t);
  const answer = await t.step(1, `TriggerMessage FirmwareStatusNotification with evse ${evseId}: Accepted (steps 1–2)`, () =>
    triggerMessage(cp, 'FirmwareStatusNotification', 'Accepted', `${TC} step 2 (tool validation); F06.FR.03 (an evse not relevant is ignored), F06.FR.05`, { id: evseId }));
  await t.step(3, 'FirmwareStatusNotificationRequest with status Idle; the harness answers (steps 3–4)', () =>
    expectTriggered(cp, 'FirmwareStatusNotification', answer, { match: { status: 'Idle' }, requirement: `${TC} step 3 (tool validation); F06.FR.03, F06.FR.16` }));
});
