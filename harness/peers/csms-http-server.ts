// The HTTP(S) server of the reference CSMSs (every version) at security profiles 0–3 (Security Whitepaper
// ed. 3 / OCPP 2.0.1 Part 2 A00) and who it admits. Node's tls/https directly (not the harness's
// transport), with the whitepaper's TLS settings from harness/security.
import { createServer, type IncomingMessage, type RequestListener, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { checkBasicAuth } from '../security/basic-auth.js';
import { cipherList, TLS_MIN_VERSION } from '../security/cipher-suites.js';
import type { ServerSecurity } from '../security/security-settings.js';

/**
 * The named faults this server knows (the reference CSMSs' quirk names; others are ignored):
 * tls-ecdsa-certificate-only, accepts-unknown-ca-client-cert, accepts-plain-ws,
 * accepts-other-identity-client-cert, accepts-wrong-password.
 */
type Quirks = ReadonlySet<string>;

export type HttpLikeServer = HttpServer | NetServer;

/**
 * Plain HTTP at profiles 0 and 1; HTTPS at 2 and 3 (TLS 1.2+, the whitepaper's suites, RSA and ECDSA
 * certificates, client certificates verified by OpenSSL at 3). With `accepts-plain-ws` the TLS port also
 * answers plain HTTP (it sniffs the first byte): the downgrade a CSMS must not allow (A00.FR.002).
 */
export function createCsmsHttpServer(security: ServerSecurity | undefined, quirks: Quirks, onRequest: RequestListener): { server: HttpLikeServer; upgradeTarget: HttpServer[] } {
  const tls = security?.tls;
  if (!tls) {
    const http = createServer(onRequest);
    return { server: http, upgradeTarget: [http] };
  }
  const profile3 = security!.profile === 3;
  const only = <T>(v: T | T[]): T | T[] => (quirks.has('tls-ecdsa-certificate-only') && Array.isArray(v) ? v.slice(0, 1) : v);
  const https = createHttpsServer({
    key: only(tls.key), cert: only(tls.cert), ...(tls.ca ? { ca: tls.ca } : {}),
    minVersion: TLS_MIN_VERSION, maxVersion: tls.maxVersion, ciphers: cipherList(tls.maxVersion), honorCipherOrder: true,
    requestCert: profile3,
    // A00.FR.407: an invalid client certificate ends the handshake (unless the fault says otherwise).
    rejectUnauthorized: profile3 && !quirks.has('accepts-unknown-ca-client-cert'),
  }, onRequest);
  https.on('tlsClientError', () => undefined);
  if (!quirks.has('accepts-plain-ws')) return { server: https, upgradeTarget: [https as unknown as HttpServer] };
  const plain = createServer(onRequest);
  const front = createNetServer((socket: Socket) => {
    socket.once('readable', () => {
      const first = socket.read(1) as Buffer | null;
      if (!first) return socket.destroy();
      socket.unshift(first);
      // 0x16: a TLS handshake record; anything else is taken as plain HTTP.
      (first[0] === 0x16 ? https : plain).emit('connection', socket);
    });
    socket.on('error', () => undefined);
  });
  front.on('close', () => {
    https.close();
    plain.close();
  });
  return { server: front, upgradeTarget: [https as unknown as HttpServer, plain] };
}

export type Admission = { ok: true } | { ok: false; status: 401 | 403; why: string };

/** Who may connect: the client certificate's CN at profile 3 (A00.FR.405), Basic auth at 1 and 2. */
export function admit(security: ServerSecurity, request: IncomingMessage, identity: string, password: string | undefined, quirks: Quirks): Admission {
  const socket = request.socket as TLSSocket;
  if (security.profile >= 2 && !(socket as { encrypted?: boolean }).encrypted) {
    // Only reachable with the accepts-plain-ws fault: the plain side of the TLS port.
    return quirks.has('accepts-plain-ws') ? { ok: true } : { ok: false, status: 403, why: 'plain ws:// at a TLS security profile' };
  }
  if (security.profile === 3) {
    const subject = socket.getPeerCertificate?.()?.subject as Record<string, string | string[]> | undefined;
    const cn = Array.isArray(subject?.CN) ? subject?.CN[0] : subject?.CN;
    if (cn !== identity && !quirks.has('accepts-other-identity-client-cert')) return { ok: false, status: 403, why: `client certificate CN ${JSON.stringify(cn ?? '')} is not ${identity}` };
    return { ok: true };
  }
  if (password === undefined || quirks.has('accepts-wrong-password')) return { ok: true };
  const verdict = checkBasicAuth(request.headers.authorization, identity, password);
  return verdict.ok ? { ok: true } : { ok: false, status: 401, why: verdict.reason };
}
