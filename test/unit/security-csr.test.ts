// The harness as CA: a SignCertificate CSR is checked (subject, key, signature) before it is signed,
// and what it signs verifies under the CPO root with node:crypto.
import { X509Certificate } from 'node:crypto';
import { expect } from 'chai';
import { checkCsr, loadSigningCa, signCsr } from '../../harness/security/csr.js';
import { x509, subtle } from '../../harness/security/x509.js';
import { makeTestPki, type TestPki } from '../support/test-pki.js';

type Kind = 'ec' | 'rsa' | 'rsa1024';
const ALGORITHMS: Record<Kind, RsaHashedKeyGenParams | (EcKeyGenParams & { hash: string })> = {
  ec: { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' },
  rsa: { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
  rsa1024: { name: 'RSASSA-PKCS1-v1_5', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
};

/** A CSR as a charger makes it in A02 step 3. */
async function makeCsr(subject: string, kind: Kind = 'ec'): Promise<string> {
  const keys = await subtle.generateKey(ALGORITHMS[kind], true, ['sign', 'verify']) as CryptoKeyPair;
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({ name: subject, keys, signingAlgorithm: ALGORITHMS[kind] });
  return csr.toString('pem');
}

/** The same CSR with one bit of its signature flipped. */
function tamper(pem: string): string {
  const der = Buffer.from(x509.PemConverter.decode(pem)[0]!);
  der[der.length - 1] ^= 0x01;
  return x509.PemConverter.encode(der, 'CERTIFICATE REQUEST');
}

describe('security: CSR check and signing (the harness as CA)', () => {
  let pki: TestPki;
  before(async () => {
    pki = await makeTestPki({ cpoName: 'Test CPO' });
  });
  after(() => pki.remove());
  const expectations = { commonName: 'CP001', organization: 'Test CPO' };

  it('accepts a well-formed CSR (EC and RSA) and says what it holds', async () => {
    const ec = await checkCsr(await makeCsr('CN=CP001, O=Test CPO'), expectations);
    expect(ec.problems).to.deep.equal([]);
    expect(ec).to.include({ ok: true, commonName: 'CP001', organization: 'Test CPO', keyType: 'EC-P256', signatureValid: true });
    const rsa = await checkCsr(await makeCsr('CN=CP001, O=Test CPO', 'rsa'), expectations);
    expect(rsa).to.include({ ok: true, keyType: 'RSA-2048' });
  });

  it('refuses a CSR whose signature does not verify', async () => {
    const check = await checkCsr(tamper(await makeCsr('CN=CP001, O=Test CPO')), expectations);
    expect(check.ok).to.equal(false);
    expect(check.signatureValid).to.equal(false);
    expect(check.problems.join(' ')).to.match(/signature/);
  });

  it('refuses a wrong or missing O (A02.FR.13) and CN (A00.FR.511)', async () => {
    const wrongO = await checkCsr(await makeCsr('CN=CP001, O=Someone Else'), expectations);
    expect(wrongO.ok).to.equal(false);
    expect(wrongO.problems).to.deep.equal(['O is "Someone Else", expected the CpoName "Test CPO" (A02.FR.13)']);
    const noO = await checkCsr(await makeCsr('CN=CP001'), expectations);
    expect(noO.problems).to.deep.equal(['no O in the subject: A02.FR.13 asks for the CpoName in organizationName']);
    const wrongCn = await checkCsr(await makeCsr('CN=CP002, O=Test CPO'), expectations);
    expect(wrongCn.problems[0]).to.match(/^CN is "CP002", expected "CP001"/);
    const ipCn = await checkCsr(await makeCsr('CN=10.0.0.1, O=Test CPO'), { organization: 'Test CPO' });
    expect(ipCn.problems[0]).to.match(/URL or an IP address/);
  });

  it('refuses an RSA key shorter than 2048 bits (A00.FR.502)', async () => {
    const check = await checkCsr(await makeCsr('CN=CP001, O=Test CPO', 'rsa1024'), expectations);
    expect(check.keyType).to.equal('RSA-1024');
    expect(check.problems).to.deep.equal(['RSA key of 1024 bits: A00.FR.502 asks for at least 2048']);
  });

  it('refuses what is not a PEM PKCS#10 request, without throwing', async () => {
    expect((await checkCsr('hello')).problems[0]).to.match(/^not PEM/);
    expect((await checkCsr('-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----')).problems[0]).to.match(/^not a PKCS#10/);
    expect((await checkCsr('x'.repeat(20_000))).ok).to.equal(false);
  });

  it('signs a valid CSR with the CPO root: a client certificate node:crypto verifies, for the CSR\'s key', async () => {
    const ca = await loadSigningCa(pki.dir);
    const check = await checkCsr(await makeCsr('CN=CP001, O=Test CPO', 'rsa'), expectations);
    const signed = await signCsr(check, ca);
    const cert = new X509Certificate(signed.certificate);
    const root = new X509Certificate(pki.cert('csms-root-ca'));
    expect(cert.checkIssued(root)).to.equal(true);
    expect(cert.verify(root.publicKey)).to.equal(true);
    expect(cert.subject).to.equal('CN=CP001\nO=Test CPO');
    expect(cert.publicKey.asymmetricKeyDetails?.modulusLength).to.equal(2048);
    expect(cert.keyUsage).to.deep.equal(['1.3.6.1.5.5.7.3.2']); // clientAuth
    expect(new Date(cert.validFrom).getTime()).to.be.below(Date.now());
    expect(signed.certificateChain).to.contain('-----BEGIN CERTIFICATE-----');
  });

  it('will not sign a CSR that failed the check', async () => {
    const ca = await loadSigningCa(pki.dir);
    const check = await checkCsr(await makeCsr('CN=CP001, O=Someone Else'), expectations);
    let error: unknown;
    try {
      await signCsr(check, ca);
    } catch (err) {
      error = err;
    }
    expect(String(error)).to.match(/the CSR is not signed: O is "Someone Else"/);
  });
});
