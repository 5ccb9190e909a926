// TC_080_CS / TC_081_CS (Tables 96, 97): SignedUpdateFirmware with an image served by the harness,
// signed with the run PKI's firmware-signing key (a byte of the signature flipped for TC_081).
import { sign } from 'node:crypto';
import type { ChargePointSutContext } from '../../../harness/dsl/context.js';
import type { FileServers } from '../../../harness/files/file-servers.js';
import { firmwareImage } from '../../../harness/files/firmware-image.js';
import { casePath, cpTransport, urlFor } from '../firmware/firmware-cs-steps.js';
import { pkiPem } from './security-cs-steps.js';

export interface SignedImage { location: string; path: string; image: Buffer; files: FileServers; firmware: Record<string, unknown> }

export async function serveSignedImage(t: ChargePointSutContext, caseId: string, opts: { badSignature: boolean }): Promise<SignedImage> {
  const { csms, cfg, notApplicable } = t;
  const certificate = await pkiPem(cfg, 'firmware-signing');
  const key = await pkiPem(cfg, 'firmware-signing', 'key');
  if (!certificate || !key) return notApplicable('the run has no PKI (security.pkiDir) with a firmware signing certificate');
  const transport = cpTransport({ cfg, notApplicable }, 'http');
  const files = await csms.files();
  const version = `3.0.0-signed.${Date.now().toString(36)}`;
  const image = firmwareImage({ bytes: 32 * 1024, version, seed: 801 });
  const path = casePath('firmware', caseId, `firmware-${version}.bin`);
  files.store.serve(path, image);
  const signature = sign('sha256', image, key);
  if (opts.badSignature) signature[signature.length - 1] ^= 0xff;
  return {
    location: urlFor(files, transport, path), path, image, files,
    firmware: { location: urlFor(files, transport, path), retrieveDateTime: new Date().toISOString(), signingCertificate: certificate, signature: signature.toString('base64') },
  };
}
