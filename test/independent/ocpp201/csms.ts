// An independent OCPP 2.0.1 CSMS, written from Part 2 / Part 4 of the specification directly on `ocpp-rpc`
// (strict mode: every frame both ways is validated against the OCA 2.0.1 schemas the library ships). It
// shares no code with the harness or its reference peers, so the harness's verdicts on it are a check of
// the harness. Its operator API is the HTTP control endpoint of test/independent/control-server.ts.
//
// Where Part 2 leaves the CSMS a choice, this CSMS can take the less usual one (`variants`), and it can
// carry a few bugs a CSMS team could plausibly ship (`defects`), to show the harness catches them.
import ocppRpc from 'ocpp-rpc';
import { startControlEndpoint, type ControlEndpoint } from '../control-server.js';
import { idTokenInfoFor, type IdTokenRegister } from './csms-authorization.js';
import { BootGate, type RegistrationStatus } from './csms-boot-gate.js';
import { Inventory } from './csms-inventory.js';
import { TransactionLedger } from './csms-transactions.js';

type Params = Record<string, unknown>;
/** The narrow part of an ocpp-rpc server client we use (its shipped typings are loose). */
interface RpcPeer {
  identity: string;
  handle(method: string, handler: (args: { params: Params }) => unknown): void;
  handle(handler: (args: { method: string; params: Params }) => unknown): void;
  call(method: string, params: Params, opts?: { callTimeoutMs?: number }): Promise<unknown>;
  on(event: 'close', listener: () => void): void;
}
interface RpcServerLike {
  auth(cb: (accept: (session?: Params, protocol?: string) => void, reject: (code: number, msg: string) => void, handshake: { identity: string; protocols: Set<string>; password?: Buffer }) => void): void;
  on(event: 'client', listener: (client: RpcPeer) => void): void;
  listen(port: number, host: string): Promise<import('node:http').Server>;
  close(opts: Params): Promise<void>;
}

/** Conforming choices Part 2 allows, other than the obvious ones. */
export const CSMS_201_VARIANTS = {
  'pending-interval-zero': 'a Pending/Rejected boot is answered with interval 0: the station picks its own retry wait (B02.FR.07, B03.FR.05)',
  'long-heartbeat': 'an Accepted boot gets a heartbeat interval of one day (86400 s) instead of minutes',
  'rich-idtokeninfo': 'idTokenInfo of an accepted token also carries cacheExpiryDateTime, chargingPriority, language1 and personalMessage',
  'tx-response-extras': 'every TransactionEventResponse carries the transaction\'s idTokenInfo, chargingPriority and updatedPersonalMessage, also for events without an idToken',
  'datatransfer-rejected': 'a DataTransfer of an unknown vendor is answered Rejected, not UnknownVendorId (Part 6 TC_P_02_CSMS allows both)',
  'explicit-attribute-type': 'Get/SetVariables items the operator left without attributeType are sent with attributeType Actual',
  'offset-timestamps': 'times the CSMS sends (currentTime) carry the CSMS\'s local offset +01:00 instead of Z (Part 2 §2: UTC is strongly RECOMMENDED, not required)',
  'provision-while-pending': 'while a station is Pending the CSMS sets its OfflineThreshold and asks for a FullInventory (B02.FR.01)',
  'quiet-while-rejected': 'the operator API refuses to send anything to a station whose boot was Rejected (B03.FR.03: the CSMS SHALL NOT initiate messages)',
  'custom-data': 'every response and request of the CSMS carries a customData extension of its own vendor (allowed by every 2.0.1 schema)',
  'inventory-on-boot': 'after every Accepted boot the CSMS asks for a FullInventory base report by itself (Part 5 AQ-2: yes)',
} as const;
export type IndependentCsms201Variant = keyof typeof CSMS_201_VARIANTS;

/** Real bugs a CSMS team could write. */
export const CSMS_201_DEFECTS = {
  'accept-any-idtoken': 'every idToken is answered Accepted without a look-up',
  'no-security-error-while-pending': 'CALLs of a station whose boot is Pending/Rejected are processed instead of refused with SecurityError',
  'seqno-unique-per-station': 'TransactionEvent seqNo stored under a unique (station, seqNo) index: a second transaction starting again at seqNo 0 fails with InternalError',
  'reset-drops-evse': 'the operator API drops evseId from a Reset, so an EVSE reset resets the whole station',
} as const;
export type IndependentCsms201Defect = keyof typeof CSMS_201_DEFECTS;

