// The harness as charge point makes a new key pair and a CSR for SignCertificate.req (Security
// Whitepaper ed. 3 A02/A03: PKCS#10, PEM; CN = the charge point's serial number, O = the CpoName).
import { generateKeyPair, privateKeyPem, signingAlgorithm, type KeyKind } from './keys.js';
import { subjectName } from './certificate-factory.js';
import { x509 } from './x509.js';

export interface NewCsr {
  /** PEM, `-----BEGIN CERTIFICATE REQUEST-----`. */
  csr: string;
  /** The new private key (PKCS#8 PEM): presented with the signed certificate on the next connection. */
  keyPem: string;
  /** SHA-256 thumbprint of the public key (hex), to match the certificate the CSMS returns. */
  publicKeyThumbprint: string;
}

export async function makeCsr(subject: { commonName: string; organization: string }, kind: KeyKind = 'ec'): Promise<NewCsr> {
  const keys = await generateKeyPair(kind);
  const request = await x509.Pkcs10CertificateRequestGenerator.create({ name: subjectName(subject), keys, signingAlgorithm: signingAlgorithm(kind) });
  const thumbprint = Buffer.from(await request.publicKey.getThumbprint('SHA-256')).toString('hex');
  return { csr: request.toString('pem'), keyPem: await privateKeyPem(keys.privateKey), publicKeyThumbprint: thumbprint };
}

/** SHA-256 thumbprint of a certificate's public key (hex), comparable with NewCsr.publicKeyThumbprint. */
export async function certificateKeyThumbprint(pem: string): Promise<string> {
  const cert = new x509.X509Certificate(pem);
  return Buffer.from(await cert.publicKey.getThumbprint('SHA-256')).toString('hex');
}
