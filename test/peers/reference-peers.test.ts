// The reference charge point against the reference CSMS, on 127.0.0.1 with a free port.

import { expect } from 'chai';
import WebSocket from 'ws';
import { ReferenceChargePoint } from '../../harness/versions/ocpp16/reference/charge-point.js';
import { ReferenceCsms } from '../../harness/versions/ocpp16/reference/csms.js';
import { startControlServer, type ControlServer } from '../../harness/peers/control-server.js';
import type { FrameRecord } from '../../harness/peers/peer-util.js';

type Pred = (f: FrameRecord) => boolean;

interface FrameSource {
  readonly frames: readonly FrameRecord[];
  onFrame(listener: (f: FrameRecord) => void): () => void;
}

/** Resolve with the first frame (recorded from index `from` on) that matches. */
function waitForFrame(src: FrameSource, pred: Pred, from = 0, timeoutMs = 2000): Promise<FrameRecord> {
  const seen = src.frames.slice(from).find(pred);
  if (seen) return Promise.resolve(seen);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error('timed out waiting for a frame'));
    }, timeoutMs);
    const off = src.onFrame((f) => {
      if (pred(f)) {
        clearTimeout(timer);
        off();
        resolve(f);
      }
    });
  });
}

/** A CALL the CSMS received from the charge point. */
const cpCall =
  (action: string, match: (p: Record<string, unknown>) => boolean = () => true): Pred =>
  (f) =>
    !f.outbound && f.frame?.[0] === 2 && f.frame[2] === action && match((f.frame[3] ?? {}) as Record<string, unknown>);

const status = (connectorId: number, s: string): Pred =>
  cpCall('StatusNotification', (p) => p.connectorId === connectorId && p.status === s);

