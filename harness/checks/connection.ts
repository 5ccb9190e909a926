// Handshake and connection-level checks.
import { parseFrame } from '../rpc/frame.js';
import type { DialVerdict, Sut, TraceEvent } from '../trace/types.js';
import type { VersionFacts } from '../versions/version-facts.js';
import type { Finding } from './finding.js';

/** Stimuli after which the system under test is expected to drop the connection. */
const RESTARTING_STIMULI = new Set(['reboot', 'powerFailure', 'networkDown']);

export function checkHandshake(events: TraceEvent[], sut: Sut, facts: VersionFacts): Finding[] {
  const findings: Finding[] = [];
  const SUBPROTOCOL = facts.subprotocol;
  const J = facts.ocppJ;
  for (const e of events) {
    if (sut === 'ChargePoint' && e.kind === 'ws-open' && !e.inherited && e.authorization !== undefined
      && e.secure === false && e.basicAuthExpected === false) {
      findings.push({
        checkId: 'handshake.basicAuthUnasked', level: 'SHOULD',
        requirement: `${J} §6.2.2 (a note on encryption): HTTP Basic credentials are meant for TLS; sent over plain ws:// `
          + 'anyone on the path can read them and impersonate the charge point. Here the CSMS was not configured for any (no basicAuthPassword)',
        expected: 'no Authorization header over plain ws:// when the CSMS asks for no credentials',
        actual: `Authorization: ${e.authorization.split(' ')[0] || 'header'} … sent in the clear (event #${e.seq})`,
        evidence: [e.seq],
      });
    }
    if (sut === 'ChargePoint' && e.kind === 'ws-open' && !e.inherited && !e.offeredProtocols.includes(SUBPROTOCOL)) {
      findings.push({
        checkId: 'handshake.subprotocol', level: 'MUST',
        requirement: `${J} §3.1.2: the charge point MUST name the OCPP version in Sec-WebSocket-Protocol`,
        expected: `Sec-WebSocket-Protocol offering ${SUBPROTOCOL}`,
        actual: e.offeredProtocols.length ? `offered ${e.offeredProtocols.join(', ')}` : 'no subprotocol offered',
        evidence: [e.seq],
      });
    }
    // A dial whose outcome a security case prescribes: refused (a 101 is a finding) or accepted.
    if (sut === 'Csms' && e.kind === 'http-upgrade' && e.dialVerdict?.expect === 'refused' && e.status === 101) {
      findings.push(refusalFinding(e.seq, e.dialVerdict, `HTTP 101: the CSMS upgraded the connection (event #${e.seq})`));
      continue;
    }
    if (sut === 'Csms' && e.kind === 'ws-error' && e.dialVerdict?.expect === 'accepted') {
      findings.push(refusalFinding(e.seq, e.dialVerdict, `${e.message} (event #${e.seq})`));
      continue;
    }
    if (sut === 'Csms' && e.kind === 'tls' && e.probe) {
      findings.push(...csmsServerTlsFindings(e));
      continue;
    }
    // Offered nothing it supports (a handshake probe): OCPP-J 1.6 §3.2.
    if (sut === 'Csms' && e.kind === 'http-upgrade' && !e.offeredProtocols.includes(SUBPROTOCOL)) {
      const problem = unsupportedSubprotocolProblem(e);
      if (problem) {
        findings.push({
          checkId: 'handshake.unsupportedSubprotocol', level: 'MUST',
          requirement: `${J} §3.2: a CSMS that does not agree to any offered subprotocol MUST complete the WebSocket handshake `
            + 'with a response without Sec-WebSocket-Protocol and then immediately close the connection',
          expected: `HTTP 101 without Sec-WebSocket-Protocol to an offer of ${e.offeredProtocols.join(', ') || 'nothing'}, then the CSMS closes`,
          actual: `${problem} (event #${e.seq})`,
          evidence: [e.seq],
        });
      }
      continue;
    }
    if (sut === 'Csms' && e.kind === 'http-upgrade' && e.status === 101 && e.chosenProtocol !== SUBPROTOCOL) {
      findings.push({
        checkId: 'handshake.subprotocol', level: 'MUST',
        requirement: `${J} §3.1.2: the CSMS agrees on an offered subprotocol in its 101 response`,
        expected: `Sec-WebSocket-Protocol: ${SUBPROTOCOL}`,
        actual: e.chosenProtocol === null ? 'no Sec-WebSocket-Protocol header' : `Sec-WebSocket-Protocol: ${e.chosenProtocol}`,
        evidence: [e.seq],
      });
    }
  }
  return findings;
}

