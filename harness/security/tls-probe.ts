// The harness as charge point asks the CSMS for each of the whitepaper's TLS 1.2 cipher suites in
// turn, one handshake per suite, offering only that one (OCTT Tables 190/191: "at least the following
// set of cipher suites must be supported"). Each handshake goes into the trace as a `tls` event with
// `probe`, and is judged there (tls.csmsServer); nothing is sent over it.
import { connect as tlsConnect } from 'node:tls';
import type { TraceHub } from '../trace/recorder.js';
import { WHITEPAPER_CIPHER_SUITES } from './cipher-suites.js';
import type { ClientSecurity } from './security-settings.js';
import { sniFor, tlsErrorText, tlsFacts } from './tls-facts.js';

export async function probeCipherSuites(hub: Pick<TraceHub, 'record'>, url: string, tls: NonNullable<ClientSecurity['tls']>, timeoutMs: number): Promise<void> {
  const target = new URL(url.replace(/^ws/, 'http'));
  const host = target.hostname.replace(/^\[|\]$/g, '');
  const port = Number(target.port || 443);
  for (const suite of WHITEPAPER_CIPHER_SUITES) {
    await new Promise<void>((resolve) => {
      const servername = sniFor(host);
      const probe = { suite: suite.iana, host };
      const socket = tlsConnect({
        host, port, ...(servername ? { servername } : {}), ca: tls.ca, ...(tls.cert && tls.key ? { cert: tls.cert, key: tls.key } : {}),
        minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2', ciphers: suite.openssl, rejectUnauthorized: false,
      });
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        socket.destroy();
        resolve();
      };
      const timer = setTimeout(() => {
        hub.record({ kind: 'tls', outcome: 'failed', facts: { harnessSide: 'client' }, remoteAddress: host, probe, error: { code: 'ETIMEDOUT', message: `no TLS handshake within ${timeoutMs} ms` } });
        finish();
      }, timeoutMs);
      socket.once('secureConnect', () => {
        hub.record({ kind: 'tls', outcome: 'established', facts: tlsFacts(socket, 'client'), remoteAddress: host, probe });
        finish();
      });
      socket.on('error', (err: Error & { code?: string }) => {
        if (done) return;
        hub.record({ kind: 'tls', outcome: 'failed', facts: { harnessSide: 'client' }, remoteAddress: host, probe, error: { code: err.code ?? 'TLS_ERROR', message: tlsErrorText(err.message) } });
        finish();
      });
    });
  }
}
