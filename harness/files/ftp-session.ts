// One FTP control connection: login, the virtual directory, passive data connections, and the
// transfers, each ending in exactly one TransferRecord. Commands run one after another in arrival
// order (a QUIT waits for a running transfer, as RFC 959 asks); only ABOR cuts in.
// Whatever arrives — garbage, an unknown verb, a command before login — gets a reply code and the
// session goes on.
import type { Socket } from 'node:net';
import { ByteTally, sha256Hex } from './byte-tally.js';
import type { FileStore, StoredFile } from './file-store.js';
import { CONTENT_IN_RECORD_BYTES } from './http-file-server.js';
import { FtpLineReader } from './ftp-line-reader.js';
import { PassiveListener, plainAddress, type SocketRegistry } from './ftp-passive.js';
import { basename, dirname, resolvePath } from './paths.js';
import { pumpBytes } from './stream-util.js';
import type { TransferListener, TransferRecord } from './transfer-log.js';

export interface FtpSessionSettings {
  store: FileStore;
  clock: () => number;
  onTransfer: TransferListener;
  /** Things worth a trace note that are no transfer: a refused login, active mode asked for. */
  onNote: (text: string) => void;
  user: string;
  password: string;
  /** Also accept USER anonymous (any password). */
  allowAnonymous: boolean;
  /** IPv4 address announced in PASV replies; default: the address the client reached us on. */
  passiveAddress?: string;
  dataConnectTimeoutMs: number;
  idleTimeoutMs: number;
  maxUploadBytes: number;
  uploadIdleMs: number;
}

interface RunningTransfer {
  abort(reason: string): void;
  done: Promise<void>;
}

type RecordFields = Pick<TransferRecord, 'request' | 'status' | 'bytes' | 'sha256' | 'outcome'> & Partial<Pick<TransferRecord, 'detail' | 'offset' | 'content' | 'filename'>>;

/** Commands a client may send before it has logged in. */
const BEFORE_LOGIN = new Set(['USER', 'PASS', 'QUIT', 'SYST', 'FEAT', 'OPTS', 'NOOP', 'HELP', 'AUTH', 'PBSZ', 'PROT']);
const EMPTY_SHA256 = sha256Hex(Buffer.alloc(0));
/**
 * In stream mode the end of an upload is the data connection's FIN, which a client that dies also
 * sends. Waiting this long before confirming lets its control connection's close arrive first, so
 * a crashed uploader is recorded as aborted rather than completed.
 */
const UPLOAD_SETTLE_MS = 25;

export class FtpSession {
  private pendingUser: string | undefined;
  private user: string | undefined;
  private cwd = '/';
  private restOffset = 0;
  private passive: PassiveListener | undefined;
  private transfer: RunningTransfer | undefined;
  private queue: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly remoteAddress: string;
  private readonly remotePort: number | undefined;

  constructor(private readonly socket: Socket, private readonly settings: FtpSessionSettings, private readonly registry: SocketRegistry) {
    this.remoteAddress = plainAddress(socket.remoteAddress ?? '');
    this.remotePort = socket.remotePort;
    socket.setNoDelay(true);
    socket.on('error', () => undefined); // a reset is seen through 'close'
    socket.on('close', () => this.onClosed());
    socket.setTimeout(settings.idleTimeoutMs, () => {
      if (this.transfer) return; // the data connection is busy; the control connection may idle
      this.reply(421, 'Idle timeout, closing control connection');
      socket.end();
    });
    const reader = new FtpLineReader((line) => this.onLine(line), () => this.enqueue(() => this.reply(500, 'Command line too long')));
    socket.on('data', (chunk: Buffer) => reader.push(chunk));
    this.reply(220, 'ocpp-harness FTP server ready');
  }

  /** The server is closing: tell the client, abort what runs, drop every connection. */
  shutdown(): void {
    this.reply(421, 'Service closing');
    this.transfer?.abort('the harness closed the FTP server');
    this.passive?.close();
    this.socket.destroy();
  }

  private onClosed(): void {
    this.closed = true;
    this.transfer?.abort('the control connection closed during the transfer');
    this.passive?.close();
  }

  private onLine(line: string): void {
    const m = /^([A-Za-z]{3,4})(?: (.*))?$/.exec(line);
    if (!m) {
      if (line.trim() !== '') this.enqueue(() => this.reply(500, 'Syntax error, command unrecognized'));
      return;
    }
    const verb = (m[1] ?? '').toUpperCase();
    const arg = m[2] ?? '';
    if (verb === 'ABOR' && this.transfer) {
      void this.abor(this.transfer); // cuts in: the transfer it stops holds the queue
      return;
    }
    this.enqueue(() => this.execute(verb, arg));
  }

