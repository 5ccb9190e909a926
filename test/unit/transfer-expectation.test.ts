// The `transfer` expectation (harness = charge point: the location the CSMS gave must serve the
// firmware / take the diagnostics) over hand-written traces with file-transfer events.
import { OCPP16 } from '../../harness/versions/ocpp16/facts.js';
import { expect } from 'chai';
import { evaluateOne } from '../../harness/checks/evaluate-expectations.js';
import type { TransferExpectation } from '../../harness/checks/expectation.js';
import { findingsOf } from '../../harness/checks/judge.js';
import { buildRpcModel } from '../../harness/checks/rpc-model.js';
import { schemaRegistry } from '../../harness/schema/registry.js';
import type { FileTransferEvent, TraceEvent } from '../../harness/trace/types.js';
import { TraceBuilder } from '../support/trace-builder.js';

const EMPTY_SHA = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const LOCATION = 'http://csms.example:8080/firmware/fw-2.0.0.bin';

type TransferFields = Partial<Omit<FileTransferEvent, 'kind' | 'seq' | 't' | 'wall'>>;

/** Append a file-transfer event (TraceBuilder has no helper for them). */
function transfer(b: TraceBuilder, t: number, fields: TransferFields = {}): number {
  const seq = b.events.length;
  b.events.push({
    kind: 'file-transfer', harnessRole: 'client', protocol: 'http', direction: 'download', path: '/firmware/fw-2.0.0.bin',
    request: 'GET', status: 200, bytes: 49152, sha256: 'ab'.repeat(32), outcome: 'completed', remoteAddress: 'csms.example:8080',
    startedAt: t - 5, ...fields, seq, t, wall: new Date(Date.UTC(2026, 0, 1) + t).toISOString(),
  } as TraceEvent);
  return seq;
}

function expectation(afterSeq: number, untilSeq: number, extra: Partial<TransferExpectation> = {}): TransferExpectation {
  return { type: 'transfer', step: 3, direction: 'download', location: LOCATION, afterSeq, untilSeq, requirement: 'OCPP 1.6 §8.1', ...extra };
}

const judged = (b: TraceBuilder, e: TransferExpectation) => evaluateOne(e, buildRpcModel(b.events), OCPP16);

describe('expectations: transfer (the location the system under test gave)', () => {
  it('a completed download meets it', () => {
    const b = new TraceBuilder();
    const after = b.note(0);
    transfer(b, 10);
    expect(judged(b, expectation(after, b.note(11)))).to.deep.equal([]);
  });

  it('a refused download is transfer.failed, naming the location and the outcome', () => {
    const b = new TraceBuilder();
    const after = b.note(0);
    const seq = transfer(b, 10, { status: 404, bytes: 0, sha256: EMPTY_SHA, outcome: 'refused', detail: 'HTTP 404 Not Found' });
    const [f, ...rest] = judged(b, expectation(after, b.note(11)));
    expect(rest).to.deep.equal([]);
    expect(f).to.include({ checkId: 'transfer.failed', level: 'MUST', step: 3, requirement: 'OCPP 1.6 §8.1' });
    expect(f.expected).to.equal(`a download from ${LOCATION} that completes`);
    expect(f.actual).to.equal(`HTTP GET /firmware/fw-2.0.0.bin at csms.example:8080: refused (HTTP 404 Not Found), 0 bytes (event #${seq})`);
    expect(f.evidence).to.deep.equal([seq]);
  });

  it('an aborted FTP upload without a reply says so', () => {
    const b = new TraceBuilder();
    const after = b.note(0);
    const seq = transfer(b, 10, { protocol: 'ftp', direction: 'upload', request: 'STOR', path: '/diag/x.log', status: 0, bytes: 0, outcome: 'aborted', detail: 'connection reset' });
    const [f] = judged(b, expectation(after, b.note(11), { direction: 'upload', location: 'ftp://csms.example/diag/' }));
    expect(f.expected).to.equal('an upload to ftp://csms.example/diag/ that completes');
    expect(f.actual).to.equal(`FTP STOR /diag/x.log at csms.example:8080: aborted (no reply: connection reset), 0 bytes (event #${seq})`);
  });

  it('a failed attempt followed by a completed one within the window meets it', () => {
    const b = new TraceBuilder();
    const after = b.note(0);
    transfer(b, 10, { status: 503, bytes: 0, outcome: 'refused' });
    transfer(b, 20);
    expect(judged(b, expectation(after, b.note(21)))).to.deep.equal([]);
  });

  it('only client transfers of its direction inside its window count', () => {
    const b = new TraceBuilder();
    transfer(b, 1); // before the window
    const after = b.note(2);
    transfer(b, 10, { harnessRole: 'server' }); // the harness served it: not the SUT's location
    transfer(b, 11, { direction: 'upload', request: 'POST multipart' }); // other direction
    const until = b.note(12);
    transfer(b, 20); // after the window
    const [f] = judged(b, expectation(after, until));
    expect(f.checkId).to.equal('transfer.failed');
    expect(f.actual).to.equal(`no download was made between events #${after} and #${until} (the location could not be used)`);
    expect(f.evidence).to.deep.equal([until]);
  });

  it('a SHOULD level makes it a SHOULD finding', () => {
    const b = new TraceBuilder();
    const after = b.note(0);
    transfer(b, 10, { status: 404, bytes: 0, outcome: 'refused' });
    expect(judged(b, expectation(after, b.note(11), { level: 'SHOULD' }))[0]?.level).to.equal('SHOULD');
  });

  it('is judged from the trace like every expectation (findingsOf / rejudge)', () => {
    const b = new TraceBuilder();
    const after = b.note(0);
    transfer(b, 10, { status: 404, bytes: 0, outcome: 'refused', detail: 'HTTP 404 Not Found' });
    b.expect(12, expectation(after, b.note(11)));
    b.end(13);
    const findings = findingsOf({
      caseId: 'TC_044_1_CSMS', sut: 'Csms', events: b.events, registry: schemaRegistry('1.6'),
      settings: { responseTimeoutMs: 3000, toleranceMs: 500, strict: false },
    });
    expect(findings.map((f) => f.checkId)).to.deep.equal(['transfer.failed']);
  });
});

