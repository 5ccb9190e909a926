// The 1.6 catalogue against the official OCTT test case document (FINAL 2024-04): every table has a case (or a case that answers to its id as an alias), under the document's title,
// for the side and profile of the document's section, citing that very table. The document sits beside
// the repository (../shared/spec) in development and CI; without it the test is skipped and says why
// (CI_REQUIRE_SHARED=1, as in .ci/run, makes that a failure).
import { expect } from 'chai';
import { aliasesOf } from '../../harness/dsl/octt.js';
import { discoverCases } from '../../harness/runner/discover.js';
import { OCTT_16_PATH, readOcttTables, type OcttTable } from '../support/octt-document.js';
import { requireShared } from '../support/shared-files.js';

/** Spelling differences we do not copy: an en dash for a hyphen, and the document's typos. */
const norm = (title: string) => title.replace(/[–—]/g, '-').replace(/\s+/g, ' ').trim().toLowerCase();
const DOCUMENT_TYPOS: Record<string, string> = { 'configuratoin key - invalid value': 'configuration key - invalid value' };
const docTitle = (t: OcttTable) => DOCUMENT_TYPOS[norm(t.title)] ?? norm(t.title);

/**
 * Official ids that only a newer revision of the document has, so no 2024-04 table to cite. They keep
 * the official id (what a lab and a vendor look up), cite no table (`octt` absent) and say in their
 * provenance that they come from the newer revision. Each one is listed here on purpose.
 */
const NEWER_REVISION_ONLY: Record<string, string> = {
  TC_088_CSMS: 'WebSocket subprotocol negotiation (OCPP-J 1.6 §3.2)',
};

/** Tables still without a case: the Security ones with the charge point under test (being written). */

describe('OCTT 1.6 test case document (FINAL 2024-04) coverage, every table', function () {
  let tables: OcttTable[] = [];
  before(function () {
    requireShared(this, [OCTT_16_PATH], 'the OCTT 1.6 test case document');
    tables = readOcttTables();
  });

  it('the document has 177 test case tables: 102 with the charge point, 75 with the CSMS under test', () => {
    expect(tables.filter((t) => t.id.endsWith('_CS'))).to.have.length(102);
    expect(tables.filter((t) => t.id.endsWith('_CSMS'))).to.have.length(75);
  });

  it('the Security section has 13 tables with the CSMS under test (TC_073_CSMS … TC_087_CSMS)', () => {
    expect(tables.filter((t) => t.profile === 'Security' && t.id.endsWith('_CSMS')).map((t) => t.table)).to.deep.equal(
      [179, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191]);
  });

  it('every table has a case under its id or alias, with its title, side and profile, citing it', async () => {
    const cases = (await discoverCases()).filter((c) => c.meta.ocpp === '1.6');
    const problems: string[] = [];
    for (const t of tables) {
      const ours = cases.filter((c) => c.meta.id === t.id || aliasesOf(c.meta).includes(t.id));
      if (ours.length === 0) { problems.push(`${t.id} (Table ${t.table}): no case`); continue; }
      // A title shared by several tables (TC_040_1/2_CSMS "Configuration keys") may be refined.
      const shared = tables.filter((x) => norm(x.title) === norm(t.title)).length > 1;
      for (const { meta } of ours) {
        const split = meta.id !== t.id;
        const title = norm(meta.title);
        if (!split && title !== docTitle(t) && !(shared && title.startsWith(docTitle(t)))) {
          problems.push(`${meta.id}: title "${meta.title}", Table ${t.table} "${t.title}"`);
        }
        if (meta.profile !== t.profile) problems.push(`${meta.id}: profile ${meta.profile}, section ${t.section} ${t.sectionTitle} → ${t.profile}`);
        if (meta.sut !== (t.id.endsWith('_CSMS') ? 'Csms' : 'ChargePoint')) problems.push(`${meta.id}: wrong SUT side`);
        if (meta.octt?.table !== t.table) problems.push(`${meta.id}: cites Table ${meta.octt?.table ?? '(none)'}, the document has Table ${t.table}`);
        if (split && meta.octt?.follows !== 'newer revision') problems.push(`${meta.id}: splits ${t.id} but does not say it follows the newer revision`);
      }
    }
    expect(problems).to.deep.equal([]);
  });

  it('every TC_ case cites a table of the document; only our own X16_ cases and the listed newer-revision ids cite none', async () => {
    const byTable = new Map(tables.map((t) => [t.table, t]));
    const problems: string[] = [];
    for (const { meta } of (await discoverCases()).filter((c) => c.meta.ocpp === '1.6')) {
      if (meta.id in NEWER_REVISION_ONLY) {
        if (tables.some((t) => t.id === meta.id)) problems.push(`${meta.id}: the 2024-04 document has it now; cite its table`);
        if (meta.octt) problems.push(`${meta.id}: a newer-revision-only case cites Table ${meta.octt.table}`);
        if (!/newer revision/i.test(meta.provenance)) problems.push(`${meta.id}: the provenance does not say it comes from a newer revision`);
        continue;
      }
      if (!meta.id.startsWith('TC_')) {
        if (meta.octt) problems.push(`${meta.id}: a case of our own cites Table ${meta.octt.table}`);
        continue;
      }
      const t = meta.octt && byTable.get(meta.octt.table);
      if (!t) { problems.push(`${meta.id}: cites no table of the document`); continue; }
      const docId = meta.octt?.documentId ?? meta.id;
      if (t.id !== docId) problems.push(`${meta.id}: Table ${t.table} is ${t.id}, not ${docId}`);
    }
    expect(problems).to.deep.equal([]);
  });

  it('every case that cites a table says so in its provenance, naming what is its own', async () => {
    const problems: string[] = [];
    for (const { meta } of (await discoverCases()).filter((c) => c.meta.ocpp === '1.6')) {
      if (!meta.octt) continue;
      if (!meta.provenance.startsWith(`OCTT 1.6 TCD 2024-04 Table ${meta.octt.table}`)) problems.push(`${meta.id}: provenance "${meta.provenance.slice(0, 60)}…"`);
      if (/publicly summari[sz]ed|no public/i.test(meta.provenance)) problems.push(`${meta.id}: still says no step list is public`);
    }
    expect(problems).to.deep.equal([]);
  });
});
