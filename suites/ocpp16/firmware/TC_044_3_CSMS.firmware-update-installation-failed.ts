import { defineCase } from '../../../harness/dsl/define-case.js';
import { ExpectationUnmet } from '../../../harness/dsl/errors.js';
import { checkFirmwareImage, corruptFirmwareImage } from '../../../harness/files/firmware-image.js';
import { firmwareStatus, receiveUpdateFirmware, reportConnectors, transportFor, untilRetrieveDate, DOWNLOAD_SERVED } from './firmware-steps.js';

export default defineCase({
  id: 'TC_044_3_CSMS',
  title: 'Firmware Update - Installation Failed',
  ocpp: '1.6',
  profile: 'FirmwareManagement',
  sut: 'Csms',
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
}, async ({ cp, sut, cfg, step, note, sleep, transfers }) => {
  const link = await cp.booted();

  const request = await step(1, 'The CSMS sends UpdateFirmware with a location and a retrieveDate; the charge point answers (steps 1–2)', () =>
    receiveUpdateFirmware({ sut, cfg }, link, transportFor(cfg, 'ftp')));

  const image = await step(3, 'After retrieveDate: FirmwareStatusNotification Downloading, and the download from the location (steps 3–4)', async () => {
    await untilRetrieveDate({ cfg, note, sleep }, request.retrieveDate);
    await firmwareStatus(link, 'Downloading');
    return transfers.downloadFrom(request.location, { requirement: DOWNLOAD_SERVED });
  });
  if (!image) {
    await firmwareStatus(link, 'DownloadFailed');
    throw new ExpectationUnmet(`the firmware could not be downloaded from ${request.location}: the update cannot go on`);
  }
  note(`downloaded ${image.bytes.length} bytes, sha256 ${image.sha256}`);

  await step(5, 'FirmwareStatusNotification Downloaded; the CSMS answers (steps 5–6)', () => firmwareStatus(link, 'Downloaded'));

  await step(7, 'StatusNotification Unavailable for connector 0 and every connector; the CSMS answers (steps 7–8)', () =>
    reportConnectors(link, cfg, 'Unavailable'));

  await step(9, 'FirmwareStatusNotification Installing; the installation fails its image check and the charge point reboots (steps 9–10)', async () => {
    await firmwareStatus(link, 'Installing');
    const check = checkFirmwareImage(corruptFirmwareImage(image.bytes));
    note(`simulated failure: the installed copy has one byte changed; the image check says: ${check.valid ? 'valid (unexpected)' : check.reason}`);
    await link.close(1001, 'firmware installation failed: rebooting on the old firmware');
  });

  const rebooted = await cp.reconnect();
  await step(11, 'After the reboot: BootNotification; the CSMS accepts it (steps 11–12)', async () => {
    const boot = await rebooted.call('BootNotification', { chargePointVendor: 'ocpp-harness', chargePointModel: 'virtual-cp' }, {
      expect: { status: 'Accepted', interval: { minimum: 0 } },
      requirement: 'OCPP 1.6 §4.2: the CSMS answers the BootNotification a charge point sends after a reboot with its status, current time and heartbeat interval; a known charge point is Accepted',
    });
    if (boot.payload.status === 'Accepted') rebooted.link.state.bootStatus = 'Accepted';
  });

  await step(13, 'StatusNotification Available for connector 0 and every connector; the CSMS answers (steps 13–14)', () =>
    reportConnectors(rebooted, cfg, 'Available'));

  await step(15, 'FirmwareStatusNotification InstallationFailed; the CSMS answers (steps 15–16)', () => firmwareStatus(rebooted, 'InstallationFailed'));
});
