// Real TLS on 127.0.0.1 (port 0) between the harness's own wss:// server (harness = CSMS) and its own
// wss:// client (harness = charge point), with the generated test PKI: what succeeds, what is refused
// and why, and what the trace records of each handshake.
import { OCPP16_MODULE } from '../../harness/versions/ocpp16/module.js';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import { expect } from 'chai';
import WebSocket from 'ws';
import { defaultConfig } from '../../harness/config/defaults.js';
import type { HarnessConfig } from '../../harness/config/types.js';
import { ChargePointRole } from '../../harness/roles/charge-point-role.js';
import { CsmsRole } from '../../harness/roles/csms-role.js';
import { schemaRegistry } from '../../harness/schema/registry.js';
import { isWhitepaperSuite } from '../../harness/security/cipher-suites.js';
import type { PkiEntryName } from '../../harness/security/pki-layout.js';
import { clientSecurity, serverSecurity, type ServerSecurity } from '../../harness/security/security-settings.js';
import { TraceHub } from '../../harness/trace/recorder.js';
import type { TraceEvent } from '../../harness/trace/types.js';
import { dial, DialError } from '../../harness/transport/client.js';
import type { FrameChannel } from '../../harness/transport/frame-channel.js';
import { WsServerEndpoint } from '../../harness/transport/server.js';
import { makeTestPki, type TestPki } from '../support/test-pki.js';

const KEY = '0011223344556677889900aabbccddeeff001122';
type Tls = Extract<TraceEvent, { kind: 'tls' }>;
type Open = Extract<TraceEvent, { kind: 'ws-open' }>;
const tlsEvents = (hub: TraceHub) => hub.recorder.events.filter((e): e is Tls => e.kind === 'tls');
const opens = (hub: TraceHub) => hub.recorder.events.filter((e): e is Open => e.kind === 'ws-open');
const settle = () => new Promise((r) => setTimeout(r, 100));

