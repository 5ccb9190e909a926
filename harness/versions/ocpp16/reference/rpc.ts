// A narrow, typed view of the parts of the `ocpp-rpc` package the reference peers use. The
// package ships loose typings (constructors that demand every option, `any` everywhere), so the
// peers go through these interfaces instead. Nothing here depends on the harness's own code.

import { createRequire } from 'node:module';
import type { Server as HttpServer, IncomingHttpHeaders } from 'node:http';
import ocppRpc from 'ocpp-rpc';

export interface RpcHandlerArgs {
  messageId: string;
  method: string;
  params: unknown;
  signal: AbortSignal;
  reply: (value: unknown) => void;
}
export type RpcHandler = (args: RpcHandlerArgs) => unknown;

export interface RpcCloseOptions {
  code?: number;
  reason?: string;
  awaitPending?: boolean;
  force?: boolean;
}

export interface RpcCallOptions {
  callTimeoutMs?: number;
  signal?: AbortSignal;
  noReply?: boolean;
}

/** A raw frame seen on the socket ('message' event). */
export interface RpcMessageEvent {
  message: string | Buffer;
  outbound: boolean;
}
/** 'call' event: emitted right before an outbound CALL is written, or an inbound one handled. */
export interface RpcCallEvent {
  outbound: boolean;
  payload: unknown[];
}
export interface RpcBadMessageEvent {
  buffer: Buffer;
  error: Error;
  response: unknown[] | null;
}
export interface RpcCloseEvent {
  code: number;
  reason: string;
}

export interface RpcClientLike {
  readonly identity: string;
  readonly protocol: string | undefined;
  readonly state: number;
  connect(): Promise<unknown>;
  close(options?: RpcCloseOptions): Promise<unknown>;
  call(method: string, params?: unknown, options?: RpcCallOptions): Promise<unknown>;
  sendRaw(message: string): void;
  handle(method: string, handler: RpcHandler): void;
  handle(handler: RpcHandler): void;
  reconfigure(options: Partial<RpcClientOptions>): void;
  on(event: 'message', listener: (ev: RpcMessageEvent) => void): this;
  on(event: 'call', listener: (ev: RpcCallEvent) => void): this;
  on(event: 'badMessage', listener: (ev: RpcBadMessageEvent) => void): this;
  on(event: 'close' | 'disconnect', listener: (ev: RpcCloseEvent) => void): this;
  on(event: 'strictValidationFailure', listener: (ev: { error: Error; method: string; outbound: boolean }) => void): this;
  on(event: 'socketError', listener: (err: Error) => void): this;
  off(event: 'call', listener: (ev: RpcCallEvent) => void): this;
}

export interface RpcHandshake {
  identity: string;
  endpoint: string;
  protocols: Set<string>;
  password: Buffer | undefined;
  headers: IncomingHttpHeaders;
  remoteAddress: string | undefined;
  /** The upgrade request (its socket: the TLS facts, the client certificate). */
  request: import('node:http').IncomingMessage;
}

export interface RpcServerClientLike extends RpcClientLike {
  readonly handshake: RpcHandshake;
  readonly session: Record<string, unknown>;
}

export interface RpcValidatorLike {
  readonly subprotocol: string;
  validate(schemaId: string, params: unknown): boolean;
}

export interface RpcClientOptions {
  endpoint: string;
  identity: string;
  protocols: string[];
  password?: string;
  strictMode: boolean | string[];
  strictModeValidators: RpcValidatorLike[];
  callConcurrency: number;
  callTimeoutMs: number;
  pingIntervalMs: number;
  reconnect: boolean;
  respondWithDetailedErrors: boolean;
}

export interface RpcServerOptions {
  protocols: string[];
  strictMode: boolean | string[];
  strictModeValidators: RpcValidatorLike[];
  callConcurrency: number;
  callTimeoutMs: number;
  pingIntervalMs: number;
  respondWithDetailedErrors: boolean;
}

export type RpcAccept = (session?: Record<string, unknown>, protocol?: string | false) => void;
export type RpcReject = (code?: number, message?: string) => void;

export interface RpcServerLike {
  auth(cb: (accept: RpcAccept, reject: RpcReject, handshake: RpcHandshake, signal: AbortSignal) => void): void;
  listen(port?: number, host?: string): Promise<HttpServer>;
  /** The 'upgrade' handler, for an HTTP server of our own. */
  readonly handleUpgrade: (request: import('node:http').IncomingMessage, socket: import('node:stream').Duplex, head: Buffer) => void;
  close(options?: RpcCloseOptions): Promise<void>;
  on(event: 'client', listener: (client: RpcServerClientLike) => void): this;
  on(event: 'error', listener: (err: Error) => void): this;
  on(event: 'upgradeAborted', listener: (ev: { error: unknown; identity: string }) => void): this;
}

/** An error ocpp-rpc raises for a CALLERROR received or a strict-mode failure. */
export interface RpcErrorLike extends Error {
  rpcErrorCode: string;
  details?: Record<string, unknown>;
}

interface OcppRpcModule {
  RPCClient: new (options: RpcClientOptions) => RpcClientLike;
  RPCServer: new (options: RpcServerOptions) => RpcServerLike;
  createRPCError(type: string, message?: string, details?: Record<string, unknown>): RpcErrorLike;
  createValidator(subprotocol: string, schemas: object[]): RpcValidatorLike;
  NOREPLY: symbol;
  TimeoutError: new (message?: string) => Error;
}

