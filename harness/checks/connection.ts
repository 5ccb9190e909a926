// Handshake and connection-level checks.
import { parseFrame } from '../rpc/frame.js';
import type { Sut, TraceEvent } from '../trace/types.js';
import type { Finding } from './finding.js';

const SUBPROTOCOL = 'ocpp1.6';
/** Stimuli after which the system under test is expected to drop the connection. */
const RESTARTING_STIMULI = new Set(['reboot', 'powerFailure', 'networkDown']);
/** Requests of ours after which the system under test may restart (and so drop the connection). */
const RESTARTING_REQUESTS = new Set(['Reset', 'UpdateFirmware', 'SignedUpdateFirmware']);

export function checkHandshake(events: TraceEvent[], sut: Sut): Finding[] {
  const findings: Finding[] = [];
  for (const e of events) {
    if (sut === 'ChargePoint' && e.kind === 'ws-open' && !e.inherited && !e.offeredProtocols.includes(SUBPROTOCOL)) {
      findings.push({
        checkId: 'handshake.subprotocol', level: 'MUST',
        requirement: 'OCPP-J 1.6 §3.1.2: the charge point MUST name the OCPP version in Sec-WebSocket-Protocol',
        expected: `Sec-WebSocket-Protocol offering ${SUBPROTOCOL}`,
        actual: e.offeredProtocols.length ? `offered ${e.offeredProtocols.join(', ')}` : 'no subprotocol offered',
        evidence: [e.seq],
      });
    }
    if (sut === 'Csms' && e.kind === 'http-upgrade' && e.status === 101 && e.chosenProtocol !== SUBPROTOCOL) {
      findings.push({
        checkId: 'handshake.subprotocol', level: 'MUST',
        requirement: 'OCPP-J 1.6 §3.1.2: the CSMS agrees on an offered subprotocol in its 101 response',
        expected: `Sec-WebSocket-Protocol: ${SUBPROTOCOL}`,
        actual: e.chosenProtocol === null ? 'no Sec-WebSocket-Protocol header' : `Sec-WebSocket-Protocol: ${e.chosenProtocol}`,
        evidence: [e.seq],
      });
    }
  }
  return findings;
}

export function checkConnection(events: TraceEvent[], maxFrameBytes: number): Finding[] {
  const findings: Finding[] = [];
  let restartAnnounced = false;
  for (const e of events) {
    if (e.kind === 'stimulus' && RESTARTING_STIMULI.has(e.action)) restartAnnounced = true;
    if (e.kind === 'frame' && e.dir === 'out' && /"(Reset|UpdateFirmware|SignedUpdateFirmware)"/.test(e.raw)) {
      const parsed = parseFrame(e.raw);
      if (parsed.ok && parsed.frame.type === 2 && RESTARTING_REQUESTS.has(parsed.frame.action)) restartAnnounced = true;
    }
    // A charge point whose BootNotification is Rejected MAY close its channel until the retry (§4.2).
    if (e.kind === 'frame' && e.dir === 'out' && /"status"\s*:\s*"Rejected"/.test(e.raw)) {
      const parsed = parseFrame(e.raw);
      if (parsed.ok && parsed.frame.type === 3 && isBootRejection(parsed.frame.payload)) restartAnnounced = true;
    }
    if (e.kind === 'ws-open' && !e.inherited) restartAnnounced = false;
    if (e.kind === 'ws-error' && e.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
      findings.push({
        checkId: 'transport.frameTooLarge', level: 'MUST',
        requirement: `frames stay within maxFrameBytes (${maxFrameBytes} bytes); larger frames end the connection (close 1009)`,
        expected: `frames of at most ${maxFrameBytes} bytes`,
        actual: `${e.message} (event #${e.seq})`,
        evidence: [e.seq],
      });
    }
    if (e.kind === 'ws-close' && e.by === 'peer' && !restartAnnounced) {
      findings.push({
        checkId: 'connection.closed', level: 'MUST',
        requirement: 'OCPP-J 1.6 §3: the connection stays open; the system under test was not asked to restart',
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
