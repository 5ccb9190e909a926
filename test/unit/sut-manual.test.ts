import { PassThrough } from 'node:stream';
import { expect } from 'chai';
import { ManualSutControl, NOT_INTERACTIVE_DETAIL, describeAction } from '../../harness/sut/manual-control.js';
import { makeSutControl } from '../../harness/sut/make-control.js';
import { ConfigError } from '../../harness/config/load.js';

function collect(stream: PassThrough): { text: () => string; waitFor: (s: string) => Promise<void> } {
  let buf = '';
  const waiters: (() => void)[] = [];
  stream.on('data', (d: Buffer) => {
    buf += d.toString();
    for (const w of waiters.splice(0)) w();
  });
  return {
    text: () => buf,
    waitFor: async (s) => {
      while (!buf.includes(s)) await new Promise<void>((r) => waiters.push(r));
    },
  };
}

describe('sut: ManualSutControl', () => {
  const ctx = { identity: 'CP001', ocpp: 'ocpp1.6' };

  it('describes actions for a human', () => {
    expect(describeAction('plugIn', { connectorId: 1 })).to.equal('Plug the cable into connector 1');
    expect(describeAction('unplug', { connectorId: 2 })).to.equal('Unplug the cable from connector 2');
    expect(describeAction('presentIdTag', { connectorId: 1, idTag: 'ACCEPTED01' })).to.equal('Present id tag ACCEPTED01 at connector 1');
    expect(describeAction('reboot', {})).to.equal('Power-cycle the charge point');
    expect(describeAction('RemoteStartTransaction', { connectorId: 1, idTag: 'ACCEPTED01' }, 'CP001')).to.equal(
      'Make the CSMS send RemoteStartTransaction to CP001 with connectorId=1, idTag=ACCEPTED01',
    );
  });

  it('Enter → done; listeners are removed and the input paused afterwards', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const out = collect(output);
    const ctl = new ManualSutControl({ timeoutMs: 5000 }, { input, output });
    const p = ctl.perform('plugIn', { connectorId: 1 }, ctx);
    await out.waitFor('ACTION NEEDED');
    expect(out.text()).to.include('Plug the cable into connector 1');
    input.write('\n');
    expect(await p).to.deep.equal({ outcome: 'done', detail: 'operator confirmed: Plug the cable into connector 1' });
    expect(input.listenerCount('data')).to.equal(0);
    expect(input.listenerCount('end')).to.equal(0);
    expect(input.readableFlowing).to.equal(false);
  });

  it('a second prompt ignores keystrokes typed before it', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const out = collect(output);
    const ctl = new ManualSutControl({ timeoutMs: 150 }, { input, output });
    input.write('\n'); // stale
    const r = await ctl.perform('unplug', { connectorId: 1 }, ctx);
    expect(r.outcome).to.equal('timeout');
    expect(out.text()).to.include('Unplug the cable from connector 1');
  });

  it('"skip" → unsupported', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const out = collect(output);
    const ctl = new ManualSutControl({ timeoutMs: 5000 }, { input, output });
    const p = ctl.perform('presentIdTag', { connectorId: 1, idTag: 'BLOCKED01' }, ctx);
    await out.waitFor('ACTION NEEDED');
    input.write('skip\r\n');
    expect(await p).to.deep.equal({ outcome: 'unsupported', detail: 'operator skipped: Present id tag BLOCKED01 at connector 1', by: 'operator' });
  });

  it('no answer → timeout', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const ctl = new ManualSutControl({ timeoutMs: 100 }, { input, output });
    const r = await ctl.perform('reboot', {}, ctx);
    expect(r.outcome).to.equal('timeout');
    expect(r.detail).to.include('Power-cycle the charge point');
    expect(input.listenerCount('data')).to.equal(0);
  });

  it('abort → failed', async () => {
    const input = new PassThrough();
    const ac = new AbortController();
    const ctl = new ManualSutControl({ timeoutMs: 5000 }, { input, output: new PassThrough() });
    setTimeout(() => ac.abort(), 30);
    const r = await ctl.perform('reboot', {}, { ...ctx, signal: ac.signal });
    expect(r.outcome).to.equal('failed');
    expect(r.detail).to.include('aborted');
  });

  it('non-TTY default stdin → failed at once', async function () {
    if (process.stdin.isTTY) this.skip();
    const output = new PassThrough();
    const ctl = new ManualSutControl({ timeoutMs: 5000 }, { output });
    expect(await ctl.perform('plugIn', { connectorId: 1 }, ctx)).to.deep.equal({ outcome: 'failed', detail: NOT_INTERACTIVE_DETAIL });
  });
});

describe('sut: makeSutControl', () => {
  it('builds each kind', () => {
    expect(makeSutControl({ type: 'manual' }).kind).to.equal('manual');
    expect(makeSutControl({ type: 'http', url: 'http://127.0.0.1:1' }).kind).to.equal('http');
    expect(makeSutControl({ type: 'command', commands: {} }).kind).to.equal('command');
  });
  it('builtin needs the peer', async () => {
    expect(() => makeSutControl({ type: 'builtin' })).to.throw(ConfigError);
    const calls: unknown[] = [];
    const ctl = makeSutControl(
      { type: 'builtin' },
      { builtin: { perform: async (action, params) => (calls.push([action, params]), { outcome: 'done' }) } },
    );
    expect(ctl.kind).to.equal('builtin');
    expect(await ctl.perform('plugIn', { connectorId: 1 }, { identity: 'CP001', ocpp: 'ocpp1.6' })).to.deep.equal({ outcome: 'done' });
    expect(calls).to.deep.equal([['plugIn', { connectorId: 1 }]]);
  });
});
