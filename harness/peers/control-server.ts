// A plain node:http front for a peer's perform(): `POST /<action>` with a JSON body of parameters
// (plus `identity` and `ocpp`, which are stripped) → 200 {ok:true} when done, 404 when the peer
// does not know the action, 501 when it knows it but cannot do it, 500 {error} when it failed,
// 400 on a body that is not a JSON object.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StimulusOutcome } from '../sut/control.js';

export type PerformFn = (action: string, params: Record<string, unknown>) => Promise<StimulusOutcome>;

/** A peer with its own vocabulary check (both reference peers are). */
export interface ControllablePeer {
  perform: PerformFn;
  knowsAction(action: string): boolean;
  /** Its vocabulary, served at `GET /actions`. */
  readonly actions?: readonly string[];
}

export interface ControlServerOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /**
   * Whether the peer knows an action (unknown → 404). Taken from the peer when a peer object is
   * given; without it, every action is passed to perform and 'unsupported' answers 501.
   */
  knowsAction?: (action: string) => boolean;
  /** Largest accepted body (default 1 MiB). */
  maxBodyBytes?: number;
}

export interface ControlServer {
  url: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooBig = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooBig ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startControlServer(
  peer: PerformFn | ControllablePeer,
  options: ControlServerOptions = {},
): Promise<ControlServer> {
  const perform: PerformFn = typeof peer === 'function' ? peer : (a, p) => peer.perform(a, p);
  const knows = options.knowsAction ?? (typeof peer === 'function' ? undefined : (a: string) => peer.knowsAction(a));
  const limit = options.maxBodyBytes ?? 1024 * 1024;

  const server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      // The action is the last path segment: `POST /plugIn` and `POST /control/plugIn` alike, so a
      // sutControl url with a path prefix (as the shipped example has) reaches the same actions.
      const segments = path.replace(/^\/+|\/+$/g, '').split('/');
      const action = decodeURIComponent(segments[segments.length - 1] ?? '');
      const listing = typeof peer === 'function' ? undefined : peer.actions;
      if (req.method === 'GET' && action === 'actions' && listing) {
        send(res, 200, { actions: [...listing] });
        return;
      }
      if (req.method !== 'POST') {
        res.setHeader('allow', 'POST');
        send(res, 405, { error: 'use POST /<action>' });
        return;
      }
      if (!action) {
        send(res, 404, { error: 'no such action' });
        return;
      }
      let params: Record<string, unknown>;
      try {
        const text = await readBody(req, limit);
        if (text === undefined) {
          send(res, 413, { error: 'body too large' });
          return;
        }
        const parsed: unknown = text.trim() === '' ? {} : JSON.parse(text);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
          send(res, 400, { error: 'the body must be a JSON object' });
          return;
        }
        const { identity: _identity, ocpp: _ocpp, ...rest } = parsed as Record<string, unknown>;
        params = rest;
      } catch (err) {
        send(res, 400, { error: `bad JSON: ${err instanceof Error ? err.message : String(err)}` });
        return;
      }
      if (knows && !knows(action)) {
        send(res, 404, { error: `unknown action '${action}'` });
        return;
      }
      let outcome: StimulusOutcome;
      try {
        outcome = await perform(action, params);
      } catch (err) {
        send(res, 500, { error: err instanceof Error ? err.message : String(err) });
        return;
      }
      switch (outcome.outcome) {
        case 'done':
          send(res, 200, { ok: true });
          return;
        case 'unsupported':
          send(res, 501, { error: outcome.detail });
          return;
        default:
          send(res, 500, { error: outcome.detail, outcome: outcome.outcome });
      }
    })().catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, { error: err instanceof Error ? err.message : String(err) });
      else res.destroy();
    });
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
