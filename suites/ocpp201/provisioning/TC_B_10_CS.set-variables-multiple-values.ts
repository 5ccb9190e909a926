import { defineCase } from '../../../harness/dsl/define-case.js';
import { readVariable, restoreVariables, resultIndex, statusInfo, type VariableChange, type VariableRef } from './charging-station-steps.js';

const TABLE = 'Part 6 TC_B_10_CS (Table 28)';
const OFFLINE_THRESHOLD: VariableRef = { component: 'OCPPCommCtrlr', variable: 'OfflineThreshold' };
const LOCAL_AUTHORIZE_OFFLINE: VariableRef = { component: 'AuthCtrlr', variable: 'LocalAuthorizeOffline' };

export default defineCase({
  id: 'TC_B_10_CS',
  title: 'Set Variables - multiple values',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'B05 Set Variables', requirements: ['B05.FR.01', 'B05.FR.02', 'B05.FR.03', 'B05.FR.10', 'B05.FR.12'] },
  purpose: 'SetVariables of two writable variables in one request is answered with one Accepted result per variable.',
  refs: ['OCPP 2.0.1 Part 2 B05.FR.01–FR.03, FR.10, FR.12'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_10_CS; ours: the variables are named as in Part 2 (OCPPCommCtrlr, AuthCtrlr.LocalAuthorizeOffline; the table writes OCPPCommCtrl, AuthCtrl.LocalAuthorizationOffline), both are read first and restored after the case.',
  deviations: [
    { what: 'Variables the case changed are set back after it (SHOULD)', why: 'Nothing leaks into the next case', source: 'OCPP 2.0.1 Part 2 B05.FR.10' },
  ],
}, async (t) => {
  const { csms, step } = t;
  const cp = await csms.booted();
  const wanted = [[OFFLINE_THRESHOLD, '300'], [LOCAL_AUTHORIZE_OFFLINE, 'true']] as const;
  const changes: VariableChange[] = [];
  for (const [v] of wanted) changes.push({ v, original: await readVariable(cp, v, `ours: ${TABLE}: ${v.variable} is read to restore it after the case (Part 2 B06.FR.01)`) });
  await step(1, 'SetVariables OfflineThreshold = 300 and LocalAuthorizeOffline = true (Actual) in one request (step 2: the station answers)', async () => {
    const res = await cp.call('SetVariables', {
      setVariableData: wanted.map(([v, value]) => ({ component: { name: v.component }, variable: { name: v.variable }, attributeType: 'Actual', attributeValue: value })),
    }, { requirement: `${TABLE} step 2; Part 2 B05.FR.01: one SetVariableResult per SetVariableData` });
    for (const [v] of wanted) {
      const i = resultIndex(res.payload, 'setVariableResult', v);
      cp.checkAnswer(res, 'SetVariables', {
        expect: {
          [`setVariableResult.${i}.attributeStatus`]: 'Accepted',
          [`setVariableResult.${i}.attributeType`]: 'Actual',
          [`setVariableResult.${i}.component.name`]: v.component,
          [`setVariableResult.${i}.variable.name`]: v.variable,
          ...statusInfo('setVariableResult', i, ['NoError']),
        },
        requirement: `${TABLE} step 2 (results in any order): ${v.component}.${v.variable} Accepted, Actual; Part 2 B05.FR.02, B05.FR.03, B05.FR.10`,
      });
    }
  });
  await restoreVariables(t, cp, changes.filter((c, i) => c.original !== wanted[i]![1]));
});
