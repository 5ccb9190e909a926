// How the reference CSMS answers each CALL a charging station sends (OCPP 2.0.1), behind one common
// front: the registration gate (B02.FR.09, B03.FR.07), then schema validation with Part 4's codes.

import type { IdTokenAuthority } from './id-tokens.js';
import type { Csms201Quirk } from './quirks.js';
import type { Registrations } from './registration.js';
import { checkPayload201, hasSchema201 } from './rpc201.js';
import { NOREPLY, asRecord, createRPCError, str, type RpcHandlerArgs, type RpcServerClientLike, type TimerBag } from './shared.js';
import { hasSignedValue, type TransactionBook } from './transactions.js';

type Payload = Record<string, unknown>;

/** Station-to-CSMS notifications it takes note of and answers with an empty response. */
const PLAIN_NOTIFICATIONS = [
  'StatusNotification', 'NotifyEvent', 'SecurityEventNotification', 'FirmwareStatusNotification',
  'LogStatusNotification', 'NotifyChargingLimit', 'ClearedChargingLimit', 'ReportChargingProfiles',
  'NotifyMonitoringReport', 'NotifyDisplayMessages', 'NotifyCustomerInformation', 'ReservationStatusUpdate',
  'PublishFirmwareStatusNotification',
] as const;

/** The parts of a NotifyReport kept per station and requestId. */
export interface ReceivedReport {
  requestId: number;
  /** seqNo of every part, in arrival order. */
  seqNos: number[];
  reportData: unknown[];
  /** True once a part without tbc (or tbc false) arrived. */
  complete: boolean;
}

export interface HandlerDeps {
  quirks: ReadonlySet<Csms201Quirk>;
  registrations: Registrations;
  tokens: IdTokenAuthority;
  transactions: TransactionBook;
  timers: TimerBag;
  heartbeatIntervalS: () => number;
  /** Interval given with a Pending or Rejected boot. */
  retryIntervalS: () => number;
  lateResponseMs: number;
  knownVendorId: string;
  reports: (identity: string) => Map<number, ReceivedReport>;
  /** Called after a boot was answered (the requests-while-pending quirk acts on it). */
  afterBoot: (client: RpcServerClientLike, status: string) => void;
  sendRaw: (client: RpcServerClientLike, frame: unknown[]) => void;
  log: (line: string) => void;
}

/** Does a payload carry customData anywhere? */
function hasCustomData(v: unknown, depth = 0): boolean {
  if (depth > 32 || typeof v !== 'object' || v === null) return false;
  if (Array.isArray(v)) return v.some((x) => hasCustomData(x, depth + 1));
  return Object.entries(v).some(([k, x]) => k === 'customData' || hasCustomData(x, depth + 1));
}

/** Another message id of the same length, so that the pairing is the only thing wrong. */
function otherId(id: string): string {
  return `${id.slice(0, -1)}${id.endsWith('x') ? 'y' : 'x'}`;
}

