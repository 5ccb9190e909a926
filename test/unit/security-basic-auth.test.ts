// HTTP Basic authentication as the whitepaper defines it (§2.3, §2.4): identity and AuthorizationKey.
import { expect } from 'chai';
import { authorizationKeyProblems, basicAuthHeader, checkBasicAuth } from '../../harness/security/basic-auth.js';

const KEY = '0011223344556677889900aabbccddeeff001122'; // 40 hex characters = 20 bytes, the maximum
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

describe('security: HTTP Basic auth (username = identity, password = AuthorizationKey)', () => {
  it('builds and accepts base64(identity:key), the key text as configured', () => {
    const header = basicAuthHeader('CP001', KEY);
    expect(header).to.equal(`Basic ${b64(`CP001:${KEY}`)}`);
    expect(checkBasicAuth(header, 'CP001', KEY)).to.deep.equal({ ok: true });
    expect(checkBasicAuth(`basic ${b64(`CP001:${KEY}`)}`, 'CP001', KEY)).to.deep.equal({ ok: true });
  });

  it('says why it refuses, without ever quoting the password', () => {
    const cases: [string | undefined, string][] = [
      [undefined, 'BASIC_AUTH_MISSING'],
      ['Bearer abc', 'BASIC_AUTH_NOT_BASIC'],
      ['Basic !!!', 'BASIC_AUTH_MALFORMED'],
      [`Basic ${b64('no-colon')}`, 'BASIC_AUTH_MALFORMED'],
      [basicAuthHeader('CP002', KEY), 'BASIC_AUTH_WRONG_USER'],
      [basicAuthHeader('CP001', 'wrong-password-123'), 'BASIC_AUTH_WRONG_PASSWORD'],
      [basicAuthHeader('CP001', KEY.toUpperCase()), 'BASIC_AUTH_WRONG_PASSWORD'],
      [`Basic ${b64(Buffer.concat([Buffer.from('CP001:'), Buffer.from(KEY, 'hex')]))}`, 'BASIC_AUTH_HEX_DECODED'],
    ];
    for (const [header, code] of cases) {
      const verdict = checkBasicAuth(header, 'CP001', KEY);
      expect(verdict.ok, String(header)).to.equal(false);
      if (!verdict.ok) {
        expect(verdict.code, String(header)).to.equal(code);
        expect(verdict.reason, String(header)).to.not.include(KEY).and.not.include('wrong-password-123');
      }
    }
  });

  it('checks an AuthorizationKey value: 16–40 hexadecimal characters (A00.FR.205, TC_085_CS)', () => {
    expect(authorizationKeyProblems(KEY)).to.deep.equal([]);
    expect(authorizationKeyProblems('0011223344556677')).to.deep.equal([]);
    expect(authorizationKeyProblems('00112233')).to.have.length(1);
    expect(authorizationKeyProblems(`${KEY}00`)).to.have.length(1);
    expect(authorizationKeyProblems('not-hexadecimal-at-all')).to.deep.equal(['not hexadecimal (A00.FR.205/304: "Hexadecimal represented")']);
  });
});
