import { createHash } from 'node:crypto';
import { expect } from 'chai';
import {
  checkFirmwareImage, corruptFirmwareImage, firmwareImage, minimumImageBytes, truncatedFirmwareImage,
} from '../../harness/files/firmware-image.js';

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

describe('files: firmware test images', () => {
  it('are exactly N bytes and deterministic: same options, same bytes; another seed, other bytes', () => {
    const a = firmwareImage({ bytes: 100_003, version: '1.2.3', seed: 7 });
    expect(a.length).to.equal(100_003);
    expect(sha256(firmwareImage({ bytes: 100_003, version: '1.2.3', seed: 7 }))).to.equal(sha256(a));
    expect(sha256(firmwareImage({ bytes: 100_003, version: '1.2.3', seed: 8 }))).to.not.equal(sha256(a));
  });

  it('have a stable layout, so an expected SHA-256 can be written into a case', () => {
    // Pinned: changing the generator changes every published checksum.
    expect(sha256(firmwareImage({ bytes: 1024 }))).to.equal(PINNED_1K_SHA256);
  });

  it('check themselves: the intact image is valid and names its version', () => {
    expect(checkFirmwareImage(firmwareImage({ bytes: 4096, version: '2.0.0-rc1' }))).to.deep.equal({ valid: true, version: '2.0.0-rc1' });
    expect(checkFirmwareImage(firmwareImage({ bytes: minimumImageBytes('1.0.0') }))).to.deep.equal({ valid: true, version: '1.0.0' });
  });

  it('corrupt and truncated variants fail the check (for InstallationFailed)', () => {
    const image = firmwareImage({ bytes: 65_536 });
    const corrupt = corruptFirmwareImage(image);
    expect(corrupt.length).to.equal(image.length);
    expect(checkFirmwareImage(corrupt)).to.deep.equal({ valid: false, reason: 'checksum mismatch (corrupt image)' });
    expect(checkFirmwareImage(truncatedFirmwareImage(image))).to.deep.include({ valid: false });
    expect(truncatedFirmwareImage(image).length).to.equal(32_768);
    expect(checkFirmwareImage(Buffer.from('MZ not firmware, just some bytes long enough for a header'))).to.deep.include({ valid: false });
    expect(checkFirmwareImage(image)).to.deep.include({ valid: true }); // the variants are copies
  });

  it('refuses sizes too small to hold header and checksum', () => {
    expect(() => firmwareImage({ bytes: 10 })).to.throw(RangeError);
  });
});

const PINNED_1K_SHA256 = '8d897dd59e21598a0c8c228913ca06674337b52acce873fafd06aec998ffdaf7';
