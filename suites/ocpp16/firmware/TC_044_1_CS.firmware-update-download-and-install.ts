import { defineCase } from '../../../harness/dsl/define-case.js';
import { firmwareImage } from '../../../harness/files/firmware-image.js';
import { callsFromNow, casePath, cpTransport, FIRMWARE_NOTIFIES, FirmwareFlow, slowStepMs, urlFor } from './firmware-cs-steps.js';

const IMAGE_BYTES = 64 * 1024;

export default defineCase({
  id: 'TC_044_1_CS',
  title: 'Firmware Update - Download and Install',
  ocpp: '1.6',
  profile: 'FirmwareManagement',
  sut: 'ChargePoint',
  octt: { table: 55, follows: '2024-04' },
  purpose: 'The charge point downloads the firmware image the harness serves from the location of UpdateFirmware (really, completely), reports Downloading, Downloaded and Installing, reboots into it (BootNotification, every connector Available) and reports Installed.',
  refs: [
    'OCPP 1.6 §5.19 Update Firmware (errata 3.47, 3.48)',
    'OCPP 1.6 §6.55 UpdateFirmware.req',
    'OCPP 1.6 §4.5 Firmware Status Notification (errata 3.12)',
    'OCPP 1.6 §7.25 FirmwareStatus',
    'OCPP 1.6 §8.1 Download Firmware',
    'OCPP 1.6 §4.2 BootNotification',
    'OCPP 1.6 §4.9 StatusNotification',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 55; ours: the harness serves an ocpp-harness image over HTTP where declared, retrieveDate now, and the reboot after Installing.',
  deviations: [
    { what: 'Step 1: UpdateFirmware is answered with UpdateFirmware.conf (MUST, OCTT not-checked)', why: 'the table validates only the request', source: 'OCPP 1.6 §5.19' },
    { what: 'Step 13: after a reboot, BootNotification comes before any other request (MUST, OCTT not-checked)', why: 'the table names the BootNotification but validates nothing in it', source: 'OCPP 1.6 §4.2' },
    { what: 'That the whole image was downloaded before Downloaded is judged from the file servers (transfer.failed)', why: 'a Downloaded the charger never earned would pass the table', source: 'OCPP 1.6 §4.5, §7.25' },
  ],
}, async ({ csms, cfg, step, note, notApplicable }) => {
  const transport = cpTransport({ cfg, notApplicable }, 'http');
  const cp = await step(0, 'The charge point is connected and its boot accepted', () => csms.booted());
  const files = await csms.files();
  const version = `2.0.0-harness.${Date.now().toString(36)}`;
  const image = firmwareImage({ bytes: IMAGE_BYTES, version, seed: 441 });
  const path = casePath('firmware', 'TC_044_1_CS', `firmware-${version}.bin`);
  const location = urlFor(files, transport, path);
  files.store.serve(path, image);
  try {
    const flow = await step(1, `UpdateFirmware: location ${transport.toUpperCase()} on the harness, retrieveDate now; the charge point answers (OCTT steps 1–2)`, async () => {
      note(`serving firmware ${version} (${image.length} bytes) at ${location}`);
      const from = callsFromNow(cp);
      const res = await cp.call('UpdateFirmware', { location, retrieveDate: new Date().toISOString() }, {
        octt: 'not-checked', // the table validates nothing in UpdateFirmware.conf
        requirement: 'OCPP 1.6 §5.19: upon receipt of UpdateFirmware.req the charge point SHALL respond with UpdateFirmware.conf',
      });
      return new FirmwareFlow({ csms, cfg, note }, cp, res.call.seq, from);
    });
    const requested = flow.requestedSeq;

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
        direction: 'download', location, path, after: requested, minBytes: image.length,
        claim: `FirmwareStatusNotification Downloaded (frame #${call.event.seq})`, octt: 'not-checked', // ours, see deviations
        requirement: 'OCPP 1.6 §5.19, §8.1, §7.25: Downloaded means the firmware has been downloaded from the location of UpdateFirmware.req — the harness served all of it',
      });
    });

    await step(7, 'FirmwareStatusNotification Installing (OCTT steps 7–8)', () =>
      flow.next('Installing', {
        within: slowStepMs(cfg),
        requirement: `${FIRMWARE_NOTIFIES}; §5.19 (errata 3.48): a valid image SHALL be installed as soon as the charge point is able to: Installing`,
      }));

    await step(13, 'The charge point reboots into the new firmware (BootNotification, every connector Available) and reports Installed (OCTT steps 9–14)', async () => {
      await flow.next('Installed', {
        within: slowStepMs(cfg),
        requirement: `${FIRMWARE_NOTIFIES}: Installed once the new firmware has been installed successfully (§7.25)`,
      });
      if (!flow.rebooted) note('Installed came without a reboot on the same connection (a reboot first is good practice, not a requirement: §5.19)');
    });
  } finally {
    files.store.unserve(path);
  }
});
