// A small OCPP 2.0.1 charging-station counterpart for the reference CSMS tests: an ocpp-rpc client
// (not strict, so a test may send what a schema refuses) that records the CALLs the CSMS sends it,
// plus a raw socket for frames ocpp-rpc would not write.

import WebSocket from 'ws';
import { ReferenceCsms201, type ReferenceCsms201Options } from '../../../harness/versions/ocpp201/reference/csms.js';
import { RPCClient, isRpcError, type RpcClientLike } from '../../../harness/versions/ocpp201/reference/csms/shared.js';

export interface ReceivedCall {
  method: string;
  params: Record<string, unknown>;
}

/** Plausible answers to the CSMS's requests (schema-valid, so the CSMS's strict mode takes them). */
function answerTo(method: string): unknown {
  switch (method) {
    case 'GetVariables':
      return { getVariableResult: [] };
    case 'SetVariables':
      return { setVariableResult: [] };
    case 'GetTransactionStatus':
      return { messagesInQueue: false };
    case 'ClearCache':
    case 'ChangeAvailability':
    case 'GetBaseReport':
    case 'GetReport':
    case 'Reset':
    case 'RequestStartTransaction':
    case 'RequestStopTransaction':
    case 'SetNetworkProfile':
    case 'TriggerMessage':
    case 'DataTransfer':
      return { status: 'Accepted' };
    case 'UnlockConnector':
      return { status: 'Unlocked' };
    default:
      return {};
  }
}

export class Station {
  readonly received: ReceivedCall[] = [];
  private readonly waiters = new Set<(c: ReceivedCall) => void>();

  private constructor(readonly client: RpcClientLike) {}

  static async connect(url: string, identity: string, options: { password?: string; protocols?: string[] } = {}): Promise<Station> {
    const client = new RPCClient({
      endpoint: url, identity, protocols: options.protocols ?? ['ocpp2.0.1'], ...(options.password ? { password: options.password } : {}),
      strictMode: false, strictModeValidators: [], callConcurrency: 1, callTimeoutMs: 3000, pingIntervalMs: 0,
      reconnect: false, respondWithDetailedErrors: false,
    });
    const station = new Station(client);
    client.handle(({ method, params }) => {
      const call = { method, params: (params ?? {}) as Record<string, unknown> };
      station.received.push(call);
      for (const w of [...station.waiters]) w(call);
      return answerTo(method);
    });
    await client.connect();
    return station;
  }

  /** Send a CALL; resolves the CALLRESULT payload, or `{ error: code }` for a CALLERROR. */
  async send(method: string, params: unknown): Promise<Record<string, unknown>> {
    try {
      return (await this.client.call(method, params)) as Record<string, unknown>;
    } catch (err) {
      if (isRpcError(err)) return { error: err.rpcErrorCode };
      throw err;
    }
  }

  async boot(reason = 'PowerUp'): Promise<Record<string, unknown>> {
    return this.send('BootNotification', { reason, chargingStation: { model: 'TestModel', vendorName: 'TestVendor' } });
  }

  /** The next CALL `method` from the CSMS (or one already received). */
  waitFor(method: string, timeoutMs = 2000): Promise<ReceivedCall> {
    const seen = this.received.find((c) => c.method === method);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter = (c: ReceivedCall): void => {
        if (c.method !== method) return;
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve(c);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no ${method} from the CSMS within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  async close(): Promise<void> {
    await this.client.close({ force: true }).catch(() => undefined);
  }
}

/** A raw ocpp2.0.1 WebSocket: write frames verbatim, read the frames that come back. */
export class RawSocket {
  private readonly inbox: unknown[][] = [];
  private readonly waiters = new Set<() => void>();

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (d: Buffer) => {
      try {
        this.inbox.push(JSON.parse(d.toString()) as unknown[]);
      } catch {
        this.inbox.push([d.toString()]);
      }
      for (const w of [...this.waiters]) w();
    });
  }

  static open(url: string, identity: string, protocols: string[] = ['ocpp2.0.1']): Promise<RawSocket> {
    const ws = new WebSocket(`${url}/${identity}`, protocols);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new RawSocket(ws)));
      ws.once('error', reject);
    });
  }

  send(frame: unknown[] | string): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** The next frame received (in order), or undefined when none comes within timeoutMs. */
  async next(timeoutMs = 1000): Promise<unknown[] | undefined> {
    if (this.inbox.length) return this.inbox.shift();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.waiters.add(done);
    });
    this.waiters.clear();
    return this.inbox.shift();
  }

  close(): void {
    this.ws.terminate();
  }
}

/** A reference CSMS listening on 127.0.0.1, port 0, with the given options. */
export async function startCsms(options: ReferenceCsms201Options = {}): Promise<{ csms: ReferenceCsms201; url: string; logs: string[] }> {
  const logs: string[] = [];
  const csms = new ReferenceCsms201({ heartbeatIntervalS: 7, log: (l) => logs.push(l), ...options });
  const { url } = await csms.listen();
  return { csms, url, logs };
}

/** A TransactionEventRequest with the fields every one needs. */
export function txEvent(eventType: 'Started' | 'Updated' | 'Ended', seqNo: number, extra: Record<string, unknown> = {}, transactionId = 'TX-1'): Record<string, unknown> {
  const { transactionInfo, ...rest } = extra;
  return {
    eventType, timestamp: new Date().toISOString(), seqNo,
    triggerReason: eventType === 'Started' ? 'Authorized' : eventType === 'Ended' ? 'EVCommunicationLost' : 'ChargingStateChanged',
    transactionInfo: { transactionId, ...(transactionInfo as Record<string, unknown> | undefined) },
    ...rest,
  };
}
