// Reads the official "Test case document OCTT for OCPP 1.6" (FINAL 2024-04, a text extract of the PDF,
// beside the repository in ../shared/spec) into its tables: id, title, section and the profile that
// section belongs to. Used only by the harness's own tests; the document itself is never copied.
import { readFileSync } from 'node:fs';

export const OCTT_16_PATH = '../shared/spec/ocpp16/OCTT 1.6 test case document FINAL 2024-04.txt';

export interface OcttTable {
  table: number;
  id: string;
  title: string;
  /** `2.1` … (section of the document the table sits in). */
  section: string;
  sectionTitle: string;
  /** The profile of our PROFILES list that the section belongs to. */
  profile: string;
}

/** Sections are named after use cases; these belong to a profile other than Core. */
function profileOfSection(title: string): string {
  const t = title.toLowerCase();
  if (t.includes('local authorization list')) return 'LocalAuthListManagement';
  if (t.includes('firmwaremanagement') || t.includes('firmware management') || t.includes('diagnostics')) return 'FirmwareManagement';
  if (t.includes('reservation')) return 'Reservation';
  if (t.includes('remotetrigger') || t.includes('remote trigger')) return 'RemoteTrigger';
  if (t.includes('smartcharging') || t.includes('smart charging')) return 'SmartCharging';
  if (t.includes('security')) return 'Security';
  return 'Core';
}

export function readOcttTables(path = OCTT_16_PATH): OcttTable[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const tables: OcttTable[] = [];
  let section = '';
  let sectionTitle = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // Body headings start at column 0 ("2.17. Local Authorization List"); the table of contents has dot leaders.
    const heading = /^([23])\.(\d+)\. (.+?)\s*$/.exec(line);
    if (heading && !line.includes('. . .')) {
      section = `${heading[1]}.${heading[2]}`;
      sectionTitle = heading[3]!;
      continue;
    }
    const head = /^Table (\d+)\. Test Case Id: (TC_\w+)/.exec(line);
    if (!head) continue;
    let title = '';
    for (let j = i + 1; j < i + 16; j++) {
      const m = /^Test case name\s+(.+?)\s*$/.exec(lines[j]!);
      if (!m) continue;
      title = m[1]!;
      // A long name wraps onto indented lines before "Test case Id".
      for (let k = j + 1; k < j + 4 && !/^Test case Id/.test(lines[k]!); k++) {
        const more = lines[k]!.trim();
        if (more) title += ` ${more}`;
      }
      break;
    }
    tables.push({ table: Number(head[1]), id: head[2]!, title, section, sectionTitle, profile: profileOfSection(sectionTitle) });
  }
  return tables;
}
