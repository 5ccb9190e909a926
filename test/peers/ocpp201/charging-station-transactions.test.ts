// The 2.0.1 reference charging station's transactions (E01–E14): TxStartPoint/TxStopPoint, the
// TransactionEvent sequence (seqNo, triggerReason, chargingState, idToken, stoppedReason), remote
// start/stop, EVConnectionTimeOut, the offline queue with its retries, GetTransactionStatus, Reset.

import { expect } from 'chai';
import { sleep, type ReceivedCall } from './station-test-csms.js';
import { setVariable, startPair, stopPairs, type Pair } from './station-pair.js';

type P = Record<string, unknown>;
const info = (c: ReceivedCall): P => c.payload.transactionInfo as P;
const token = { idToken: 'TOKEN-OK', type: 'ISO14443' };

function events(p: Pair): P[] {
  return p.csms.of('TransactionEvent').map((c) => c.payload);
}

/** Summaries "eventType/triggerReason/chargingState[/stoppedReason]" of the TransactionEvents so far. */
function story(p: Pair): string[] {
  return events(p).map((e) => {
    const i = e.transactionInfo as P;
    return [e.eventType, e.triggerReason, i.chargingState, i.stoppedReason].filter((x) => x !== undefined).join('/');
  });
}

async function ended(p: Pair, from = 0): Promise<ReceivedCall> {
  return p.csms.waitFor('TransactionEvent', (x) => x.eventType === 'Ended', 3000, from);
}

