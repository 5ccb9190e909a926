import { defineCase } from '../../../harness/dsl/define-case.js';
import { ExpectationUnmet } from '../../../harness/dsl/errors.js';
import { reportConnectors } from '../firmware/firmware-steps.js';
import { securityEvent } from './security-csms-steps.js';
import { requireFirmwareManagement } from './security-prerequisites.js';
import { signedStatus, signedUpdateAndDownload } from './signed-firmware-steps.js';

export default defineCase({
  id: 'TC_080_CSMS',
  title: 'Secure Firmware Update',
  ocpp: '1.6',
  profile: 'Security',
  securityProfiles: [2, 1, 3],
  sut: 'Csms',
  octt: { table: 187, follows: '2024-04' },
  purpose: 'The CSMS updates the firmware securely: SignedUpdateFirmware with the configured location, signature and signing certificate, and it answers every notification of the download, verification, installation and reboot.',
  refs: ['Security Whitepaper ed. 3 §4.4 Secure Firmware Update (L01)', '§5.15 SignedUpdateFirmware', '§5.13 SignedFirmwareStatusNotification', '§5.16 SecurityEventNotification', 'OCPP 1.6 §4.2, §4.9'],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 187; ours: the configured firmware URL is the harness\'s own file server and the signature and signing certificate come from the run PKI\'s firmware signing key (asked of the CSMS through SUT control); the harness downloads the image and verifies the signature for real; steps 13, 15, 17, 19 come in that order, which the table allows.',
  deviations: [{
    what: 'Step 3: the harness downloads the firmware from the location for real (transfer.failed)',
    why: 'the table only has the notifications sent; a CSMS whose location serves nothing would pass it',
    source: 'Security Whitepaper ed. 3 §5.15 (location: where the firmware can be downloaded)',
  }],
  actions: ['SignedUpdateFirmware'],
}, async (t) => {
  const { cp, cfg, step } = t;
  requireFirmwareManagement(t, 187, 'Csms');
  const link = await cp.booted();
  const { verdict, requestId } = await signedUpdateAndDownload(t, link, 187, false);
  if (!verdict.ok) {
    // The status enumeration has no InvalidCertificate: a bad signing certificate is a security event too (L01.FR.02).
    if (verdict.status === 'InvalidCertificate') await securityEvent(link, 'InvalidFirmwareSigningCertificate', verdict.why);
    await signedStatus(link, 'InvalidSignature', requestId);
    throw new ExpectationUnmet(`the firmware signature does not verify (${verdict.why}): the update cannot go on`);
  }
  await step(7, 'SignedFirmwareStatusNotification SignatureVerified; the CSMS answers (steps 7–8)', () => signedStatus(link, 'SignatureVerified', requestId));
  await step(9, 'StatusNotification Unavailable for every connector, then SignedFirmwareStatusNotification Installing; the CSMS answers (steps 9–10)', async () => {
    await reportConnectors(link, cfg, 'Unavailable');
    await signedStatus(link, 'Installing', requestId);
  });
  await step(11, 'SignedFirmwareStatusNotification InstallRebooting; the charge point reboots (steps 11–12)', async () => {
    await signedStatus(link, 'InstallRebooting', requestId);
    await link.close(1001, 'firmware update: rebooting into the new firmware');
  });
  const rebooted = await cp.reconnect();
  await step(13, 'BootNotification after the reboot; the CSMS accepts it (steps 13–14)', async () => {
    const boot = await rebooted.call('BootNotification', { chargePointVendor: 'ocpp-harness', chargePointModel: 'virtual-cp', firmwareVersion: '2.0.0' }, {
      expect: { status: 'Accepted' }, requirement: 'OCPP 1.6 §4.2: the CSMS accepts the BootNotification of a known charge point after a reboot',
    });
    if (boot.payload.status === 'Accepted') rebooted.link.state.bootStatus = 'Accepted';
  });
  await step(15, 'SecurityEventNotification FirmwareUpdated; the CSMS answers (steps 15–16)', () => securityEvent(rebooted, 'FirmwareUpdated'));
  await step(17, 'StatusNotification Available for every connector; the CSMS answers (steps 17–18)', () => reportConnectors(rebooted, cfg, 'Available'));
  await step(19, 'SignedFirmwareStatusNotification Installed; the CSMS answers (steps 19–20)', () => signedStatus(rebooted, 'Installed', requestId));
});
