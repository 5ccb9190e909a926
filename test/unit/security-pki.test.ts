// The generated test PKI, checked with node:crypto (an implementation other than the one that made it):
// chains, subjects, key types, validity windows and the manifest.
import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'chai';
import { PKI_ENTRIES, type PkiEntryName } from '../../harness/security/pki-layout.js';
import { makeTestPki, type TestPki } from '../support/test-pki.js';

const DAY = 86_400_000;

describe('security: generated test PKI', () => {
  let pki: TestPki;
  const now = new Date();
  const x509 = (name: PkiEntryName) => new X509Certificate(pki.cert(name));
  before(async () => {
    pki = await makeTestPki({ now, cpoName: 'Test CPO' });
  });
  after(() => pki.remove());

  it('makes every entry of the layout, each listed in pki.json with a key file readable only by its owner', async () => {
    expect(Object.keys(pki.manifest.entries)).to.have.members(Object.keys(PKI_ENTRIES));
    const mode = (await stat(join(pki.dir, 'csms-root-ca.key.pem'))).mode & 0o777;
    expect(mode).to.equal(0o600);
  });

  it('issues the server and charge point certificates from the CPO root, verified by node:crypto', () => {
    const root = x509('csms-root-ca');
    expect(root.ca).to.equal(true);
    expect(root.checkIssued(root)).to.equal(true); // self-signed
    for (const name of ['csms-server-rsa', 'csms-server-ec', 'charge-point-rsa', 'charge-point-ec', 'bad-server-expired', 'bad-server-wrong-host', 'bad-client-other-identity'] as const) {
      const cert = x509(name);
      expect(cert.checkIssued(root), name).to.equal(true);
      expect(cert.verify(root.publicKey), name).to.equal(true);
      expect(cert.ca, name).to.equal(false);
    }
    // and the firmware signing certificate from the manufacturer root, not the CPO root
    expect(x509('firmware-signing').verify(x509('manufacturer-root-ca').publicKey)).to.equal(true);
    expect(x509('firmware-signing').verify(root.publicKey)).to.equal(false);
  });

  it('signs CSMS root 2 with root 1 (M05.FR.10) and issues the root-2 server certificate from root 2 only', () => {
    const root = x509('csms-root-ca');
    const root2 = x509('csms-root-ca-2');
    expect(root2.ca).to.equal(true);
    expect(root2.checkIssued(root2)).to.equal(false); // not self-signed
    expect(root2.verify(root.publicKey)).to.equal(true);
    const server2 = x509('csms-server-root-2');
    expect(server2.ca).to.equal(false);
    expect(server2.verify(root2.publicKey)).to.equal(true);
    expect(server2.verify(root.publicKey)).to.equal(false);
    expect(server2.checkIP('127.0.0.1')).to.equal('127.0.0.1');
  });

  it('gives the untrusted-root and unknown-CA certificates an issuer the CPO root does not vouch for', () => {
    const root = x509('csms-root-ca');
    for (const name of ['bad-server-untrusted-root', 'bad-client-unknown-ca'] as const) {
      expect(x509(name).checkIssued(root), name).to.equal(false);
      expect(x509(name).verify(root.publicKey), name).to.equal(false);
      expect(x509(name).verify(x509('untrusted-root-ca').publicKey), name).to.equal(true);
    }
  });

  it('puts the identity in CN and the CPO in O of the charge point certificate, with no SAN (A00.FR.509/511)', () => {
    const cp = x509('charge-point-ec');
    expect(cp.subject).to.equal('CN=CP001\nO=Test CPO');
    expect(cp.subjectAltName).to.equal(undefined);
    expect(x509('bad-client-other-identity').subject).to.equal('CN=CP001-OTHER\nO=Test CPO');
  });

  it('names the host in CN and SAN of the server certificate (A00.FR.510)', () => {
    const server = x509('csms-server-rsa');
    expect(server.subject).to.equal('CN=127.0.0.1\nO=Test CPO');
    expect(server.subjectAltName).to.equal('IP Address:127.0.0.1, DNS:localhost');
    expect(server.checkIP('127.0.0.1')).to.equal('127.0.0.1');
    expect(server.checkHost('localhost')).to.equal('localhost');
    expect(x509('bad-server-wrong-host').checkIP('127.0.0.1')).to.equal(undefined);
  });

  it('uses RSA 2048 and ECDSA P-256 keys, and each key file matches its certificate', () => {
    const details = (name: PkiEntryName) => x509(name).publicKey.asymmetricKeyDetails;
    expect(x509('csms-server-rsa').publicKey.asymmetricKeyType).to.equal('rsa');
    expect(details('csms-server-rsa')?.modulusLength).to.equal(2048);
    expect(x509('csms-server-ec').publicKey.asymmetricKeyType).to.equal('ec');
    expect(details('csms-server-ec')?.namedCurve).to.equal('prime256v1');
    for (const name of Object.keys(PKI_ENTRIES) as PkiEntryName[]) {
      expect(x509(name).checkPrivateKey(createPrivateKey(pki.key(name))), name).to.equal(true);
    }
    // and not someone else's key
    expect(x509('csms-server-ec').checkPrivateKey(createPrivateKey(pki.key('charge-point-ec')))).to.equal(false);
    expect(createPublicKey(pki.cert('charge-point-rsa')).asymmetricKeyType).to.equal('rsa');
  });

  it('makes the negative validity windows what they claim: expired yesterday, valid only from tomorrow', () => {
    const expired = x509('bad-server-expired');
    expect(new Date(expired.validTo).getTime()).to.be.closeTo(now.getTime() - DAY, 1000);
    expect(new Date(expired.validTo).getTime()).to.be.below(Date.now());
    const early = x509('bad-server-not-yet-valid');
    expect(new Date(early.validFrom).getTime()).to.be.closeTo(now.getTime() + DAY, 1000);
    expect(new Date(early.validFrom).getTime()).to.be.above(Date.now());
    const good = x509('csms-server-ec');
    expect(new Date(good.validFrom).getTime()).to.be.below(Date.now());
    expect(new Date(good.validTo).getTime()).to.be.above(Date.now() + 300 * DAY);
  });

  it('describes each certificate in the manifest as node:crypto reads it', () => {
    for (const name of Object.keys(PKI_ENTRIES) as PkiEntryName[]) {
      const entry = pki.manifest.entries[name];
      const cert = x509(name);
      expect(entry.fingerprint256, name).to.equal(cert.fingerprint256);
      expect(entry.serialNumber.toUpperCase(), name).to.equal(cert.serialNumber.toUpperCase());
      expect(new Date(entry.notAfter).getTime(), name).to.equal(new Date(cert.validTo).getTime());
      expect(entry.keyType, name).to.equal(cert.publicKey.asymmetricKeyType === 'rsa' ? 'RSA-2048' : 'EC-P256');
    }
    expect(pki.manifest.use).to.deep.equal({ ca: 'csms-root-ca', serverCert: 'csms-server-ec', clientCert: 'charge-point-ec' });
  });

  it('with --key rsa, makes the roots and the default certificates RSA', async () => {
    const rsa = await makeTestPki({ keyKind: 'rsa' });
    try {
      expect(rsa.manifest.entries['csms-root-ca'].keyType).to.equal('RSA-2048');
      expect(rsa.manifest.use).to.deep.equal({ ca: 'csms-root-ca', serverCert: 'csms-server-rsa', clientCert: 'charge-point-rsa' });
      expect(new X509Certificate(rsa.cert('csms-server-ec')).verify(new X509Certificate(rsa.cert('csms-root-ca')).publicKey)).to.equal(true);
    } finally {
      await rsa.remove();
    }
  });
});
