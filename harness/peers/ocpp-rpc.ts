// A narrow, typed view of the parts of the `ocpp-rpc` package the reference peers of every version use.
// The package ships loose typings (constructors that demand every option, `any` everywhere), so the
// peers go through these interfaces instead. Nothing here depends on the harness's own code or on an
// OCPP version (each version's validators and bad-message rules live with its peers).

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
/** ocpp-rpc's validator over a subprotocol's schemas (throws an RPC error with Ajv errors in details). */
export const createValidator = (subprotocol: string, schemas: object[]): RpcValidatorLike => rpc.createValidator(subprotocol, schemas);

export const OPEN = 1;
export const CLOSED = 3;

export function isRpcError(err: unknown): err is RpcErrorLike {
  return err instanceof Error && typeof (err as Partial<RpcErrorLike>).rpcErrorCode === 'string';
}

export function isTimeoutError(err: unknown): boolean {
  return err instanceof rpc.TimeoutError;
}
