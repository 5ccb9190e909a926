// The 2.0.1 reference CSMS sending, on request (`perform`), the requests the CSMS-side tables of
// blocks B, E, J and P need, with the payload asked for (and its defaults where the schema needs them).

import { expect } from 'chai';
import type { ReferenceCsms201 } from '../../../harness/versions/ocpp201/reference/csms.js';
import { Station, startCsms, txEvent } from './csms201-station.js';

const offlineThreshold = { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } };
const remoteStart = { component: { name: 'AuthCtrlr' }, variable: { name: 'AuthorizeRemoteStart' } };
const networkProfile = {
  configurationSlot: 1,
  connectionData: { ocppVersion: 'OCPP20', ocppTransport: 'JSON', ocppCsmsUrl: 'ws://127.0.0.1:9/ocpp', messageTimeout: 30, securityProfile: 1, ocppInterface: 'Wired0' },
};

describe('reference CSMS 2.0.1: requests sent on request', function () {
  this.timeout(5000);
  let csms: ReferenceCsms201;
  let url: string;
  let logs: string[];
  let station: Station;

  beforeEach(async () => {
    ({ csms, url, logs } = await startCsms({ idTokens: { accepted: ['GOOD'] } }));
    station = await Station.connect(url, 'CS01');
    await station.boot();
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') console.log(logs.join('\n'));
    await station.close();
    await csms.close();
  });

  /** perform(action, params) for CS01, then the request as the station received it. */
  const sent = async (action: string, params: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const outcome = await csms.perform(action, { identity: 'CS01', ...params });
    expect(outcome, JSON.stringify(outcome)).to.include({ outcome: 'done' });
    return (await station.waitFor(action)).params;
  };

  it('lists every CSMS-initiated 2.0.1 request and setBootStatus as its actions', () => {
    for (const a of ['GetVariables', 'SetVariables', 'GetBaseReport', 'Reset', 'RequestStartTransaction', 'RequestStopTransaction', 'GetTransactionStatus', 'TriggerMessage', 'SetNetworkProfile', 'ChangeAvailability', 'DataTransfer', 'setBootStatus']) {
      expect(csms.knowsAction(a), a).to.equal(true);
      expect(csms.actions).to.include(a);
    }
    expect(csms.knowsAction('RemoteStartTransaction')).to.equal(false);
  });

  it('GetVariables with one and with several items, as asked (TC_B_06, TC_B_07)', async () => {
    expect(await sent('GetVariables', { getVariableData: [offlineThreshold] })).to.deep.equal({ getVariableData: [offlineThreshold] });
    station.received.length = 0;
    const both = await sent('GetVariables', { getVariableData: [offlineThreshold, remoteStart] });
    expect(both.getVariableData).to.deep.equal([offlineThreshold, remoteStart]);
  });

  it('SetVariables with one and with several items, attributeType as asked (absent) (TC_B_09, TC_B_10)', async () => {
    const data = [{ ...offlineThreshold, attributeValue: '123' }, { ...remoteStart, attributeValue: 'false' }];
    expect(await sent('SetVariables', { setVariableData: data })).to.deep.equal({ setVariableData: data });
  });

  it('GetBaseReport ConfigurationInventory with a requestId of its own when none is asked for (TC_B_12)', async () => {
    const r = await sent('GetBaseReport', { reportBase: 'ConfigurationInventory' });
    expect(r.reportBase).to.equal('ConfigurationInventory');
    expect(r.requestId).to.be.a('number').that.is.at.least(0);
  });

  it('GetBaseReport FullInventory with the requestId asked for (TC_B_13)', async () => {
    expect(await sent('GetBaseReport', { reportBase: 'FullInventory', requestId: 42 })).to.deep.equal({ reportBase: 'FullInventory', requestId: 42 });
  });

  it('Reset OnIdle and Immediate, for the station and for one EVSE (TC_B_20 … TC_B_27)', async () => {
    expect(await sent('Reset', { type: 'OnIdle' })).to.deep.equal({ type: 'OnIdle' });
    station.received.length = 0;
    expect(await sent('Reset', { type: 'Immediate', evseId: 1 })).to.deep.equal({ type: 'Immediate', evseId: 1 });
  });

  it('RequestStartTransaction with an accepted idToken and a remoteStartId of its own; the idToken is then Accepted', async () => {
    const r = await sent('RequestStartTransaction', { evseId: 1 });
    expect(r.idToken).to.deep.equal({ idToken: 'GOOD', type: 'ISO14443' });
    expect(r.remoteStartId).to.be.a('number');
    station.received.length = 0;
    const own = await sent('RequestStartTransaction', { evseId: 1, idToken: { idToken: 'MINE', type: 'Central' }, remoteStartId: 9 });
    expect(own).to.deep.equal({ evseId: 1, idToken: { idToken: 'MINE', type: 'Central' }, remoteStartId: 9 });
    const answer = await station.send('TransactionEvent', { ...txEvent('Started', 0, { idToken: { idToken: 'MINE', type: 'Central' } }), triggerReason: 'RemoteStart' });
    expect(answer).to.deep.equal({ idTokenInfo: { status: 'Accepted' } });
  });

  it('RequestStopTransaction for the transaction asked for, or for the last ongoing one (TC_E_21)', async () => {
    await station.send('TransactionEvent', txEvent('Started', 0, {}, 'TX-A'));
    await station.send('TransactionEvent', txEvent('Started', 0, {}, 'TX-B'));
    expect(await sent('RequestStopTransaction', { transactionId: 'TX-A' })).to.deep.equal({ transactionId: 'TX-A' });
    station.received.length = 0;
    expect(await sent('RequestStopTransaction', {})).to.deep.equal({ transactionId: 'TX-B' });
  });

  it('RequestStopTransaction without any transaction to stop fails, sends nothing', async () => {
    const outcome = await csms.perform('RequestStopTransaction', { identity: 'CS01' });
    expect(outcome.outcome).to.equal('failed');
    expect(station.received).to.have.length(0);
  });

  it('GetTransactionStatus with and without transactionId, as asked (TC_E_29 … TC_E_34)', async () => {
    await station.send('TransactionEvent', txEvent('Started', 0, {}, 'TX-A'));
    expect(await sent('GetTransactionStatus', { transactionId: 'TX-A' })).to.deep.equal({ transactionId: 'TX-A' });
    station.received.length = 0;
    expect(await sent('GetTransactionStatus', {})).to.deep.equal({});
  });

  it('TriggerMessage, SetNetworkProfile, ChangeAvailability, DataTransfer with the payload asked for (TC_B_31, TC_B_42, TC_B_44)', async () => {
    expect(await sent('TriggerMessage', { requestedMessage: 'BootNotification' })).to.deep.equal({ requestedMessage: 'BootNotification' });
    expect(await sent('SetNetworkProfile', networkProfile)).to.deep.equal(networkProfile);
    expect(await sent('ChangeAvailability', { operationalStatus: 'Inoperative', evse: { id: 1 } })).to.deep.equal({ operationalStatus: 'Inoperative', evse: { id: 1 } });
    expect(await sent('DataTransfer', { vendorId: 'com.example', messageId: 'm', data: { a: 1 } })).to.deep.equal({ vendorId: 'com.example', messageId: 'm', data: { a: 1 } });
  });

  it('refuses a payload its schema refuses (failed, nothing sent), an unknown action (unsupported), an unknown station (failed)', async () => {
    const bad = await csms.perform('Reset', { identity: 'CS01', type: 'Soft' });
    expect(bad.outcome).to.equal('failed');
    expect(bad.detail).to.match(/type/);
    expect((await csms.perform('RemoteStartTransaction', { identity: 'CS01' })).outcome).to.equal('unsupported');
    expect((await csms.perform('Reset', { identity: 'NOBODY', type: 'OnIdle' })).outcome).to.equal('failed');
    expect(station.received).to.have.length(0);
  });

  it('sends to the most recently connected station when no identity is given', async () => {
    const other = await Station.connect(url, 'CS02');
    try {
      await other.boot();
      expect(await csms.perform('ClearCache', {})).to.include({ outcome: 'done' });
      await other.waitFor('ClearCache');
      expect(station.received).to.have.length(0);
    } finally {
      await other.close();
    }
  });
});
