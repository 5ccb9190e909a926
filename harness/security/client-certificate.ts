// A charge point certificate for another identity, issued by a PKI directory's CPO root: the parallel
// lanes of a --builtin run each dial under their own identity, and at profile 3 the CSMS checks the CN.
import { issueCertificate } from './certificate-factory.js';
import { loadSigningCa } from './csr.js';
import { privateKeyPem } from './keys.js';
import { readManifest } from './load-pki.js';

export async function clientCertificateFor(pkiDir: string, identity: string): Promise<{ cert: string; key: string }> {
  const manifest = await readManifest(pkiDir);
  const ca = await loadSigningCa(pkiDir);
  const now = Date.now();
  const issued = await issueCertificate({
    purpose: 'client', kind: manifest.keyKind, subject: { commonName: identity, organization: manifest.cpoName },
    notBefore: new Date(now - 3_600_000), notAfter: new Date(now + 30 * 86_400_000), issuer: ca,
  });
  return { cert: issued.certificate.toString('pem'), key: await privateKeyPem(issued.keys.privateKey) };
}