  private enqueue(step: () => void | Promise<void>): void {
    this.queue = this.queue.then(step).catch((err: unknown) => {
      this.reply(451, `Local error in processing: ${String(err)}`);
    });
  }

  private async execute(verb: string, arg: string): Promise<void> {
    if (this.closed) return;
    if (!this.user && !BEFORE_LOGIN.has(verb)) {
      this.reply(KNOWN_VERBS.has(verb) ? 530 : 500, KNOWN_VERBS.has(verb) ? 'Please log in with USER and PASS first' : `${verb} not understood`);
      return;
    }
    switch (verb) {
      case 'USER': return this.userCommand(arg);
      case 'PASS': return this.passCommand(arg);
      case 'QUIT':
        this.reply(221, 'Goodbye');
        this.socket.end();
        return;
      case 'SYST': return this.reply(215, 'UNIX Type: L8');
      case 'FEAT': return this.reply(211, ['Features:', ' EPSV', ' PASV', ' SIZE', ' MDTM', ' REST STREAM', ' UTF8', 'End']);
      case 'OPTS':
        return /^UTF-?8( ON)?$/i.test(arg.trim()) ? this.reply(200, 'Always in UTF8 mode') : this.reply(501, 'Option not understood');
      case 'NOOP': return this.reply(200, 'NOOP ok');
      case 'ABOR': return this.reply(225, 'No transfer to abort');
      case 'HELP': return this.reply(214, 'Passive mode only (PASV, EPSV); RETR, STOR, APPE, SIZE, MDTM, REST, LIST, NLST, DELE');
      case 'STAT': return this.reply(211, `Logged in as ${this.user ?? '(nobody)'}; directory ${this.cwd}`);
      case 'PWD':
      case 'XPWD': return this.reply(257, `"${this.cwd.replace(/"/g, '""')}" is the current directory`);
      case 'CWD':
      case 'XCWD': return this.changeDirectory(arg);
      case 'CDUP':
      case 'XCUP':
        this.cwd = dirname(this.cwd);
        return this.reply(250, `Directory changed to ${this.cwd}`);
      case 'MKD':
      case 'XMKD': return this.reply(257, `"${this.resolve(arg).replace(/"/g, '""')}" created`); // directories are virtual
      case 'RMD':
      case 'XRMD': return this.reply(250, 'Directory removed');
      case 'TYPE': return this.typeCommand(arg);
      case 'MODE': return /^S$/i.test(arg.trim()) ? this.reply(200, 'Mode set to S') : this.reply(504, 'Only stream mode');
      case 'STRU': return /^F$/i.test(arg.trim()) ? this.reply(200, 'Structure set to F') : this.reply(504, 'Only file structure');
      case 'ALLO': return this.reply(202, 'No storage allocation necessary');
      case 'PASV': return this.enterPassive(false, arg);
      case 'EPSV': return this.enterPassive(true, arg);
      case 'PORT':
      case 'EPRT':
        this.settings.onNote(`FTP ${this.remoteAddress}: the client asked for active mode (${verb}); only passive mode is offered`);
        return this.reply(502, 'Active mode not supported, use PASV or EPSV');
      case 'REST': return this.restCommand(arg);
      case 'SIZE': return this.sizeCommand(arg);
      case 'MDTM': return this.mdtmCommand(arg);
      case 'RETR': return this.retrieve(arg);
      case 'STOR': return this.storeCommand(arg, 'STOR');
      case 'APPE': return this.storeCommand(arg, 'APPE');
      case 'DELE': return this.deleteCommand(arg);
      case 'LIST':
      case 'NLST': return this.listCommand(verb, arg);
      default:
        return this.reply(KNOWN_VERBS.has(verb) ? 502 : 500, KNOWN_VERBS.has(verb) ? `${verb} not implemented` : `${verb} not understood`);
    }
  }

  // ── login ──────────────────────────────────────────────────────────────────────────────────

  private userCommand(name: string): void {
    this.user = undefined; // a new USER starts a new login
    this.pendingUser = name;
    const anonymous = this.settings.allowAnonymous && /^(anonymous|ftp)$/i.test(name);
    this.reply(331, anonymous ? 'Anonymous login ok, send your e-mail address as password' : 'Password required');
  }

