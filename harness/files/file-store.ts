// What the file servers serve, what they received, and what they must refuse. Shared by the HTTP
// and the FTP server, so a case registers a firmware image once and offers it over both.
import { normalizePath, ruleCovers } from './paths.js';
import { UploadSpool, type UploadLimits, type UploadWriter } from './upload-spool.js';

export interface ServeOptions {
  /**
   * Cut the connection after this many bytes of the file (a download that breaks off: the charge
   * point should report DownloadFailed). The transfer is recorded as aborted.
   */
  cutAfterBytes?: number;
  /** HTTP Content-Type; default application/octet-stream. */
  contentType?: string;
}

export interface StoredFile {
  path: string;
  /** The bytes (an uploaded file is read from its spool file when asked: prefer `size` for its length). */
  content: Buffer;
  /** Length in bytes. */
  size: number;
  /** Where an uploaded file lives on disk (absent for files a case serves). */
  diskPath?: string;
  /** When it was registered or received (wall clock), for FTP MDTM and LIST. */
  modified: Date;
  cutAfterBytes?: number;
  contentType?: string;
}

export interface Refusal {
  /** HTTP status to answer with; default 404 for downloads, 403 for uploads. */
  httpStatus?: number;
  /** FTP reply code to answer with; default 550. */
  ftpCode?: number;
}

export interface DirectoryEntry {
  name: string;
  size: number;
  isDirectory: boolean;
  modified: Date;
}

export class FileStore {
  private readonly served = new Map<string, StoredFile>();
  private readonly received = new Map<string, StoredFile>();
  private readonly downloadRefusals = new Map<string, Refusal>();
  private readonly uploadRefusals = new Map<string, Refusal>();
  /** Uploaded files live on disk, in a temporary folder of their own (see upload-spool.ts). */
  readonly spool: UploadSpool;

  constructor(limits: Partial<UploadLimits> = {}) {
    this.spool = new UploadSpool(limits);
  }

  /** Offer `content` for download at `path` (over every protocol). */
  serve(path: string, content: Uint8Array, options: ServeOptions = {}): void {
    const key = normalizePath(path);
    const bytes = Buffer.from(content);
    this.served.set(key, { path: key, content: bytes, size: bytes.length, modified: new Date(), ...options });
  }

  unserve(path: string): void {
    this.served.delete(normalizePath(path));
  }

  /**
   * Refuse downloads of `path` (HTTP 404, FTP 550 unless told otherwise), even of a file that is
   * served. A path ending in '/' refuses everything beneath it.
   */
  refuseDownloads(path: string, refusal: Refusal = {}): void {
    this.downloadRefusals.set(path, refusal);
  }

  /** Refuse uploads to `path` (HTTP 403, FTP 550 unless told otherwise); '/'-ended = a directory. */
  refuseUploads(path: string, refusal: Refusal = {}): void {
    this.uploadRefusals.set(path, refusal);
  }

  allowDownloads(path: string): void {
    this.downloadRefusals.delete(path);
  }

  allowUploads(path: string): void {
    this.uploadRefusals.delete(path);
  }

  downloadRefusal(path: string): Refusal | undefined {
    return firstCovering(this.downloadRefusals, path);
  }

  uploadRefusal(path: string): Refusal | undefined {
    return firstCovering(this.uploadRefusals, path);
  }

  /** A file a client may download: one served, or one uploaded earlier (FTP clients re-read them). */
  file(path: string): StoredFile | undefined {
    const key = normalizePath(path);
    return this.served.get(key) ?? this.received.get(key);
  }

  /** The content last uploaded to `path`, if any (read from disk). */
  upload(path: string): Buffer | undefined {
    return this.received.get(normalizePath(path))?.content;
  }