export function attachHandlers201(client: RpcServerClientLike, d: HandlerDeps): void {
  const identity = client.identity;
  const q = d.quirks;
  const on = (action: string, fn: (p: Payload, args: RpcHandlerArgs) => unknown): void => {
    client.handle(action, (args) => {
      if (!q.has('no-security-error-while-pending') && !d.registrations.mayStationSend(identity, action)) {
        throw createRPCError('SecurityError', `${action} while the boot is ${d.registrations.status(identity) ?? '?'}`);
      }
      const problem = checkPayload201(action, 'req', args.params, q.has('call-error-1.6-codes'));
      if (problem && q.has('drops-invalid-calls')) return NOREPLY;
      if (problem && q.has('lenient-validation')) {
        // Raw: ocpp-rpc's strict check of our own answer could refuse what an invalid request yields.
        let result: unknown;
        try {
          result = fn(asRecord(args.params), args);
        } catch {
          result = {};
        }
        if (result !== NOREPLY) d.sendRaw(client, [3, args.messageId, result ?? {}]);
        return NOREPLY;
      }
      if (problem) {
        d.sendRaw(client, [4, args.messageId, problem.code, problem.description, {}]);
        return NOREPLY;
      }
      if (q.has('rejects-custom-data') && hasCustomData(args.params)) throw createRPCError('ProtocolError', 'customData is not accepted');
      return fn(asRecord(args.params), args);
    });
  };

  on('BootNotification', (_p) => {
    const status = d.registrations.boot(identity, q.has('boot-pending-forever'));
    d.timers.after(0, () => d.afterBoot(client, status));
    return {
      currentTime: new Date().toISOString(),
      interval: status === 'Accepted' ? d.heartbeatIntervalS() : d.retryIntervalS(),
      status,
    };
  });
  on('Heartbeat', (_p, args) => {
    const result = q.has('heartbeat-without-current-time') ? {} : { currentTime: new Date().toISOString() };
    if (q.has('heartbeat-without-current-time') || q.has('late-response')) {
      // Raw: ocpp-rpc's strict check of our own answer would refuse the first, and cannot delay.
      const send = (): void => d.sendRaw(client, [3, args.messageId, result]);
      if (q.has('late-response')) d.timers.after(d.lateResponseMs, send);
      else send();
      return NOREPLY;
    }
    return result;
  });
  on('Authorize', (p) => {
    const info = d.tokens.info(asRecord(p.idToken));
    return { idTokenInfo: q.has('authorize-valid-as-unknown') && info.status === 'Accepted' ? { status: 'Unknown' } : info };
  });
  on('TransactionEvent', (p) => {
    if (q.has('rejects-seq-no-zero') && p.seqNo === 0) throw createRPCError('PropertyConstraintViolation', 'seqNo 0 refused');
    if (q.has('rejects-signed-meter-values') && Array.isArray(p.meterValue) && p.meterValue.some(hasSignedValue)) {
      throw createRPCError('NotSupported', 'signed meter values are not supported');
    }
    const tx = d.transactions.record(identity, p);
    if (q.has('transaction-ended-never-answered') && p.eventType === 'Ended') return NOREPLY;
    // E01.FR.12: idTokenInfo for the idToken given; a StopAuthorized without one gets its transaction's.
    const token = p.idToken !== undefined ? asRecord(p.idToken) : p.triggerReason === 'StopAuthorized' ? tx.idToken : undefined;
    if (!token || q.has('no-id-token-info-in-transaction-event')) return {};
    return { idTokenInfo: q.has('transaction-event-accepts-invalid-token') ? { status: 'Accepted' } : d.tokens.info(token) };
  });
  on('MeterValues', (p) => {
    if (q.has('rejects-signed-meter-values') && Array.isArray(p.meterValue) && p.meterValue.some(hasSignedValue)) {
      throw createRPCError('NotSupported', 'signed meter values are not supported');
    }
    return q.has('meter-values-never-answered') ? NOREPLY : {};
  });
  on('NotifyReport', (p) => {
    const requestId = typeof p.requestId === 'number' ? p.requestId : -1;
    const reports = d.reports(identity);
    const report = reports.get(requestId) ?? { requestId, seqNos: [], reportData: [], complete: false };
    reports.set(requestId, report);
    if (typeof p.seqNo === 'number') report.seqNos.push(p.seqNo);
    if (Array.isArray(p.reportData)) report.reportData.push(...p.reportData);
    if (p.tbc !== true) report.complete = true;
    return {};
  });
  on('DataTransfer', (p) => {
    if (str(p.vendorId) !== d.knownVendorId) return { status: q.has('data-transfer-accepts-unknown-vendor') ? 'Accepted' : 'UnknownVendorId' };
    // Its one vendor-specific message: `echo` answers the data back (P02.FR.07 for any other messageId).
    if (p.messageId !== undefined && p.messageId !== 'echo') return { status: 'UnknownMessageId' };
    return p.data === undefined ? { status: 'Accepted' } : { status: 'Accepted', data: p.data };
  });
  on('StatusNotification', (_p, args) => {
    if (q.has('wrong-message-id-in-result')) {
      d.sendRaw(client, [3, otherId(String(args.messageId)), {}]);
      return NOREPLY;
    }
    return {};
  });
  on('NotifyEvent', () => {
    if (q.has('notify-event-not-supported')) throw createRPCError('NotSupported', 'NotifyEvent is not supported by this CSMS');
    return {};
  });
  for (const action of PLAIN_NOTIFICATIONS) if (action !== 'StatusNotification' && action !== 'NotifyEvent') on(action, () => ({}));

  client.handle(({ method }) => {
    if (q.has('unknown-action-accepted') && !hasSchema201(method, 'req')) return {};
    if (q.has('drops-invalid-calls') && !hasSchema201(method, 'req')) return NOREPLY;
    // A 2.0.1 action it has no use for (or one a station should not send): recognised, not supported.
    if (hasSchema201(method, 'req')) throw createRPCError('NotSupported', `${method} is not supported by this CSMS`);
    throw createRPCError('NotImplemented', `unknown action ${method}`);
  });
}
