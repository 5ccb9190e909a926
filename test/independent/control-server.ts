// The tiny HTTP control endpoint both independent peers expose, in the shape the harness's
// sutControl "http" speaks: GET /actions lists what we can do, POST /<action> with a JSON body does it.
// Written from the README's description only, not from the harness's own control server.
import { createServer, type IncomingMessage, type Server } from 'node:http';

/** An action handler: resolves with what to answer (JSON), throws to answer 500. */
export type ControlHandler = (params: Record<string, unknown>) => Promise<unknown>;

export interface ControlEndpoint {
  url: string;
  close(): Promise<void>;
}

function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.on('data', (d: Buffer) => (text += d.toString()));
    req.on('end', () => {
      try {
        resolve(text.trim() === '' ? {} : JSON.parse(text) as Record<string, unknown>);
      } catch (err) {
        reject(err);
      }
    });
    req.on('error', reject);
  });
}

export async function startControlEndpoint(handlers: Record<string, ControlHandler>, host = '127.0.0.1', port = 0): Promise<ControlEndpoint> {
  const server: Server = createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!).replace(/^\/+/, '');
    if (req.method === 'GET' && path === 'actions') return send(200, Object.keys(handlers));
    if (req.method !== 'POST') return send(405, { error: 'POST /<action> or GET /actions' });
    const handler = handlers[path];
    // 404 is how the harness learns an action is not supported here.
    if (!handler) return send(404, { error: `unknown action ${path}` });
    readJson(req)
      .then((params) => handler(params))
      .then((result) => send(200, result ?? { done: true }))
      .catch((err: unknown) => send(500, { error: (err as Error)?.message ?? String(err) }));
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const { port: bound } = server.address() as { port: number };
  return {
    url: `http://${host}:${bound}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
