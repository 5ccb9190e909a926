// What the README tells a CI user before the package is published: pack it, install the tarball in
// another project, run `npx ocpp-harness`. Done for real in a temporary project (the dependencies come
// from npm's cache, which `npm ci` has just filled): no install-script warning, the command works, and
// a built-in case passes.
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `out` is stdout and stderr together, `stdout` alone. */
function run(cmd: string, args: string[], cwd: string, timeoutMs = 180_000): Promise<{ code: number | null; out: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    let stdout = '';
    child.stdout.on('data', (d) => { out += d; stdout += d; });
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${cmd} ${args.join(' ')} did not finish in ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, stdout });
    });
  });
}

/** npm as the running `npm test` invoked it, else the npm on PATH. */
function npm(args: string[], cwd: string) {
  const execPath = process.env.npm_execpath;
  return execPath && execPath.endsWith('.js') ? run(process.execPath, [execPath, ...args], cwd) : run('npm', args, cwd);
}

describe('installing the packed tarball in another project (README, before publication)', function () {
  this.timeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'ocpp-harness-install-'));
  const project = join(dir, 'project');
  let tarball = '';
  let install = '';
  after(() => rmSync(dir, { recursive: true, force: true }));

  before(async () => {
    // The dist/ that `npm test` has just built; prepack would build the same.
    const packed = await npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT);
    expect(packed.code, packed.out).to.equal(0);
    tarball = join(dir, (JSON.parse(packed.stdout) as { filename: string }[])[0]!.filename);
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'ci-project', version: '1.0.0', private: true }));
    const r = await npm(['install', '--save-dev', '--prefer-offline', '--no-audit', '--no-fund', tarball], project);
    install = r.out;
    expect(r.code, r.out).to.equal(0);
  });

  it('installs without a warning about the package\'s scripts, as a file: dev dependency', () => {
    expect(install).to.not.match(/ocpp-harness@[\d.]+ \((prepare|install|postinstall|preinstall):/);
    const pkg = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(pkg.devDependencies['ocpp-harness']).to.match(/^file:.*ocpp-harness-[\d.]+\.tgz$/);
  });

  it('npx ocpp-harness --help lists the commands, compare among them', async () => {
    const r = await npm(['exec', '--no', '--', 'ocpp-harness', '--help'], project);
    expect(r.code, r.out).to.equal(0);
    for (const cmd of ['test', 'list', 'simulate', 'rejudge', 'compare']) expect(r.out).to.match(new RegExp(`^\\s+${cmd} `, 'm'));
  });

  it('npx ocpp-harness runs a built-in case to PASS and writes its reports, the HTML one too', async () => {
    const out = join(dir, 'report');
    const r = await npm(['exec', '--no', '--', 'ocpp-harness', 'test', 'charge-point', '--builtin', '--cases', 'TC_001_CS', '--report-dir', out, '--quiet'], project);
    expect(r.code, r.out).to.equal(0);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { cases: { id: string; verdict: string }[] };
    expect(results.cases.map((c) => [c.id, c.verdict])).to.deep.equal([['TC_001_CS', 'PASS']]);
    // The HTML report inlines what it needs from the installed dependencies (nothing from the repository).
    expect(readFileSync(join(out, 'index.html'), 'utf8')).to.contain('TC_001_CS');
  });
});
