import { defineCase } from '../../../harness/dsl/define-case.js';
import { corruptFirmwareImage, firmwareImage } from '../../../harness/files/firmware-image.js';
import { callsFromNow, casePath, connectorsAvailableAgain, cpTransport, FIRMWARE_NOTIFIES, FirmwareFlow, slowStepMs, urlFor } from './firmware-cs-steps.js';

const IMAGE_BYTES = 64 * 1024;

export default defineCase({
  id: 'TC_044_3_CS',
  title: 'Firmware Update - Installation Failed',
  ocpp: '1.6',
  profile: 'FirmwareManagement',
  sut: 'ChargePoint',
  octt: { table: 57, follows: '2024-04' },
  purpose: 'The charge point downloads an image that fails its integrity check (the whole of it, really), reports Downloading, Downloaded, Installing and then InstallationFailed, keeps its old firmware and has its connectors Available again.',
  refs: [
    'OCPP 1.6 §5.19 Update Firmware (errata 3.48: only a "valid" image is installed)',
    'OCPP 1.6 §6.55 UpdateFirmware.req',
    'OCPP 1.6 §4.5 Firmware Status Notification (errata 3.12)',
    'OCPP 1.6 §7.25 FirmwareStatus (InstallationFailed)',
    'OCPP 1.6 §8.1 Download Firmware',
    'OCPP 1.6 §4.9 StatusNotification',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 57; ours: the harness serves an invalid ocpp-harness image (one byte flipped) over FTP where declared; a reboot after Installing is allowed.',
  deviations: [
    { what: 'Step 1: UpdateFirmware is answered with UpdateFirmware.conf (MUST, OCTT not-checked)', why: 'the table validates only the request', source: 'OCPP 1.6 §5.19' },
    { what: 'Steps 9–13: after a reboot, BootNotification comes before any other request (MUST, OCTT not-checked)', why: 'the table names the BootNotification but validates nothing in it', source: 'OCPP 1.6 §4.2' },
    { what: 'That the whole image was downloaded before Downloaded is judged from the file servers (transfer.failed)', why: 'a Downloaded the charger never earned would pass the table', source: 'OCPP 1.6 §4.5, §7.25' },
  ],
}, async ({ csms, cfg, step, note, notApplicable }) => {
  const transport = cpTransport({ cfg, notApplicable }, 'ftp');
  const cp = await step(0, 'The charge point is connected and its boot accepted', () => csms.booted());
  const files = await csms.files();
  const image = corruptFirmwareImage(firmwareImage({ bytes: IMAGE_BYTES, version: `2.0.0-corrupt.${Date.now().toString(36)}`, seed: 443 }));
  const path = casePath('firmware', 'TC_044_3_CS', 'firmware-corrupt.bin');
  const location = urlFor(files, transport, path);
  files.store.serve(path, image);
  try {
    const flow = await step(1, `UpdateFirmware: the corrupt image on the harness (${transport.toUpperCase()}), retrieveDate now; the charge point answers (OCTT steps 1–2)`, async () => {
      note(`serving a corrupt firmware image (${image.length} bytes, checksum mismatch) at ${location}`);
      const from = callsFromNow(cp);
      const res = await cp.call('UpdateFirmware', { location, retrieveDate: new Date().toISOString() }, {
        octt: 'not-checked', // the table validates nothing in UpdateFirmware.conf
        requirement: 'OCPP 1.6 §5.19: upon receipt of UpdateFirmware.req the charge point SHALL respond with UpdateFirmware.conf',
      });
      return new FirmwareFlow({ csms, cfg, note }, cp, res.call.seq, from);
    });

    await step(3, 'FirmwareStatusNotification Downloading (OCTT steps 3–4)', () =>
      flow.next('Downloading', {
        requirement: `${FIRMWARE_NOTIFIES}; §5.19: it SHOULD start retrieving the firmware as soon as possible after retrieveDate (now): Downloading`,
      }));

    await step(5, 'FirmwareStatusNotification Downloaded, and the harness served the whole image (OCTT steps 5–6)', async () => {
      const call = await flow.next('Downloaded', {
        within: slowStepMs(cfg),
        requirement: `${FIRMWARE_NOTIFIES}: Downloaded once the firmware has been downloaded (§7.25)`,
      });
      await csms.expectTransfer({
        direction: 'download', location, path, after: flow.requestedSeq, minBytes: image.length,
        claim: `FirmwareStatusNotification Downloaded (frame #${call.event.seq})`, octt: 'not-checked', // ours, see deviations
        requirement: 'OCPP 1.6 §5.19, §8.1, §7.25: Downloaded means the firmware has been downloaded from the location of UpdateFirmware.req — the harness served all of it',
      });
    });

    await step(7, 'FirmwareStatusNotification Installing (OCTT steps 7–8)', () =>
      flow.next('Installing', {
        within: slowStepMs(cfg),
        requirement: `${FIRMWARE_NOTIFIES}: Installing while the firmware is being installed (§7.25)`,
      }));

    await step(11, 'FirmwareStatusNotification InstallationFailed (OCTT steps 9–12)', () =>
      flow.next('InstallationFailed', {
        within: slowStepMs(cfg),
        requirement: `${FIRMWARE_NOTIFIES}; §5.19 (errata 3.48): only a "valid" image is installed — this one fails its check: InstallationFailed (§7.25)`,
      }));

    await step(13, 'The old firmware stays: connectors that went Unavailable report Available again', () =>
      connectorsAvailableAgain(flow.link, cfg, flow.rebooted ? 0 : flow.startIndex,
        'OCPP 1.6 §4.9, §5.19: the installation failed, the charge point goes on with its old firmware; connectors set Unavailable for it are Available again', 'fails'));
  } finally {
    files.store.unserve(path);
  }
});
