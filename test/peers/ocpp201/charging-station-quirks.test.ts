// Every named fault of the 2.0.1 reference charging station changes what goes on the wire: each
// scenario runs once without and once with its quirk, and the observation must differ (and, without
// the quirk, be the conforming one).

import { expect } from 'chai';
import { CHARGING_STATION_201_QUIRKS, ReferenceChargingStation201, type ReferenceChargingStation201Options } from '../../../harness/versions/ocpp201/reference/charging-station.js';
import { issueCertificate } from '../../../harness/security/certificate-factory.js';
import { hashDataIn } from '../../../harness/security/certificate-hash.js';
import { makeTestPki, type TestPki } from '../../support/test-pki.js';
import { sleep } from './station-test-csms.js';
import { setVariable, startPair, stopPairs, type Pair } from './station-pair.js';
import type { TestCsms201 } from './station-test-csms.js';

type P = Record<string, unknown>;
const token = { idToken: 'TOKEN-OK', type: 'ISO14443' };

interface Scenario {
  /** Test CSMS set-up before the station starts. */
  setup?: (csms: TestCsms201) => void;
  options?: Record<string, unknown>;
  /** Made before the pair starts: station options and, for wss://, the test CSMS's certificate. */
  prepare?: () => Promise<{ options?: Partial<ReferenceChargingStation201Options>; csmsTls?: { key: string; cert: string } }>;
  /** What the scenario observes; must differ between the conforming station and the faulty one. */
  observe: (p: Pair) => Promise<unknown>;
  /** The conforming observation. */
  conforming: unknown;
  /** false: start without waiting for the boot (a station that may never get connected). */
  waitBoot?: boolean;
}

const firstResult = (res: P, key: string): P => (res[key] as P[])[0]!;
const errorCode = (e: Error & { rpcErrorCode?: string }): string | undefined => e.rpcErrorCode;

async function startTransaction(p: Pair, evseId = 1): Promise<P> {
  await p.station.perform('presentIdToken', { evseId, idToken: token });
  await p.station.perform('plugIn', { evseId });
  const s = await p.csms.waitFor('TransactionEvent', (x) => x.eventType === 'Started');
  await sleep(50);
  return s.payload;
}

const txId = (e: P): string => String((e.transactionInfo as P).transactionId);

// The certificate store and TLS (M05, B10): one test PKI for the file; CSMS root 2 is signed by root 1.
let pkiMade: Promise<TestPki> | undefined;
const testPki = (): Promise<TestPki> => (pkiMade ??= makeTestPki());
const PASSWORD = 'ReferenceStation201Key';

/** A station trusting the old CSMS root, at security profile 2 if the CSMS presents `server` (its chain), else at profile 0. */
function trustingOldRoot(server?: (pki: TestPki) => { key: string; cert: string }) {
  return async () => {
    const pki = await testPki();
    const roots = [pki.cert('csms-root-ca')];
    if (!server) return { options: { security: { profile: 0 as const, csmsRoots: roots } } };
    return { options: { password: PASSWORD, security: { profile: 2 as const, csmsRoots: roots } }, csmsTls: server(pki) };
  };
}

async function installRoot2(p: Pair): Promise<unknown> {
  return (await p.csms.call('InstallCertificate', { certificateType: 'CSMSRootCertificate', certificate: (await testPki()).cert('csms-root-ca-2') })).status;
}

async function csmsRootCount(p: Pair): Promise<number> {
  const res = await p.csms.call('GetInstalledCertificateIds', { certificateType: ['CSMSRootCertificate'] });
  return Array.isArray(res.certificateHashDataChain) ? res.certificateHashDataChain.length : 0;
}

/** The connector statuses the station reported with StatusNotification since call `from`. */
function connectorStatuses(p: Pair, from: number): unknown[] {
  return p.csms.calls.slice(from).filter((c) => c.action === 'StatusNotification').map((c) => c.payload.connectorStatus);
}

/** A station at profile 0 holding the test PKI's manufacturer root. */
async function withManufacturerRoot() {
  return { options: { security: { profile: 0 as const, manufacturerRoots: [(await testPki()).cert('manufacturer-root-ca')] } } };
}

