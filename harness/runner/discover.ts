// Finds every case module under suites/ (compiled .js under dist, or .ts when run from source).
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CaseDefinition } from '../dsl/define-case.js';

const here = dirname(fileURLToPath(import.meta.url));
const ext = fileURLToPath(import.meta.url).endsWith('.ts') ? '.ts' : '.js';
export const SUITES_DIR = join(here, '..', '..', 'suites');

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(entries.map((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return walk(path);
    return e.name.endsWith(ext) && !e.name.endsWith('.d.ts') && /^(TC|X)/.test(e.name) ? [path] : [];
  }));
  return files.flat();
}

let cache: CaseDefinition[] | undefined;

export async function discoverCases(): Promise<CaseDefinition[]> {
  if (cache) return cache;
  const files = (await walk(SUITES_DIR)).sort();
  const cases: CaseDefinition[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const mod = (await import(pathToFileURL(file).href)) as { default?: CaseDefinition };
    const def = mod.default;
    if (!def?.meta?.id || typeof def.body !== 'function') {
      throw new Error(`${file} does not export a case (export default defineCase(...))`);
    }
    if (seen.has(def.meta.id)) throw new Error(`case id ${def.meta.id} is defined twice: ${seen.get(def.meta.id)} and ${file}`);
    seen.set(def.meta.id, file);
    cases.push(def);
  }
  cache = cases.sort((a, b) => compareIds(a.meta.id, b.meta.id));
  return cache;
}

/** TC_001_CS < TC_002_CS < TC_004_1_CS < TC_010_CS < X16_… : numeric parts compared as numbers. */
export function compareIds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