  private passCommand(password: string): void {
    const name = this.pendingUser;
    if (name === undefined) return this.reply(503, 'Login with USER first');
    this.pendingUser = undefined;
    const anonymous = this.settings.allowAnonymous && /^(anonymous|ftp)$/i.test(name);
    if (anonymous || (name === this.settings.user && password === this.settings.password)) {
      this.user = name;
      return this.reply(230, 'Login successful');
    }
    this.settings.onNote(`FTP ${this.remoteAddress}: login as ${JSON.stringify(name)} refused (wrong user or password)`);
    this.reply(530, 'Login incorrect');
  }

  // ── settings and the virtual directory ─────────────────────────────────────────────────────

  private typeCommand(arg: string): void {
    // Images always go as bytes: ASCII mode is accepted but not converted (firmware is binary).
    if (/^(I|L 8|A|A N)$/i.test(arg.trim())) return this.reply(200, `Type set to ${arg.trim().toUpperCase()}`);
    this.reply(504, 'Type not supported');
  }

  private changeDirectory(arg: string): void {
    const target = this.resolve(arg || '/');
    if (!this.settings.store.isDirectory(target)) return this.reply(550, `${target}: not a directory`);
    this.cwd = target;
    this.reply(250, `Directory changed to ${target}`);
  }

  private restCommand(arg: string): void {
    if (!/^\d{1,15}$/.test(arg.trim())) return this.reply(501, 'REST needs a byte offset');
    this.restOffset = Number(arg.trim());
    this.reply(350, `Restarting at ${this.restOffset}; send RETR or STOR`);
  }

  private sizeCommand(arg: string): void {
    const file = this.downloadable(arg);
    if (!file) return this.probed('download', arg, 'SIZE', 550, 'Could not get file size');
    this.probed('download', arg, 'SIZE', 213, String(file.size));
  }

  private mdtmCommand(arg: string): void {
    const file = this.downloadable(arg);
    if (!file) return this.probed('download', arg, 'MDTM', 550, 'Could not get modification time');
    this.probed('download', arg, 'MDTM', 213, file.modified.toISOString().replace(/[-:T]/g, '').slice(0, 14));
  }

  private deleteCommand(arg: string): void {
    const path = this.resolve(arg);
    if (this.settings.store.uploadRefusal(path)) return this.probed('upload', arg, 'DELE', 550, 'Permission denied');
    if (this.settings.store.deleteUpload(path)) return this.probed('upload', arg, 'DELE', 250, 'File deleted');
    this.probed('upload', arg, 'DELE', 550, this.settings.store.file(path) ? 'Permission denied' : 'No such file');
  }

  /**
   * Answer a command that only asks about a path (SIZE, MDTM, LIST, DELE) and log it as an access: a
   * charger that asks SIZE and then gives up did try the location, and a case must be able to see it.
   */
  private probed(direction: TransferRecord['direction'], arg: string, request: string, code: number, text: string): void {
    const started = this.settings.clock();
    this.reply(code, text);
    this.record(direction, this.resolve(arg), started, { request, status: code, bytes: 0, sha256: EMPTY_SHA256, outcome: 'probed', detail: text });
  }

  // ── data connections ───────────────────────────────────────────────────────────────────────

  private async enterPassive(extended: boolean, arg: string): Promise<void> {
    if (extended && /^ALL$/i.test(arg.trim())) return this.reply(200, 'EPSV ALL ok');
    if (extended && arg.trim() !== '' && !/^[12]$/.test(arg.trim())) return this.reply(522, 'Network protocol not supported, use (1,2)');
    const local = plainAddress(this.socket.localAddress ?? '127.0.0.1');
    const announced = this.settings.passiveAddress ?? local;
    if (!extended && !/^\d{1,3}(\.\d{1,3}){3}$/.test(announced)) return this.reply(425, 'PASV needs IPv4; use EPSV');
    this.passive?.close();
    this.passive = undefined;
    let listener: PassiveListener;
    try {
      listener = await PassiveListener.open(local, this.remoteAddress, this.registry, (stranger) => {
        this.settings.onNote(`FTP ${this.remoteAddress}: data connection from ${stranger} refused (not the control connection's host)`);
      });
    } catch (err) {
      return this.reply(425, `Cannot open passive connection: ${String(err)}`);
    }
    if (this.closed) return listener.close();
    this.passive = listener;
    const port = listener.port;
    if (extended) return this.reply(229, `Entering Extended Passive Mode (|||${port}|)`);
    this.reply(227, `Entering Passive Mode (${announced.split('.').join(',')},${port >> 8},${port & 0xff})`);
  }

