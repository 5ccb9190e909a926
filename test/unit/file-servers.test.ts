// The harness's HTTP and FTP file servers, with real bytes over 127.0.0.1: basic-ftp and fetch as
// clients, plus a scripted raw FTP client for what a well-behaved client never does.
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import { Readable, Writable } from 'node:stream';
import { Client, FTPError } from 'basic-ftp';
import { expect } from 'chai';
import { startFileServers, type FileServers } from '../../harness/files/file-servers.js';
import { firmwareImage } from '../../harness/files/firmware-image.js';
import { transferTraceEvent, TransferLog, type TransferRecord } from '../../harness/files/transfer-log.js';
import { transferMeets } from '../../harness/checks/transfer-expectation.js';
import { Recorder } from '../../harness/trace/recorder.js';
import type { TraceEventInput } from '../../harness/trace/types.js';

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const MiB = 1024 * 1024;
const IMAGE = firmwareImage({ bytes: MiB, version: '2.0.0' });
/** Larger than what loopback socket buffers hold, so a transfer is still running when a test acts. */
const BIG_IMAGE = firmwareImage({ bytes: 16 * MiB, seed: 2 });

function portOf(base: string): number {
  return Number(new URL(base).port);
}

async function ftpClient(servers: FileServers, user = 'ocpp', password = 'ocpp'): Promise<Client> {
  const client = new Client(3000);
  await client.access({ host: '127.0.0.1', port: portOf(servers.ftpBase), user, password });
  return client;
}

function collector(): { sink: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _e, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { sink, bytes: () => Buffer.concat(chunks) };
}

/** The next record matching, or a failed test. */
async function nextRecord(servers: FileServers, predicate: (r: TransferRecord) => boolean): Promise<TransferRecord> {
  const record = await servers.log.waitFor(predicate, 3000);
  if (!record) throw new Error(`no matching transfer record; have: ${JSON.stringify(servers.log.records.map((r) => ({ ...r, content: undefined })))}`);
  return record;
}

/** An FTP control connection driven line by line. */
class RawFtp {
  private buffer = '';
  private readonly replies: { code: number; text: string }[] = [];
  private wake: (() => void) | undefined;
  closed = false;

  private constructor(readonly socket: Socket) {
    socket.setEncoding('latin1');
    socket.on('data', (text: string) => {
      this.buffer += text;
      this.parse();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.closed = true;
      this.wake?.();
    });
  }

  static async open(port: number): Promise<RawFtp> {
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    const raw = new RawFtp(socket);
    expect((await raw.reply()).code).to.equal(220);
    return raw;
  }

  send(line: string | Buffer): void {
    this.socket.write(typeof line === 'string' ? `${line}\r\n` : line);
  }

  async cmd(line: string): Promise<{ code: number; text: string }> {
    this.send(line);
    return this.reply();
  }

  async reply(): Promise<{ code: number; text: string }> {
    const deadline = Date.now() + 3000;
    while (this.replies.length === 0) {
      if (this.closed) throw new Error('control connection closed');
      if (Date.now() > deadline) throw new Error('no FTP reply');
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, 50);
      });
    }
    return this.replies.shift() as { code: number; text: string };
  }

  async login(): Promise<void> {
    expect((await this.cmd('USER ocpp')).code).to.equal(331);
    expect((await this.cmd('PASS ocpp')).code).to.equal(230);
  }

  /** EPSV, then the data connection to the port it names. */
  async openData(): Promise<Socket> {
    const r = await this.cmd('EPSV');
    expect(r.code).to.equal(229);
    const port = Number(/\|\|\|(\d+)\|/.exec(r.text)?.[1]);
    const data = connect(port, '127.0.0.1');
    data.on('error', () => undefined);
    await new Promise<void>((resolve) => data.once('connect', resolve));
    return data;
  }

  private parse(): void {
    for (;;) {
      const m = /^(\d{3})([ -])/.exec(this.buffer);
      if (!m) return;
      const end = m[2] === ' ' ? this.buffer.indexOf('\r\n') : this.buffer.search(new RegExp(`\\r\\n${m[1]} [^\\r]*\\r\\n`));
      if (end < 0) return;
      const stop = m[2] === ' ' ? end + 2 : this.buffer.indexOf('\r\n', end + 2) + 2;
      this.replies.push({ code: Number(m[1]), text: this.buffer.slice(4, stop - 2) });
      this.buffer = this.buffer.slice(stop);
      this.wake?.();
    }
  }
}

