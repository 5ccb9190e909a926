// Secrets of the security profiles never reach a report: the Basic-auth password, AuthorizationKey
// values and private keys, taken from a real profile 2 exchange and written with every report writer.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { redactConfig, resolveConfig } from '../../harness/config/load.js';
import { redactDeep, redactTrace } from '../../harness/report/redact.js';
import { summarise } from '../../harness/report/exit-code.js';
import type { RunResult } from '../../harness/report/result.js';
import { writeReports } from '../../harness/report/write-all.js';
import { TraceHub } from '../../harness/trace/recorder.js';
import type { TraceEvent } from '../../harness/trace/types.js';
import { dial } from '../../harness/transport/client.js';
import { WsServerEndpoint } from '../../harness/transport/server.js';
import { makeTestPki, type TestPki } from '../support/test-pki.js';

const KEY = '00112233445566778899aabbccddeeff01234567';
const WRONG = 'ffeeddccbbaa99887766';

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...await listFiles(path));
    else out.push(path);
  }
  return out;
}

describe('security: secrets are redacted in every report', function () {
  this.timeout(30_000);
  let pki: TestPki;
  before(async () => {
    pki = await makeTestPki();
  });
  after(() => pki.remove());

  it('redactConfig masks security.basicAuthPassword (and the older top-level one) and a pasted private key', () => {
    const cfg = resolveConfig({ basicAuthPassword: 'legacy-pw', security: { profile: 2, basicAuthPassword: KEY, cert: 'client.crt.pem', key: 'client.key.pem' } });
    const red = redactConfig(cfg);
    expect(red.security).to.deep.equal({ profile: 2, basicAuthPassword: '***', cert: 'client.crt.pem', key: 'client.key.pem' });
    expect(red.basicAuthPassword).to.equal('***');
    expect(cfg.security?.basicAuthPassword).to.equal(KEY);
    const pasted = resolveConfig({ security: { profile: 3, cert: 'c.pem', key: pki.key('charge-point-ec') } });
    expect(redactConfig(pasted).security?.key).to.equal('***');
  });

  it('masks values under secret-like names (privKey, clientSecret) besides passwords and keys', () => {
    expect(redactDeep({ privKey: 'abc', clientSecret: 'def', basicAuthPassword: KEY, keep: 'me' }))
      .to.deep.equal({ privKey: '***', clientSecret: '***', basicAuthPassword: '***', keep: 'me' });
  });

  it('no report file holds the password, the AuthorizationKey or a private key from a real profile 2 exchange', async () => {
    const serverHub = new TraceHub();
    const clientHub = new TraceHub();
    const server = new WsServerEndpoint(serverHub, {
      host: '127.0.0.1', port: 0, subprotocol: 'ocpp1.6', maxFrameBytes: 65536,
      security: { profile: 2, basicAuthPassword: KEY, tls: { key: pki.key('csms-server-ec'), cert: pki.cert('csms-server-ec'), requireClientCertificate: false, maxVersion: 'TLSv1.2' } },
    });
    const { port } = await server.listen();
    const dir = await mkdtemp(join(tmpdir(), 'ocpp-harness-redaction-'));
    try {
      const opts = { url: `wss://127.0.0.1:${port}/ocpp`, identity: 'CP001', subprotocols: ['ocpp1.6'], timeoutMs: 5000, maxFrameBytes: 65536, tls: { ca: pki.cert('csms-root-ca'), maxVersion: 'TLSv1.2' as const } };
      await dial(clientHub, { ...opts, password: WRONG }).catch(() => undefined);
      const channel = await dial(clientHub, { ...opts, password: KEY });
      channel.send(JSON.stringify([2, 'c1', 'ChangeConfiguration', { key: 'AuthorizationKey', value: KEY }]));
      clientHub.record({ kind: 'note', text: `installed client key ${pki.key('charge-point-ec')}` });
      await new Promise((r) => setTimeout(r, 100));
      await channel.close();
      const trace = [...serverHub.recorder.events, ...clientHub.recorder.events].map((e, seq) => ({ ...e, seq })) as TraceEvent[];
      const raw = JSON.stringify(trace);
      // The raw trace does hold them (so the check below can fail) …
      expect(raw).to.include(KEY);
      expect(raw).to.include(Buffer.from(`CP001:${KEY}`).toString('base64'));
      expect(raw).to.include('BEGIN PRIVATE KEY');
      // … and the TLS facts survive redaction unchanged.
      const tls = trace.filter((e) => e.kind === 'tls');
      expect(tls.length).to.be.greaterThan(1);
      expect(redactTrace(tls)).to.deep.equal(tls);
      const cases = [{
        id: 'X16_SEC_CS', title: 'security redaction', ocpp: '1.6' as const, profile: 'Security' as const, sut: 'ChargePoint' as const,
        purpose: 'p', refs: [], provenance: 'test', verdict: 'PASS' as const, startedAt: new Date().toISOString(), durationMs: 1,
        steps: [], findings: [], trace,
      }];
      const run: RunResult = {
        tool: { name: 'ocpp-harness', version: '0' }, startedAt: new Date().toISOString(), finishedAt: new Date().toISOString(), durationMs: 1,
        interrupted: false, strict: false, selection: { ocpp: '1.6', sut: ['ChargePoint'], profiles: ['all'] }, errata: [], summary: summarise(cases), cases,
      };
      const written = await writeReports(run, dir, { responseTimeoutMs: 1000, toleranceMs: 100, strict: false });
      expect(written.errors ?? []).to.deep.equal([]);
      const files = await listFiles(dir);
      expect(files.some((f) => f.endsWith('.jsonl'))).to.equal(true);
      const keyBody = pki.key('charge-point-ec').split('\n')[1]!;
      for (const file of files) {
        const text = await readFile(file, 'utf8');
        for (const secret of [KEY, WRONG, Buffer.from(`CP001:${KEY}`).toString('base64'), keyBody]) {
          expect(text.includes(secret), `${file} holds a secret`).to.equal(false);
        }
      }
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
