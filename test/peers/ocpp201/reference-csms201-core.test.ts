// The OCPP 2.0.1 reference CSMS answering a charging station (127.0.0.1, port 0): the handshake, the
// answers the CSMS-side tables of blocks B, E, J and P rely on, and OCPP-J 2.0.1 error handling.

import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { request, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ReferenceCsms201 } from '../../../harness/versions/ocpp201/reference/csms.js';
import { RawSocket, Station, startCsms, txEvent } from './csms201-station.js';

const signedSample = {
  timestamp: new Date().toISOString(),
  sampledValue: [{ value: 0, context: 'Transaction.Begin', signedMeterValue: { signedMeterData: 'AAEC', signingMethod: 'ECDSA', encodingMethod: 'OCMF', publicKey: 'AAEC' } }],
};

describe('reference CSMS 2.0.1: answers to a charging station', function () {
  this.timeout(5000);
  let csms: ReferenceCsms201;
  let url: string;
  let logs: string[];
  const open: Array<{ close(): unknown }> = [];

  beforeEach(async () => {
    ({ csms, url, logs } = await startCsms({ idTokens: { accepted: ['GOOD'], blocked: ['BAD'], expired: ['OLD'], invalid: ['NOPE'] } }));
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') console.log(logs.join('\n'));
    for (const s of open.splice(0)) await s.close();
    await csms.close();
  });
  const station = async (identity = 'CS01'): Promise<Station> => {
    const s = await Station.connect(url, identity);
    open.push(s);
    return s;
  };
  const raw = async (identity = 'RAW01', protocols?: string[]): Promise<RawSocket> => {
    const r = await RawSocket.open(url, identity, protocols);
    open.push(r);
    return r;
  };

  it('selects the ocpp2.0.1 subprotocol, and only that one', async () => {
    const s = await station();
    expect(s.client.protocol).to.equal('ocpp2.0.1');
  });

  it('completes a handshake offering only ocpp1.6 without a subprotocol and closes it at once', async () => {
    // Raw HTTP: the ws client itself refuses a handshake answer without the subprotocol it offered.
    const req = request(`${url.replace('ws:', 'http:')}/OLD16`, {
      headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': randomBytes(16).toString('base64'), 'Sec-WebSocket-Protocol': 'ocpp1.6' },
    });
    const { res, socket, head } = await new Promise<{ res: IncomingMessage; socket: Duplex; head: Buffer }>((resolve, reject) => {
      req.once('upgrade', (r: IncomingMessage, sock: Duplex, h: Buffer) => resolve({ res: r, socket: sock, head: h }));
      req.once('error', reject);
      req.end();
    });
    expect(res.statusCode).to.equal(101);
    expect(res.headers['sec-websocket-protocol']).to.equal(undefined);
    // The first frame on the socket is a close frame (opcode 8) with code 1002.
    const frame = head.length >= 4 ? head : await new Promise<Buffer>((resolve) => socket.once('data', (d: Buffer) => resolve(d)));
    socket.destroy();
    expect(frame[0]! & 0x0f).to.equal(8);
    expect(frame.readUInt16BE(2)).to.equal(1002);
  });

  it('asks for Basic auth when a password is configured', async () => {
    await csms.close();
    ({ csms, url, logs } = await startCsms({ password: 'secret-0123456789' }));
    const bad = Station.connect(url, 'CS01', { password: 'wrong' });
    await bad.then((s) => s.close()).then(() => expect.fail('connected with a wrong password'), (err: Error) => expect(err.message).to.match(/401|Unauthorized/));
    const good = await Station.connect(url, 'CS01', { password: 'secret-0123456789' });
    open.push(good);
    expect(good.client.protocol).to.equal('ocpp2.0.1');
  });

  it('accepts a BootNotification with its heartbeat interval and an RFC 3339 currentTime', async () => {
    const s = await station();
    const r = await s.boot();
    expect(r.status).to.equal('Accepted');
    expect(r.interval).to.equal(7);
    expect(Number.isNaN(Date.parse(String(r.currentTime)))).to.equal(false);
    expect(csms.registrationStatus('CS01')).to.equal('Accepted');
  });

  it('answers Heartbeat with currentTime, StatusNotification and NotifyEvent with {}', async () => {
    const s = await station();
    await s.boot();
    const hb = await s.send('Heartbeat', {});
    expect(hb).to.have.property('currentTime').that.is.a('string');
    const sn = await s.send('StatusNotification', { timestamp: new Date().toISOString(), connectorStatus: 'Available', evseId: 1, connectorId: 1 });
    expect(sn).to.deep.equal({});
    const ne = await s.send('NotifyEvent', {
      generatedAt: new Date().toISOString(), seqNo: 0,
      eventData: [{ eventId: 1, timestamp: new Date().toISOString(), trigger: 'Delta', actualValue: 'Available', eventNotificationType: 'HardWiredNotification', component: { name: 'Connector', evse: { id: 1, connectorId: 1 } }, variable: { name: 'AvailabilityState' } }],
    });
    expect(ne).to.deep.equal({});
  });

  it('answers Authorize by its lists: Accepted, Blocked, Expired, Invalid, Unknown', async () => {
    const s = await station();
    await s.boot();
    const status = async (idToken: string): Promise<unknown> => ((await s.send('Authorize', { idToken: { idToken, type: 'ISO14443' } })).idTokenInfo as { status: string }).status;
    expect(await status('GOOD')).to.equal('Accepted');
    expect(await status('BAD')).to.equal('Blocked');
    expect(await status('OLD')).to.equal('Expired');
    expect(await status('NOPE')).to.equal('Invalid');
    expect(await status('WHO')).to.equal('Unknown');
  });

  it('accepts a transaction starting with seqNo 0, answers idTokenInfo for a given idToken, and remembers it', async () => {
    const s = await station();
    await s.boot();
    const started = await s.send('TransactionEvent', txEvent('Started', 0, { idToken: { idToken: 'GOOD', type: 'ISO14443' }, evse: { id: 1, connectorId: 1 } }));
    expect(started).to.deep.equal({ idTokenInfo: { status: 'Accepted' } });
    const updated = await s.send('TransactionEvent', txEvent('Updated', 1, { transactionInfo: { chargingState: 'Charging' } }));
    expect(updated).to.deep.equal({});
    const ended = await s.send('TransactionEvent', txEvent('Ended', 2, { transactionInfo: { chargingState: 'Idle', stoppedReason: 'EVDisconnected' } }));
    expect(ended).to.deep.equal({});
    const [tx] = csms.transactions('CS01');
    expect(tx).to.include({ transactionId: 'TX-1', evseId: 1, connectorId: 1, ended: true, chargingState: 'Idle', stoppedReason: 'EVDisconnected' });
    expect(tx?.seqNos).to.deep.equal([0, 1, 2]);
  });

  it('answers an invalid or unknown idToken in a TransactionEvent with Invalid or Unknown (TC_E_16)', async () => {
    const s = await station();
    await s.boot();
    const invalid = await s.send('TransactionEvent', txEvent('Started', 0, { idToken: { idToken: 'NOPE', type: 'ISO14443' } }, 'TX-I'));
    expect(invalid).to.deep.equal({ idTokenInfo: { status: 'Invalid' } });
    const unknown = await s.send('TransactionEvent', txEvent('Started', 0, { idToken: { idToken: 'WHO', type: 'ISO14443' } }, 'TX-U'));
    expect(unknown).to.deep.equal({ idTokenInfo: { status: 'Unknown' } });
  });

  it('answers a StopAuthorized without idToken with the idTokenInfo of its transaction (reusable state StopAuthorized)', async () => {
    const s = await station();
    await s.boot();
    await s.send('TransactionEvent', txEvent('Started', 0, { idToken: { idToken: 'GOOD', type: 'ISO14443' } }));
    const stop = await s.send('TransactionEvent', { ...txEvent('Updated', 1), triggerReason: 'StopAuthorized' });
    expect(stop).to.deep.equal({ idTokenInfo: { status: 'Accepted' } });
  });

  it('gives the configured groupIdToken with an Accepted idTokenInfo', async () => {
    await csms.close();
    ({ csms, url, logs } = await startCsms({ idTokens: { accepted: ['GOOD'] }, groupIdToken: 'GROUP1' }));
    const s = await station();
    await s.boot();
    const r = await s.send('Authorize', { idToken: { idToken: 'GOOD', type: 'ISO14443' } });
    expect(r.idTokenInfo).to.deep.equal({ status: 'Accepted', groupIdToken: { idToken: 'GROUP1', type: 'Central' } });
  });

  it('takes signed meter values in MeterValues and TransactionEvent (TC_J_04, TC_J_11)', async () => {
    const s = await station();
    await s.boot();
    expect(await s.send('MeterValues', { evseId: 1, meterValue: [signedSample] })).to.deep.equal({});
    expect(await s.send('TransactionEvent', txEvent('Started', 0, { meterValue: [signedSample] }))).to.deep.equal({});
    expect(csms.transactions('CS01')[0]?.signedMeterValues).to.equal(1);
  });

  it('takes customData in StatusNotification and TransactionEvent (TC_P_03)', async () => {
    const s = await station();
    await s.boot();
    const customData = { vendorId: 'com.example', anything: 1 };
    expect(await s.send('StatusNotification', { timestamp: new Date().toISOString(), connectorStatus: 'Available', evseId: 1, connectorId: 1, customData })).to.deep.equal({});
    expect(await s.send('TransactionEvent', txEvent('Started', 0, { transactionInfo: { customData } }))).to.deep.equal({});
  });

  it('keeps NotifyReport parts per requestId until the part without tbc', async () => {
    const s = await station();
    await s.boot();
    const part = (seqNo: number, tbc: boolean): Record<string, unknown> => ({
      requestId: 5, generatedAt: new Date().toISOString(), seqNo, tbc,
      reportData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: `V${seqNo}` }, variableAttribute: [{ value: '1' }] }],
    });
    await s.send('NotifyReport', part(0, true));
    expect(csms.reports('CS01').get(5)?.complete).to.equal(false);
    await s.send('NotifyReport', part(1, false));
    const report = csms.reports('CS01').get(5);
    expect(report?.complete).to.equal(true);
    expect(report?.seqNos).to.deep.equal([0, 1]);
    expect(report?.reportData).to.have.length(2);
  });

  it('answers DataTransfer: UnknownVendorId, UnknownMessageId, Accepted for its own vendor (TC_P_02)', async () => {
    const s = await station();
    await s.boot();
    expect(await s.send('DataTransfer', { vendorId: 'com.unknown', messageId: 'x' })).to.deep.equal({ status: 'UnknownVendorId' });
    expect(await s.send('DataTransfer', { vendorId: 'org.ocpp-harness', messageId: 'nope' })).to.deep.equal({ status: 'UnknownMessageId' });
    expect(await s.send('DataTransfer', { vendorId: 'org.ocpp-harness', messageId: 'echo', data: 'hi' })).to.deep.equal({ status: 'Accepted', data: 'hi' });
  });

  it('answers SecurityEventNotification, FirmwareStatusNotification, LogStatusNotification with {}', async () => {
    const s = await station();
    await s.boot();
    expect(await s.send('SecurityEventNotification', { type: 'StartupOfTheDevice', timestamp: new Date().toISOString() })).to.deep.equal({});
    expect(await s.send('FirmwareStatusNotification', { status: 'Installed' })).to.deep.equal({});
    expect(await s.send('LogStatusNotification', { status: 'Uploaded', requestId: 1 })).to.deep.equal({});
  });

  it('answers payload errors with the Part 4 codes (customData is no error)', async () => {
    const s = await station();
    await s.boot();
    expect(await s.send('Heartbeat', { extra: 1 })).to.deep.equal({ error: 'ProtocolError' });
    expect(await s.send('Heartbeat', [])).to.deep.equal({ error: 'ProtocolError' });
    expect(await s.send('Heartbeat', { customData: { vendorId: 'com.example', anything: true } })).to.have.property('currentTime');
    expect(await s.send('StatusNotification', { timestamp: 'yesterday', connectorStatus: 'Available', evseId: 1, connectorId: 1 })).to.deep.equal({ error: 'FormatViolation' });
    expect(await s.send('Authorize', {})).to.deep.equal({ error: 'OccurrenceConstraintViolation' });
    expect(await s.send('Authorize', { idToken: { idToken: 5, type: 'ISO14443' } })).to.deep.equal({ error: 'TypeConstraintViolation' });
    expect(await s.send('Authorize', { idToken: { idToken: 'GOOD', type: 'Barcode' } })).to.deep.equal({ error: 'PropertyConstraintViolation' });
  });

  it('answers an unknown action NotImplemented and a 2.0.1 action it does not serve NotSupported', async () => {
    const s = await station();
    await s.boot();
    expect(await s.send('FrobnicateWidget', {})).to.deep.equal({ error: 'NotImplemented' });
    expect(await s.send('Get15118EVCertificate', { iso15118SchemaVersion: 'x', action: 'Install', exiRequest: 'AA' })).to.deep.equal({ error: 'NotSupported' });
  });

  it('answers an unknown message type with MessageTypeNotSupported and its id, an unreadable id with "-1", an incomplete CALL with its id', async () => {
    const r = await raw();
    r.send([7, 'abc-1', 'Heartbeat', {}]);
    const typeAnswer = await r.next();
    expect(typeAnswer?.slice(0, 3)).to.deep.equal([4, 'abc-1', 'MessageTypeNotSupported']);
    r.send('this is no json');
    const jsonAnswer = await r.next();
    expect(jsonAnswer?.slice(0, 3)).to.deep.equal([4, '-1', 'RpcFrameworkError']);
    r.send([2, 'inc-1']);
    expect((await r.next())?.slice(0, 3)).to.deep.equal([4, 'inc-1', 'RpcFrameworkError']);
    // ... and still answers a proper CALL after all that.
    r.send([2, 'hb-1', 'Heartbeat', {}]);
    const hb = await r.next();
    expect(hb?.slice(0, 2)).to.deep.equal([3, 'hb-1']);
  });
});
