// Issues the certificates of the test PKI with the properties the whitepaper asks for
// (Security Whitepaper ed. 3 §2.6.1): a serial number (A00.FR.508), O = the owner's organisation
// (A00.FR.509), CN = the CSMS host (A00.FR.510) or the charge point's serial number (A00.FR.511), a
// Key Usage extension (A00.FR.512) and SHA-256 (A00.FR.506).
import { isIP } from 'node:net';
import { generateKeyPair, signingAlgorithm, type KeyKind } from './keys.js';
import { x509 } from './x509.js';

/** What a certificate is for; decides its extensions. */
export type CertificatePurpose = 'ca' | 'server' | 'client' | 'code-signing';

export interface SubjectFields {
  commonName: string;
  organization: string;
}

export interface IssuedCertificate {
  certificate: x509.X509Certificate;
  keys: CryptoKeyPair;
  kind: KeyKind;
}

export interface IssueOptions {
  purpose: CertificatePurpose;
  subject: SubjectFields;
  kind: KeyKind;
  notBefore: Date;
  notAfter: Date;
  /** Signed by this CA; self-signed when absent (a root). */
  issuer?: IssuedCertificate;
  /** Server certificates: the hosts it is valid for (IP addresses or DNS names). */
  hosts?: string[];
}

/** A 16-byte positive serial (RFC 5280 §4.1.2.2: at most 20 octets, positive). */
function randomSerial(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0]! & 0x7f) | 0x01;
  return Buffer.from(bytes).toString('hex');
}

export function subjectName(subject: SubjectFields): x509.JsonName {
  return [{ CN: [subject.commonName] }, { O: [subject.organization] }];
}

async function extensionsFor(opts: IssueOptions, publicKey: CryptoKey): Promise<x509.Extension[]> {
  const { KeyUsageFlags: K, ExtendedKeyUsage: E } = x509;
  const out: x509.Extension[] = [await x509.SubjectKeyIdentifierExtension.create(publicKey)];
  if (opts.issuer) out.push(await x509.AuthorityKeyIdentifierExtension.create(opts.issuer.keys.publicKey));
  // RSA leaf keys also encipher the premaster secret of the TLS_RSA_* suites the whitepaper lists.
  const keyExchange = opts.kind === 'rsa' ? K.keyEncipherment : 0;
  switch (opts.purpose) {
    case 'ca':
      out.push(new x509.BasicConstraintsExtension(true, undefined, true));
      out.push(new x509.KeyUsagesExtension(K.keyCertSign | K.cRLSign | K.digitalSignature, true));
      break;
    case 'server': {
      out.push(new x509.BasicConstraintsExtension(false, undefined, true));
      out.push(new x509.KeyUsagesExtension(K.digitalSignature | keyExchange, true));
      out.push(new x509.ExtendedKeyUsageExtension([E.serverAuth]));
      const hosts = opts.hosts ?? [];
      // A00.FR.511 note: a SAN is allowed for a CSMS reached over several network paths (here: IP and name).
      if (hosts.length) {
        out.push(new x509.SubjectAlternativeNameExtension(hosts.map((h) => ({ type: isIP(h) ? 'ip' as const : 'dns' as const, value: h }))));
      }
      break;
    }
    case 'client':
      // No SAN: A00.FR.511 says a dnsName SAN SHOULD NOT be in a charge point certificate.
      out.push(new x509.BasicConstraintsExtension(false, undefined, true));
      out.push(new x509.KeyUsagesExtension(K.digitalSignature | keyExchange, true));
      out.push(new x509.ExtendedKeyUsageExtension([E.clientAuth]));
      break;
    case 'code-signing':
      out.push(new x509.BasicConstraintsExtension(false, undefined, true));
      out.push(new x509.KeyUsagesExtension(K.digitalSignature, true));
      out.push(new x509.ExtendedKeyUsageExtension([E.codeSigning]));
      break;
  }
  return out;
}

/** Issues one certificate with a fresh key pair of `kind`: signed by `opts.issuer`, or self-signed (a root). */
export async function issueCertificate(opts: IssueOptions): Promise<IssuedCertificate> {
  const keys = await generateKeyPair(opts.kind);
  if (opts.issuer) return { certificate: await signCertificate({ ...opts, issuer: opts.issuer }, keys.publicKey), keys, kind: opts.kind };
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(), notBefore: opts.notBefore, notAfter: opts.notAfter,
    extensions: await extensionsFor(opts, keys.publicKey),
    name: subjectName(opts.subject), keys, signingAlgorithm: signingAlgorithm(opts.kind),
  });
  return { certificate, keys, kind: opts.kind };
}

/** Signs `publicKey` (a fresh key, or one taken from a CSR) with the issuer's key. */
export async function signCertificate(opts: IssueOptions & { issuer: IssuedCertificate }, publicKey: CryptoKey): Promise<x509.X509Certificate> {
  return x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(), notBefore: opts.notBefore, notAfter: opts.notAfter,
    extensions: await extensionsFor(opts, publicKey),
    subject: subjectName(opts.subject), issuer: opts.issuer.certificate.subjectName,
    publicKey, signingKey: opts.issuer.keys.privateKey, signingAlgorithm: signingAlgorithm(opts.issuer.kind),
  });
}
