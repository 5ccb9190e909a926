import { defineCase } from '../../../harness/dsl/define-case.js';
import { ExpectationUnmet } from '../../../harness/dsl/errors.js';
import { diagnosticsLog, diagnosticsStatus, transportFor, UPLOAD_TAKEN } from './firmware-steps.js';

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
  provenance: 'Steps 1–6 as publicly summarised for TC_045_1_CSMS (tzi-OCTT test_tc_045_1_csms.py, SteVe Ocpp16JsonCsmsCertificationIT, EVtivity octt TC_045_1_CSMS): GetDiagnostics.req with a location → GetDiagnostics.conf with a fileName → DiagnosticsStatusNotification Uploading → Uploaded, each answered; expected result: the diagnostics log is uploaded to the location of step 1. The GetDiagnostics is triggered through SUT control, with `transport` as a hint (FTP where declared); the location is the CSMS\'s own. The harness uploads a real diagnostics log (a few kilobytes of text) under the fileName it answered; a location that does not take it is a finding (transfer.failed) — the harness then reports UploadFailed and stops.',
  actions: ['GetDiagnostics'],
}, async ({ cp, sut, cfg, step, transfers }) => {
  const link = await cp.booted();
  const fileName = `diagnostics-${cfg.identity}-${new Date().toISOString().replace(/[:.]/g, '')}.log`;
  link.handle('GetDiagnostics', () => ({ fileName }));

  const request = await step(1, 'The CSMS sends GetDiagnostics with a location; the charge point answers with the fileName (steps 1–2)', async () => {
    await sut.do('GetDiagnostics', { transport: transportFor(cfg, 'ftp') });
    const call = await link.expectCall('GetDiagnostics', {
      match: { location: { present: true } },
      requirement: 'OCPP 1.6 §5.9, §6.25: GetDiagnostics.req SHALL carry the location (directory) the charge point uploads its diagnostics to',
    });
    await call.replied;
    return call.frame.payload;
  });
  const location = String(request.location);

  const uploaded = await step(3, 'DiagnosticsStatusNotification Uploading, and the upload to the location (steps 3–4)', async () => {
    await diagnosticsStatus(link, 'Uploading');
    return transfers.uploadTo(location, fileName, diagnosticsLog(cfg.identity, request), { requirement: UPLOAD_TAKEN });
  });
  if (!uploaded.ok) {
    await diagnosticsStatus(link, 'UploadFailed');
    throw new ExpectationUnmet(`the diagnostics could not be uploaded to ${location}: ${uploaded.detail}`);
  }

  await step(5, 'DiagnosticsStatusNotification Uploaded; the CSMS answers (steps 5–6)', () => diagnosticsStatus(link, 'Uploaded'));
});
