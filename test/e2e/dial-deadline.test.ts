// Issue "nothing a SUT sends can crash the harness or lose a report", defects 7 and 8: the WebSocket
// handshake timeout counted only idle time (a CSMS trickling a byte every 2 s held a 3 s dial for 153 s),
// and Ctrl-C while dialling a CSMS that never answers left the process alive for the whole timeout.
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dial, DialError } from '../../harness/transport/client.js';
import { TraceHub } from '../../harness/trace/recorder.js';
import { CLI } from '../support/cli.js';

function listen(onSocket: (s: Socket) => void): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer(onSocket);
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port }));
  });
}

describe('dialling a CSMS that stalls', function () {
  this.timeout(30_000);
  const dir = mkdtempSync(join(tmpdir(), 'ocpp-harness-dial-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a CSMS trickling one byte every 500 ms cannot stretch a 1.5 s handshake deadline', async () => {
    const sockets: Socket[] = [];
    const { server, port } = await listen((s) => {
      sockets.push(s);
      s.on('error', () => undefined);
      const reply = 'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n';
      let i = 0;
      const t = setInterval(() => (i < reply.length && !s.destroyed ? s.write(reply[i++]!) : clearInterval(t)), 500);
      s.on('close', () => clearInterval(t));
    });
    const started = Date.now();
    try {
      await dial(new TraceHub(), { url: `ws://127.0.0.1:${port}/ocpp`, identity: 'CP1', subprotocols: ['ocpp1.6'], timeoutMs: 1500, maxFrameBytes: 1 << 20 });
      expect.fail('the dial should time out');
    } catch (err) {
      expect(err).to.be.instanceOf(DialError);
      expect((err as DialError).kind).to.equal('timeout');
    } finally {
      for (const s of sockets) s.destroy();
      server.close();
    }
    expect(Date.now() - started).to.be.below(2500);
  });

  it('Ctrl-C while dialling a CSMS that never answers: reports written and the process gone within seconds', async () => {
    const sockets: Socket[] = [];
    const { server, port } = await listen((s) => { sockets.push(s); s.on('error', () => undefined); });
    const cfg = join(dir, 'slow.json');
    writeFileSync(cfg, JSON.stringify({ timeouts: { connectMs: 60000 } }));
    const out = join(dir, 'out');
    const child = spawn(process.execPath, [CLI, 'test', 'csms', '--url', `ws://127.0.0.1:${port}/ocpp`, '--config', cfg, '--cases', 'TC_001_CSMS', '--report-dir', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('▸ TC_001_CSMS')) setTimeout(() => child.kill('SIGINT'), 1000);
    });
    const started = Date.now();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    for (const s of sockets) s.destroy();
    server.close();
    expect(code).to.equal(2);
    expect(Date.now() - started).to.be.below(10_000);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { interrupted: boolean };
    expect(results.interrupted).to.equal(true);
  });
});