  /** The data connection the last PASV/EPSV prepared, once the client has opened it. */
  private async openData(): Promise<Socket | undefined> {
    const listener = this.passive;
    if (!listener) return undefined;
    // Stays this.passive while we wait, so a lost control connection or close() ends the wait.
    const socket = await listener.accept(this.settings.dataConnectTimeoutMs);
    if (this.passive === listener) this.passive = undefined;
    listener.close();
    if (socket && this.closed) {
      socket.destroy();
      return undefined;
    }
    return socket;
  }

  // ── transfers ──────────────────────────────────────────────────────────────────────────────

  private async retrieve(arg: string): Promise<void> {
    const path = this.resolve(arg);
    const started = this.settings.clock();
    const offset = this.takeRestOffset();
    const finish = (fields: RecordFields) => this.record('download', path, started, { ...fields, ...(offset ? { offset } : {}) });
    if (!arg) return this.refuse(501, 'RETR needs a file name', finish, 'RETR', 'no file name given');
    const refusal = this.settings.store.downloadRefusal(path);
    const file = refusal ? undefined : this.settings.store.file(path);
    if (refusal) return this.refuse(refusal.ftpCode ?? 550, `${path}: refused`, finish, 'RETR', 'download refused by the test case');
    if (!file) return this.refuse(550, `${path}: no such file`, finish, 'RETR', 'no such file');
    if (offset > file.size) return this.refuse(554, `REST ${offset} is beyond the end of the file`, finish, 'RETR', `REST ${offset} beyond ${file.size} bytes`);
    if (!this.passive) return this.refuse(425, 'Use PASV or EPSV first', finish, 'RETR', 'no PASV/EPSV before RETR');
    const size = file.size;
    const content = file.content; // an uploaded file is read from disk once, here
    this.reply(150, `Opening BINARY mode data connection for ${path} (${size - offset} bytes)`);
    const data = await this.openData();
    if (!data) return this.refuse(425, 'Cannot open data connection', finish, 'RETR', this.noDataReason(), 'aborted');

    const tally = new ByteTally();
    let abortReason: string | undefined;
    const cutAt = cutPoint(file, offset, size);
    const run = async () => {
      const closed = closeOutcome(data);
      const whole = await pumpBytes(data, content, offset, cutAt ?? size, tally);
      if (whole) data.end(); // FIN marks the end of the file (stream mode), also for a cut
      const clean = await closed; // an RST from a client that did not read everything shows here
      if (abortReason) return this.settleTransfer(finish, 'RETR', 426, tally, 'aborted', abortReason);
      if (cutAt !== undefined && whole) {
        return this.settleTransfer(finish, 'RETR', 426, tally, 'aborted', `cut by the test case after byte ${cutAt} of ${size}`);
      }
      if (!whole || !clean) return this.settleTransfer(finish, 'RETR', 426, tally, 'aborted', 'the data connection broke during the download');
      this.settleTransfer(finish, 'RETR', 226, tally, 'completed');
    };
    await this.track(data, run, (reason) => (abortReason ??= reason));
  }

