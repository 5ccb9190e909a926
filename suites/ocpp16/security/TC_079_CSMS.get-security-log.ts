import { defineCase } from '../../../harness/dsl/define-case.js';
import { ExpectationUnmet } from '../../../harness/dsl/errors.js';
import { transportFor, withHarnessFiles } from '../firmware/firmware-steps.js';

const LOG_STATUS_ANSWERED = 'Security Whitepaper ed. 3 §5.10: the Central System answers LogStatusNotification.req with LogStatusNotification.conf';
const LOG_TAKEN = 'Security Whitepaper ed. 3 §4.3 (N01), §5.6 GetLog (log.remoteLocation: where the log shall be uploaded)';

export default defineCase({
  id: 'TC_079_CSMS',
  title: 'Get Security Log',
  ocpp: '1.6',
  profile: 'Security',
  securityProfiles: [2, 1, 3],
  sut: 'Csms',
  octt: { table: 186, follows: '2024-04' },
  purpose: 'The CSMS has the charge point upload its security log: GetLog SecurityLog with the configured location, and it answers LogStatusNotification Uploading and Uploaded.',
  refs: ['Security Whitepaper ed. 3 §4.3 Get Security Log', '§5.6 GetLog', '§5.10 LogStatusNotification'],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 186; ours: the configured log location is a directory on the harness\'s own file server (asked of the CSMS through SUT control), and the harness uploads a real security log there under the filename it answered.',
  deviations: [{
    what: 'Step 3: the upload to the location must complete (transfer.failed, SHOULD)',
    why: 'the table only has the notifications sent; a CSMS whose location takes no log would pass it',
    source: LOG_TAKEN,
  }],
  actions: ['GetLog'],
}, async (t) => {
  const { cp, cfg, sut, step, transfers } = t;
  const link = await cp.booted();
  const requestId = 79;

  const uploaded = await withHarnessFiles(cfg, async (files) => {
    const asked = files.diagnostics(transportFor(cfg, 'http'));
    const request = await step(1, 'The CSMS sends GetLog SecurityLog with the configured location; the charge point accepts (steps 1–2)', async () => {
      await sut.do('GetLog', { logType: 'SecurityLog', requestId, log: { remoteLocation: asked } });
      const call = await link.expectCall('GetLog', {
        match: { 'log.remoteLocation': asked, logType: 'SecurityLog' },
        requirement: 'OCTT Table 186 step 1: log.remoteLocation is the configured log location, logType is SecurityLog (whitepaper §5.6)',
      });
      const answer = await link.answerOf(call);
      return { payload: call.frame.payload, filename: String(answer.filename ?? 'security.log') };
    });
    const id = typeof request.payload.requestId === 'number' ? request.payload.requestId : requestId;
    return step(3, 'LogStatusNotification Uploading, and the upload of the security log to the location (steps 3–4)', async () => {
      await link.call('LogStatusNotification', { status: 'Uploading', requestId: id }, { requirement: LOG_STATUS_ANSWERED });
      const location = String((request.payload.log as Record<string, unknown> | undefined)?.remoteLocation ?? asked);
      const log = Buffer.from(`ocpp-harness security log of ${cfg.identity}\n${new Date().toISOString()} StartupOfTheDevice\n`, 'utf8');
      const result = await transfers.uploadTo(location, request.filename, log, { requirement: LOG_TAKEN, level: 'SHOULD' });
      return { ok: result.ok, id, detail: result.ok ? '' : result.detail };
    });
  });
  if (!uploaded.ok) {
    await link.call('LogStatusNotification', { status: 'UploadFailure', requestId: uploaded.id }, { requirement: LOG_STATUS_ANSWERED });
    throw new ExpectationUnmet(`the security log could not be uploaded: ${uploaded.detail}`);
  }
  await step(5, 'LogStatusNotification Uploaded; the CSMS answers (steps 5–6)', () =>
    link.call('LogStatusNotification', { status: 'Uploaded', requestId: uploaded.id }, { requirement: LOG_STATUS_ANSWERED }));
});
