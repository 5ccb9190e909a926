import { defineCase } from '../../../harness/dsl/define-case.js';
import { stationUploadsLog } from './diagnostics-steps.js';

export default defineCase({
  id: 'TC_N_35_CS',
  title: 'Retrieve Log Information - Security Log - Success',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'N01', requirements: ['N01.FR.01', 'N01.FR.02', 'N01.FR.03', 'N01.FR.07', 'N01.FR.08', 'N01.FR.09', 'N01.FR.13'] },
  purpose: 'GetLog SecurityLog is Accepted; the station reports Uploading, uploads its security log to the location, and reports Uploaded, both with the GetLog\'s requestId.',
  refs: ['OCPP 2.0.1 Part 2 N01.FR.01 … N01.FR.13', 'OCPP 2.0.1 Part 6 Table 370'],
  provenance: 'OCPP 2.0.1 Part 6 TC_N_35_CS; ours: the log location is a directory on the harness\'s own file servers (HTTP, or FTP where only that is declared); the uploaded file is removed afterwards.',
  deviations: [
    { what: 'That the log really arrived on the harness (under the filename of the GetLogResponse, when one was given) is judged (transfer.failed, MUST)', why: 'an Uploaded the station never earned would pass the table', source: 'OCPP 2.0.1 Part 2 N01.FR.02, N01.FR.03 (SHALL)' },
  ],
}, (t) => stationUploadsLog(t, { table: 'TC_N_35_CS', logType: 'SecurityLog', filenameRequired: false }));
