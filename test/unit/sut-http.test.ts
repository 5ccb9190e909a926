import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { HttpSutControl } from '../../harness/sut/http-control.js';

interface Received {
  method: string;
  url: string;
  contentType: string | undefined;
  authorization?: string;
  body: unknown;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let s = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (s += d));
    req.on('end', () => resolve(s));
    req.on('error', reject);
  });
}

describe('sut: HttpSutControl', () => {
  let server: Server;
  let base: string;
  const received: Received[] = [];

  before(async () => {
    server = createServer(async (req, res) => {
      const text = await readBody(req);
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        contentType: req.headers['content-type'],
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        body: JSON.parse(text),
      });
      const action = (req.url ?? '').split('/').pop();
      switch (action) {
        case 'plugIn':
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
          return;
        case 'reboot':
          res.writeHead(204).end();
          return;
        case 'unplug':
          res.writeHead(404).end('not found');
          return;
        case 'presentIdTag':
          res.writeHead(501).end();
          return;
        case 'slow':
          setTimeout(() => res.writeHead(200).end(), 2000).unref();
          return;
        default:
          res.writeHead(500, { 'content-type': 'text/plain' }).end('relay board\n  not responding   ' + 'x'.repeat(500));
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sut/`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });
  beforeEach(() => {
    received.length = 0;
  });

  const ctx = { identity: 'CP001', ocpp: 'ocpp1.6' };

  it('2xx → done; POSTs params + identity + ocpp as JSON to {url}/{action}', async () => {
    const ctl = new HttpSutControl({ url: base });
    const r = await ctl.perform('plugIn', { connectorId: 1 }, ctx);
    expect(r).to.deep.equal({ outcome: 'done', detail: 'HTTP 200: {"ok":true}' });
    expect(received).to.deep.equal([
      { method: 'POST', url: '/sut/plugIn', contentType: 'application/json', body: { connectorId: 1, identity: 'CP001', ocpp: 'ocpp1.6' } },
    ]);
    expect((await ctl.perform('reboot', {}, ctx)).outcome).to.equal('done');
  });

  it('404 and 501 → unsupported, naming the action', async () => {
    const ctl = new HttpSutControl({ url: base });
    expect(await ctl.perform('unplug', { connectorId: 1 }, ctx)).to.deep.equal({
      outcome: 'unsupported',
      detail: 'control endpoint does not support "unplug" (HTTP 404)',
    });
    expect(await ctl.perform('presentIdTag', { connectorId: 1, idTag: 'A' }, ctx)).to.deep.equal({
      outcome: 'unsupported',
      detail: 'control endpoint does not support "presentIdTag" (HTTP 501)',
    });
  });

  it('other status → failed with the status and a body snippet', async () => {
    const ctl = new HttpSutControl({ url: base });
    const r = await ctl.perform('RemoteStartTransaction', { connectorId: 1, idTag: 'A' }, ctx);
    expect(r.outcome).to.equal('failed');
    expect(r.detail).to.match(/^POST http:\/\/127\.0\.0\.1:\d+\/sut\/RemoteStartTransaction answered HTTP 500 Internal Server Error: relay board not responding x+…$/);
    expect(r.detail!.length).to.be.lessThan(320);
  });

  it('slow endpoint → timeout', async () => {
    const ctl = new HttpSutControl({ url: base, timeoutMs: 150 });
    const t0 = Date.now();
    const r = await ctl.perform('slow', {}, ctx);
    expect(r.outcome).to.equal('timeout');
    expect(r.detail).to.include('no answer within 150 ms');
    expect(Date.now() - t0).to.be.lessThan(1000);
  });

  it('abort via ctx.signal → failed (not timeout)', async () => {
    const ctl = new HttpSutControl({ url: base, timeoutMs: 5000 });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    const r = await ctl.perform('slow', {}, { ...ctx, signal: ac.signal });
    expect(r).to.deep.include({ outcome: 'failed' });
    expect(r.detail).to.include('aborted');
  });

  it('network error → failed', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const ctl = new HttpSutControl({ url: `http://127.0.0.1:${port}` });
    const r = await ctl.perform('plugIn', { connectorId: 1 }, ctx);
    expect(r.outcome).to.equal('failed');
    expect(r.detail).to.include(`POST http://127.0.0.1:${port}/plugIn failed: `).and.include('ECONNREFUSED');
  });

  it('sends URL credentials as Basic auth and never shows the password', async () => {
    const ctl = new HttpSutControl({ url: base.replace('http://', 'http://u:secret@'), timeoutMs: 2000 });
    const r = await ctl.perform('other', {}, ctx);
    expect(r.outcome).to.equal('failed');
    expect(r.detail).to.not.include('secret');
    expect(received[0]?.authorization).to.equal(`Basic ${Buffer.from('u:secret').toString('base64')}`);
    expect(received[0]?.url).to.equal('/sut/other');
  });
});
