import { installCertificateCase } from './install-certificate-steps.js';

export default installCertificateCase({
  id: 'TC_075_2_CS', table: 91, title: 'Install a certificate on the Charge Point - CentralSystemRootCertificate',
  certificateType: 'CentralSystemRootCertificate', pkiEntry: 'csms-root-ca',
});
