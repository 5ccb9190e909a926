// The harness as charge point fetching firmware and uploading diagnostics, against the harness's own
// file servers (and a silent server, for timeouts), with real bytes over 127.0.0.1.
import { createHash } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { expect } from 'chai';
import { startFileServers, type FileServers } from '../../harness/files/file-servers.js';
import { firmwareImage } from '../../harness/files/firmware-image.js';
import { download, TransferError, upload, type ClientRecording } from '../../harness/files/transfer-client.js';
import type { TransferRecord } from '../../harness/files/transfer-log.js';

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const MiB = 1024 * 1024;
const IMAGE = firmwareImage({ bytes: MiB, version: '3.1.4' });

async function failure(promise: Promise<unknown>): Promise<TransferError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof TransferError) return err;
    throw err;
  }
  throw new Error('expected a TransferError');
}

describe('files: transfer client (harness = charge point)', function () {
  this.timeout(5000);
  let servers: FileServers;
  const clientRecords: TransferRecord[] = [];
  const recording: ClientRecording = { clock: () => performance.now(), onTransfer: (r) => clientRecords.push(r) };

  before(async () => {
    servers = await startFileServers();
  });
  after(() => servers.close());
  beforeEach(() => {
    servers.store.clear();
    servers.log.clear();
    clientRecords.length = 0;
    servers.store.serve('/firmware/fw.bin', IMAGE);
  });

  for (const protocol of ['http', 'ftp'] as const) {
    const urlOf = (path: string) => (protocol === 'http' ? servers.httpUrl(path) : servers.ftpUrl(path));

    describe(protocol.toUpperCase(), () => {
      it('downloads a 1 MiB image: the same SHA-256 on both ends', async () => {
        const got = await download(urlOf('/firmware/fw.bin'), { timeoutMs: 3000, recording });
        expect(got.bytes.length).to.equal(MiB);
        expect(got.sha256).to.equal(sha256(IMAGE)).and.to.equal(sha256(got.bytes));
        const served = await servers.log.waitFor(() => true, 3000);
        expect(served?.sha256).to.equal(got.sha256);
        expect(clientRecords).to.have.length(1);
        expect(clientRecords[0]).to.include({
          harnessRole: 'client', protocol, direction: 'download', path: '/firmware/fw.bin', bytes: MiB,
          sha256: sha256(IMAGE), outcome: 'completed', remoteAddress: new URL(urlOf('/')).host,
        });
      });

      it('a refused download is a TransferError "refused" with the status', async () => {
        servers.store.refuseDownloads('/firmware/');
        const err = await failure(download(urlOf('/firmware/fw.bin'), { timeoutMs: 3000, recording }));
        expect(err.reason).to.equal('refused');
        expect(err.status).to.equal(protocol === 'http' ? 404 : 550);
        expect(clientRecords[0]).to.include({ outcome: 'refused', bytes: 0 });
      });

      it('a download cut short is a TransferError "aborted"', async () => {
        servers.store.serve('/firmware/cut.bin', IMAGE, { cutAfterBytes: 200_000 });
        const err = await failure(download(urlOf('/firmware/cut.bin'), { timeoutMs: 3000, recording }));
        expect(err.reason).to.equal('aborted');
        expect(clientRecords[0]?.outcome).to.equal('aborted');
      });

      it('uploads a diagnostics file into the location (a directory)', async () => {
        const diagnostics = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7) % 256));
        const result = await upload(urlOf('/diagnostics/'), 'cp001-diag.zip', diagnostics, { timeoutMs: 3000, recording });
        expect(result).to.include({ ok: true, bytes: diagnostics.length, status: protocol === 'http' ? 200 : 226 });
        expect(servers.store.upload('/diagnostics/cp001-diag.zip')?.equals(diagnostics)).to.equal(true);
        const received = await servers.log.waitFor(() => true, 3000);
        expect(received).to.include({ filename: 'cp001-diag.zip', sha256: sha256(diagnostics), outcome: 'completed' });
        expect(clientRecords[0]).to.include({
          harnessRole: 'client', direction: 'upload', filename: 'cp001-diag.zip', sha256: sha256(diagnostics), outcome: 'completed',
          // A form is posted to the location itself; FTP stores location/filename.
          path: protocol === 'http' ? '/diagnostics/' : '/diagnostics/cp001-diag.zip', request: protocol === 'http' ? 'POST multipart' : 'STOR',
        });
      });

      it('a refused upload is { ok: false } with the status, never a throw', async () => {
        servers.store.refuseUploads('/diagnostics/');
        const result = await upload(urlOf('/diagnostics/'), 'x.log', Buffer.from('x'), { timeoutMs: 3000, recording });
        expect(result).to.include({ ok: false, status: protocol === 'http' ? 403 : 550, bytes: 0 });
        expect(clientRecords[0]?.outcome).to.equal('refused');
      });
    });
  }

  it('HTTP PUT puts the raw bytes at location/filename', async () => {
    const result = await upload(servers.httpUrl('/diagnostics'), 'raw.log', Buffer.from('raw log'), { timeoutMs: 3000, httpMethod: 'PUT' });
    expect(result.ok).to.equal(true);
    expect(servers.store.upload('/diagnostics/raw.log')?.toString()).to.equal('raw log');
    expect((await servers.log.waitFor(() => true, 3000))?.request).to.equal('PUT');
  });

  it('takes the FTP login from the URL; a wrong one fails', async () => {
    const wrong = servers.ftpUrl('/firmware/fw.bin').replace('ocpp:ocpp@', 'ocpp:nope@');
    const err = await failure(download(wrong, { timeoutMs: 3000 }));
    expect(err.reason).to.equal('refused');
    expect(err.status).to.equal(530);
  });

  it('refuses protocols it does not speak, and text that is no URL', async () => {
    expect((await failure(download('ftps://127.0.0.1/fw.bin', { timeoutMs: 1000 }))).reason).to.equal('unsupported');
    expect((await failure(download('not a url', { timeoutMs: 1000 }))).reason).to.equal('unsupported');
    expect(await upload('sftp://h/d/', 'x', Buffer.from('x'), { timeoutMs: 1000 })).to.include({ ok: false, status: 0 });
  });

  describe('a server that never answers', () => {
    let silent: Server;
    const sockets = new Set<Socket>();
    let port = 0;

    before(async () => {
      silent = createServer((socket) => {
        sockets.add(socket);
        socket.on('error', () => undefined);
        socket.on('close', () => sockets.delete(socket));
      });
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const address = silent.address();
      port = typeof address === 'object' && address ? address.port : 0;
    });
    after(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    });

    for (const scheme of ['http', 'ftp']) {
      it(`${scheme}: times out after timeoutMs`, async () => {
        const started = Date.now();
        const err = await failure(download(`${scheme}://127.0.0.1:${port}/fw.bin`, { timeoutMs: 200 }));
        expect(err.reason).to.equal('timeout');
        expect(Date.now() - started).to.be.within(150, 1500);
        const result = await upload(`${scheme}://127.0.0.1:${port}/d/`, 'x.log', Buffer.from('x'), { timeoutMs: 200 });
        expect(result).to.include({ ok: false, status: 0 });
        expect(result.detail).to.match(/within 200 ms/);
      });

      it(`${scheme}: stops when the signal aborts`, async () => {
        const controller = new AbortController();
        setTimeout(() => controller.abort(), 50);
        const err = await failure(download(`${scheme}://127.0.0.1:${port}/fw.bin`, { timeoutMs: 3000, signal: controller.signal }));
        expect(err.reason).to.equal('cancelled');
      });
    }
  });
});
