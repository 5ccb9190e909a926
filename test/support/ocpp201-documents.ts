// Reads the two OCPP 2.0.1 certification documents beside the repository: Part 5's list of test cases
// per certification profile (with the M/C columns per side and the condition) and Part 6's test case
// tables (id → test case name). Only for the harness's own tests: the documents are not shipped.
import { readFileSync } from 'node:fs';

export const PART5 = '../shared/spec/ocpp2/OCPP-2.0.1_edition3_part5_certification_profiles.md';
export const PART6 = '../shared/spec/ocpp2/OCPP-2.0.1_edition3_part6-testcases.md';

export interface Part5Row {
  /** TC_B_01 (without side suffix). */
  id: string;
  title: string;
  chargingStation: '' | 'M' | 'C';
  csms: '' | 'M' | 'C';
  condition: string;
  feature: string;
}

const cellsOf = (row: string) => [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => decode(m[1]!.replace(/<[^>]+>/g, '').trim()));
const decode = (s: string) => s.replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&').replace(/&quot;/g, '"');

/** The rows of one profile's table ("Core", "Advanced Security", …) in Part 5 §4. */
export function part5Rows(profileHeading: string): Part5Row[] {
  const text = readFileSync(PART5, 'utf8');
  const start = text.indexOf(`Test Cases ${profileHeading}\n\n<table>`);
  if (start < 0) throw new Error(`Part 5 has no table "Test Cases ${profileHeading}"`);
  const end = text.indexOf('</table>', start);
  return [...text.slice(start, end).matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
    .map((m) => cellsOf(m[1]!))
    .filter((c) => /^TC_[A-Z]_\d+$/.test(c[0] ?? ''))
    .map((c) => ({ id: c[0]!, title: c[1] ?? '', chargingStation: (c[2] ?? '') as Part5Row['chargingStation'], csms: (c[3] ?? '') as Part5Row['csms'], condition: c[4] ?? '', feature: c[5] ?? '' }));
}

/** Part 6: test case id (TC_B_01_CS) → test case name. */
export function part6Names(): Map<string, string> {
  const text = readFileSync(PART6, 'utf8');
  const names = new Map<string, string>();
  // The name cell ends at its own </td>: some tables repeat a "Test case name" row further down, which
  // must not reach across into the next table's id.
  for (const m of text.matchAll(/<tr><td>Test case name<\/td><td[^>]*>((?:(?!<\/td>)[\s\S])*?)<\/td><\/tr><tr><td>Test case Id<\/td><td[^>]*>\s*(TC_[A-Z0-9_]+)\s*<\/td>/g)) {
    names.set(m[2]!, decode(m[1]!.replace(/<[^>]+>/g, '').trim()));
  }
  return names;
}
