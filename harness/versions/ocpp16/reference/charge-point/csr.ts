// The charge point's side of A02 (Security Whitepaper ed. 3): a fresh key pair and a PKCS#10 CSR for
// SignCertificate.req, and the checks on the certificate CertificateSigned.req brings back (A02.FR.06:
// verified before use — signed by a trusted Central System root, within its validity, for this charge
// point, for the key pair the CSR was made with).
import { EC_SIGNING, generateKeyPair, privateKeyPem } from '../../../../security/keys.js';
import { x509 } from '../../../../security/x509.js';

export async function makeCsr(identity: string, organization?: string): Promise<{ csr: string; keyPem: string }> {
  const keys = await generateKeyPair('ec');
  const name = organization ? `CN=${identity}, O=${organization}` : `CN=${identity}`;
  const request = await x509.Pkcs10CertificateRequestGenerator.create({ name, keys, signingAlgorithm: EC_SIGNING });
  return { csr: request.toString('pem'), keyPem: await privateKeyPem(keys.privateKey) };
}

function certificatesOf(chain: string): x509.X509Certificate[] {
  const pems = chain.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return pems.map((pem) => new x509.X509Certificate(pem));
}

/** Why the chain cannot be this charge point's certificate, or undefined when it can. */
export async function verifySignedCertificate(chain: string, roots: readonly string[], keyPem: string | undefined, identity: string): Promise<string | undefined> {
  let certs: x509.X509Certificate[];
  try {
    certs = certificatesOf(chain);
  } catch (err) {
    return `the certificate chain cannot be read: ${(err as Error).message}`;
  }
  const leaf = certs[0];
  if (!leaf) return 'no certificate in certificateChain';
  const now = new Date();
  if (leaf.notBefore > now || leaf.notAfter < now) return 'the certificate is not within its validity';
  if (leaf.subjectName.getField('CN')[0] !== identity) return `the certificate's CN is not ${identity}`;
  const trusted = roots.map((pem) => new x509.X509Certificate(pem));
  const chainBuilder = new x509.X509ChainBuilder({ certificates: [...certs.slice(1), ...trusted] });
  const path = await chainBuilder.build(leaf).catch(() => [] as x509.X509Certificate[]);
  const top = path[path.length - 1];
  if (!top || !trusted.some((t) => t.equal(top))) return 'the certificate does not chain to an installed Central System root';
  for (let i = 0; i + 1 < path.length; i++) {
    if (!(await path[i]!.verify({ publicKey: path[i + 1]!, signatureOnly: true }))) return 'a signature in the certificate chain does not verify';
  }
  if (keyPem) {
    const { createPublicKey } = await import('node:crypto');
    const fromKey = createPublicKey(keyPem).export({ type: 'spki', format: 'der' });
    if (!Buffer.from(leaf.publicKey.rawData).equals(fromKey)) return 'the certificate is not for the key pair of the last CSR';
  }
  return undefined;
}
