// The `security` section of the configuration: validated with clear messages, resolved into what the
// transports need, and a PKI made per run when profile 2 or 3 has none.
import { X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { ConfigError, resolveConfig } from '../../harness/config/load.js';
import { PkiError } from '../../harness/security/load-pki.js';
import { clientSecurity, ensureRunPki, preflightSecurity, serverHosts, serverSecurity } from '../../harness/security/security-settings.js';

function problems(data: unknown): readonly string[] {
  try {
    resolveConfig(data);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  return undefined;
}

describe('security: configuration', () => {
  it('accepts a security section and refuses a wrong profile, an unknown field, a key without its certificate', () => {
    expect(problems({ security: { profile: 3, pkiDir: 'pki', cpoName: 'Acme', keyType: 'rsa', tlsMaxVersion: 'TLSv1.3' } })).to.deep.equal([]);
    expect(problems({ security: { profile: 4 } })).to.deep.equal(['security.profile: must be equal to one of the allowed values']);
    expect(problems({ security: { profil: 2 } })).to.deep.equal(['unknown field "profil" in security (did you mean "profile"?)']);
    expect(problems({ security: { profile: 3, key: 'k.pem' } })).to.deep.equal(['security.cert: required when key is given']);
    expect(problems({ security: { tlsMaxVersion: 'TLSv1.1' } })).to.deep.equal(['security.tlsMaxVersion: must be equal to one of the allowed values']);
  });

  it('the command line merges into the file\'s security section', () => {
    const cfg = resolveConfig({ security: { profile: 1, basicAuthPassword: '0011223344556677' } }, { security: { profile: 2, pkiDir: 'p' } });
    expect(cfg.security).to.deep.equal({ profile: 2, basicAuthPassword: '0011223344556677', pkiDir: 'p' });
  });

  it('profiles 1 and 2 need a password; a missing PKI or file is a clear error', async () => {
    const noPassword = await rejection(preflightSecurity(resolveConfig({ security: { profile: 1 } })));
    expect(noPassword).to.be.instanceOf(PkiError);
    expect(String(noPassword)).to.contain('security profile 1 needs security.basicAuthPassword');
    // the older top-level basicAuthPassword still counts
    expect(await rejection(preflightSecurity(resolveConfig({ basicAuthPassword: '0011223344556677', security: { profile: 1 } })))).to.equal(undefined);
    const missingDir = await rejection(preflightSecurity(resolveConfig({ security: { profile: 3, pkiDir: '/nonexistent/pki' } })));
    expect(String(missingDir)).to.contain('no pki.json (make one with: ocpp-harness pki init /nonexistent/pki)');
    const missingFile = await rejection(preflightSecurity(resolveConfig({ security: { profile: 3, ca: '/nonexistent/ca.pem' } })));
    expect(String(missingFile)).to.contain('cannot read /nonexistent/ca.pem: ENOENT');
  });

  it('server certificate hosts: a wildcard listen address means the loopback names', () => {
    expect(serverHosts(['0.0.0.0', ''])).to.deep.equal(['127.0.0.1', 'localhost']);
    expect(serverHosts(['192.0.2.7', 'csms.example'])).to.deep.equal(['192.0.2.7', 'csms.example']);
  });

  describe('a PKI per run', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'ocpp-harness-run-'));
    });
    afterEach(() => rm(dir, { recursive: true, force: true }));

    it('profile 2 without certificates: made in <reportDir>/pki and used by both roles', async () => {
      const cfg = resolveConfig({ security: { profile: 2, basicAuthPassword: '0011223344556677' } });
      const made = await ensureRunPki(cfg, dir, ['0.0.0.0']);
      expect(made).to.equal(join(dir, 'pki'));
      expect(cfg.security?.pkiDir).to.equal(made);
      expect(existsSync(join(dir, 'pki', 'pki.json'))).to.equal(true);
      const server = await serverSecurity(cfg);
      expect(server.basicAuthPassword).to.equal('0011223344556677');
      // both server certificates, the default (EC) first: A00.FR.317's RSA and ECDSA suites both work
      const certs = server.tls?.cert as string[];
      expect(certs).to.have.length(2);
      expect(new X509Certificate(certs[0]!).publicKey.asymmetricKeyType).to.equal('ec');
      expect(new X509Certificate(certs[1]!).publicKey.asymmetricKeyType).to.equal('rsa');
      expect(server.tls?.key).to.have.length(2);
      expect(server.tls?.requireClientCertificate).to.equal(false);
      const client = await clientSecurity(cfg);
      expect(client.tls?.ca).to.contain('BEGIN CERTIFICATE');
      expect(client.tls?.cert).to.equal(undefined); // profile 2: no client certificate
    });

    it('profile 3: the client certificate and the CA for client certificates; no password', async () => {
      const cfg = resolveConfig({ security: { profile: 3 } });
      await ensureRunPki(cfg, dir, ['127.0.0.1']);
      const server = await serverSecurity(cfg);
      expect(server.tls?.requireClientCertificate).to.equal(true);
      expect(server.tls?.ca).to.contain('BEGIN CERTIFICATE');
      expect(server.basicAuthPassword).to.equal(undefined);
      const client = await clientSecurity(cfg);
      expect(client.tls?.cert).to.contain('BEGIN CERTIFICATE');
      expect(client.tls?.key).to.contain('PRIVATE KEY');
    });

    it('makes none at profiles 0 and 1, or when a PKI directory is given', async () => {
      for (const security of [{ profile: 0 }, { profile: 1, basicAuthPassword: 'x' }, { profile: 2, pkiDir: 'given' }] as const) {
        const cfg = resolveConfig({ security });
        expect(await ensureRunPki(cfg, dir, ['127.0.0.1'])).to.equal(undefined);
      }
      expect(existsSync(join(dir, 'pki'))).to.equal(false);
    });
  });
});
