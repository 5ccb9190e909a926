// The TLS facts of one handshake, taken from the socket, for the trace (and so for rejudge).
import { isIP } from 'node:net';
import type { PeerCertificate, TLSSocket } from 'node:tls';
import type { TlsFacts, TraceCertificate } from '../trace/types.js';

function nameText(name: unknown): string {
  if (!name || typeof name !== 'object') return '';
  // Node gives { CN: 'x', O: 'y' } (a repeated attribute as an array).
  return Object.entries(name as Record<string, string | string[]>)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`).join(', ');
}

export function traceCertificate(cert: PeerCertificate | null | undefined): TraceCertificate | undefined {
  if (!cert || !cert.raw || Object.keys(cert).length === 0) return undefined;
  return {
    subject: nameText(cert.subject), issuer: nameText(cert.issuer), serialNumber: cert.serialNumber,
    validFrom: new Date(cert.valid_from).toISOString(), validTo: new Date(cert.valid_to).toISOString(),
    fingerprint256: cert.fingerprint256,
    ...(cert.subjectaltname ? { subjectAltName: cert.subjectaltname } : {}),
    ...(publicKeyLabel(cert) ? { publicKey: publicKeyLabel(cert) } : {}),
  };
}

/** `RSA-2048`, `EC-P256`, from what Node tells of a peer certificate. */
function publicKeyLabel(cert: PeerCertificate): string | undefined {
  const c = cert as PeerCertificate & { asn1Curve?: string; nistCurve?: string };
  if (c.nistCurve || c.asn1Curve) return `EC-${(c.nistCurve ?? c.asn1Curve ?? '').replace('-', '')}`;
  if (c.modulus && c.bits) return `RSA-${c.bits}`;
  return undefined;
}

/** Facts of an established (or just-failed) handshake; fields the socket cannot tell are left out. */
export function tlsFacts(socket: TLSSocket, harnessSide: 'server' | 'client'): TlsFacts {
  const facts: TlsFacts = { harnessSide };
  const protocol = socket.getProtocol?.();
  if (protocol) facts.protocol = protocol;
  const cipher = socket.getCipher?.();
  if (cipher?.name) facts.cipher = { name: cipher.name, ...(cipher.standardName ? { standardName: cipher.standardName } : {}) };
  const servername = (socket as TLSSocket & { servername?: string | false }).servername;
  if (typeof servername === 'string' && servername) facts.servername = servername;
  const peer = traceCertificate(socket.getPeerCertificate?.());
  if (peer) facts.peerCertificate = peer;
  if (harnessSide === 'server') facts.clientCertificatePresented = peer !== undefined;
  if (peer || harnessSide === 'client') {
    const error = socket.authorizationError as unknown as (Error & { code?: string }) | string | null | undefined;
    const code = socket.authorized ? 'ok' : typeof error === 'string' ? error : (error?.code ?? error?.message ?? 'not verified');
    // Node checks the host name only after the chain verified, and reports a mismatch in the same
    // field: keep the two apart (the caller fills hostCheck).
    facts.chain = code === 'ERR_TLS_CERT_ALTNAME_INVALID' ? 'ok' : code;
  }
  return facts;
}

/** OpenSSL's `…:SSL routines:func:reason:file:line:` → `reason` (no build paths in the trace). */
export function tlsErrorText(message: string): string {
  const m = /SSL routines:[^:]*:([^:]+):/.exec(message);
  return m ? m[1]!.trim() : message.trim();
}

/** SNI for a host: none for an IP address (RFC 6066 §3 allows only host names). */
export function sniFor(host: string): string | undefined {
  const bare = host.replace(/^\[|\]$/g, '');
  return isIP(bare) ? undefined : bare;
}
