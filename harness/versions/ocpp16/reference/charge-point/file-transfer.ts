// File transfer for firmware and diagnostics (OCPP 1.6 chapter 8): HTTP(S) with the global fetch,
// FTP(S) with basic-ftp. URLs as in §8: ftp://user:password@host:port/path.
// - download(location): GET over HTTP(S) (a non-2xx answer fails), RETR over FTP;
// - upload(location, fileName, bytes): when `location` ends with '/', the file goes to
//   location + fileName, otherwise to `location` itself; HTTP(S) with PUT, FTP with STOR.

import { Readable, Writable } from 'node:stream';
import { Client } from 'basic-ftp';

export const SUPPORTED_SCHEMES = new Set(['http:', 'https:', 'ftp:', 'ftps:']);

function target(location: string, fileName: string): string {
  return location.endsWith('/') ? `${location}${encodeURIComponent(fileName)}` : location;
}

async function withFtp<T>(url: URL, timeoutMs: number, fn: (client: Client, path: string) => Promise<T>): Promise<T> {
  const client = new Client(timeoutMs);
  try {
    await client.access({
      host: url.hostname,
      port: url.port ? Number(url.port) : 21,
      user: url.username ? decodeURIComponent(url.username) : 'anonymous',
      password: url.password ? decodeURIComponent(url.password) : 'anonymous@',
      secure: url.protocol === 'ftps:',
    });
    return await fn(client, decodeURIComponent(url.pathname));
  } finally {
    client.close();
  }
}

export async function download(location: string, timeoutMs = 10_000): Promise<Buffer> {
  const url = new URL(location);
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) throw new Error(`GET ${location}: HTTP ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  }
  if (url.protocol === 'ftp:' || url.protocol === 'ftps:') {
    return withFtp(url, timeoutMs, async (client, path) => {
      const chunks: Buffer[] = [];
      const sink = new Writable({
        write(chunk: Buffer, _enc, cb) {
          chunks.push(chunk);
          cb();
        },
      });
      await client.downloadTo(sink, path);
      return Buffer.concat(chunks);
    });
  }
  throw new Error(`unsupported protocol ${url.protocol}`);
}

export async function upload(location: string, fileName: string, bytes: Buffer, timeoutMs = 10_000): Promise<void> {
  const url = new URL(target(location, fileName));
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    const res = await fetch(url, {
      method: 'PUT',
      body: new Uint8Array(bytes),
      headers: { 'content-type': 'application/octet-stream' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) throw new Error(`PUT ${url.href}: HTTP ${res.status}`);
    return;
  }
  if (url.protocol === 'ftp:' || url.protocol === 'ftps:') {
    await withFtp(url, timeoutMs, (client, path) => client.uploadFrom(Readable.from([bytes]), path));
    return;
  }
  throw new Error(`unsupported protocol ${url.protocol}`);
}
