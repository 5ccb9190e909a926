// The report's browser test (`npm run test:browser`) as part of `npm test`: the report of a run with
// every verdict, opened in Debian's Chromium, checked as a person would. Without Chromium it skips and
// says why — unless CI_REQUIRE_BROWSER=1 (set by .ci/run, which installs Chromium), where that fails.
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

describe('the HTML report in a real browser (test/browser/report-in-chromium.ts)', function () {
  this.timeout(180_000);

  it('every check of the browser test passes', async function () {
    if (!existsSync(CHROMIUM)) {
      const why = `no Chromium at ${CHROMIUM} (install Debian's chromium, or set CHROMIUM_PATH)`;
      if (process.env.CI_REQUIRE_BROWSER === '1') throw new Error(`${why}; CI_REQUIRE_BROWSER=1 requires it`);
      console.log(`      skipped: ${why}`);
      this.skip();
    }
    const dir = mkdtempSync(join(tmpdir(), 'ocpp-harness-browser-wrap-'));
    try {
      const tsx = join(createRequire(import.meta.url).resolve('tsx/package.json'), '..', 'dist', 'cli.mjs');
      const child = spawn(process.execPath, [tsx, 'test/browser/report-in-chromium.ts'], {
        env: { ...process.env, BROWSER_TEST_SCREENSHOT: join(dir, 'report.png') }, stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(out, out).to.match(/\n(\d+) passed, 0 failed\s*$/);
      expect(code, out).to.equal(0);
      expect(existsSync(join(dir, 'report.png')), 'the screenshot').to.equal(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
