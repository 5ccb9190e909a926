import { defineCase } from '../../../harness/dsl/define-case.js';
import { prepareVariables, restoreVariables, statusInfo } from './charging-station-steps.js';

const TABLE = 'Part 6 TC_B_06_CS (Table 22)';

export default defineCase({
  id: 'TC_B_06_CS',
  title: 'Get Variables - single value',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'B06 Get Variables', requirements: ['B06.FR.01', 'B06.FR.02', 'B06.FR.03', 'B06.FR.04', 'B06.FR.10', 'B06.FR.11'] },
  purpose: 'GetVariables of one required variable (OCPPCommCtrlr.OfflineThreshold, Actual) is answered Accepted with its value, the same component, variable and attributeType.',
  refs: ['OCPP 2.0.1 Part 2 B06.FR.01–FR.04, FR.10, FR.11'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_06_CS; ours: the Before state (OfflineThreshold 300) is set with SetVariables when it differs and restored after the case.',
  deviations: [
    { what: 'Variables the case changed are set back after it (SHOULD)', why: 'Nothing leaks into the next case', source: 'OCPP 2.0.1 Part 2 B05.FR.10' },
  ],
}, async (t) => {
  const { csms, step } = t;
  const cp = await csms.booted();
  const changes = await prepareVariables(t, cp, [[{ component: 'OCPPCommCtrlr', variable: 'OfflineThreshold' }, '300']], TABLE);
  await step(1, 'GetVariables OCPPCommCtrlr.OfflineThreshold, attributeType Actual (step 2: the station answers)', () =>
    cp.call('GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' }, attributeType: 'Actual' }] }, {
      expect: {
        'getVariableResult.0.attributeStatus': 'Accepted',
        'getVariableResult.0.attributeType': 'Actual',
        'getVariableResult.0.attributeValue': '300',
        'getVariableResult.0.component.name': 'OCPPCommCtrlr',
        'getVariableResult.0.variable.name': 'OfflineThreshold',
        ...statusInfo('getVariableResult', 0, ['NoError']),
      },
      requirement: `${TABLE} step 2; Part 2 B06.FR.01–FR.04, B06.FR.10: one result per requested variable, with its component, variable and attributeType, Accepted with the value`,
    }));
  await restoreVariables(t, cp, changes);
});
