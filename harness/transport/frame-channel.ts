// One WebSocket, either side. Records every frame, close and error to the trace FIRST, then
// tells listeners. Knows nothing of OCPP and never answers, closes or reconnects by itself.
import type { WebSocket, RawData } from 'ws';
import { DEFAULT_LIMITS, type Limits } from '../config/limits.js';
import type { TraceHub } from '../trace/recorder.js';
import { cutBytes } from '../trace/truncate.js';
import type { FrameEvent, TlsFacts, TraceEvent } from '../trace/types.js';
import { leadingCallId, oversizeErrorCode } from './oversize-frame.js';

export type FrameLimits = Pick<Limits, 'frameBytes' | 'truncatedFrameChars'>;

export interface ChannelInfo {
  url: string;
  identity: string;
  offeredProtocols: string[];
  chosenProtocol: string | null;
  authorization?: string;
  remoteAddress?: string;
  secure?: boolean;
  basicAuthExpected?: boolean;
  tls?: TlsFacts;
  securityProfile?: number;
}

export type FrameListener = (raw: string, event: FrameEvent) => void;
export type CloseListener = (code: number, reason: string, by: 'harness' | 'peer') => void;

let nextConnectionId = 0;

export interface SendOptions {
  /** Broken on purpose (robustness cases, fuzzing): not judged as the harness's own fault. */
  deliberatelyInvalid?: boolean;
  /** The receiver may close the connection over this frame (judged by the case, not as connection.closed). */
  mayEndConnection?: boolean;
}

export class FrameChannel {
  readonly conn = nextConnectionId++;
  private readonly frameListeners = new Set<FrameListener>();
  private readonly closeListeners = new Set<CloseListener>();
  private closingByHarness = false;
  private closed = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly hub: TraceHub,
    readonly info: ChannelInfo,
    private readonly limits: FrameLimits = DEFAULT_LIMITS,
  ) {
    hub.record({ kind: 'ws-open', conn: this.conn, ...info });
    ws.on('message', (data: RawData, isBinary: boolean) => this.onMessage(data, isBinary));
    ws.on('error', (err: Error & { code?: string }) => {
      // After a protocol error (e.g. a frame over maxPayload) ws closes the socket itself: that
      // close is ours, not the peer's.
      this.closingByHarness = true;
      hub.record({ kind: 'ws-error', conn: this.conn, message: err.message, code: err.code });
    });
    ws.on('close', (code: number, reason: Buffer) => {
      this.closed = true;
      const by = this.closingByHarness ? 'harness' : 'peer';
      hub.record({ kind: 'ws-close', conn: this.conn, code, reason: reason.toString('utf8'), by });
      for (const listener of this.closeListeners) listener(code, reason.toString('utf8'), by);
    });
  }

  /** Stop reading frames (they wait in the socket) until resume(): a case takes the connection first. */
  pause(): void {
    this.ws.pause();
  }

  resume(): void {
    this.ws.resume();
  }

  get isOpen(): boolean {
    return !this.closed && this.ws.readyState === this.ws.OPEN;
  }

  /** The event that describes this connection, for a case that inherits it from an earlier one. */
  describe(): Omit<Extract<TraceEvent, { kind: 'ws-open' }>, 'seq' | 't' | 'wall'> {
    return { kind: 'ws-open', conn: this.conn, ...this.info, inherited: true };
  }

  onFrame(listener: FrameListener): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  onClose(listener: CloseListener): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  /**
   * Send text exactly as given: recorded, then handed to the socket, synchronously (so a caller can
   * register what it waits for before any answer can arrive). Throws if the connection is closed.
   */
  send(raw: string, opts: SendOptions = {}): FrameEvent {
    if (!this.isOpen) throw new ConnectionClosedError(`connection ${this.conn} is closed; frame not sent`);
    const event = this.hub.record({
      kind: 'frame', conn: this.conn, dir: 'out', raw,
      ...(opts.deliberatelyInvalid ? { deliberatelyInvalid: true } : {}),
      ...(opts.mayEndConnection ? { mayEndConnection: true } : {}),
    }) as FrameEvent;
    // No write callback: ws then batches writes less (measured: a callback costs ~20 µs per frame);
    // a failed write surfaces as the socket's 'error' and 'close', which are recorded.
    this.ws.send(raw);
    return event;
  }

  /** Like send(), as a promise (rejects instead of throwing). */
  async sendText(raw: string, opts: SendOptions = {}): Promise<FrameEvent> {
    return this.send(raw, opts);
  }

  /**
   * Send bytes exactly as given (a binary frame, or a text frame whose bytes are not UTF-8: fuzzing).
   * Recorded as base64 with binary=true, or as the text the bytes decode to.
   */
  async sendBytes(data: Buffer, opts: SendOptions & { binary: boolean }): Promise<FrameEvent> {
    if (!this.isOpen) throw new ConnectionClosedError(`connection ${this.conn} is closed; frame not sent`);
    const event = this.hub.record({
      kind: 'frame', conn: this.conn, dir: 'out', raw: opts.binary ? data.toString('base64') : data.toString('utf8'),
      ...(opts.binary ? { binary: true } : {}),
      ...(opts.deliberatelyInvalid ? { deliberatelyInvalid: true } : {}),
      ...(opts.mayEndConnection ? { mayEndConnection: true } : {}),
    }) as FrameEvent;
    this.ws.send(data, { binary: opts.binary });
    return event;
  }

  close(code = 1000, reason = ''): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closingByHarness = true;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.ws.terminate();
        resolve();
      }, 1000);
      this.ws.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      this.ws.close(code, reason);
    });
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    const buffer = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
    if (buffer.length > this.limits.frameBytes) return this.onOversize(buffer, isBinary);
    const raw = isBinary ? buffer.toString('base64') : buffer.toString('utf8');
    const event = this.hub.record({
      kind: 'frame', conn: this.conn, dir: 'in', raw, ...(isBinary ? { binary: true } : {}),
    }) as FrameEvent;
    if (isBinary) return; // OCPP-J is text only; the check reports it, nobody acts on it
    for (const listener of this.frameListeners) listener(raw, event);
  }

  /**
   * Over limits.frameBytes: recorded cut (start, length, SHA-256) and never parsed. A CALL whose id can
   * be read from its start is answered with a CALLERROR (the sender is not left waiting); the checks
   * report the frame as transport.frameTooLarge.
   */
  private onOversize(buffer: Buffer, isBinary: boolean): void {
    const cut = cutBytes(buffer, isBinary, 'frameBytes', this.limits.truncatedFrameChars);
    this.hub.record({ kind: 'frame', conn: this.conn, dir: 'in', ...cut, ...(isBinary ? { binary: true } : {}) });
    const id = isBinary ? undefined : leadingCallId(cut.raw);
    if (id === undefined || !this.isOpen) return;
    const description = `frame of ${buffer.length} bytes is over the harness's limit limits.frameBytes = ${this.limits.frameBytes}; not read`;
    this.send(JSON.stringify([4, id, oversizeErrorCode(this.info.chosenProtocol), description, {}]));
  }
}

export class ConnectionClosedError extends Error {
  override name = 'ConnectionClosedError';
}
