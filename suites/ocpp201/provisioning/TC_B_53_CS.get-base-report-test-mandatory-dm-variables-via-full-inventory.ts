import { defineCase } from '../../../harness/dsl/define-case.js';
import { checkReportItems, checkRequiredVariables, dataModelConsistent, listHasValues, requestBaseReport } from './charging-station-steps.js';

const TABLE = 'Part 6 TC_B_53_CS (Table 60)';

export default defineCase({
  id: 'TC_B_53_CS',
  title: 'Get Base Report - Test mandatory DM variables via FullInventory',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'B07 Get Base Report', requirements: ['B07.FR.08'] },
  purpose: 'The FullInventory report holds every required component/variable; list variables carry a non-empty valuesList and values from it; WriteOnly variables report no value.',
  refs: ['OCPP 2.0.1 Part 2 B07.FR.08', 'OCPP 2.0.1 Part 2 appendix: Referenced Components and Variables', 'OCPP 2.0.1 Part 2 VariableAttributeType (WriteOnly: no value)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_53_CS; ours: the requestId is random; "the required components/variables are implemented" is judged as: every required variable of the Core functional blocks (and of the charging infrastructure, per configured EVSE) is in the report or, asked with GetVariables, exists.',
}, async (t) => {
  const cp = await t.csms.booted();
  const report = await requestBaseReport(t, cp, { table: TABLE, reportBase: 'FullInventory', frs: 'B07.FR.03, B07.FR.04, B07.FR.10' });
  await t.step(5, 'Post-scenario: required variables implemented; list variables with a non-empty valuesList holding their values; WriteOnly without value', async () => {
    checkReportItems(cp, report, {
      itemMatcher: (item) => ({ ...listHasValues(item) }),
      requirement: `${TABLE} post-scenario validation: a variable of dataType OptionList, SequenceList or MemberList has a valuesList`,
    });
    checkReportItems(cp, report, {
      itemMatcher: dataModelConsistent,
      requirement: `${TABLE} post-scenario validation: a list variable's valuesList is not empty and its value is allowed by it; a WriteOnly variable's value is omitted`,
    });
    await checkRequiredVariables(t, cp, report, `${TABLE} post-scenario validation: the required components/variables are implemented`);
  });
});
