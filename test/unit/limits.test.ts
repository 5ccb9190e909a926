// Every named limit (harness/config/limits.ts) is enforced where it applies: one test per limit, on
// real sockets where the limit is about a peer. Uploads' idle time and the per-file limit of an FTP
// append are in test/e2e/uploads-on-disk.test.ts, big frames in both roles in test/e2e/large-frames.test.ts.
import { expect } from 'chai';
import { connect } from 'node:net';
import WebSocket from 'ws';
import { buildRpcModel } from '../../harness/checks/rpc-model.js';
import { findingsOf } from '../../harness/checks/judge.js';
import { DEFAULT_LIMITS, resolveLimits, type Limits } from '../../harness/config/limits.js';
import { ConfigError, resolveConfig } from '../../harness/config/load.js';
import { FileStore } from '../../harness/files/file-store.js';
import { Link } from '../../harness/roles/link.js';
import { schemaRegistry } from '../../harness/schema/registry.js';
import { Recorder, TraceHub } from '../../harness/trace/recorder.js';
import type { FrameEvent, TraceEvent } from '../../harness/trace/types.js';
import { WsServerEndpoint } from '../../harness/transport/server.js';
import type { FrameChannel } from '../../harness/transport/frame-channel.js';

async function endpoint(limits: Partial<Limits>, maxFrameBytes = 1 << 20) {
  const hub = new TraceHub();
  const server = new WsServerEndpoint(hub, { host: '127.0.0.1', port: 0, subprotocol: 'ocpp1.6', maxFrameBytes, limits: resolveLimits(limits) });
  const { port } = await server.listen();
  const channels: FrameChannel[] = [];
  server.onConnection((c) => channels.push(c));
  return { hub, server, channels, url: (id = 'CP1') => `ws://127.0.0.1:${port}/ocpp/${id}`, port };
}

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, ['ocpp1.6']);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

const nextText = (ws: WebSocket) => new Promise<string>((resolve) => ws.once('message', (d) => resolve(d.toString())));
const frames = (events: readonly TraceEvent[]) => events.filter((e): e is FrameEvent => e.kind === 'frame');

