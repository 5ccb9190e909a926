// What `npm pack` would publish: the built CLI and everything it loads at run time, the licence and the
// README, the configuration schema and example configs — and no source maps (they would point at
// TypeScript sources the package does not ship), no tests, no TypeScript sources, no secrets, and no
// install-time script (npm warns every consumer of a package that has one, e.g. `prepare`).
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface PackEntry { path: string; size: number; mode: number }
interface PackResult { name: string; version: string; size: number; unpackedSize: number; entryCount: number; files: PackEntry[] }

/** `npm pack --dry-run --json` without lifecycle scripts: lists what the current dist/ would publish. */
function packList(): PackResult {
  // Under `npm test`, npm_execpath is the npm that runs us; otherwise the npm on PATH.
  const execPath = process.env.npm_execpath;
  const [cmd, pre] = execPath && execPath.endsWith('.js') ? [process.execPath, [execPath]] : ['npm', []];
  const r = spawnSync(cmd, [...pre, 'pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`npm pack --dry-run failed (${r.status}): ${r.stderr}`);
  return (JSON.parse(r.stdout) as PackResult[])[0]!;
}

describe('the npm package (npm pack --dry-run)', function () {
  this.timeout(60_000);
  const pkg = JSON.parse(readFileSync(new URL('package.json', `file://${ROOT}`), 'utf8')) as {
    bin: Record<string, string>; license: string; scripts: Record<string, string>;
  };
  let pack: PackResult;
  let paths: string[];

  before(function () {
    if (!existsSync(`${ROOT}dist/bin/ocpp-harness.js`)) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
    pack = packList();
    paths = pack.files.map((f) => f.path);
  });

  it('holds the built CLI, the cases, the licence, the README, the config schema and the example configs', () => {
    expect(paths).to.include.members([
      'package.json', 'LICENSE', 'README.md',
      'dist/bin/ocpp-harness.js', 'dist/harness/config/config-schema.json', 'harness/config/config-schema.json',
      'fixtures/configs/charger.example.json', 'fixtures/configs/csms.example.json',
    ]);
    expect(paths.filter((p) => p.startsWith('dist/suites/ocpp16/') && p.endsWith('.js')).length).to.be.greaterThan(150);
    expect(paths.filter((p) => p.startsWith('dist/harness/') && p.endsWith('.js')).length).to.be.greaterThan(50);
  });

  it('every bin entry is a packed file that starts with a node shebang', () => {
    expect(Object.keys(pkg.bin)).to.deep.equal(['ocpp-harness']);
    for (const target of Object.values(pkg.bin)) {
      expect(paths, target).to.include(target.replace(/^\.\//, ''));
      expect(readFileSync(`${ROOT}${target}`, 'utf8').split('\n')[0]).to.equal('#!/usr/bin/env node');
    }
  });

  it('no source maps, tests, TypeScript sources, reports, benchmarks or secrets', () => {
    const unwanted = paths.filter((p) =>
      p.endsWith('.map') ||
      /^(test|reports|bench|dist-bench|node_modules|\.ci)\//.test(p) ||
      (p.endsWith('.ts') && !p.endsWith('.d.ts')) ||
      /(^|\/)\.env|\.(pem|key|p12|pfx|crt)$|\.npmrc$|\.log$/.test(p) ||
      // of the sources, only the config schema (for "$schema" in an editor)
      (/^(harness|bin|suites)\//.test(p) && p !== 'harness/config/config-schema.json'));
    expect(unwanted).to.deep.equal([]);
  });

  it('the licence is the Apache-2.0 text that package.json names', () => {
    expect(pkg.license).to.equal('Apache-2.0');
    const text = readFileSync(`${ROOT}LICENSE`, 'utf8');
    expect(text).to.match(/^\s*Apache License\s+Version 2\.0, January 2004/);
    expect(text).to.contain('END OF TERMS AND CONDITIONS');
  });

  it('no install-time lifecycle script: consumers get no allowScripts warning; the tarball carries dist/ built by prepack', () => {
    for (const s of ['prepare', 'preinstall', 'install', 'postinstall']) expect(pkg.scripts, s).to.not.have.property(s);
    expect(pkg.scripts.prepack).to.match(/npm run build/);
    expect(pkg.scripts.build).to.match(/clean/); // a build starts from an empty dist/: nothing stale is packed
  });
});
