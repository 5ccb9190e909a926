// What the Firmware Management cases with the charge point under test share: which of the harness's
// file servers to offer, unique paths on them, the status notifications in their order, what follows
// Installing (a reboot or not), and the connectors Available again afterwards. Not a case (discovery
// only loads files named TC_… / X…).
import { randomBytes } from 'node:crypto';
import type { HarnessConfig } from '../../../harness/config/types.js';
import type { CaseLink } from '../../../harness/dsl/case-link.js';
import type { ChargePointSutContext } from '../../../harness/dsl/context.js';
import { ExpectationUnmet } from '../../../harness/dsl/errors.js';
import type { FileServers } from '../../../harness/files/file-servers.js';
import type { InboundCall } from '../../../harness/rpc/session.js';

export type CpTransport = 'http' | 'ftp';

/**
 * The transport the harness offers the charge point: `preferred` when it declares it in
 * `firmwareTransports`, else the other one the harness can serve; NOT_APPLICABLE when it declares
 * neither HTTP nor FTP (the harness serves no HTTPS).
 */
export function cpTransport(t: Pick<ChargePointSutContext, 'cfg' | 'notApplicable'>, preferred: CpTransport): CpTransport {
  const declared = (t.cfg.declarationsBySut?.ChargePoint ?? t.cfg.declarations).firmwareTransports;
  if (declared.includes(preferred)) return preferred;
  const other: CpTransport = preferred === 'http' ? 'ftp' : 'http';
  if (declared.includes(other)) return other;
  return t.notApplicable(`firmwareTransports declares ${declared.join(', ') || 'nothing'}: the harness serves files over HTTP and FTP only`);
}

/** A path of its own for this run of the case (the file servers outlive cases): /<dir>/<caseId>-<random>/<name>. */
export function casePath(dir: string, caseId: string, name: string): string {
  return `/${dir}/${caseId}-${randomBytes(4).toString('hex')}/${name}`;
}

export function urlFor(files: FileServers, transport: CpTransport, path: string): string {
  return transport === 'http' ? files.httpUrl(path) : files.ftpUrl(path);
}

/** The longest a firmware or diagnostics step of a real charge point may take (download, installation, reboot). */
export function slowStepMs(cfg: HarnessConfig): number {
  return Math.max(cfg.timeouts.messageMs, cfg.timeouts.operatorMs);
}

/**
 * The next `action` notification (FirmwareStatusNotification / DiagnosticsStatusNotification) after
 * `after` must carry `status` (one of them when a list). A different status is a finding, and the case
 * stops there: the sequence it expected is no longer the one the charge point follows.
 */
export async function expectStatus(
  cp: CaseLink, action: string, status: string | string[],
  opts: { after: number; within?: number; window?: { anchor: number; maxMs: number }; requirement: string },
): Promise<InboundCall> {
  const wanted = Array.isArray(status) ? status : [status];
  const call = await cp.expectCall(action, {
    after: opts.after, within: opts.within, window: opts.window,
    match: { status: wanted.length === 1 ? wanted[0]! : { oneOf: wanted } },
    requirement: opts.requirement,
  });
  const got = call.frame.payload.status;
  if (!wanted.includes(String(got))) throw new ExpectationUnmet(`${action} ${String(got)} where ${wanted.join(' or ')} was expected: the sequence cannot be followed further`);
  return call;
}

/**
 * What comes first from `fromIndex` on (an index into `cp.link.calls`): the link closes (the charge
 * point reboots), or a CALL of `action` arrives on it; 'timeout' when neither within `timeoutMs`.
 * Observes only; the case then expects what it found.
 */
export function closedOrCall(cp: CaseLink, fromIndex: number, action: string, timeoutMs: number): Promise<'closed' | 'call' | 'timeout'> {
  const link = cp.link;
  if (link.calls.slice(fromIndex).some((c) => c.frame.action === action)) return Promise.resolve('call');
  if (!link.isOpen) return Promise.resolve('closed');
  return new Promise((resolve) => {
    const done = (how: 'closed' | 'call' | 'timeout') => {
      clearTimeout(timer);
      off();
      resolve(how);
    };
    const off = link.onCall((c) => {
      if (c.frame.action === action) done('call');
    });
    void link.closed.then(() => done('closed'));
    const timer = setTimeout(() => done('timeout'), timeoutMs);
  });
}

/** Where the CALLs the charge point sends from now on will start in `cp.link.calls` (for connectorsAvailableAgain). */
export function callsFromNow(cp: CaseLink): number {
  return cp.link.calls.length;
}

