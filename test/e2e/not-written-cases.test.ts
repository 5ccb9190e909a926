// A profile whose certification list has tables the harness has no case for is never reported "ready":
// OCPP 2.0.1 Core has two charging-station tables not written yet (they need 2.0.1's TLS profiles).
import { expect } from 'chai';
import { readiness } from '../../harness/report/exit-code.js';
import { runBuiltin } from '../support/run-builtin.js';

describe('tables of the certification list without a case', function () {
  this.timeout(60_000);

  it('are listed as not run ("not-written") and keep 2.0.1 Core of the charging station "incomplete"', async () => {
    const { run } = await runBuiltin({ sides: ['ChargePoint'], ocpp: '2.0.1', cases: ['TC_B_01_CS'] });
    expect((run.notRun ?? []).filter((n) => n.why === 'not-written').map((n) => n.id)).to.deep.equal(['TC_B_47_CS', 'TC_B_50_CS']);
    const [row] = readiness(run.cases, { notRun: run.notRun ?? [] });
    expect(row!.status).to.equal('incomplete');
  });

  it('do not touch 1.6, whose catalogue is complete', async () => {
    const { run } = await runBuiltin({ sides: ['ChargePoint'], cases: ['TC_001_CS'] });
    expect((run.notRun ?? []).filter((n) => n.why === 'not-written')).to.deep.equal([]);
  });
});
