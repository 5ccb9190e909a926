import { defineCase } from '../../../harness/dsl/define-case.js';
import { checkFirmwareImage, truncatedFirmwareImage } from '../../../harness/files/firmware-image.js';
import { firmwareStatus, LOCATION_DEVIATION, receiveUpdateFirmware, transportFor, untilRetrieveDate, withHarnessFiles } from './firmware-steps.js';

export default defineCase({
  id: 'TC_044_2_CSMS',
  title: 'Firmware Update - Download Failed',
  ocpp: '1.6',
  profile: 'FirmwareManagement',
  sut: 'Csms',
  octt: { table: 157, follows: '2024-04' },
  purpose: 'The CSMS handles a firmware update whose download fails: it sends UpdateFirmware with the location it is given and answers FirmwareStatusNotification Downloading and DownloadFailed.',
  refs: [
    'OCPP 1.6 §5.19 Update Firmware',
    'OCPP 1.6 §6.55 UpdateFirmware.req',
    'OCPP 1.6 §4.5 Firmware Status Notification',
    'OCPP 1.6 §7.25 FirmwareStatus',
    'OCPP 1.6 §8.1 Download Firmware',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 157; ours: the firmware location the CSMS is asked to send (through SUT control, HTTP where declared) is one on the harness\'s own file server that serves nothing, so the download fails for real.',
  deviations: [LOCATION_DEVIATION],
  actions: ['UpdateFirmware'],
}, async ({ cp, sut, cfg, step, note, sleep, transfers }) => {
  const link = await cp.booted();

  await withHarnessFiles(cfg, async (files) => {
    const request = await step(1, 'The CSMS sends UpdateFirmware with the harness\'s location (which serves nothing) and a retrieveDate; the charge point answers (steps 1–2)', () =>
      receiveUpdateFirmware({ sut, cfg }, link, files.missingFirmware(transportFor(cfg, 'http')), { validatedByTable: false, table: 157 }));

    await step(3, 'After retrieveDate: FirmwareStatusNotification Downloading, and the download from the location, which fails (steps 3–4)', async () => {
      await untilRetrieveDate({ cfg, note, sleep }, request.retrieveDate);
      await firmwareStatus(link, 'Downloading');
      try {
        const image = await transfers.download(request.location);
        // The CSMS sent a location that works after all: the failure is simulated on the real bytes.
        const kept = truncatedFirmwareImage(image.bytes);
        const check = checkFirmwareImage(kept);
        note(`simulated failure: the download breaks off; the charge point keeps ${kept.length} of ${image.bytes.length} bytes, and the image check says: ${check.valid ? 'valid' : check.reason}`);
      } catch (err) {
        note(`the download failed as intended: ${err instanceof Error ? err.message : String(err)}`);
      }
    });
  });

  await step(5, 'FirmwareStatusNotification DownloadFailed; the CSMS answers (steps 5–6)', () => firmwareStatus(link, 'DownloadFailed'));
});