  private async storeCommand(arg: string, command: 'STOR' | 'APPE'): Promise<void> {
    const path = this.resolve(arg);
    const started = this.settings.clock();
    const offset = this.takeRestOffset();
    const filename = basename(path) || undefined;
    const finish = (fields: RecordFields) =>
      this.record('upload', path, started, { ...fields, ...(offset ? { offset } : {}), ...(filename ? { filename } : {}) });
    if (!arg) return this.refuse(501, `${command} needs a file name`, finish, command, 'no file name given');
    const refusal = this.settings.store.uploadRefusal(path);
    if (refusal) return this.refuse(refusal.ftpCode ?? 550, `${path}: refused`, finish, command, 'upload refused by the test case');
    if (!this.settings.store.isDirectory(dirname(path))) return this.refuse(553, `${dirname(path)} is a file`, finish, command, 'parent is a file');
    if (!this.passive) return this.refuse(425, 'Use PASV or EPSV first', finish, command, `no PASV/EPSV before ${command}`);
    this.reply(150, `Ok to send data for ${path}`);
    const data = await this.openData();
    if (!data) return this.refuse(425, 'Cannot open data connection', finish, command, this.noDataReason(), 'aborted');

    const tally = new ByteTally();
    // Written to disk as it comes; an APPE or a resume starts from the stored file, and the limit counts all of it.
    const writer = this.settings.store.beginUpload(path, command === 'APPE' ? { append: true } : { offset });
    let abortReason: string | undefined;
    let tooLarge: string | undefined;
    let ended = false;
    const run = async () => {
      const closed = closeOutcome(data);
      data.setTimeout(this.settings.uploadIdleMs, () => {
        abortReason ??= `nothing received for ${this.settings.uploadIdleMs} ms (limits.uploadIdleMs)`;
        data.destroy();
      });
      data.on('data', (chunk: Buffer) => {
        if (tooLarge) return;
        const refused = chunk.length + writer.size > this.settings.maxUploadBytes
          ? { limit: 'uploadBytesPerFile', max: this.settings.maxUploadBytes }
          : writer.write(chunk);
        if (refused) {
          tooLarge = `the file would pass limits.${refused.limit} = ${refused.max} bytes${command === 'APPE' ? ` (it had ${writer.size} bytes before this chunk)` : ''}`;
          data.destroy();
          return;
        }
        tally.add(chunk);
      });
      data.on('end', () => (ended = true));
      const clean = await closed;
      if (tooLarge) {
        writer.discard();
        return this.settleTransfer(finish, command, 552, tally, 'refused', tooLarge);
      }
      if (!abortReason && ended && clean) await delay(UPLOAD_SETTLE_MS);
      if (this.closed) abortReason ??= 'the control connection closed before the upload was confirmed';
      if (abortReason || !ended || !clean) {
        writer.discard();
        return this.settleTransfer(finish, command, 426, tally, 'aborted', abortReason ?? 'the data connection broke during the upload');
      }
      writer.commit();
      const small = tally.bytes <= CONTENT_IN_RECORD_BYTES ? this.settings.store.upload(path) : undefined;
      this.settleTransfer(finish, command, 226, tally, 'completed', undefined, small);
    };
    await this.track(data, run, (reason) => (abortReason ??= reason));
  }

  private async listCommand(verb: 'LIST' | 'NLST', arg: string): Promise<void> {
    // Options such as "-a" or "-la" come before the path; this listing has no hidden entries anyway.
    const pathArg = arg.split(' ').filter((part) => !part.startsWith('-')).join(' ');
    const target = this.resolve(pathArg || '.');
    const store = this.settings.store;
    const file = store.file(target);
    const entries = file
      ? [{ name: basename(target), size: file.size, isDirectory: false, modified: file.modified }]
      : store.list(target);
    // An access to the path all the same (a charger may list the directory before it uploads).
    this.record('download', target, this.settings.clock(), { request: verb, status: this.passive ? 150 : 425, bytes: 0, sha256: EMPTY_SHA256, outcome: 'probed', detail: 'directory listing' });
    if (!this.passive) return this.reply(425, 'Use PASV or EPSV first');
    this.reply(150, 'Here comes the directory listing');
    const data = await this.openData();
    if (!data) return this.reply(425, 'Cannot open data connection');
    const text = entries.map((e) => (verb === 'NLST' ? e.name : unixListLine(e))).map((l) => `${l}\r\n`).join('');
    const closed = closeOutcome(data);
    data.end(text);
    const clean = await closed;
    this.reply(clean ? 226 : 426, clean ? 'Directory send OK' : 'Listing aborted');
  }

  /** Runs a transfer so that ABOR and a lost control connection can stop it. */
  private async track(data: Socket, run: () => Promise<void>, setAbortReason: (reason: string) => void): Promise<void> {
    const done = run();
    this.transfer = {
      abort: (reason) => {
        setAbortReason(reason);
        data.destroy();
      },
      done: done.catch(() => undefined),
    };
    try {
      await done;
    } finally {
      this.transfer = undefined;
    }
  }

  private async abor(running: RunningTransfer): Promise<void> {
    running.abort('the client sent ABOR');
    await running.done; // its 426 goes first, then ours
    this.reply(226, 'ABOR successful');
  }

