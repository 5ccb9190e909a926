// The reference charge point, module by module, against a raw `ws` server on 127.0.0.1 playing the
// CSMS (not the harness roles, not the reference CSMS): the OCPP messages it sends are asserted as
// they arrive.

import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { corruptFirmwareImage, firmwareImage } from '../../harness/files/firmware-image.js';
import { startFileServers } from '../../harness/files/file-servers.js';
import { ReferenceChargePoint } from '../../harness/versions/ocpp16/reference/charge-point.js';
import type { ReferenceChargePointOptions } from '../../harness/versions/ocpp16/reference/charge-point/types.js';

type Payload = Record<string, unknown>;
interface Call {
  at: number;
  id: string;
  action: string;
  payload: Payload;
}
type Answer = (p: Payload) => Payload;

/** A minimal CSMS: answers every CALL (overridable per action), records them, sends CALLs of its own. */
class RawCsms {
  readonly calls: Call[] = [];
  readonly handlers = new Map<string, Answer>();
  url = '';
  private wss?: WebSocketServer;
  private socket?: WebSocket;
  private nextTx = 100;
  private readonly pending = new Map<string, (frame: unknown[]) => void>();
  private readonly waiters = new Set<() => void>();

  async listen(): Promise<void> {
    this.wss = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: () => 'ocpp1.6' });
    await new Promise<void>((resolve) => this.wss!.once('listening', () => resolve()));
    this.url = `ws://127.0.0.1:${(this.wss.address() as AddressInfo).port}/ocpp`;
    this.wss.on('connection', (ws) => {
      this.socket = ws;
      ws.on('message', (data: Buffer) => this.onMessage(ws, JSON.parse(data.toString()) as unknown[]));
    });
  }

  async close(): Promise<void> {
    for (const c of this.wss?.clients ?? []) c.terminate();
    await new Promise<void>((resolve) => (this.wss ? this.wss.close(() => resolve()) : resolve()));
  }

  private answer(action: string, p: Payload): Payload {
    const h = this.handlers.get(action);
    if (h) return h(p);
    const now = new Date().toISOString();
    switch (action) {
      case 'BootNotification':
        return { status: 'Accepted', currentTime: now, interval: 3600 };
      case 'Heartbeat':
        return { currentTime: now };
      case 'Authorize':
        return { idTagInfo: { status: 'Accepted' } };
      case 'StartTransaction':
        return { transactionId: this.nextTx++, idTagInfo: { status: 'Accepted' } };
      default:
        return {};
    }
  }

  private onMessage(ws: WebSocket, frame: unknown[]): void {
    if (frame[0] === 2) {
      const call: Call = { at: Date.now(), id: String(frame[1]), action: String(frame[2]), payload: frame[3] as Payload };
      this.calls.push(call);
      ws.send(JSON.stringify([3, call.id, this.answer(call.action, call.payload)]));
      for (const w of [...this.waiters]) w();
    } else {
      this.pending.get(String(frame[1]))?.(frame);
    }
  }

  /** Send a CALL; resolves with the CALLRESULT payload (rejects on CALLERROR). */
  call(action: string, payload: Payload): Promise<Payload> {
    const id = `m${Math.random().toString(36).slice(2)}`;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (frame) => {
        this.pending.delete(id);
        if (frame[0] === 3) resolve(frame[2] as Payload);
        else reject(new Error(`CALLERROR ${String(frame[2])}`));
      });
      this.socket!.send(JSON.stringify([2, id, action, payload]));
    });
  }

  /** The first CALL (from index `from`) of `action` matching `pred`. */
  waitFor(action: string, pred: (p: Payload) => boolean = () => true, from = 0, timeoutMs = 3000): Promise<Call> {
    const find = (): Call | undefined => this.calls.slice(from).find((c) => c.action === action && pred(c.payload));
    const seen = find();
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`no ${action} within ${timeoutMs} ms; got ${this.calls.slice(from).map((c) => `${c.action} ${JSON.stringify(c.payload)}`).join(' | ')}`));
      }, timeoutMs);
      const check = (): void => {
        const c = find();
        if (c) {
          clearTimeout(timer);
          this.waiters.delete(check);
          resolve(c);
        }
      };
      this.waiters.add(check);
    });
  }

  statuses(connectorId: number, from = 0): string[] {
    return this.calls.slice(from).filter((c) => c.action === 'StatusNotification' && c.payload.connectorId === connectorId).map((c) => String(c.payload.status));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('reference charge point (raw CSMS on 127.0.0.1)', function () {
  this.timeout(5000);
  let csms: RawCsms;
  let cp: ReferenceChargePoint;
  const logs: string[] = [];

  async function boot(opts: Partial<ReferenceChargePointOptions> = {}): Promise<void> {
    cp = new ReferenceChargePoint({ url: csms.url, identity: 'RCP01', log: (l) => logs.push(l), reconnectDelayMs: 20, ...opts });
    await cp.start();
    await csms.waitFor('StatusNotification', (p) => p.connectorId === (opts.connectorIds?.at(-1) ?? 1));
  }
  const perform = async (action: string, params: Payload = {}): Promise<void> => {
    const r = await cp.perform(action, params);
    expect(r.outcome, `${action}: ${JSON.stringify(r)}`).to.equal('done');
  };

  beforeEach(async () => {
    logs.length = 0;
    csms = new RawCsms();
    await csms.listen();
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') console.log(logs.join('\n'));
    await cp?.stop();
    await csms.close();
  });

  it('configuration: NotSupported, Rejected for wrong values and unsupported measurands, RebootRequired, GetConfigurationMaxKeys', async () => {
    await boot({ configuration: { GetConfigurationMaxKeys: '2' } });
    const change = (key: string, value: string) => csms.call('ChangeConfiguration', { key, value }).then((r) => r.status);
    expect(await change('NoSuchKey', '1')).to.equal('NotSupported');
    expect(await change('MeterValueSampleInterval', '-1')).to.equal('Rejected');
    expect(await change('MeterValueSampleInterval', 'ten')).to.equal('Rejected');
    expect(await change('AuthorizeRemoteTxRequests', 'yes')).to.equal('Rejected');
    expect(await change('NumberOfConnectors', '2')).to.equal('Rejected');
    expect(await change('MeterValuesSampledData', 'Energy.Active.Import.Register,Temperature')).to.equal('Rejected');
    expect(await change('MeterValuesSampledData', 'Energy.Active.Import.Register,Voltage')).to.equal('Accepted');
    expect(await change('ConnectorPhaseRotation', '1.RST')).to.equal('RebootRequired');
    const got = await csms.call('GetConfiguration', { key: ['HeartbeatInterval', 'Nope', 'LocalAuthListEnabled'] });
    expect((got.configurationKey as Payload[]).map((k) => k.key)).to.deep.equal(['HeartbeatInterval']);
    expect(got.unknownKey).to.deep.equal(['Nope']);
    const all = await csms.call('GetConfiguration', {});
    const keys = (all.configurationKey as Payload[]).map((k) => k.key);
    expect(keys).to.include.members(['SupportedFeatureProfiles', 'LocalAuthListMaxLength', 'ReserveConnectorZeroSupported', 'ChargeProfileMaxStackLevel', 'SupportedFileTransferProtocols']);
  });

  it('local list: Full and Differential updates with versions, VersionMismatch, Failed, and authorisation from the list', async () => {
    await boot({ configuration: { LocalPreAuthorize: 'true' } });
    const send = (p: Payload) => csms.call('SendLocalList', p).then((r) => r.status);
    expect((await csms.call('GetLocalListVersion', {})).listVersion).to.equal(0);
    expect(await send({ listVersion: 1, updateType: 'Full', localAuthorizationList: [{ idTag: 'A', idTagInfo: { status: 'Accepted' } }] })).to.equal('Accepted');
    expect(await send({ listVersion: 2, updateType: 'Differential', localAuthorizationList: [{ idTag: 'B', idTagInfo: { status: 'Accepted' } }, { idTag: 'A' }] })).to.equal('Accepted');
    expect((await csms.call('GetLocalListVersion', {})).listVersion).to.equal(2);
    expect(await send({ listVersion: 2, updateType: 'Differential', localAuthorizationList: [] })).to.equal('VersionMismatch');
    const many = Array.from({ length: 21 }, (_, i) => ({ idTag: `T${i}`, idTagInfo: { status: 'Accepted' } }));
    expect(await send({ listVersion: 3, updateType: 'Full', localAuthorizationList: many })).to.equal('Failed');
    expect((await csms.call('GetLocalListVersion', {})).listVersion).to.equal(2);
    // B is Accepted in the list and LocalPreAuthorize is true: no Authorize.req before StartTransaction.
    const from = csms.calls.length;
    await perform('plugIn', { connectorId: 1 });
    await perform('presentIdTag', { connectorId: 1, idTag: 'B' });
    await csms.waitFor('StartTransaction', (p) => p.idTag === 'B', from);
    expect(csms.calls.slice(from).some((c) => c.action === 'Authorize')).to.equal(false);
    // Disabled: SendLocalList NotSupported.
    await csms.call('ChangeConfiguration', { key: 'LocalAuthListEnabled', value: 'false' });
    expect(await send({ listVersion: 5, updateType: 'Full', localAuthorizationList: [] })).to.equal('NotSupported');
  });

  it('reservation: Reserved, only for its idTag, Occupied/Rejected, and Available again at expiry', async () => {
    await boot();
    const from = csms.calls.length;
    const expiryDate = new Date(Date.now() + 400).toISOString();
    expect((await csms.call('ReserveNow', { connectorId: 1, expiryDate, idTag: 'OWNER', reservationId: 7 })).status).to.equal('Accepted');
    await csms.waitFor('StatusNotification', (p) => p.status === 'Reserved', from);
    expect((await csms.call('ReserveNow', { connectorId: 1, expiryDate, idTag: 'OTHER', reservationId: 8 })).status).to.equal('Occupied');
    expect((await csms.call('ReserveNow', { connectorId: 9, expiryDate, idTag: 'OTHER', reservationId: 9 })).status).to.equal('Rejected');
    expect((await csms.call('RemoteStartTransaction', { connectorId: 1, idTag: 'OTHER' })).status).to.equal('Rejected');
    await csms.waitFor('StatusNotification', (p) => p.status === 'Available', from);
    expect(csms.statuses(1, from)).to.deep.equal(['Reserved', 'Available']);
    expect((await csms.call('CancelReservation', { reservationId: 7 })).status).to.equal('Rejected');
  });

  it('reservation used: StartTransaction carries the reservationId', async () => {
    await boot();
    const expiryDate = new Date(Date.now() + 60_000).toISOString();
    await csms.call('ReserveNow', { connectorId: 1, expiryDate, idTag: 'OWNER', reservationId: 3 });
    const from = csms.calls.length;
    await perform('presentIdTag', { connectorId: 1, idTag: 'OWNER' });
    await csms.waitFor('StatusNotification', (p) => p.status === 'Preparing', from);
    await perform('plugIn', { connectorId: 1 });
    const start = await csms.waitFor('StartTransaction', () => true, from);
    expect(start.payload.reservationId).to.equal(3);
    await csms.waitFor('StatusNotification', (p) => p.status === 'Charging', from);
  });

  it('offline: transactions authorised offline are queued and replayed after networkUp, with their original timestamps', async () => {
    await boot({ configuration: { AllowOfflineTxForUnknownId: 'true', MeterValueSampleInterval: '0' } });
    await perform('networkDown');
    await sleep(30);
    const downAt = Date.now();
    await perform('plugIn', { connectorId: 1 });
    await perform('presentIdTag', { connectorId: 1, idTag: 'UNKNOWN1' });
    await sleep(60);
    expect(cp.state.connectors[0]!.status).to.equal('Charging');
    await perform('presentIdTag', { connectorId: 1, idTag: 'UNKNOWN1' });
    await sleep(60);
    expect(cp.state.queuedMessages).to.equal(2);
    const from = csms.calls.length;
    const upAt = Date.now();
    await perform('networkUp');
    const start = await csms.waitFor('StartTransaction', () => true, from);
    const stop = await csms.waitFor('StopTransaction', () => true, from);
    expect(Date.parse(String(start.payload.timestamp))).to.be.within(downAt, upAt);
    expect(Date.parse(String(stop.payload.timestamp))).to.be.within(downAt, upAt);
    expect(stop.payload.transactionId).to.equal(100);
    expect(stop.payload.idTag).to.equal('UNKNOWN1');
    expect(csms.calls.indexOf(start)).to.be.lessThan(csms.calls.indexOf(stop));
  });

  it('offline meter values are merged into one MeterValues.req; the StopTransaction follows', async () => {
    await boot({ configuration: { MeterValueSampleInterval: '1' } });
    await perform('plugIn', { connectorId: 1 });
    await perform('presentIdTag', { connectorId: 1, idTag: 'ACCEPTED01' });
    await csms.waitFor('StatusNotification', (p) => p.status === 'Charging');
    await perform('networkDown');
    await sleep(2300);
    await perform('presentIdTag', { connectorId: 1, idTag: 'ACCEPTED01' });
    const from = csms.calls.length;
    await perform('networkUp');
    const mv = await csms.waitFor('MeterValues', () => true, from);
    const values = mv.payload.meterValue as Array<{ timestamp: string }>;
    expect(values.length).to.be.at.least(2);
    expect(Date.parse(values[1]!.timestamp)).to.be.greaterThan(Date.parse(values[0]!.timestamp));
    await csms.waitFor('StopTransaction', (p) => p.reason === 'Local', from);
  });

  it('clock-aligned meter values on the boundaries (Sample.Clock, MeterValuesAlignedData), transactionData in StopTransaction', async () => {
    await boot({ configuration: { MeterValueSampleInterval: '0', ClockAlignedDataInterval: '1', MeterValuesAlignedData: 'Energy.Active.Import.Register,Power.Active.Import', StopTxnSampledData: 'Energy.Active.Import.Register' } });
    await perform('plugIn', { connectorId: 1 });
    await perform('presentIdTag', { connectorId: 1, idTag: 'ACCEPTED01' });
    const started = await csms.waitFor('StartTransaction');
    const mv = await csms.waitFor('MeterValues', (p) => p.transactionId !== undefined, csms.calls.indexOf(started), 2500);
    const value = (mv.payload.meterValue as Array<{ timestamp: string; sampledValue: Payload[] }>)[0]!;
    expect(new Date(value.timestamp).getUTCMilliseconds()).to.equal(0);
    expect(value.sampledValue.map((s) => [s.measurand, s.context, s.unit])).to.deep.equal([
      ['Energy.Active.Import.Register', 'Sample.Clock', 'Wh'],
      ['Power.Active.Import', 'Sample.Clock', 'W'],
    ]);
    expect(value.sampledValue.every((s) => typeof s.value === 'string')).to.equal(true);
    await perform('presentIdTag', { connectorId: 1, idTag: 'ACCEPTED01' });
    const stop = await csms.waitFor('StopTransaction');
    const data = stop.payload.transactionData as Array<{ sampledValue: Payload[] }>;
    expect(data[0]!.sampledValue[0]!.context).to.equal('Transaction.Begin');
    expect(data.at(-1)!.sampledValue[0]!.context).to.equal('Transaction.End');
  });

  it('smart charging: composite schedule of two stacked TxDefaultProfiles under a ChargePointMaxProfile; TxProfile without transaction Rejected', async () => {
    await boot();
    const profile = (id: number, purpose: string, stackLevel: number, periods: Array<[number, number]>, duration?: number) => ({
      chargingProfileId: id, stackLevel, chargingProfilePurpose: purpose, chargingProfileKind: 'Relative',
      chargingSchedule: { chargingRateUnit: 'A', duration, chargingSchedulePeriod: periods.map(([startPeriod, limit]) => ({ startPeriod, limit })) },
    });
    const set = (connectorId: number, p: Payload) => csms.call('SetChargingProfile', { connectorId, csChargingProfiles: p }).then((r) => r.status);
    expect(await set(0, profile(1, 'TxDefaultProfile', 0, [[0, 16]]))).to.equal('Accepted');
    expect(await set(0, profile(2, 'TxDefaultProfile', 1, [[0, 10], [30, 6]], 60))).to.equal('Accepted');
    expect(await set(0, profile(3, 'ChargePointMaxProfile', 0, [[0, 13]]))).to.equal('Accepted');
    expect(await set(1, profile(4, 'TxProfile', 0, [[0, 8]]))).to.equal('Rejected');
    expect(await set(1, profile(5, 'ChargePointMaxProfile', 0, [[0, 8]]))).to.equal('Rejected');
    const res = await csms.call('GetCompositeSchedule', { connectorId: 1, duration: 120, chargingRateUnit: 'A' });
    expect(res.status).to.equal('Accepted');
    const schedule = res.chargingSchedule as Payload;
    expect(schedule.chargingSchedulePeriod).to.deep.equal([
      { startPeriod: 0, limit: 10 },
      { startPeriod: 30, limit: 6 },
      { startPeriod: 60, limit: 13 },
    ]);
    expect(schedule.duration).to.equal(120);
    expect((await csms.call('GetCompositeSchedule', { connectorId: 5, duration: 60 })).status).to.equal('Rejected');
    expect((await csms.call('ClearChargingProfile', { chargingProfilePurpose: 'TxDefaultProfile' })).status).to.equal('Accepted');
    expect((await csms.call('ClearChargingProfile', { id: 2 })).status).to.equal('Unknown');
  });

  describe('file transfer', () => {
    let http: Server;
    let base = '';
    const stored = new Map<string, Buffer>();
    const image = Buffer.from('firmware image 1.2.3\n');
    const sha = createHash('sha256').update(image).digest('hex');

    beforeEach(async () => {
      http = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          if (req.method === 'PUT') {
            stored.set(req.url ?? '', Buffer.concat(chunks));
            res.writeHead(201).end();
          } else if (req.url === `/fw-${sha}.bin` || req.url === '/fw-corrupt.bin') {
            res.writeHead(200).end(image);
          } else {
            res.writeHead(404).end();
          }
        });
      });
      await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
      base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    });
    afterEach(async () => {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    });

    const firmwareStatuses = (from: number) => csms.calls.slice(from).filter((c) => c.action === 'FirmwareStatusNotification').map((c) => c.payload.status);

    it('firmware: Downloading, Downloaded, Installing, reboot (BootNotification with the new version), Installed', async () => {
      await boot({ firmwareStepMs: 10 });
      const from = csms.calls.length;
      await csms.call('UpdateFirmware', { location: `${base}/fw-${sha}.bin`, retrieveDate: new Date().toISOString() });
      const installed = await csms.waitFor('FirmwareStatusNotification', (p) => p.status === 'Installed', from);
      const rebooted = await csms.waitFor('BootNotification', () => true, from);
      expect(csms.calls.indexOf(rebooted)).to.be.lessThan(csms.calls.indexOf(installed));
      expect(rebooted.payload.firmwareVersion).to.equal(`fw-${sha}`.slice(0, 50));
      expect(firmwareStatuses(from)).to.deep.equal(['Downloading', 'Downloaded', 'Installing', 'Installed']);
      expect((await csms.call('TriggerMessage', { requestedMessage: 'FirmwareStatusNotification' })).status).to.equal('Accepted');
      await csms.waitFor('FirmwareStatusNotification', (p) => p.status === 'Idle', from);
    });

    it('firmware: DownloadFailed after the retries, InstallationFailed for a corrupt image', async () => {
      await boot({ firmwareStepMs: 10 });
      let from = csms.calls.length;
      await csms.call('UpdateFirmware', { location: `${base}/missing.bin`, retrieveDate: new Date().toISOString(), retries: 1, retryInterval: 0 });
      await csms.waitFor('FirmwareStatusNotification', (p) => p.status === 'DownloadFailed', from);
      expect(firmwareStatuses(from)).to.deep.equal(['Downloading', 'DownloadFailed']);
      from = csms.calls.length;
      await csms.call('UpdateFirmware', { location: `${base}/fw-corrupt.bin`, retrieveDate: new Date().toISOString() });
      await csms.waitFor('FirmwareStatusNotification', (p) => p.status === 'InstallationFailed', from);
      expect(firmwareStatuses(from)).to.deep.equal(['Downloading', 'Downloaded', 'Installing', 'InstallationFailed']);
    });

    it('diagnostics: answers the file name, uploads it (PUT) with Uploading then Uploaded; UploadFailed when refused', async () => {
      await boot();
      const from = csms.calls.length;
      const res = await csms.call('GetDiagnostics', { location: `${base}/upload/` });
      expect(res.fileName).to.match(/^diagnostics-RCP01-.*\.log$/);
      await csms.waitFor('DiagnosticsStatusNotification', (p) => p.status === 'Uploaded', from);
      expect(stored.get(`/upload/${String(res.fileName)}`)?.toString()).to.include('HeartbeatInterval=');
      const again = csms.calls.length;
      await csms.call('GetDiagnostics', { location: 'ftp://127.0.0.1:1/nowhere/', retries: 0 });
      await csms.waitFor('DiagnosticsStatusNotification', (p) => p.status === 'UploadFailed', again);
      expect(csms.calls.slice(again).filter((c) => c.action === 'DiagnosticsStatusNotification').map((c) => c.payload.status)).to.deep.equal(['Uploading', 'UploadFailed']);
    });
  });

  it('file transfer over FTP (the harness file servers): self-checking image installed with its version, a corrupt one refused, diagnostics stored', async () => {
    const files = await startFileServers();
    try {
      files.store.serve('/fw/good.bin', firmwareImage({ bytes: 300, version: '2.0.0' }));
      files.store.serve('/fw/bad.bin', corruptFirmwareImage(firmwareImage({ bytes: 300, version: '2.0.1' })));
      await boot({ firmwareStepMs: 10 });
      let from = csms.calls.length;
      await csms.call('UpdateFirmware', { location: files.ftpUrl('/fw/good.bin'), retrieveDate: new Date().toISOString() });
      await csms.waitFor('FirmwareStatusNotification', (p) => p.status === 'Installed', from);
      expect((await csms.waitFor('BootNotification', () => true, from)).payload.firmwareVersion).to.equal('2.0.0');
      from = csms.calls.length;
      await csms.call('UpdateFirmware', { location: files.httpUrl('/fw/bad.bin'), retrieveDate: new Date().toISOString() });
      await csms.waitFor('FirmwareStatusNotification', (p) => p.status === 'InstallationFailed', from);
      from = csms.calls.length;
      const { fileName } = await csms.call('GetDiagnostics', { location: files.ftpUrl('/diag/') });
      await csms.waitFor('DiagnosticsStatusNotification', (p) => p.status === 'Uploaded', from);
      expect(files.store.upload(`/diag/${String(fileName)}`)?.toString()).to.include('# frames');
    } finally {
      await files.close();
    }
  });

  it('power failure: after the boot, Finishing and StopTransaction PowerLoss with the meter and time of the failure; Unavailable persists', async () => {
    await boot({ powerOffMs: 50 });
    await perform('plugIn', { connectorId: 1 });
    await perform('presentIdTag', { connectorId: 1, idTag: 'ACCEPTED01' });
    await csms.waitFor('StatusNotification', (p) => p.status === 'Charging');
    await sleep(50);
    const failAt = Date.now();
    const meter = cp.state.connectors[0]!.meterWh;
    const from = csms.calls.length;
    await perform('powerFailure');
    const stop = await csms.waitFor('StopTransaction', () => true, from);
    expect(stop.payload.reason).to.equal('PowerLoss');
    expect(stop.payload.meterStop).to.be.within(meter, meter + 1);
    expect(Date.parse(String(stop.payload.timestamp))).to.be.within(failAt - 5, failAt + 20);
    const boot1 = await csms.waitFor('BootNotification', () => true, from);
    expect(csms.calls.indexOf(boot1)).to.be.lessThan(csms.calls.indexOf(stop));
    expect(csms.statuses(1, from)[0]).to.equal('Finishing');
    // Unavailable survives a power failure (§4.9).
    await perform('unplug', { connectorId: 1 });
    expect((await csms.call('ChangeAvailability', { connectorId: 0, type: 'Inoperative' })).status).to.equal('Accepted');
    await csms.waitFor('StatusNotification', (p) => p.connectorId === 1 && p.status === 'Unavailable', from);
    const again = csms.calls.length;
    await perform('powerFailure');
    await csms.waitFor('StatusNotification', (p) => p.connectorId === 1, again);
    expect(csms.statuses(0, again)).to.deep.equal(['Unavailable']);
    expect(csms.statuses(1, again)).to.deep.equal(['Unavailable']);
  });

  it('faults: lock failure (Faulted ConnectorLockFailure, no transaction), unlock failure, fault and clearFault, EV suspend', async () => {
    await boot();
    let from = csms.calls.length;
    await perform('lockFailure', { connectorId: 1 });
    await perform('plugIn', { connectorId: 1 });
    expect((await csms.call('RemoteStartTransaction', { connectorId: 1, idTag: 'ACCEPTED01' })).status).to.equal('Accepted');
    await csms.waitFor('StatusNotification', (p) => p.status === 'Faulted' && p.errorCode === 'ConnectorLockFailure', from);
    await sleep(50);
    expect(csms.calls.slice(from).some((c) => c.action === 'StartTransaction')).to.equal(false);
    await perform('unplug', { connectorId: 1 });
    await csms.waitFor('StatusNotification', (p) => p.status === 'Available', from);

    await perform('unlockFailure', { connectorId: 1 });
    expect((await csms.call('UnlockConnector', { connectorId: 1 })).status).to.equal('UnlockFailed');
    expect((await csms.call('UnlockConnector', { connectorId: 1 })).status).to.equal('Unlocked');
    expect((await csms.call('UnlockConnector', { connectorId: 9 })).status).to.equal('NotSupported');

    from = csms.calls.length;
    await perform('fault', { connectorId: 0, errorCode: 'HighTemperature' });
    await csms.waitFor('StatusNotification', (p) => p.connectorId === 0 && p.status === 'Faulted' && p.errorCode === 'HighTemperature', from);
    await perform('clearFault', { connectorId: 0 });
    await csms.waitFor('StatusNotification', (p) => p.connectorId === 0 && p.status === 'Available', from);

    from = csms.calls.length;
    await perform('plugIn', { connectorId: 1 });
    await perform('presentIdTag', { connectorId: 1, idTag: 'ACCEPTED01' });
    await csms.waitFor('StatusNotification', (p) => p.status === 'Charging', from);
    await perform('evSuspend', { connectorId: 1 });
    await csms.waitFor('StatusNotification', (p) => p.status === 'SuspendedEV', from);
    await perform('evResume', { connectorId: 1 });
    await sleep(30);
    expect(csms.statuses(1, from).slice(-3)).to.deep.equal(['Charging', 'SuspendedEV', 'Charging']);
    expect((await cp.perform('levitate', {})).outcome).to.equal('unsupported');
  });

  it('StartTransaction.conf Invalid: DeAuthorized stop (StopTransactionOnInvalidId) or SuspendedEVSE', async () => {
    await boot();
    csms.handlers.set('StartTransaction', () => ({ transactionId: 55, idTagInfo: { status: 'Invalid' } }));
    let from = csms.calls.length;
    await perform('plugIn', { connectorId: 1 });
    await csms.call('RemoteStartTransaction', { connectorId: 1, idTag: 'BAD' });
    await csms.waitFor('StopTransaction', (p) => p.reason === 'DeAuthorized' && p.transactionId === 55, from);
    expect(csms.statuses(1, from)).to.not.include('Charging');
    await perform('unplug', { connectorId: 1 });
    await csms.call('ChangeConfiguration', { key: 'StopTransactionOnInvalidId', value: 'false' });
    from = csms.calls.length;
    await perform('plugIn', { connectorId: 1 });
    await csms.call('RemoteStartTransaction', { connectorId: 1, idTag: 'BAD' });
    await csms.waitFor('StatusNotification', (p) => p.status === 'SuspendedEVSE', from);
  });
});