  /** Keep `content` as an upload to `path` (appended to what is there with `append`). */
  storeUpload(path: string, content: Buffer, append = false): void {
    const writer = this.beginUpload(path, append ? { append: true } : {});
    for (let at = 0; at < content.length || at === 0; at += 64 * 1024) {
      const refused = writer.write(content.subarray(at, at + 64 * 1024));
      if (refused) {
        writer.discard();
        throw new Error(`upload to ${path} refused: over limits.${refused.limit} = ${refused.max}`);
      }
      if (content.length === 0) break;
    }
    writer.commit();
  }

  /**
   * Start receiving an upload to `path`, written to disk as it comes: `append` continues the stored
   * file (FTP APPE), `offset` keeps its first bytes (STOR after REST). The stored file changes only on
   * commit; the size limits count the whole resulting file.
   */
  beginUpload(path: string, mode: { append?: boolean; offset?: number } = {}): UploadWriter {
    const key = normalizePath(path);
    const before = this.received.get(key);
    const keep = before?.diskPath && (mode.append || (mode.offset ?? 0) > 0)
      ? { diskPath: before.diskPath, ...(mode.append ? {} : { keepBytes: mode.offset }) }
      : (mode.offset ?? 0) > 0 ? { diskPath: '', keepBytes: mode.offset } : undefined;
    return this.spool.begin(keep, (diskPath, size) => {
      const old = this.received.get(key);
      if (old?.diskPath) this.spool.release(old.diskPath);
      this.received.set(key, this.receivedFile(key, diskPath, size));
    });
  }

  /** Keep what `writer` (from spool.begin()) wrote as the upload at `path` (e.g. the file part of a form). */
  adoptUpload(path: string, writer: UploadWriter): void {
    const key = normalizePath(path);
    const size = writer.size;
    const diskPath = writer.commit();
    const old = this.received.get(key);
    if (old?.diskPath) this.spool.release(old.diskPath);
    this.received.set(key, this.receivedFile(key, diskPath, size));
  }

  private receivedFile(path: string, diskPath: string, size: number): StoredFile {
    const spool = this.spool;
    return {
      path, diskPath, size, modified: new Date(),
      get content() { return spool.read(diskPath); },
    };
  }

  /** Only uploads can be deleted; served files belong to the case. */
  deleteUpload(path: string): boolean {
    const key = normalizePath(path);
    const file = this.received.get(key);
    if (file?.diskPath) this.spool.release(file.diskPath);
    return this.received.delete(key);
  }

  /**
   * Directories are virtual: every directory exists (a charger may CWD into the upload location
   * before anything is there), except where a file sits.
   */
  isDirectory(path: string): boolean {
    return this.file(path) === undefined;
  }

  /** Files and subdirectories directly beneath `dir`. */
  list(dir: string): DirectoryEntry[] {
    const prefix = normalizePath(dir) === '/' ? '/' : normalizePath(dir) + '/';
    const entries = new Map<string, DirectoryEntry>();
    for (const file of [...this.received.values(), ...this.served.values()]) {
      if (!file.path.startsWith(prefix)) continue;
      const [name, ...rest] = file.path.slice(prefix.length).split('/');
      if (!name) continue;
      entries.set(name, rest.length
        ? { name, size: 0, isDirectory: true, modified: file.modified }
        : { name, size: file.size, isDirectory: false, modified: file.modified });
    }
    return [...entries.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Forget everything and remove the uploads' temporary folder (when the file servers close). */
  dispose(): void {
    this.clear();
    this.spool.dispose();
  }

  /** Forget every served file, upload and refusal (between cases). */
  clear(): void {
    this.served.clear();
    for (const file of this.received.values()) if (file.diskPath) this.spool.release(file.diskPath);
    this.received.clear();
    this.downloadRefusals.clear();
    this.uploadRefusals.clear();
  }
}

function firstCovering(rules: Map<string, Refusal>, path: string): Refusal | undefined {
  const key = normalizePath(path);
  for (const [rule, refusal] of rules) if (ruleCovers(rule, key)) return refusal;
  return undefined;
}
