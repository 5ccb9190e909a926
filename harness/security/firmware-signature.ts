// Signed firmware (Security Whitepaper ed. 3 §4, L01): the image is signed with the firmware signing
// key (SHA-256), the signature travels base64 in SignedUpdateFirmware.req with the signing certificate
// (PEM), and the charge point verifies the certificate against its ManufacturerRootCertificate and the
// signature over the downloaded image (L01.FR.03–05).
import { createPublicKey, sign, verify, X509Certificate } from 'node:crypto';
import { issueCertificate } from './certificate-factory.js';
import { readEntryPem, readManifest } from './load-pki.js';
import { privateKeyPem } from './keys.js';

export interface FirmwareSigning {
  /** The firmware signing certificate (PEM), sent as firmware.signingCertificate. */
  certificate: string;
  keyPem: string;
  /** The manufacturer root that issued it (what a charge point has as ManufacturerRootCertificate). */
  manufacturerRoot: string;
}

/** The firmware signing certificate, its key and its root from a PKI directory (`pki init`). */
export async function loadFirmwareSigning(pkiDir: string): Promise<FirmwareSigning> {
  const manifest = await readManifest(pkiDir);
  return {
    certificate: await readEntryPem(pkiDir, manifest, 'firmware-signing', 'cert'),
    keyPem: await readEntryPem(pkiDir, manifest, 'firmware-signing', 'key'),
    manufacturerRoot: await readEntryPem(pkiDir, manifest, 'manufacturer-root-ca', 'cert'),
  };
}

/** Without a PKI directory (security profile 1): a manufacturer root and signing certificate made now. */
export async function makeFirmwareSigning(manufacturer = 'OCPP Harness Manufacturer'): Promise<FirmwareSigning> {
  const now = Date.now();
  const validity = { notBefore: new Date(now - 3_600_000), notAfter: new Date(now + 30 * 86_400_000) };
  const root = await issueCertificate({ purpose: 'ca', kind: 'ec', subject: { commonName: `${manufacturer} Root CA`, organization: manufacturer }, ...validity });
  const signer = await issueCertificate({ purpose: 'code-signing', kind: 'ec', subject: { commonName: `${manufacturer} Firmware Signing`, organization: manufacturer }, ...validity, issuer: root });
  return { certificate: signer.certificate.toString('pem'), keyPem: await privateKeyPem(signer.keys.privateKey), manufacturerRoot: root.certificate.toString('pem') };
}

/** Base64 signature of the image (SHA-256 with the signing key: RSA PKCS#1 v1.5 or ECDSA). */
export function signFirmware(image: Uint8Array, keyPem: string): string {
  return sign('sha256', image, keyPem).toString('base64');
}

export type FirmwareVerdict =
  | { ok: true }
  | { ok: false; status: 'InvalidCertificate' | 'InvalidSignature'; why: string };

/** L01.FR.03–05: the signing certificate chains to the manufacturer root, and the signature verifies over the image. */
export function verifyFirmware(image: Uint8Array, signatureB64: string, signingCertificate: string, manufacturerRoots: string[]): FirmwareVerdict {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(signingCertificate);
  } catch (err) {
    return { ok: false, status: 'InvalidCertificate', why: `the signing certificate cannot be read: ${(err as Error).message}` };
  }
  const trusted = manufacturerRoots.some((pem) => {
    try {
      const root = new X509Certificate(pem);
      return cert.checkIssued(root) && cert.verify(root.publicKey);
    } catch {
      return false;
    }
  });
  if (!trusted) return { ok: false, status: 'InvalidCertificate', why: 'the signing certificate is not issued by a ManufacturerRootCertificate the charge point has' };
  const now = Date.now();
  if (Date.parse(cert.validFrom) > now || Date.parse(cert.validTo) < now) return { ok: false, status: 'InvalidCertificate', why: 'the signing certificate is not valid now' };
  const signature = Buffer.from(signatureB64, 'base64');
  let good = false;
  try {
    good = verify('sha256', image, createPublicKey(cert.publicKey.export({ type: 'spki', format: 'pem' })), signature);
  } catch {
    good = false;
  }
  return good ? { ok: true } : { ok: false, status: 'InvalidSignature', why: 'the signature does not verify over the downloaded image with the signing certificate\'s key' };
}
