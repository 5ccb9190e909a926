// Tables 187 and 188 (secure firmware update with the CSMS under test): the CSMS sends
// SignedUpdateFirmware with the configured location, signing certificate and signature; the harness
// charge point downloads the image for real and verifies the signature against the manufacturer root.
// Not a case (discovery only loads files named TC_… / X…).
import type { CaseLink } from '../../../harness/dsl/case-link.js';
import type { CsmsSutContext } from '../../../harness/dsl/context.js';
import { ExpectationUnmet } from '../../../harness/dsl/errors.js';
import { firmwareImage } from '../../../harness/files/firmware-image.js';
import { signFirmware, verifyFirmware } from '../../../harness/security/firmware-signature.js';
import { DOWNLOAD_SERVED, OFFERED_FIRMWARE_VERSION, transportFor, withHarnessFiles } from '../firmware/firmware-steps.js';
import { firmwareSigning } from './security-csms-steps.js';

export const SIGNED_STATUS_ANSWERED = 'Security Whitepaper ed. 3 §5.13: the Central System answers SignedFirmwareStatusNotification.req with SignedFirmwareStatusNotification.conf';

export function signedStatus(link: CaseLink, status: string, requestId: number) {
  return link.call('SignedFirmwareStatusNotification', { status, requestId }, { requirement: SIGNED_STATUS_ANSWERED });
}

/** The image the harness serves (the same bytes as firmware-steps.ts's offered firmware). */
function offeredImage(): Buffer {
  return firmwareImage({ bytes: 48 * 1024, version: OFFERED_FIRMWARE_VERSION, seed: 44 });
}

/**
 * Steps 1–6: SignedUpdateFirmware with the test data (a valid signature, or with `invalidSignature` one
 * over other bytes), the charge point accepts, Downloading, the real download, Downloaded. Returns what
 * the signature check of the downloaded image says, and the requestId.
 */
export async function signedUpdateAndDownload(t: Pick<CsmsSutContext, 'cp' | 'cfg' | 'sut' | 'step' | 'transfers' | 'note'>, link: CaseLink, table: number, invalidSignature: boolean) {
  const signing = await firmwareSigning(t.cfg);
  const image = offeredImage();
  const signature = invalidSignature ? signFirmware(Buffer.concat([image, Buffer.from('not the image')]), signing.keyPem) : signFirmware(image, signing.keyPem);
  const requestId = table;
  return withHarnessFiles(t.cfg, async (files) => {
    const location = files.firmware(transportFor(t.cfg, 'http'));
    const request = await t.step(1, `The CSMS sends SignedUpdateFirmware with the configured location, signing certificate and ${invalidSignature ? 'an invalid' : 'the configured'} signature; the charge point accepts (steps 1–2)`, async () => {
      await t.sut.do('SignedUpdateFirmware', {
        requestId, firmware: { location, retrieveDateTime: new Date().toISOString(), signingCertificate: signing.certificate, signature },
      });
      const call = await link.expectCall('SignedUpdateFirmware', {
        match: { 'firmware.location': location, 'firmware.signature': signature, ...(invalidSignature ? {} : { 'firmware.signingCertificate': signing.certificate }) },
        requirement: invalidSignature
          ? `OCTT Table ${table} step 1: firmware.location is the firmware download URL of the test data, firmware.signature the invalid signature (whitepaper §5.15)`
          : `OCTT Table ${table} step 1: firmware.location, signature and signingCertificate are the configured ones (whitepaper §5.15)`,
      });
      await call.replied;
      return call.frame.payload;
    });
    const firmware = (request.firmware ?? {}) as Record<string, unknown>;
    const id = typeof request.requestId === 'number' ? request.requestId : requestId;
    const downloaded = await t.step(3, 'SignedFirmwareStatusNotification Downloading, and the download from the location (steps 3–4)', async () => {
      await signedStatus(link, 'Downloading', id);
      return t.transfers.downloadFrom(String(firmware.location ?? location), { requirement: DOWNLOAD_SERVED, octt: 'not-checked' });
    });
    if (!downloaded) {
      await signedStatus(link, 'DownloadFailed', id);
      throw new ExpectationUnmet('the signed firmware could not be downloaded: the update cannot go on');
    }
    await t.step(5, 'SignedFirmwareStatusNotification Downloaded; the CSMS answers (steps 5–6)', () => signedStatus(link, 'Downloaded', id));
    const verdict = verifyFirmware(downloaded.bytes, String(firmware.signature ?? ''), String(firmware.signingCertificate ?? ''), [signing.manufacturerRoot]);
    t.note(verdict.ok ? 'the firmware signature verifies against the manufacturer root' : `the firmware signature check: ${verdict.status} (${verdict.why})`);
    return { verdict, requestId: id };
  });
}