/** A self-signed root CA whose validity ended yesterday. */
async function expiredRootPem(): Promise<string> {
  const now = Date.now();
  const root = await issueCertificate({ purpose: 'ca', kind: 'ec', subject: { commonName: 'Expired Root', organization: 'test' }, notBefore: new Date(now - 10 * 86_400_000), notAfter: new Date(now - 86_400_000) });
  return root.certificate.toString('pem');
}

async function resetAndReboot(p: Pair): Promise<void> {
  const boots = p.csms.calls.length;
  await p.csms.call('Reset', { type: 'OnIdle' });
  await p.csms.waitFor('BootNotification', undefined, 5000, boots);
}

const SCENARIOS: Record<string, Scenario> = {
  'status-before-boot-accepted': {
    setup: (c) => { c.bootStatus = 'Pending'; c.bootInterval = 30; },
    observe: async (p) => { await sleep(300); return p.csms.of('StatusNotification').length; },
    conforming: 0,
  },
  'boot-retry-too-early': {
    setup: (c) => { c.bootStatus = 'Rejected'; c.bootInterval = 1; },
    observe: async (p) => {
      const second = await p.csms.waitFor('BootNotification', undefined, 3000, 1);
      return second.at - p.csms.of('BootNotification')[0]!.at >= 950;
    },
    conforming: true,
  },
  'answers-while-rejected': {
    setup: (c) => { c.bootStatus = 'Rejected'; c.bootInterval = 30; },
    observe: async (p) => {
      await sleep(100);
      return p.csms.call('GetBaseReport', { requestId: 1, reportBase: 'SummaryInventory' }).then((r) => r.status, errorCode);
    },
    conforming: 'SecurityError',
  },
  'reboot-without-boot-notification': {
    observe: async (p) => {
      await p.csms.call('Reset', { type: 'OnIdle' });
      await sleep(1000);
      return p.csms.of('BootNotification').length;
    },
    conforming: 2,
  },
  'reconnect-without-back-off': {
    observe: async (p) => {
      await setVariable(p, 'OCPPCommCtrlr', 'RetryBackOffWaitMinimum', '1');
      const n = p.csms.connectedAt.length;
      const lost = Date.now();
      await p.csms.dropClient();
      while (p.csms.connectedAt.length === n) await sleep(20);
      return p.csms.connectedAt[n]! - lost >= 950;
    },
    conforming: true,
  },
  'statuses-not-reported-after-offline': {
    observe: async (p) => {
      await p.csms.waitFor('StatusNotification', (x) => x.evseId === 2);
      await setVariable(p, 'OCPPCommCtrlr', 'OfflineThreshold', '0');
      const from = p.csms.calls.length;
      await p.station.perform('networkDown', {});
      await sleep(50);
      await p.station.perform('networkUp', {});
      await sleep(900);
      return p.csms.calls.slice(from).filter((c) => c.action === 'StatusNotification').length;
    },
    conforming: 2,
  },
  'unknown-component-as-unknown-variable': {
    observe: async (p) => firstResult(await p.csms.call('GetVariables', { getVariableData: [{ component: { name: 'UnknownComponent' }, variable: { name: 'OfflineThreshold' } }] }), 'getVariableResult').attributeStatus,
    conforming: 'UnknownComponent',
  },
  'attribute-type-ignored': {
    observe: async (p) => firstResult(await p.csms.call('GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' }, attributeType: 'Target' }] }), 'getVariableResult').attributeStatus,
    conforming: 'NotSupportedAttributeType',
  },
  'read-only-set-accepted': {
    observe: async (p) => firstResult(await p.csms.call('SetVariables', { setVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'MessageTimeout', instance: 'Default' }, attributeValue: '5' }] }), 'setVariableResult').attributeStatus,
    conforming: 'Rejected',
  },
  'notify-report-single-part': {
    observe: async (p) => {
      await p.csms.call('GetBaseReport', { requestId: 9, reportBase: 'FullInventory' });
      await p.csms.waitFor('NotifyReport', (x) => x.tbc === undefined);
      return p.csms.of('NotifyReport').length > 1;
    },
    conforming: true,
  },
  'notify-report-seq-no-from-one': {
    observe: async (p) => {
      await p.csms.call('GetBaseReport', { requestId: 9, reportBase: 'ConfigurationInventory' });
      return (await p.csms.waitFor('NotifyReport')).payload.seqNo;
    },
    conforming: 0,
  },
  'reset-on-idle-during-transaction': {
    observe: async (p) => { await startTransaction(p); return (await p.csms.call('Reset', { type: 'OnIdle' })).status; },
    conforming: 'Scheduled',
  },
  'immediate-reset-without-ended': {
    observe: async (p) => {
      await startTransaction(p);
      await p.csms.call('Reset', { type: 'Immediate' });
      await p.csms.waitFor('BootNotification', undefined, 3000, 1);
      return p.csms.of('TransactionEvent').filter((c) => c.payload.triggerReason === 'ResetCommand').length;
    },
    conforming: 1,
  },
  'network-profile-any-slot': {
    observe: async (p) => (await p.csms.call('SetNetworkProfile', {
      configurationSlot: 999,
      connectionData: { ocppVersion: 'OCPP20', ocppTransport: 'JSON', ocppCsmsUrl: 'ws://127.0.0.1:9', messageTimeout: 30, securityProfile: 0, ocppInterface: 'Wired0' },
    })).status,
    conforming: 'Rejected',
  },
  'transaction-seq-no-skips': {
    observe: async (p) => {
      await startTransaction(p);
      await p.station.perform('presentIdToken', { evseId: 1, idToken: token });
      await p.csms.waitFor('TransactionEvent', (x) => x.eventType === 'Ended');
      return p.csms.of('TransactionEvent').map((c) => c.payload.seqNo);
    },
    conforming: [0, 1],
  },
  'started-stamped-late': {
    observe: async (p) => {
      await startTransaction(p);
      await p.station.perform('presentIdToken', { evseId: 1, idToken: token });
      await p.csms.waitFor('TransactionEvent', (x) => x.eventType === 'Ended');
      const [started, ended] = p.csms.of('TransactionEvent').map((c) => Date.parse(String(c.payload.timestamp)));
      return started! <= ended!;
    },
    conforming: true,
  },
  'transaction-event-without-trigger-reason': {
    observe: async (p) => {
      await p.station.perform('presentIdToken', { evseId: 1, idToken: token });
      await p.station.perform('plugIn', { evseId: 1 });
      await sleep(300);
      const sent = p.station.frames.find((f) => f.outbound && f.frame?.[0] === 2 && f.frame[2] === 'TransactionEvent');
      return 'triggerReason' in ((sent?.frame?.[3] ?? {}) as P);
    },
    conforming: true,
  },
  'started-without-id-token': {
    observe: async (p) => (await startTransaction(p)).idToken,
    conforming: token,
  },
  'remote-stop-reason-local': {
    observe: async (p) => {
      const s = await startTransaction(p);
      await p.csms.call('RequestStopTransaction', { transactionId: txId(s) });
      return ((await p.csms.waitFor('TransactionEvent', (x) => x.eventType === 'Ended')).payload.transactionInfo as P).stoppedReason;
    },
    conforming: 'Remote',
  },
  'ev-connection-timeout-ignored': {
    observe: async (p) => {
      await setVariable(p, 'TxCtrlr', 'EVConnectionTimeOut', '1');
      await setVariable(p, 'TxCtrlr', 'TxStartPoint', 'Authorized');
      await p.station.perform('presentIdToken', { evseId: 1, idToken: token });
      await sleep(1500);
      return p.csms.of('TransactionEvent').map((c) => c.payload.triggerReason);
    },
    conforming: ['Authorized', 'EVConnectTimeout'],
  },
  'offline-flag-missing': {
    observe: async (p) => {
      await startTransaction(p);
      await p.station.perform('networkDown', {});
      await p.station.perform('fault', { evseId: 1 });
      await p.station.perform('networkUp', {});
      const e = await p.csms.waitFor('TransactionEvent', (x) => x.triggerReason === 'AbnormalCondition', 3000).catch((err: Error) => { throw new Error(`${err.message}\n${p.lines.join('\n')}`); });
      return e.payload.offline;
    },
    conforming: true,
  },
  'offline-queue-newest-first': {
    observe: async (p) => {
      await startTransaction(p);
      await p.station.perform('networkDown', {});
      await p.station.perform('evSuspend', { evseId: 1 });
      await p.station.perform('evResume', { evseId: 1 });
      await p.station.perform('networkUp', {});
      await p.csms.waitFor('TransactionEvent', (x) => x.seqNo === 1, 3000);
      await p.csms.waitFor('TransactionEvent', (x) => x.seqNo === 2, 3000);
      return p.csms.of('TransactionEvent').map((c) => c.payload.seqNo);
    },
    conforming: [0, 1, 2],
  },
  'no-transaction-event-retry': {
    setup: (c) => c.answers.set('TransactionEvent', () => ({ error: 'InternalError' })),
    observe: async (p) => {
      await setVariable(p, 'OCPPCommCtrlr', 'MessageAttemptInterval', '0', 'TransactionEvent');
      await setVariable(p, 'TxCtrlr', 'TxStartPoint', 'EVConnected');
      await p.station.perform('plugIn', { evseId: 1 });
      await sleep(400);
      return p.csms.of('TransactionEvent').length;
    },
    conforming: 3,
  },
  'transaction-status-ignores-queue': {
    setup: (c) => c.answers.set('TransactionEvent', () => 'silent'),
    observe: async (p) => {
      await setVariable(p, 'TxCtrlr', 'TxStartPoint', 'EVConnected');
      await p.station.perform('plugIn', { evseId: 1 });
      await p.csms.waitFor('TransactionEvent');
      return (await p.csms.call('GetTransactionStatus', {})).messagesInQueue;
    },
    conforming: true,
  },
  'no-meter-values': {
    observe: async (p) => Array.isArray((await startTransaction(p)).meterValue),
    conforming: true,
  },
  'aligned-meter-values-unaligned': {
    observe: async (p) => {
      await setVariable(p, 'AlignedDataCtrlr', 'Interval', '1');
      const mv = await p.csms.waitFor('MeterValues', undefined, 3000);
      return Date.parse(String((mv.payload.meterValue as P[])[0]!.timestamp)) % 1000;
    },
    conforming: 0,
  },
  // J01.FR.19/20: with SendDuringIdle no clock-aligned readings while a transaction runs.
  'aligned-data-during-transaction': {
    observe: async (p) => {
      await setVariable(p, 'AlignedDataCtrlr', 'SendDuringIdle', 'true');
      await setVariable(p, 'AlignedDataCtrlr', 'Interval', '1');
      await startTransaction(p);
      const from = p.csms.calls.length;
      await sleep(2300);
      return p.csms.calls.slice(from).filter((c) => c.action === 'TransactionEvent' && c.payload.triggerReason === 'MeterValueClock').length;
    },
    conforming: 0,
  },
  'late-response': {
    options: { lateResponseMs: 800 },
    observe: async (p) => {
      const t0 = Date.now();
      await p.csms.call('GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } }] });
      return Date.now() - t0 < 500;
    },
    conforming: true,
  },
  // M05.FR.12: root 2 replaces root 1, which stays as the fallback: both are listed.
  'install-root-accepted-not-stored': {
    prepare: trustingOldRoot(),
    observe: async (p) => [await installRoot2(p), await csmsRootCount(p)],
    conforming: ['Accepted', 2],
  },
  'installed-ids-omit-fallback-root': {
    prepare: trustingOldRoot(),
    observe: async (p) => [await installRoot2(p), await csmsRootCount(p)],
    conforming: ['Accepted', 2],
  },
  // M05.FR.15: migrating to a CSMS that presents a certificate of the old root fails; the station falls back to slot 1.
  'migration-trusts-old-root': {
    prepare: trustingOldRoot((pki) => ({ key: pki.key('csms-server-ec'), cert: pki.cert('csms-server-ec') })),
    observe: async (p) => {
      await installRoot2(p);
      await setVariable(p, 'OCPPCommCtrlr', 'NetworkProfileConnectionAttempts', '1');
      await p.csms.call('SetNetworkProfile', {
        configurationSlot: 2,
        connectionData: { ocppVersion: 'OCPP20', ocppTransport: 'JSON', ocppCsmsUrl: `${p.csms.url}/new-csms`, messageTimeout: 30, securityProfile: 2, ocppInterface: 'Wired0' },
      });
      await setVariable(p, 'OCPPCommCtrlr', 'NetworkConfigurationPriority', '2,1');
      await resetAndReboot(p);
      return p.csms.endpoints;
    },
    conforming: ['/', '/'],
  },
  // M05.FR.13: a reconnection verified with root 2 (the CSMS sends root 2 as intermediate) removes root 1.
  'fallback-root-kept': {
    prepare: trustingOldRoot((pki) => ({ key: pki.key('csms-server-root-2'), cert: `${pki.cert('csms-server-root-2')}${pki.cert('csms-root-ca-2')}` })),
    observe: async (p) => {
      await installRoot2(p);
      await resetAndReboot(p);
      return csmsRootCount(p);
    },
    conforming: 1,
  },
  // G01.FR.03/04: plugging in and pulling out are reported.
  'cable-status-not-reported': {
    observe: async (p) => {
      await sleep(200);
      const from = p.csms.calls.length;
      await p.station.perform('plugIn', { evseId: 1 });
      await sleep(200);
      await p.station.perform('unplug', { evseId: 1 });
      await sleep(300);
      return connectorStatuses(p, from);
    },
    conforming: ['Occupied', 'Available'],
  },
  // G03.FR.04: a connector changed by ChangeAvailability is reported.
  'availability-change-not-reported': {
    observe: async (p) => {
      await sleep(200);
      const from = p.csms.calls.length;
      await p.csms.call('ChangeAvailability', { operationalStatus: 'Inoperative', evse: { id: 1 } });
      await sleep(300);
      return connectorStatuses(p, from);
    },
    conforming: ['Unavailable'],
  },
  // G03.FR.03: the state it is already in is Accepted.
  'same-availability-rejected': {
    observe: async (p) => (await p.csms.call('ChangeAvailability', { operationalStatus: 'Operative', evse: { id: 1 } })).status,
    conforming: 'Accepted',
  },
  // G03.FR.05: Inoperative during a transaction is Scheduled.
  'availability-accepted-during-transaction': {
    observe: async (p) => {
      await startTransaction(p);
      return (await p.csms.call('ChangeAvailability', { operationalStatus: 'Inoperative', evse: { id: 1 } })).status;
    },
    conforming: 'Scheduled',
  },
  // G03.FR.08: an EVSE set Inoperative stays Unavailable across a reboot.
  'availability-not-persistent': {
    observe: async (p) => {
      await p.csms.call('ChangeAvailability', { operationalStatus: 'Inoperative', evse: { id: 1 } });
      await sleep(200);
      const boots = p.csms.calls.length;
      await resetAndReboot(p);
      return (await p.csms.waitFor('StatusNotification', undefined, 5000, boots)).payload.connectorStatus;
    },
    conforming: 'Unavailable',
  },
  // Block M: the certificate store's answers (M03–M05).
  'installed-ids-csms-root-only': {
    prepare: withManufacturerRoot,
    observe: async (p) => (await p.csms.call('GetInstalledCertificateIds', { certificateType: ['ManufacturerRootCertificate'] })).status,
    conforming: 'Accepted',
  },
  'install-root-expired-accepted': {
    prepare: async () => ({ options: { security: { profile: 0 as const, csmsRoots: [(await testPki()).cert('csms-root-ca')], additionalRootCertificateCheck: false } } }),
    observe: async (p) => (await p.csms.call('InstallCertificate', { certificateType: 'CSMSRootCertificate', certificate: await expiredRootPem() })).status,
    conforming: 'Rejected',
  },
  'additional-root-check-skipped': {
    prepare: trustingOldRoot(),
    observe: async (p) => (await p.csms.call('InstallCertificate', { certificateType: 'CSMSRootCertificate', certificate: (await testPki()).cert('untrusted-root-ca') })).status,
    conforming: 'Rejected',
  },
  'installed-ids-none-accepted': {
    observe: async (p) => (await p.csms.call('GetInstalledCertificateIds', { certificateType: ['MORootCertificate'] })).status,
    conforming: 'NotFound',
  },
  'delete-certificate-not-removed': {
    prepare: withManufacturerRoot,
    observe: async (p) => {
      const deleted = (await p.csms.call('DeleteCertificate', { certificateHashData: hashDataIn((await testPki()).cert('manufacturer-root-ca'), 'SHA256') })).status;
      return [deleted, (await p.csms.call('GetInstalledCertificateIds', { certificateType: ['ManufacturerRootCertificate'] })).status];
    },
    conforming: ['Accepted', 'NotFound'],
  },
  'delete-unknown-certificate-accepted': {
    observe: async (p) => (await p.csms.call('DeleteCertificate', { certificateHashData: hashDataIn((await testPki()).cert('untrusted-root-ca'), 'SHA256') })).status,
    conforming: 'NotFound',
  },
  // Block A: the Basic-auth password and the TLS handshake (A00).
  'basic-auth-password-base64': {
    options: { password: PASSWORD },
    observe: async (p) => p.csms.passwords[0],
    conforming: PASSWORD,
  },
  'tls-cbc-cipher-suites-only': {
    prepare: trustingOldRoot((pki) => ({ key: pki.key('csms-server-ec'), cert: pki.cert('csms-server-ec') })),
    // An ECDSA certificate: the conforming station negotiates an ECDHE-ECDSA GCM suite, the faulty one (RSA CBC only) none.
    observe: async (p) => {
      await sleep(1500);
      return p.csms.of('BootNotification').length > 0;
    },
    conforming: true,
    waitBoot: false,
  },
  // Block F: remote start/stop, UnlockConnector, TriggerMessage.
  'remote-start-without-remote-start-id': {
    observe: async (p) => {
      await setVariable(p, 'TxCtrlr', 'TxStartPoint', 'Authorized');
      await p.csms.call('RequestStartTransaction', { idToken: token, evseId: 1, remoteStartId: 7 });
      return ((await p.csms.waitFor('TransactionEvent')).payload.transactionInfo as P).remoteStartId;
    },
    conforming: 7,
  },
  'remote-start-skips-authorize': {
    observe: async (p) => {
      await setVariable(p, 'AuthCtrlr', 'AuthorizeRemoteStart', 'true');
      await p.csms.call('RequestStartTransaction', { idToken: token, evseId: 1, remoteStartId: 8 });
      await sleep(300);
      return p.csms.of('Authorize').length;
    },
    conforming: 1,
  },
  'remote-stop-trigger-stop-authorized': {
    observe: async (p) => {
      const s = await startTransaction(p);
      await p.csms.call('RequestStopTransaction', { transactionId: txId(s) });
      return (await p.csms.waitFor('TransactionEvent', (x) => x.eventType === 'Ended')).payload.triggerReason;
    },
    conforming: 'RemoteStop',
  },
  'remote-stop-unknown-accepted': {
    observe: async (p) => (await p.csms.call('RequestStopTransaction', { transactionId: 'no-such-transaction' })).status,
    conforming: 'Rejected',
  },
  'unlock-connector-always-unlocked': {
    observe: async (p) => (await p.csms.call('UnlockConnector', { evseId: 1, connectorId: 999 })).status,
    conforming: 'UnknownConnector',
  },
  'unlock-connector-needs-cable': {
    observe: async (p) => (await p.csms.call('UnlockConnector', { evseId: 1, connectorId: 1 })).status,
    conforming: 'Unlocked',
  },
  'trigger-accepted-not-sent': {
    observe: async (p) => {
      const before = p.csms.of('Heartbeat').length;
      const answer = await p.csms.call('TriggerMessage', { requestedMessage: 'Heartbeat' });
      await sleep(300);
      return [answer.status, p.csms.of('Heartbeat').length - before];
    },
    conforming: ['Accepted', 1],
  },
  'triggered-readings-periodic': {
    observe: async (p) => {
      await p.csms.call('TriggerMessage', { requestedMessage: 'MeterValues', evse: { id: 1 } });
      const mv = await p.csms.waitFor('MeterValues');
      return (((mv.payload.meterValue as P[])[0]!.sampledValue as P[])[0]!).context;
    },
    conforming: 'Trigger',
  },
  'triggered-log-status-idle': {
    observe: async (p) => {
      // An unreachable location: the station holds the upload for a moment before it fails.
      await p.csms.call('GetLog', { logType: 'DiagnosticsLog', requestId: 5, log: { remoteLocation: 'http://127.0.0.1:9/logs/' } });
      await p.csms.waitFor('LogStatusNotification', (x) => x.status === 'Uploading');
      const from = p.csms.calls.length;
      await p.csms.call('TriggerMessage', { requestedMessage: 'LogStatusNotification' });
      return (await p.csms.waitFor('LogStatusNotification', undefined, 3000, from)).payload.status;
    },
    conforming: 'Uploading',
  },
  'log-status-wrong-request-id': {
    observe: async (p) => {
      await p.csms.call('GetLog', { logType: 'DiagnosticsLog', requestId: 7, log: { remoteLocation: 'http://127.0.0.1:9/logs/' } });
      return (await p.csms.waitFor('LogStatusNotification', (x) => x.status === 'Uploading')).payload.requestId;
    },
    conforming: 7,
  },
  'log-uploaded-without-upload': {
    observe: async (p) => {
      // An unreachable location: a station that really uploads reports UploadFailure.
      await p.csms.call('GetLog', { logType: 'DiagnosticsLog', requestId: 8, log: { remoteLocation: 'http://127.0.0.1:9/logs/' } });
      return (await p.csms.waitFor('LogStatusNotification', (x) => x.status !== 'Uploading', 15_000)).payload.status;
    },
    conforming: 'UploadFailure',
  },
  'trigger-boot-after-accepted': {
    observe: async (p) => (await p.csms.call('TriggerMessage', { requestedMessage: 'BootNotification' })).status,
    conforming: 'Rejected',
  },
  'trigger-unknown-rejected': {
    observe: async (p) => (await p.csms.call('TriggerMessage', { requestedMessage: 'SignCombinedCertificate' })).status,
    conforming: 'NotImplemented',
  },
  'data-transfer-accepts-unknown-vendor': {
    observe: async (p) => (await p.csms.call('DataTransfer', { vendorId: 'org.openchargealliance.octt', messageId: 'm' })).status,
    conforming: 'UnknownVendorId',
  },
};