async function post(url: string, body: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** Send one raw frame on a fresh ocpp1.6 socket and return the first frame that comes back. */
async function rawExchange(url: string, frame: unknown[]): Promise<unknown[]> {
  const ws = new WebSocket(`${url}/RAW01`, ['ocpp1.6']);
  try {
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const reply = new Promise<unknown[]>((resolve) => ws.once('message', (d: Buffer) => resolve(JSON.parse(d.toString()) as unknown[])));
    ws.send(JSON.stringify(frame));
    return await reply;
  } finally {
    ws.terminate();
  }
}

describe('reference peers (OCPP 1.6J)', function () {
  this.timeout(4000);

  const logs: string[] = [];
  const log = (l: string): void => {
    logs.push(l);
  };
  let csms: ReferenceCsms;
  let cp: ReferenceChargePoint;
  let url: string;
  const controls: ControlServer[] = [];
  let transactionId = 0;

  before(async () => {
    csms = new ReferenceCsms({ heartbeatIntervalS: 1, log });
    ({ url } = await csms.listen());
    cp = new ReferenceChargePoint({
      url,
      identity: 'CP01',
      log,
      configuration: { MeterValueSampleInterval: '0' },
    });
  });

  after(async () => {
    for (const c of controls) await c.close();
    await cp?.stop();
    await csms?.close();
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed') console.log(logs.join('\n'));
  });

  it('boots: BootNotification accepted, then StatusNotification for 0 and 1, one CALL at a time', async () => {
    expect(url).to.match(/^ws:\/\/127\.0\.0\.1:\d+\/ocpp$/);
    await cp.start();
    const boot = await waitForFrame(csms, cpCall('BootNotification'));
    expect(boot.identity).to.equal('CP01');
    await waitForFrame(csms, status(1, 'Available'));
    const calls = csms.frames.filter((f) => !f.outbound && f.frame?.[0] === 2).map((f) => f.frame?.[2]);
    expect(calls.slice(0, 3)).to.deep.equal(['BootNotification', 'StatusNotification', 'StatusNotification']);
    const first = csms.frames.find(status(0, 'Available'));
    expect(first, 'connector 0 first').to.exist;
    expect(cp.state.registration).to.equal('Accepted');
    // Never a CALL from the charge point while one of its CALLs is unanswered.
    let outstanding: string | undefined;
    for (const f of csms.frames) {
      if (!f.outbound && f.frame?.[0] === 2) {
        expect(outstanding, `CALL ${String(f.frame[2])} while ${outstanding} is open`).to.equal(undefined);
        outstanding = String(f.frame[1]);
      } else if (f.outbound && (f.frame?.[0] === 3 || f.frame?.[0] === 4) && f.frame[1] === outstanding) {
        outstanding = undefined;
      }
    }
  });

  it('plug-in and presentIdTag: Authorize, StartTransaction, Charging', async () => {
    const from = csms.frames.length;
    expect((await cp.perform('plugIn', { connectorId: 1 })).outcome).to.equal('done');
    await waitForFrame(csms, status(1, 'Preparing'), from);
    expect((await cp.perform('presentIdTag', { connectorId: 1, idTag: 'ACCEPTED01' })).outcome).to.equal('done');
    await waitForFrame(csms, cpCall('Authorize', (p) => p.idTag === 'ACCEPTED01'), from);
    const start = await waitForFrame(csms, cpCall('StartTransaction', (p) => p.connectorId === 1), from);
    const p = start.frame?.[3] as Record<string, unknown>;
    expect(p.idTag).to.equal('ACCEPTED01');
    expect(p.meterStart).to.be.a('number');
    expect(p.timestamp).to.be.a('string');
    await waitForFrame(csms, status(1, 'Charging'), from);
    const tx = cp.state.connectors[0]?.transaction;
    expect(tx?.transactionId).to.be.a('number');
    transactionId = tx!.transactionId!;
  });

  it('an idTag the CSMS does not accept starts nothing', async () => {
    const from = csms.frames.length;
    // Connector 1 is busy charging with ACCEPTED01; another tag there is not its owner and is ignored,
    // so present an invalid tag through a second charge point instead.
    const cp2 = new ReferenceChargePoint({ url, identity: 'CP02', log });
    try {
      await cp2.start();
      await waitForFrame(csms, (f) => f.identity === 'CP02' && status(1, 'Available')(f), from);
      await cp2.perform('presentIdTag', { connectorId: 1, idTag: 'BLOCKED01' });
      const auth = await waitForFrame(csms, (f) => f.identity === 'CP02' && cpCall('Authorize')(f), from);
      const answer = await waitForFrame(csms, (f) => f.outbound && f.frame?.[1] === auth.frame?.[1], from);
      expect((answer.frame?.[2] as { idTagInfo: { status: string } }).idTagInfo.status).to.equal('Blocked');
      await new Promise((r) => setTimeout(r, 50));
      expect(cp2.state.connectors[0]?.status).to.equal('Available');
      expect(csms.frames.slice(from).some((f) => f.identity === 'CP02' && cpCall('StartTransaction')(f))).to.equal(false);
    } finally {
      await cp2.stop();
    }
  });

  it('RemoteStopTransaction: Accepted, StopTransaction reason Remote, Finishing; unplug → Available', async () => {
    const from = csms.frames.length;
    const outcome = await csms.perform('RemoteStopTransaction', { transactionId, identity: 'CP01' });
    expect(outcome.outcome).to.equal('done');
    const stop = await waitForFrame(csms, cpCall('StopTransaction'), from);
    const p = stop.frame?.[3] as Record<string, unknown>;
    expect(p.transactionId).to.equal(transactionId);
    expect(p.reason).to.equal('Remote');
    expect(p.meterStop).to.be.a('number');
    const answer = csms.frames.slice(from).find((f) => !f.outbound && f.frame?.[0] === 3 && f.action === 'RemoteStopTransaction');
    expect((answer?.frame?.[2] as { status: string }).status).to.equal('Accepted');
    await waitForFrame(csms, status(1, 'Finishing'), from);
    await cp.perform('unplug', { connectorId: 1 });
    await waitForFrame(csms, status(1, 'Available'), from);
    expect(cp.state.connectors[0]?.transaction).to.equal(undefined);
  });

  it('RemoteStopTransaction for an unknown transaction is Rejected', async () => {
    const from = csms.frames.length;
    await csms.perform('RemoteStopTransaction', { transactionId: 999 });
    const answer = await waitForFrame(csms, (f) => !f.outbound && f.frame?.[0] === 3 && f.action === 'RemoteStopTransaction', from);
    expect((answer.frame?.[2] as { status: string }).status).to.equal('Rejected');
  });

  it('answers schema violations with the OCPP 1.6 error codes', async () => {
    const missing = await rawExchange(url, [2, 'm1', 'BootNotification', { chargePointModel: 'x' }]);
    expect(missing.slice(0, 3)).to.deep.equal([4, 'm1', 'OccurenceConstraintViolation']);
    const wrongType = await rawExchange(url, [2, 'm2', 'BootNotification', { chargePointModel: 'x', chargePointVendor: 5 }]);
    expect(wrongType.slice(0, 3)).to.deep.equal([4, 'm2', 'TypeConstraintViolation']);
    const extra = await rawExchange(url, [2, 'm3', 'Heartbeat', { extra: 1 }]);
    expect(extra.slice(0, 3)).to.deep.equal([4, 'm3', 'FormationViolation']);
    const unknown = await rawExchange(url, [2, 'm4', 'NoSuchAction', {}]);
    expect(unknown.slice(0, 3)).to.deep.equal([4, 'm4', 'NotImplemented']);
  });

  it('reboot: a new BootNotification after the socket closed', async () => {
    const from = csms.frames.length;
    expect((await cp.perform('reboot', {})).outcome).to.equal('done');
    await waitForFrame(csms, (f) => f.identity === 'CP01' && cpCall('BootNotification')(f), from);
    await waitForFrame(csms, (f) => f.identity === 'CP01' && status(1, 'Available')(f), from);
  });

  it('control server: 200, 404, 400, 501 and 500', async () => {
    const cpControl = await startControlServer(cp, { host: '127.0.0.1', port: 0 });
    controls.push(cpControl);
    expect(cpControl.url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);

    const from = csms.frames.length;
    const ok = await post(`${cpControl.url}/plugIn`, JSON.stringify({ connectorId: 1, identity: 'CP01', ocpp: 'ocpp1.6' }));
    expect(ok).to.deep.equal({ status: 200, json: { ok: true } });
    await waitForFrame(csms, status(1, 'Preparing'), from);

    expect((await post(`${cpControl.url}/levitate`, '{}')).status).to.equal(404);
    expect((await post(`${cpControl.url}/plugIn`, '{not json')).status).to.equal(400);
    const failed = await post(`${cpControl.url}/plugIn`, JSON.stringify({ connectorId: 7 }));
    expect(failed.status).to.equal(500);
    expect(failed.json.error).to.be.a('string');

    const stub = await startControlServer(async (action) =>
      action === 'swipe' ? { outcome: 'unsupported', detail: 'no card reader' } : { outcome: 'done' },
    );
    controls.push(stub);
    expect(await post(`${stub.url}/swipe`, '{}')).to.deep.equal({ status: 501, json: { error: 'no card reader' } });

    const csmsControl = await startControlServer(csms, { port: 0 });
    controls.push(csmsControl);
    const cleared = await post(`${csmsControl.url}/ClearCache`, JSON.stringify({ identity: 'CP01' }));
    expect(cleared.status).to.equal(200);
    await waitForFrame(csms, (f) => f.outbound && f.frame?.[0] === 2 && f.frame[2] === 'ClearCache', from);
    expect((await post(`${csmsControl.url}/BootNotification`, '{}')).status).to.equal(404);
  });
});