describe('files: HTTP and FTP file servers', function () {
  this.timeout(5000);
  let servers: FileServers;
  const traced: TraceEventInput[] = [];
  const notes: string[] = [];

  before(async () => {
    servers = await startFileServers({
      onTransfer: (r) => traced.push(transferTraceEvent(r)),
      onNote: (text) => notes.push(text),
      maxUploadBytes: 4 * MiB,
      ftpDataConnectTimeoutMs: 1000,
    });
  });
  after(() => servers.close());
  beforeEach(() => {
    servers.store.clear();
    servers.log.clear();
    traced.length = 0;
    notes.length = 0;
    servers.store.serve('/firmware/fw-2.0.0.bin', IMAGE);
  });

  it('starts on 127.0.0.1 with base URLs that carry the ports (and the FTP login)', () => {
    expect(servers.httpBase).to.match(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(servers.ftpBase).to.match(/^ftp:\/\/ocpp:ocpp@127\.0\.0\.1:\d+\/$/);
    expect(servers.httpUrl('/firmware/a b.bin')).to.equal(`${servers.httpBase}firmware/a%20b.bin`);
    expect(servers.ftpUrl('diagnostics/')).to.equal(`${servers.ftpBase}diagnostics/`);
  });

  describe('HTTP', () => {
    it('GET serves a 1 MiB image byte for byte and records the transfer', async () => {
      const res = await fetch(servers.httpUrl('/firmware/fw-2.0.0.bin'));
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-length')).to.equal(String(MiB));
      const body = Buffer.from(await res.arrayBuffer());
      expect(sha256(body)).to.equal(sha256(IMAGE));
      const r = await nextRecord(servers, () => true);
      expect(r).to.include({
        harnessRole: 'server', protocol: 'http', direction: 'download', path: '/firmware/fw-2.0.0.bin', request: 'GET',
        status: 200, bytes: MiB, sha256: sha256(IMAGE), outcome: 'completed', remoteAddress: '127.0.0.1',
      });
      expect(r.endedAt).to.be.at.least(r.startedAt);
      expect(traced).to.have.length(1);
      expect(traced[0]).to.include({ kind: 'file-transfer', outcome: 'completed', bytes: MiB, sha256: sha256(IMAGE) });
    });

    it('refuses a download on purpose (404, or the status asked for) and an unknown file', async () => {
      servers.store.refuseDownloads('/firmware/');
      expect((await fetch(servers.httpUrl('/firmware/fw-2.0.0.bin'))).status).to.equal(404);
      servers.store.allowDownloads('/firmware/');
      servers.store.refuseDownloads('/firmware/fw-2.0.0.bin', { httpStatus: 503 });
      expect((await fetch(servers.httpUrl('/firmware/fw-2.0.0.bin'))).status).to.equal(503);
      expect((await fetch(servers.httpUrl('/firmware/missing.bin'))).status).to.equal(404);
      const outcomes = servers.log.records.map((r) => [r.status, r.outcome, r.bytes, r.detail]);
      expect(outcomes).to.deep.equal([
        [404, 'refused', 0, 'download refused by the test case'],
        [503, 'refused', 0, 'download refused by the test case'],
        [404, 'refused', 0, 'no such file'],
      ]);
    });

    it('serves a byte range (resume) and records its offset', async () => {
      const res = await fetch(servers.httpUrl('/firmware/fw-2.0.0.bin'), { headers: { range: 'bytes=1000-' } });
      expect(res.status).to.equal(206);
      const body = Buffer.from(await res.arrayBuffer());
      expect(body.equals(IMAGE.subarray(1000))).to.equal(true);
      const r = await nextRecord(servers, () => true);
      expect(r).to.include({ status: 206, offset: 1000, bytes: MiB - 1000, sha256: sha256(IMAGE.subarray(1000)), outcome: 'completed' });
    });

    it('cuts a download after N bytes when asked: the client sees a short body, the record says aborted', async () => {
      servers.store.serve('/firmware/cut.bin', IMAGE, { cutAfterBytes: 100_000 });
      const res = await fetch(servers.httpUrl('/firmware/cut.bin'));
      let failed = false;
      try {
        await res.arrayBuffer();
      } catch {
        failed = true;
      }
      expect(failed, 'reading the body fails').to.equal(true);
      const r = await nextRecord(servers, () => true);
      expect(r).to.include({ outcome: 'aborted', bytes: 100_000, sha256: sha256(IMAGE.subarray(0, 100_000)) });
      expect(r.detail).to.match(/cut by the test case after byte 100000/);
    });

    it('PUT stores a raw upload', async () => {
      const log = Buffer.from('diagnostics\n'.repeat(1000));
      const res = await fetch(servers.httpUrl('/diagnostics/cp001.log'), { method: 'PUT', body: log });
      expect(res.status).to.equal(200);
      const r = await nextRecord(servers, () => true);
      expect(r).to.include({ direction: 'upload', request: 'PUT', path: '/diagnostics/cp001.log', filename: 'cp001.log', bytes: log.length, sha256: sha256(log), outcome: 'completed' });
      expect(r.content?.equals(log)).to.equal(true);
      expect(servers.store.upload('/diagnostics/cp001.log')?.equals(log)).to.equal(true);
      expect(traced[0]).to.not.have.property('content');
    });

    it('POST multipart/form-data (as many chargers upload): takes the file part, keeps its name', async () => {
      const file = Buffer.from(Array.from({ length: 300_000 }, (_, i) => i % 251));
      const form = new FormData();
      form.append('note', 'not the file');
      form.append('file', new Blob([new Uint8Array(file)]), 'diag-2024.zip');
      const res = await fetch(servers.httpUrl('/diagnostics/'), { method: 'POST', body: form });
      expect(res.status).to.equal(200);
      const r = await nextRecord(servers, () => true);
      expect(r).to.include({ request: 'POST multipart', path: '/diagnostics', filename: 'diag-2024.zip', bytes: file.length, sha256: sha256(file), outcome: 'completed' });
      expect(servers.store.upload('/diagnostics/diag-2024.zip')?.equals(file)).to.equal(true);
    });

    it('reads a hand-written multipart body (preamble, quoted boundary, LF endings)', async () => {
      const body = Buffer.from(
        'preamble\n--XyZ\nContent-Disposition: form-data; name="file"; filename="a.txt"\nContent-Type: text/plain\n\nline1\r\nline2\n--XyZ--\n',
      );
      const res = await fetch(servers.httpUrl('/up'), { method: 'POST', body, headers: { 'content-type': 'multipart/form-data; boundary="XyZ"' } });
      expect(res.status).to.equal(200);
      expect(servers.store.upload('/up/a.txt')?.toString()).to.equal('line1\r\nline2');
    });

    it('answers a broken multipart body with 400, recorded as refused', async () => {
      const body = Buffer.from('--B\r\nContent-Disposition: form-data; name="file"; filename="x"\r\n\r\nno closing boundary');
      const res = await fetch(servers.httpUrl('/up'), { method: 'POST', body, headers: { 'content-type': 'multipart/form-data; boundary=B' } });
      expect(res.status).to.equal(400);
      expect((await nextRecord(servers, () => true)).outcome).to.equal('refused');
    });

    it('refuses an upload on purpose (403 or as asked), also before the body with Expect: 100-continue', async () => {
      servers.store.refuseUploads('/diagnostics/');
      const put = await fetch(servers.httpUrl('/diagnostics/x.log'), { method: 'PUT', body: 'x'.repeat(10_000) });
      expect(put.status).to.equal(403);
      servers.store.refuseUploads('/diagnostics/', { httpStatus: 500 });
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest(servers.httpUrl('/diagnostics/y.log'), { method: 'PUT', headers: { expect: '100-continue', 'content-length': '5000' } });
        req.on('continue', () => reject(new Error('the server asked for the body of a refused upload')));
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.flushHeaders();
      });
      expect(status).to.equal(500);
      expect(servers.log.records.map((r) => [r.status, r.outcome, r.bytes])).to.deep.equal([[403, 'refused', 0], [500, 'refused', 0]]);
      expect(servers.store.upload('/diagnostics/x.log')).to.equal(undefined);
    });

    it('records an upload the client abandons mid-body as aborted', async () => {
      const req = httpRequest(servers.httpUrl('/diagnostics/half.log'), { method: 'PUT', headers: { 'content-length': String(MiB) } });
      req.on('error', () => undefined);
      // Give up only once the first bytes are on the wire, so the server has seen the request.
      req.write(Buffer.alloc(64 * 1024, 1), () => setTimeout(() => req.destroy(), 20));
      const record = await servers.log.waitFor(() => true, 3000);
      expect(record).to.include({ outcome: 'aborted', status: 0 });
      expect(record?.bytes).to.be.within(1, 64 * 1024);
    });

    it('refuses an upload over the limit with 413', async () => {
      const res = await fetch(servers.httpUrl('/diagnostics/big.bin'), { method: 'PUT', body: new Uint8Array(5 * MiB) });
      expect(res.status).to.equal(413);
      expect(await nextRecord(servers, () => true)).to.include({ outcome: 'refused', status: 413 });
    });

    it('survives garbage on the wire', async () => {
      const socket = connect(portOf(servers.httpBase), '127.0.0.1');
      const answer = await new Promise<string>((resolve) => {
        let text = '';
        socket.on('data', (d) => (text += d.toString('latin1')));
        socket.on('close', () => resolve(text));
        socket.on('error', () => resolve(text));
        socket.write(Buffer.from([0x16, 0x03, 0x01, 0x00, 0xff, 0x0d, 0x0a, 0x0d, 0x0a]));
      });
      expect(answer).to.match(/^HTTP\/1\.1 400/);
      expect((await fetch(servers.httpUrl('/firmware/fw-2.0.0.bin'))).status).to.equal(200);
    });
  });

  describe('FTP (basic-ftp as the client)', () => {
    it('RETR moves a 1 MiB image byte for byte and records who, what, how much', async () => {
      const client = await ftpClient(servers);
      try {
        const { sink, bytes } = collector();
        await client.downloadTo(sink, '/firmware/fw-2.0.0.bin');
        expect(sha256(bytes())).to.equal(sha256(IMAGE));
      } finally {
        client.close();
      }
      const r = await nextRecord(servers, () => true);
      expect(r).to.include({
        harnessRole: 'server', protocol: 'ftp', direction: 'download', path: '/firmware/fw-2.0.0.bin', request: 'RETR',
        status: 226, bytes: MiB, sha256: sha256(IMAGE), outcome: 'completed', remoteAddress: '127.0.0.1', user: 'ocpp',
      });
      expect(traced[0]).to.include({ kind: 'file-transfer', protocol: 'ftp', user: 'ocpp' });
    });

    it('resumes a download after REST and records the offset', async () => {
      const client = await ftpClient(servers);
      try {
        const { sink, bytes } = collector();
        await client.downloadTo(sink, 'firmware/fw-2.0.0.bin', 500_000);
        expect(bytes().equals(IMAGE.subarray(500_000))).to.equal(true);
      } finally {
        client.close();
      }
      expect(await nextRecord(servers, () => true)).to.include({ offset: 500_000, bytes: MiB - 500_000, outcome: 'completed' });
    });

    it('a refused RETR gets 550 (or the code asked for); so does an unknown file', async () => {
      servers.store.refuseDownloads('/firmware/fw-2.0.0.bin');
      const client = await ftpClient(servers);
      const codes: number[] = [];
      try {
        for (const path of ['/firmware/fw-2.0.0.bin', '/firmware/none.bin']) {
          try {
            await client.downloadTo(collector().sink, path);
          } catch (err) {
            codes.push(err instanceof FTPError ? err.code : -1);
          }
        }
        servers.store.refuseDownloads('/firmware/fw-2.0.0.bin', { ftpCode: 450 });
        await client.downloadTo(collector().sink, '/firmware/fw-2.0.0.bin').catch((err: unknown) => codes.push(err instanceof FTPError ? err.code : -1));
        expect(await client.size('/firmware/fw-2.0.0.bin').catch((err: unknown) => (err instanceof FTPError ? err.code : -1))).to.equal(550);
      } finally {
        client.close();
      }
      expect(codes).to.deep.equal([550, 550, 450]);
      expect(servers.log.records.map((r) => [r.status, r.outcome, r.detail])).to.deep.equal([
        [550, 'refused', 'download refused by the test case'],
        [550, 'refused', 'no such file'],
        [450, 'refused', 'download refused by the test case'],
        [550, 'probed', 'Could not get file size'], // SIZE is an access to the path as well
      ]);
    });

    it('STOR receives an upload, APPE appends; SIZE and LIST see it', async () => {
      const part1 = Buffer.alloc(200_000, 7);
      const part2 = Buffer.from('tail');
      const client = await ftpClient(servers);
      try {
        await client.cd('/diagnostics');
        await client.uploadFrom(Readable.from([part1]), 'cp001.zip');
        await client.appendFrom(Readable.from([part2]), 'cp001.zip');
        expect(await client.size('cp001.zip')).to.equal(part1.length + part2.length);
        expect((await client.list()).map((f) => [f.name, f.size])).to.deep.equal([['cp001.zip', part1.length + part2.length]]);
      } finally {
        client.close();
      }
      const [stor, appe] = servers.log.records;
      expect(stor).to.include({ direction: 'upload', request: 'STOR', path: '/diagnostics/cp001.zip', filename: 'cp001.zip', bytes: part1.length, sha256: sha256(part1), outcome: 'completed', status: 226 });
      expect(appe).to.include({ request: 'APPE', bytes: 4, outcome: 'completed' });
      expect(servers.store.upload('/diagnostics/cp001.zip')?.equals(Buffer.concat([part1, part2]))).to.equal(true);
    });

    it('a refused STOR gets 550 and stores nothing', async () => {
      servers.store.refuseUploads('/diagnostics/');
      const client = await ftpClient(servers);
      let code = 0;
      try {
        await client.uploadFrom(Readable.from([Buffer.from('x')]), '/diagnostics/cp001.zip');
      } catch (err) {
        code = err instanceof FTPError ? err.code : -1;
      } finally {
        client.close();
      }
      expect(code).to.equal(550);
      expect(await nextRecord(servers, () => true)).to.include({ outcome: 'refused', status: 550, bytes: 0 });
      expect(servers.store.upload('/diagnostics/cp001.zip')).to.equal(undefined);
    });

    it('cuts a download after N bytes when asked: 426 to the client, aborted in the record', async () => {
      servers.store.serve('/firmware/cut.bin', IMAGE, { cutAfterBytes: 300_000 });
      const client = await ftpClient(servers);
      const { sink, bytes } = collector();
      let code = 0;
      try {
        await client.downloadTo(sink, '/firmware/cut.bin');
      } catch (err) {
        code = err instanceof FTPError ? err.code : -1;
      } finally {
        client.close();
      }
      expect(code).to.equal(426);
      expect(bytes().length).to.equal(300_000);
      const r = await nextRecord(servers, () => true);
      expect(r).to.include({ outcome: 'aborted', status: 426, bytes: 300_000, sha256: sha256(IMAGE.subarray(0, 300_000)) });
    });

    it('serves two sessions at once', async () => {
      const upload = Buffer.alloc(512 * 1024, 3);
      const [a, b] = await Promise.all([ftpClient(servers), ftpClient(servers)]);
      try {
        const { sink, bytes } = collector();
        await Promise.all([
          a.downloadTo(sink, '/firmware/fw-2.0.0.bin'),
          b.uploadFrom(Readable.from([upload]), '/diagnostics/b.bin'),
        ]);
        expect(sha256(bytes())).to.equal(sha256(IMAGE));
      } finally {
        a.close();
        b.close();
      }
      const records = servers.log.records;
      expect(records.map((r) => `${r.request} ${r.outcome}`).sort()).to.deep.equal(['RETR completed', 'STOR completed']);
      expect(records[0]?.remotePort).to.not.equal(records[1]?.remotePort);
      expect(servers.store.upload('/diagnostics/b.bin')?.equals(upload)).to.equal(true);
    });
  });

  describe('FTP (scripted client: aborts and bad input)', () => {
    it('counts any access to a path as an attempt: SIZE then QUIT, MDTM of a missing file, DELE', async () => {
      const raw = await RawFtp.open(portOf(servers.ftpBase));
      await raw.login();
      expect((await raw.cmd('SIZE /firmware/fw-2.0.0.bin')).code).to.equal(213);
      expect((await raw.cmd('MDTM /firmware/missing.bin')).code).to.equal(550);
      expect((await raw.cmd('DELE /diagnostics/none.log')).code).to.equal(550);
      await raw.cmd('QUIT');
      const size = await nextRecord(servers, (r) => r.request === 'SIZE');
      expect(size).to.include({ direction: 'download', path: '/firmware/fw-2.0.0.bin', status: 213, bytes: 0, outcome: 'probed' });
      expect(await nextRecord(servers, (r) => r.request === 'MDTM')).to.include({ direction: 'download', path: '/firmware/missing.bin', status: 550, outcome: 'probed' });
      expect(await nextRecord(servers, (r) => r.request === 'DELE')).to.include({ direction: 'upload', path: '/diagnostics/none.log', outcome: 'probed' });
      // What a case asks: the path was attempted, not downloaded.
      const attempt = { harnessRole: 'server' as const, direction: 'download' as const, path: '/firmware/', location: servers.ftpUrl('/firmware/fw-2.0.0.bin'), requirement: 'r' };
      expect(transferMeets({ type: 'transfer', afterSeq: 0, untilSeq: 1, ...attempt, outcome: 'attempted' }, size)).to.equal(true);
      expect(transferMeets({ type: 'transfer', afterSeq: 0, untilSeq: 1, ...attempt }, size)).to.equal(false);
      expect(traced.map((e) => (e as { request?: string }).request)).to.include.members(['SIZE', 'MDTM', 'DELE']);
    });

    it('a HEAD over HTTP is an access too (probed, no bytes)', async () => {
      await new Promise<void>((resolve, reject) => {
        const req = httpRequest(servers.httpUrl('/firmware/fw-2.0.0.bin'), { method: 'HEAD' }, (res) => { res.resume(); res.on('end', resolve); });
        req.on('error', reject).end();
      });
      expect(await nextRecord(servers, (r) => r.request === 'HEAD')).to.include({ direction: 'download', status: 200, bytes: 0, outcome: 'probed' });
    });

    it('a client that vanishes mid-download is recorded as aborted', async () => {
      servers.store.serve('/firmware/big.bin', BIG_IMAGE);
      const raw = await RawFtp.open(portOf(servers.ftpBase));
      await raw.login();
      const data = await raw.openData();
      expect((await raw.cmd('RETR /firmware/big.bin')).code).to.equal(150);
      await new Promise<void>((resolve) => data.once('data', () => resolve()));
      data.resetAndDestroy();
      raw.socket.destroy();
      const r = await nextRecord(servers, () => true);
      expect(r.outcome).to.equal('aborted');
      expect(r.bytes).to.be.below(16 * MiB);
    });

    it('an upload whose control connection drops is aborted, even if the data connection ends cleanly', async () => {
      const raw = await RawFtp.open(portOf(servers.ftpBase));
      await raw.login();
      const data = await raw.openData();
      expect((await raw.cmd('STOR /diagnostics/partial.log')).code).to.equal(150);
      data.write(Buffer.alloc(100_000, 1));
      raw.socket.destroy();
      data.end();
      const r = await nextRecord(servers, () => true);
      expect(r).to.include({ outcome: 'aborted', request: 'STOR' });
      expect(servers.store.upload('/diagnostics/partial.log')).to.equal(undefined);
    });

    it('an upload whose data connection is reset gets 426 and is aborted', async () => {
      const raw = await RawFtp.open(portOf(servers.ftpBase));
      await raw.login();
      const data = await raw.openData();
      expect((await raw.cmd('STOR /diagnostics/reset.log')).code).to.equal(150);
      await new Promise<void>((resolve) => data.write(Buffer.alloc(50_000, 1), () => resolve()));
      await new Promise((resolve) => setTimeout(resolve, 30)); // let the bytes arrive: a reset overtaking them reads as a FIN on Linux
      data.resetAndDestroy();
      expect((await raw.reply()).code).to.equal(426);
      expect((await raw.cmd('NOOP')).code).to.equal(200); // the session goes on
      raw.socket.destroy();
      expect((await nextRecord(servers, () => true)).outcome).to.equal('aborted');
    });

    it('ABOR stops a running download: 426 for the transfer, then 226', async () => {
      servers.store.serve('/firmware/big.bin', BIG_IMAGE);
      const raw = await RawFtp.open(portOf(servers.ftpBase));
      await raw.login();
      const data = await raw.openData();
      data.pause(); // read nothing: the transfer is still running when ABOR comes
      expect((await raw.cmd('RETR /firmware/big.bin')).code).to.equal(150);
      raw.send(Buffer.from([0xff, 0xf4, 0xff, 0xf2, ...Buffer.from('ABOR\r\n')])); // IAC IP IAC DM ABOR
      expect([(await raw.reply()).code, (await raw.reply()).code]).to.deep.equal([426, 226]);
      raw.socket.destroy();
      expect(await nextRecord(servers, () => true)).to.include({ outcome: 'aborted', detail: 'the client sent ABOR' });
    });

    it('never crashes on bad input: garbage, unknown verbs, commands before login, endless lines', async () => {
      const raw = await RawFtp.open(portOf(servers.ftpBase));
      raw.send(Buffer.from([0x00, 0x01, 0xfe, 0x80, 0x0d, 0x0a]));
      expect((await raw.reply()).code).to.equal(500);
      expect((await raw.cmd('FROB x')).code).to.equal(500);
      expect((await raw.cmd('RETR /firmware/fw-2.0.0.bin')).code).to.equal(530);
      expect((await raw.cmd('PASV')).code).to.equal(530);
      expect((await raw.cmd('A'.repeat(10_000))).code).to.equal(500);
      expect((await raw.cmd('PASS ocpp')).code).to.equal(503);
      expect((await raw.cmd('USER ocpp')).code).to.equal(331);
      expect((await raw.cmd('PASS wrong')).code).to.equal(530);
      expect(notes.some((n) => /login as "ocpp" refused/.test(n))).to.equal(true);
      await raw.login();
      expect((await raw.cmd('PORT 127,0,0,1,4,1')).code).to.equal(502);
      expect(notes.some((n) => /active mode/.test(n))).to.equal(true);
      expect((await raw.cmd('RETR /firmware/fw-2.0.0.bin')).code).to.equal(425); // no PASV first
      expect((await raw.cmd('ABOR')).code).to.equal(225); // nothing to abort
      expect((await raw.cmd('REST abc')).code).to.equal(501);
      expect((await raw.cmd('TYPE X')).code).to.equal(504);
      expect((await raw.cmd('MLSD')).code).to.equal(502);
      expect((await raw.cmd('CWD /firmware/fw-2.0.0.bin')).code).to.equal(550);
      expect((await raw.cmd('CWD ../../diagnostics')).code).to.equal(250);
      expect((await raw.cmd('PWD')).text).to.equal('"/diagnostics" is the current directory');
      expect((await raw.cmd('FEAT')).text).to.contain('EPSV');
      expect((await raw.cmd('QUIT')).code).to.equal(221);
      // …and the server still serves.
      const client = await ftpClient(servers);
      try {
        expect(await client.size('/firmware/fw-2.0.0.bin')).to.equal(MiB);
      } finally {
        client.close();
      }
    });
  });
});

