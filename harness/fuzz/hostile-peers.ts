// Hostile peers that send a stream of frames (e.g. hostileFrames()) at the harness: a charge point that
// dials the harness's CSMS endpoint, and a CSMS the harness's charge point dials. Both answer what the
// harness asks plainly (so a case can go on) and pace their sending by the socket, not by memory.
import { WebSocket, WebSocketServer } from 'ws';
import type { MadeFrame } from './corpus.js';

export interface FloodStats {
  frames: number;
  bytes: number;
  /** The harness's answers (CALLRESULT/CALLERROR frames) that arrived, by error code or "result". */
  answers: Record<string, number>;
  closedWith?: number;
}

/** Sending pauses while this much is queued in the socket. */
const HIGH_WATER = 4 << 20;

async function sendAll(ws: WebSocket, frames: Iterable<MadeFrame>, stats: FloodStats, signal?: AbortSignal): Promise<void> {
  for (const frame of frames) {
    if (ws.readyState !== ws.OPEN || signal?.aborted) return;
    const size = typeof frame.data === 'string' ? Buffer.byteLength(frame.data) : frame.data.length;
    stats.frames += 1;
    stats.bytes += size;
    if (ws.bufferedAmount + size > HIGH_WATER) {
      await new Promise<void>((resolve) => ws.send(frame.data, { binary: frame.binary }, () => resolve()));
    } else {
      ws.send(frame.data, { binary: frame.binary });
    }
  }
}

/**
 * Answer the harness's CALLs plainly (once `gate` resolves: a flood first keeps the harness's case
 * waiting, so every frame lands inside it); count its answers to ours.
 */
function answerPlainly(ws: WebSocket, stats: FloodStats, onCall?: (action: string, id: string) => boolean, gate: Promise<void> = Promise.resolve()): void {
  ws.on('message', (data, isBinary) => {
    if (isBinary) return;
    let frame: unknown;
    try {
      frame = JSON.parse(data.toString());
    } catch {
      return;
    }
    if (!Array.isArray(frame)) return;
    if (frame[0] === 2 && typeof frame[1] === 'string') {
      if (onCall?.(String(frame[2]), frame[1])) return;
      const now = new Date().toISOString();
      const payload = frame[2] === 'BootNotification' ? { status: 'Accepted', currentTime: now, interval: 300 }
        : frame[2] === 'Heartbeat' ? { currentTime: now }
          : frame[2] === 'GetConfiguration' ? { configurationKey: [] } : {};
      const answer = JSON.stringify([3, frame[1], payload]);
      void gate.then(() => { if (ws.readyState === ws.OPEN) ws.send(answer); });
    } else if (frame[0] === 3 || frame[0] === 4) {
      const key = frame[0] === 3 ? 'result' : String(frame[2]);
      stats.answers[key] = (stats.answers[key] ?? 0) + 1;
    }
  });
}

/**
 * Dial `url` (…/ocpp/<identity>) as a charge point, retrying until the harness listens, then send
 * `frames`; the harness's own CALLs are answered plainly meanwhile. Resolves when everything was sent.
 */
export async function floodAsChargePoint(url: string, frames: Iterable<MadeFrame>, opts: { signal?: AbortSignal; retryMs?: number; boot?: boolean; ocpp?: '1.6' | '2.0.1' } = {}): Promise<{ stats: FloodStats; ws: WebSocket }> {
  const v201 = opts.ocpp === '2.0.1';
  const stats: FloodStats = { frames: 0, bytes: 0, answers: {} };
  for (;;) {
    opts.signal?.throwIfAborted();
    const ws = new WebSocket(url, [v201 ? 'ocpp2.0.1' : 'ocpp1.6'], { maxPayload: 64 << 20 });
    const opened = await new Promise<boolean>((resolve) => {
      ws.once('open', () => resolve(true));
      ws.once('error', () => resolve(false));
    });
    if (!opened) {
      await new Promise((r) => setTimeout(r, opts.retryMs ?? 100));
      continue;
    }
    ws.on('error', () => undefined);
    ws.on('close', (code) => { stats.closedWith = code; });
    let floodDone!: () => void;
    answerPlainly(ws, stats, undefined, new Promise<void>((resolve) => (floodDone = resolve)));
    // As a charger does: boot first, so a case waiting for the boot goes on to what it tests.
    if (opts.boot !== false) {
      const stamp = Date.now().toString(36);
      const booted = new Promise<void>((resolve) => {
        const onMessage = (data: unknown) => {
          if (!String(data).startsWith(`[3,"boot-${stamp}"`)) return;
          ws.off('message', onMessage);
          resolve();
        };
        ws.on('message', onMessage);
        setTimeout(resolve, 5000).unref();
      });
      ws.send(JSON.stringify([2, `boot-${stamp}`, 'BootNotification', v201
        ? { chargingStation: { vendorName: 'fuzz', model: 'hostile' }, reason: 'PowerUp' }
        : { chargePointVendor: 'fuzz', chargePointModel: 'hostile' }]));
      await booted; // its connectors are reported after the boot is accepted
      if (v201) {
        ws.send(JSON.stringify([2, `status1-${stamp}`, 'StatusNotification', { timestamp: new Date().toISOString(), connectorStatus: 'Available', evseId: 1, connectorId: 1 }]));
      } else {
        for (const connectorId of [0, 1]) {
          ws.send(JSON.stringify([2, `status${connectorId}-${stamp}`, 'StatusNotification', { connectorId, errorCode: 'NoError', status: 'Available', timestamp: new Date().toISOString() }]));
        }
      }
    }
    try {
      await sendAll(ws, frames, stats, opts.signal);
    } finally {
      floodDone();
    }
    return { stats, ws };
  }
}

export interface FloodingCsms {
  url: string;
  stats: FloodStats;
  /** Resolves when the frames were sent (after the harness's first BootNotification was accepted). */
  sent: Promise<void>;
  close(): Promise<void>;
}

/** A CSMS that sends `frames` when the harness's BootNotification comes, then accepts it; everything else is answered plainly. */
export async function floodingCsms(frames: Iterable<MadeFrame>, opts: { ocpp?: '1.6' | '2.0.1' } = {}): Promise<FloodingCsms> {
  const stats: FloodStats = { frames: 0, bytes: 0, answers: {} };
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: () => (opts.ocpp === '2.0.1' ? 'ocpp2.0.1' : 'ocpp1.6'), maxPayload: 64 << 20 });
  let markSent!: () => void;
  const sent = new Promise<void>((resolve) => (markSent = resolve));
  let started = false;
  wss.on('connection', (ws) => {
    ws.on('error', () => undefined);
    answerPlainly(ws, stats, (action, id) => {
      if (action !== 'BootNotification' || started) return false;
      started = true;
      const accept = () => {
        markSent();
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify([3, id, { status: 'Accepted', currentTime: new Date().toISOString(), interval: 300 }]));
      };
      void sendAll(ws, frames, stats).then(accept, accept);
      return true;
    });
  });
  await new Promise((r) => wss.once('listening', r));
  const { port } = wss.address() as { port: number };
  return {
    url: `ws://127.0.0.1:${port}/ocpp`, stats, sent,
    close: async () => {
      for (const c of wss.clients) c.terminate();
      await new Promise((r) => wss.close(() => r(undefined)));
    },
  };
}
