// Uploads go to disk, not memory: each file the SUT uploads lives in a temporary folder of its own
// (removed when the file servers close), written as the bytes arrive. Per-file and per-run size
// limits are enforced while writing (limits.uploadBytesPerFile, limits.uploadBytesPerRun); an append
// counts the whole resulting file.
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, statSync, truncateSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_LIMITS, type Limits } from '../config/limits.js';

export type UploadLimits = Pick<Limits, 'uploadBytesPerFile' | 'uploadBytesPerRun'>;

/** Why a write was refused. */
export type SpoolRefusal = { limit: 'uploadBytesPerFile' | 'uploadBytesPerRun'; max: number };

/** One upload being written: a temporary file that becomes the stored file on commit. */
export interface UploadWriter {
  /** Bytes the file will have on commit (the kept start of an append or resume, plus what was written). */
  readonly size: number;
  /** Write a chunk; a refusal when it would pass a limit (nothing of it is written then). */
  write(chunk: Buffer): SpoolRefusal | undefined;
  /** The upload completed: the stored file is now this one. Returns its disk path. */
  commit(): string;
  /** The upload failed or was refused: forget it. */
  discard(): void;
}

let counter = 0;

export class UploadSpool {
  private dir: string | undefined;
  /** Bytes on disk: stored files plus uploads being written. */
  private used = 0;
  private readonly limits: UploadLimits;

  constructor(limits: Partial<UploadLimits> = {}) {
    this.limits = { uploadBytesPerFile: limits.uploadBytesPerFile ?? DEFAULT_LIMITS.uploadBytesPerFile, uploadBytesPerRun: limits.uploadBytesPerRun ?? DEFAULT_LIMITS.uploadBytesPerRun };
  }

  get perFile(): number {
    return this.limits.uploadBytesPerFile;
  }

  get bytesOnDisk(): number {
    return this.used;
  }

  /** The temporary folder (made on first use), or undefined when nothing was ever uploaded. */
  get folder(): string | undefined {
    return this.dir;
  }

  private folderNow(): string {
    this.dir ??= mkdtempSync(join(tmpdir(), 'ocpp-harness-uploads-'));
    return this.dir;
  }

  /**
   * Start writing an upload. `keep` is the stored file it continues (an append keeps all of it, a
   * resume after REST its first `keepBytes`); the new file replaces it on commit.
   */
  begin(keep?: { diskPath: string; keepBytes?: number }, onCommit?: (diskPath: string, size: number) => void): UploadWriter {
    const path = join(this.folderNow(), `u${process.pid}-${counter++}`);
    let size = 0;
    if (keep) {
      if (keep.diskPath && existsSync(keep.diskPath)) copyFileSync(keep.diskPath, path);
      else closeSync(openSync(path, 'w'));
      const have = statSync(path).size;
      const want = keep.keepBytes ?? have;
      if (want !== have) truncateSync(path, want); // a resume past the end pads with zeros, as before
      size = want;
    }
    const fd = openSync(path, size > 0 ? 'a' : 'w');
    let counted = size;
    this.used += size;
    let open = true;
    const spool = this;
    const close = () => {
      if (!open) return;
      open = false;
      closeSync(fd);
    };
    return {
      get size() { return size; },
      write(chunk: Buffer): SpoolRefusal | undefined {
        if (size + chunk.length > spool.limits.uploadBytesPerFile) return { limit: 'uploadBytesPerFile', max: spool.limits.uploadBytesPerFile };
        if (spool.used + chunk.length > spool.limits.uploadBytesPerRun) return { limit: 'uploadBytesPerRun', max: spool.limits.uploadBytesPerRun };
        // Synchronous: uploads are chunks of ≤ 64 KiB, and the order of a file's bytes must hold.
        writeSync(fd, chunk);
        size += chunk.length;
        counted += chunk.length;
        spool.used += chunk.length;
        return undefined;
      },
      commit(): string {
        close();
        onCommit?.(path, size);
        return path;
      },
      discard(): void {
        close();
        spool.used -= counted;
        counted = 0;
        rmSync(path, { force: true });
      },
    };
  }

  /** A stored file is gone (replaced, deleted or cleared): its bytes no longer count. */
  release(diskPath: string): void {
    try {
      const { size } = statSync(diskPath);
      unlinkSync(diskPath);
      this.used = Math.max(0, this.used - size);
    } catch {
      // already gone
    }
  }

  read(diskPath: string): Buffer {
    return readFileSync(diskPath);
  }

  /** A file a test or case hands over directly (kept as an upload would be). */
  storeBuffer(content: Buffer): string {
    const path = join(this.folderNow(), `u${process.pid}-${counter++}`);
    const fd = openSync(path, 'w');
    try {
      writeSync(fd, content);
    } finally {
      closeSync(fd);
    }
    this.used += content.length;
    return path;
  }

  /** Remove the temporary folder and everything in it. */
  dispose(): void {
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
    this.used = 0;
  }

  /** Move `from` over `to` (an upload replacing what was stored). */
  static replace(from: string, to: string): void {
    renameSync(from, to);
  }
}
