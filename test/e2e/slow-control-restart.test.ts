// A control that reports a reboot done only after the charger has already dropped, reconnected and sent
// its BootNotification (an operator pressing Enter late, a power-cycle script that waits) must not turn a
// conforming charger into FAIL connection.closed or INCONCLUSIVE "did not connect": the harness holds the
// new connection for the case, and the close belongs to the restart it asked for.
import { OCPP16 } from '../../harness/versions/ocpp16/facts.js';
import { expect } from 'chai';
import { Writable } from 'node:stream';
import { startControlServer } from '../../harness/peers/control-server.js';
import { ReferenceChargePoint } from '../../harness/versions/ocpp16/reference/charge-point.js';
import { runTests } from '../../harness/runner/run.js';
import { checkConnection } from '../../harness/checks/connection.js';
import type { TraceEvent } from '../../harness/trace/types.js';
import { freePort } from '../support/free-port.js';
import { testConfig } from '../support/run-builtin.js';

describe('a slow SUT control around a restart', function () {
  this.timeout(60_000);

  it('TC_001_CS and TC_002_CS pass when "reboot" is reported done 1.5 s after the charger is back', async () => {
    const port = await freePort();
    const cp = new ReferenceChargePoint({ url: `ws://127.0.0.1:${port}/ocpp`, identity: 'SLOW-1', connectorIds: [1] });
    const control = await startControlServer({
      actions: cp.actions, knowsAction: (a) => cp.knowsAction(a),
      perform: async (action, params) => {
        const outcome = await cp.perform(action, params);
        await new Promise((r) => setTimeout(r, 1500));
        return outcome;
      },
    });
    const cfg = testConfig();
    cfg.identity = 'SLOW-1';
    cfg.sutControl = { type: 'http', url: control.url };
    try {
      const start = cp.start();
      const { run } = await runTests({
        sides: ['ChargePoint'], ocpp: '1.6', profiles: ['all'], cases: ['TC_001_CS', 'TC_002_CS'], cfg, reportDir: '', strict: false,
        builtin: false, listen: { host: '127.0.0.1', port }, out: new Writable({ write: (_c, _e, cb) => cb() }), noReports: true,
      });
      await start;
      expect(run.cases.map((c) => [c.id, c.verdict, c.reason ?? ''])).to.deep.equal([['TC_001_CS', 'PASS', ''], ['TC_002_CS', 'PASS', '']]);
    } finally {
      await cp.stop();
      await control.close();
    }
  });

  it('connection.closed: a drop and reconnect while the restart is pending is announced; a later drop is not', () => {
    let seq = 0;
    const ev = (e: Record<string, unknown>) => ({ seq: seq++, t: seq, wall: '', ...e }) as unknown as TraceEvent;
    const cycle = [
      ev({ kind: 'stimulus', action: 'reboot', params: {}, outcome: 'pending' }),
      ev({ kind: 'ws-open', conn: 1, url: '/', identity: 'X', offeredProtocols: ['ocpp1.6'], chosenProtocol: 'ocpp1.6' }),
      ev({ kind: 'ws-close', conn: 1, code: 1000, reason: '', by: 'peer' }),
      ev({ kind: 'ws-open', conn: 2, url: '/', identity: 'X', offeredProtocols: ['ocpp1.6'], chosenProtocol: 'ocpp1.6' }),
      ev({ kind: 'stimulus', action: 'reboot', params: {}, outcome: 'done' }),
    ];
    expect(checkConnection(cycle, 1 << 20, OCPP16)).to.deep.equal([]);
    const later = [...cycle, ev({ kind: 'ws-close', conn: 2, code: 1000, reason: '', by: 'peer' })];
    expect(checkConnection(later, 1 << 20, OCPP16).map((f) => f.checkId)).to.deep.equal(['connection.closed']);
  });
});