const rpc = ocppRpc as unknown as OcppRpcModule;

export const RPCClient = rpc.RPCClient;
export const RPCServer = rpc.RPCServer;
export const createRPCError = rpc.createRPCError;
export const NOREPLY: symbol = rpc.NOREPLY;

export const OPEN = 1;
export const CLOSED = 3;

export function isRpcError(err: unknown): err is RpcErrorLike {
  return err instanceof Error && typeof (err as Partial<RpcErrorLike>).rpcErrorCode === 'string';
}

export function isTimeoutError(err: unknown): boolean {
  return err instanceof rpc.TimeoutError;
}

// The OCPP 1.6 JSON schemas bundled with ocpp-rpc (ids like `urn:BootNotification.req`).
const requireJson = createRequire(import.meta.url);
const schemas16 = requireJson('ocpp-rpc/lib/schemas/ocpp1_6.json') as Array<{ $id: string }>;
const schemaIds16 = new Set(schemas16.map((s) => s.$id));

/** A full validator over the 1.6 schemas (throws an ocpp-rpc RPC error with Ajv errors in details). */
export const fullValidator16: RpcValidatorLike = rpc.createValidator('ocpp1.6', schemas16);

export function hasSchema16(action: string, kind: 'req' | 'conf'): boolean {
  return schemaIds16.has(`urn:${action}.${kind}`);
}

/**
 * The validator handed to ocpp-rpc's strict mode. It checks every CALLRESULT payload (ours and the
 * other side's) but lets CALL payloads through: inbound CALLs are validated by the peers themselves
 * so that the CALLERROR carries the OCPP 1.6 code of our own mapping (ocpp-rpc would rewrite the
 * 1.6 spelling `OccurenceConstraintViolation`), and outbound CALLs are validated by the peers'
 * send path (which is what lets a quirk put a deliberately invalid CALL on the wire).
 */
export const strictValidator16: RpcValidatorLike = {
  subprotocol: 'ocpp1.6',
  validate(schemaId: string, params: unknown): boolean {
    if (schemaId.endsWith('.req') || !schemaIds16.has(schemaId)) return true;
    return fullValidator16.validate(schemaId, params);
  },
};

/** The error codes of OCPP-J 1.6 §4.2.3 Table 7, in the 1.6 spellings the errata keep. */
const ERROR_CODES_16 = new Set([
  'NotImplemented', 'NotSupported', 'InternalError', 'ProtocolError', 'SecurityError',
  'FormationViolation', 'PropertyConstraintViolation', 'OccurenceConstraintViolation',
  'TypeConstraintViolation', 'GenericError',
]);

/**
 * Make ocpp-rpc's answers to frames it cannot parse follow OCPP-J 1.6. Out of the box it answers
 * every such frame with a CALLERROR carrying OCPP 2.0.1 codes (`RpcFrameworkError`,
 * `MessageTypeNotSupported`) and, when it could not read a message id, the id "-1". Instead:
 * - a frame whose message id could not be read (not JSON, not an array, an unknown message type
 *   such as 7, a non-string id) is ignored: OCPP-J 1.6 §4.1.3 says a message with an unknown
 *   Message Type Number is ignored, and a CALLERROR must carry the id of the CALL it answers
 *   (§4.1.4), which such a frame does not have;
 * - a CALL whose id could be read but which is otherwise malformed (e.g. no action) is still
 *   answered, with a code from Table 7 (FormationViolation: not conform the PDU structure).
 * ocpp-rpc emits 'badMessage' synchronously right before it sends its answer through
 * `client.sendRaw`, so the answer is recognised there and dropped or replaced.
 */
export interface BadMessageQuirks {
  /** Quirk call-error-without-id: answer a malformed CALL with CALLERROR id "" although its id was readable. */
  emptyId?: boolean;
  /** Quirk ignores-incomplete-call: leave a malformed CALL (readable id) unanswered. */
  ignoreCalls?: boolean;
}

export function answerBadMessagesAs16(client: RpcClientLike, log: (text: string) => void, quirks: BadMessageQuirks = {}): void {
  let expected: string | undefined;
  let replacement: string | undefined;
  client.on('badMessage', (ev) => {
    expected = undefined;
    replacement = undefined;
    const r = ev.response;
    if (!r) return;
    expected = JSON.stringify(r);
    const [, id, code, description, details] = r;
    if (id === '-1') {
      log(`ignoring a frame without a readable message id (${ev.error.message})`);
    } else if (quirks.ignoreCalls) {
      log(`quirk ignores-incomplete-call: not answering ${ev.error.message}`);
    } else if (quirks.emptyId || (typeof code === 'string' && !ERROR_CODES_16.has(code))) {
      const answerCode = typeof code === 'string' && ERROR_CODES_16.has(code) ? code : 'FormationViolation';
      replacement = JSON.stringify([r[0], quirks.emptyId ? '' : id, answerCode, description ?? '', details ?? {}]);
    } else {
      expected = undefined; // already a 1.6 answer: let it through
    }
  });
  const send = client.sendRaw.bind(client);
  client.sendRaw = (message: string): void => {
    if (expected !== undefined && message === expected) {
      const instead = replacement;
      expected = undefined;
      replacement = undefined;
      if (instead !== undefined) send(instead);
      return;
    }
    send(message);
  };
}
