import { defineCase } from '../../../harness/dsl/define-case.js';
import { callsFromNow, casePath, connectorsAvailableAgain, cpTransport, FIRMWARE_NOTIFIES, FirmwareFlow, slowStepMs, urlFor } from './firmware-cs-steps.js';

export default defineCase({
  id: 'TC_044_2_CS',
  title: 'Firmware Update - Download Failed',
  ocpp: '1.6',
  profile: 'FirmwareManagement',
  sut: 'ChargePoint',
  octt: { table: 56, follows: '2024-04' },
  purpose: 'When the location of UpdateFirmware does not deliver the firmware, the charge point tries it (the harness sees the attempt refused), reports DownloadFailed (after Downloading, which may be left out) and nothing else of the update, and its connectors are Available again.',
  refs: [
    'OCPP 1.6 §5.19 Update Firmware',
    'OCPP 1.6 §6.55 UpdateFirmware.req (retries)',
    'OCPP 1.6 §4.5 Firmware Status Notification (errata 3.12)',
    'OCPP 1.6 §7.25 FirmwareStatus (DownloadFailed)',
    'OCPP 1.6 §8.1 Download Firmware',
    'OCPP 1.6 §4.9 StatusNotification',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 56; ours: the location is on the harness\'s own file server (refused), retrieveDate now.',
  deviations: [
    { what: 'Step 1: UpdateFirmware is answered with UpdateFirmware.conf (MUST, OCTT not-checked)', why: 'the table validates only the request', source: 'OCPP 1.6 §5.19' },
    { what: 'Step 7: connectors the update made Unavailable are Available again (MUST, OCTT not-checked)', why: 'the table\'s expected result (old firmware active), not a tool validation', source: 'OCPP 1.6 §4.9, §5.19' },
    { what: 'The charger\'s attempt at the location must be seen (transfer.failed, outcome attempted: any access, SIZE included)', why: 'a DownloadFailed without an attempt proves nothing', source: 'OCPP 1.6 §5.19, §7.25' },
  ],
}, async ({ csms, cfg, step, note, notApplicable }) => {
  const transport = cpTransport({ cfg, notApplicable }, 'ftp');
  const cp = await step(0, 'The charge point is connected and its boot accepted', () => csms.booted());
  const files = await csms.files();
  const path = casePath('firmware', 'TC_044_2_CS', 'does_not_exist_firmware.bin');
  const location = urlFor(files, transport, path);
  files.store.refuseDownloads(path);
  try {
    const flow = await step(1, `UpdateFirmware: a location on the harness (${transport.toUpperCase()}) that refuses the download, retries 0; the charge point answers (OCTT steps 1–2)`, async () => {
      const from = callsFromNow(cp);
      const res = await cp.call('UpdateFirmware', { location, retrieveDate: new Date().toISOString(), retries: 0 }, {
        octt: 'not-checked', // the table validates nothing in UpdateFirmware.conf
        requirement: 'OCPP 1.6 §5.19: upon receipt of UpdateFirmware.req the charge point SHALL respond with UpdateFirmware.conf',
      });
      return new FirmwareFlow({ csms, cfg, note }, cp, res.call.seq, from);
    });

    const first = await step(3, 'FirmwareStatusNotification Downloading, or at once DownloadFailed (OCTT steps 3–4)', () =>
      flow.next(['Downloading', 'DownloadFailed'], {
        requirement: `${FIRMWARE_NOTIFIES}; §5.19: it SHOULD start retrieving the firmware as soon as possible after retrieveDate (now)`,
      }));

    await step(5, 'FirmwareStatusNotification DownloadFailed, after an attempt the harness refused (OCTT steps 5–6)', async () => {
      const failed = first.frame.payload.status === 'DownloadFailed' ? first : await flow.next('DownloadFailed', {
        within: slowStepMs(cfg),
        requirement: `${FIRMWARE_NOTIFIES}: DownloadFailed when the charge point failed to download the firmware (§7.25)`,
      });
      await csms.expectTransfer({
        direction: 'download', location, path, after: flow.requestedSeq, outcome: 'attempted',
        claim: `FirmwareStatusNotification DownloadFailed (frame #${failed.event.seq})`, octt: 'not-checked', // ours, see deviations
        requirement: 'OCPP 1.6 §5.19, §8.1: the charge point retrieves the firmware from the location of UpdateFirmware.req; DownloadFailed reports that this failed — the harness saw the attempt',
      });
    });

    await step(7, 'The old firmware stays: connectors that went Unavailable report Available again', () =>
      connectorsAvailableAgain(flow.link, cfg, flow.rebooted ? 0 : flow.startIndex,
        'OCPP 1.6 §4.9, §5.19: the update failed, the charge point goes on with its old firmware; connectors set Unavailable for it are Available again', 'not-checked'));
  } finally {
    files.store.allowDownloads(path);
  }
});
