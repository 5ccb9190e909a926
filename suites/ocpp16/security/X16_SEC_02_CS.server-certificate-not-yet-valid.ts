import { badServerCertificateCase } from './bad-server-certificate-steps.js';

export default badServerCertificateCase({
  id: 'X16_SEC_02_CS', title: 'TLS - server certificate not yet valid', entry: 'bad-server-not-yet-valid', what: 'a certificate that is not valid yet', refs: 'A00.FR.307 (RFC 5280 §6 validity)',
});
