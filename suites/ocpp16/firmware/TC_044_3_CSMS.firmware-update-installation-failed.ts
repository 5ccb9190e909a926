import { defineCase } from '../../../harness/dsl/define-case.js';
import { checkFirmwareImage, corruptFirmwareImage } from '../../../harness/files/firmware-image.js';
import { firmwareUpdateSequence } from './firmware-steps.js';

export default defineCase({
  id: 'TC_044_3_CSMS',
  title: 'Firmware Update - Installation Failed',
  ocpp: '1.6',
  profile: 'FirmwareManagement',
  sut: 'Csms',
  octt: { table: 158, follows: '2024-04' },
  purpose: 'The CSMS handles a firmware update whose installation fails: it sends UpdateFirmware with a location that serves the firmware, answers every FirmwareStatusNotification up to InstallationFailed, and accepts the charge point booting again.',
  refs: [
    'OCPP 1.6 §5.19 Update Firmware',
    'OCPP 1.6 §6.55 UpdateFirmware.req',
    'OCPP 1.6 §4.5 Firmware Status Notification',
    'OCPP 1.6 §7.25 FirmwareStatus',
    'OCPP 1.6 §8.1 Download Firmware',
    'OCPP 1.6 §4.2 BootNotification',
    'OCPP 1.6 §4.9 StatusNotification',
  ],
  provenance: 'Steps 1–16 as publicly summarised for TC_044_3_CSMS (tzi-OCTT test_tc_044_3_csms.py, SteVe Ocpp16JsonCsmsCertificationIT, EVtivity octt TC_044_3_CSMS): UpdateFirmware.req → FirmwareStatusNotification Downloading, Downloaded → StatusNotification Unavailable (connector 0 and every connector) → Installing → reboot, BootNotification (Accepted) → StatusNotification Available → InstallationFailed. The UpdateFirmware (retrieveDate now) is triggered through SUT control, with `transport` as a hint (FTP where declared); the location is the CSMS\'s own. The harness downloads the firmware for real (a location that does not deliver it is a finding, transfer.failed; the harness then reports DownloadFailed and stops). The OCTT only simulates the installation failure; the harness simulates it on the real image: the copy it installs has one byte changed, as a failed flash write would leave it (corruptFirmwareImage), so the image check (checkFirmwareImage) fails, the charge point reboots on its old firmware and reports InstallationFailed.',
  actions: ['UpdateFirmware'],
}, (t) => firmwareUpdateSequence(t, {
  preferred: 'ftp',
  installTitle: 'FirmwareStatusNotification Installing; the installation fails its image check and the charge point reboots (steps 9–10)',
  install(image, note) {
    const check = checkFirmwareImage(corruptFirmwareImage(image.bytes));
    note(`simulated failure: the installed copy has one byte changed; the image check says: ${check.valid ? 'valid (unexpected)' : check.reason}`);
    return undefined;
  },
  rebootReason: 'firmware installation failed: rebooting on the old firmware',
  finalStatus: 'InstallationFailed',
}));
