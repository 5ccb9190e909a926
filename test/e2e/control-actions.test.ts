// A case whose SUT control action the adapter does not offer is NOT_APPLICABLE before anything is sent,
// the result says it was the control (not a declaration), and the summary names the action that would
// unlock it. The HTTP adapter learns what is offered from GET {url}/actions.
import { expect } from 'chai';
import { startControlServer } from '../../harness/peers/control-server.js';
import { actionsThatUnlock } from '../../harness/report/console.js';
import { HttpSutControl } from '../../harness/sut/http-control.js';
import { runBuiltin } from '../support/run-builtin.js';

describe('SUT control actions: what the adapter offers decides before the case starts', function () {
  this.timeout(60_000);

  it('GET {url}/actions lists the vocabulary of the peer; without that endpoint the list is unknown', async () => {
    const peer = { actions: ['plugIn', 'unplug'], knowsAction: (a: string) => a === 'plugIn' || a === 'unplug', perform: async () => ({ outcome: 'done' as const }) };
    const server = await startControlServer(peer);
    const bare = await startControlServer(async () => ({ outcome: 'done' as const }));
    try {
      expect(await new HttpSutControl({ url: server.url }).supportedActions()).to.deep.equal(['plugIn', 'unplug']);
      expect(await new HttpSutControl({ url: bare.url }).supportedActions()).to.equal(undefined);
    } finally {
      await server.close();
      await bare.close();
    }
  });

  it('a missing action makes the case NOT_APPLICABLE by control, with an empty trace, and is listed as what would unlock it', async () => {
    const { run } = await runBuiltin({ sides: ['ChargePoint'], cases: ['TC_005_1_CS', 'TC_005_2_CS', 'TC_003_CS'], quirks: { chargePoint: ['no-ev-side-unplug'] } });
    const byId = Object.fromEntries(run.cases.map((c) => [c.id, c]));
    for (const id of ['TC_005_1_CS', 'TC_005_2_CS']) {
      expect(byId[id]!.verdict).to.equal('NOT_APPLICABLE');
      expect(byId[id]!.notApplicable).to.deep.equal({ by: 'control', actions: ['unplugEvSide'] });
      expect(byId[id]!.trace).to.deep.equal([]);
    }
    expect(byId.TC_003_CS!.verdict).to.equal('PASS');
    expect(actionsThatUnlock(run.cases)).to.deep.equal([['unplugEvSide', ['TC_005_1_CS', 'TC_005_2_CS']]]);
  });
});

describe('the shipped example config reaches the simulator it documents', function () {
  this.timeout(30_000);

  it('csms.example.json\'s sutControl url (with its /control path) gets the actions of `simulate csms --control`', async () => {
    const { readFileSync } = await import('node:fs');
    const example = JSON.parse(readFileSync('fixtures/configs/csms.example.json', 'utf8')) as { sutControl: { url: string } };
    const done: string[] = [];
    const peer = { actions: ['RemoteStartTransaction'], knowsAction: (a: string) => a === 'RemoteStartTransaction', perform: async (a: string) => { done.push(a); return { outcome: 'done' as const }; } };
    const server = await startControlServer(peer);
    try {
      // The example's path on the server the simulator starts (only host and port differ here).
      const url = `${server.url}${new URL(example.sutControl.url).pathname}`;
      const control = new HttpSutControl({ url });
      expect(await control.supportedActions()).to.deep.equal(['RemoteStartTransaction']);
      const outcome = await control.perform('RemoteStartTransaction', { connectorId: 1, idTag: 'ACCEPTED01' }, { identity: 'CP', ocpp: '1.6' });
      expect(outcome.outcome).to.equal('done');
      expect(done).to.deep.equal(['RemoteStartTransaction']);
    } finally {
      await server.close();
    }
  });
});
