// How the harness answers a charging station when it plays the CSMS and the case says nothing else:
// as a CSMS of the Core profile that knows the configured idTokens. Cases override answers per case.
import type { HarnessConfig } from '../../../config/types.js';
import type { HandlerTable, Link } from '../../../roles/link.js';

/** What the harness CSMS remembers across connections. */
export interface CsmsMemory201 {
  /** transactionId → the idToken that started it, for TransactionEvent answers. */
  transactions: Map<string, string | undefined>;
}

/** AuthorizationStatusEnumType of a token, by the configured lists (Part 2 C01). */
export function idTokenStatus(cfg: HarnessConfig, idToken: unknown): 'Accepted' | 'Blocked' | 'Expired' | 'Invalid' | 'Unknown' {
  const token = (idToken as { idToken?: unknown } | undefined)?.idToken;
  if (token === cfg.idTags.accepted) return 'Accepted';
  if (token === cfg.idTags.blocked) return 'Blocked';
  if (token === cfg.idTags.expired) return 'Expired';
  if (token === cfg.idTags.invalid) return 'Invalid';
  return 'Unknown';
}

export function csmsDefaults201(cfg: HarnessConfig, memory: CsmsMemory201): HandlerTable {
  const now = () => new Date().toISOString();
  return {
    BootNotification: (_p, _c, link: Link) => {
      link.state.bootStatus = 'Accepted';
      return { status: 'Accepted', currentTime: now(), interval: cfg.intervals.heartbeatS };
    },
    Heartbeat: () => ({ currentTime: now() }),
    StatusNotification: () => ({}),
    Authorize: (p) => ({ idTokenInfo: { status: idTokenStatus(cfg, p.idToken) } }),
    // E01–E07: idTokenInfo answers a TransactionEvent that carries an idToken (E01.FR.?? C01): the status of that token.
    TransactionEvent: (p) => {
      const tx = p.transactionInfo as { transactionId?: string } | undefined;
      if (tx?.transactionId) {
        if (p.eventType === 'Ended') memory.transactions.delete(tx.transactionId);
        else memory.transactions.set(tx.transactionId, (p.idToken as { idToken?: string } | undefined)?.idToken);
      }
      return p.idToken === undefined ? {} : { idTokenInfo: { status: idTokenStatus(cfg, p.idToken) } };
    },
    MeterValues: () => ({}),
    NotifyReport: () => ({}),
    NotifyEvent: () => ({}),
    NotifyMonitoringReport: () => ({}),
    NotifyCustomerInformation: () => ({}),
    NotifyChargingLimit: () => ({}),
    ClearedChargingLimit: () => ({}),
    NotifyDisplayMessages: () => ({}),
    NotifyEVChargingNeeds: () => ({ status: 'Accepted' }),
    NotifyEVChargingSchedule: () => ({ status: 'Accepted' }),
    ReportChargingProfiles: () => ({}),
    ReservationStatusUpdate: () => ({}),
    SecurityEventNotification: () => ({}),
    FirmwareStatusNotification: () => ({}),
    PublishFirmwareStatusNotification: () => ({}),
    LogStatusNotification: () => ({}),
    // P01: no vendor extension is known to the harness.
    DataTransfer: () => ({ status: 'UnknownVendorId' }),
  };
}
