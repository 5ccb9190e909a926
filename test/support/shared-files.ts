// Some tests compare the harness with official documents that sit beside the repository in
// ../shared (the OCA schemas, the OCTT test case document) and are not part of it. Without them such
// a test is skipped, and says which path it looked for; with CI_REQUIRE_SHARED=1 (set by .ci/run) it
// fails instead, so CI cannot go green on tests that never ran.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const REQUIRE_SHARED_VARIABLE = 'CI_REQUIRE_SHARED';

/**
 * Returns when every path exists. Otherwise, under CI_REQUIRE_SHARED=1 throws an Error naming the
 * missing paths; else prints why and skips the test or hook through `ctx.skip()`.
 */
export function requireShared(
  ctx: { skip(): void },
  paths: readonly string[],
  what: string,
  env: NodeJS.ProcessEnv = process.env,
  print: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): void {
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length === 0) return;
  const why = `${what} not found at ${missing.map((p) => resolve(p)).join(', ')} (expected beside the repository, in ../shared)`;
  if (env[REQUIRE_SHARED_VARIABLE] === '1') {
    throw new Error(`${why}; ${REQUIRE_SHARED_VARIABLE}=1 makes a missing file a failure, not a skip`);
  }
  print(`      skipped: ${why}`);
  ctx.skip();
}
