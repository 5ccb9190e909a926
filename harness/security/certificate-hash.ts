// CertificateHashData of a certificate (Security Whitepaper ed. 3 §5.2, as in GetInstalledCertificateIds
// and DeleteCertificate): SHA-256 of the DER issuer name, of the issuer's public key (the BIT STRING of its
// SubjectPublicKeyInfo, as OCSP's issuerKeyHash, RFC 6960 §4.1.1) and the serial number in hexadecimal.
// Only what Node's crypto gives and a few DER lengths are read: no other parser is needed.
import { createHash, X509Certificate } from 'node:crypto';

/** HashAlgorithmEnumType: a charge point may report its store in any of them. */
export type HashAlgorithm = 'SHA256' | 'SHA384' | 'SHA512';

export interface CertificateHashData {
  hashAlgorithm: HashAlgorithm;
  issuerNameHash: string;
  issuerKeyHash: string;
  serialNumber: string;
}

interface Tlv { tag: number; start: number; headerLength: number; length: number }

function readTlv(der: Buffer, at: number): Tlv {
  const tag = der[at]!;
  let length = der[at + 1]!;
  let headerLength = 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    length = 0;
    for (let i = 0; i < bytes; i += 1) length = length * 256 + der[at + 2 + i]!;
    headerLength += bytes;
  }
  if (at + headerLength + length > der.length) throw new Error('truncated DER');
  return { tag, start: at, headerLength, length };
}

const contentStart = (t: Tlv) => t.start + t.headerLength;
const end = (t: Tlv) => t.start + t.headerLength + t.length;

/** The DER of the issuer Name inside a certificate's TBSCertificate (RFC 5280 §4.1). */
function issuerNameDer(certDer: Buffer): Buffer {
  const cert = readTlv(certDer, 0);
  const tbs = readTlv(certDer, contentStart(cert));
  let at = contentStart(tbs);
  let field = readTlv(certDer, at);
  if (field.tag === 0xa0) field = readTlv(certDer, (at = end(field))); // [0] version
  field = readTlv(certDer, (at = end(field))); // signature AlgorithmIdentifier (after serialNumber)
  const issuer = readTlv(certDer, end(field));
  return certDer.subarray(issuer.start, end(issuer));
}

/** The subjectPublicKey bits (without the unused-bits octet) of a SubjectPublicKeyInfo. */
function publicKeyBits(spki: Buffer): Buffer {
  const seq = readTlv(spki, 0);
  const algorithm = readTlv(spki, contentStart(seq));
  const bits = readTlv(spki, end(algorithm));
  return spki.subarray(contentStart(bits) + 1, end(bits));
}

const NODE_HASH: Record<HashAlgorithm, string> = { SHA256: 'sha256', SHA384: 'sha384', SHA512: 'sha512' };

/** Hash data of `pem`, issued by `issuerPem` (default: itself, as for a root certificate). */
export function certificateHashData(pem: string, issuerPem?: string): CertificateHashData {
  return hashDataIn(pem, 'SHA256', issuerPem);
}

/** Hash data of `pem` in `alg` (a charger that reports SHA384 or SHA512 is looked up in its own algorithm). */
export function hashDataIn(pem: string, alg: HashAlgorithm, issuerPem?: string): CertificateHashData {
  const hash = (data: Buffer) => createHash(NODE_HASH[alg]).update(data).digest('hex');
  const cert = new X509Certificate(pem);
  const issuer = issuerPem ? new X509Certificate(issuerPem) : cert;
  const spki = issuer.publicKey.export({ type: 'spki', format: 'der' });
  return {
    hashAlgorithm: alg,
    issuerNameHash: hash(issuerNameDer(cert.raw)),
    issuerKeyHash: hash(publicKeyBits(spki)),
    serialNumber: cert.serialNumber.replace(/^0+(?=.)/, '').toLowerCase(),
  };
}

export function sameHashData(a: Partial<CertificateHashData>, b: CertificateHashData): boolean {
  return a.hashAlgorithm === b.hashAlgorithm && String(a.issuerNameHash).toLowerCase() === b.issuerNameHash
    && String(a.issuerKeyHash).toLowerCase() === b.issuerKeyHash && String(a.serialNumber).toLowerCase().replace(/^0+(?=.)/, '') === b.serialNumber;
}

/** The PEM certificates of a chain text, in order. */
export function pemCertificates(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}
