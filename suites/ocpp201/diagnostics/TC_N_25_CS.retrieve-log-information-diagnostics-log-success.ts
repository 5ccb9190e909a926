import { defineCase } from '../../../harness/dsl/define-case.js';
import { stationUploadsLog } from './diagnostics-steps.js';

export default defineCase({
  id: 'TC_N_25_CS',
  title: 'Retrieve Log Information - Diagnostics Log - Success',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'N01', requirements: ['N01.FR.01', 'N01.FR.02', 'N01.FR.04', 'N01.FR.07', 'N01.FR.08', 'N01.FR.09', 'N01.FR.13'] },
  purpose: 'GetLog DiagnosticsLog is Accepted with a filename; the station reports Uploading, uploads its diagnostics log to the location, and reports Uploaded, both with the GetLog\'s requestId.',
  refs: ['OCPP 2.0.1 Part 2 N01.FR.01 … N01.FR.13', 'OCPP 2.0.1 Part 6 Table 358'],
  provenance: 'OCPP 2.0.1 Part 6 TC_N_25_CS; ours: the diagnostics logging server is a directory on the harness\'s own file servers (HTTP, or FTP where only that is declared); the uploaded file is removed afterwards. Step 5 of the table says "status Updated", a value UploadLogStatusEnumType does not have: judged as Uploaded (N01.FR.09, and TC_N_35_CS).',
  deviations: [
    { what: 'That the log really arrived on the harness (under the filename of the GetLogResponse) is judged (transfer.failed, MUST)', why: 'an Uploaded the station never earned would pass the table', source: 'OCPP 2.0.1 Part 2 N01.FR.02, N01.FR.04 (SHALL)' },
  ],
}, (t) => stationUploadsLog(t, { table: 'TC_N_25_CS', logType: 'DiagnosticsLog', filenameRequired: true }));
