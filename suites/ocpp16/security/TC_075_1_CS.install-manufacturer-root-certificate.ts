import { installCertificateCase } from './install-certificate-steps.js';

export default installCertificateCase({
  id: 'TC_075_1_CS', table: 90, title: 'Install a certificate on the Charge Point - ManufacturerRootCertificate',
  certificateType: 'ManufacturerRootCertificate', pkiEntry: 'manufacturer-root-ca',
});
