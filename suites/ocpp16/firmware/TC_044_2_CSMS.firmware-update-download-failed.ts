import { defineCase } from '../../../harness/dsl/define-case.js';
import { checkFirmwareImage, truncatedFirmwareImage } from '../../../harness/files/firmware-image.js';
import { firmwareStatus, receiveUpdateFirmware, transportFor, untilRetrieveDate, DOWNLOAD_SERVED } from './firmware-steps.js';

export default defineCase({
  id: 'TC_044_2_CSMS',
  title: 'Firmware Update - Download Failed',
  ocpp: '1.6',
  profile: 'FirmwareManagement',
  sut: 'Csms',
  octt: { table: 157, follows: '2024-04' },
  purpose: 'The CSMS handles a firmware update whose download fails: it sends UpdateFirmware with a location that serves the firmware and answers FirmwareStatusNotification Downloading and DownloadFailed.',
  refs: [
    'OCPP 1.6 §5.19 Update Firmware',
    'OCPP 1.6 §6.55 UpdateFirmware.req',
    'OCPP 1.6 §4.5 Firmware Status Notification',
    'OCPP 1.6 §7.25 FirmwareStatus',
    'OCPP 1.6 §8.1 Download Firmware',
  ],
  provenance: 'Steps 1–6 as publicly summarised for TC_044_2_CSMS (tzi-OCTT test_tc_044_2_csms.py, SteVe Ocpp16JsonCsmsCertificationIT, EVtivity octt TC_044_2_CSMS): UpdateFirmware.req → FirmwareStatusNotification Downloading → DownloadFailed, each answered. The UpdateFirmware (retrieveDate now) is triggered through SUT control, with `transport` as a hint (HTTP where declared); the location is the CSMS\'s own. The OCTT only simulates the failure, and so does the harness, on real bytes: it downloads the firmware from the location for real (a location that does not deliver it is a finding, transfer.failed), then the download counts as broken off — the charge point keeps only the first half of the image (truncatedFirmwareImage), which fails the image check — and it reports DownloadFailed. The charge point stays on its firmware, so no reboot follows.',
  actions: ['UpdateFirmware'],
}, async ({ cp, sut, cfg, step, note, sleep, transfers }) => {
  const link = await cp.booted();

  const request = await step(1, 'The CSMS sends UpdateFirmware with a location and a retrieveDate; the charge point answers (steps 1–2)', () =>
    receiveUpdateFirmware({ sut, cfg }, link, transportFor(cfg, 'http')));

  await step(3, 'After retrieveDate: FirmwareStatusNotification Downloading, and the download from the location (steps 3–4)', async () => {
    await untilRetrieveDate({ cfg, note, sleep }, request.retrieveDate);
    await firmwareStatus(link, 'Downloading');
    const image = await transfers.downloadFrom(request.location, { requirement: DOWNLOAD_SERVED });
    if (!image) return; // a real failure: DownloadFailed is what a charge point reports now anyway
    const kept = truncatedFirmwareImage(image.bytes);
    const check = checkFirmwareImage(kept);
    note(`simulated failure: the download breaks off; the charge point keeps ${kept.length} of ${image.bytes.length} bytes, and the image check says: ${check.valid ? 'valid' : check.reason}`);
  });

  await step(5, 'FirmwareStatusNotification DownloadFailed; the CSMS answers (steps 5–6)', () => firmwareStatus(link, 'DownloadFailed'));
});
