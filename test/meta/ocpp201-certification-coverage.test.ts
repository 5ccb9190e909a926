// Ties the 2.0.1 cases to the certification documents: every TC_ case of blocks B, E, J, P is in
// Part 5's Core list for its side, carries Part 6's test case name as its title, and a conditional
// ("C") case carries its Part 5 condition as PICS features; the Core cases not written yet are named.
import { expect } from 'chai';
import { discoverCases } from '../../harness/runner/discover.js';
import { OCPP201_CERTIFICATION_LIST } from '../../harness/versions/ocpp201/certification-list.js';
import { PART5, PART6, part5Rows, part6Names } from '../support/ocpp201-documents.js';
import { certificationListFromPart5, PART5_PROFILES } from '../support/part5-certification-list.js';
import { requireShared } from '../support/shared-files.js';

/** Core B/E/J/P cases of Part 5 not written yet. This list only shrinks; at zero the list is complete. */
const NOT_YET_WRITTEN: readonly string[] = [];

const BLOCKS = /^TC_[BEJP]_/;
/** Part 5's PICS feature ids (C-09.1, AS-2, AQ-6, HFS-8 …). */
const PICS_ID = /\b(?:C|AS|AQ|HFS|SC|R|DM|ISO|LA|UI)-\d+(?:\.\d+)?\b/g;
/** Features that are lists every station has (supported measurands, time sources, cipher suites, cache policies), not yes/no. */
const LIST_FEATURES = /^C-(?:23|40|41|54)(?:\.\d+)?$/;

/** The part of a Part 5 condition for one side ("CSMS: C-16 Charging Station: NOT …"), or all of it. */
function conditionFor(feature: string, sut: 'ChargePoint' | 'Csms'): string {
  const parts = feature.split(/(CSMS:|Charging Station:)/);
  if (parts.length < 3) return feature;
  const label = sut === 'Csms' ? 'CSMS:' : 'Charging Station:';
  const i = parts.indexOf(label);
  return i < 0 ? '' : parts[i + 1] ?? '';
}
const side = (id: string) => (id.endsWith('_CSMS') ? 'csms' : 'chargingStation') as 'csms' | 'chargingStation';
const base = (id: string) => id.replace(/_(CS|CSMS)$/, '');

describe('OCPP 2.0.1 cases against Part 5 (certification profiles) and Part 6 (test cases)', function () {
  // Loading every case module takes seconds on a busy machine (mocha's default is 2 s without .mocharc).
  this.timeout(60_000);
  before(function () {
    requireShared(this, [PART5, PART6], 'the OCPP 2.0.1 Part 5 and Part 6 documents');
  });

  it('Part 5 lists 97 charging-station and 56 CSMS Core cases in blocks B, E, J, P', () => {
    const rows = part5Rows('Core').filter((r) => BLOCKS.test(r.id));
    expect(rows.filter((r) => r.chargingStation).length).to.equal(97);
    expect(rows.filter((r) => r.csms).length).to.equal(56);
  });

  it('every 2.0.1 TC_ case is a case of Part 5 for its side under its profile, titled as in Part 6, with its condition', async () => {
    const headingOf = new Map(PART5_PROFILES.map(([heading, profile]) => [profile, heading]));
    const rowsOf = new Map(PART5_PROFILES.map(([heading, profile]) => [profile, new Map(part5Rows(heading).map((r) => [r.id, r]))]));
    const names = part6Names();
    const problems: string[] = [];
    for (const { meta } of (await discoverCases()).filter((c) => c.meta.ocpp === '2.0.1' && c.meta.id.startsWith('TC_'))) {
      const row = rowsOf.get(meta.profile)?.get(base(meta.id));
      if (!row || !row[side(meta.id)]) problems.push(`${meta.id}: not a case of Part 5's ${headingOf.get(meta.profile) ?? meta.profile} list for this side`);
      if ((meta.sut === 'Csms') !== meta.id.endsWith('_CSMS')) problems.push(`${meta.id}: sut ${meta.sut} does not match its suffix`);
      const name = names.get(meta.id);
      if (name === undefined) problems.push(`${meta.id}: no Part 6 table`);
      else if (name.replace(/\s+/g, ' ') !== meta.title.replace(/\s+/g, ' ')) problems.push(`${meta.id}: title "${meta.title}", Part 6 names it "${name}"`);
      if (!meta.part6?.useCase) problems.push(`${meta.id}: no part6.useCase`);
      if (row?.[side(meta.id)] === 'C' && !meta.pics) problems.push(`${meta.id}: conditional in Part 5 (${row.condition || row.feature}) but has no pics condition`);
      // Every PICS feature Part 5's condition names must be in the case's condition (e.g. TC_B_47: AS-2 and C-47).
      if (row?.[side(meta.id)] === 'C' && meta.pics) {
        const named = new Set(JSON.stringify(meta.pics).match(PICS_ID) ?? []);
        const missing = [...new Set(conditionFor(row.feature, meta.sut).match(PICS_ID) ?? [])].filter((id) => !named.has(id) && !LIST_FEATURES.test(id));
        if (missing.length) problems.push(`${meta.id}: Part 5's condition "${row.feature}" names ${missing.join(', ')}, which its pics condition lacks`);
      }
    }
    expect(problems).to.deep.equal([]);
  });

  it('the shipped certification list (harness/versions/ocpp201/certification-list.ts) is Part 5 §4, every profile and side', () => {
    expect(JSON.parse(JSON.stringify(OCPP201_CERTIFICATION_LIST))).to.deep.equal(JSON.parse(JSON.stringify(certificationListFromPart5())));
    const core = OCPP201_CERTIFICATION_LIST.filter((e) => e.profile === 'Core');
    expect([core.filter((e) => e.sut === 'ChargePoint').length, core.filter((e) => e.sut === 'Csms').length]).to.deep.equal([222, 131]);
  });

  it('every case with a TC_ id is on the certification list, with its profile and side', async () => {
    // A table may be listed under two profiles (TC_B_12_CSMS: Core and Advanced Device Management); one of them is the case's.
    const problems = (await discoverCases()).filter((c) => c.meta.ocpp === '2.0.1' && c.meta.id.startsWith('TC_'))
      .filter((c) => !OCPP201_CERTIFICATION_LIST.some((e) => e.id === c.meta.id && e.profile === c.meta.profile && e.sut === c.meta.sut)).map((c) => c.meta.id);
    expect(problems).to.deep.equal([]);
  });

  it('the Core cases of blocks B, E, J, P not written yet are exactly the listed ones', async () => {
    const have = new Set((await discoverCases()).filter((c) => c.meta.ocpp === '2.0.1').map((c) => c.meta.id));
    const wanted = part5Rows('Core').filter((r) => BLOCKS.test(r.id))
      .flatMap((r) => [...(r.chargingStation ? [`${r.id}_CS`] : []), ...(r.csms ? [`${r.id}_CSMS`] : [])]);
    expect(wanted.filter((id) => !have.has(id)).sort()).to.deep.equal([...NOT_YET_WRITTEN].sort());
  });
});
