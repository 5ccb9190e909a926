import { badServerCertificateCase } from './bad-server-certificate-steps.js';

export default badServerCertificateCase({
  id: 'X16_SEC_03_CS', title: 'TLS - server certificate for another host', entry: 'bad-server-wrong-host', what: 'a certificate for another host', refs: 'A00.FR.308 (FQDN in the certificate)',
});