describe('files: close() leaves nothing open', function () {
  this.timeout(5000);

  it('ends idle and busy sessions, pending data listeners and keep-alive HTTP connections', async () => {
    const tcpHandles = () => process.getActiveResourcesInfo().filter((r) => r.startsWith('TCP')).length;
    const baseline = tcpHandles();
    const servers = await startFileServers();
    servers.store.serve('/firmware/big.bin', BIG_IMAGE);
    const idle = await RawFtp.open(portOf(servers.ftpBase));
    await idle.login();
    const pending = await RawFtp.open(portOf(servers.ftpBase));
    await pending.login();
    expect((await pending.cmd('EPSV')).code).to.equal(229); // a passive listener nobody connects to
    const busy = await RawFtp.open(portOf(servers.ftpBase));
    await busy.login();
    const data = await busy.openData();
    data.pause();
    expect((await busy.cmd('RETR /firmware/big.bin')).code).to.equal(150);
    await (await fetch(servers.httpUrl('/firmware/big.bin'), { method: 'HEAD' })).arrayBuffer(); // keep-alive socket

    await servers.close();
    const closedByServer = await Promise.all([idle, pending, busy].map((raw) => new Promise<boolean>((resolve) => {
      if (raw.closed) return resolve(true);
      raw.socket.once('close', () => resolve(true));
      setTimeout(() => resolve(false), 1000);
    })));
    expect(closedByServer).to.deep.equal([true, true, true]);
    data.destroy();
    const record = servers.log.records.find((r) => r.request === 'RETR');
    expect(record?.outcome).to.equal('aborted');
    // Handles go away on the next turns of the event loop: allow a few.
    for (let i = 0; i < 50 && tcpHandles() > baseline; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(tcpHandles()).to.be.at.most(baseline);
  });
});

describe('files: transfer log and trace event', () => {
  const record = (path: string): TransferRecord => ({
    harnessRole: 'server', protocol: 'http', direction: 'upload', path, request: 'PUT', status: 200, bytes: 3,
    sha256: sha256(Buffer.from('abc')), outcome: 'completed', remoteAddress: '127.0.0.1', startedAt: 1, endedAt: 2,
    content: Buffer.from('abc'),
  });

  it('waitFor finds a logged record, waits for a later one, and gives up with undefined', async () => {
    const log = new TransferLog();
    log.add(record('/a'));
    expect((await log.waitFor((r) => r.path === '/a', 10))?.path).to.equal('/a');
    const later = log.waitFor((r) => r.path === '/b', 1000);
    setTimeout(() => log.add(record('/b')), 10);
    expect((await later)?.path).to.equal('/b');
    expect(await log.waitFor((r) => r.path === '/never', 20)).to.equal(undefined);
    const controller = new AbortController();
    const cancelled = log.waitFor(() => false, 5000, controller.signal);
    controller.abort();
    expect(await cancelled).to.equal(undefined);
  });

  it('becomes a file-transfer trace event without the content', () => {
    const event = new Recorder().record(transferTraceEvent(record('/diagnostics/x.log')));
    expect(event).to.include({ kind: 'file-transfer', seq: 0, path: '/diagnostics/x.log', bytes: 3, outcome: 'completed', direction: 'upload' });
    expect(event).to.not.have.property('content');
  });
});
