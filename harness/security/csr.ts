// The harness as CA (where the OCTT tables have the Central System sign): check a charger's CSR from
// SignCertificate.req (RFC 2986, PEM; Security Whitepaper ed. 3 A02.FR.03) and sign it with the CPO root.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { signCertificate, type IssuedCertificate } from './certificate-factory.js';
import { importPrivateKeyPem } from './keys.js';
import { certFile, keyFile, type PkiEntryName } from './pki-layout.js';
import { x509 } from './x509.js';

/** Bounded: a SignCertificate.req csr is at most 5500 characters (its schema); anything larger is refused unread. */
export const MAX_CSR_CHARS = 10_000;

export interface CsrExpectations {
  /** The CN the charger must put in its CSR (its serial number, A00.FR.511), when known. */
  commonName?: string;
  /** The CpoName the charger must put in O (A02.FR.13 / A03.FR.13), when known. */
  organization?: string;
}

export interface CsrCheck {
  ok: boolean;
  /** One line per problem, each citing its requirement. Empty when ok. */
  problems: string[];
  subject?: string;
  commonName?: string;
  organization?: string;
  /** `RSA-2048`, `EC-P256`, … */
  keyType?: string;
  signatureValid?: boolean;
  /** The parsed request, for signCsr. */
  request?: x509.Pkcs10CertificateRequest;
}

function rdn(name: x509.Name, type: string): string | undefined {
  return name.getField(type)[0];
}

function describeKey(algorithm: KeyAlgorithm): { label: string; problem?: string } {
  const a = algorithm as RsaHashedKeyAlgorithm & EcKeyAlgorithm;
  if (a.name === 'RSASSA-PKCS1-v1_5' || a.name === 'RSA-PSS' || a.name === 'RSA-OAEP') {
    const bits = a.modulusLength;
    return { label: `RSA-${bits}`, ...(bits < 2048 ? { problem: `RSA key of ${bits} bits: A00.FR.502 asks for at least 2048` } : {}) };
  }
  if (a.name === 'ECDSA' || a.name === 'ECDH') {
    const curve = a.namedCurve;
    const bits = Number(/(\d+)$/.exec(curve ?? '')?.[1] ?? 0);
    return { label: `EC-${curve?.replace('-', '') ?? '?'}`, ...(bits < 224 ? { problem: `EC key on ${curve}: A00.FR.503 asks for at least 224 bits` } : {}) };
  }
  return { label: a.name, problem: `key algorithm ${a.name}: only RSA or EC keys can be certified (A00.FR.501–504)` };
}

/** Checks a CSR: PEM PKCS#10, a valid self-signature, CN and O as expected, a key of sufficient size. */
export async function checkCsr(pem: string, expect: CsrExpectations = {}): Promise<CsrCheck> {
  if (typeof pem !== 'string' || pem.length > MAX_CSR_CHARS) {
    return { ok: false, problems: [`not a CSR: ${typeof pem === 'string' ? `${pem.length} characters, more than ${MAX_CSR_CHARS}` : typeof pem}`] };
  }
  if (!/-----BEGIN (NEW )?CERTIFICATE REQUEST-----/.test(pem)) {
    return { ok: false, problems: ['not PEM: A02.FR.03 asks for the CSR PEM encoded (-----BEGIN CERTIFICATE REQUEST-----)'] };
  }
  let request: x509.Pkcs10CertificateRequest;
  try {
    request = new x509.Pkcs10CertificateRequest(pem.replace(/NEW CERTIFICATE REQUEST/g, 'CERTIFICATE REQUEST'));
  } catch (err) {
    return { ok: false, problems: [`not a PKCS#10 request (RFC 2986): ${(err as Error).message}`] };
  }
  const problems: string[] = [];
  let signatureValid = false;
  try {
    signatureValid = await request.verify();
  } catch (err) {
    problems.push(`the signature cannot be checked: ${(err as Error).message}`);
  }
  if (!signatureValid && !problems.length) problems.push('the CSR\'s signature does not verify with its own public key (RFC 2986 §3: proof of possession)');
  const commonName = rdn(request.subjectName, 'CN');
  const organization = rdn(request.subjectName, 'O');
  if (!commonName) problems.push('no CN in the subject: A00.FR.511 asks for the charge point\'s serial number in CN');
  else if (expect.commonName !== undefined && commonName !== expect.commonName) {
    problems.push(`CN is ${JSON.stringify(commonName)}, expected ${JSON.stringify(expect.commonName)} (A00.FR.511: the charge point's serial number)`);
  } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(commonName) || /^[\d.]+$|:/.test(commonName)) {
    problems.push(`CN ${JSON.stringify(commonName)} looks like a URL or an IP address: A00.FR.511 forbids that`);
  }
  if (!organization) problems.push('no O in the subject: A02.FR.13 asks for the CpoName in organizationName');
  else if (expect.organization !== undefined && organization !== expect.organization) {
    problems.push(`O is ${JSON.stringify(organization)}, expected the CpoName ${JSON.stringify(expect.organization)} (A02.FR.13)`);
  }
  let keyType: string | undefined;
  try {
    const key = describeKey((await request.publicKey.export()).algorithm);
    keyType = key.label;
    if (key.problem) problems.push(key.problem);
  } catch (err) {
    problems.push(`the public key cannot be read: ${(err as Error).message}`);
  }
  return {
    ok: problems.length === 0, problems, subject: request.subject, commonName, organization, keyType, signatureValid, request,
  };
}

/** The CA the harness signs with: a certificate and its private key. */
export type SigningCa = IssuedCertificate;

/** Loads a CA (certificate + key) from a PKI directory, by default the CPO root. */
export async function loadSigningCa(dir: string, name: PkiEntryName = 'csms-root-ca'): Promise<SigningCa> {
  const certificate = new x509.X509Certificate(await readFile(join(dir, certFile(name)), 'utf8'));
  const { key, kind } = await importPrivateKeyPem(await readFile(join(dir, keyFile(name)), 'utf8'));
  const publicKey = await certificate.publicKey.export();
  return { certificate, keys: { privateKey: key, publicKey }, kind };
}

export interface SignedCsr {
  /** The new charge point certificate, PEM. */
  certificate: string;
  /** What CertificateSigned.req carries: the certificate (the root is the charger's own trust anchor). */
  certificateChain: string;
}

/** Signs a CSR that passed checkCsr as a charge point (client) certificate. Throws for one that did not. */
export async function signCsr(check: CsrCheck, ca: SigningCa, validity: { notBefore?: Date; notAfter?: Date } = {}): Promise<SignedCsr> {
  if (!check.ok || !check.request) throw new Error(`the CSR is not signed: ${check.problems.join('; ') || 'not checked'}`);
  const now = Date.now();
  const publicKey = await check.request.publicKey.export();
  const kind = /^RSA/.test(check.keyType ?? '') ? 'rsa' : 'ec';
  const cert = await signCertificate({
    purpose: 'client', kind,
    subject: { commonName: check.commonName!, organization: check.organization! },
    notBefore: validity.notBefore ?? new Date(now - 3_600_000), notAfter: validity.notAfter ?? new Date(now + 365 * 86_400_000),
    issuer: ca,
  }, publicKey);
  const pem = cert.toString('pem');
  return { certificate: pem, certificateChain: `${pem}\n` };
}
