// §1.3 post-conditions on the CSMS side: a CSMS case that stops early with a transaction running does
// not leave it open on the CSMS (the runner's post-conditions stop it), and the next case is unaffected.
import { expect } from 'chai';
import { runBuiltin } from '../support/run-builtin.js';

describe('CSMS cases leave no transaction open, also when they stop early', function () {
  this.timeout(60_000);

  it('TC_012_CSMS without the RemoteStopTransaction: FAIL, its transaction is still stopped, TC_003_CSMS passes', async () => {
    const { run } = await runBuiltin({ sides: ['Csms'], cases: ['TC_012_CSMS', 'TC_003_CSMS'], quirks: { csms: ['remote-stop-ignored'] } });
    const verdicts = Object.fromEntries(run.cases.map((c) => [c.id, c.verdict]));
    expect(verdicts).to.deep.equal({ TC_012_CSMS: 'FAIL', TC_003_CSMS: 'PASS' });
    const tc012 = run.cases.find((c) => c.id === 'TC_012_CSMS')!;
    expect(tc012.findings.map((f) => f.checkId)).to.deep.equal(['sequence.missing']);

    const frames = tc012.trace.flatMap((e) => (e.kind === 'frame' ? [{ dir: e.dir, msg: JSON.parse(e.raw) as unknown[] }] : []));
    const calls = (action: string) => frames.filter((f) => f.dir === 'out' && f.msg[0] === 2 && f.msg[2] === action).map((f) => f.msg);
    const [start] = calls('StartTransaction');
    const conf = frames.find((f) => f.dir === 'in' && f.msg[0] === 3 && f.msg[1] === start[1])!.msg[2] as { transactionId: number };
    expect(calls('StopTransaction').map((m) => (m[3] as { transactionId: number }).transactionId)).to.deep.equal([conf.transactionId]);
  });
});
