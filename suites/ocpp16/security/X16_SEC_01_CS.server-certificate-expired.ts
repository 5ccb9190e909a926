import { badServerCertificateCase } from './bad-server-certificate-steps.js';

export default badServerCertificateCase({
  id: 'X16_SEC_01_CS', title: 'TLS - server certificate expired', entry: 'bad-server-expired', what: 'an expired certificate', refs: 'A00.FR.307 (RFC 5280 §6 validity)',
});
