// An independent OCPP 1.6J Core-profile CSMS, written the way a CSMS team would write one quickly on
// `ocpp-rpc`: it shares no code with the harness or its reference peers, so the harness's verdicts on it
// are a check of the harness, not of itself.
//
// Why not `ocpp-ws-io`: its 2.3.2 build imports `voltlog-io` at module load, and that package is not
// reachable from the npm registry we install from (404), so `npm install ocpp-ws-io@2.3.2` fails and the
// package cannot load. `ocpp-rpc` (already a dependency) is used directly instead.
import ocppRpc from 'ocpp-rpc';
import { startControlEndpoint, type ControlEndpoint } from './control-server.js';

type Params = Record<string, unknown>;
interface HandlerArgs { params: Params }
/** The narrow part of an ocpp-rpc server client we use (its shipped typings are loose). */
interface RpcPeer {
  identity: string;
  handle(method: string, handler: (args: HandlerArgs) => unknown): void;
  call(method: string, params: Params, opts?: { callTimeoutMs?: number }): Promise<unknown>;
  on(event: 'close', listener: () => void): void;
}
interface RpcServerLike {
  auth(cb: (accept: (session?: Params, protocol?: string) => void, reject: (code: number, msg: string) => void, handshake: { identity: string; protocols: Set<string> }) => void): void;
  on(event: 'client', listener: (client: RpcPeer) => void): void;
  listen(port: number, host: string): Promise<import('node:http').Server>;
  close(opts: Params): Promise<void>;
}

export interface IndependentCsmsOptions {
  host?: string;
  port?: number;
  heartbeatIntervalS?: number;
  idTags?: { accepted?: string[]; blocked?: string[]; expired?: string[] };
  /**
   * When the control endpoint answers: 'response' (default) waits for the charge point's answer and returns
   * it, as a CSMS's operator API usually does; 'sent' answers as soon as the request is on the wire.
   */
  controlAnswers?: 'response' | 'sent';
  /**
   * A bug a quick CSMS plausibly has, to show the harness catching it: `accept-any-idtag` answers every
   * Authorize Accepted (no idTag list looked up).
   */
  defects?: 'accept-any-idtag'[];
}

/** The CSMS-side actions the harness drives (README, "Driving the system under test"), Core profile only. */
export const CSMS_ACTIONS = [
  'RemoteStartTransaction', 'RemoteStopTransaction', 'Reset', 'ChangeConfiguration', 'GetConfiguration',
  'UnlockConnector', 'ClearCache', 'ChangeAvailability',
] as const;

interface Transaction { id: number; identity: string; connectorId: number; idTag: string; meterStart: number; open: boolean }

export class IndependentCsms {
  private readonly server: RpcServerLike;
  private readonly clients = new Map<string, RpcPeer>();
  readonly transactions = new Map<number, Transaction>();
  // Our own transaction ids: not 1, 2, 3 from zero, so a harness that assumed them would show it.
  private nextTransactionId = 7000 + Math.floor(Math.random() * 1000);
  private control: ControlEndpoint | undefined;
  private readonly opts: Required<Omit<IndependentCsmsOptions, 'idTags' | 'defects'>> & { idTags: Required<NonNullable<IndependentCsmsOptions['idTags']>> };

  private readonly acceptAny: boolean;

  constructor(opts: IndependentCsmsOptions = {}) {
    this.acceptAny = opts.defects?.includes('accept-any-idtag') ?? false;
    this.opts = {
      host: opts.host ?? '127.0.0.1',
      port: opts.port ?? 0,
      heartbeatIntervalS: opts.heartbeatIntervalS ?? 60,
      idTags: { accepted: opts.idTags?.accepted ?? ['ACCEPTED01'], blocked: opts.idTags?.blocked ?? ['BLOCKED01'], expired: opts.idTags?.expired ?? ['EXPIRED01'] },
      controlAnswers: opts.controlAnswers ?? 'response',
    };
    // strictMode: the library validates every request and answer against the 1.6 schemas, both ways.
    this.server = new (ocppRpc.RPCServer as unknown as new (o: Params) => RpcServerLike)({ protocols: ['ocpp1.6'], strictMode: true });
    this.server.auth((accept, _reject, handshake) => accept({}, 'ocpp1.6'));
    this.server.on('client', (client) => this.onClient(client));
  }

  private idTagInfo(idTag: unknown): { status: string } {
    const tag = String(idTag);
    if (this.opts.idTags.accepted.includes(tag)) return { status: 'Accepted' };
    if (this.opts.idTags.blocked.includes(tag)) return { status: 'Blocked' };
    if (this.opts.idTags.expired.includes(tag)) return { status: 'Expired' };
    return { status: 'Invalid' };
  }

  private onClient(client: RpcPeer): void {
    this.clients.set(client.identity, client);
    client.on('close', () => {
      if (this.clients.get(client.identity) === client) this.clients.delete(client.identity);
    });
    const now = () => new Date().toISOString();
    client.handle('BootNotification', () => ({ status: 'Accepted', currentTime: now(), interval: this.opts.heartbeatIntervalS }));
    client.handle('Heartbeat', () => ({ currentTime: now() }));
    client.handle('StatusNotification', () => ({}));
    client.handle('Authorize', ({ params }) => ({ idTagInfo: this.acceptAny ? { status: 'Accepted' } : this.idTagInfo(params.idTag) }));
    client.handle('StartTransaction', ({ params }) => {
      const id = this.nextTransactionId++;
      this.transactions.set(id, { id, identity: client.identity, connectorId: Number(params.connectorId), idTag: String(params.idTag), meterStart: Number(params.meterStart), open: true });
      return { transactionId: id, idTagInfo: this.idTagInfo(params.idTag) };
    });
    client.handle('StopTransaction', ({ params }) => {
      const tx = this.transactions.get(Number(params.transactionId));
      if (tx) tx.open = false;
      // idTagInfo only when the charge point told us who stopped it (§6.49: optional field).
      return params.idTag === undefined ? {} : { idTagInfo: this.idTagInfo(params.idTag) };
    });
    client.handle('MeterValues', () => ({}));
    client.handle('DataTransfer', () => ({ status: 'UnknownVendorId' }));
  }

  /** Send one request to a connected charge point, on behalf of the control endpoint. */
  private async send(action: string, body: Params): Promise<unknown> {
    const { identity, ocpp: _ocpp, ...params } = body;
    const client = (typeof identity === 'string' ? this.clients.get(identity) : undefined) ?? [...this.clients.values()].pop();
    if (!client) throw new Error(`no charge point connected${typeof identity === 'string' ? ` as ${identity}` : ''}`);
    const answer = client.call(action, params, { callTimeoutMs: 15_000 });
    if (this.opts.controlAnswers === 'sent') {
      answer.catch(() => undefined);
      return { sent: action };
    }
    return { response: await answer };
  }

  async listen(): Promise<{ url: string; controlUrl: string }> {
    const http = await this.server.listen(this.opts.port, this.opts.host);
    const { port } = http.address() as { port: number };
    const handlers = Object.fromEntries(CSMS_ACTIONS.map((a) => [a, (p: Params) => this.send(a, p)]));
    this.control = await startControlEndpoint(handlers, this.opts.host);
    return { url: `ws://${this.opts.host}:${port}/ocpp`, controlUrl: this.control.url };
  }

  async close(): Promise<void> {
    await this.control?.close();
    await this.server.close({ force: true });
  }
}
