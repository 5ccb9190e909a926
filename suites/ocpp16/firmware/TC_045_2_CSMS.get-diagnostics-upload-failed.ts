import { defineCase } from '../../../harness/dsl/define-case.js';
import { diagnosticsLog, diagnosticsStatus, transportFor, UPLOAD_TAKEN } from './firmware-steps.js';

export default defineCase({
  id: 'TC_045_2_CSMS',
  title: 'Get Diagnostics - Upload Failed',
  ocpp: '1.6',
  profile: 'FirmwareManagement',
  sut: 'Csms',
  octt: { table: 160, follows: '2024-04' },
  purpose: 'The CSMS handles a diagnostics upload that fails: it sends GetDiagnostics with a location that takes uploads and answers DiagnosticsStatusNotification Uploading and UploadFailed.',
  refs: [
    'OCPP 1.6 §5.9 Get Diagnostics',
    'OCPP 1.6 §6.25 GetDiagnostics.req',
    'OCPP 1.6 §4.4 Diagnostics Status Notification',
    'OCPP 1.6 §7.24 DiagnosticsStatus',
    'OCPP 1.6 §8.2 Upload Diagnostics',
  ],
  provenance: 'Steps 1–6 as publicly summarised for TC_045_2_CSMS (SteVe Ocpp16JsonCsmsCertificationIT, EVtivity octt TC_045_2_CSMS): GetDiagnostics.req with a location → GetDiagnostics.conf with a fileName → DiagnosticsStatusNotification Uploading → UploadFailed, each answered. The GetDiagnostics is triggered through SUT control, with `transport` as a hint (HTTP where declared); the location is the CSMS\'s own. The OCTT only simulates the failure, and so does the harness, on real bytes: the upload breaks off halfway — the harness sends only the first half of its diagnostics log to the location (as a broken FTP STOR leaves a partial file) and reports UploadFailed. A location that does not take even that is a finding (transfer.failed).',
  actions: ['GetDiagnostics'],
}, async ({ cp, sut, cfg, step, note, transfers }) => {
  const link = await cp.booted();
  const fileName = `diagnostics-${cfg.identity}-${new Date().toISOString().replace(/[:.]/g, '')}.log`;
  link.handle('GetDiagnostics', () => ({ fileName }));

  const request = await step(1, 'The CSMS sends GetDiagnostics with a location; the charge point answers with the fileName (steps 1–2)', async () => {
    await sut.do('GetDiagnostics', { transport: transportFor(cfg, 'http') });
    const call = await link.expectCall('GetDiagnostics', {
      match: { location: { present: true } },
      requirement: 'OCPP 1.6 §5.9, §6.25: GetDiagnostics.req SHALL carry the location (directory) the charge point uploads its diagnostics to',
    });
    await call.replied;
    return call.frame.payload;
  });
  const location = String(request.location);

  await step(3, 'DiagnosticsStatusNotification Uploading, and an upload to the location that breaks off halfway (steps 3–4)', async () => {
    await diagnosticsStatus(link, 'Uploading');
    const log = diagnosticsLog(cfg.identity, request);
    const part = log.subarray(0, Math.floor(log.length / 2));
    note(`simulated failure: the upload breaks off after ${part.length} of ${log.length} bytes`);
    await transfers.uploadTo(location, fileName, part, { requirement: UPLOAD_TAKEN });
  });

  await step(5, 'DiagnosticsStatusNotification UploadFailed; the CSMS answers (steps 5–6)', () => diagnosticsStatus(link, 'UploadFailed'));
});
