// The README's example failure is real output: the same lines as the console prints for the command the
// README names (times and event numbers aside).
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { caseLine } from '../../harness/report/console.js';
import { runBuiltin } from '../support/run-builtin.js';

const numbersOut = (s: string) => s.replace(/\d+(\.\d+)?/g, 'N');

describe('the README\'s example failure', function () {
  this.timeout(60_000);

  it('matches what `--builtin-fault boot-retry-too-early --cases TC_002_CS` prints', async () => {
    const readme = readFileSync('README.md', 'utf8');
    const block = readme.split('A failure explains itself')[1]?.split('```')[1];
    expect(block, 'the example block').to.be.a('string');
    const shown = block!.split('\n').filter((l) => l.trim()).map((l) => l.trimEnd());
    const { run } = await runBuiltin({ sides: ['ChargePoint'], cases: ['TC_002_CS'], quirks: { chargePoint: ['boot-retry-too-early'] } });
    const printed = caseLine(run.cases[0]!, { color: false }).split('\n');
    expect(printed.map(numbersOut)).to.deep.equal(shown.map(numbersOut));
  });
});
