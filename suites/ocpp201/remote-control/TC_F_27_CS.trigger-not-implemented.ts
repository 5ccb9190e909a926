import { defineCase } from '../../../harness/dsl/define-case.js';
import { part6, triggerMessage } from './remote-control-steps.js';

export default defineCase({
  id: 'TC_F_27_CS',
  title: 'Trigger message - NotImplemented',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'F06', requirements: ['F06.FR.08'] },
  purpose: 'A station without a combined (OCPP and ISO 15118) certificate answers TriggerMessage SignCombinedCertificate NotImplemented.',
  refs: ['OCPP 2.0.1 Part 2 F06.FR.08'],
  provenance: 'OCPP 2.0.1 Part 6 TC_F_27_CS.',
  pics: { none: ['ISO-3'], text: 'NOT ISO-3' },
}, async (t) => {
  const cp = await t.csms.booted();
  await t.step(1, 'TriggerMessage SignCombinedCertificate: NotImplemented (steps 1–2)', () =>
    triggerMessage(cp, 'SignCombinedCertificate', 'NotImplemented', `${part6('TC_F_27_CS')} step 2 (tool validation); F06.FR.08`));
});