describe('OCPP 2.0.1 reference charging station: transactions', function () {
  this.timeout(20000);
  afterEach(stopPairs);

  it('authorization first, TxStartPoint PowerPathClosed: Authorize, plug-in, Started with idToken and meter value; local stop ends it (E04, E15)', async () => {
    const p = await startPair();
    await p.station.perform('presentIdToken', { evseId: 1, idToken: token });
    const auth = await p.csms.waitFor('Authorize');
    expect(auth.payload.idToken).to.deep.equal(token);
    await sleep(50);
    expect(p.csms.of('TransactionEvent')).to.have.length(0);
    await p.station.perform('plugIn', { evseId: 1 });
    await p.csms.waitFor('StatusNotification', (x) => x.evseId === 1 && x.connectorStatus === 'Occupied');
    const started = await p.csms.waitFor('TransactionEvent', (x) => x.eventType === 'Started');
    expect(started.payload).to.include({ seqNo: 0, triggerReason: 'ChargingStateChanged' });
    expect(started.payload.idToken).to.deep.equal(token);
    expect(started.payload.evse).to.deep.equal({ id: 1, connectorId: 1 });
    expect(info(started).chargingState).to.equal('Charging');
    const mv = (started.payload.meterValue as P[])[0]!.sampledValue as P[];
    expect(mv[0]).to.include({ context: 'Transaction.Begin', measurand: 'Energy.Active.Import.Register' });
    await sleep(100);
    await p.station.perform('presentIdToken', { evseId: 1, idToken: token });
    const end = await ended(p);
    expect(end.payload).to.include({ seqNo: 1, triggerReason: 'StopAuthorized' });
    expect(info(end)).to.include({ stoppedReason: 'Local', chargingState: 'EVConnected', transactionId: info(started).transactionId });
    expect(((end.payload.meterValue as P[]).at(-1)!.sampledValue as P[])[0]).to.include({ context: 'Transaction.End' });
    expect(p.station.state.evses[0]!.transactionId).to.equal(undefined);
  });

  it('TxStartPoint EVConnected, TxStopPoint EVConnected: Started at plug-in (CablePluggedIn, EVConnected), Updated on charging, StopAuthorized keeps it, unplug ends it (E09, E14)', async () => {
    const p = await startPair();
    await setVariable(p, 'TxCtrlr', 'TxStartPoint', 'EVConnected');
    await setVariable(p, 'TxCtrlr', 'TxStopPoint', 'EVConnected');
    await p.station.perform('plugIn', { evseId: 1 });
    const s = await p.csms.waitFor('TransactionEvent', (x) => x.eventType === 'Started');
    expect(s.payload).to.include({ triggerReason: 'CablePluggedIn' });
    expect(info(s).chargingState).to.equal('EVConnected');
    await p.station.perform('presentIdToken', { evseId: 1, idToken: token });
    await p.csms.waitFor('TransactionEvent', (x) => (x.transactionInfo as P).chargingState === 'Charging');
    await p.station.perform('presentIdToken', { evseId: 1, idToken: token });
    await p.csms.waitFor('TransactionEvent', (x) => x.triggerReason === 'ChargingStateChanged' && (x.transactionInfo as P).chargingState === 'EVConnected');
    await p.station.perform('unplug', { evseId: 1 });
    const end = await ended(p);
    expect(end.payload.triggerReason).to.equal('EVCommunicationLost');
    expect(info(end)).to.include({ chargingState: 'Idle', stoppedReason: 'Local' });
    expect(story(p)).to.deep.equal([
      'Started/CablePluggedIn/EVConnected',
      'Updated/Authorized/EVConnected',
      'Updated/ChargingStateChanged/Charging',
      'Updated/StopAuthorized/Charging',
      'Updated/ChargingStateChanged/EVConnected',
      'Ended/EVCommunicationLost/Idle/Local',
    ]);
    expect(events(p).map((e) => e.seqNo)).to.deep.equal([0, 1, 2, 3, 4, 5]);
  });

  it('TxStartPoint Authorized: Started at authorization (Authorized, idToken); EVConnectionTimeOut ends it with EVConnectTimeout/Timeout (E10, E05, E39)', async () => {
    const p = await startPair();
    await setVariable(p, 'TxCtrlr', 'TxStartPoint', 'Authorized');
    await setVariable(p, 'TxCtrlr', 'EVConnectionTimeOut', '1');
    await p.station.perform('presentIdToken', { evseId: 2, idToken: token });
    const s = await p.csms.waitFor('TransactionEvent', (x) => x.eventType === 'Started');
    expect(s.payload).to.include({ triggerReason: 'Authorized' });
    expect(s.payload.idToken).to.deep.equal(token);
    const end = await ended(p);
    expect(end.at - s.at).to.be.at.least(900);
    expect(end.payload.triggerReason).to.equal('EVConnectTimeout');
    expect(info(end).stoppedReason).to.equal('Timeout');
  });

  it('remote start and stop: RemoteStart with remoteStartId on the first event, RemoteStop/Remote on the last (E13, E21)', async () => {
    const p = await startPair();
    await p.station.perform('plugIn', { evseId: 1 });
    const res = await p.csms.call('RequestStartTransaction', { idToken: token, remoteStartId: 7, evseId: 1 });
    expect(res.status).to.equal('Accepted');
    const s = await p.csms.waitFor('TransactionEvent', (x) => x.eventType === 'Started');
    expect(s.payload.triggerReason).to.equal('RemoteStart');
    expect(info(s).remoteStartId).to.equal(7);
    expect(s.payload.idToken).to.deep.equal(token);
    const stop = await p.csms.call('RequestStopTransaction', { transactionId: info(s).transactionId });
    expect(stop.status).to.equal('Accepted');
    const end = await ended(p);
    expect(end.payload.triggerReason).to.equal('RemoteStop');
    expect(info(end).stoppedReason).to.equal('Remote');
    expect((await p.csms.call('RequestStopTransaction', { transactionId: 'nope' })).status).to.equal('Rejected');
    await sleep(100);
    expect(await p.csms.call('GetTransactionStatus', { transactionId: info(s).transactionId })).to.deep.equal({ ongoingIndicator: false, messagesInQueue: false });
  });

  it('EV side: suspended EV, EV side unplug ends with EVDisconnected when StopTxOnEVSideDisconnect; EV not ready starts SuspendedEV (E17, E20, E38)', async () => {
    const p = await startPair();
    await p.station.perform('presentIdToken', { evseId: 1, idToken: token });
    await p.csms.waitFor('Authorize');
    await p.station.perform('evNotReady', { evseId: 1 });
    await p.station.perform('plugIn', { evseId: 1 });
    const s = await p.csms.waitFor('TransactionEvent', (x) => x.eventType === 'Started');
    expect(s.payload.triggerReason).to.equal('ChargingStateChanged');
    expect(info(s).chargingState).to.equal('SuspendedEV');
    await p.station.perform('evResume', { evseId: 1 });
    await p.csms.waitFor('TransactionEvent', (x) => (x.transactionInfo as P).chargingState === 'Charging');
    await p.station.perform('unplugEvSide', { evseId: 1 });
    const end = await ended(p);
    expect(end.payload.triggerReason).to.equal('EVCommunicationLost');
    expect(info(end)).to.include({ chargingState: 'Idle', stoppedReason: 'EVDisconnected' });
    expect(p.station.state.evses[0]!.status).to.equal('Occupied');
  });

  it('TxStopPoint Authorized without StopTxOnEVSideDisconnect: EV side unplug only suspends, replug resumes (E26)', async () => {
    const p = await startPair();
    await setVariable(p, 'TxCtrlr', 'TxStopPoint', 'Authorized');
    await setVariable(p, 'TxCtrlr', 'StopTxOnEVSideDisconnect', 'false');
    await p.station.perform('presentIdToken', { evseId: 1, idToken: token });
    await p.csms.waitFor('Authorize');
    await p.station.perform('plugIn', { evseId: 1 });
    await p.csms.waitFor('TransactionEvent', (x) => x.eventType === 'Started');
    await p.station.perform('unplugEvSide', { evseId: 1 });
    await p.csms.waitFor('TransactionEvent', (x) => x.triggerReason === 'EVCommunicationLost');
    await p.station.perform('plugIn', { evseId: 1 });
    await p.csms.waitFor('TransactionEvent', (x) => x.triggerReason === 'ChargingStateChanged' && x.seqNo === 3).catch((e: Error) => { throw new Error(`${e.message} ${story(p).join(' ')}`); });
    expect(story(p)).to.deep.equal([
      'Started/ChargingStateChanged/Charging',
      'Updated/EVCommunicationLost/Idle',
      'Updated/CablePluggedIn/EVConnected',
      'Updated/ChargingStateChanged/Charging',
    ]);
  });

  it('parking bay start and stop points: EVDetected starts, EVDeparted ends (E12, E19); TxStopPoint EnergyTransfer ends on EV suspend (E22)', async () => {
    const p = await startPair();
    await setVariable(p, 'TxCtrlr', 'TxStartPoint', 'ParkingBayOccupancy');
    await setVariable(p, 'TxCtrlr', 'TxStopPoint', 'ParkingBayOccupancy');
    await p.station.perform('parkingBayOccupied', { evseId: 1 });
    expect((await p.csms.waitFor('TransactionEvent', (x) => x.eventType === 'Started')).payload.triggerReason).to.equal('EVDetected');
    await p.station.perform('parkingBayUnoccupied', { evseId: 1 });
    const end = await ended(p);
    expect(end.payload.triggerReason).to.equal('EVDeparted');
    expect(info(end).stoppedReason).to.equal('Local');

    await setVariable(p, 'TxCtrlr', 'TxStartPoint', 'PowerPathClosed');
    await setVariable(p, 'TxCtrlr', 'TxStopPoint', 'EnergyTransfer');
    const from = p.csms.calls.length;
    await p.station.perform('presentIdToken', { evseId: 2, idToken: token });
    await p.station.perform('plugIn', { evseId: 2 });
    await p.csms.waitFor('TransactionEvent', (x) => x.eventType === 'Started', 3000, from);
    await p.station.perform('evSuspend', { evseId: 2 });
    const e2 = await ended(p, from);
    expect(e2.payload.triggerReason).to.equal('ChargingStateChanged');
    expect(info(e2)).to.include({ chargingState: 'EVConnected', stoppedReason: 'StoppedByEV' });
  });

  it('another idToken of the same group stops the transaction, also offline from the cache (E45); one of another group does not', async () => {
    const p = await startPair({}, (c) => {
      c.answers.set('Authorize', (x) => {
        const id = String((x.idToken as P).idToken);
        return { idTokenInfo: { status: 'Accepted', groupIdToken: { idToken: id === 'OTHER' ? 'G2' : 'G1', type: 'Central' } } };
      });
    });
    const second = { idToken: 'TOKEN-2', type: 'ISO14443' };
    const other = { idToken: 'OTHER', type: 'ISO14443' };
    await p.station.perform('presentIdToken', { evseId: 2, idToken: second });
    await p.csms.waitFor('Authorize');
    await sleep(50);
    await p.station.perform('presentIdToken', { evseId: 2, idToken: second });
    await p.station.perform('presentIdToken', { evseId: 1, idToken: token });
    await p.station.perform('plugIn', { evseId: 1 });
    await p.csms.waitFor('TransactionEvent', (x) => x.eventType === 'Started');
    await p.station.perform('presentIdToken', { evseId: 1, idToken: other });
    await sleep(200);
    expect(p.station.state.evses[0]!.transactionId).to.be.a('string');
    await p.station.perform('networkDown', {});
    await p.station.perform('presentIdToken', { evseId: 1, idToken: second });
    await sleep(50);
    await p.station.perform('networkUp', {});
    const end = await ended(p);
    expect(end.payload).to.include({ triggerReason: 'StopAuthorized', offline: true });
    expect(info(end).stoppedReason).to.equal('Local');
  });

  it('an idToken the CSMS calls Invalid in its TransactionEvent answer deauthorizes the transaction (E16)', async () => {
    const p = await startPair({}, (c) => {
      c.answers.set('TransactionEvent', (x) => (x.idToken ? { idTokenInfo: { status: 'Invalid' } } : {}));
    });
    await p.station.perform('presentIdToken', { evseId: 1, idToken: token });
    await p.station.perform('plugIn', { evseId: 1 });
    const end = await ended(p);
    expect(end.payload.triggerReason).to.equal('Deauthorized');
    expect(info(end).stoppedReason).to.equal('DeAuthorized');
  });

  it('offline: events are queued with offline=true and sent in seqNo order after the reconnection; GetTransactionStatus sees the queue (E40, E29, E33, E28, E30)', async () => {
    const p = await startPair({ resumeDelayMs: 600 });
    await setVariable(p, 'SampledDataCtrlr', 'TxUpdatedInterval', '1');
    await p.station.perform('presentIdToken', { evseId: 1, idToken: token });
    await p.station.perform('plugIn', { evseId: 1 });
    const s = await p.csms.waitFor('TransactionEvent', (x) => x.eventType === 'Started');
    const id = String(info(s).transactionId);
    await sleep(100);
    expect((await p.csms.call('GetTransactionStatus', { transactionId: id }))).to.deep.equal({ ongoingIndicator: true, messagesInQueue: false });
    expect((await p.csms.call('GetTransactionStatus', { transactionId: 'unknown' }))).to.deep.equal({ ongoingIndicator: false, messagesInQueue: false });
    await p.station.perform('networkDown', {});
    await sleep(2300);
    const from = p.csms.calls.length;
    await p.station.perform('networkUp', {});
    while (!p.station.state.connected) await sleep(20);
    await sleep(100);
    expect(await p.csms.call('GetTransactionStatus', { transactionId: id }), p.lines.join('\n')).to.deep.equal({ ongoingIndicator: true, messagesInQueue: true });
    expect(await p.csms.call('GetTransactionStatus', {})).to.deep.equal({ messagesInQueue: true });
    await p.csms.waitFor('TransactionEvent', (x) => x.offline === true, 3000, from);
    await sleep(300);
    const offline = p.csms.calls.slice(from).filter((c) => c.action === 'TransactionEvent' && c.payload.offline === true);
    expect(offline.length).to.be.at.least(2);
    for (const c of offline) {
      expect(c.payload).to.include({ eventType: 'Updated', triggerReason: 'MeterValuePeriodic' });
      expect(c.payload.meterValue).to.be.an('array');
    }
    const seqNos = events(p).map((e) => e.seqNo as number);
    expect(seqNos).to.deep.equal([...seqNos].sort((a, b) => a - b));
  });

  it('a whole transaction while offline (a locally known idToken) goes out after the reconnection: Started … Ended, all offline=true (E43, E44)', async () => {
    const p = await startPair({ idTokens: { accepted: ['TOKEN-OK'] } });
    await p.station.perform('networkDown', {});
    await p.station.perform('presentIdToken', { evseId: 1, idToken: token });
    await sleep(20);
    await p.station.perform('plugIn', { evseId: 1 });
    await sleep(100);
    await p.station.perform('presentIdToken', { evseId: 1, idToken: token });
    await p.station.perform('unplug', { evseId: 1 });
    const from = p.csms.calls.length;
    expect(p.csms.of('Authorize')).to.have.length(0);
    await p.station.perform('networkUp', {});
    await ended(p, from);
    const sent = p.csms.calls.slice(from).filter((c) => c.action === 'TransactionEvent').map((c) => c.payload);
    expect(sent.map((e) => `${e.eventType}/${e.triggerReason}`)).to.deep.equal(['Started/ChargingStateChanged', 'Ended/StopAuthorized']);
    expect(sent.every((e) => e.offline === true)).to.equal(true);
    expect(sent.map((e) => e.seqNo)).to.deep.equal([0, 1]);
    expect(sent[0]!.idToken).to.deep.equal(token);
  });

  it('an unknown idToken is refused offline unless OfflineTxForUnknownIdEnabled (C15-like offline rules)', async () => {
    const p = await startPair();
    await p.station.perform('networkDown', {});
    await p.station.perform('presentIdToken', { evseId: 1, idToken: { idToken: 'STRANGER', type: 'ISO14443' } });
    await p.station.perform('plugIn', { evseId: 1 });
    await sleep(100);
    expect(p.station.state.evses[0]!.transactionId).to.equal(undefined);
    await p.station.perform('unplug', { evseId: 1 });
    await p.station.perform('networkUp', {});
    while (!p.station.state.connected) await sleep(20);
    await sleep(400);
    expect(await setVariable(p, 'AuthCtrlr', 'OfflineTxForUnknownIdEnabled', 'true')).to.equal('Accepted');
    await p.station.perform('networkDown', {});
    await p.station.perform('presentIdToken', { evseId: 1, idToken: { idToken: 'STRANGER', type: 'ISO14443' } });
    await p.station.perform('plugIn', { evseId: 1 });
    await sleep(100);
    expect(p.station.state.evses[0]!.transactionId).to.be.a('string');
  });

  it('retries a failed TransactionEvent MessageAttempts times, waiting MessageAttemptInterval × earlier sendings, then drops it (E13: E41/E50/E51)', async () => {
    const p = await startPair({}, (c) => {
      c.answers.set('TransactionEvent', () => ({ error: 'InternalError' }));
    });
    await setVariable(p, 'OCPPCommCtrlr', 'MessageAttempts', '3', 'TransactionEvent');
    await setVariable(p, 'OCPPCommCtrlr', 'MessageAttemptInterval', '1', 'TransactionEvent');
    await setVariable(p, 'TxCtrlr', 'TxStartPoint', 'EVConnected');
    await p.station.perform('plugIn', { evseId: 1 });
    await sleep(4500);
    const tries = p.csms.of('TransactionEvent');
    expect(tries).to.have.length(3);
    expect(tries.every((t) => t.payload.seqNo === 0)).to.equal(true);
    expect(tries[1]!.at - tries[0]!.at).to.be.within(900, 1500);
    expect(tries[2]!.at - tries[1]!.at).to.be.within(1900, 2600);
  });

  it('Reset Immediate ends the transaction (ResetCommand, ImmediateReset, no idToken) then reboots (B22); OnIdle is Scheduled until it ends (B21)', async () => {
    const p = await startPair();
    await p.station.perform('presentIdToken', { evseId: 1, idToken: token });
    await p.station.perform('plugIn', { evseId: 1 });
    await p.csms.waitFor('TransactionEvent', (x) => x.eventType === 'Started');
    expect((await p.csms.call('Reset', { type: 'OnIdle' })).status).to.equal('Scheduled');
    expect((await p.csms.call('Reset', { type: 'OnIdle', evseId: 1 })).status).to.equal('Scheduled');
    expect((await p.csms.call('Reset', { type: 'OnIdle', evseId: 2 })).status).to.equal('Accepted');
    expect((await p.csms.call('Reset', { type: 'OnIdle', evseId: 9 })).status).to.equal('Rejected');
    const before = p.csms.calls.length;
    expect((await p.csms.call('Reset', { type: 'Immediate' })).status).to.equal('Accepted');
    const end = await ended(p, before);
    expect(end.payload.triggerReason).to.equal('ResetCommand');
    expect(info(end)).to.include({ stoppedReason: 'ImmediateReset', chargingState: 'EVConnected' });
    expect(end.payload).to.not.have.property('idToken');
    const boot = await p.csms.waitFor('BootNotification', undefined, 3000, before);
    expect(boot.payload.reason).to.equal('RemoteReset');
    await p.csms.waitFor('StatusNotification', (x) => x.evseId === 1 && x.connectorStatus === 'Occupied', 3000, before);
  });

  it('Reset OnIdle during a transaction reboots with ScheduledReset once it ended (B21)', async () => {
    const p = await startPair();
    await p.station.perform('presentIdToken', { evseId: 1, idToken: token });
    await p.station.perform('plugIn', { evseId: 1 });
    await p.csms.waitFor('TransactionEvent', (x) => x.eventType === 'Started');
    expect((await p.csms.call('Reset', { type: 'OnIdle' })).status).to.equal('Scheduled');
    await sleep(200);
    expect(p.csms.of('BootNotification')).to.have.length(1);
    await p.station.perform('presentIdToken', { evseId: 1, idToken: token });
    const boot = await p.csms.waitFor('BootNotification', undefined, 3000, 1);
    expect(boot.payload.reason).to.equal('ScheduledReset');
  });
});
