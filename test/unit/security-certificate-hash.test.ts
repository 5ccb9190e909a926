// CertificateHashData (GetInstalledCertificateIds, DeleteCertificate) computed from Node's DER against an
// independent parse of the same certificate with @peculiar/asn1-x509.
import { createHash } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import { expect } from 'chai';
import { certificateHashData, pemCertificates, sameHashData } from '../../harness/security/certificate-hash.js';
import { makeTestPki, type TestPki } from '../support/test-pki.js';

const sha256 = (data: ArrayBuffer | Uint8Array) => createHash('sha256').update(new Uint8Array(data)).digest('hex');
const der = (pem: string) => Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');

describe('security: CertificateHashData', function () {
  this.timeout(30_000);
  let pki: TestPki;
  before(async () => {
    pki = await makeTestPki();
  });
  after(() => pki.remove());

  for (const [name, issuer] of [['csms-root-ca', 'csms-root-ca'], ['firmware-signing', 'manufacturer-root-ca']] as const) {
    it(`${name}: issuer name and key hashes, serial number, as an independent ASN.1 parse gives them`, () => {
      const cert = AsnConvert.parse(der(pki.cert(name)), Certificate);
      const issuerCert = AsnConvert.parse(der(pki.cert(issuer)), Certificate);
      const expected = {
        hashAlgorithm: 'SHA256' as const,
        issuerNameHash: sha256(AsnConvert.serialize(cert.tbsCertificate.issuer)),
        issuerKeyHash: sha256(issuerCert.tbsCertificate.subjectPublicKeyInfo.subjectPublicKey),
        serialNumber: Buffer.from(cert.tbsCertificate.serialNumber).toString('hex').replace(/^0+(?=.)/, ''),
      };
      const ours = certificateHashData(pki.cert(name), name === issuer ? undefined : pki.cert(issuer));
      expect(ours).to.deep.equal(expected);
      expect(sameHashData({ ...ours, serialNumber: ours.serialNumber.toUpperCase() }, ours)).to.equal(true);
      expect(sameHashData({ ...ours, serialNumber: `${ours.serialNumber}0` }, ours)).to.equal(false);
    });
  }

  it('pemCertificates splits a chain in order', () => {
    const chain = `${pki.cert('firmware-signing')}\n${pki.cert('manufacturer-root-ca')}`;
    expect(pemCertificates(chain)).to.have.length(2);
    expect(pemCertificates('no certificate')).to.deep.equal([]);
  });
});
