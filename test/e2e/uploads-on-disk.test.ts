// Issue "nothing a SUT sends can crash the harness or lose a report", defect 11: uploads were held in
// memory for the whole run (eight 60 MiB HTTP uploads and five 60 MiB FTP appends took RSS from 85 MB
// to 1.5 GB, one file reached 300 MiB despite the 64 MiB limit), and an upload that declared 70 MiB and
// sent nothing got no answer. Now uploads stream to a temporary folder within per-file and per-run
// limits, and the folder is removed when the servers close. The servers run in a process of their own.
import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { request } from 'node:http';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Client } from 'basic-ftp';

const MiB = 1024 * 1024;
const CHILD = fileURLToPath(new URL('../support/file-servers-child.mjs', import.meta.url));
/** The file servers' peak RSS after 480 MiB of HTTP and 120 MiB of FTP uploads (it was 1.5 GB). */
const RSS_BUDGET_MB = 200;

/** `bytes` of a repeating pattern, made as they are read (the test process holds 64 KiB, not the file). */
function pattern(bytes: number): Readable {
  const chunk = Buffer.alloc(64 * 1024, 'ocpp-harness upload ');
  let left = bytes;
  return new Readable({
    read() {
      if (left <= 0) return this.push(null);
      const n = Math.min(left, chunk.length);
      left -= n;
      this.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    },
  });
}

/** PUT `bytes`, or POST them as the file of a multipart form (`form`, stored under its file name). */
function upload(url: string, bytes: number, form?: string): Promise<number> {
  const head = form ? Buffer.from(`--XYZ\r\nContent-Disposition: form-data; name="file"; filename="${form}"\r\n\r\n`) : Buffer.alloc(0);
  const tail = form ? Buffer.from('\r\n--XYZ--\r\n') : Buffer.alloc(0);
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: form ? 'POST' : 'PUT',
      headers: { 'content-length': String(head.length + bytes + tail.length), ...(form ? { 'content-type': 'multipart/form-data; boundary=XYZ' } : {}) },
    }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.write(head);
    pattern(bytes).on('end', () => req.end(tail)).pipe(req, { end: false });
  });
}

/** Send only the request head of an upload (declaring `declared` bytes) and wait for the answer's status line. */
function declareOnly(url: string, declared: number, firstBytes = 0): Promise<{ status: string; ms: number }> {
  const { hostname, port, pathname } = new URL(url);
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const socket = connect(Number(port), hostname, () => {
      socket.write(`PUT ${pathname} HTTP/1.1\r\nHost: ${hostname}\r\nContent-Length: ${declared}\r\n\r\n`);
      if (firstBytes) socket.write(Buffer.alloc(firstBytes, 'x'));
    });
    let text = '';
    socket.on('data', (d) => {
      text += d.toString('latin1');
      const line = /^HTTP\/1\.1 (\d{3})/.exec(text);
      if (line) {
        resolve({ status: line[1]!, ms: Date.now() - t0 });
        socket.destroy();
      }
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new Error(`closed without an answer after ${Date.now() - t0} ms: ${JSON.stringify(text)}`)));
  });
}

describe('uploads stream to a temporary folder, within their limits', function () {
  this.timeout(240_000);
  let child: ChildProcess;
  let http: string;
  let ftp: URL;
  let output = '';
  const measured = () => JSON.parse(/^MEASURED (.*)$/m.exec(output)![1]!) as {
    maxRssKb: number; folder: string | undefined; folderLeft: boolean; stored: Record<string, number>;
    records: { request: string; status: number; outcome: string; bytes: number; detail?: string }[];
  };

  before(async () => {
    child = spawn(process.execPath, [CHILD], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, FILE_SERVERS_LIMITS: JSON.stringify({ uploadBytesPerFile: 64 * MiB, uploadBytesPerRun: 1024 * MiB, uploadIdleMs: 800 }) },
    });
    child.stderr!.on('data', (d) => (output += d));
    const ready = await new Promise<{ http: string; ftp: string }>((resolve, reject) => {
      child.stdout!.on('data', (d) => {
        output += d;
        const m = /^READY (.*)$/m.exec(output);
        if (m) resolve(JSON.parse(m[1]!));
      });
      child.once('exit', () => reject(new Error(`file servers exited: ${output}`)));
    });
    http = ready.http;
    ftp = new URL(ready.ftp);
  });

  after(() => child.kill());

  it('eight 60 MiB HTTP uploads at once (four PUT, four multipart forms) are all stored', async () => {
    const statuses = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2
      ? upload(`${http}up/`, 60 * MiB, `file${i}.log`)
      : upload(`${http}up/file${i}.log`, 60 * MiB))));
    expect(statuses).to.deep.equal(Array(8).fill(200));
  });

  it('FTP APPE is refused (552) once the whole file would pass limits.uploadBytesPerFile; the file keeps its size', async () => {
    const client = new Client(30_000);
    try {
      await client.access({ host: ftp.hostname, port: Number(ftp.port), user: decodeURIComponent(ftp.username), password: decodeURIComponent(ftp.password) });
      await client.uploadFrom(pattern(60 * MiB), '/up/appended.log');
      let refused: unknown;
      try {
        await client.appendFrom(pattern(60 * MiB), '/up/appended.log');
      } catch (err) {
        refused = err;
      }
      // The client sees 552, or the data connection the server cut at the limit; the server's record says 552 (below).
      expect(String((refused as Error | undefined)?.message)).to.match(/552|ECONNRESET|EPIPE/);
    } finally {
      client.close();
    }
  });

  it('an upload that declares 70 MiB and sends nothing is answered at once (413)', async () => {
    const { status, ms } = await declareOnly(`${http}up/silent.log`, 70 * MiB);
    expect(status).to.equal('413');
    expect(ms).to.be.below(5000); // it used to get no answer in 15 s
  });

  it('an upload that stops sending is answered 408 after limits.uploadIdleMs', async () => {
    const { status } = await declareOnly(`${http}up/stalled.log`, 10 * MiB, 1000);
    expect(status).to.equal('408');
  });

  it('the servers stayed small, and closing them removed the temporary folder', async () => {
    child.stdin!.write('STOP\n');
    await new Promise((r) => child.once('exit', r));
    const m = measured();
    expect(m.stored['appended.log']).to.equal(60 * MiB);
    for (let i = 0; i < 8; i++) expect(m.stored[`file${i}.log`]).to.equal(60 * MiB);
    expect(m.stored).to.not.have.property('silent.log');
    expect(m.stored).to.not.have.property('stalled.log');
    const appe = m.records.find((r) => r.request === 'APPE');
    expect(appe?.status).to.equal(552);
    expect(appe?.detail).to.contain('limits.uploadBytesPerFile');
    expect(m.folder).to.be.a('string');
    expect(m.folderLeft).to.equal(false);
    if (process.env.SHOW_RSS) console.log(`    file servers' peak RSS ${(m.maxRssKb / 1024).toFixed(0)} MB`);
    expect(m.maxRssKb / 1024).to.be.below(RSS_BUDGET_MB);
  });
});
