import { defineCase } from '../../../harness/dsl/define-case.js';
import { requireFirmwareManagement } from './security-prerequisites.js';
import { slowStepMs } from '../firmware/firmware-cs-steps.js';
import { serveSignedImage } from './signed-firmware-cs-steps.js';
import { WHITEPAPER } from './security-cs-steps.js';

export default defineCase({
  id: 'TC_080_CS',
  title: 'Secure Firmware Update',
  ocpp: '1.6', profile: 'Security', sut: 'ChargePoint',
  octt: { table: 96, follows: '2024-04' },
  securityProfiles: [2, 1, 3],
  purpose: 'The charge point verifies the signing certificate, downloads the image, verifies its signature, installs it, reboots (BootNotification, connectors Available) and reports Installed.',
  refs: [`${WHITEPAPER} L01 Secure Firmware Update`, `${WHITEPAPER} §4.5 SignedUpdateFirmware, SignedFirmwareStatusNotification`, 'OCPP 1.6 §4.2 BootNotification', 'OCPP 1.6 §4.9 StatusNotification'],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 96; ours: the image is served by the harness (HTTP where declared) and signed with the run PKI\'s firmware-signing key; the whole image must have been downloaded before Downloaded.',
  deviations: [{ what: 'That the whole image was downloaded before Downloaded is judged from the file servers (transfer.failed)', why: 'a Downloaded the charger never earned would pass the table', source: `${WHITEPAPER} L01` }],
}, async (t) => {
  const { csms, cfg, step } = t;
  requireFirmwareManagement(t, 96, 'ChargePoint');
  const cp = await csms.booted();
  const served = await serveSignedImage(t, 'TC_080_CS', { badSignature: false });
  const requestId = Math.floor(Math.random() * 1_000_000);
  try {
    const sent = await step(1, 'SignedUpdateFirmware with the harness\'s location: Accepted (steps 1–2)', () =>
      cp.call('SignedUpdateFirmware', { requestId, firmware: served.firmware }, {
        expect: { status: 'Accepted' }, requirement: `OCTT Table 96 step 2; ${WHITEPAPER} L01: Accepted`,
      }));
    const notify = (status: string, n: number, after: number, link = cp) => step(n, `SignedFirmwareStatusNotification ${status} (steps ${n}–${n + 1})`, () =>
      link.expectCall('SignedFirmwareStatusNotification', { after, within: slowStepMs(cfg), match: { status }, requirement: `OCTT Table 96 step ${n}; ${WHITEPAPER} L01: ${status}` }));
    const downloading = await notify('Downloading', 3, sent.answer.seq);
    const downloaded = await notify('Downloaded', 5, downloading.event.seq);
    await csms.expectTransfer({
      direction: 'download', location: served.location, path: served.path, after: sent.call.seq, minBytes: served.image.length,
      claim: `SignedFirmwareStatusNotification Downloaded (frame #${downloaded.event.seq})`, octt: 'not-checked',
      requirement: `${WHITEPAPER} L01: Downloaded means the firmware was downloaded from the location — the harness served all of it`,
    });
    const verified = await notify('SignatureVerified', 7, downloaded.event.seq);
    await notify('Installing', 9, verified.event.seq);
    const next = await step(11, 'The charge point reboots: BootNotification, answered Accepted (steps 11–12)', async () => {
      const link = await csms.nextConnection({ requirement: `OCTT Table 96 step 11: the charge point boots the new firmware` });
      const boot = await link.expectCall('BootNotification', { within: slowStepMs(cfg), requirement: `OCTT Table 96 step 11: BootNotification` });
      await boot.replied;
      return link;
    });
    await step(15, 'StatusNotification Available for connector 0 and every connector (steps 15–16; the order of 11/13/15/17 may differ)', async () => {
      for (const connectorId of [0, ...cfg.connectorIds]) {
        await next.expectCall('StatusNotification', { where: { connectorId }, match: { status: 'Available' }, requirement: `OCTT Table 96 step 15: the status is Available` });
      }
    });
    await step(17, 'SignedFirmwareStatusNotification Installed (steps 17–18)', () =>
      next.expectCall('SignedFirmwareStatusNotification', { within: slowStepMs(cfg), match: { status: 'Installed' }, requirement: `OCTT Table 96 step 17; ${WHITEPAPER} L01: Installed` }));
  } finally {
    served.files.store.unserve(served.path);
  }
});