describe('security: TLS and Basic auth on real sockets (harness server ⇄ harness client)', function () {
  this.timeout(30_000);
  let pki: TestPki;
  const servers: WsServerEndpoint[] = [];
  const channels: FrameChannel[] = [];
  before(async () => {
    pki = await makeTestPki({ cpoName: 'Test CPO' });
  });
  afterEach(async () => {
    await Promise.all(channels.splice(0).map((c) => c.close()));
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  after(() => pki.remove());

  async function startServer(security: ServerSecurity): Promise<{ hub: TraceHub; port: number; server: WsServerEndpoint }> {
    const hub = new TraceHub();
    const server = new WsServerEndpoint(hub, { host: '127.0.0.1', port: 0, subprotocol: 'ocpp1.6', maxFrameBytes: 65536, security });
    servers.push(server);
    const { port } = await server.listen();
    return { hub, port, server };
  }
  const tlsServer = (profile: 2 | 3, cert: PkiEntryName = 'csms-server-ec'): ServerSecurity => ({
    profile, ...(profile === 2 ? { basicAuthPassword: KEY } : {}),
    tls: {
      key: pki.key(cert), cert: pki.cert(cert), requireClientCertificate: profile === 3, maxVersion: 'TLSv1.2',
      ...(profile === 3 ? { ca: pki.cert('csms-root-ca'), cpoName: 'Test CPO' } : {}),
    },
  });
  async function connect(port: number, opts: { host?: string; password?: string; client?: PkiEntryName; scheme?: string } = {}) {
    const hub = new TraceHub();
    const scheme = opts.scheme ?? 'wss';
    const promise = dial(hub, {
      url: `${scheme}://${opts.host ?? '127.0.0.1'}:${port}/ocpp`, identity: 'CP001', subprotocols: ['ocpp1.6'],
      ...(opts.password !== undefined ? { password: opts.password } : {}), timeoutMs: 5000, maxFrameBytes: 65536,
      ...(scheme === 'wss' ? {
        tls: {
          ca: pki.cert('csms-root-ca'), maxVersion: 'TLSv1.2' as const,
          ...(opts.client ? { cert: pki.cert(opts.client), key: pki.key(opts.client) } : {}),
        },
      } : {}),
    });
    try {
      const channel = await promise;
      channels.push(channel);
      return { hub, channel, error: undefined };
    } catch (err) {
      return { hub, channel: undefined, error: err as DialError };
    }
  }

  describe('profile 2: server certificate + Basic auth', () => {
    for (const [cert, suite] of [['csms-server-ec', 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256'], ['csms-server-rsa', 'TLS_RSA_WITH_AES_128_GCM_SHA256']] as const) {
      it(`connects with ${cert} over TLS 1.2 with a whitepaper suite, and both traces hold the TLS facts`, async () => {
        const server = await startServer(tlsServer(2, cert));
        const client = await connect(server.port, { password: KEY, host: 'localhost' });
        expect(client.error).to.equal(undefined);
        await settle();
        const clientOpen = opens(client.hub)[0]!;
        expect(clientOpen.tls).to.include({ harnessSide: 'client', protocol: 'TLSv1.2', chain: 'ok', hostCheck: 'ok', servername: 'localhost' });
        expect(clientOpen.tls?.cipher?.standardName).to.equal(suite);
        expect(isWhitepaperSuite(clientOpen.tls!.cipher!.name)).to.equal(true);
        expect(clientOpen.tls?.peerCertificate).to.include({ subject: 'CN=127.0.0.1, O=Test CPO', issuer: 'CN=Test CPO Root CA, O=Test CPO' });
        expect(clientOpen.tls?.peerCertificate?.fingerprint256).to.equal(pki.manifest.entries[cert].fingerprint256);
        expect(clientOpen.tls?.peerCertificate?.validTo).to.equal(pki.manifest.entries[cert].notAfter);
        const [serverTls] = tlsEvents(server.hub);
        expect(serverTls).to.deep.include({ outcome: 'established' });
        expect(serverTls!.facts).to.include({ harnessSide: 'server', protocol: 'TLSv1.2', clientCertificatePresented: false, servername: 'localhost' });
        const serverOpen = opens(server.hub)[0]!;
        expect(serverOpen).to.include({ secure: true, securityProfile: 2 });
        expect(serverOpen.tls?.cipher?.standardName).to.equal(suite);
      });
    }

    it('with both server certificates (A00.FR.317), serves the RSA one to an RSA-only client and the EC one to an ECDSA-only client', async () => {
      const server = await startServer({
        profile: 2, basicAuthPassword: KEY,
        tls: { key: [pki.key('csms-server-ec'), pki.key('csms-server-rsa')], cert: [pki.cert('csms-server-ec'), pki.cert('csms-server-rsa')], requireClientCertificate: false, maxVersion: 'TLSv1.2' },
      });
      const served = (ciphers: string) => new Promise<string>((resolve, reject) => {
        const socket = tlsConnect({ host: '127.0.0.1', port: server.port, ca: pki.cert('csms-root-ca'), maxVersion: 'TLSv1.2', ciphers });
        socket.on('secureConnect', () => {
          resolve(`${socket.getCipher().standardName} ${socket.getPeerCertificate().fingerprint256}`);
          socket.destroy();
        });
        socket.on('error', reject);
      });
      expect(await served('AES256-GCM-SHA384')).to.equal(`TLS_RSA_WITH_AES_256_GCM_SHA384 ${pki.manifest.entries['csms-server-rsa'].fingerprint256}`);
      expect(await served('ECDHE-ECDSA-AES256-GCM-SHA384')).to.equal(`TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 ${pki.manifest.entries['csms-server-ec'].fingerprint256}`);
    });

    it('answers 401 to a wrong or missing password and records why, without the password', async () => {
      const server = await startServer(tlsServer(2));
      const wrong = await connect(server.port, { password: 'ffeeddccbbaa99887766' });
      expect(wrong.error).to.be.instanceOf(DialError);
      expect(wrong.error).to.include({ kind: 'http', status: 401 });
      const missing = await connect(server.port);
      expect(missing.error).to.include({ kind: 'http', status: 401 });
      await settle();
      const refusals = server.hub.recorder.events.filter((e) => e.kind === 'ws-error');
      expect(refusals.map((e) => e.kind === 'ws-error' && [e.status, e.code])).to.deep.equal([[401, 'BASIC_AUTH_WRONG_PASSWORD'], [401, 'BASIC_AUTH_MISSING']]);
      expect(JSON.stringify(server.hub.recorder.events)).to.not.include('ffeeddccbbaa99887766').and.not.include(KEY);
      expect(opens(server.hub)).to.have.length(0);
    });

    const refusedServerCertificates: [PkiEntryName, string][] = [
      ['bad-server-expired', 'CERT_HAS_EXPIRED'],
      ['bad-server-not-yet-valid', 'CERT_NOT_YET_VALID'],
      ['bad-server-wrong-host', 'ERR_TLS_CERT_ALTNAME_INVALID'],
      ['bad-server-untrusted-root', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
    ];
    for (const [cert, code] of refusedServerCertificates) {
      it(`refuses ${cert} as ${code}, before the upgrade request (and its password) is sent`, async () => {
        const server = await startServer(tlsServer(2, cert));
        const client = await connect(server.port, { password: KEY });
        expect(client.error).to.include({ kind: 'tls', code });
        const [tls] = tlsEvents(client.hub);
        expect(tls).to.deep.include({ outcome: 'refused' });
        expect(tls!.error?.code).to.equal(code);
        // The trace shows the certificate that was refused, with the validity the check judged.
        expect(tls!.facts.peerCertificate?.fingerprint256).to.equal(pki.manifest.entries[cert].fingerprint256);
        expect(tls!.facts.peerCertificate?.validFrom).to.equal(pki.manifest.entries[cert].notBefore);
        if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') expect(tls!.facts).to.include({ chain: 'ok', hostCheck: code });
        else expect(tls!.facts.chain).to.equal(code);
        await settle();
        expect(server.hub.recorder.events.filter((e) => e.kind === 'ws-error' || e.kind === 'ws-open')).to.deep.equal([]);
      });
    }

    it('a case can swap the server certificate for new connections (an expired one) and restore it', async () => {
      const { server, port } = await startServer(tlsServer(2));
      expect((await connect(port, { password: KEY })).error).to.equal(undefined);
      server.setServerCertificate({ key: pki.key('bad-server-expired'), cert: pki.cert('bad-server-expired') });
      expect((await connect(port, { password: KEY })).error).to.include({ kind: 'tls', code: 'CERT_HAS_EXPIRED' });
      server.setServerCertificate();
      expect((await connect(port, { password: KEY })).error).to.equal(undefined);
    });

    it('refuses TLS 1.1 and a suite the whitepaper does not list, and records why', async () => {
      const server = await startServer(tlsServer(2, 'csms-server-rsa'));
      const attempt = (options: ConnectionOptions) => new Promise<string>((resolve) => {
        const socket = tlsConnect({ host: '127.0.0.1', port: server.port, rejectUnauthorized: false, ...options });
        socket.on('secureConnect', () => {
          resolve(`connected with ${socket.getProtocol()} ${socket.getCipher().name}`);
          socket.destroy();
        });
        socket.on('error', (err: Error & { code?: string }) => resolve(err.code ?? err.message));
      });
      expect(await attempt({ minVersion: 'TLSv1.1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' })).to.equal('ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION');
      expect(await attempt({ maxVersion: 'TLSv1.2', ciphers: 'AES128-SHA' })).to.equal('ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE');
      expect(await attempt({ maxVersion: 'TLSv1.2', ciphers: 'ECDHE-RSA-AES128-GCM-SHA256' })).to.equal('ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE');
      // the control: a whitepaper suite on the same server connects
      expect(await attempt({ maxVersion: 'TLSv1.2', ciphers: 'AES256-GCM-SHA384' })).to.equal('connected with TLSv1.2 AES256-GCM-SHA384');
      await settle();
      const failed = tlsEvents(server.hub).filter((e) => e.outcome === 'failed').map((e) => [e.error?.code, e.error?.message]);
      expect(failed).to.deep.equal([
        ['ERR_SSL_UNSUPPORTED_PROTOCOL', 'unsupported protocol'],
        ['ERR_SSL_NO_SHARED_CIPHER', 'no shared cipher'],
        ['ERR_SSL_NO_SHARED_CIPHER', 'no shared cipher'],
      ]);
    });

    it('records a plain ws:// connection to the TLS endpoint as a failed handshake', async () => {
      const server = await startServer(tlsServer(2));
      const client = await connect(server.port, { scheme: 'ws', password: KEY });
      expect(client.error).to.be.instanceOf(DialError);
      await settle();
      expect(tlsEvents(server.hub).map((e) => [e.outcome, e.error?.code])).to.deep.equal([['failed', 'ERR_SSL_HTTP_REQUEST']]);
    });
  });

  describe('profile 3: client certificates', () => {
    for (const cert of ['charge-point-ec', 'charge-point-rsa'] as const) {
      it(`accepts ${cert} and records the client certificate the server verified`, async () => {
        const server = await startServer(tlsServer(3));
        const client = await connect(server.port, { client: cert });
        expect(client.error).to.equal(undefined);
        await settle();
        const [tls] = tlsEvents(server.hub);
        expect(tls!.outcome).to.equal('established');
        expect(tls!.facts).to.include({ clientCertificatePresented: true, chain: 'ok' });
        expect(tls!.facts.peerCertificate).to.include({ subject: 'CN=CP001, O=Test CPO', fingerprint256: pki.manifest.entries[cert].fingerprint256 });
        expect(opens(server.hub)[0]).to.include({ securityProfile: 3, authorization: undefined });
      });
    }

    const refusedClients: [PkiEntryName | undefined, string][] = [
      ['bad-client-unknown-ca', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
      [undefined, 'NO_CLIENT_CERTIFICATE'],
    ];
    for (const [cert, code] of refusedClients) {
      it(`terminates the connection of ${cert ?? 'a charger without a certificate'} at the TLS layer (${code})`, async () => {
        const server = await startServer(tlsServer(3));
        const client = await connect(server.port, { ...(cert ? { client: cert } : {}) });
        expect(client.error).to.be.instanceOf(DialError);
        await settle();
        const [tls] = tlsEvents(server.hub);
        expect(tls!.outcome).to.equal('refused');
        expect(tls!.error?.code).to.equal(code);
        expect(tls!.facts.clientCertificatePresented).to.equal(cert !== undefined);
        expect(opens(server.hub)).to.have.length(0);
      });
    }

    it('answers 403 to a valid certificate for another identity (A00.FR.405)', async () => {
      const server = await startServer(tlsServer(3));
      const client = await connect(server.port, { client: 'bad-client-other-identity' });
      expect(client.error).to.include({ kind: 'http', status: 403 });
      await settle();
      const refusal = server.hub.recorder.events.find((e) => e.kind === 'ws-error');
      expect(refusal).to.include({ status: 403, code: 'CLIENT_CERT_WRONG_IDENTITY' });
      expect(tlsEvents(server.hub)[0]!.facts.peerCertificate?.subject).to.equal('CN=CP001-OTHER, O=Test CPO');
    });

    it('the harness roles talk wss:// to each other from a configuration with a PKI directory', async () => {
      const cfg: HarnessConfig = { ...defaultConfig(), security: { profile: 3, pkiDir: pki.dir } };
      const deps = (hub: TraceHub) => ({ hub, registry: schemaRegistry('1.6'), version: OCPP16_MODULE, cfg, maxFrameBytes: 65536, onHarnessError: (err: unknown) => { throw err; } });
      const csmsHub = new TraceHub();
      const csms = new CsmsRole(deps(csmsHub), { host: '127.0.0.1', port: 0, security: await serverSecurity(cfg) });
      const { url } = await csms.start();
      expect(url).to.match(/^wss:\/\/127\.0\.0\.1:\d+\/ocpp$/);
      const cpHub = new TraceHub();
      const cp = new ChargePointRole(deps(cpHub), { url, identity: 'CP001', security: await clientSecurity(cfg) });
      try {
        const link = await cp.connect(5000);
        expect(link.isOpen).to.equal(true);
        await settle();
        expect(opens(cpHub)[0]!.tls?.peerCertificate?.fingerprint256).to.equal(pki.manifest.entries['csms-server-ec'].fingerprint256);
        expect(opens(csmsHub)[0]!.tls?.peerCertificate?.fingerprint256).to.equal(pki.manifest.entries['charge-point-ec'].fingerprint256);
      } finally {
        await cp.close();
        await csms.close();
      }
    });
  });

  describe('profile 1 (Basic auth over ws://) and profile 0', () => {
    it('profile 1: 401 for a wrong password, open for the right one', async () => {
      const server = await startServer({ profile: 1, basicAuthPassword: KEY });
      expect((await connect(server.port, { scheme: 'ws', password: 'x'.repeat(20) })).error).to.include({ status: 401 });
      const good = await connect(server.port, { scheme: 'ws', password: KEY });
      expect(good.error).to.equal(undefined);
      await settle();
      expect(opens(server.hub)[0]).to.include({ secure: false, securityProfile: 1 });
      expect(opens(server.hub)[0]!.tls).to.equal(undefined);
    });

    it('profile 0 (no security given): the connection event has exactly the fields it had before', async () => {
      const hub = new TraceHub();
      const server = new WsServerEndpoint(hub, { host: '127.0.0.1', port: 0, subprotocol: 'ocpp1.6', maxFrameBytes: 65536 });
      servers.push(server);
      const { port } = await server.listen();
      const ws = new WebSocket(`ws://127.0.0.1:${port}/ocpp/CP001`, ['ocpp1.6'], { headers: { authorization: `Basic ${Buffer.from('CP001:anything').toString('base64')}` } });
      await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
      ws.close();
      await settle();
      const open = opens(hub)[0]!;
      expect(Object.keys(open).sort()).to.deep.equal(['authorization', 'basicAuthExpected', 'chosenProtocol', 'conn', 'identity', 'kind', 'offeredProtocols', 'remoteAddress', 'secure', 'seq', 't', 'url', 'wall']);
      expect(tlsEvents(hub)).to.deep.equal([]);
    });
  });
});
