// `ocpp-harness fuzz <charge-point|csms|all>`: the hostile-frame corpus turned on a system under test,
// one case per corpus entry (harness/fuzz/fuzz-cases.ts), run and reported like `test`.
import { corpusEntry } from '../fuzz/corpus.js';
import { parseList, UsageError } from './parse.js';
import { testCommand, type TestFlags } from './test-command.js';

export interface FuzzFlags extends TestFlags {
  seed?: string;
  rounds?: string;
  entries?: string;
}

export async function fuzzCommand(sut: string, flags: FuzzFlags): Promise<number> {
  const problem = (text: string) => {
    process.stderr.write(`ocpp-harness: ${text}\n`);
    return 2;
  };
  const seed = Number(flags.seed ?? 1);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) return problem(`--seed: a whole number from 0 to 4294967295, got "${flags.seed}"`);
  const rounds = Number(flags.rounds ?? 3);
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 1000) return problem(`--rounds: a whole number from 1 to 1000, got "${flags.rounds}"`);
  const entries = flags.entries ? parseList(flags.entries) : undefined;
  try {
    for (const e of entries ?? []) corpusEntry(e);
  } catch (err) {
    return problem(`--entries: ${(err as Error).message}`);
  }
  if (flags.dryRun) throw new UsageError('fuzz has no --dry-run');
  return testCommand(sut, flags, { seed, rounds, ...(entries ? { entries } : {}) });
}
