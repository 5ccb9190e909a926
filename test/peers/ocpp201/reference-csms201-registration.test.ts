// The 2.0.1 reference CSMS's registration (B01–B03): a configured first Pending or Rejected boot,
// SecurityError for what a station sends untriggered meanwhile, what the CSMS itself may send.

import { expect } from 'chai';
import type { ReferenceCsms201 } from '../../../harness/versions/ocpp201/reference/csms.js';
import { Station, startCsms } from './csms201-station.js';

const statusNotification = { timestamp: new Date().toISOString(), connectorStatus: 'Available', evseId: 1, connectorId: 1 };

describe('reference CSMS 2.0.1: boot registration (Pending, Rejected)', function () {
  this.timeout(5000);
  let csms: ReferenceCsms201;
  let url: string;
  let logs: string[];
  let station: Station | undefined;

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') console.log(logs.join('\n'));
    await station?.close();
    station = undefined;
    await csms.close();
  });

  it('answers the first boot Pending with the retry interval, then Accepted (TC_B_02)', async () => {
    ({ csms, url, logs } = await startCsms({ bootStatus: 'Pending', retryIntervalS: 3 }));
    station = await Station.connect(url, 'CS01');
    const first = await station.boot();
    expect(first).to.include({ status: 'Pending', interval: 3 });
    const second = await station.boot();
    expect(second).to.include({ status: 'Accepted', interval: 7 });
  });

  it('answers an untriggered CALL while Pending with SecurityError, and normally once Accepted (TC_B_30)', async () => {
    ({ csms, url, logs } = await startCsms({ bootStatus: 'Pending' }));
    station = await Station.connect(url, 'CS01');
    await station.boot();
    expect(await station.send('StatusNotification', statusNotification)).to.deep.equal({ error: 'SecurityError' });
    expect(await station.send('Heartbeat', {})).to.deep.equal({ error: 'SecurityError' });
    await station.boot();
    expect(await station.send('StatusNotification', statusNotification)).to.deep.equal({});
  });

  it('answers every CALL but BootNotification with SecurityError while Rejected (B03.FR.07)', async () => {
    ({ csms, url, logs } = await startCsms({ bootStatus: 'Rejected' }));
    station = await Station.connect(url, 'CS01');
    expect(await station.boot()).to.include({ status: 'Rejected' });
    expect(await station.send('StatusNotification', statusNotification)).to.deep.equal({ error: 'SecurityError' });
    expect(await csms.perform('GetVariables', { identity: 'CS01', getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } }] })).to.include({ outcome: 'failed' });
  });

  it('while Pending, takes what it asked for: NotifyReport after GetBaseReport, the triggered message after TriggerMessage (B02.FR.09)', async () => {
    ({ csms, url, logs } = await startCsms({ bootStatus: 'Pending' }));
    station = await Station.connect(url, 'CS01');
    await station.boot();
    const report = { requestId: 1, generatedAt: new Date().toISOString(), seqNo: 0, tbc: false };
    expect(await station.send('NotifyReport', report)).to.deep.equal({ error: 'SecurityError' });
    expect(await csms.perform('GetBaseReport', { identity: 'CS01', requestId: 1, reportBase: 'FullInventory' })).to.include({ outcome: 'done' });
    expect(await station.send('NotifyReport', report)).to.deep.equal({});
    expect(await csms.perform('TriggerMessage', { identity: 'CS01', requestedMessage: 'StatusNotification', evse: { id: 1, connectorId: 1 } })).to.include({ outcome: 'done' });
    expect(await station.send('StatusNotification', statusNotification)).to.deep.equal({});
    expect(await station.send('Heartbeat', {})).to.deep.equal({ error: 'SecurityError' });
  });

  it('while Pending, sends only B05–B08 requests and TriggerMessage (B02.FR.01)', async () => {
    ({ csms, url, logs } = await startCsms({ bootStatus: 'Pending' }));
    station = await Station.connect(url, 'CS01');
    await station.boot();
    const refused = await csms.perform('RequestStartTransaction', { identity: 'CS01' });
    expect(refused.outcome).to.equal('failed');
    expect(refused.detail).to.match(/Pending/);
    expect(await csms.perform('TriggerMessage', { identity: 'CS01', requestedMessage: 'BootNotification' })).to.include({ outcome: 'done' });
    await station.waitFor('TriggerMessage');
    expect(station.received.map((c) => c.method)).to.deep.equal(['TriggerMessage']);
  });

  it('lets a Rejected station be triggered to boot again, and nothing else (TC_B_31)', async () => {
    ({ csms, url, logs } = await startCsms({ bootStatus: 'Rejected' }));
    station = await Station.connect(url, 'CS01');
    await station.boot();
    expect(await csms.perform('TriggerMessage', { identity: 'CS01', requestedMessage: 'Heartbeat' })).to.include({ outcome: 'failed' });
    expect(await csms.perform('TriggerMessage', { identity: 'CS01', requestedMessage: 'BootNotification' })).to.include({ outcome: 'done' });
    expect((await station.boot('Triggered')).status).to.equal('Accepted');
  });

  it('setBootStatus: the next boot of that station gets the status (and interval) asked for, once', async () => {
    ({ csms, url, logs } = await startCsms());
    station = await Station.connect(url, 'CS01');
    expect((await station.boot()).status).to.equal('Accepted');
    expect(await csms.perform('setBootStatus', { identity: 'CS01', status: 'Pending', interval: 4 })).to.include({ outcome: 'done' });
    expect(await station.boot()).to.include({ status: 'Pending', interval: 4 });
    expect((await station.boot()).status).to.equal('Accepted');
    expect(await csms.perform('setBootStatus', { identity: 'CS01', status: 'Sleepy' })).to.include({ outcome: 'failed' });
  });

  it('setBootStatus without identity applies to every station', async () => {
    ({ csms, url, logs } = await startCsms());
    expect(await csms.perform('setBootStatus', { status: 'Rejected' })).to.include({ outcome: 'done' });
    station = await Station.connect(url, 'CS07');
    expect((await station.boot()).status).to.equal('Rejected');
  });
});
