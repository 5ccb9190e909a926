// The 2.0.1 reference charging station: boot (B01–B03), heartbeat, the connection (back-off, offline
// threshold B04), Reset (B11/B12) and network profiles (B09/B10), over real sockets on 127.0.0.1.

import { expect } from 'chai';
import { sleep } from './station-test-csms.js';
import { setVariable, startPair, stopPairs } from './station-pair.js';

describe('OCPP 2.0.1 reference charging station: boot and connection', function () {
  this.timeout(20000);
  afterEach(stopPairs);

  it('boots with reason PowerUp, then reports every connector, a startup security event and heartbeats on the interval', async () => {
    const p = await startPair({}, (c) => { c.bootInterval = 1; });
    const boot = p.csms.of('BootNotification')[0]!;
    expect(boot.payload.reason).to.equal('PowerUp');
    expect(boot.payload.chargingStation).to.include({ vendorName: 'ocpp-harness' });
    const s1 = await p.csms.waitFor('StatusNotification', (x) => x.evseId === 1);
    const s2 = await p.csms.waitFor('StatusNotification', (x) => x.evseId === 2);
    for (const s of [s1, s2]) expect(s.payload).to.include({ connectorStatus: 'Available', connectorId: 1 });
    expect(p.csms.of('SecurityEventNotification')[0]!.payload.type).to.equal('StartupOfTheDevice');
    await p.csms.waitFor('Heartbeat', undefined, 2500);
    const get = await p.csms.call('GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } }] });
    expect((get.getVariableResult as Array<Record<string, unknown>>)[0]!.attributeValue).to.equal('1');
  });

  it('while Pending: sends no status, answers GetVariables, rejects RequestStartTransaction; TriggerMessage BootNotification boots again (Triggered)', async () => {
    const p = await startPair({}, (c) => { c.bootStatus = 'Pending'; c.bootInterval = 30; });
    await sleep(200);
    const get = await p.csms.call('GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } }] });
    expect((get.getVariableResult as Array<Record<string, unknown>>)[0]!.attributeStatus).to.equal('Accepted');
    const start = await p.csms.call('RequestStartTransaction', { idToken: { idToken: 'TOKEN-OK', type: 'ISO14443' }, remoteStartId: 1 });
    expect(start.status).to.equal('Rejected');
    const report = await p.csms.call('GetBaseReport', { requestId: 5, reportBase: 'FullInventory' });
    expect(report.status).to.equal('Accepted');
    await p.csms.waitFor('NotifyReport', (x) => x.tbc === undefined);
    expect(p.csms.of('StatusNotification')).to.have.length(0);
    p.csms.bootStatus = 'Accepted';
    expect((await p.csms.call('TriggerMessage', { requestedMessage: 'BootNotification' })).status).to.equal('Accepted');
    const again = await p.csms.waitFor('BootNotification', (x) => x.reason === 'Triggered');
    expect(again).to.exist;
    await p.csms.waitFor('StatusNotification');
    expect((await p.csms.call('TriggerMessage', { requestedMessage: 'BootNotification' })).status).to.equal('Rejected');
  });

  it('while Rejected: answers CSMS requests with SecurityError and boots again only after the interval', async () => {
    const p = await startPair({}, (c) => { c.bootStatus = 'Rejected'; c.bootInterval = 1; });
    const first = p.csms.of('BootNotification')[0]!;
    await sleep(100);
    const err = await p.csms.call('GetBaseReport', { requestId: 1, reportBase: 'FullInventory' }).then(() => undefined, (e: Error & { rpcErrorCode?: string }) => e.rpcErrorCode);
    expect(err).to.equal('SecurityError');
    p.csms.bootStatus = 'Accepted';
    const second = await p.csms.waitFor('BootNotification', undefined, 3000, 1);
    expect(second.at - first.at).to.be.at.least(950);
    await p.csms.waitFor('StatusNotification');
    expect(p.csms.calls.slice(0, p.csms.calls.indexOf(second)).every((c) => c.action === 'BootNotification')).to.equal(true);
  });

  it('reconnects after RetryBackOffWaitMinimum, doubling the wait after a refused attempt (Part 4 §5.3)', async () => {
    const p = await startPair();
    expect(await setVariable(p, 'OCPPCommCtrlr', 'RetryBackOffWaitMinimum', '1')).to.equal('Accepted');
    p.csms.refuse = true;
    const lost = Date.now();
    await p.csms.dropClient();
    while (p.csms.refusedAt.length < 1) await sleep(50);
    p.csms.refuse = false;
    const n = p.csms.connectedAt.length;
    while (p.csms.connectedAt.length === n) await sleep(50);
    const firstTry = p.csms.refusedAt[0]! - lost;
    const secondTry = p.csms.connectedAt[n]! - p.csms.refusedAt[0]!;
    expect(firstTry).to.be.at.least(950);
    expect(secondTry).to.be.at.least(1900);
    // No BootNotification on a reconnection without a reboot.
    await sleep(400);
    expect(p.csms.of('BootNotification')).to.have.length(1);
  });

  it('after an offline period longer than OfflineThreshold reports every connector, after a shorter one only the changed (B04)', async () => {
    const p = await startPair();
    await p.csms.waitFor('StatusNotification', (x) => x.evseId === 2);
    expect(await setVariable(p, 'OCPPCommCtrlr', 'OfflineThreshold', '1')).to.equal('Accepted');
    const before = p.csms.calls.length;
    await p.station.perform('networkDown', {});
    await p.station.perform('plugIn', { evseId: 1 });
    await sleep(1200);
    await p.station.perform('networkUp', {});
    await p.csms.waitFor('StatusNotification', (x) => x.evseId === 1 && x.connectorStatus === 'Occupied', 3000, before).catch((e: Error) => { throw new Error(`${e.message}\n${p.lines.join('\n')}`); });
    await p.csms.waitFor('StatusNotification', (x) => x.evseId === 2 && x.connectorStatus === 'Available', 3000, before);

    expect(await setVariable(p, 'OCPPCommCtrlr', 'OfflineThreshold', '60')).to.equal('Accepted');
    const mid = p.csms.calls.length;
    await p.station.perform('networkDown', {});
    await p.station.perform('unplug', { evseId: 1 });
    await p.station.perform('networkUp', {});
    await p.csms.waitFor('StatusNotification', (x) => x.evseId === 1 && x.connectorStatus === 'Available', 3000, mid).catch((e: Error) => { throw new Error(`${e.message}\n${p.lines.join('\n')}`); });
    await sleep(300);
    expect(p.csms.calls.slice(mid).filter((c) => c.action === 'StatusNotification' && c.payload.evseId === 2)).to.have.length(0);
  });

  it('Reset OnIdle without a transaction reboots (RemoteReset) and keeps an Unavailable connector Unavailable (B11, TC_B_23)', async () => {
    const p = await startPair();
    expect((await p.csms.call('ChangeAvailability', { operationalStatus: 'Inoperative', evse: { id: 1, connectorId: 1 } })).status).to.equal('Accepted');
    await p.csms.waitFor('StatusNotification', (x) => x.evseId === 1 && x.connectorStatus === 'Unavailable');
    const before = p.csms.calls.length;
    expect((await p.csms.call('Reset', { type: 'OnIdle' })).status).to.equal('Accepted');
    const boot = await p.csms.waitFor('BootNotification', undefined, 3000, before);
    expect(boot.payload.reason).to.equal('RemoteReset');
    await p.csms.waitFor('StatusNotification', (x) => x.evseId === 1 && x.connectorStatus === 'Unavailable', 3000, before);
    await p.csms.waitFor('StatusNotification', (x) => x.evseId === 2 && x.connectorStatus === 'Available', 3000, before);
    expect((await p.csms.waitFor('SecurityEventNotification', undefined, 3000, before)).payload.type).to.equal('ResetOrReboot');
  });

  it('SetNetworkProfile rejects an unknown slot; a new priority takes effect after a reset and falls back to the old slot when the new one fails (B09/B10)', async () => {
    const p = await startPair();
    const data = { ocppVersion: 'OCPP20', ocppTransport: 'JSON', ocppCsmsUrl: 'ws://127.0.0.1:9', messageTimeout: 30, securityProfile: 0, ocppInterface: 'Wired0' };
    expect((await p.csms.call('SetNetworkProfile', { configurationSlot: 999, connectionData: data })).status).to.equal('Rejected');
    expect(await setVariable(p, 'OCPPCommCtrlr', 'NetworkConfigurationPriority', '2,1')).to.equal('Rejected');
    expect((await p.csms.call('SetNetworkProfile', { configurationSlot: 2, connectionData: data })).status).to.equal('Accepted');
    expect(await setVariable(p, 'OCPPCommCtrlr', 'NetworkProfileConnectionAttempts', '2')).to.equal('Accepted');
    expect(await setVariable(p, 'OCPPCommCtrlr', 'NetworkConfigurationPriority', '2,1')).to.equal('RebootRequired');
    const before = p.csms.calls.length;
    expect((await p.csms.call('Reset', { type: 'OnIdle' })).status).to.equal('Accepted');
    await p.csms.waitFor('BootNotification', undefined, 5000, before);
    expect(p.lines.filter((l) => /connect failed/.test(l))).to.have.length(2);
    const get = await p.csms.call('GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'ActiveNetworkProfile' } }] });
    expect((get.getVariableResult as Array<Record<string, unknown>>)[0]!.attributeValue).to.equal('1');
  });
});