  private settleTransfer(
    finish: (fields: RecordFields) => void, request: string, code: number, tally: ByteTally,
    outcome: TransferRecord['outcome'], detail?: string, content?: Buffer,
  ): void {
    const text = code === 226 ? 'Transfer complete' : code === 552 ? 'Exceeded storage allocation' : 'Connection closed; transfer aborted';
    this.reply(code, text);
    finish({ request, status: code, bytes: tally.bytes, sha256: tally.sha256, outcome, ...(detail ? { detail } : {}), ...(content ? { content } : {}) });
  }

  /** Reply with an error and record a transfer that never moved a byte. */
  private refuse(
    code: number, text: string, finish: (fields: RecordFields) => void, request: string, detail: string,
    outcome: TransferRecord['outcome'] = 'refused',
  ): void {
    this.passive?.close(); // the data connection prepared for it is of no use now
    this.passive = undefined;
    this.reply(code, text);
    finish({ request, status: code, bytes: 0, sha256: EMPTY_SHA256, outcome, detail });
  }

  private record(direction: TransferRecord['direction'], path: string, startedAt: number, fields: RecordFields): void {
    const record: TransferRecord = {
      harnessRole: 'server', protocol: 'ftp', direction, path,
      remoteAddress: this.remoteAddress, ...(this.remotePort !== undefined ? { remotePort: this.remotePort } : {}),
      ...(this.user !== undefined ? { user: this.user } : {}),
      startedAt, endedAt: this.settings.clock(),
      ...fields,
    };
    this.settings.onTransfer(record);
  }

  // ── helpers ────────────────────────────────────────────────────────────────────────────────

  private resolve(arg: string): string {
    return resolvePath(this.cwd, arg);
  }

  private noDataReason(): string {
    return this.closed ? 'the control connection closed before the data connection opened' : 'the client never opened the data connection';
  }

  private takeRestOffset(): number {
    const offset = this.restOffset;
    this.restOffset = 0;
    return offset;
  }

  /** A file a client may read, refusals applied. */
  private downloadable(arg: string): StoredFile | undefined {
    const path = this.resolve(arg);
    return this.settings.store.downloadRefusal(path) ? undefined : this.settings.store.file(path);
  }

  private reply(code: number, text: string | string[]): void {
    if (this.socket.destroyed || !this.socket.writable) return;
    const lines = (Array.isArray(text) ? text : [text]).map((l) => l.replace(/[\r\n]+/g, ' '));
    const body = lines.length === 1
      ? `${code} ${lines[0]}\r\n`
      : `${code}-${lines[0]}\r\n${lines.slice(1, -1).map((l) => `${l}\r\n`).join('')}${code} ${lines[lines.length - 1]}\r\n`;
    this.socket.write(body);
  }
}

/** Verbs this server knows (some only to say "not implemented"); anything else is "not understood". */
const KNOWN_VERBS = new Set([
  'USER', 'PASS', 'ACCT', 'QUIT', 'REIN', 'SYST', 'FEAT', 'OPTS', 'NOOP', 'HELP', 'STAT', 'SITE', 'AUTH', 'PBSZ', 'PROT', 'CCC',
  'PWD', 'XPWD', 'CWD', 'XCWD', 'CDUP', 'XCUP', 'MKD', 'XMKD', 'RMD', 'XRMD', 'TYPE', 'MODE', 'STRU', 'ALLO',
  'PASV', 'EPSV', 'PORT', 'EPRT', 'LPRT', 'LPSV', 'REST', 'SIZE', 'MDTM', 'RETR', 'STOR', 'STOU', 'APPE', 'DELE',
  'RNFR', 'RNTO', 'LIST', 'NLST', 'MLSD', 'MLST', 'ABOR', 'SMNT',
]);

/** Where a cut download stops, when the case asked for one inside what is sent. */
function cutPoint(file: StoredFile, start: number, end: number): number | undefined {
  const cut = file.cutAfterBytes;
  return cut !== undefined && cut >= start && cut < end ? cut : undefined;
}

/** Resolves when the socket has closed: true when cleanly (FIN both ways), false after an error. */
function closeOutcome(socket: Socket): Promise<boolean> {
  return new Promise((resolve) => {
    if (socket.closed) return resolve(!socket.errored);
    socket.once('close', (hadError: boolean) => resolve(!hadError));
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function unixListLine(e: { name: string; size: number; isDirectory: boolean; modified: Date }): string {
  const d = e.modified;
  const when = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  return `${e.isDirectory ? 'drwxr-xr-x' : '-rw-r--r--'} 1 ocpp ocpp ${String(e.size).padStart(10, ' ')} ${when} ${e.name}`;
}
