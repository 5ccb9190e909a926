// Tests that need ../shared say why they skip, and fail instead under CI_REQUIRE_SHARED=1 (.ci/run).
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireShared } from '../support/shared-files.js';

const MISSING = '../shared/spec/no-such-document.txt';
const PRESENT = fileURLToPath(import.meta.url);

function probe(paths: string[], env: NodeJS.ProcessEnv) {
  const printed: string[] = [];
  let skipped = false;
  let error: Error | undefined;
  try {
    requireShared({ skip: () => { skipped = true; } }, paths, 'the test document', env, (line) => printed.push(line));
  } catch (err) {
    error = err as Error;
  }
  return { printed, skipped, error };
}

describe('tests that need ../shared', () => {
  it('all present: neither skips nor fails', () => {
    expect(probe([PRESENT], { CI_REQUIRE_SHARED: '1' })).to.deep.equal({ printed: [], skipped: false, error: undefined });
  });

  it('missing: prints the absolute path it looked for, then skips', () => {
    const r = probe([PRESENT, MISSING], {});
    expect(r.error).to.equal(undefined);
    expect(r.skipped).to.equal(true);
    expect(r.printed).to.deep.equal([`      skipped: the test document not found at ${resolve(MISSING)} (expected beside the repository, in ../shared)`]);
  });

  it('missing with CI_REQUIRE_SHARED=1: fails, naming the path, and does not skip', () => {
    const r = probe([MISSING], { CI_REQUIRE_SHARED: '1' });
    expect(r.skipped).to.equal(false);
    expect(r.error?.message).to.contain(resolve(MISSING)).and.contain('CI_REQUIRE_SHARED=1');
  });

  it('.ci/run sets CI_REQUIRE_SHARED=1 before npm test', () => {
    const script = readFileSync(new URL('../../.ci/run', import.meta.url), 'utf8');
    const set = script.search(/^export CI_REQUIRE_SHARED=1$/m);
    expect(set, '.ci/run exports CI_REQUIRE_SHARED=1').to.be.greaterThan(-1);
    expect(script.search(/^npm test$/m)).to.be.greaterThan(set);
  });
});
