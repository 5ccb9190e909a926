import { defineCase } from '../../../harness/dsl/define-case.js';
import { readVariable, restoreVariables, statusInfo, type VariableRef } from './charging-station-steps.js';

const TABLE = 'Part 6 TC_B_09_CS (Table 27)';
const OFFLINE_THRESHOLD: VariableRef = { component: 'OCPPCommCtrlr', variable: 'OfflineThreshold' };

export default defineCase({
  id: 'TC_B_09_CS',
  title: 'Set Variables - single value',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'B05 Set Variables', requirements: ['B05.FR.01', 'B05.FR.02', 'B05.FR.03', 'B05.FR.10', 'B05.FR.12'] },
  purpose: 'SetVariables of one writable variable (OCPPCommCtrlr.OfflineThreshold = 300, Actual) is answered Accepted with the same component, variable and attributeType.',
  refs: ['OCPP 2.0.1 Part 2 B05.FR.01–FR.03, FR.10, FR.12'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_09_CS; ours: OfflineThreshold is read first and restored after the case.',
  deviations: [
    { what: 'Variables the case changed are set back after it (SHOULD)', why: 'Nothing leaks into the next case', source: 'OCPP 2.0.1 Part 2 B05.FR.10' },
  ],
}, async (t) => {
  const { csms, step } = t;
  const cp = await csms.booted();
  const original = await readVariable(cp, OFFLINE_THRESHOLD, `ours: ${TABLE}: OfflineThreshold is read to restore it after the case (Part 2 B06.FR.01)`);
  await step(1, 'SetVariables OCPPCommCtrlr.OfflineThreshold = 300, attributeType Actual (step 2: the station answers)', () =>
    cp.call('SetVariables', { setVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' }, attributeType: 'Actual', attributeValue: '300' }] }, {
      expect: {
        'setVariableResult.0.attributeStatus': 'Accepted',
        'setVariableResult.0.attributeType': 'Actual',
        'setVariableResult.0.component.name': 'OCPPCommCtrlr',
        'setVariableResult.0.variable.name': 'OfflineThreshold',
        ...statusInfo('setVariableResult', 0, ['NoError']),
      },
      requirement: `${TABLE} step 2; Part 2 B05.FR.01–FR.03, B05.FR.10: one result with the component, variable and attributeType of the request, Accepted`,
    }));
  await restoreVariables(t, cp, original === undefined || original === '300' ? [] : [{ v: OFFLINE_THRESHOLD, original }]);
});
