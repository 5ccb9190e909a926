import { defineCase } from '../../../harness/dsl/define-case.js';
import { label, readVariable, restoreVariables, type VariableChange, type VariableRef } from './charging-station-steps.js';

const TABLE = 'Part 6 TC_B_11_CS (Table 32)';

/** The table's four variables by their step numbers; all but OfflineThreshold only when the station has them. */
const TARGETS: Array<{ step: number; v: VariableRef; optional: boolean }> = [
  { step: 1, v: { component: 'OCPPCommCtrlr', variable: 'OfflineThreshold' }, optional: false },
  { step: 3, v: { component: 'SmartChargingCtrlr', variable: 'LimitChangeSignificance' }, optional: true },
  { step: 5, v: { component: 'AuthCtrlr', variable: 'AuthorizeRemoteStart' }, optional: true },
  { step: 7, v: { component: 'ClockCtrlr', variable: 'NextTimeOffsetTransitionDateTime' }, optional: true },
];

export default defineCase({
  id: 'TC_B_11_CS',
  title: 'Set Variables - invalidly formatted values',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'B05 Set Variables', requirements: ['B05.FR.07'] },
  purpose: 'SetVariables with values of every format (an integer, a decimal, a boolean, a date-time, a word) on an integer, a decimal, a boolean and a date-time variable is answered Accepted or Rejected, with attributeType Actual and the component and variable of the request, and the station stays up.',
  refs: ['OCPP 2.0.1 Part 2 B05.FR.07', 'OCPP 2.0.1 Part 2 B05.FR.12'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_11_CS; ours: the components are named as in Part 2 (OCPPCommCtrlr, SmartChargingCtrlr, AuthCtrlr, ClockCtrlr; the table drops the final r), <configured offlineThreshold> is the value the station reports, a variable counts as supported when GetVariables answers it Accepted, and every variable is restored after the case.',
  deviations: [
    { what: 'Variables the case changed are set back after it (SHOULD)', why: 'Nothing leaks into the next case', source: 'OCPP 2.0.1 Part 2 B05.FR.10' },
  ],
}, async (t) => {
  const { csms, step } = t;
  const cp = await csms.booted();
  const originals: VariableChange[] = [];
  const supported: typeof TARGETS = [];
  for (const target of TARGETS) {
    const original = await readVariable(cp, target.v, `ours: ${TABLE}: ${label(target.v)} is read to know whether the station has it and to restore it (Part 2 B06.FR.01)`);
    if (original === undefined && target.optional) {
      t.note(`${label(target.v)} is not supported: steps ${target.step}–${target.step + 1} are left out, as the table says`);
      continue;
    }
    supported.push(target);
    originals.push({ v: target.v, original });
  }
  const threshold = originals[0]?.original ?? '300';
  const values = [threshold, `${threshold}.1`, 'true', new Date().toISOString(), 'abc'];
  try {
    for (const value of values) {
      for (const { step: n, v } of supported) {
        await step(n, `SetVariables ${label(v)} = ${JSON.stringify(value)} (step ${n + 1}: Accepted or Rejected)`, () =>
          cp.call('SetVariables', { setVariableData: [{ component: { name: v.component }, variable: { name: v.variable }, attributeValue: value }] }, {
            expect: {
              'setVariableResult.0.attributeStatus': { oneOf: ['Accepted', 'Rejected'] },
              'setVariableResult.0.attributeType': 'Actual',
              'setVariableResult.0.component.name': v.component,
              'setVariableResult.0.variable.name': v.variable,
            },
            requirement: `${TABLE} step ${n + 1}; Part 2 B05.FR.07 (a value of the wrong format is Rejected), B05.FR.10 (a value it could set is Accepted), B05.FR.12 (no attributeType in the request: Actual in the result)`,
          }));
      }
    }
  } finally {
    await restoreVariables(t, cp, originals);
  }
});