describe('expectations: transfer (charge point under test: what its status notifications claim, on the harness\'s servers)', () => {
  const FW = '/firmware/TC_044_1_CS-ab12/fw.bin';
  const DIR = '/diagnostics/TC_045_1_CS-cd34/';
  const served = (afterSeq: number, untilSeq: number, extra: Partial<TransferExpectation> = {}): TransferExpectation => ({
    type: 'transfer', step: 4, harnessRole: 'server', direction: 'download', location: `http://127.0.0.1:8000${FW}`, path: FW,
    afterSeq, untilSeq, requirement: 'OCPP 1.6 §5.19', claim: 'FirmwareStatusNotification Downloaded (frame #9)', ...extra,
  });
  const server = (b: TraceBuilder, t: number, fields: TransferFields = {}) =>
    transfer(b, t, { harnessRole: 'server', path: FW, remoteAddress: '127.0.0.1', ...fields });

  it('the whole image served meets it; fewer bytes than minBytes do not', () => {
    const b = new TraceBuilder();
    const after = b.note(0);
    server(b, 10, { bytes: 65536 });
    const until = b.note(11);
    expect(judged(b, served(after, until, { minBytes: 65536 }))).to.deep.equal([]);
    const [f] = judged(b, served(after, until, { minBytes: 65537 }));
    expect(f).to.include({ checkId: 'transfer.failed', step: 4 });
    expect(f.expected).to.equal(`a download of ${FW} from the harness (http://127.0.0.1:8000${FW}), that completes with at least 65537 bytes, as FirmwareStatusNotification Downloaded (frame #9) claims`);
    expect(f.actual).to.match(/^HTTP GET \/firmware\/TC_044_1_CS-ab12\/fw\.bin from 127\.0\.0\.1: completed \(HTTP 200\), 65536 bytes \(event #\d+\)$/);
  });

  it('a claim without any transfer on the servers is transfer.failed', () => {
    const b = new TraceBuilder();
    const after = b.note(0);
    transfer(b, 5); // the harness's own client transfer does not count here
    server(b, 6, { path: '/firmware/other.bin' }); // another path does not either
    const until = b.note(11);
    const [f] = judged(b, served(after, until));
    expect(f.actual).to.equal(`no download of ${FW} reached the harness's file servers between events #${after} and #${until}`);
    expect(f.evidence).to.deep.equal([until]);
  });

  it('an upload counts beneath the directory and only under the file name announced', () => {
    const b = new TraceBuilder();
    const after = b.note(0);
    server(b, 10, { direction: 'upload', request: 'STOR', protocol: 'ftp', status: 226, path: `${DIR}diag-1.log`, filename: 'diag-1.log', bytes: 2776 });
    const until = b.note(11);
    const upload = { direction: 'upload' as const, path: DIR, location: `ftp://127.0.0.1:2121${DIR}`, minBytes: 1 };
    expect(judged(b, served(after, until, { ...upload, filename: 'diag-1.log' }))).to.deep.equal([]);
    const [f] = judged(b, served(after, until, { ...upload, filename: 'diag-2.log', claim: undefined }));
    expect(f.expected).to.equal(`an upload of "diag-2.log" to ${DIR} on the harness (ftp://127.0.0.1:2121${DIR}), that completes with at least 1 bytes`);
    expect(f.actual).to.match(/, 2776 bytes, file name "diag-1\.log" \(event #\d+\)$/);
  });

  it('attempted: a refused transfer meets it (the charge point tried before reporting DownloadFailed / UploadFailed)', () => {
    const b = new TraceBuilder();
    const after = b.note(0);
    server(b, 10, { request: 'RETR', protocol: 'ftp', status: 550, bytes: 0, sha256: EMPTY_SHA, outcome: 'refused', detail: 'download refused by the test case' });
    const until = b.note(11);
    expect(judged(b, served(after, until, { outcome: 'attempted' }))).to.deep.equal([]);
    const empty = new TraceBuilder();
    const a2 = empty.note(0);
    const [f] = judged(empty, served(a2, empty.note(1), { outcome: 'attempted', claim: 'FirmwareStatusNotification DownloadFailed (frame #7)' }));
    expect(f.expected).to.equal(`a download of ${FW} from the harness (http://127.0.0.1:8000${FW}), attempted (any outcome), as FirmwareStatusNotification DownloadFailed (frame #7) claims`);
  });
});
