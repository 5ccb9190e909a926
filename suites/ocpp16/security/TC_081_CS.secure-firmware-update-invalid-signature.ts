import { defineCase } from '../../../harness/dsl/define-case.js';
import { requireFirmwareManagement } from './security-prerequisites.js';
import { slowStepMs } from '../firmware/firmware-cs-steps.js';
import { serveSignedImage } from './signed-firmware-cs-steps.js';
import { WHITEPAPER } from './security-cs-steps.js';

export default defineCase({
  id: 'TC_081_CS',
  title: 'Secure Firmware Update - Invalid Signature',
  ocpp: '1.6', profile: 'Security', sut: 'ChargePoint',
  octt: { table: 97, follows: '2024-04' },
  securityProfiles: [2, 1, 3],
  purpose: 'The charge point downloads a firmware image whose signature does not verify and reports InvalidSignature instead of installing it.',
  refs: [`${WHITEPAPER} L01 Secure Firmware Update`, `${WHITEPAPER} §4.5 SignedUpdateFirmware, SignedFirmwareStatusNotification`],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 97; ours: the image is served by the harness and signed with the run PKI\'s firmware-signing key, the last byte of the signature flipped.',
}, async (t) => {
  const { csms, cfg, step } = t;
  requireFirmwareManagement(t, 97, 'ChargePoint');
  const cp = await csms.booted();
  const served = await serveSignedImage(t, 'TC_081_CS', { badSignature: true });
  const requestId = Math.floor(Math.random() * 1_000_000);
  try {
    const sent = await step(1, 'SignedUpdateFirmware with an invalid signature: Accepted (steps 1–2)', () =>
      cp.call('SignedUpdateFirmware', { requestId, firmware: served.firmware }, {
        expect: { status: 'Accepted' }, requirement: `OCTT Table 97 step 2; ${WHITEPAPER} L01: a valid signing certificate: Accepted`,
      }));
    const notify = (status: string, n: number, after: number) => step(n, `SignedFirmwareStatusNotification ${status} (steps ${n}–${n + 1})`, () =>
      cp.expectCall('SignedFirmwareStatusNotification', { after, within: slowStepMs(cfg), match: { status }, requirement: `OCTT Table 97 step ${n}; ${WHITEPAPER} L01: ${status}` }));
    const downloading = await notify('Downloading', 3, sent.answer.seq);
    const downloaded = await notify('Downloaded', 5, downloading.event.seq);
    await notify('InvalidSignature', 7, downloaded.event.seq);
  } finally {
    served.files.store.unserve(served.path);
  }
});
