import { defineCase } from '../../../harness/dsl/define-case.js';
import { checkReportItems, checkRequiredVariables, hasCharacteristics, listHasValues, requestBaseReport } from './charging-station-steps.js';

const TABLE = 'Part 6 TC_B_13_CS (Table 35)';

export default defineCase({
  id: 'TC_B_13_CS',
  title: 'Get Base Report - FullInventory',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'B07 Get Base Report', requirements: ['B07.FR.01', 'B07.FR.03', 'B07.FR.04', 'B07.FR.08', 'B07.FR.10', 'B07.FR.12'] },
  purpose: 'GetBaseReport FullInventory is accepted and answered with NotifyReport parts (same requestId, seqNo from 0) listing every variable with its characteristics, the required ones included.',
  refs: ['OCPP 2.0.1 Part 2 B07.FR.01, FR.03, FR.04, FR.08, FR.10, FR.12', 'OCPP 2.0.1 Part 2 appendix: Referenced Components and Variables'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_13_CS; ours: the requestId is random; "the required variables are reported" is judged as: every required variable of the Core functional blocks (and of the charging infrastructure, per configured EVSE) is in the report or, asked with GetVariables, exists.',
}, async (t) => {
  const cp = await t.csms.booted();
  const report = await requestBaseReport(t, cp, { table: TABLE, reportBase: 'FullInventory', frs: 'B07.FR.03, B07.FR.04, B07.FR.10' });
  await t.step(5, 'Post-scenario: every reported variable has its characteristics (a list type with its valuesList); the required variables are there', async () => {
    checkReportItems(cp, report, {
      itemMatcher: (item) => ({ ...hasCharacteristics(), ...listHasValues(item) }),
      requirement: `${TABLE} step 3 and post-scenario validation; Part 2 B07.FR.08: FullInventory reports every variable with its VariableCharacteristics (valuesList for OptionList, SequenceList, MemberList)`,
    });
    await checkRequiredVariables(t, cp, report, `${TABLE} post-scenario validation; Part 2 B07.FR.08`);
  });
});
