// npm run bench: speed and memory, measured as ratios within one run (never in a timed unit test).
import { createServer as createHttpsServer } from 'node:https';
import { performance } from 'node:perf_hooks';
import { WebSocket, WebSocketServer } from 'ws';
import { defaultConfig } from '../harness/config/defaults.js';
import { ChargePointRole } from '../harness/roles/charge-point-role.js';
import { schemaRegistry } from '../harness/schema/registry.js';
import { versionModule } from '../harness/versions/registry.js';
import { TraceHub } from '../harness/trace/recorder.js';
import { cipherList, DEFAULT_TLS_MAX_VERSION, TLS_MIN_VERSION } from '../harness/security/cipher-suites.js';
import type { ClientSecurity } from '../harness/security/security-settings.js';
import { runBuiltin } from '../test/support/run-builtin.js';
import { hostileFramesBench } from './hostile.js';
import { makeTestPki } from '../test/support/test-pki.js';

type Sample = [string, 'req' | 'conf', unknown];
const SAMPLES: Record<'1.6' | '2.0.1', Sample[]> = {
  '1.6': [
    ['BootNotification', 'req', { chargePointVendor: 'ACME', chargePointModel: 'X1', firmwareVersion: '1.2.3' }],
    ['StatusNotification', 'req', { connectorId: 1, errorCode: 'NoError', status: 'Charging', timestamp: '2026-01-01T00:00:00Z' }],
    ['MeterValues', 'req', { connectorId: 1, transactionId: 7, meterValue: [{ timestamp: '2026-01-01T00:00:00Z', sampledValue: [{ value: '1234', measurand: 'Energy.Active.Import.Register', unit: 'Wh' }, { value: '16.0', measurand: 'Current.Import', unit: 'A', phase: 'L1' }] }] }],
    ['StartTransaction', 'conf', { transactionId: 7, idTagInfo: { status: 'Accepted', expiryDate: '2027-01-01T00:00:00Z' } }],
  ],
  '2.0.1': [
    ['BootNotification', 'req', { chargingStation: { vendorName: 'ACME', model: 'X1', firmwareVersion: '1.2.3' }, reason: 'PowerUp' }],
    ['StatusNotification', 'req', { timestamp: '2026-01-01T00:00:00Z', connectorStatus: 'Occupied', evseId: 1, connectorId: 1 }],
    ['MeterValues', 'req', { evseId: 1, meterValue: [{ timestamp: '2026-01-01T00:00:00Z', sampledValue: [{ value: 1234, measurand: 'Energy.Active.Import.Register', unitOfMeasure: { unit: 'Wh' } }, { value: 16, measurand: 'Current.Import', phase: 'L1' }] }] }],
    ['TransactionEvent', 'req', { eventType: 'Updated', timestamp: '2026-01-01T00:00:00Z', triggerReason: 'MeterValuePeriodic', seqNo: 3, transactionInfo: { transactionId: 'tx-7', chargingState: 'Charging' }, evse: { id: 1, connectorId: 1 }, meterValue: [{ timestamp: '2026-01-01T00:00:00Z', sampledValue: [{ value: 1234 }] }] }],
  ],
};

function validationThroughput(version: '1.6' | '2.0.1'): void {
  const registry = schemaRegistry(version);
  console.log(`${version === '1.6' ? '' : '\n'}Schema validation throughput (OCA ${version} schemas, Ajv, formats on)`);
  const samples = SAMPLES[version];
  for (const [action, kind, payload] of samples) {
    if (!registry.validate(action, kind, payload).ok) throw new Error(`bench sample ${action}.${kind} is not valid ${version}`);
    for (let i = 0; i < 2000; i++) registry.validate(action, kind, payload); // warm up
    const n = 200_000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) registry.validate(action, kind, payload);
    const ms = performance.now() - t0;
    console.log(`  ${`${action}.${kind}`.padEnd(24)} ${(n / ms * 1000 / 1e6).toFixed(2)} M/s  (${(ms * 1000 / n).toFixed(2)} µs each)`);
  }
}

