// Every OCPP 1.6 OCTT case of the catalogue (all but module 25 "Security") is implemented, under its
// official id and title, for the right SUT side and profile. The catalogue sits beside the repository
// (../shared/reference) in development and CI; without it the test is skipped.
import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import { discoverCases } from '../../harness/runner/discover.js';

const CATALOGUE = '../shared/reference/ocpp-test-catalogue.md';
const PROFILE_OF: Record<string, string> = {
  'Core': 'Core', 'Local Auth List Mgmt': 'LocalAuthListManagement', 'Firmware Mgmt': 'FirmwareManagement',
  'Reservation': 'Reservation', 'Remote Trigger': 'RemoteTrigger', 'Smart Charging': 'SmartCharging',
};

interface Row { id: string; title: string; profile: string }

function rows(): Row[] {
  const out: Row[] = [];
  for (const line of readFileSync(CATALOGUE, 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (!/^TC_[0-9_]+_(CS|CSMS)$/.test(cells[1] ?? '')) continue;
    const id = cells[1]!;
    const profile = id.endsWith('_CSMS') ? cells[3]! : cells[4]!;
    if (/Security/.test(profile)) continue;
    out.push({ id, title: cells[2]!, profile: PROFILE_OF[profile] ?? profile });
  }
  return out;
}

describe('catalogue coverage: OCPP 1.6, every profile but Security', function () {
  before(function () {
    if (!existsSync(CATALOGUE)) this.skip();
  });

  it('154 catalogue cases: 92 with the charge point under test, 62 with the CSMS under test', () => {
    const all = rows();
    expect(all.filter((r) => r.id.endsWith('_CS'))).to.have.length(92);
    expect(all.filter((r) => r.id.endsWith('_CSMS'))).to.have.length(62);
  });

  it('each is implemented under its id and title, for its side and profile', async () => {
    const ours = new Map((await discoverCases()).map((c) => [c.meta.id, c.meta]));
    const problems: string[] = [];
    for (const row of rows()) {
      const meta = ours.get(row.id);
      if (!meta) { problems.push(`${row.id}: missing`); continue; }
      if (meta.title !== row.title) problems.push(`${row.id}: title "${meta.title}", catalogue "${row.title}"`);
      if (meta.profile !== row.profile) problems.push(`${row.id}: profile ${meta.profile}, catalogue ${row.profile}`);
      if (meta.sut !== (row.id.endsWith('_CSMS') ? 'Csms' : 'ChargePoint')) problems.push(`${row.id}: wrong SUT side`);
    }
    expect(problems).to.deep.equal([]);
  });
});
