// §1.3 post-conditions on the CSMS side: a case that stops early with a transaction running still ends
// it, so the CSMS is not left with an open transaction of the harness charge point.
import { expect } from 'chai';
import { runBuiltin } from '../support/run-builtin.js';

describe('CSMS cases end the transactions they started, also when they stop early', function () {
  this.timeout(60_000);

  it('TC_012_CSMS without the RemoteStopTransaction: FAIL, and its running transaction is still stopped', async () => {
    const { run } = await runBuiltin({ sides: ['Csms'], cases: ['TC_012_CSMS', 'TC_003_CSMS'], quirks: { csms: ['remote-stop-ignored'] } });
    const verdicts = Object.fromEntries(run.cases.map((c) => [c.id, c.verdict]));
    expect(verdicts).to.deep.equal({ TC_012_CSMS: 'FAIL', TC_003_CSMS: 'PASS' });
    const tc012 = run.cases.find((c) => c.id === 'TC_012_CSMS')!;
    const sent = tc012.trace.flatMap((e) => (e.kind === 'frame' && e.dir === 'out' ? [JSON.parse(e.raw) as unknown[]] : []));
    const started = sent.filter((f) => f[0] === 2 && f[2] === 'StartTransaction');
    const stops = sent.filter((f) => f[0] === 2 && f[2] === 'StopTransaction') as [number, string, string, Record<string, unknown>][];
    expect(started).to.have.length(1);
    expect(stops.map((f) => f[3].reason)).to.deep.equal(['Other']);
    const statuses = sent.filter((f) => f[0] === 2 && f[2] === 'StatusNotification').map((f) => (f[3] as Record<string, unknown>).status);
    expect(statuses.slice(-2)).to.deep.equal(['Finishing', 'Available']);
  });
});
