import { defineCase } from '../../../harness/dsl/define-case.js';
import { part6, triggerMessage } from './remote-control-steps.js';

const TC = part6('TC_F_26_CS');

export default defineCase({
  id: 'TC_F_26_CS',
  title: 'Trigger message - BootNotification - Rejected',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'F06', requirements: ['F06.FR.04', 'F06.FR.05', 'F06.FR.17'] },
  purpose: 'Once its boot was accepted, the station answers TriggerMessage BootNotification Rejected.',
  refs: ['OCPP 2.0.1 Part 2 F06.FR.17'],
  provenance: 'OCPP 2.0.1 Part 6 TC_F_26_CS.',
  pics: { all: ['C-29.6'], text: 'C-29.6' },
}, async (t) => {
  const cp = await t.csms.booted();
  await t.step(1, 'TriggerMessage BootNotification after an accepted boot: Rejected (steps 1–2)', () =>
    triggerMessage(cp, 'BootNotification', 'Rejected', `${TC} step 2 (tool validation); F06.FR.17`));
});