/**
 * Leave the charge point as found: every connector (and connector 0) whose last StatusNotification on
 * this link from `fromIndex` (callsFromNow, taken in this case) was not Available reports Available
 * again (§4.9; a failed update leaves the old firmware running, §5.19).
 */
export async function connectorsAvailableAgain(cp: CaseLink, cfg: HarnessConfig, fromIndex: number, requirement: string, octt: 'fails' | 'not-checked'): Promise<void> {
  const link = cp.link;
  const from = fromIndex;
  for (const connectorId of [0, ...cfg.connectorIds]) {
    const last = link.calls.slice(from).filter((c) => c.frame.action === 'StatusNotification' && c.frame.payload.connectorId === connectorId).pop();
    if (!last || last.frame.payload.status === 'Available') continue;
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: last.event.seq,
      match: { status: 'Available' }, octt,
      requirement,
    });
  }
}

/**
 * The FirmwareStatusNotifications of one update, in order, across a reboot: the charge point may
 * restart at any point after UpdateFirmware (to install, or after installing: §5.19 calls rebooting
 * before Installed good practice, errata 3.47). When its connection closes before the next status, the
 * boot on its new connection is expected (BootNotification first, accepted by the harness, then every
 * connector Available) and the remaining statuses are expected there.
 */
export class FirmwareFlow {
  /** Only notifications after this seq count. */
  private after: number;
  /** Where, in `link.calls`, the next notification may start. */
  private fromIndex: number;
  link: CaseLink;
  rebooted = false;
  /** callsFromNow of the link the update started on, for connectorsAvailableAgain. */
  readonly startIndex: number;

  constructor(private readonly t: Pick<ChargePointSutContext, 'csms' | 'cfg' | 'note'>, cp: CaseLink, readonly requestedSeq: number, startIndex: number) {
    this.link = cp;
    this.after = requestedSeq;
    this.fromIndex = startIndex;
    this.startIndex = startIndex;
  }

  /** The next FirmwareStatusNotification must carry `status` (see expectStatus); follows a reboot first. */
  async next(status: string | string[], opts: { within?: number; requirement: string }): Promise<InboundCall> {
    const within = opts.within ?? this.t.cfg.timeouts.messageMs;
    const wanted = Array.isArray(status) ? status.join(' or ') : status;
    let anchor = this.link.mark(`waiting for FirmwareStatusNotification ${wanted}`);
    if (!this.rebooted && await closedOrCall(this.link, this.fromIndex, 'FirmwareStatusNotification', within) === 'closed') {
      await this.followReboot();
      anchor = this.link.mark(`waiting for FirmwareStatusNotification ${wanted} after the reboot`);
    }
    const call = await expectStatus(this.link, 'FirmwareStatusNotification', status, {
      after: this.after, window: { anchor, maxMs: within }, requirement: opts.requirement,
    });
    this.after = call.event.seq;
    this.fromIndex = this.link.link.calls.indexOf(call) + 1;
    return call;
  }

  private async followReboot(): Promise<void> {
    const { csms, cfg, note } = this.t;
    note('the charge point closed its connection during the update: it reboots');
    // The live connection when the charge point is back already, else the next one it opens.
    const next = await csms.connection();
    const boot = await next.expectCall('BootNotification', {
      forbid: { actions: '*', why: 'after a reboot the charge point SHALL NOT send other requests before its BootNotification is accepted (§4.2)' },
      octt: 'not-checked', // the tables name the BootNotification but validate nothing in it
      requirement: 'OCPP 1.6 §4.2: after a restart (e.g. for a firmware update) the charge point SHALL send BootNotification',
    });
    const reported = boot.frame.payload.firmwareVersion;
    note(`BootNotification after the restart reports firmwareVersion ${reported === undefined ? '(none)' : JSON.stringify(reported)}`);
    const accepted = await boot.replied;
    for (const connectorId of [0, ...cfg.connectorIds]) {
      await next.expectCall('StatusNotification', {
        where: { connectorId }, after: accepted.seq,
        match: { status: 'Available' },
        requirement: 'OCPP 1.6 §4.9: after an accepted boot the charge point reports every connector, connector 0 included; nothing is in use: Available',
      });
    }
    this.link = next;
    this.rebooted = true;
    this.after = boot.event.seq;
    this.fromIndex = next.link.calls.indexOf(boot) + 1;
  }
}

export const FIRMWARE_NOTIFIES = 'OCPP 1.6 §4.5, §5.19 (errata 3.12, 3.47): during downloading and installation the charge point MUST send FirmwareStatusNotification.req to keep the Central System updated';