describe('named limits', () => {
  it('config: a `limits` section overrides defaults field by field; an unknown limit is a clear error', () => {
    const cfg = resolveConfig({ limits: { frameBytes: 2048, findingsPerCheck: 3 } });
    const limits = resolveLimits(cfg.limits);
    expect(limits.frameBytes).to.equal(2048);
    expect(limits.findingsPerCheck).to.equal(3);
    expect(limits.framesKeptInFull).to.equal(DEFAULT_LIMITS.framesKeptInFull);
    expect(() => resolveConfig({ limits: { frameByte: 1 } })).to.throw(ConfigError, /frameByte/);
    expect(() => resolveConfig({ limits: { frameBytes: 0 } })).to.throw(ConfigError);
  });

  it('frameBytes: a larger CALL is answered CALLERROR FormationViolation with its id, kept cut with length and SHA-256', async () => {
    const e = await endpoint({ frameBytes: 1000, truncatedFrameChars: 40 });
    const ws = await open(e.url());
    try {
      const exact = `[2,"ok1","DataTransfer",{"vendorId":"${'v'.repeat(1000 - 40)}"}]`;
      expect(Buffer.byteLength(exact)).to.equal(1000);
      ws.send(exact); // at the limit: read in full (and answered by nobody here)
      const big = `[2,"big1","DataTransfer",{"vendorId":"${'v'.repeat(1000)}"}]`;
      ws.send(big);
      const answer = JSON.parse(await nextText(ws)) as unknown[];
      expect(answer.slice(0, 3)).to.deep.equal([4, 'big1', 'FormationViolation']);
      expect(String(answer[3])).to.contain('limits.frameBytes = 1000');
      const inbound = frames(e.hub.recorder.events).filter((f) => f.dir === 'in');
      expect(inbound[0]!.raw).to.equal(exact);
      expect(inbound[0]!.truncated).to.equal(undefined);
      expect(inbound[1]!.raw).to.equal(big.slice(0, 40));
      expect(inbound[1]!.truncated).to.deep.include({ limit: 'frameBytes', bytes: Buffer.byteLength(big) });
      expect(inbound[1]!.truncated!.sha256).to.match(/^[0-9a-f]{64}$/);
      const found = findingsOf({ caseId: 'T', sut: 'ChargePoint', events: e.hub.recorder.events, settings: { responseTimeoutMs: 1000, toleranceMs: 500, strict: false, frameBytes: 1000 }, registry: schemaRegistry('1.6') });
      expect(found.map((f) => f.checkId)).to.include('transport.frameTooLarge');
      // The cut frame is not judged as broken JSON.
      expect(found.map((f) => f.checkId)).to.not.include('rpc.json');
    } finally {
      ws.terminate();
      await e.server.close();
    }
  });

  it('socketFrameBytes: a frame over the WebSocket limit closes the connection with 1009', async () => {
    const e = await endpoint({ frameBytes: 100 }, 2000);
    const ws = await open(e.url());
    try {
      const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
      ws.send('x'.repeat(3000));
      expect(await closed).to.equal(1009);
    } finally {
      await e.server.close();
    }
  });

  it('framesKeptInFull, traceBytesKeptInFull, truncatedFrameChars: later frames are kept cut, once noted, not judged', () => {
    const byCount = new Recorder({ framesKeptInFull: 3, traceBytesKeptInFull: 1 << 20, truncatedFrameChars: 5 });
    for (let i = 0; i < 6; i++) byCount.record({ kind: 'frame', conn: 0, dir: 'in', raw: `[2,"m${i}","Heartbeat",{}]` });
    const kept = frames(byCount.events);
    expect(kept.slice(0, 3).every((f) => !f.truncated)).to.equal(true);
    expect(kept.slice(3).map((f) => f.truncated?.limit)).to.deep.equal(['framesKeptInFull', 'framesKeptInFull', 'framesKeptInFull']);
    expect(kept[3]!.raw).to.equal('[2,"m');
    expect(byCount.truncatedFrames).to.equal(3);
    expect(byCount.events.filter((e) => e.kind === 'note').map((e) => (e as { text: string }).text).join()).to.contain('limits.framesKeptInFull = 3');
    expect(byCount.events.map((e) => e.seq)).to.deep.equal(byCount.events.map((_, i) => i));
    expect(buildRpcModel(byCount.events).frames).to.have.length(3);

    const byBytes = new Recorder({ framesKeptInFull: 100, traceBytesKeptInFull: 50, truncatedFrameChars: 8 });
    byBytes.record({ kind: 'frame', conn: 0, dir: 'in', raw: 'a'.repeat(40) });
    byBytes.record({ kind: 'frame', conn: 0, dir: 'in', raw: 'b'.repeat(40) });
    expect(frames(byBytes.events).map((f) => f.truncated?.limit)).to.deep.equal([undefined, 'traceBytesKeptInFull']);
  });

  it('framesKept: frames past it are counted, not kept, and a note says how many', () => {
    const rec = new Recorder({ framesKeptInFull: 2, traceBytesKeptInFull: 1 << 20, truncatedFrameChars: 5, framesKept: 4 });
    for (let i = 0; i < 10; i++) rec.record({ kind: 'frame', conn: 0, dir: 'in', raw: `[2,"m${i}","Heartbeat",{}]` });
    rec.freeze();
    expect(frames(rec.events)).to.have.length(4);
    expect(rec.droppedFrames).to.equal(6);
    const notes = rec.events.filter((e) => e.kind === 'note').map((e) => (e as { text: string }).text);
    expect(notes.at(-1)).to.equal('6 frame(s) of this case were counted but not kept (limits.framesKept = 4)');
  });

  it('nestingDepth: a deeper CALL is not parsed, is answered FormationViolation, and is an rpc.shape finding', async () => {
    const e = await endpoint({});
    e.server.onConnection((channel) => new Link(channel, schemaRegistry('1.6'), {}, () => undefined));
    const ws = await open(e.url());
    try {
      ws.send(`[2,"deep1","Heartbeat",{"x":${'['.repeat(65)}${']'.repeat(65)}}]`);
      const answer = JSON.parse(await nextText(ws)) as unknown[];
      expect(answer.slice(0, 3)).to.deep.equal([4, 'deep1', 'FormationViolation']);
      expect(String(answer[3])).to.contain('limits.nestingDepth = 64');
      const found = findingsOf({ caseId: 'T', sut: 'ChargePoint', events: e.hub.recorder.events, settings: { responseTimeoutMs: 1000, toleranceMs: 500, strict: false }, registry: schemaRegistry('1.6') });
      expect(found.find((f) => f.checkId === 'rpc.shape')?.actual).to.contain('nested deeper than 64 levels');
    } finally {
      ws.terminate();
      await e.server.close();
    }
  });

  it('findingTextChars and findingsPerCheck: findings stay short and few, the rest counted', () => {
    const rec = new Recorder();
    for (let i = 0; i < 7; i++) rec.record({ kind: 'frame', conn: 0, dir: 'in', raw: `not json ${'z'.repeat(300)} ${i}` });
    const found = findingsOf({ caseId: 'T', sut: 'ChargePoint', events: rec.events, settings: { responseTimeoutMs: 1000, toleranceMs: 500, strict: false, findingTextChars: 60, findingsPerCheck: 2 }, registry: schemaRegistry('1.6') });
    const json = found.filter((f) => f.checkId === 'rpc.json');
    expect(json).to.have.length(3);
    expect(json[2]!.actual).to.match(/^5 more finding\(s\) of rpc\.json in this case, not listed \(limits\.findingsPerCheck = 2\)/);
    expect(json[0]!.actual.length).to.be.below(200);
    expect(json[0]!.actual).to.contain('more characters');
  });

  it('uploadBytesPerFile and uploadBytesPerRun: a write that would pass either is refused', () => {
    const store = new FileStore({ uploadBytesPerFile: 100, uploadBytesPerRun: 250 });
    try {
      store.storeUpload('/a', Buffer.alloc(100));
      expect(() => store.storeUpload('/a', Buffer.alloc(1), true)).to.throw(/limits\.uploadBytesPerFile = 100/);
      expect(store.upload('/a')!.length).to.equal(100);
      store.storeUpload('/b', Buffer.alloc(100));
      expect(() => store.storeUpload('/c', Buffer.alloc(60))).to.throw(/limits\.uploadBytesPerRun = 250/);
      store.deleteUpload('/b'); // its bytes no longer count
      store.storeUpload('/c', Buffer.alloc(60));
      expect(store.spool.bytesOnDisk).to.equal(160);
    } finally {
      store.dispose();
    }
  });

  it('connectionsPerIdentity: one more connection of the same identity is refused with HTTP 503', async () => {
    const e = await endpoint({ connectionsPerIdentity: 2 });
    const opened: WebSocket[] = [];
    try {
      opened.push(await open(e.url('SAME')), await open(e.url('SAME')));
      let refused: unknown;
      try {
        opened.push(await open(e.url('SAME')));
      } catch (err) {
        refused = err;
      }
      expect(String(refused)).to.contain('HTTP 503');
      opened.push(await open(e.url('OTHER'))); // another identity is not counted with it
      expect(e.hub.recorder.events.some((ev) => ev.kind === 'ws-error' && ev.message.includes('limits.connectionsPerIdentity = 2'))).to.equal(true);
    } finally {
      for (const ws of opened) ws.terminate();
      await e.server.close();
    }
  });

  it('handshakeMs: a peer trickling its upgrade request is dropped at the wall-clock deadline', async () => {
    const e = await endpoint({ handshakeMs: 400 });
    try {
      const t0 = Date.now();
      const closedAfter = await new Promise<number>((resolve) => {
        const socket = connect(e.port, '127.0.0.1');
        const request = `GET /ocpp/SLOW HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n`;
        let at = 0;
        const trickle = setInterval(() => {
          if (at < request.length && !socket.destroyed) socket.write(request[at++]!);
        }, 50);
        socket.on('error', () => undefined);
        socket.on('close', () => {
          clearInterval(trickle);
          resolve(Date.now() - t0);
        });
      });
      expect(closedAfter).to.be.below(3000); // it held a 3 s-timeout case for 153 s before
      expect(e.hub.recorder.events.some((ev) => ev.kind === 'ws-error' && ev.message.includes('limits.handshakeMs = 400'))).to.equal(true);
    } finally {
      await e.server.close();
    }
  });

  it('harnessHandlerMs: a role handler that never finishes is a harness fault, and the SUT still gets InternalError', async () => {
    const e = await endpoint({});
    const faults: unknown[] = [];
    e.server.onConnection((channel) => new Link(channel, schemaRegistry('1.6'), { Heartbeat: () => new Promise(() => undefined) }, (err) => faults.push(err), 200));
    const ws = await open(e.url());
    try {
      ws.send('[2,"h1","Heartbeat",{}]');
      const answer = JSON.parse(await nextText(ws)) as unknown[];
      expect(answer.slice(0, 3)).to.deep.equal([4, 'h1', 'InternalError']);
      expect(String(faults[0])).to.contain('limits.harnessHandlerMs = 200');
    } finally {
      ws.terminate();
      await e.server.close();
    }
  });
});
