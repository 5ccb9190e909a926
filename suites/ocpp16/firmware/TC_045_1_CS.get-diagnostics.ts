import { defineCase } from '../../../harness/dsl/define-case.js';
import { casePath, cpTransport, expectStatus, slowStepMs, urlFor } from './firmware-cs-steps.js';

export default defineCase({
  id: 'TC_045_1_CS',
  title: 'Get Diagnostics',
  ocpp: '1.6',
  profile: 'FirmwareManagement',
  sut: 'ChargePoint',
  octt: { table: 58, follows: '2024-04' },
  purpose: 'The charge point answers GetDiagnostics with the name of the file it will upload, reports Uploading and Uploaded, and the file really arrives on the harness\'s server in the location it was given, under that name, not empty.',
  refs: [
    'OCPP 1.6 §5.9 Get Diagnostics (errata 3.31)',
    'OCPP 1.6 §6.25 GetDiagnostics.req',
    'OCPP 1.6 §6.26 GetDiagnostics.conf (fileName)',
    'OCPP 1.6 §4.4 Diagnostics Status Notification',
    'OCPP 1.6 §7.24 DiagnosticsStatus',
    'OCPP 1.6 §8.2 Upload Diagnostics',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 58; ours: the location is a directory on the harness\'s own file server (FTP where declared).',
  deviations: [
    { what: 'GetDiagnostics.conf names the file, and the file arrived there before Uploaded (transfer.failed) (MUST, OCTT not-checked)', why: 'the table\'s expected result is the log at the location', source: 'OCPP 1.6 §5.9, §6.26' },
  ],
}, async ({ csms, cfg, step, note, notApplicable }) => {
  const transport = cpTransport({ cfg, notApplicable }, 'ftp');
  const cp = await step(0, 'The charge point is connected and its boot accepted', () => csms.booted());
  const files = await csms.files();
  const dir = casePath('diagnostics', 'TC_045_1_CS', '');
  const location = urlFor(files, transport, dir);

  const { requested, fileName } = await step(1, `GetDiagnostics with a location on the harness (${transport.toUpperCase()} directory): the charge point names the file it will upload (OCTT steps 1–2)`, async () => {
    const res = await cp.call('GetDiagnostics', { location }, {
      expect: { fileName: { present: true } }, octt: 'not-checked', // ours, see deviations
      requirement: 'OCPP 1.6 §5.9, §6.26: when diagnostics information is available the charge point SHALL respond with GetDiagnostics.conf stating the name of the file it will upload',
    });
    return { requested: res.call.seq, fileName: typeof res.payload.fileName === 'string' ? res.payload.fileName : undefined };
  });

  const uploading = await step(3, 'DiagnosticsStatusNotification Uploading (OCTT steps 3–4)', () =>
    expectStatus(cp, 'DiagnosticsStatusNotification', 'Uploading', {
      after: requested,
      requirement: 'OCPP 1.6 §4.4, §5.9 (errata 3.31): during the upload the charge point MUST send DiagnosticsStatusNotification.req: Uploading',
    }));

  await step(5, 'DiagnosticsStatusNotification Uploaded, and the file arrived on the harness (OCTT steps 5–6)', async () => {
    const uploaded = await expectStatus(cp, 'DiagnosticsStatusNotification', 'Uploaded', {
      after: uploading.event.seq, within: slowStepMs(cfg),
      requirement: 'OCPP 1.6 §4.4, §5.9: the charge point informs the Central System that the upload finished successfully: Uploaded (§7.24)',
    });
    const record = await csms.expectTransfer({
      direction: 'upload', location, path: dir, after: requested, filename: fileName, minBytes: 1,
      claim: `DiagnosticsStatusNotification Uploaded (frame #${uploaded.event.seq})`, octt: 'not-checked', // ours, see deviations
      requirement: 'OCPP 1.6 §5.9, §8.2, §7.24: Uploaded means the single diagnostics file named in GetDiagnostics.conf was uploaded to the location of GetDiagnostics.req',
    });
    if (record) note(`received ${record.bytes} bytes as ${record.path} (sha256 ${record.sha256.slice(0, 16)}…)`);
    for (const r of files.log.records) if (r.direction === 'upload' && r.path.startsWith(dir)) files.store.deleteUpload(r.path);
  });
});
