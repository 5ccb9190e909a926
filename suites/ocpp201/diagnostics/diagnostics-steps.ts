// What the block N (diagnostics) cases share: N01 Retrieve log information, with the harness as the CSMS
// (the station uploads its log to a directory on the harness's own file servers) and with the harness as
// the station (the CSMS asks for a log; the harness answers and uploads one to the location it named).
// Not a case (discovery only loads files named TC_… / X…).
import type { ChargePointSutContext, CsmsSutContext } from '../../../harness/dsl/context.js';
import { ExpectationUnmet } from '../../../harness/dsl/errors.js';
import { casePath, cpTransport, slowStepMs, urlFor } from '../../ocpp16/firmware/firmware-cs-steps.js';
import { transportFor, withHarnessFiles } from '../../ocpp16/firmware/firmware-steps.js';

export const part6 = (id: string) => `OCPP 2.0.1 Part 6 ${id}`;
export type LogType = 'DiagnosticsLog' | 'SecurityLog';

/** The FR that makes the station upload the log of this type (N01.FR.03 security, N01.FR.04 diagnostics). */
const UPLOAD_FR: Record<LogType, string> = { SecurityLog: 'N01.FR.03', DiagnosticsLog: 'N01.FR.04' };

// ---------------------------------------------------------------- the charging station under test

/**
 * Steps 1–6 of TC_N_25_CS / TC_N_35_CS: GetLog of `logType` to a directory on the harness: Accepted
 * (with a filename where the table asks for one), LogStatusNotification Uploading and then Uploaded with
 * the request's requestId, and the log really arrived (N01.FR.02: ours beyond the table, a SHALL).
 */
export async function stationUploadsLog(t: ChargePointSutContext, v: { table: string; logType: LogType; filenameRequired: boolean }): Promise<void> {
  const transport = cpTransport(t, 'http');
  const cp = await t.csms.booted();
  const files = await t.csms.files();
  const dir = casePath('logs', v.table, '');
  const location = urlFor(files, transport, dir);
  const requestId = Math.floor(Math.random() * 1_000_000);
  const TC = part6(v.table);
  try {
    const { requested, filename } = await t.step(1, `GetLog ${v.logType} to a ${transport.toUpperCase()} directory on the harness: Accepted (steps 1–2)`, async () => {
      const res = await cp.call('GetLog', { logType: v.logType, requestId, log: { remoteLocation: location } }, {
        expect: { status: 'Accepted', ...(v.filenameRequired ? { filename: { present: true } } : {}) },
        requirement: `${TC} step 2 (tool validation); N01.FR.01: Accepted${v.filenameRequired ? ', with the name of the file' : ''}`,
      });
      if (v.filenameRequired) cp.checkAnswer(res, 'GetLog', { expect: { filename: { not: '' } }, requirement: `${TC} step 2 (tool validation): filename not empty` });
      return { requested: res.call.seq, filename: typeof res.payload.filename === 'string' && res.payload.filename !== '' ? res.payload.filename : undefined };
    });
    const uploading = await t.step(3, 'LogStatusNotification Uploading with the requestId of the GetLog (steps 3–4)', () =>
      cp.expectCall('LogStatusNotification', {
        after: requested, match: { status: 'Uploading', requestId },
        requirement: `${TC} step 3 (tool validation); N01.FR.08 (Uploading once the upload starts), N01.FR.07 (the GetLog's requestId)`,
      }));
    await t.step(5, 'LogStatusNotification Uploaded with the same requestId, and the log arrived on the harness (steps 5–6)', async () => {
      const uploaded = await cp.expectCall('LogStatusNotification', {
        after: uploading.event.seq, within: slowStepMs(t.cfg), match: { status: 'Uploaded', requestId },
        requirement: `${TC} step 5 (tool validation); N01.FR.09 (Uploaded once the log is uploaded), N01.FR.07`,
      });
      const record = await t.csms.expectTransfer({
        direction: 'upload', location, path: dir, after: requested, ...(filename ? { filename } : {}), minBytes: 1,
        claim: `LogStatusNotification Uploaded (frame #${uploaded.event.seq})`, octt: 'not-checked',
        requirement: `OCPP 2.0.1 Part 2 N01.FR.02, ${UPLOAD_FR[v.logType]}: the station uploads its log to the remoteLocation of the GetLog`,
      });
      if (record) t.note(`received ${record.bytes} bytes as ${record.path}`);
    });
  } finally {
    for (const r of files.log.records) if (r.direction === 'upload' && r.path.startsWith(dir)) files.store.deleteUpload(r.path);
  }
}

