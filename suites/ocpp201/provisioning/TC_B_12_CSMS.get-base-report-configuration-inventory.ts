import { defineCase } from '../../../harness/dsl/define-case.js';
import { baseReportScenario } from './provisioning-steps.js';

export default defineCase({
  id: 'TC_B_12_CSMS',
  title: 'Get Base Report - ConfigurationInventory',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'B07 Get Base Report', requirements: ['B07.FR.07'] },
  purpose: 'Asked for a ConfigurationInventory report, the CSMS sends GetBaseReportRequest with reportBase ConfigurationInventory and a requestId >= 0, and answers the NotifyReportRequest that follows.',
  refs: ['OCPP 2.0.1 Part 2 B07', 'OCPP 2.0.1 Part 2 B07.FR.07'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_12_CSMS; ours: the operator\'s request is made through SUT control; the harness station then sends its report in one NotifyReportRequest (B07.FR.07), which the CSMS must answer (the table\'s post-scenario validation is manual).',
  pics: { all: ['C-17'] },
  deviations: [{
    what: 'Step 3: the harness station sends the report (NotifyReportRequest for the requestId) and the CSMS must answer it',
    why: 'The table leaves the report to a manual post-scenario validation; answering a CALL is an OCPP-J MUST',
    source: 'OCPP 2.0.1 Part 2 B07.FR.07; OCPP-J 2.0.1 §4.1.7, §4.2.2',
  }],
  actions: ['GetBaseReport'],
}, (t) => baseReportScenario(t, 'ConfigurationInventory', 'TC_B_12_CSMS'));
