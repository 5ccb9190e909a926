// A raw CSMS for hostile-input tests: it accepts the harness's boot, answers every other CALL plainly, and
// lets the test script what it sends after the boot and what it does with the answers it gets.
import { WebSocketServer, type WebSocket } from 'ws';
import { runTests } from '../../harness/runner/run.js';
import { sink, testConfig } from './run-builtin.js';

export interface CsmsScript {
  /** Sent right after the BootNotification is accepted. */
  afterBoot(ws: WebSocket): void;
  /** A CALLRESULT or CALLERROR of the harness (with its text). */
  onAnswer(ws: WebSocket, frame: unknown[], text: string): void;
}

/** Run TC_001_CSMS with the harness as charge point against a CSMS that follows `script`. */
export async function runAgainstScriptedCsms(script: CsmsScript): Promise<void> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: () => 'ocpp1.6' });
  wss.on('connection', (ws: WebSocket) => {
    ws.on('message', (data) => {
      const text = data.toString();
      const frame = JSON.parse(text) as unknown[];
      if (frame[0] === 2 && frame[2] === 'BootNotification') {
        ws.send(JSON.stringify([3, frame[1], { status: 'Accepted', currentTime: new Date().toISOString(), interval: 300 }]));
        script.afterBoot(ws);
      } else if (frame[0] === 2) {
        ws.send(JSON.stringify([3, frame[1], frame[2] === 'Heartbeat' ? { currentTime: new Date().toISOString() } : {}]));
      } else {
        script.onAnswer(ws, frame, text);
      }
    });
  });
  await new Promise((r) => wss.once('listening', r));
  const { port } = wss.address() as { port: number };
  const cfg = testConfig();
  cfg.timeouts.responseMs = 1000;
  cfg.timeouts.messageMs = 1500;
  cfg.sutControl = { type: 'http', url: 'http://127.0.0.1:1/none' };
  try {
    await runTests({
      sides: ['Csms'], ocpp: '1.6', profiles: ['all'], cases: ['TC_001_CSMS'], cfg, reportDir: '', strict: false,
      builtin: false, url: `ws://127.0.0.1:${port}/ocpp`, out: sink(), noReports: true,
    });
  } finally {
    for (const c of wss.clients) c.terminate();
    await new Promise((r) => wss.close(r));
  }
}
