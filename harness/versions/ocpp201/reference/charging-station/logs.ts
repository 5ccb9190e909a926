// N01 Retrieve log information, as the reference charging station does it: GetLog uploads a small
// diagnostics or security log to the remoteLocation with the harness's transfer client, reporting
// Uploading, then Uploaded or UploadFailure (LogStatusNotification with the requestId). The upload is
// held back a moment, as a real station collects its log first, so a TriggerMessage LogStatusNotification
// finds it Uploading (F06.FR.14; TC_F_16_CS).

import { upload } from '../../../../files/transfer-client.js';
import { asRecord, int, str } from '../../../../peers/peer-util.js';
import type { StationCore } from './core.js';
import type { Payload } from './types.js';

/** How long the station collects its log before the upload starts. */
const COLLECT_MS = 1500;
const UPLOAD_TIMEOUT_MS = 10_000;

export class LogUploads {
  /** The requestId of the upload under way. */
  private current?: number;

  constructor(private readonly core: StationCore) {
    core.handle('GetLog', (p) => this.getLog(p));
  }

  /** What a triggered LogStatusNotification reports now (F06.FR.14, F06.FR.15). */
  get status(): Payload {
    const idle = this.current === undefined || this.core.quirks.has('triggered-log-status-idle');
    return idle ? { status: 'Idle' } : { status: 'Uploading', requestId: this.current };
  }

  private getLog(p: Payload): Payload {
    const requestId = int(p.requestId) ?? 0;
    // The requestId its notifications carry (N01.FR.07), unless a fault gives them another one.
    const notifiedId = this.core.quirks.has('log-status-wrong-request-id') ? requestId + 1 : requestId;
    const location = str(asRecord(p.log).remoteLocation);
    if (!location) return { status: 'Rejected' };
    // N01.FR.12: a new request cancels the upload under way.
    const canceled = this.current !== undefined;
    const logType = str(p.logType) === 'SecurityLog' ? 'security' : 'diagnostics';
    const filename = `${logType}-${requestId}.log`;
    this.current = requestId;
    this.core.later(() => this.core.enqueue('LogStatusNotification', { status: 'Uploading', requestId: notifiedId }));
    this.core.timers.after(COLLECT_MS, () => {
      if (this.current !== requestId) return;
      const content = Buffer.from(`${new Date().toISOString()} reference charging station ${logType} log, request ${requestId}\n`);
      const uploading = this.core.quirks.has('log-uploaded-without-upload')
        ? Promise.resolve({ ok: true })
        : upload(location, filename, content, { timeoutMs: UPLOAD_TIMEOUT_MS });
      void uploading.then((res) => {
        if (this.current !== requestId) return;
        this.current = undefined;
        void this.core.enqueue('LogStatusNotification', { status: res.ok ? 'Uploaded' : 'UploadFailure', requestId: notifiedId });
      });
    });
    return { status: canceled ? 'AcceptedCanceled' : 'Accepted', filename };
  }
}
