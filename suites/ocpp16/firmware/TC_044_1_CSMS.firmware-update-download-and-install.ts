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
  provenance: 'OCTT 1.6 TCD 2024-04 Table 156; ours: the firmware URL of the test data is the harness\'s own file server (asked for through SUT control, HTTP where declared), the harness downloads the image for real and boots with the version it names',
  deviations: [
    {
      what: 'Step 3: the harness downloads the firmware from the location for real; a location that does not deliver it is a finding (transfer.failed, MUST)',
      why: 'the OCTT only sends the notifications; a CSMS whose location cannot be used would pass it',
      source: 'OCPP 1.6 §5.19, §6.55 (location: where the firmware can be downloaded), §8.1',
    },
  ],
  actions: ['UpdateFirmware'],
}, (t) => firmwareUpdateSequence(t, {
  preferred: 'http',
  location: { validatedByTable: true, table: 156 },
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
