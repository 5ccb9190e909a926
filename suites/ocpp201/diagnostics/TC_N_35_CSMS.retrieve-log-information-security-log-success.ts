import { defineCase } from '../../../harness/dsl/define-case.js';
import { csmsRetrievesLog, LOG_UPLOAD_DEVIATION } from './diagnostics-steps.js';

export default defineCase({
  id: 'TC_N_35_CSMS',
  title: 'Retrieve Log Information - Security Log - Success',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'N01', requirements: [] },
  purpose: 'Asked for the security log, the CSMS sends GetLog SecurityLog and answers the LogStatusNotifications Uploading and Uploaded that follow.',
  refs: ['OCPP 2.0.1 Part 2 N01', 'OCPP 2.0.1 Part 6 Table 667'],
  provenance: 'OCPP 2.0.1 Part 6 TC_N_35_CSMS; ours: the operator\'s request is made through SUT control GetLog with a location on the harness\'s own file server, and the harness uploads a small log there under the filename it answered.',
  deviations: [LOG_UPLOAD_DEVIATION],
  actions: ['GetLog'],
}, (t) => csmsRetrievesLog(t, { table: 'TC_N_35_CSMS', logType: 'SecurityLog' }));
