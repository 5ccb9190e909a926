import { badServerCertificateCase } from './bad-server-certificate-steps.js';

export default badServerCertificateCase({
  id: 'X16_SEC_04_CS', title: 'TLS - server certificate from an untrusted root', entry: 'bad-server-untrusted-root', what: 'a certificate from an untrusted root', refs: 'A00.FR.307 (certification path)',
});
