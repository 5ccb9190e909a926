// What the file servers serve, what they received, and what they must refuse. Shared by the HTTP
// and the FTP server, so a case registers a firmware image once and offers it over both.
import { normalizePath, ruleCovers } from './paths.js';

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
  content: Buffer;
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

  /** Offer `content` for download at `path` (over every protocol). */
  serve(path: string, content: Uint8Array, options: ServeOptions = {}): void {
    const key = normalizePath(path);
    this.served.set(key, { path: key, content: Buffer.from(content), modified: new Date(), ...options });
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

  /** The content last uploaded to `path`, if any. */
  upload(path: string): Buffer | undefined {
    return this.received.get(normalizePath(path))?.content;
  }

  storeUpload(path: string, content: Buffer, append = false): void {
    const key = normalizePath(path);
    const before = append ? this.received.get(key)?.content : undefined;
    this.received.set(key, { path: key, content: before ? Buffer.concat([before, content]) : content, modified: new Date() });
  }

  /** Only uploads can be deleted; served files belong to the case. */
  deleteUpload(path: string): boolean {
    return this.received.delete(normalizePath(path));
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
        : { name, size: file.content.length, isDirectory: false, modified: file.modified });
    }
    return [...entries.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Forget every served file, upload and refusal (between cases). */
  clear(): void {
    this.served.clear();
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
