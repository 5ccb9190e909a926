// OCPP 2.0.1 connector status reports in either form (Part 2 G01.FR.03–07): the call expectation with an
// alternative form, judged over literal traces, and the statuses read from either message.
import { expect } from 'chai';
import { evaluateCall } from '../../harness/checks/evaluate-expectations.js';
import type { CallExpectation } from '../../harness/checks/expectation.js';
import { buildRpcModel } from '../../harness/checks/rpc-model.js';
import { connectorReport, reportedConnectorStatuses } from '../../harness/versions/ocpp201/connector-status-report.js';
import { TraceBuilder } from '../support/trace-builder.js';

const statusNotification = (id: string, evseId: number, connectorStatus: string) =>
  [2, id, 'StatusNotification', { timestamp: '2026-01-01T00:00:00Z', connectorStatus, evseId, connectorId: 1 }];
const availability = (evseId: number, actualValue: string, extra: Record<string, unknown> = {}) => ({
  eventId: evseId, timestamp: '2026-01-01T00:00:00Z', trigger: 'Delta', actualValue, eventNotificationType: 'HardWiredNotification',
  component: { name: 'Connector', evse: { id: evseId, connectorId: 1 } }, variable: { name: 'AvailabilityState' }, ...extra,
});
const notifyEvent = (id: string, ...eventData: unknown[]) => [2, id, 'NotifyEvent', { generatedAt: '2026-01-01T00:00:00Z', seqNo: 0, eventData }];

function occupiedOn(evseId: number, frame: unknown[]): { e: CallExpectation; model: ReturnType<typeof buildRpcModel> } {
  const b = new TraceBuilder();
  const anchor = b.note(0);
  b.in(100, frame);
  b.note(5_000);
  const { action, ...form } = connectorReport(evseId, 1, ['Occupied']);
  const e: CallExpectation = { type: 'call', action, ...form, afterSeq: anchor, requirement: 'G01.FR.03', window: { anchorSeq: anchor, maxMs: 1000, toleranceMs: 0, graceMs: 0 } };
  return { e, model: buildRpcModel(b.events) };
}

describe('2.0.1 connector status reports: StatusNotification or NotifyEvent (G01)', () => {
  const cases: [string, unknown[], string[]][] = [
    ['StatusNotification Occupied', statusNotification('a', 1, 'Occupied'), []],
    ['StatusNotification Available', statusNotification('a', 1, 'Available'), ['payload.mismatch']],
    ['NotifyEvent AvailabilityState Occupied, Delta', notifyEvent('a', availability(1, 'Occupied')), []],
    ['NotifyEvent with the connector second of two items', notifyEvent('a', availability(2, 'Available'), availability(1, 'Occupied')), []],
    ['NotifyEvent AvailabilityState Available', notifyEvent('a', availability(1, 'Available')), ['payload.mismatch']],
    ['NotifyEvent Occupied but trigger Periodic', notifyEvent('a', availability(1, 'Occupied', { trigger: 'Periodic' })), ['payload.mismatch']],
    ['NotifyEvent without the connectorId of a one-connector EVSE', notifyEvent('a', availability(1, 'Occupied', { component: { name: 'Connector', evse: { id: 1 } } })), []],
    ['NotifyEvent of another EVSE only', notifyEvent('a', availability(2, 'Occupied')), ['sequence.missing']],
    ['NotifyEvent of another variable', notifyEvent('a', availability(1, 'Occupied', { variable: { name: 'Enabled' } })), ['sequence.missing']],
  ];
  for (const [name, frame, expected] of cases) {
    it(`${name} → ${expected.join(', ') || 'no finding'}`, () => {
      const { e, model } = occupiedOn(1, frame);
      expect(evaluateCall(e, model).findings.map((f) => f.checkId)).to.deep.equal(expected);
    });
  }

  it('a missing report names both forms', () => {
    const { e, model } = occupiedOn(1, [2, 'a', 'Heartbeat', {}]);
    const [f] = evaluateCall(e, model).findings;
    expect(f?.expected).to.match(/^StatusNotification \(.*\) or NotifyEvent \(.*\) within/);
    expect(f?.actual).to.match(/no StatusNotification or NotifyEvent arrived/);
  });

  it('forbid "*" does not count the alternative form as another request', () => {
    const { e, model } = occupiedOn(1, notifyEvent('a', availability(1, 'Occupied')));
    e.forbid = { actions: '*', why: 'nothing else first' };
    expect(evaluateCall(e, model).findings).to.deep.equal([]);
  });

  it('reads the statuses either message reports', () => {
    expect(reportedConnectorStatuses('StatusNotification', statusNotification('a', 2, 'Faulted')[3])).to.deep.equal([{ evseId: 2, connectorId: 1, status: 'Faulted' }]);
    expect(reportedConnectorStatuses('NotifyEvent', notifyEvent('a', availability(1, 'Occupied'), availability(3, 'Unavailable'), { ...availability(2, 'x'), variable: { name: 'Other' } })[3]))
      .to.deep.equal([{ evseId: 1, connectorId: 1, status: 'Occupied' }, { evseId: 3, connectorId: 1, status: 'Unavailable' }]);
    expect(reportedConnectorStatuses('Heartbeat', {})).to.deep.equal([]);
  });
});