export interface IndependentCsms201Options {
  host?: string;
  port?: number;
  /** Heartbeat interval given with an Accepted boot (default 300 s). */
  heartbeatIntervalS?: number;
  /** Retry interval given with a Pending/Rejected boot (default 3 s). */
  bootRetryIntervalS?: number;
  idTokens?: Partial<IdTokenRegister>;
  /** 'response' (default): the control call waits for the station's answer and returns it; 'sent': answers once the request is on the wire. */
  controlAnswers?: 'response' | 'sent';
  variants?: IndependentCsms201Variant[];
  defects?: IndependentCsms201Defect[];
  log?: (line: string) => void;
  /** Security profile 1 (Part 2 A00, Basic authentication): stations must present this HTTP Basic password; absent: profile 0. */
  password?: string;
}

/** Operator requests the control endpoint offers: the CSMS-initiated 2.0.1 messages by name. */
export const CSMS_201_REQUESTS = [
  'GetVariables', 'SetVariables', 'GetBaseReport', 'GetReport', 'Reset', 'RequestStartTransaction', 'RequestStopTransaction',
  'GetTransactionStatus', 'TriggerMessage', 'SetNetworkProfile', 'ChangeAvailability', 'UnlockConnector', 'DataTransfer', 'ClearCache',
] as const;

/** Station-initiated messages that need nothing more than an acknowledgement here. */
const ACKNOWLEDGED_ONLY = [
  'SecurityEventNotification', 'FirmwareStatusNotification', 'LogStatusNotification', 'NotifyMonitoringReport',
  'NotifyCustomerInformation', 'ReservationStatusUpdate', 'NotifyDisplayMessages', 'ClearedChargingLimit', 'NotifyChargingLimit',
  'PublishFirmwareStatusNotification',
];

/** Our own DataTransfer vocabulary: a vendor id we implement and the messageIds it knows. */
const OWN_VENDOR_ID = 'org.example.indep-csms';
const OWN_MESSAGE_IDS = ['Ping'];
/** customData we add to our messages under the custom-data variant (CustomDataType: vendorId plus anything). */
const CUSTOM_DATA = { vendorId: OWN_VENDOR_ID, tenant: 'acme-cpo', region: 'eu-west' };