// ---------------------------------------------------------------- the CSMS under test

const LOG_STATUS_ANSWERED = 'OCPP 2.0.1 Part 2 N01 (and Part 4: every CALL is answered): the CSMS responds with a LogStatusNotificationResponse';
const LOG_TAKEN = 'OCPP 2.0.1 Part 2 N01.FR.02 (the station uploads to the remoteLocation the CSMS names)';

/** The deviation of the CSMS cases that upload a real log (declared in each such case). */
export const LOG_UPLOAD_DEVIATION = {
  what: 'Between Uploading and Uploaded the harness uploads a real log to the location of the GetLog: that it is taken is judged (transfer.failed, SHOULD)',
  why: 'the table only has the notifications sent; a CSMS whose location takes no log would pass it',
  source: LOG_TAKEN,
};

/**
 * Steps 1–6 of TC_N_25_CSMS / TC_N_35_CSMS: the CSMS, asked through SUT control, sends GetLog of
 * `logType` (the tool validation); the harness answers Accepted, sends Uploading, uploads a small log to
 * the location it was given (SHOULD, ours) and sends Uploaded; the CSMS answers both notifications.
 */
export async function csmsRetrievesLog(t: CsmsSutContext, v: { table: string; logType: LogType }): Promise<void> {
  const link = await t.cp.booted();
  const TC = part6(v.table);
  const uploaded = await withHarnessFiles(t.cfg, async (files) => {
    const asked = files.diagnostics(transportFor(t.cfg, 'http'));
    const filename = `${v.logType === 'SecurityLog' ? 'security' : 'diagnostics'}-${v.table}.log`;
    link.handle('GetLog', () => ({ status: 'Accepted', filename }));
    const request = await t.step(1, `The CSMS is asked for the ${v.logType} and sends GetLogRequest; the station accepts (steps 1–2)`, async () => {
      const mark = link.mark(`GetLog ${v.logType} asked for`);
      await t.sut.do('GetLog', { logType: v.logType, log: { remoteLocation: asked } });
      const call = await link.expectCall('GetLog', {
        after: mark, match: { logType: v.logType },
        requirement: `${TC} step 1 (tool validation): logType ${v.logType}`,
      });
      await call.replied;
      return call.frame.payload;
    });
    const requestId = typeof request.requestId === 'number' ? request.requestId : 0;
    return t.step(3, 'LogStatusNotification Uploading with the GetLog\'s requestId, and the upload of the log to its location (steps 3–4)', async () => {
      await link.call('LogStatusNotification', { status: 'Uploading', requestId }, { requirement: LOG_STATUS_ANSWERED });
      const location = (request.log as Record<string, unknown> | undefined)?.remoteLocation;
      if (typeof location !== 'string') return { ok: false, requestId, detail: 'the GetLog carried no log.remoteLocation' };
      const log = Buffer.from(`ocpp-harness ${v.logType} of ${t.cfg.identity}\n${new Date().toISOString()} reference log line\n`, 'utf8');
      const result = await t.transfers.uploadTo(location, filename, log, { requirement: LOG_TAKEN, level: 'SHOULD' });
      return { ok: result.ok, requestId, detail: result.ok ? '' : result.detail };
    });
  });
  if (!uploaded.ok) {
    await link.call('LogStatusNotification', { status: 'UploadFailure', requestId: uploaded.requestId }, { requirement: LOG_STATUS_ANSWERED });
    throw new ExpectationUnmet(`the log could not be uploaded: ${uploaded.detail}`);
  }
  await t.step(5, 'LogStatusNotification Uploaded with the same requestId; the CSMS answers (steps 5–6)', () =>
    link.call('LogStatusNotification', { status: 'Uploaded', requestId: uploaded.requestId }, { requirement: LOG_STATUS_ANSWERED }));
}
