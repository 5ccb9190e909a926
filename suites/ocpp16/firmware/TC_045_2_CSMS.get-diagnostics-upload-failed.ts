import { defineCase } from '../../../harness/dsl/define-case.js';
import { diagnosticsLog, diagnosticsStatus, LOCATION_DEVIATION, transportFor, withHarnessFiles } from './firmware-steps.js';

export default defineCase({
  id: 'TC_045_2_CSMS',
  title: 'Get Diagnostics - Upload Failed',
  ocpp: '1.6',
  profile: 'FirmwareManagement',
  sut: 'Csms',
  octt: { table: 160, follows: '2024-04' },
  purpose: 'The CSMS handles a diagnostics upload that fails: it sends GetDiagnostics with the location it is given and answers DiagnosticsStatusNotification Uploading and UploadFailed.',
  refs: [
    'OCPP 1.6 §5.9 Get Diagnostics',
    'OCPP 1.6 §6.25 GetDiagnostics.req',
    'OCPP 1.6 §4.4 Diagnostics Status Notification',
    'OCPP 1.6 §7.24 DiagnosticsStatus',
    'OCPP 1.6 §8.2 Upload Diagnostics',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 160; ours: the upload location the CSMS is asked to send (through SUT control, HTTP where declared) is a directory on the harness\'s own file server that refuses uploads, so the upload of the real diagnostics log fails for real.',
  deviations: [LOCATION_DEVIATION],
  actions: ['GetDiagnostics'],
}, async ({ cp, sut, cfg, step, note, transfers }) => {
  const link = await cp.booted();
  const fileName = `diagnostics-${cfg.identity}-${new Date().toISOString().replace(/[:.]/g, '')}.log`;
  link.handle('GetDiagnostics', () => ({ fileName }));

  await withHarnessFiles(cfg, async (files) => {
    const asked = files.refusingDiagnostics(transportFor(cfg, 'http'));
    const request = await step(1, 'The CSMS sends GetDiagnostics with the harness\'s upload location (which refuses uploads); the charge point answers with the fileName (steps 1–2)', async () => {
      await sut.do('GetDiagnostics', { location: asked });
      const call = await link.expectCall('GetDiagnostics', {
        match: { location: asked }, level: 'SHOULD',
        requirement: 'OCPP 1.6 §5.9, §6.25: GetDiagnostics.req carries the location the CSMS was asked to send (ours)',
      });
      await call.replied;
      return call.frame.payload;
    });

    await step(3, 'DiagnosticsStatusNotification Uploading, and the upload to the location, which fails (steps 3–4)', async () => {
      await diagnosticsStatus(link, 'Uploading');
      const log = diagnosticsLog(cfg.identity, request);
      const result = await transfers.upload(String(request.location), fileName, log).catch((err: unknown) => ({ ok: false, detail: err instanceof Error ? err.message : String(err) }));
      note(result.ok ? 'the upload went through after all; the failure is reported as the table has it' : `the upload failed as intended: ${result.detail}`);
    });
  });

  await step(5, 'DiagnosticsStatusNotification UploadFailed; the CSMS answers (steps 5–6)', () => diagnosticsStatus(link, 'UploadFailed'));
});
