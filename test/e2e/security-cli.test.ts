// `ocpp-harness pki init|show` and the security flags of `test`, as a user runs them.
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { runCli } from '../support/cli.js';

describe('security: the pki command and the security flags', function () {
  this.timeout(60_000);
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ocpp-harness-pki-cli-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('pki init makes the PKI for the identity and hosts, RSA when asked, and says what goes where', async () => {
    const pki = join(dir, 'rsa');
    const r = await runCli(['pki', 'init', pki, '--identity', 'CHARGER-7', '--host', 'csms.test', '--host', '127.0.0.1', '--key', 'rsa', '--cpo-name', 'Acme CPO']);
    expect(r.stderr).to.equal('');
    expect(r.code).to.equal(0);
    expect(r.stdout).to.contain(`trust (CentralSystemRootCertificate):   ${join(pki, 'csms-root-ca.crt.pem')}`);
    expect(r.stdout).to.contain(join(pki, 'charge-point-rsa.key.pem'));
    const manifest = JSON.parse(await readFile(join(pki, 'pki.json'), 'utf8'));
    expect(manifest).to.include({ identity: 'CHARGER-7', cpoName: 'Acme CPO', keyKind: 'rsa' });
    const client = new X509Certificate(await readFile(join(pki, 'charge-point-rsa.crt.pem')));
    expect(client.subject).to.equal('CN=CHARGER-7\nO=Acme CPO');
    const server = new X509Certificate(await readFile(join(pki, 'csms-server-rsa.crt.pem')));
    expect(server.subject).to.equal('CN=csms.test\nO=Acme CPO');
    expect(server.subjectAltName).to.equal('DNS:csms.test, IP Address:127.0.0.1');
    const show = await runCli(['pki', 'show', pki]);
    expect(show.code).to.equal(0);
    expect(show.stdout).to.contain('the harness presents (client cert):');
    expect(show.stdout).to.contain('bad-server-expired');
  });

  it('refuses to overwrite a PKI without --force, a bad --key, and show of a directory without one (exit 2)', async () => {
    const pki = join(dir, 'twice');
    expect((await runCli(['pki', 'init', pki])).code).to.equal(0);
    const again = await runCli(['pki', 'init', pki]);
    expect(again.code).to.equal(2);
    expect(again.stderr).to.contain('already holds a PKI (pki.json); use --force');
    expect((await runCli(['pki', 'init', pki, '--force'])).code).to.equal(0);
    const badKey = await runCli(['pki', 'init', join(dir, 'dsa'), '--key', 'dsa']);
    expect(badKey.code).to.equal(2);
    expect(badKey.stderr).to.contain('--key: rsa or ec, got "dsa"');
    const none = await runCli(['pki', 'show', join(dir, 'nothing-here')]);
    expect(none.code).to.equal(2);
    expect(none.stderr).to.contain('no pki.json');
  });

  it('test: --security-profile must be 0–3, a profile-1 run needs a password', async () => {
    const bad = await runCli(['test', 'charge-point', '--builtin', '--security-profile', '5', '--cases', 'TC_001_CS']);
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.contain('--security-profile: 0, 1, 2 or 3, got "5"');
    const noPassword = await runCli(['test', 'charge-point', '--builtin', '--security-profile', '1', '--cases', 'TC_001_CS']);
    expect(noPassword.code).to.equal(2);
    expect(noPassword.stderr).to.contain('security profile 1 needs security.basicAuthPassword');
  });

  it('test --builtin at profile 1: the harness CSMS checks the reference charge point\'s Basic auth, and the case passes', async () => {
    const config = join(dir, 'p1.json');
    await import('node:fs/promises').then((fs) => fs.writeFile(config, JSON.stringify({ security: { profile: 1, basicAuthPassword: '00112233445566778899' } })));
    const report = join(dir, 'report-p1');
    const r = await runCli(['test', 'charge-point', '--builtin', '--config', config, '--cases', 'TC_001_CS', '--report-dir', report, '--quiet']);
    expect(r.code, r.stdout + r.stderr).to.equal(0);
    const trace = await readFile(join(report, 'traces', 'TC_001_CS.jsonl'), 'utf8');
    expect(trace).to.contain('"securityProfile":1');
    expect(trace).to.not.contain('00112233445566778899');
  });
});
