// The list and alternative matchers the 2.0.1 meter-value cases use: anyOf and someItem.
import { expect } from 'chai';
import { describeMatchValue, mismatches } from '../../harness/checks/match.js';

const EAIR = { measurand: { oneOf: ['Energy.Active.Import.Register'], optional: true } };

describe('matcher operators anyOf and someItem', () => {
  const payload = {
    meterValue: [{
      timestamp: '2026-01-01T00:00:10.000Z',
      sampledValue: [{ value: 1, context: 'Sample.Clock' }, { value: 2, measurand: 'Voltage', context: 'Sample.Clock' }],
    }],
  };

  it('someItem: every matcher finds an element (a measurand left out counts as Energy.Active.Import.Register)', () => {
    expect(mismatches(payload, { 'meterValue.0.sampledValue': { someItem: [EAIR, { measurand: 'Voltage' }] } })).to.deep.equal([]);
  });

  it('someItem: a matcher without an element is a mismatch, and so is a value that is no list', () => {
    expect(mismatches(payload, { 'meterValue.0.sampledValue': { someItem: [{ measurand: 'Current.Import' }] } })).to.have.length(1);
    expect(mismatches(payload, { 'meterValue.0.timestamp': { someItem: [{}] } })).to.have.length(1);
  });

  it('someItem nests: some meterValue has some sampledValue of context Transaction.End', () => {
    const m = { meterValue: { someItem: [{ sampledValue: { someItem: [{ context: 'Transaction.End' }] } }] } };
    expect(mismatches(payload, m)).to.have.length(1);
    payload.meterValue[0].sampledValue.push({ value: 3, context: 'Transaction.End' });
    expect(mismatches(payload, m)).to.deep.equal([]);
  });

  it('anyOf: the same instant, or one interval later within the tolerance', () => {
    const same = { notBefore: '2026-01-01T00:00:10Z', notAfter: '2026-01-01T00:00:10Z' };
    const next = { notBefore: '2026-01-01T00:00:19.5Z', notAfter: '2026-01-01T00:00:20.5Z' };
    const m = { t: { anyOf: [same, next] } };
    expect(mismatches({ t: '2026-01-01T00:00:10.000Z' }, m)).to.deep.equal([]);
    expect(mismatches({ t: '2026-01-01T00:00:20.2Z' }, m)).to.deep.equal([]);
    expect(mismatches({ t: '2026-01-01T00:00:15Z' }, m)).to.have.length(1);
    expect(describeMatchValue(m.t)).to.contain(' or ');
  });
});
