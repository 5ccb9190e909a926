// GetDiagnostics (OCPP 1.6 §4.4, §5.9, chapter 8, errata 3.31, 3.50): the charge point answers with
// the name of the file it will upload (diagnostics-<identity>-<time>.log), then uploads it to
// `location` (file-transfer.ts: HTTP(S) PUT or FTP(S) STOR; a location ending in '/' is a directory
// the file name is appended to), retrying `retries` times (default 1) every `retryInterval` seconds
// (default 1): DiagnosticsStatusNotification Uploading, then Uploaded or UploadFailed.
// The file holds the configuration and the frames seen between startTime and stopTime.
// TriggerMessage(DiagnosticsStatusNotification) gets Uploading while busy, Idle otherwise.

import { str } from '../../../../peers/peer-util.js';
import type { CpCore } from './core.js';
import { upload } from './file-transfer.js';

type DiagnosticsStatus = 'Idle' | 'Uploading' | 'Uploaded' | 'UploadFailed';

export class Diagnostics {
  status: DiagnosticsStatus = 'Idle';
  private busy = false;

  constructor(private readonly core: CpCore, supported: boolean) {
    if (!supported) return;
    core.handle('GetDiagnostics', (p) => {
      const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
      const fileName = `diagnostics-${core.identity}-${stamp}.log`;
      const retries = typeof p.retries === 'number' ? Math.max(0, p.retries) : 1;
      const retryIntervalS = typeof p.retryInterval === 'number' ? Math.max(0, p.retryInterval) : 1;
      const from = Date.parse(str(p.startTime) ?? '') || 0;
      const to = Date.parse(str(p.stopTime) ?? '') || Infinity;
      core.later('diagnostics upload', () => this.run(str(p.location)!, fileName, from, to, retries, retryIntervalS));
      return { fileName };
    });
  }

  get triggeredStatus(): DiagnosticsStatus {
    return this.busy ? 'Uploading' : 'Idle';
  }

  private notify(status: DiagnosticsStatus): void {
    this.status = status;
    this.core.log(`diagnostics: ${status}`);
    void this.core.enqueue('DiagnosticsStatusNotification', () => ({ status }));
  }

  private content(from: number, to: number): Buffer {
    const lines = [`# diagnostics of ${this.core.identity}, ${new Date().toISOString()}`, '# configuration'];
    for (const { key, value } of (this.core.config.getConfiguration([]).result.configurationKey as Array<{ key: string; value: string }>)) {
      lines.push(`${key}=${value}`);
    }
    lines.push('# frames');
    for (const f of this.core.frameLog.frames) {
      if (f.at >= from && f.at <= to) lines.push(`${new Date(f.at).toISOString()} ${f.outbound ? '>' : '<'} ${f.raw}`);
    }
    return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
  }

  private async run(location: string, fileName: string, from: number, to: number, retries: number, retryIntervalS: number): Promise<void> {
    if (this.busy) {
      this.core.log('diagnostics upload already in progress; the new one is ignored');
      return;
    }
    this.busy = true;
    try {
      this.notify('Uploading');
      const bytes = this.content(from, to);
      for (let attempt = 0; attempt <= retries; attempt++) {
        if (attempt > 0 && !(await this.core.timers.sleep(retryIntervalS * 1000))) return;
        try {
          await upload(location, fileName, bytes);
          this.notify('Uploaded');
          return;
        } catch (err) {
          this.core.log(`diagnostics upload attempt ${attempt + 1} failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      this.notify('UploadFailed');
    } finally {
      this.busy = false;
    }
  }
}