/** RFC 3339 date-time at a fixed local offset (minutes east of UTC), e.g. 2026-01-01T13:00:00.000+01:00. */
function withOffset(date: Date, offsetMin: number): string {
  const local = new Date(date.getTime() + offsetMin * 60_000).toISOString().slice(0, -1);
  const sign = offsetMin >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMin);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export class IndependentCsms201 {
  private readonly server: RpcServerLike;
  private readonly clients = new Map<string, RpcPeer>();
  private control: ControlEndpoint | undefined;
  private readonly variants: Set<IndependentCsms201Variant>;
  private readonly defects: Set<IndependentCsms201Defect>;
  private readonly register: IdTokenRegister;
  readonly gate: BootGate;
  readonly ledger: TransactionLedger;
  readonly inventory = new Inventory();
  // Our own request ids: large and not from zero, so a tester that assumed 0, 1, 2 would show it.
  private nextRequestId = 4_000_000 + Math.floor(Math.random() * 1000);
  /** Last AvailabilityState / connectorStatus per station and EVSE, from either message (G01, G02). */
  readonly connectorStatus = new Map<string, string>();
  /** Every CALL received, in order: `identity action` (for tests to look at). */
  readonly received: string[] = [];

  constructor(private readonly opts: IndependentCsms201Options = {}) {
    this.variants = new Set(opts.variants ?? []);
    this.defects = new Set(opts.defects ?? []);
    this.register = {
      accepted: opts.idTokens?.accepted ?? ['ACCEPTED01'],
      blocked: opts.idTokens?.blocked ?? ['BLOCKED01'],
      expired: opts.idTokens?.expired ?? ['EXPIRED01'],
      invalid: opts.idTokens?.invalid ?? ['INVALID01'],
      groups: opts.idTokens?.groups ?? {},
    };
    this.gate = new BootGate(!this.defects.has('no-security-error-while-pending'));
    this.ledger = new TransactionLedger(this.defects.has('seqno-unique-per-station'));
    this.server = new (ocppRpc.RPCServer as unknown as new (o: Params) => RpcServerLike)({ protocols: ['ocpp2.0.1'], strictMode: true });
    this.server.auth((accept, reject, handshake) => {
      // Profile 1: Basic auth with the station's password; a wrong or missing one is refused with HTTP 401.
      if (opts.password !== undefined && handshake.password?.toString('utf8') !== opts.password) return reject(401, 'Unauthorized');
      accept({}, 'ocpp2.0.1');
    });
    this.server.on('client', (client) => this.onClient(client));
  }

  private log(line: string): void {
    this.opts.log?.(line);
  }

  private idTokenInfo(idToken: unknown) {
    return idTokenInfoFor(this.register, idToken as { idToken?: unknown }, { rich: this.variants.has('rich-idtokeninfo'), acceptAny: this.defects.has('accept-any-idtoken') });
  }

  private onClient(client: RpcPeer): void {
    const id = client.identity;
    this.clients.set(id, client);
    client.on('close', () => {
      if (this.clients.get(id) === client) this.clients.delete(id);
    });
    // Every station-initiated CALL passes the boot gate first (B02.FR.09, B03.FR.07).
    const on = (method: string, handler: (params: Params) => unknown) => client.handle(method, ({ params }) => {
      this.received.push(`${id} ${method}`);
      if (!this.gate.admits(id, method)) {
        this.log(`${id}: ${method} refused, boot status ${this.gate.statusOf(id)}`);
        throw ocppRpc.createRPCError('SecurityError', `station ${id} is not accepted (${this.gate.statusOf(id)})`);
      }
      const answer = handler(params) as Params;
      return this.variants.has('custom-data') ? { ...answer, customData: CUSTOM_DATA } : answer;
    });
    const now = () => (this.variants.has('offset-timestamps') ? withOffset(new Date(), 60) : new Date().toISOString());

    on('BootNotification', () => {
      const status: RegistrationStatus = this.gate.answerBoot(id);
      if (status === 'Accepted') {
        if (this.variants.has('inventory-on-boot')) setTimeout(() => this.onboard(id), 20);
        return { status, currentTime: now(), interval: this.variants.has('long-heartbeat') ? 86_400 : this.opts.heartbeatIntervalS ?? 300 };
      }
      if (status === 'Pending' && this.variants.has('provision-while-pending')) setTimeout(() => this.provision(id), 20);
      const interval = this.variants.has('pending-interval-zero') ? 0 : this.opts.bootRetryIntervalS ?? 3;
      return { status, currentTime: now(), interval, statusInfo: { reasonCode: status === 'Pending' ? 'AwaitingProvisioning' : 'NotRegistered' } };
    });
    on('Heartbeat', () => ({ currentTime: now() }));
    on('StatusNotification', (p) => {
      this.connectorStatus.set(`${id}/${p.evseId}/${p.connectorId}`, String(p.connectorStatus));
      return {};
    });
    on('NotifyEvent', (p) => {
      for (const e of (p.eventData as Record<string, any>[]) ?? []) {
        if (e.component?.name === 'Connector' && e.variable?.name === 'AvailabilityState') {
          this.connectorStatus.set(`${id}/${e.component.evse?.id}/${e.component.evse?.connectorId ?? 1}`, String(e.actualValue));
        }
      }
      return {};
    });
    on('Authorize', (p) => ({ idTokenInfo: this.idTokenInfo(p.idToken) }));
    on('TransactionEvent', (p) => this.onTransactionEvent(id, p));
    on('MeterValues', () => ({}));
    on('NotifyReport', (p) => {
      this.inventory.addReportPart(id, p);
      return {};
    });
    on('DataTransfer', (p) => {
      if (p.vendorId !== OWN_VENDOR_ID) return { status: this.variants.has('datatransfer-rejected') ? 'Rejected' : 'UnknownVendorId' };
      if (p.messageId !== undefined && !OWN_MESSAGE_IDS.includes(String(p.messageId))) return { status: 'UnknownMessageId' };
      return { status: 'Accepted', data: 'Pong' };
    });
    for (const method of ACKNOWLEDGED_ONLY) on(method, () => ({}));
  }

  private onTransactionEvent(identity: string, p: Params): Params {
    let tx;
    try {
      tx = this.ledger.record(identity, p);
    } catch (err) {
      // The storage layer failed: what a CSMS with that bug answers.
      throw ocppRpc.createRPCError('InternalError', (err as Error).message);
    }
    // By default the answer carries nothing optional: idTokenInfo only when the event has an idToken (E01.FR.12).
    const answer: Params = {};
    if (p.idToken) answer.idTokenInfo = this.idTokenInfo(p.idToken);
    if (this.variants.has('tx-response-extras')) {
      if (!answer.idTokenInfo && tx.idToken) answer.idTokenInfo = this.idTokenInfo(tx.idToken);
      answer.chargingPriority = 0;
      answer.updatedPersonalMessage = { format: 'UTF8', language: 'en', content: `Session ${tx.transactionId}` };
    }
    return answer;
  }

  /** Provisioning of a Pending station before we accept it (B02.FR.01): a setting and its device model. */
  private provision(identity: string): void {
    const client = this.clients.get(identity);
    if (!client) return;
    const report = { requestId: this.nextRequestId++, reportBase: 'FullInventory' };
    this.gate.noteOutgoing(identity, 'GetBaseReport', report);
    client.call('SetVariables', { setVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' }, attributeValue: '600' }] }, { callTimeoutMs: 15_000 })
      .then(() => client.call('GetBaseReport', report, { callTimeoutMs: 15_000 }))
      .catch((err: Error) => this.log(`${identity}: provisioning failed: ${err.message}`));
  }

  /** Onboarding of an accepted station: fetch its whole device model (B07, FullInventory). */
  private onboard(identity: string): void {
    const client = this.clients.get(identity);
    if (!client) return;
    const request = { requestId: this.nextRequestId++, reportBase: 'FullInventory' };
    this.gate.noteOutgoing(identity, 'GetBaseReport', request);
    client.call('GetBaseReport', request, { callTimeoutMs: 15_000 }).catch((err: Error) => this.log(`${identity}: onboarding GetBaseReport failed: ${err.message}`));
  }

  /** Send one operator request to a connected station. */
  private async send(action: string, body: Params): Promise<unknown> {
    const { identity, ocpp: _ocpp, ...params } = body;
    const client = (typeof identity === 'string' ? this.clients.get(identity) : undefined) ?? [...this.clients.values()].pop();
    if (!client) throw new Error(`no charging station connected${typeof identity === 'string' ? ` as ${identity}` : ''}`);
    if (this.variants.has('quiet-while-rejected') && this.gate.statusOf(client.identity) === 'Rejected') {
      throw new Error(`station ${client.identity} was Rejected: the CSMS initiates no messages to it (B03.FR.03)`);
    }
    const request = this.operatorRequest(action, client.identity, params);
    this.gate.noteOutgoing(client.identity, action, request);
    this.log(`${client.identity}: sending ${action} ${JSON.stringify(request)}`);
    const answer = client.call(action, request, { callTimeoutMs: 15_000 });
    if (action === 'GetVariables') answer.then((r) => this.inventory.noteGetVariablesResult(client.identity, r), () => undefined);
    if (this.opts.controlAnswers === 'sent') {
      answer.catch(() => undefined);
      return { sent: action };
    }
    return { response: await answer };
  }

  /** How this CSMS's operator API turns what the operator asked for into the request it sends. */
  private operatorRequest(action: string, identity: string, params: Params): Params {
    const request: Params = { ...params };
    if (this.variants.has('custom-data')) request.customData = CUSTOM_DATA;
    // Report requests are numbered by the CSMS itself (B07/B08: requestId is ours to choose).
    if ((action === 'GetBaseReport' || action === 'GetReport') && request.requestId === undefined) request.requestId = this.nextRequestId++;
    if (this.variants.has('explicit-attribute-type')) {
      const key = action === 'GetVariables' ? 'getVariableData' : action === 'SetVariables' ? 'setVariableData' : undefined;
      if (key && Array.isArray(request[key])) request[key] = (request[key] as Params[]).map((item) => ({ attributeType: 'Actual', ...item }));
    }
    if (action === 'Reset' && this.defects.has('reset-drops-evse')) delete request.evseId;
    // "Stop the running session" without naming it: the newest ongoing transaction of that station.
    if (action === 'RequestStopTransaction' && request.transactionId === undefined) {
      const tx = this.ledger.ongoing(identity);
      if (tx) request.transactionId = tx.transactionId;
    }
    return request;
  }

  async listen(): Promise<{ url: string; controlUrl: string }> {
    const host = this.opts.host ?? '127.0.0.1';
    const http = await this.server.listen(this.opts.port ?? 0, host);
    const { port } = http.address() as { port: number };
    const handlers: Record<string, (p: Params) => Promise<unknown>> = Object.fromEntries(CSMS_201_REQUESTS.map((a) => [a, (p: Params) => this.send(a, p)]));
    // Operator setting (Part 5 AQ-1): answer the next boot Pending or Rejected.
    handlers.setBootStatus = async (p) => {
      const status = String(p.status);
      if (!['Accepted', 'Pending', 'Rejected'].includes(status)) throw new Error(`setBootStatus: unknown status ${status}`);
      this.gate.setNextBoot(typeof p.identity === 'string' ? p.identity : undefined, status as RegistrationStatus);
      return { nextBoot: status };
    };
    this.control = await startControlEndpoint(handlers, host);
    return { url: `ws://${host}:${port}/ocpp`, controlUrl: this.control.url };
  }

  async close(): Promise<void> {
    await this.control?.close();
    await this.server.close({ force: true });
  }
}
