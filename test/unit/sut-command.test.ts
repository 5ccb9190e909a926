import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { CommandSutControl, expandCommand, shellQuote } from '../../harness/sut/command-control.js';

describe('sut: CommandSutControl', () => {
  const ctx = { identity: 'CP001', ocpp: 'ocpp1.6' };
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ocpp-harness-cmd-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('exit 0 → done', async () => {
    const ctl = new CommandSutControl({ commands: { reboot: 'true' } });
    expect(await ctl.perform('reboot', {}, ctx)).to.deep.equal({ outcome: 'done', detail: 'exit 0' });
  });

  it('non-zero exit → failed with the exit code and stderr tail', async () => {
    const ctl = new CommandSutControl({ commands: { plugIn: 'echo "relay stuck" >&2; exit 3' } });
    expect(await ctl.perform('plugIn', { connectorId: 1 }, ctx)).to.deep.equal({
      outcome: 'failed',
      detail: 'command for "plugIn" exited with code 3: relay stuck',
    });
  });

  it('no mapping → unsupported', async () => {
    const ctl = new CommandSutControl({ commands: { plugIn: 'true' } });
    expect(await ctl.perform('unplug', { connectorId: 1 }, ctx)).to.deep.equal({
      outcome: 'unsupported',
      detail: 'no command configured for "unplug" (sutControl.commands)',
    });
    // Inherited object keys are not commands.
    expect((await ctl.perform('toString', {}, ctx)).outcome).to.equal('unsupported');
  });

  it('too slow → timeout, and the whole process group is killed', async () => {
    const marker = join(dir, 'survived');
    // A background job in the same group would survive if only `sh` were killed.
    const cmd = `(sleep 0.3; touch ${shellQuote(marker)}) & sleep 5`;
    const ctl = new CommandSutControl({ commands: { reboot: cmd }, timeoutMs: 100 });
    const t0 = Date.now();
    const r = await ctl.perform('reboot', {}, ctx);
    expect(r).to.deep.equal({ outcome: 'timeout', detail: 'command for "reboot" did not finish within 100 ms (killed)' });
    expect(Date.now() - t0).to.be.lessThan(1500);
    await new Promise((res) => setTimeout(res, 400));
    let survived = true;
    await readFile(marker).catch(() => (survived = false));
    expect(survived, 'background job outlived the timeout').to.equal(false);
  });

  it('abort via ctx.signal → failed', async () => {
    const ctl = new CommandSutControl({ commands: { reboot: 'sleep 5' }, timeoutMs: 5000 });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    const r = await ctl.perform('reboot', {}, { ...ctx, signal: ac.signal });
    expect(r).to.deep.equal({ outcome: 'failed', detail: 'command for "reboot" aborted (killed)' });
  });

  it('substitutes placeholders from params, identity and ocpp', async () => {
    const out = join(dir, 'args.txt');
    const ctl = new CommandSutControl({
      commands: { presentIdTag: `printf '%s|' {identity} {ocpp} {connectorId} {idTag} > ${shellQuote(out)}` },
    });
    const r = await ctl.perform('presentIdTag', { connectorId: 2, idTag: 'ACCEPTED01' }, ctx);
    expect(r.outcome).to.equal('done');
    expect(await readFile(out, 'utf8')).to.equal('CP001|ocpp1.6|2|ACCEPTED01|');
  });

  it('quotes values with spaces, quotes and shell metacharacters', async () => {
    const out = join(dir, 'quoted.txt');
    const nasty = `it's a "tag" $(touch ${join(dir, 'pwned')}) ; \`id\` \\ *`;
    const ctl = new CommandSutControl({ commands: { presentIdTag: `printf '%s' {idTag} > ${shellQuote(out)}` } });
    const r = await ctl.perform('presentIdTag', { connectorId: 1, idTag: nasty }, ctx);
    expect(r.outcome).to.equal('done');
    expect(await readFile(out, 'utf8')).to.equal(nasty);
    let pwned = true;
    await readFile(join(dir, 'pwned')).catch(() => (pwned = false));
    expect(pwned).to.equal(false);
  });

  it('leaves ${VAR} to the shell and exposes the action in the environment', async () => {
    const out = join(dir, 'env.txt');
    const ctl = new CommandSutControl({ commands: { plugIn: `printf '%s %s' "\${OCPP_HARNESS_ACTION}" {connectorId} > ${shellQuote(out)}` } });
    expect((await ctl.perform('plugIn', { connectorId: 1 }, ctx)).outcome).to.equal('done');
    expect(await readFile(out, 'utf8')).to.equal('plugIn 1');
  });

  it('a placeholder without a value → failed with a clear message, nothing run', async () => {
    const ctl = new CommandSutControl({ commands: { presentIdTag: './badge.sh {connectorId} {idTag}' } });
    expect(await ctl.perform('presentIdTag', { connectorId: 1 }, ctx)).to.deep.equal({
      outcome: 'failed',
      detail: 'command for "presentIdTag" uses {idTag}, which has no value (available: {connectorId}, {identity}, {ocpp})',
    });
  });

  it('expandCommand quotes JSON for object values', () => {
    expect(expandCommand('x {p}', { p: { a: 1 } })).to.deep.equal({ command: `x '{"a":1}'`, missing: [] });
  });
});
