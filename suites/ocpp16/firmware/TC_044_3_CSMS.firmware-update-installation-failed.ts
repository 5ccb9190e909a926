import { defineCase } from '../../../harness/dsl/define-case.js';
import { checkFirmwareImage, corruptFirmwareImage } from '../../../harness/files/firmware-image.js';
import { firmwareUpdateSequence, LOCATION_DEVIATION } from './firmware-steps.js';

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
  provenance: 'OCTT 1.6 TCD 2024-04 Table 158; ours: the firmware URL is the harness\'s own file server (asked for through SUT control, FTP where declared), the real download, and the installation failure simulated on the real image (one byte changed, so the image check fails)',
  deviations: [
    LOCATION_DEVIATION,
    {
      what: 'Step 3: the harness downloads the firmware from the location for real; a location that does not deliver it is a finding (transfer.failed, MUST)',
      why: 'the OCTT only sends the notifications; a CSMS whose location cannot be used would pass it',
      source: 'OCPP 1.6 §5.19, §6.55 (location: where the firmware can be downloaded), §8.1',
    },
  ],
  actions: ['UpdateFirmware'],
}, (t) => firmwareUpdateSequence(t, {
  preferred: 'ftp',
  location: { validatedByTable: false, table: 158 },
  installTitle: 'FirmwareStatusNotification Installing; the installation fails its image check and the charge point reboots (steps 9–10)',
  install(image, note) {
    const check = checkFirmwareImage(corruptFirmwareImage(image.bytes));
    note(`simulated failure: the installed copy has one byte changed; the image check says: ${check.valid ? 'valid (unexpected)' : check.reason}`);
    return undefined;
  },
  rebootReason: 'firmware installation failed: rebooting on the old firmware',
  finalStatus: 'InstallationFailed',
}));