const SERVER_TLS = 'OCTT Tables 190/191 (TLS, the CSMS\'s side); Security Whitepaper ed. 3 A00.FR.312/317/416/421 (TLS 1.2 or above, the four suites), A00.FR.502/503 (RSA ≥ 2048 bits, EC ≥ 224 bits), A00.FR.507/510 (X.509, serial number, CN = the FQDN of the server)';

/** A cipher-suite probe of the CSMS: the suite supported, with TLS 1.2+, and a server certificate as the whitepaper describes it. */
function csmsServerTlsFindings(e: Extract<TraceEvent, { kind: 'tls' }>): Finding[] {
  const problems: string[] = [];
  const probe = e.probe!;
  if (e.outcome !== 'established') problems.push(`${probe.suite} not supported: ${e.error?.code ?? ''} ${e.error?.message ?? ''}`.trim());
  else {
    if (e.facts.protocol !== 'TLSv1.2' && e.facts.protocol !== 'TLSv1.3') problems.push(`negotiated ${e.facts.protocol ?? 'no version'}, not TLS 1.2 or above`);
    const cert = e.facts.peerCertificate;
    const key = cert?.publicKey ?? '';
    const bits = Number(/(\d+)$/.exec(key)?.[1] ?? 0);
    if (!cert) problems.push('no server certificate');
    else {
      if (/^RSA/.test(key) && bits < 2048) problems.push(`server key ${key}: RSA needs at least 2048 bits`);
      if (/^EC/.test(key) && bits < 224) problems.push(`server key ${key}: EC needs at least 224 bits`);
      if (!cert.serialNumber) problems.push('the server certificate has no serial number');
      const cn = /(?:^|, )CN=([^,]*)/.exec(cert.subject)?.[1];
      if (!cn || cn.toLowerCase() !== probe.host.toLowerCase()) problems.push(`the server certificate's CN is ${JSON.stringify(cn ?? '')}, not the host dialled ${JSON.stringify(probe.host)}`);
    }
  }
  return problems.map((actual) => ({
    checkId: 'tls.csmsServer' as const, level: 'MUST' as const, requirement: SERVER_TLS,
    expected: `a TLS 1.2+ handshake offering only ${probe.suite}, with a server certificate as the whitepaper describes it`,
    actual: `${actual} (event #${e.seq})`, evidence: [e.seq],
  }));
}

function refusalFinding(seq: number, verdict: DialVerdict, actual: string): Finding {
  return {
    checkId: 'security.refusal', level: verdict.level, requirement: verdict.requirement,
    expected: verdict.expect === 'refused' ? `the connection refused (TLS failure or HTTP 401/403): ${verdict.why}` : `the connection accepted: ${verdict.why}`,
    actual, evidence: [seq],
  };
}

function unsupportedSubprotocolProblem(e: Extract<TraceEvent, { kind: 'http-upgrade' }>): string | undefined {
  if (e.status === 0) return undefined; // no answer at all: the probe says so, nothing to judge
  if (e.status !== 101) return `HTTP ${e.status}: the handshake was refused instead of completed`;
  if (e.chosenProtocol !== null) return `101 with Sec-WebSocket-Protocol: ${e.chosenProtocol}, which was not offered`;
  if (e.closedByPeerAfterMs === null) return '101 without a subprotocol, but the CSMS kept the connection open';
  return undefined;
}