/** A peer that answers every CALL at once with a valid Heartbeat.conf; over TLS (wss://) with `tls`. */
async function responder(tls?: { key: string; cert: string }, subprotocol = 'ocpp1.6'): Promise<{ url: string; close(): Promise<void> }> {
  const https = tls ? createHttpsServer({ ...tls, minVersion: TLS_MIN_VERSION, maxVersion: DEFAULT_TLS_MAX_VERSION, ciphers: cipherList(DEFAULT_TLS_MAX_VERSION) }) : undefined;
  const wss = https
    ? new WebSocketServer({ server: https, handleProtocols: () => subprotocol })
    : new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: () => subprotocol });
  if (https) await new Promise<void>((r) => https.listen(0, '127.0.0.1', () => r()));
  else await new Promise<void>((r) => wss.once('listening', () => r()));
  wss.on('connection', (ws) => ws.on('message', (data) => {
    const [, id] = JSON.parse(String(data)) as [number, string];
    ws.send(JSON.stringify([3, id, { currentTime: '2026-01-01T00:00:00.000Z' }]));
  }));
  const { port } = (https ?? wss).address() as { port: number };
  return {
    url: `${https ? 'wss' : 'ws'}://127.0.0.1:${port}/ocpp`,
    close: async () => {
      for (const ws of wss.clients) ws.terminate();
      await new Promise((r) => wss.close(() => r(undefined)));
      if (https) await new Promise((r) => https.close(() => r(undefined)));
    },
  };
}

async function rawRoundTrips(url: string, n: number, ca?: string, subprotocol = 'ocpp1.6'): Promise<number> {
  const ws = new WebSocket(`${url}/RAW`, [subprotocol], ca ? { ca } : {});
  await new Promise((r) => ws.once('open', r));
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    await new Promise<void>((resolve) => {
      ws.once('message', () => resolve());
      ws.send(JSON.stringify([2, `m${i}`, 'Heartbeat', {}]));
    });
  }
  const perCall = (performance.now() - t0) / n;
  ws.close();
  return perCall;
}

async function harnessRoundTrips(url: string, n: number, security?: ClientSecurity, version: '1.6' | '2.0.1' = '1.6'): Promise<number> {
  const hub = new TraceHub();
  const cfg = defaultConfig();
  const registry = schemaRegistry(version);
  const role = new ChargePointRole({ hub, registry, version: versionModule(version), cfg, maxFrameBytes: 4 << 20, onHarnessError: () => undefined }, { url, identity: 'HARNESS', ...(security ? { security } : {}) });
  const link = await role.connect(5000);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    if (i % 500 === 0) hub.beginCase(); // a case's trace, as in a run
    const outcome = await link.session.call('Heartbeat', {}, { waitMs: 5000 });
    if (outcome.kind !== 'result') throw new Error('no answer');
    registry.validate('Heartbeat', 'conf', outcome.payload); // what the schema check does per frame
  }
  const perCall = (performance.now() - t0) / n;
  await role.close();
  return perCall;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function roundTripRatio(label: string, tls?: { key: string; cert: string; ca: string }, version: '1.6' | '2.0.1' = '1.6'): Promise<void> {
  const subprotocol = versionModule(version).facts.subprotocol;
  const peer = await responder(tls, subprotocol);
  const security: ClientSecurity | undefined = tls ? { profile: 2, tls: { ca: tls.ca, maxVersion: DEFAULT_TLS_MAX_VERSION } } : undefined;
  const n = 2000;
  const rounds = 9;
  await rawRoundTrips(peer.url, 500, tls?.ca, subprotocol); // warm up both paths
  await harnessRoundTrips(peer.url, 500, security, version);
  // Alternate the two, several rounds, and compare medians: load from elsewhere hits both alike.
  const raw: number[] = [];
  const harness: number[] = [];
  for (let r = 0; r < rounds; r++) {
    raw.push(await rawRoundTrips(peer.url, n, tls?.ca, subprotocol));
    harness.push(await harnessRoundTrips(peer.url, n, security, version));
  }
  await peer.close();
  const [r, h] = [median(raw), median(harness)];
  console.log(`\n${label} (median of ${rounds} alternating rounds of ${n} sequential CALLs)`);
  console.log(`  raw ws${tls ? ' over TLS' : ''}:${' '.repeat(tls ? 26 : 35)}${(r * 1000).toFixed(1)} µs`);
  console.log(`  harness transport + recording + schema:   ${(h * 1000).toFixed(1)} µs`);
  console.log(`  ratio harness / raw:                      ${(h / r).toFixed(2)}×  (target ≤ 1.5×)`);
}

