// TC_087_CS step 4 (OCTT Table 102): the client certificate's key is at least 2048 bits (RSA/DSA) or
// 224 bits (elliptic curve), judged from the key the trace records for the peer certificate.
import { expect } from 'chai';
import { weakKey } from '../../harness/checks/security-expectation.js';

describe('client certificate key size (TC_087_CS)', () => {
  it('RSA 2048 and EC P-256 / P-224 pass; RSA 1024 and EC P-192 are too short; unknown is not judged', () => {
    for (const ok of ['RSA-2048', 'RSA-4096', 'EC-P256', 'EC-P224', 'EC-P384', undefined]) expect(weakKey(ok), String(ok)).to.equal(undefined);
    expect(weakKey('RSA-1024')).to.equal('RSA-1024 (fewer than 2048 bits)');
    expect(weakKey('EC-P192')).to.equal('EC-P192 (fewer than 224 bits)');
  });
});
