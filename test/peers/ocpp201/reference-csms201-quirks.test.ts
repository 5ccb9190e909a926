// Each named fault of the 2.0.1 reference CSMS changes what goes on the wire, in the way its
// description says (the conforming behaviour is proven in the other reference-csms201 tests).

import { expect } from 'chai';
import { CSMS_201_QUIRKS, ReferenceCsms201, type Csms201Quirk, type ReferenceCsms201Options } from '../../../harness/versions/ocpp201/reference/csms.js';
import WebSocket from 'ws';
import type { HarnessConfig } from '../../../harness/config/types.js';
import { serverSecurity } from '../../../harness/security/security-settings.js';
import { makeTestPki, type TestPki } from '../../support/test-pki.js';
import { RawSocket, Station, startCsms, txEvent } from './csms201-station.js';

interface Ctx {
  csms: ReferenceCsms201;
  url: string;
  station: Station;
  /** perform for CS01, then the request as the station received it. */
  sent(action: string, params: Record<string, unknown>): Promise<Record<string, unknown>>;
}

const now = (): string => new Date().toISOString();
const statusNotification = { timestamp: now(), connectorStatus: 'Available', evseId: 1, connectorId: 1 };
const goodToken = { idToken: 'GOOD', type: 'ISO14443' };
const signed = { timestamp: now(), sampledValue: [{ value: 1, signedMeterValue: { signedMeterData: 'AA', signingMethod: 'X', encodingMethod: 'OCMF', publicKey: 'AA' } }] };
const variable = (name: string): Record<string, unknown> => ({ component: { name: 'OCPPCommCtrlr' }, variable: { name } });

// Block A: the faults csms-http-server serves need a CSMS at a security profile, with a PKI made once.
let pkiMade: Promise<TestPki> | undefined;
const SECURED_PASSWORD = 'ReferenceCsms201Password';

/** Dial a ReferenceCsms201 at `profile` that has `quirk`; how the upgrade ended: 'open', `http <status>` or `error <code>`. */
async function dialSecured(profile: 1 | 2, quirk: Csms201Quirk, opts: WebSocket.ClientOptions): Promise<string> {
  const pki = await (pkiMade ??= makeTestPki({ identity: 'CS201' }));
  const security = await serverSecurity({ identity: 'CS201', security: { profile, pkiDir: pki.dir, basicAuthPassword: SECURED_PASSWORD } } as HarnessConfig);
  const csms = new ReferenceCsms201({ security, password: SECURED_PASSWORD, quirks: [quirk] });
  try {
    const { url } = await csms.listen();
    return await new Promise<string>((resolve) => {
      const ws = new WebSocket(`${url}/CS201`, ['ocpp2.0.1'], { ...(profile === 2 ? { ca: pki.cert('csms-root-ca') } : {}), ...opts });
      ws.on('open', () => { resolve('open'); ws.close(); });
      ws.on('unexpected-response', (_req, res) => { resolve(`http ${res.statusCode}`); ws.terminate(); });
      ws.on('error', (err: Error & { code?: string }) => resolve(`error ${err.code ?? err.message}`));
    });
  } finally {
    await csms.close();
  }
}

const basicAuth = (password: string) => ({ Authorization: `Basic ${Buffer.from(`CS201:${password}`).toString('base64')}` });

