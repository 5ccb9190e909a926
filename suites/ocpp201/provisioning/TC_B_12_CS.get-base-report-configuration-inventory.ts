import { defineCase } from '../../../harness/dsl/define-case.js';
import { checkReportItems, hasCharacteristics, listHasValues, requestBaseReport, settable } from './charging-station-steps.js';

const TABLE = 'Part 6 TC_B_12_CS (Table 34)';

export default defineCase({
  id: 'TC_B_12_CS',
  title: 'Get Base Report - ConfigurationInventory',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'B07 Get Base Report', requirements: ['B07.FR.01', 'B07.FR.03', 'B07.FR.04', 'B07.FR.07', 'B07.FR.10', 'B07.FR.12'] },
  purpose: 'GetBaseReport ConfigurationInventory is accepted and answered with NotifyReport parts (same requestId, seqNo from 0) listing the settable variables with their characteristics.',
  refs: ['OCPP 2.0.1 Part 2 B07.FR.01, FR.03, FR.04, FR.07, FR.10, FR.12'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_12_CS; ours: the requestId is random; the post-scenario "required writable variables are reported" is not judged (which required variables are writable is the station\'s choice), the rest of it is judged on every item of every part.',
}, async (t) => {
  const cp = await t.csms.booted();
  const report = await requestBaseReport(t, cp, { table: TABLE, reportBase: 'ConfigurationInventory', frs: 'B07.FR.03, B07.FR.04, B07.FR.10' });
  await t.step(5, 'Post-scenario: every reported variable has its characteristics (a list type with its valuesList) and is ReadWrite or WriteOnly', () => {
    checkReportItems(cp, report, {
      itemMatcher: (item) => ({ ...hasCharacteristics(), ...listHasValues(item), ...settable(item) }),
      requirement: `${TABLE} step 3 and post-scenario validation; Part 2 B07.FR.07: ConfigurationInventory reports the variables the operator can set, with their VariableCharacteristics (valuesList for OptionList, SequenceList, MemberList)`,
    });
  });
});
