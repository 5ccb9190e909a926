import { defineCase } from '../../../harness/dsl/define-case.js';
import { prepareVariables, restoreVariables, resultIndex, statusInfo, type VariableRef } from './charging-station-steps.js';

const TABLE = 'Part 6 TC_B_07_CS (Table 23)';
const OFFLINE_THRESHOLD: VariableRef = { component: 'OCPPCommCtrlr', variable: 'OfflineThreshold' };
const LOCAL_AUTHORIZE_OFFLINE: VariableRef = { component: 'AuthCtrlr', variable: 'LocalAuthorizeOffline' };

export default defineCase({
  id: 'TC_B_07_CS',
  title: 'Get Variables - multiple values',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'B06 Get Variables', requirements: ['B06.FR.01', 'B06.FR.02', 'B06.FR.03', 'B06.FR.04', 'B06.FR.10'] },
  purpose: 'GetVariables of two required variables in one request is answered with one Accepted result per variable, each with its value.',
  refs: ['OCPP 2.0.1 Part 2 B06.FR.01–FR.04, FR.10'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_07_CS; ours: the variables are named as in Part 2 (OCPPCommCtrlr, AuthCtrlr.LocalAuthorizeOffline; the table writes OCPPCommCtrl, AuthCtrl.LocalAuthorizationOffline), the Before state is set with SetVariables when it differs and restored after the case.',
  deviations: [
    { what: 'Variables the case changed are set back after it (SHOULD)', why: 'Nothing leaks into the next case', source: 'OCPP 2.0.1 Part 2 B05.FR.10' },
  ],
}, async (t) => {
  const { csms, step } = t;
  const cp = await csms.booted();
  const changes = await prepareVariables(t, cp, [[OFFLINE_THRESHOLD, '300'], [LOCAL_AUTHORIZE_OFFLINE, 'true']], TABLE);
  await step(1, 'GetVariables OfflineThreshold and LocalAuthorizeOffline (Actual) in one request (step 2: the station answers)', async () => {
    const res = await cp.call('GetVariables', {
      getVariableData: [
        { component: { name: OFFLINE_THRESHOLD.component }, variable: { name: OFFLINE_THRESHOLD.variable }, attributeType: 'Actual' },
        { component: { name: LOCAL_AUTHORIZE_OFFLINE.component }, variable: { name: LOCAL_AUTHORIZE_OFFLINE.variable }, attributeType: 'Actual' },
      ],
    }, { requirement: `${TABLE} step 2; Part 2 B06.FR.01: one GetVariableResult per GetVariableData` });
    for (const [v, value] of [[OFFLINE_THRESHOLD, '300'], [LOCAL_AUTHORIZE_OFFLINE, 'true']] as const) {
      const i = resultIndex(res.payload, 'getVariableResult', v);
      cp.checkAnswer(res, 'GetVariables', {
        expect: {
          [`getVariableResult.${i}.attributeStatus`]: 'Accepted',
          [`getVariableResult.${i}.attributeType`]: 'Actual',
          [`getVariableResult.${i}.attributeValue`]: value,
          [`getVariableResult.${i}.component.name`]: v.component,
          [`getVariableResult.${i}.variable.name`]: v.variable,
          ...statusInfo('getVariableResult', i, ['NoError']),
        },
        requirement: `${TABLE} step 2 (results in any order): ${v.component}.${v.variable} Accepted, Actual, "${value}"; Part 2 B06.FR.02–FR.04, B06.FR.10`,
      });
    }
  });
  await restoreVariables(t, cp, changes);
});
