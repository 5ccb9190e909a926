import { defineCase } from '../../../harness/dsl/define-case.js';
import { readVariable, type VariableRef } from './charging-station-steps.js';

const TABLE = 'Part 6 TC_B_39_CS (Table 33)';
const MESSAGE_TIMEOUT: VariableRef = { component: 'OCPPCommCtrlr', variable: 'MessageTimeout', instance: 'Default' };

export default defineCase({
  id: 'TC_B_39_CS',
  title: 'Set Variables - Read-only',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'B05 Set Variables', requirements: ['B05.FR.09'] },
  purpose: 'SetVariables of the read-only OCPPCommCtrlr.MessageTimeout (instance Default) is answered Rejected.',
  refs: ['OCPP 2.0.1 Part 2 B05.FR.09', 'OCPP 2.0.1 Part 2 appendices (OCPPCommCtrlr.MessageTimeout: ReadOnly)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_39_CS; ours: the component is named OCPPCommCtrlr as in Part 2 (the table writes OCPPCommCtrl), the value sent is the one the station reports (the table gives none; the schema requires one), so a station that wrongly accepts it keeps its value.',
}, async ({ csms, step }) => {
  const cp = await csms.booted();
  const current = await readVariable(cp, MESSAGE_TIMEOUT, `ours: ${TABLE}: MessageTimeout[Default] is read to send its own value back (Part 2 B06.FR.01)`);
  await step(1, 'SetVariables OCPPCommCtrlr.MessageTimeout[Default], attributeType omitted (step 2: the station answers)', () =>
    cp.call('SetVariables', { setVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'MessageTimeout', instance: 'Default' }, attributeValue: current ?? '30' }] }, {
      expect: {
        'setVariableResult.0.attributeStatus': 'Rejected',
        'setVariableResult.0.component.name': 'OCPPCommCtrlr',
        'setVariableResult.0.variable.name': 'MessageTimeout',
        'setVariableResult.0.variable.instance': 'Default',
      },
      requirement: `${TABLE} step 2; Part 2 B05.FR.09: a variable the station cannot set (ReadOnly) is answered Rejected`,
    }));
});
