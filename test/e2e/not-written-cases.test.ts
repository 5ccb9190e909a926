// A profile whose certification list has tables the harness has no case for is never reported "ready".
// Every version's list is empty today (2.0.1 Core B/E/J/P and 1.6 are complete), so the test gives the
// 2.0.1 facts a table without a case for its duration, as a version still being written would have.
import { expect } from 'chai';
import { readiness } from '../../harness/report/exit-code.js';
import { versionFacts } from '../../harness/versions/facts-registry.js';
import type { VersionFacts } from '../../harness/versions/version-facts.js';
import { runBuiltin } from '../support/run-builtin.js';

describe('tables of the certification list without a case', function () {
  this.timeout(60_000);

  it('are listed as not run ("not-written") and keep the profile "incomplete"', async () => {
    const facts = versionFacts('2.0.1') as { -readonly [K in keyof VersionFacts]: VersionFacts[K] };
    const before = facts.notWritten;
    facts.notWritten = [{ id: 'TC_B_99_CS', title: 'A table without a case', profile: 'Core', sut: 'ChargePoint' }];
    try {
      const { run } = await runBuiltin({ sides: ['ChargePoint'], ocpp: '2.0.1', cases: ['TC_B_01_CS'] });
      expect((run.notRun ?? []).filter((n) => n.why === 'not-written').map((n) => n.id)).to.deep.equal(['TC_B_99_CS']);
      const [row] = readiness(run.cases, { notRun: run.notRun ?? [] });
      expect(row!.status).to.equal('incomplete');
    } finally {
      facts.notWritten = before;
    }
  });

  it('are none for 1.6 and 2.0.1: their certification lists (2.0.1: Core blocks B, E, J, P) have a case for every table', async () => {
    expect(versionFacts('1.6').notWritten).to.deep.equal([]);
    expect(versionFacts('2.0.1').notWritten).to.deep.equal([]);
    const { run } = await runBuiltin({ sides: ['ChargePoint'], ocpp: '2.0.1', cases: ['TC_B_01_CS'] });
    expect((run.notRun ?? []).filter((n) => n.why === 'not-written')).to.deep.equal([]);
  });
});