async function run(name: string, scenario: Scenario, quirks: string[]): Promise<unknown> {
  try {
    const prepared = await scenario.prepare?.();
    const p = await startPair({ quirks, ...scenario.options, ...prepared?.options }, scenario.setup, scenario.waitBoot ?? true, prepared?.csmsTls);
    return await scenario.observe(p);
  } finally {
    await stopPairs();
  }
}

describe('OCPP 2.0.1 reference charging station: every quirk changes the wire', function () {
  this.timeout(20000);

  it('has a scenario for every quirk and a quirk for every scenario', () => {
    expect(Object.keys(SCENARIOS).sort()).to.deep.equal(CHARGING_STATION_201_QUIRKS.map((q) => q.name).sort());
  });

  for (const q of CHARGING_STATION_201_QUIRKS) {
    it(`${q.name}`, async () => {
      const scenario = SCENARIOS[q.name]!;
      const good = await run(q.name, scenario, []);
      expect(good, 'without the quirk').to.deep.equal(scenario.conforming);
      const bad = await run(q.name, scenario, [q.name]);
      expect(bad, 'with the quirk').to.not.deep.equal(scenario.conforming);
    });
  }

  after(async () => {
    if (pkiMade) await (await pkiMade).remove();
  });

  it('refuses an unknown quirk name', () => {
    expect(() => new ReferenceChargingStation201({ url: 'ws://127.0.0.1:9', identity: 'X', quirks: ['no-such-quirk'] })).to.throw(/unknown OCPP 2.0.1 charging station quirk: no-such-quirk/);
  });
});
