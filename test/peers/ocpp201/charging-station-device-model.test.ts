// The 2.0.1 reference charging station's device model through the wire: GetVariables/SetVariables with
// every attribute status (B05, B06), base reports split in parts (B07), GetReport (B08), DataTransfer (P01).

import { expect } from 'chai';
import { startPair, stopPairs, type Pair } from './station-pair.js';

type Result = Record<string, unknown>;

async function get(p: Pair, component: Record<string, unknown>, variable: Record<string, unknown>, attributeType?: string): Promise<Result> {
  const item: Result = { component, variable };
  if (attributeType) item.attributeType = attributeType;
  const res = await p.csms.call('GetVariables', { getVariableData: [item] });
  return (res.getVariableResult as Result[])[0]!;
}

async function set(p: Pair, component: Record<string, unknown>, variable: Record<string, unknown>, value: string, attributeType?: string): Promise<Result> {
  const item: Result = { component, variable, attributeValue: value };
  if (attributeType) item.attributeType = attributeType;
  const res = await p.csms.call('SetVariables', { setVariableData: [item] });
  return (res.setVariableResult as Result[])[0]!;
}

const comm = { name: 'OCPPCommCtrlr' };

describe('OCPP 2.0.1 reference charging station: device model', function () {
  this.timeout(15000);
  afterEach(stopPairs);

  it('sets and gets a value (Accepted, Actual) and gets several in one request', async () => {
    const p = await startPair();
    const s = await set(p, comm, { name: 'OfflineThreshold' }, '300', 'Actual');
    expect(s).to.include({ attributeStatus: 'Accepted', attributeType: 'Actual' });
    expect(s.attributeStatusInfo).to.equal(undefined);
    const g = await get(p, comm, { name: 'OfflineThreshold' }, 'Actual');
    expect(g).to.include({ attributeStatus: 'Accepted', attributeValue: '300', attributeType: 'Actual' });
    const both = await p.csms.call('GetVariables', {
      getVariableData: [
        { component: comm, variable: { name: 'OfflineThreshold' } },
        { component: { name: 'AuthCtrlr' }, variable: { name: 'LocalAuthorizeOffline' } },
      ],
    });
    expect((both.getVariableResult as Result[]).map((r) => r.attributeValue)).to.deep.equal(['300', 'true']);
  });

  it('answers UnknownComponent, UnknownVariable and NotSupportedAttributeType for Get and Set', async () => {
    const p = await startPair();
    expect((await get(p, { name: 'UnknownComponent' }, { name: 'OfflineThreshold' })).attributeStatus).to.equal('UnknownComponent');
    expect((await get(p, comm, { name: 'UnknownVariable' })).attributeStatus).to.equal('UnknownVariable');
    const target = await get(p, comm, { name: 'OfflineThreshold' }, 'Target');
    expect(target).to.include({ attributeStatus: 'NotSupportedAttributeType', attributeType: 'Target' });
    expect((await set(p, { name: 'UnknownComponent' }, { name: 'OfflineThreshold' }, '1')).attributeStatus).to.equal('UnknownComponent');
    expect((await set(p, comm, { name: 'UnknownVariable' }, '1')).attributeStatus).to.equal('UnknownVariable');
    expect((await set(p, comm, { name: 'OfflineThreshold' }, '1', 'Target')).attributeStatus).to.equal('NotSupportedAttributeType');
  });

  it('rejects a ReadOnly variable, invalidly formatted values (InvalidValue) and reads no WriteOnly value', async () => {
    const p = await startPair();
    const ro = await set(p, comm, { name: 'MessageTimeout', instance: 'Default' }, '10');
    expect(ro).to.include({ attributeStatus: 'Rejected' });
    expect((await get(p, comm, { name: 'MessageTimeout', instance: 'Default' })).attributeValue).to.equal('30');
    expect(p.station.variableValue('OCPPCommCtrlr', 'MessageTimeout', 'Default')).to.equal('30');
    for (const bad of ['300.1', 'true', new Date().toISOString(), 'abc']) {
      const r = await set(p, comm, { name: 'OfflineThreshold' }, bad);
      expect(r.attributeStatus, bad).to.equal('Rejected');
      expect(r.attributeStatusInfo).to.deep.equal({ reasonCode: 'InvalidValue' });
    }
    expect((await set(p, { name: 'AuthCtrlr' }, { name: 'AuthorizeRemoteStart' }, 'abc')).attributeStatus).to.equal('Rejected');
    expect((await set(p, { name: 'ClockCtrlr' }, { name: 'NextTimeOffsetTransitionDateTime' }, new Date().toISOString())).attributeStatus).to.equal('Accepted');
    expect((await set(p, { name: 'TxCtrlr' }, { name: 'TxStartPoint' }, 'EVConnected,Bogus')).attributeStatus).to.equal('Rejected');
    expect((await set(p, { name: 'TxCtrlr' }, { name: 'TxStartPoint' }, 'EVConnected,Authorized')).attributeStatus).to.equal('Accepted');
    expect((await set(p, { name: 'SecurityCtrlr' }, { name: 'BasicAuthPassword' }, 'sixteen-chars-long!')).attributeStatus).to.equal('Accepted');
    expect((await get(p, { name: 'SecurityCtrlr' }, { name: 'BasicAuthPassword' })).attributeStatus).to.equal('Rejected');
    expect(p.station.variableValue('SecurityCtrlr', 'BasicAuthPassword')).to.equal(undefined);
    expect(p.station.variableValue('TxCtrlr', 'TxStartPoint')).to.equal('EVConnected,Authorized');
  });

  it('refuses more GetVariables items than ItemsPerMessageGetVariables with OccurrenceConstraintViolation', async () => {
    const p = await startPair();
    const many = Array.from({ length: 21 }, () => ({ component: comm, variable: { name: 'OfflineThreshold' } }));
    const code = await p.csms.call('GetVariables', { getVariableData: many }).then(() => 'none', (e: Error & { rpcErrorCode?: string }) => e.rpcErrorCode);
    expect(code).to.equal('OccurrenceConstraintViolation');
  });

  it('sends a FullInventory in parts of ItemsPerMessageGetReport: seqNo from 0, tbc on all but the last; lists for list types; no WriteOnly value', async () => {
    const p = await startPair();
    expect((await p.csms.call('GetBaseReport', { requestId: 42, reportBase: 'FullInventory' })).status).to.equal('Accepted');
    await p.csms.waitFor('NotifyReport', (x) => x.tbc === undefined);
    const parts = p.csms.of('NotifyReport').map((c) => c.payload);
    expect(parts.length).to.be.above(5);
    parts.forEach((part, i) => {
      expect(part.requestId).to.equal(42);
      expect(part.seqNo).to.equal(i);
      expect(part.tbc).to.equal(i < parts.length - 1 ? true : undefined);
      expect((part.reportData as unknown[]).length).to.be.at.most(10);
    });
    const items = parts.flatMap((x) => x.reportData as Result[]);
    for (const item of items) {
      const ch = item.variableCharacteristics as Result;
      if (['OptionList', 'SequenceList', 'MemberList'].includes(String(ch.dataType))) expect(ch.valuesList, JSON.stringify(item.variable)).to.be.a('string').and.not.equal('');
    }
    const pw = items.find((i) => (i.variable as Result).name === 'BasicAuthPassword')!;
    expect((pw.variableAttribute as Result[])[0]).to.not.have.property('value');
    const evse2 = items.filter((i) => (i.component as Result).name === 'Connector' && ((i.component as Result).evse as Result).id === 2);
    expect(evse2.length).to.be.above(0);
  });

  it('ConfigurationInventory holds only writable variables; SummaryInventory is NotSupported; GetReport filters', async () => {
    const p = await startPair();
    await p.csms.call('GetBaseReport', { requestId: 1, reportBase: 'ConfigurationInventory' });
    await p.csms.waitFor('NotifyReport', (x) => x.tbc === undefined);
    const items = p.csms.of('NotifyReport').flatMap((c) => c.payload.reportData as Result[]);
    expect(items.every((i) => (i.variableAttribute as Result[])[0]!.mutability !== 'ReadOnly')).to.equal(true);
    const summary = await p.csms.call('GetBaseReport', { requestId: 2, reportBase: 'SummaryInventory' });
    expect(summary).to.deep.equal({ status: 'NotSupported', statusInfo: { reasonCode: 'UnsupportedParam' } });
    const before = p.csms.calls.length;
    const rep = await p.csms.call('GetReport', { requestId: 3, componentVariable: [{ component: { name: 'TxCtrlr' }, variable: { name: 'TxStopPoint' } }] });
    expect(rep.status).to.equal('Accepted');
    const one = await p.csms.waitFor('NotifyReport', (x) => x.requestId === 3, 3000, before);
    expect((one.payload.reportData as Result[]).map((i) => (i.variable as Result).name)).to.deep.equal(['TxStopPoint']);
    expect((await p.csms.call('GetReport', { requestId: 4, componentVariable: [{ component: { name: 'Nope' } }] })).status).to.equal('EmptyResultSet');
  });

  it('DataTransfer: UnknownVendorId for an unknown vendor, UnknownMessageId / Accepted for its own', async () => {
    const p = await startPair();
    expect((await p.csms.call('DataTransfer', { vendorId: 'org.openchargealliance.octt', messageId: 'x' })).status).to.equal('UnknownVendorId');
    expect((await p.csms.call('DataTransfer', { vendorId: 'org.ocpp-harness', messageId: 'x' })).status).to.equal('UnknownMessageId');
    expect(await p.csms.call('DataTransfer', { vendorId: 'org.ocpp-harness', messageId: 'echo', data: 'hi' })).to.deep.equal({ status: 'Accepted', data: 'hi' });
  });

  it('answers a schema-invalid request with a 2.0.1 error code and an unknown action with NotImplemented', async () => {
    const p = await startPair();
    // The test CSMS validates its own requests strictly, so these go out raw.
    const raw = async (frame: unknown[]): Promise<unknown[]> => {
      const got = new Promise<unknown[]>((resolve) => {
        const off = p.station.onFrame((f) => {
          if (f.outbound && f.frame && f.frame[1] === frame[1]) {
            off();
            resolve(f.frame);
          }
        });
      });
      p.csms.client!.sendRaw(JSON.stringify(frame));
      return got;
    };
    expect(await raw([2, 'm1', 'GetVariables', {}])).to.deep.include.members(['OccurrenceConstraintViolation']);
    expect(await raw([2, 'm2', 'Reset', { type: 'Sometimes' }])).to.deep.include.members(['PropertyConstraintViolation']);
    expect(await raw([2, 'm3', 'FrobnicateWidget', {}])).to.deep.include.members(['NotImplemented']);
    expect((await raw([7, 'm4', 'Heartbeat', {}])).slice(0, 3)).to.deep.equal([4, 'm4', 'MessageTypeNotSupported']);
  });
});
