import { defineCase } from '../../../harness/dsl/define-case.js';
import { casePath, cpTransport, slowStepMs, urlFor } from '../firmware/firmware-cs-steps.js';
import { WHITEPAPER } from './security-cs-steps.js';

export default defineCase({
  id: 'TC_079_CS',
  title: 'Get Security Log',
  ocpp: '1.6', profile: 'Security', sut: 'ChargePoint',
  octt: { table: 95, follows: '2024-04' },
  securityProfiles: [2, 1, 3],
  purpose: 'The charge point uploads its security log to the location GetLog names, reporting Uploading and then Uploaded; the harness receives the file.',
  refs: [`${WHITEPAPER} N01 Retrieve Log Information`, `${WHITEPAPER} §4.6 GetLog, LogStatusNotification`],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 95; ours: the log location is a directory on the harness\'s own file servers (FTP where declared), and the upload is judged from them.',
  deviations: [{ what: 'That the log really arrived under the filename of GetLog.conf is judged from the file servers (transfer.failed)', why: 'an Uploaded the charger never earned would pass the table', source: `${WHITEPAPER} N01; Table 95 expected result` }],
}, async ({ csms, cfg, step, note, notApplicable }) => {
  const transport = cpTransport({ cfg, notApplicable }, 'ftp');
  const cp = await csms.booted();
  const files = await csms.files();
  const dir = casePath('logs', 'TC_079_CS', '');
  const location = urlFor(files, transport, dir);
  const requestId = Math.floor(Math.random() * 1_000_000);
  const { requested, filename } = await step(1, `GetLog SecurityLog to a ${transport.toUpperCase()} directory on the harness: Accepted (steps 1–2)`, async () => {
    const res = await cp.call('GetLog', { logType: 'SecurityLog', requestId, log: { remoteLocation: location } }, {
      expect: { status: 'Accepted' },
      requirement: `OCTT Table 95 step 2; ${WHITEPAPER} N01: the charge point accepts to upload its security log`,
    });
    return { requested: res.call.seq, filename: typeof res.payload.filename === 'string' ? res.payload.filename : undefined };
  });
  const uploading = await step(3, 'LogStatusNotification Uploading (steps 3–4)', () =>
    cp.expectCall('LogStatusNotification', { after: requested, match: { status: 'Uploading' }, requirement: `OCTT Table 95 step 3; ${WHITEPAPER} N01: Uploading once the upload starts` }));
  await step(5, 'LogStatusNotification Uploaded, and the log arrived on the harness (steps 5–6)', async () => {
    const uploaded = await cp.expectCall('LogStatusNotification', {
      after: uploading.event.seq, within: slowStepMs(cfg), match: { status: 'Uploaded' },
      requirement: `OCTT Table 95 step 5; ${WHITEPAPER} N01: Uploaded once the log is uploaded`,
    });
    const record = await csms.expectTransfer({
      direction: 'upload', location, path: dir, after: requested, ...(filename ? { filename } : {}), minBytes: 1,
      claim: `LogStatusNotification Uploaded (frame #${uploaded.event.seq})`, octt: 'not-checked',
      requirement: `${WHITEPAPER} N01; Table 95 expected result: the security log was uploaded to the remoteLocation of step 1`,
    });
    if (record) note(`received ${record.bytes} bytes as ${record.path}`);
    for (const r of files.log.records) if (r.direction === 'upload' && r.path.startsWith(dir)) files.store.deleteUpload(r.path);
  });
});
