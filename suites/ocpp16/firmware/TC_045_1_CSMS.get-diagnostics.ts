import { defineCase } from '../../../harness/dsl/define-case.js';
import { ExpectationUnmet } from '../../../harness/dsl/errors.js';
import { diagnosticsLog, diagnosticsStatus, LOCATION_DEVIATION, transportFor, UPLOAD_TAKEN, withHarnessFiles } from './firmware-steps.js';

export default defineCase({
  id: 'TC_045_1_CSMS',
  title: 'Get Diagnostics',
  ocpp: '1.6',
  profile: 'FirmwareManagement',
  sut: 'Csms',
  octt: { table: 159, follows: '2024-04' },
  purpose: 'The CSMS has a charge point upload its diagnostics: it sends GetDiagnostics with a location that takes the upload and answers DiagnosticsStatusNotification Uploading and Uploaded.',
  refs: [
    'OCPP 1.6 §5.9 Get Diagnostics',
    'OCPP 1.6 §6.25 GetDiagnostics.req',
    'OCPP 1.6 §6.26 GetDiagnostics.conf',
    'OCPP 1.6 §4.4 Diagnostics Status Notification',
    'OCPP 1.6 §7.24 DiagnosticsStatus',
    'OCPP 1.6 §8.2 Upload Diagnostics',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 159; ours: the upload location the CSMS is asked to send (through SUT control, FTP where declared) is a directory on the harness\'s own file server, and the harness uploads a real diagnostics log (a few kilobytes of text) to the location the CSMS sent, under the fileName it answered.',
  deviations: [
    LOCATION_DEVIATION,
    {
      what: 'Step 3: the upload to the location must complete (transfer.failed, MUST)',
      why: 'the table\'s expected result is the log uploaded to the location of step 1; the OCTT only sends the notifications',
      source: 'OCPP 1.6 §5.9, §6.25 (location: where the diagnostics file shall be uploaded), §8.2',
    },
  ],
  actions: ['GetDiagnostics'],
}, async ({ cp, sut, cfg, step, transfers }) => {
  const link = await cp.booted();
  const fileName = `diagnostics-${cfg.identity}-${new Date().toISOString().replace(/[:.]/g, '')}.log`;
  link.handle('GetDiagnostics', () => ({ fileName }));

  await withHarnessFiles(cfg, async (files) => {
    const asked = files.diagnostics(transportFor(cfg, 'ftp'));
    const request = await step(1, 'The CSMS sends GetDiagnostics with the harness\'s upload location; the charge point answers with the fileName (steps 1–2)', async () => {
      await sut.do('GetDiagnostics', { location: asked });
      const call = await link.expectCall('GetDiagnostics', {
        match: { location: asked }, level: 'SHOULD',
        requirement: 'OCPP 1.6 §5.9, §6.25: GetDiagnostics.req carries the location the CSMS was asked to send (ours)',
      });
      await call.replied;
      return call.frame.payload;
    });
    const location = String(request.location);

    const uploaded = await step(3, 'DiagnosticsStatusNotification Uploading, and the upload to the location (steps 3–4)', async () => {
      await diagnosticsStatus(link, 'Uploading');
      return transfers.uploadTo(location, fileName, diagnosticsLog(cfg.identity, request), { requirement: UPLOAD_TAKEN, octt: 'not-checked' });
    });
    if (!uploaded.ok) {
      await diagnosticsStatus(link, 'UploadFailed');
      throw new ExpectationUnmet(`the diagnostics could not be uploaded to ${location}: ${uploaded.detail}`);
    }
  });

  await step(5, 'DiagnosticsStatusNotification Uploaded; the CSMS answers (steps 5–6)', () => diagnosticsStatus(link, 'Uploaded'));
});