/** The same round trip over TLS 1.2 (security profile 2), against raw `ws` over the same TLS. */
async function tlsRoundTripRatio(): Promise<void> {
  const pki = await makeTestPki();
  try {
    await roundTripRatio('CALL round trip over TLS 1.2 (wss://, security profile 2) on 127.0.0.1', {
      key: pki.key('csms-server-ec'), cert: pki.cert('csms-server-ec'), ca: pki.cert('csms-root-ca'),
    });
  } finally {
    await pki.remove();
  }
}

const SLICE = [
  'TC_001_CS', 'TC_002_CS', 'TC_003_CS', 'TC_004_1_CS', 'TC_010_CS', 'TC_012_CS', 'TC_019_CS', 'TC_021_CS',
  'TC_001_CSMS', 'TC_003_CSMS', 'TC_004_1_CSMS', 'TC_010_CSMS', 'TC_012_CSMS', 'TC_019_1_CSMS', 'TC_021_CSMS', 'TC_023_1_CSMS',
  'X16_RPC_*',
];

async function wallTime(label: string, target: string, cases?: string[], ocpp = '1.6'): Promise<void> {
  const t0 = performance.now();
  const { run } = await runBuiltin({ sides: ['ChargePoint', 'Csms'], parallel: 8, cases, ocpp });
  const s = (performance.now() - t0) / 1000;
  const count = (v: string) => run.cases.filter((c) => c.verdict === v).length;
  console.log(`\n${label} against the built-in peers (both roles, 8 lanes per side, default short intervals)`);
  console.log(`  ${run.cases.length} cases: ${count('PASS')} PASS, ${count('NOT_APPLICABLE')} NOT_APPLICABLE, ${count('FAIL')} FAIL; wall time ${s.toFixed(1)} s  (target < ${target})`);
  for (const c of run.cases.filter((x) => x.verdict === 'FAIL' || x.verdict === 'INCONCLUSIVE')) {
    console.log(`    ${c.verdict} ${c.id}: ${c.reason ?? ''} ${c.findings.map((f) => `[${f.checkId}] ${f.actual}`).join(' | ').slice(0, 400)}`);
  }
  const mem = process.memoryUsage();
  console.log(`  memory after the run: rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`);
}

validationThroughput('1.6');
validationThroughput('2.0.1');
await roundTripRatio('CALL round trip on 127.0.0.1 (OCPP 1.6, ocpp1.6)');
await roundTripRatio('CALL round trip on 127.0.0.1 (OCPP 2.0.1, ocpp2.0.1)', undefined, '2.0.1');
await tlsRoundTripRatio();
await wallTime('The foundation slice and the robustness group', '30 s', SLICE);
await wallTime('The whole OCPP 1.6 catalogue (every profile, Security over real TLS at each profile its cases need) and the robustness group', '60 s');
await wallTime('The OCPP 2.0.1 catalogue (blocks B, E, J, P and the robustness group)', '60 s', undefined, '2.0.1');
await hostileFramesBench();