/** One proof per quirk: options beyond the quirk itself, and what it must show on the wire. */
const proofs: Record<Csms201Quirk, { options?: ReferenceCsms201Options; boot?: boolean; prove: (c: Ctx) => Promise<void> }> = {
  // A Security (without the fault: reference-csms201-security.test.ts, TC_A_03/04_CSMS)
  'accepts-wrong-password': {
    prove: async () => {
      expect(await dialSecured(1, 'accepts-wrong-password', { headers: basicAuth('WrongPassword0123456') })).to.equal('open');
    },
  },
  'tls-ecdsa-certificate-only': {
    prove: async () => {
      // A client offering only the RSA suites of A00.FR.321 finds no certificate to use.
      expect(await dialSecured(2, 'tls-ecdsa-certificate-only', { headers: basicAuth(SECURED_PASSWORD), ciphers: 'AES128-GCM-SHA256:AES256-GCM-SHA384', maxVersion: 'TLSv1.2' })).to.match(/^error /);
      expect(await dialSecured(2, 'tls-ecdsa-certificate-only', { headers: basicAuth(SECURED_PASSWORD), ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256', maxVersion: 'TLSv1.2' })).to.equal('open');
    },
  },
  'heartbeat-without-current-time': {
    prove: async ({ url }) => {
      const raw = await RawSocket.open(url, 'CS02');
      try {
        raw.send([2, 'hb-1', 'Heartbeat', {}]);
        expect(await raw.next()).to.deep.equal([3, 'hb-1', {}]);
      } finally {
        raw.close();
      }
    },
  },
  'late-response': {
    options: { lateResponseMs: 400 },
    prove: async ({ station }) => {
      const t0 = Date.now();
      expect(await station.send('Heartbeat', {})).to.have.property('currentTime');
      expect(Date.now() - t0).to.be.at.least(380);
    },
  },
  'wrong-message-id-in-result': {
    prove: async ({ url }) => {
      const raw = await RawSocket.open(url, 'CS02');
      try {
        raw.send([2, 'sn-1', 'StatusNotification', statusNotification]);
        const answer = await raw.next();
        expect(answer?.[0]).to.equal(3);
        expect(answer?.[1]).to.equal('sn-x');
      } finally {
        raw.close();
      }
    },
  },
  'meter-values-never-answered': {
    prove: async ({ url }) => {
      const raw = await RawSocket.open(url, 'CS02');
      try {
        raw.send([2, 'mv-1', 'MeterValues', { evseId: 0, meterValue: [{ timestamp: now(), sampledValue: [{ value: 1 }] }] }]);
        expect(await raw.next(800)).to.equal(undefined);
      } finally {
        raw.close();
      }
    },
  },
  'unknown-action-accepted': {
    prove: async ({ station }) => {
      expect(await station.send('FrobnicateWidget', {})).to.deep.equal({});
    },
  },
  'call-error-1.6-codes': {
    prove: async ({ station }) => {
      expect(await station.send('Authorize', {})).to.deep.equal({ error: 'OccurenceConstraintViolation' });
      expect(await station.send('Heartbeat', { extra: 1 })).to.deep.equal({ error: 'FormationViolation' });
      expect(await station.send('Heartbeat', [])).to.deep.equal({ error: 'FormationViolation' });
    },
  },
  'lenient-validation': {
    prove: async ({ url }) => {
      const raw = await RawSocket.open(url, 'CS02');
      try {
        raw.send([2, 'lv-1', 'Heartbeat', { extra: 1 }]);
        const answer = await raw.next();
        expect(answer?.slice(0, 2)).to.deep.equal([3, 'lv-1']);
      } finally {
        raw.close();
      }
    },
  },
  'drops-invalid-calls': {
    prove: async ({ url }) => {
      const raw = await RawSocket.open(url, 'CS02');
      try {
        raw.send([2, 'dr-1', 'Authorize', {}]);
        raw.send([2, 'dr-2', 'FrobnicateWidget', {}]);
        expect(await raw.next(800)).to.equal(undefined);
      } finally {
        raw.close();
      }
    },
  },
  'call-error-id-minus-one': {
    prove: async ({ url }) => {
      const raw = await RawSocket.open(url, 'CS02');
      try {
        raw.send('[2,"inc-1"]');
        expect((await raw.next())?.slice(0, 3)).to.deep.equal([4, '-1', 'RpcFrameworkError']);
        raw.send([7, 'mt-1', {}]);
        expect((await raw.next())?.slice(0, 3)).to.deep.equal([4, '-1', 'MessageTypeNotSupported']);
      } finally {
        raw.close();
      }
    },
  },
  'boot-pending-forever': {
    options: { bootStatus: 'Pending' },
    boot: false,
    prove: async ({ station }) => {
      expect((await station.boot()).status).to.equal('Pending');
      expect((await station.boot()).status).to.equal('Pending');
    },
  },
  'no-security-error-while-pending': {
    options: { bootStatus: 'Pending' },
    boot: false,
    prove: async ({ station }) => {
      expect((await station.boot()).status).to.equal('Pending');
      expect(await station.send('StatusNotification', statusNotification)).to.deep.equal({});
    },
  },
  'requests-while-pending': {
    options: { bootStatus: 'Pending' },
    boot: false,
    prove: async ({ station, csms }) => {
      expect((await station.boot()).status).to.equal('Pending');
      expect((await station.waitFor('RequestStartTransaction')).params).to.have.property('remoteStartId');
      expect(await csms.perform('ChangeAvailability', { identity: 'CS01', operationalStatus: 'Inoperative' })).to.include({ outcome: 'done' });
      await station.waitFor('ChangeAvailability');
    },
  },
  'reset-type-swapped': {
    prove: async ({ sent }) => {
      expect((await sent('Reset', { type: 'OnIdle' })).type).to.equal('Immediate');
    },
  },
  'reset-without-evse-id': {
    prove: async ({ sent }) => {
      expect(await sent('Reset', { type: 'OnIdle', evseId: 1 })).to.deep.equal({ type: 'OnIdle' });
    },
  },
  'variables-first-item-only': {
    prove: async ({ sent }) => {
      expect((await sent('GetVariables', { getVariableData: [variable('A'), variable('B')] })).getVariableData).to.deep.equal([variable('A')]);
      const set = await sent('SetVariables', { setVariableData: [{ ...variable('A'), attributeValue: '1' }, { ...variable('B'), attributeValue: '2' }] });
      expect(set.setVariableData).to.have.length(1);
    },
  },
  'set-variables-target-attribute': {
    prove: async ({ sent }) => {
      const set = await sent('SetVariables', { setVariableData: [{ ...variable('OfflineThreshold'), attributeValue: '123' }] });
      expect(set.setVariableData).to.deep.equal([{ ...variable('OfflineThreshold'), attributeValue: '123', attributeType: 'Target' }]);
    },
  },
  'base-report-summary-inventory': {
    prove: async ({ sent }) => {
      expect((await sent('GetBaseReport', { reportBase: 'FullInventory', requestId: 1 })).reportBase).to.equal('SummaryInventory');
    },
  },
  'trigger-message-wrong-message': {
    prove: async ({ sent }) => {
      expect((await sent('TriggerMessage', { requestedMessage: 'BootNotification' })).requestedMessage).to.equal('Heartbeat');
    },
  },
  'request-start-wrong-id-token': {
    prove: async ({ sent }) => {
      expect((await sent('RequestStartTransaction', { idToken: goodToken, evseId: 1 })).idToken).to.deep.equal({ ...goodToken, idToken: 'GOODX' });
    },
  },
  'trigger-message-without-evse': {
    prove: async ({ sent }) => {
      expect(await sent('TriggerMessage', { requestedMessage: 'StatusNotification', evse: { id: 1, connectorId: 1 } })).to.not.have.property('evse');
    },
  },
  'unlock-connector-wrong-connector': {
    prove: async ({ sent }) => {
      expect(await sent('UnlockConnector', { evseId: 1, connectorId: 1 })).to.deep.equal({ evseId: 1, connectorId: 2 });
    },
  },
  'network-profile-ocpp16': {
    prove: async ({ sent }) => {
      const r = await sent('SetNetworkProfile', {
        configurationSlot: 1,
        connectionData: { ocppVersion: 'OCPP20', ocppTransport: 'JSON', ocppCsmsUrl: 'ws://127.0.0.1:9/ocpp', messageTimeout: 30, securityProfile: 1, ocppInterface: 'Wired0' },
      });
      expect((r.connectionData as Record<string, unknown>).ocppVersion).to.equal('OCPP16');
    },
  },
  'authorize-valid-as-unknown': {
    prove: async ({ station }) => {
      expect(await station.send('Authorize', { idToken: goodToken })).to.deep.equal({ idTokenInfo: { status: 'Unknown' } });
    },
  },
  'rejects-seq-no-zero': {
    prove: async ({ station }) => {
      expect(await station.send('TransactionEvent', txEvent('Started', 0))).to.deep.equal({ error: 'PropertyConstraintViolation' });
      expect(await station.send('TransactionEvent', txEvent('Started', 1, {}, 'TX-2'))).to.deep.equal({});
    },
  },
  'no-id-token-info-in-transaction-event': {
    prove: async ({ station }) => {
      expect(await station.send('TransactionEvent', txEvent('Started', 0, { idToken: goodToken }))).to.deep.equal({});
    },
  },
  'transaction-event-accepts-invalid-token': {
    prove: async ({ station }) => {
      expect(await station.send('TransactionEvent', txEvent('Started', 0, { idToken: { idToken: 'WHO', type: 'ISO14443' } }))).to.deep.equal({ idTokenInfo: { status: 'Accepted' } });
    },
  },
  'transaction-ended-never-answered': {
    prove: async ({ url }) => {
      const raw = await RawSocket.open(url, 'CS02');
      try {
        raw.send([2, 'te-1', 'TransactionEvent', txEvent('Started', 0)]);
        expect((await raw.next())?.slice(0, 2)).to.deep.equal([3, 'te-1']);
        raw.send([2, 'te-2', 'TransactionEvent', txEvent('Ended', 1, { transactionInfo: { stoppedReason: 'EVDisconnected' } })]);
        expect(await raw.next(800)).to.equal(undefined);
      } finally {
        raw.close();
      }
    },
  },
  'request-stop-wrong-transaction': {
    prove: async ({ station, sent }) => {
      await station.send('TransactionEvent', txEvent('Started', 0, {}, 'TX-A'));
      const r = await sent('RequestStopTransaction', { transactionId: 'TX-A' });
      expect(r.transactionId).to.be.a('string').and.not.equal('TX-A');
      // A transactionId at the schema's 36-character limit (a UUID) still goes out, as another of that length.
      const uuid = '6adde09e-1d34-43a2-9a10-d1a05517aaaa';
      await station.send('TransactionEvent', txEvent('Started', 0, {}, uuid));
      const long = await sent('RequestStopTransaction', { transactionId: uuid });
      expect(long.transactionId).to.be.a('string').with.lengthOf(36).and.not.equal(uuid);
    },
  },
  'get-transaction-status-always-with-id': {
    prove: async ({ station, sent }) => {
      await station.send('TransactionEvent', txEvent('Started', 0, {}, 'TX-A'));
      expect(await sent('GetTransactionStatus', {})).to.deep.equal({ transactionId: 'TX-A' });
    },
  },
  'rejects-signed-meter-values': {
    prove: async ({ station }) => {
      expect(await station.send('MeterValues', { evseId: 1, meterValue: [signed] })).to.deep.equal({ error: 'NotSupported' });
      expect(await station.send('TransactionEvent', txEvent('Started', 0, { meterValue: [signed] }))).to.deep.equal({ error: 'NotSupported' });
    },
  },
  'change-availability-status-swapped': {
    prove: async ({ sent }) => {
      expect((await sent('ChangeAvailability', { operationalStatus: 'Operative' })).operationalStatus).to.equal('Inoperative');
    },
  },
  'change-availability-evse-dropped': {
    prove: async ({ sent }) => {
      const r = await sent('ChangeAvailability', { operationalStatus: 'Inoperative', evse: { id: 1, connectorId: 1 } });
      expect(r).to.deep.equal({ operationalStatus: 'Inoperative' });
    },
  },
  'change-availability-adds-connector': {
    prove: async ({ sent }) => {
      expect((await sent('ChangeAvailability', { operationalStatus: 'Inoperative', evse: { id: 1 } })).evse).to.deep.equal({ id: 1, connectorId: 1 });
    },
  },
  'change-availability-station-as-evse-zero': {
    prove: async ({ sent }) => {
      expect((await sent('ChangeAvailability', { operationalStatus: 'Inoperative' })).evse).to.deep.equal({ id: 0 });
    },
  },
  'notify-event-not-supported': {
    prove: async ({ station }) => {
      const notifyEvent = {
        generatedAt: now(), seqNo: 0,
        eventData: [{ eventId: 1, timestamp: now(), trigger: 'Delta', actualValue: 'Occupied', eventNotificationType: 'HardWiredNotification', component: { name: 'Connector', evse: { id: 1, connectorId: 1 } }, variable: { name: 'AvailabilityState' } }],
      };
      expect(await station.send('NotifyEvent', notifyEvent)).to.deep.equal({ error: 'NotSupported' });
      expect(await station.send('StatusNotification', statusNotification)).to.deep.equal({});
    },
  },
  'data-transfer-accepts-unknown-vendor': {
    prove: async ({ station }) => {
      expect(await station.send('DataTransfer', { vendorId: 'com.unknown', messageId: 'x' })).to.deep.equal({ status: 'Accepted' });
    },
  },
  'install-certificate-type-swapped': {
    prove: async ({ sent }) => {
      expect((await sent('InstallCertificate', { certificateType: 'ManufacturerRootCertificate', certificate: 'PEM' })).certificateType).to.equal('CSMSRootCertificate');
      expect((await sent('InstallCertificate', { certificateType: 'CSMSRootCertificate', certificate: 'PEM' })).certificateType).to.equal('ManufacturerRootCertificate');
    },
  },
  'installed-ids-always-csms-root': {
    prove: async ({ sent }) => {
      expect((await sent('GetInstalledCertificateIds', { certificateType: ['ManufacturerRootCertificate'] })).certificateType).to.deep.equal(['CSMSRootCertificate']);
      expect((await sent('GetInstalledCertificateIds', {})).certificateType).to.deep.equal(['CSMSRootCertificate']);
    },
  },
  'delete-certificate-sha256': {
    prove: async ({ sent }) => {
      const hash = { hashAlgorithm: 'SHA384', issuerNameHash: 'aa', issuerKeyHash: 'bb', serialNumber: '01' };
      expect(await sent('DeleteCertificate', { certificateHashData: hash })).to.deep.equal({ certificateHashData: { ...hash, hashAlgorithm: 'SHA256' } });
    },
  },
  'get-log-type-swapped': {
    prove: async ({ sent }) => {
      const log = { remoteLocation: 'http://127.0.0.1:9/logs/' };
      expect(await sent('GetLog', { logType: 'DiagnosticsLog', requestId: 3, log })).to.deep.equal({ logType: 'SecurityLog', requestId: 3, log });
    },
  },
  'rejects-custom-data': {
    prove: async ({ station }) => {
      expect(await station.send('StatusNotification', { ...statusNotification, customData: { vendorId: 'com.example' } })).to.deep.equal({ error: 'ProtocolError' });
      expect(await station.send('StatusNotification', statusNotification)).to.deep.equal({});
    },
  },
};

describe('reference CSMS 2.0.1: each fault on the wire', function () {
  this.timeout(20_000); // the block A proofs make a PKI once
  after(async () => {
    if (pkiMade) await (await pkiMade).remove();
  });
  let ctx: Ctx | undefined;
  let logs: string[] = [];

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') console.log(logs.join('\n'));
    await ctx?.station.close();
    await ctx?.csms.close();
    ctx = undefined;
  });

  it('has a proof for every fault, and refuses an unknown fault name', () => {
    expect(Object.keys(proofs).sort()).to.deep.equal([...CSMS_201_QUIRKS].sort());
    expect(() => new ReferenceCsms201({ quirks: ['no-such-fault'] })).to.throw(/unknown OCPP 2.0.1 CSMS quirk/);
  });

  for (const [quirk, proof] of Object.entries(proofs) as Array<[Csms201Quirk, (typeof proofs)[Csms201Quirk]]>) {
    it(`${quirk}`, async () => {
      const started = await startCsms({ idTokens: { accepted: ['GOOD'] }, ...proof.options, quirks: [quirk] });
      logs = started.logs;
      const station = await Station.connect(started.url, 'CS01');
      ctx = {
        csms: started.csms, url: started.url, station,
        sent: async (action, params) => {
          const outcome = await started.csms.perform(action, { identity: 'CS01', ...params });
          expect(outcome, JSON.stringify(outcome)).to.include({ outcome: 'done' });
          const call = await station.waitFor(action);
          station.received.splice(station.received.indexOf(call), 1);
          return call.params;
        },
      };
      if (proof.boot !== false) expect((await station.boot()).status).to.equal('Accepted');
      await proof.prove(ctx);
    });
  }
});
