// The 2.0.1 reference CSMS at security profiles 1–3 (Part 2 A00), dialled with the `ws` client over real
// sockets: whom it admits (Basic auth identity:password; at 3 a client certificate whose CN is the
// identity) and that profiles 2 and 3 are wss:// with the PKI's server certificate.
import { expect } from 'chai';
import WebSocket from 'ws';
import { serverSecurity } from '../../../harness/security/security-settings.js';
import type { HarnessConfig } from '../../../harness/config/types.js';
import { ReferenceCsms201 } from '../../../harness/versions/ocpp201/reference/csms.js';
import { runBuiltin, testConfig } from '../../support/run-builtin.js';
import { makeTestPki, type TestPki } from '../../support/test-pki.js';

const PASSWORD = 'ReferenceCsms201Password';

/** Open a WebSocket and report how the upgrade ended: 'open', `http <status>`, or the TLS error code. */
function dial(url: string, opts: WebSocket.ClientOptions): Promise<string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, ['ocpp2.0.1'], opts);
    ws.on('open', () => {
      resolve(`open ${ws.protocol}`);
      ws.close();
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(`http ${res.statusCode}`);
      ws.terminate();
    });
    ws.on('error', (err: Error & { code?: string }) => resolve(`error ${err.code ?? err.message}`));
  });
}

const basic = (identity: string, password: string) => ({ Authorization: `Basic ${Buffer.from(`${identity}:${password}`).toString('base64')}` });

describe('2.0.1 reference CSMS at security profiles 1–3', function () {
  this.timeout(90_000); // block A cases that name other profiles get an environment of their own
  let pki: TestPki;
  const open: ReferenceCsms201[] = [];
  before(async () => {
    pki = await makeTestPki({ identity: 'CS201' });
  });
  after(async () => {
    for (const c of open) await c.close();
    await pki.remove();
  });

  async function start(profile: 1 | 2 | 3): Promise<string> {
    const security = await serverSecurity({ identity: 'CS201', security: { profile, pkiDir: pki.dir, basicAuthPassword: PASSWORD } } as HarnessConfig);
    const csms = new ReferenceCsms201({ security, password: profile < 3 ? PASSWORD : undefined });
    open.push(csms);
    return (await csms.listen()).url;
  }

  it('profile 1: ws:// with Basic auth; a wrong password or another identity gets 401', async () => {
    const url = await start(1);
    expect(url).to.match(/^ws:\/\//);
    expect(await dial(`${url}/CS201`, { headers: basic('CS201', PASSWORD) })).to.equal('open ocpp2.0.1');
    expect(await dial(`${url}/CS201`, { headers: basic('CS201', 'WrongPassword0123') })).to.equal('http 401');
    expect(await dial(`${url}/CS201`, { headers: basic('OTHER', PASSWORD) })).to.equal('http 401');
    expect(await dial(`${url}/CS201`, {})).to.equal('http 401');
  });

  it('profile 2: wss:// with the PKI\'s server certificate, plus Basic auth', async () => {
    const url = await start(2);
    expect(url).to.match(/^wss:\/\//);
    const ca = pki.cert('csms-root-ca');
    expect(await dial(`${url}/CS201`, { ca, headers: basic('CS201', PASSWORD) })).to.equal('open ocpp2.0.1');
    expect(await dial(`${url}/CS201`, { ca, headers: basic('CS201', 'WrongPassword0123') })).to.equal('http 401');
    // A client that trusts another root does not accept the CSMS.
    expect(await dial(`${url}/CS201`, { ca: pki.cert('untrusted-root-ca'), headers: basic('CS201', PASSWORD) })).to.match(/^error /);
  });

  it('profile 3: a client certificate for the identity is required; another identity gets 403, none fails the handshake', async () => {
    const url = await start(3);
    const ca = pki.cert('csms-root-ca');
    const own = { cert: pki.cert('charge-point-ec'), key: pki.key('charge-point-ec') }; // CN = CS201
    expect(await dial(`${url}/CS201`, { ca, ...own })).to.equal('open ocpp2.0.1');
    expect(await dial(`${url}/CP001`, { ca, ...own })).to.equal('http 403');
    expect(await dial(`${url}/CS201`, { ca })).to.match(/^error /);
    expect(await dial(`${url}/CS201`, { ca, cert: pki.cert('bad-client-unknown-ca'), key: pki.key('bad-client-unknown-ca') })).to.match(/^error /);
  });

  for (const profile of [2, 3] as const) {
    it(`the harness as charging station runs every 2.0.1 CSMS case against it at profile ${profile}: all PASS, every connection at that profile over TLS`, async () => {
      const cfg = testConfig('2.0.1');
      cfg.security = { profile, basicAuthPassword: PASSWORD, pkiDir: pki.dir };
      const outcome = await runBuiltin({ sides: ['Csms'], ocpp: '2.0.1', cfg, parallel: 4 });
      const cases = outcome.run.cases;
      const detail = cases.filter((c) => c.verdict !== 'PASS').map((c) => `${c.id} ${c.verdict} ${c.reason ?? ''} ${c.findings.map((f) => f.checkId).join(', ')}`).join('\n');
      expect(cases.length).to.be.greaterThanOrEqual(66);
      expect(cases.filter((c) => c.verdict !== 'PASS').map((c) => c.id), detail).to.deep.equal([]);
      // Cases whose meta names other profiles (block A's Basic-auth tables: 1 or 2) run at one of those.
      const atOtherProfile = new Set(profile === 3 ? ['TC_A_01_CSMS', 'TC_A_03_CSMS'] : []);
      const opens = cases.filter((c) => !atOtherProfile.has(c.id)).flatMap((c) => c.trace.filter((e) => e.kind === 'ws-open'));
      expect(opens.length).to.be.greaterThanOrEqual(cases.length - atOtherProfile.size);
      for (const o of opens) expect([o.kind === 'ws-open' && o.securityProfile, o.kind === 'ws-open' && o.tls?.protocol]).to.deep.equal([profile, 'TLSv1.2']);
    });
  }
});