export function checkConnection(events: TraceEvent[], maxFrameBytes: number, facts: VersionFacts, frameBytes?: number): Finding[] {
  const findings: Finding[] = [];
  const restartingRequests = new Set(facts.restartingRequests);
  const mentionsRestart = new RegExp(`"(${facts.restartingRequests.join('|')})"`);
  let restartAnnounced = false;
  // A slow control (an operator, a script) may report the restart done after the SUT already dropped
  // and reopened the connection: while it is pending, a new connection does not end the announcement.
  let restartPending = false;
  let closedWhilePending = false;
  let cycleCompleted = false;
  // Connections without an agreed subprotocol are closed at once on purpose (OCPP-J §3.2): no session.
  const withoutSession = new Set<number | undefined>();
  for (const e of events) {
    if (e.kind === 'ws-open' && e.chosenProtocol === null) withoutSession.add(e.conn);
    if (e.kind === 'stimulus' && RESTARTING_STIMULI.has(e.action)) {
      restartAnnounced = true;
      if (e.outcome === 'pending') {
        restartPending = true;
        closedWhilePending = cycleCompleted = false;
      } else {
        restartPending = false;
        // The whole drop-and-reconnect happened before the control answered: the restart is over.
        if (cycleCompleted) restartAnnounced = false;
      }
    }
    // A request broken on purpose (Reset {"type":"Medium"}) announces nothing: it must be refused.
    if (e.kind === 'frame' && e.dir === 'out' && !e.deliberatelyInvalid && mentionsRestart.test(e.raw)) {
      const parsed = parseFrame(e.raw);
      if (parsed.ok && parsed.frame.type === 2 && restartingRequests.has(parsed.frame.action)) restartAnnounced = true;
    }
    // A frame sent knowing the receiver may close over it (fuzzing): the case judges that close.
    if (e.kind === 'frame' && e.dir === 'out' && e.mayEndConnection) restartAnnounced = true;
    // Requests of ours that take effect by disconnecting and reconnecting (the version says which).
    if (e.kind === 'frame' && e.dir === 'out' && facts.reconnectHint.test(e.raw)) {
      const parsed = parseFrame(e.raw);
      if (parsed.ok && parsed.frame.type === 2 && facts.reconnectsAfter(parsed.frame.action, parsed.frame.payload)) restartAnnounced = true;
    }
    // A charge point whose BootNotification is Rejected MAY close its channel until the retry (1.6 §4.2, 2.0.1 B03).
    if (e.kind === 'frame' && e.dir === 'out' && /"status"\s*:\s*"Rejected"/.test(e.raw)) {
      const parsed = parseFrame(e.raw);
      if (parsed.ok && parsed.frame.type === 3 && isBootRejection(parsed.frame.payload)) restartAnnounced = true;
    }
    if (e.kind === 'ws-open' && !e.inherited) {
      if (!restartPending) restartAnnounced = false;
      else if (closedWhilePending) cycleCompleted = true;
    }
    if (e.kind === 'ws-close' && restartPending) closedWhilePending = true;
    if (e.kind === 'frame' && e.dir === 'in' && e.truncated?.limit === 'frameBytes') {
      findings.push({
        checkId: 'transport.frameTooLarge', level: 'MUST',
        requirement: `frames stay within the harness's limit limits.frameBytes = ${frameBytes ?? e.truncated.bytes - 1} bytes; a larger frame is not read (a CALL is answered with a CALLERROR)`,
        expected: `frames of at most ${frameBytes ?? 'limits.frameBytes'} bytes`,
        actual: `a frame of ${e.truncated.bytes} bytes (SHA-256 ${e.truncated.sha256}) (frame #${e.seq})`,
        evidence: [e.seq],
      });
    }
    if (e.kind === 'ws-error' && e.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
      findings.push({
        checkId: 'transport.frameTooLarge', level: 'MUST',
        requirement: `frames stay within the WebSocket limit limits.socketFrameBytes = ${maxFrameBytes} bytes; larger frames end the connection (close 1009)`,
        expected: `frames of at most ${maxFrameBytes} bytes`,
        actual: `${e.message} (event #${e.seq})`,
        evidence: [e.seq],
      });
    }
    if (e.kind === 'ws-close' && e.by === 'peer' && !restartAnnounced && !withoutSession.has(e.conn)) {
      findings.push({
        checkId: 'connection.closed', level: 'MUST',
        requirement: `${facts.ocppJ} §3: the connection stays open; the system under test was not asked to restart`,
        expected: 'the connection open until the case ends',
        actual: `closed by the system under test with code ${e.code}${e.reason ? ` (${e.reason})` : ''} (event #${e.seq})`,
        evidence: [e.seq],
      });
    }
  }
  return findings;
}

/** A BootNotification.conf with status Rejected (the only CALLRESULT with status, currentTime and interval). */
function isBootRejection(payload: unknown): boolean {
  const p = payload as Record<string, unknown> | null;
  return !!p && p.status === 'Rejected' && 'currentTime' in p && 'interval' in p;
}
