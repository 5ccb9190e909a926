import { defineCase } from '../../../harness/dsl/define-case.js';
import { checkFirmwareImage } from '../../../harness/files/firmware-image.js';
import { firmwareUpdateSequence } from './firmware-steps.js';

export default defineCase({
  id: 'TC_044_1_CSMS',
  title: 'Firmware Update - Download and Install',
  ocpp: '1.6',
  profile: 'FirmwareManagement',
  sut: 'Csms',
  octt: { table: 156, follows: '2024-04' },
  purpose: 'The CSMS updates the firmware of a charge point: it sends UpdateFirmware with a location that serves the firmware, answers every FirmwareStatusNotification of the download and installation, and accepts the charge point booting the new firmware.',
  refs: [
    'OCPP 1.6 §5.19 Update Firmware',
    'OCPP 1.6 §6.55 UpdateFirmware.req',
    'OCPP 1.6 §4.5 Firmware Status Notification',
    'OCPP 1.6 §7.25 FirmwareStatus',
    'OCPP 1.6 §8.1 Download Firmware',
    'OCPP 1.6 §4.2 BootNotification',
    'OCPP 1.6 §4.9 StatusNotification',
  ],
  provenance: 'Steps 1–16 as publicly summarised for TC_044_1_CSMS (tzi-OCTT test_tc_044_1_csms.py, SteVe Ocpp16JsonCsmsCertificationIT, EVtivity octt TC_044_1_CSMS): UpdateFirmware.req → FirmwareStatusNotification Downloading, Downloaded → StatusNotification Unavailable (connector 0 and every connector) → Installing → BootNotification (Accepted) → StatusNotification Available → Installed. The UpdateFirmware (retrieveDate now) is triggered through SUT control, with `transport` as a hint (HTTP where declared); the location is the CSMS\'s own. Unlike the OCTT, which only sends the notifications, the harness downloads the firmware for real from that location (once, after retrieveDate), and a location that does not deliver it is a finding (transfer.failed) — the harness then reports DownloadFailed and stops. The image is installed as is: an ocpp-harness image (harness/files/firmware-image) names its version, any other is named by its SHA-256. The reboot is the harness closing its connection and dialling anew; the BootNotification carries the new firmwareVersion.',
  actions: ['UpdateFirmware'],
}, (t) => firmwareUpdateSequence(t, {
  preferred: 'http',
  installTitle: 'FirmwareStatusNotification Installing; the charge point installs the image and reboots (steps 9–10)',
  install(image, note) {
    const check = checkFirmwareImage(image.bytes);
    const installed = check.valid ? check.version : `sha256-${image.sha256.slice(0, 16)}`;
    note(check.valid ? `installing ocpp-harness firmware image ${check.version}` : `installing the image as is (${check.reason}); firmwareVersion ${installed}`);
    return installed;
  },
  rebootReason: 'firmware update: rebooting into the new firmware',
  finalStatus: 'Installed',
}));
