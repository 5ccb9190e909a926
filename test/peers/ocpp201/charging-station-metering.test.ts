// The 2.0.1 reference charging station's meter values: sampled during a transaction (J02) and
// clock-aligned (J01), with the measurands the device model names.

import { expect } from 'chai';
import { sleep } from './station-test-csms.js';
import { setVariable, startPair, stopPairs } from './station-pair.js';

type P = Record<string, unknown>;
const token = { idToken: 'TOKEN-OK', type: 'ISO14443' };
const sampled = (mv: unknown): P[] => ((mv as P[])[0]!.sampledValue as P[]);

describe('OCPP 2.0.1 reference charging station: meter values', function () {
  this.timeout(20000);
  afterEach(stopPairs);

  it('sends MeterValuePeriodic events every TxUpdatedInterval with the TxUpdatedMeasurands, and TxEndedInterval readings in the Ended event (J02)', async () => {
    const p = await startPair();
    expect(await setVariable(p, 'SampledDataCtrlr', 'TxUpdatedInterval', '1')).to.equal('Accepted');
    expect(await setVariable(p, 'SampledDataCtrlr', 'TxUpdatedMeasurands', 'Energy.Active.Import.Register,Power.Active.Import,Voltage')).to.equal('Accepted');
    expect(await setVariable(p, 'SampledDataCtrlr', 'TxEndedInterval', '1')).to.equal('Accepted');
    await p.station.perform('presentIdToken', { evseId: 1, idToken: token });
    await p.station.perform('plugIn', { evseId: 1 });
    await p.csms.waitFor('TransactionEvent', (x) => x.eventType === 'Started');
    await sleep(2300);
    const periodic = p.csms.of('TransactionEvent').filter((c) => c.payload.triggerReason === 'MeterValuePeriodic');
    expect(periodic.length).to.be.within(2, 3);
    const values = sampled(periodic[0]!.payload.meterValue);
    expect(values.map((v) => v.measurand)).to.deep.equal(['Energy.Active.Import.Register', 'Power.Active.Import', 'Voltage']);
    expect(values.every((v) => v.context === 'Sample.Periodic')).to.equal(true);
    const e1 = Number(sampled(periodic[0]!.payload.meterValue)[0]!.value);
    const e2 = Number(sampled(periodic[1]!.payload.meterValue)[0]!.value);
    expect(e2).to.be.above(e1);
    const gap = Date.parse(String(periodic[1]!.payload.timestamp)) - Date.parse(String(periodic[0]!.payload.timestamp));
    expect(gap).to.be.within(900, 1200);
    await p.station.perform('presentIdToken', { evseId: 1, idToken: token });
    const end = await p.csms.waitFor('TransactionEvent', (x) => x.eventType === 'Ended');
    const readings = end.payload.meterValue as P[];
    expect(readings.length).to.be.at.least(3);
    expect(readings.slice(0, -1).every((r) => (r.sampledValue as P[])[0]!.context === 'Sample.Periodic')).to.equal(true);
    expect((readings.at(-1)!.sampledValue as P[])[0]!.context).to.equal('Transaction.End');
  });

  it('sends clock-aligned MeterValues per idle EVSE on multiples of AlignedDataInterval, and MeterValueClock events for an EVSE in a transaction (J01)', async () => {
    const p = await startPair();
    await p.station.perform('presentIdToken', { evseId: 2, idToken: token });
    await p.station.perform('plugIn', { evseId: 2 });
    await p.csms.waitFor('TransactionEvent', (x) => x.eventType === 'Started');
    expect(await setVariable(p, 'AlignedDataCtrlr', 'Measurands', 'Energy.Active.Import.Register,Current.Import')).to.equal('Accepted');
    expect(await setVariable(p, 'AlignedDataCtrlr', 'Interval', '1')).to.equal('Accepted');
    await sleep(2600);
    const mv = p.csms.of('MeterValues');
    expect(mv.length).to.be.within(2, 3);
    expect(mv.every((c) => c.payload.evseId === 1)).to.equal(true);
    for (const c of mv) {
      const values = sampled(c.payload.meterValue);
      expect(values.map((v) => v.context)).to.deep.equal(['Sample.Clock', 'Sample.Clock']);
      expect(values.map((v) => v.measurand)).to.deep.equal(['Energy.Active.Import.Register', 'Current.Import']);
      expect(Date.parse(String((c.payload.meterValue as P[])[0]!.timestamp)) % 1000).to.equal(0);
    }
    const clock = p.csms.of('TransactionEvent').filter((c) => c.payload.triggerReason === 'MeterValueClock');
    expect(clock.length).to.be.within(2, 3);
    expect(sampled(clock[0]!.payload.meterValue)[0]!.context).to.equal('Sample.Clock');
  });

  it('puts the AlignedDataTxEndedInterval readings (Sample.Clock, on the clock) into the Ended event (J03)', async () => {
    const p = await startPair();
    expect(await setVariable(p, 'AlignedDataCtrlr', 'TxEndedInterval', '1')).to.equal('Accepted');
    await p.station.perform('presentIdToken', { evseId: 1, idToken: token });
    await p.station.perform('plugIn', { evseId: 1 });
    await p.csms.waitFor('TransactionEvent', (x) => x.eventType === 'Started');
    await sleep(2200);
    await p.station.perform('unplug', { evseId: 1 });
    const end = await p.csms.waitFor('TransactionEvent', (x) => x.eventType === 'Ended');
    const clock = (end.payload.meterValue as P[]).filter((r) => (r.sampledValue as P[])[0]!.context === 'Sample.Clock');
    expect(clock.length).to.be.within(2, 3);
    expect(clock.every((r) => Date.parse(String(r.timestamp)) % 1000 === 0)).to.equal(true);
    expect(p.csms.of('MeterValues')).to.have.length(0);
  });

  it('with AlignedDataSendDuringIdle sends no clock-aligned data while a transaction runs', async () => {
    const p = await startPair();
    expect(await setVariable(p, 'AlignedDataCtrlr', 'SendDuringIdle', 'true')).to.equal('Accepted');
    expect(await setVariable(p, 'AlignedDataCtrlr', 'Interval', '1')).to.equal('Accepted');
    await p.csms.waitFor('MeterValues', undefined, 2000);
    await p.station.perform('presentIdToken', { evseId: 1, idToken: token });
    await p.station.perform('plugIn', { evseId: 1 });
    await p.csms.waitFor('TransactionEvent', (x) => x.eventType === 'Started');
    const from = p.csms.calls.length;
    await sleep(1500);
    expect(p.csms.calls.slice(from).filter((c) => c.action === 'MeterValues' || c.payload.triggerReason === 'MeterValueClock')).to.have.length(0);
  });

  it('answers TriggerMessage MeterValues and TransactionEvent with messages of triggerReason/context Trigger', async () => {
    const p = await startPair();
    expect((await p.csms.call('TriggerMessage', { requestedMessage: 'TransactionEvent' })).status).to.equal('Rejected');
    expect((await p.csms.call('TriggerMessage', { requestedMessage: 'MeterValues', evse: { id: 1 } })).status).to.equal('Accepted');
    const mv = await p.csms.waitFor('MeterValues');
    expect(sampled(mv.payload.meterValue)[0]!.context).to.equal('Trigger');
    await p.station.perform('presentIdToken', { evseId: 1, idToken: token });
    await p.station.perform('plugIn', { evseId: 1 });
    await p.csms.waitFor('TransactionEvent', (x) => x.eventType === 'Started');
    expect((await p.csms.call('TriggerMessage', { requestedMessage: 'TransactionEvent', evse: { id: 1 } })).status).to.equal('Accepted');
    await p.csms.waitFor('TransactionEvent', (x) => x.triggerReason === 'Trigger');
    expect((await p.csms.call('TriggerMessage', { requestedMessage: 'StatusNotification', evse: { id: 2, connectorId: 1 } })).status).to.equal('Accepted');
    await p.csms.waitFor('StatusNotification', (x) => x.evseId === 2, 2000, 4);
  });
});
