// CertificateHashData of a certificate (Security Whitepaper ed. 3 §5.2, as in GetInstalledCertificateIds
// and DeleteCertificate): SHA-256 of the DER issuer name, of the issuer's public key (the BIT STRING of its
// SubjectPublicKeyInfo, as OCSP's issuerKeyHash, RFC 6960 §4.1.1) and the serial number in hexadecimal.
// Only what Node's crypto gives and a few DER lengths are read: no other parser is needed.
import { createHash, X509Certificate } from 'node:crypto';

export interface CertificateHashData {
  hashAlgorithm: 'SHA256';
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

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Hash data of `pem`, issued by `issuerPem` (default: itself, as for a root certificate). */
export function certificateHashData(pem: string, issuerPem?: string): CertificateHashData {
  const cert = new X509Certificate(pem);
  const issuer = issuerPem ? new X509Certificate(issuerPem) : cert;
  const spki = issuer.publicKey.export({ type: 'spki', format: 'der' });
  return {
    hashAlgorithm: 'SHA256',
    issuerNameHash: sha256(issuerNameDer(cert.raw)),
    issuerKeyHash: sha256(publicKeyBits(spki)),
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
