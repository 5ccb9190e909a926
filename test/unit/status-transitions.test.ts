// The 1.6 connector status table and the generic status.transition check, over hand-written traces.
import { expect } from 'chai';
import { findingsOf } from '../../harness/checks/judge.js';
import { buildRpcModel } from '../../harness/checks/rpc-model.js';
import { checkStatusTransitions } from '../../harness/versions/ocpp16/checks/status-transitions.js';
import {
  allowedNext, CONNECTOR_STATUSES, isAllowedTransition, transitionId, transitionMeaning, TRANSITIONS,
} from '../../harness/versions/ocpp16/model/connector-status.js';
import { schemaRegistry } from '../../harness/schema/registry.js';
import { TraceBuilder } from '../support/trace-builder.js';

const sn = (id: string, connectorId: number, status: string) =>
  [2, id, 'StatusNotification', { connectorId, errorCode: 'NoError', status }];

/** Inbound StatusNotifications, one per 100 ms, each answered; `conn` per entry when given. */
function trace(entries: [number, string, number?][]): TraceBuilder {
  const b = new TraceBuilder();
  entries.forEach(([connectorId, status, conn = 0], i) => {
    b.in(100 * i + 10, sn(`s${i}`, connectorId, status), conn);
    b.out(100 * i + 11, [3, `s${i}`, {}], conn);
  });
  return b;
}
const check = (b: TraceBuilder) => checkStatusTransitions(buildRpcModel(b.events));

describe('connector status table (OCPP 1.6 §4.9)', () => {
  it('has the 53 transitions of the table, B6 from the errata included', () => {
    expect(Object.keys(TRANSITIONS)).to.have.length(53);
    expect(isAllowedTransition('Preparing', 'Finishing')).to.equal(true);
    expect(transitionId('Preparing', 'Finishing')).to.equal('B6');
  });

  it('rows as the table gives them', () => {
    const rows = Object.fromEntries(CONNECTOR_STATUSES.map((s) => [s, allowedNext(s).join(',')]));
    expect(rows).to.deep.equal({
      Available: 'Preparing,Charging,SuspendedEV,SuspendedEVSE,Reserved,Unavailable,Faulted',
      Preparing: 'Available,Charging,SuspendedEV,SuspendedEVSE,Finishing,Faulted',
      Charging: 'Available,SuspendedEV,SuspendedEVSE,Finishing,Unavailable,Faulted',
      SuspendedEV: 'Available,Charging,SuspendedEVSE,Finishing,Unavailable,Faulted',
      SuspendedEVSE: 'Available,Charging,SuspendedEV,Finishing,Unavailable,Faulted',
      Finishing: 'Available,Preparing,Unavailable,Faulted',
      Reserved: 'Available,Preparing,Unavailable,Faulted',
      Unavailable: 'Available,Preparing,Charging,SuspendedEV,SuspendedEVSE,Faulted',
      Faulted: 'Available,Preparing,Charging,SuspendedEV,SuspendedEVSE,Finishing,Reserved,Unavailable',
    });
  });

  it('forbidden cells, repeats, and meanings', () => {
    for (const [from, to] of [['Charging', 'Preparing'], ['Finishing', 'Charging'], ['Preparing', 'Unavailable'], ['Reserved', 'Charging'], ['Available', 'Finishing']] as const) {
      expect(isAllowedTransition(from, to), `${from} → ${to}`).to.equal(false);
      expect(transitionMeaning(from, to)).to.equal(undefined);
    }
    expect(isAllowedTransition('Charging', 'Charging')).to.equal(true);
    expect(transitionMeaning('Charging', 'Finishing')).to.match(/stopped/);
  });
});

describe('status.transition check', () => {
  it('a whole session along the table: no finding', () => {
    const b = trace([[0, 'Available'], [1, 'Available'], [1, 'Preparing'], [1, 'Charging'], [1, 'SuspendedEV'],
      [1, 'SuspendedEVSE'], [1, 'Charging'], [1, 'Finishing'], [1, 'Available'], [1, 'Unavailable'], [1, 'Faulted'], [1, 'Available']]);
    expect(check(b)).to.deep.equal([]);
  });

  it('the same status again is fine', () => {
    expect(check(trace([[1, 'Charging'], [1, 'Charging'], [1, 'Charging']]))).to.deep.equal([]);
  });

  it('Charging → Preparing is a finding that explains itself', () => {
    const b = trace([[1, 'Available'], [1, 'Preparing'], [1, 'Charging'], [1, 'Preparing'], [1, 'Charging']]);
    const findings = check(b);
    expect(findings).to.have.length(1);
    expect(findings[0]).to.deep.include({
      checkId: 'status.transition', level: 'MUST',
      expected: 'connector 1: one of Available, SuspendedEV, SuspendedEVSE, Finishing, Unavailable, Faulted after Charging',
      actual: 'Charging → Preparing (frame #6)',
      evidence: [6, 4],
    });
    expect(findings[0].requirement).to.match(/§4\.9/);
  });

  it('Finishing → Charging and Available → Finishing are findings', () => {
    const findings = check(trace([[1, 'Finishing'], [1, 'Charging'], [2, 'Available'], [2, 'Finishing']]));
    expect(findings.map((f) => f.actual)).to.deep.equal(['Finishing → Charging (frame #2)', 'Available → Finishing (frame #6)']);
  });

  it('connectors are followed separately', () => {
    expect(check(trace([[1, 'Charging'], [2, 'Preparing'], [1, 'Finishing'], [2, 'Charging']]))).to.deep.equal([]);
  });

  it('connector 0 takes only Available, Unavailable, Faulted', () => {
    expect(check(trace([[0, 'Available'], [0, 'Unavailable'], [0, 'Faulted'], [0, 'Available']]))).to.deep.equal([]);
    const findings = check(trace([[0, 'Available'], [0, 'Charging'], [0, 'Available']]));
    expect(findings).to.have.length(1);
    expect(findings[0]).to.deep.include({
      checkId: 'status.transition',
      expected: 'connector 0: one of Available, Unavailable, Faulted',
      actual: 'connector 0: Charging (frame #2)',
      evidence: [2],
    });
  });

  it('a new connection (after a reboot) starts fresh', () => {
    expect(check(trace([[1, 'Charging', 0], [1, 'Preparing', 1]]))).to.deep.equal([]);
    expect(check(trace([[1, 'Charging', 0], [1, 'Preparing', 0]])).map((f) => f.checkId)).to.deep.equal(['status.transition']);
  });

  it('only what the system under test sends counts; invalid statuses are left to the schema check', () => {
    const b = new TraceBuilder();
    b.out(1, sn('h1', 1, 'Charging'));
    b.out(2, sn('h2', 1, 'Preparing'));
    b.in(3, sn('a', 1, 'Charging'));
    b.in(4, sn('b', 1, 'Occupied'));
    b.in(5, sn('c', 1, 'Finishing'));
    expect(check(b)).to.deep.equal([]);
  });

  it('runs as a generic check in findingsOf (the live judge and rejudge)', () => {
    const b = trace([[1, 'Charging'], [1, 'Preparing']]);
    const settings = { responseTimeoutMs: 1000, toleranceMs: 500, strict: false };
    const ids = findingsOf({ caseId: 'T', sut: 'ChargePoint', events: b.events, settings, registry: schemaRegistry('1.6') }).map((f) => f.checkId);
    expect(ids).to.deep.equal(['status.transition']);
  });
});
