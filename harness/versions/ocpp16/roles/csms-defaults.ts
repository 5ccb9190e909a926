// How the harness answers a charge point when it plays the CSMS and the case says nothing else.
import type { HarnessConfig } from '../../../config/types.js';
import type { HandlerTable, Link } from '../../../roles/link.js';

export interface CsmsMemory {
  nextTransactionId: number;
}

export function idTagStatus(cfg: HarnessConfig, idTag: unknown): 'Accepted' | 'Blocked' | 'Expired' | 'Invalid' {
  if (idTag === cfg.idTags.accepted) return 'Accepted';
  if (idTag === cfg.idTags.blocked) return 'Blocked';
  if (idTag === cfg.idTags.expired) return 'Expired';
  return 'Invalid';
}

export interface OpenTransaction { transactionId: number; connectorId: number; idTag: string }

export function transactionsOf(link: Link): Map<number, OpenTransaction> {
  return (link.state.transactions ??= new Map<number, OpenTransaction>()) as Map<number, OpenTransaction>;
}

export function csmsDefaults16(cfg: HarnessConfig, memory: CsmsMemory): HandlerTable {
  const now = () => new Date().toISOString();
  return {
    BootNotification: (_p, _c, link) => {
      link.state.bootStatus = 'Accepted';
      return { status: 'Accepted', currentTime: now(), interval: cfg.intervals.heartbeatS };
    },
    Heartbeat: () => ({ currentTime: now() }),
    StatusNotification: () => ({}),
    Authorize: (p) => ({ idTagInfo: { status: idTagStatus(cfg, p.idTag) } }),
    StartTransaction: (p, _c, link) => {
      const transactionId = memory.nextTransactionId++;
      const status = idTagStatus(cfg, p.idTag);
      if (status === 'Accepted') {
        transactionsOf(link).set(transactionId, { transactionId, connectorId: p.connectorId as number, idTag: p.idTag as string });
      }
      return { transactionId, idTagInfo: { status } };
    },
    StopTransaction: (p, _c, link) => {
      transactionsOf(link).delete(p.transactionId as number);
      return p.idTag === undefined ? {} : { idTagInfo: { status: idTagStatus(cfg, p.idTag) } };
    },
    MeterValues: () => ({}),
    DataTransfer: () => ({ status: 'UnknownVendorId' }),
    DiagnosticsStatusNotification: () => ({}),
    FirmwareStatusNotification: () => ({}),
    // Security Whitepaper ed. 3: the harness as CA checks the CSR (A02.FR.03, A00.FR.511, A02.FR.13)
    // and answers Accepted or Rejected; the case that asked for it sends CertificateSigned.
    SignCertificate: async (p, _c, link) => {
      const { checkCsr } = await import('../../../security/csr.js');
      const check = await checkCsr(String(p.csr ?? ''), { commonName: link.identity, ...(cfg.security?.cpoName ? { organization: cfg.security.cpoName } : {}) });
      link.state.lastCsr = check;
      return { status: check.ok ? 'Accepted' : 'Rejected' };
    },
    SecurityEventNotification: () => ({}),
    LogStatusNotification: () => ({}),
    SignedFirmwareStatusNotification: () => ({}),
  };
}
