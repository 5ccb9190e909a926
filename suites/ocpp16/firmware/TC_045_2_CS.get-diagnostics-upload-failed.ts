import { defineCase } from '../../../harness/dsl/define-case.js';
import { casePath, cpTransport, expectStatus, slowStepMs, urlFor } from './firmware-cs-steps.js';

export default defineCase({
  id: 'TC_045_2_CS',
  title: 'Get Diagnostics - Upload Failed',
  ocpp: '1.6',
  profile: 'FirmwareManagement',
  sut: 'ChargePoint',
  octt: { table: 59, follows: '2024-04' },
  purpose: 'When the location of GetDiagnostics refuses the upload, the charge point tries it (the harness sees the attempt refused), reports Uploading and then UploadFailed, and goes on normally.',
  refs: [
    'OCPP 1.6 §5.9 Get Diagnostics (errata 3.31)',
    'OCPP 1.6 §6.25 GetDiagnostics.req (retries, errata 3.50)',
    'OCPP 1.6 §4.4 Diagnostics Status Notification',
    'OCPP 1.6 §7.24 DiagnosticsStatus (UploadFailed)',
    'OCPP 1.6 §8.2 Upload Diagnostics',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 59; ours: the location is a directory on the harness\'s own file server that refuses uploads, and normal operation afterwards is a GetConfiguration answered.',
  deviations: [
    { what: 'Step 1: GetDiagnostics is answered with GetDiagnostics.conf (MUST, OCTT not-checked)', why: 'the table validates only the request', source: 'OCPP 1.6 §5.9' },
    { what: 'Step 7: the charge point answers GetConfiguration after the failed upload (MUST, OCTT not-checked)', why: 'the table\'s expected result (normal operation), not a tool validation', source: 'OCPP 1.6 §5.8' },
    { what: 'The charger\'s attempt at the location must be seen (transfer.failed, outcome attempted)', why: 'an UploadFailed without an attempt proves nothing', source: 'OCPP 1.6 §5.9, §7.24' },
  ],
}, async ({ csms, cfg, step, notApplicable }) => {
  const transport = cpTransport({ cfg, notApplicable }, 'http');
  const cp = await step(0, 'The charge point is connected and its boot accepted', () => csms.booted());
  const files = await csms.files();
  const dir = casePath('diagnostics', 'TC_045_2_CS', '');
  const location = urlFor(files, transport, dir);
  files.store.refuseUploads(dir);
  try {
    const requested = await step(1, `GetDiagnostics, retries 0, with a location on the harness (${transport.toUpperCase()}) that refuses uploads; the charge point answers (OCTT steps 1–2)`, async () => {
      const res = await cp.call('GetDiagnostics', { location, retries: 0 }, {
        octt: 'not-checked', // the table validates nothing in GetDiagnostics.conf
        requirement: 'OCPP 1.6 §5.9: upon receipt of GetDiagnostics.req the charge point SHALL respond with GetDiagnostics.conf',
      });
      return res.call.seq;
    });

    const uploading = await step(3, 'DiagnosticsStatusNotification Uploading (OCTT steps 3–4)', () =>
      expectStatus(cp, 'DiagnosticsStatusNotification', 'Uploading', {
        after: requested,
        requirement: 'OCPP 1.6 §4.4, §5.9 (errata 3.31): during the upload the charge point MUST send DiagnosticsStatusNotification.req: Uploading',
      }));

    await step(5, 'DiagnosticsStatusNotification UploadFailed, after an attempt the harness refused (OCTT steps 5–6)', async () => {
      const failed = await expectStatus(cp, 'DiagnosticsStatusNotification', 'UploadFailed', {
        after: uploading.event.seq, within: slowStepMs(cfg),
        requirement: 'OCPP 1.6 §4.4: the charge point informs the Central System that the upload failed: UploadFailed (§7.24)',
      });
      await csms.expectTransfer({
        direction: 'upload', location, path: dir, after: requested, outcome: 'attempted',
        claim: `DiagnosticsStatusNotification UploadFailed (frame #${failed.event.seq})`, octt: 'not-checked', // ours, see deviations
        requirement: 'OCPP 1.6 §5.9, §8.2: the charge point uploads to the location of GetDiagnostics.req; UploadFailed reports that this failed — the harness saw the attempt',
      });
    });

    await step(7, 'The charge point goes on normally: it answers GetConfiguration', () =>
      cp.call('GetConfiguration', { key: [cfg.configurationKeys.readOnly.key] }, {
        expect: { 'configurationKey.0.key': cfg.configurationKeys.readOnly.key }, octt: 'not-checked', // ours: the table\'s expected result, no tool validation
        requirement: 'OCPP 1.6 §5.8: the charge point, operating normally after the failed upload, answers GetConfiguration with the key asked for',
      }));
  } finally {
    files.store.allowUploads(dir);
  }
});
