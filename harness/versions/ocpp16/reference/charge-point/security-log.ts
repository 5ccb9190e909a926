// GetLog (Security Whitepaper ed. 3 N01, §4.6): SecurityLog (the security events) or DiagnosticsLog
// (configuration and frames, as GetDiagnostics) uploaded to log.remoteLocation over HTTP(S) or FTP(S)
// (file-transfer.ts), retried `retries` times: LogStatusNotification Uploading, then Uploaded or
// UploadFailure, each with the requestId.
import { str } from '../../../../peers/peer-util.js';
import type { CpCore } from './core.js';
import { upload } from './file-transfer.js';
import type { SecurityLogEntry } from './security.js';

export class SecurityLogUpload {
  private busy = false;
  private lastRequestId?: number;

  constructor(private readonly core: CpCore, private readonly entries: readonly SecurityLogEntry[]) {
    core.handle('GetLog', (p) => {
      const log = (p.log ?? {}) as Record<string, unknown>;
      const location = str(log.remoteLocation) ?? '';
      const requestId = typeof p.requestId === 'number' ? p.requestId : 0;
      const type = str(p.logType) === 'SecurityLog' ? 'security' : 'diagnostics';
      const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
      const filename = `${type}-${core.identity}-${stamp}.log`;
      const retries = typeof p.retries === 'number' ? Math.max(0, p.retries) : 1;
      const retryIntervalS = typeof p.retryInterval === 'number' ? Math.max(0, p.retryInterval) : 1;
      // A new request cancels an ongoing upload (AcceptedCanceled); the reference finishes it quickly instead.
      const status = this.busy ? 'AcceptedCanceled' : 'Accepted';
      core.later('log upload', () => this.run(location, filename, type, requestId, retries, retryIntervalS));
      return { status, filename };
    });
  }

  private notify(status: string, requestId: number): void {
    this.lastRequestId = requestId;
    this.core.log(`log upload: ${status}`);
    void this.core.enqueue('LogStatusNotification', () => ({ status, requestId }));
  }

  private content(type: 'security' | 'diagnostics'): Buffer {
    const lines = [`# ${type} log of ${this.core.identity}, ${new Date().toISOString()}`];
    if (type === 'security') for (const e of this.entries) lines.push(`${e.at} ${e.type}${e.techInfo ? ` ${e.techInfo}` : ''}`);
    else for (const f of this.core.frameLog.frames) lines.push(`${new Date(f.at).toISOString()} ${f.outbound ? '>' : '<'} ${f.raw}`);
    return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
  }

  private async run(location: string, filename: string, type: 'security' | 'diagnostics', requestId: number, retries: number, retryIntervalS: number): Promise<void> {
    this.busy = true;
    try {
      this.notify('Uploading', requestId);
      const bytes = this.content(type);
      for (let attempt = 0; attempt <= retries; attempt++) {
        if (attempt > 0 && !(await this.core.timers.sleep(retryIntervalS * 1000))) return;
        try {
          // Quirk log-uploaded-without-upload: claims the upload it never made.
          if (!this.core.quirks.has('log-uploaded-without-upload')) await upload(location, filename, bytes);
          this.notify('Uploaded', requestId);
          return;
        } catch (err) {
          this.core.log(`log upload attempt ${attempt + 1} failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      this.notify('UploadFailure', requestId);
    } finally {
      this.busy = false;
    }
  }

  get requestId(): number | undefined {
    return this.lastRequestId;
  }
}
