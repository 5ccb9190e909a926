// What a case body receives. Harness = CSMS when the charge point is under test, and the reverse.
import type { SecurityExpectation } from '../checks/security-expectation.js';
import type { TransferExpectation } from '../checks/expectation.js';
import { transferMeets } from '../checks/transfer-expectation.js';
import type { HarnessConfig } from '../config/types.js';
import type { FileServers } from '../files/file-servers.js';
import { download, TransferError, upload, type Downloaded, type UploadResult } from '../files/transfer-client.js';
import { transferTraceEvent, type TransferRecord } from '../files/transfer-log.js';
import type { ChargePointRole, DialOnceOptions } from '../roles/charge-point-role.js';
import type { ChargePointSecurityMemory } from '../versions/ocpp16/roles/charge-point-security.js';
import type { CsmsRole } from '../roles/csms-role.js';
import type { Link } from '../roles/link.js';
import { DialError } from '../transport/client.js';
import type { ProbeOutcome } from '../transport/handshake-probe.js';
import { CaseLink } from './case-link.js';
import type { VersionModule } from '../versions/version-module.js';
import type { CaseScope } from './case-scope.js';
import { ExpectationUnmet, Inconclusive, NotApplicable } from './errors.js';

export interface CaseContextBase {
  cfg: HarnessConfig;
  /** A numbered OCTT step: recorded in the trace; expectations inside carry its number. */
  step<T>(n: number, title: string, fn: () => Promise<T> | T): Promise<T>;
  /** Ask the system under test to do what OCPP cannot make it do. */
  sut: { do(action: string, params?: Record<string, unknown>): Promise<void> };
  note(text: string): void;
  sleep(ms: number): Promise<void>;
  notApplicable(reason: string): never;
}

/** The charge point is under test; the harness is its CSMS. */
export interface ChargePointSutContext extends CaseContextBase {
  csms: {
    /** The live connection of the charge point under test, waiting for it if there is none. */
    connection(): Promise<CaseLink>;
    /**
     * The next connection the charge point opens from now on (after a reboot). With `requirement`, a
     * connection (and its BootNotification) that never comes is the charge point's failure to reboot
     * (sequence.missing), not an inconclusive case: e.g. a Reset it accepted and never carried out.
     */
    /**
     * The charge point's next connection, within `withinMs` (default timeouts.connectMs). A case that
     * configured a reconnect back-off adds it: the wait the station is told to keep is not its fault.
     */
    nextConnection(opts?: { requirement: string; withinMs?: number }): Promise<CaseLink>;
    /**
     * The URL charge points connect to (without the identity), e.g. to give a charging station a network
     * connection profile that points back at the harness under another path (OCPP 2.0.1 B09/B10).
     */
    readonly url: string;
    /** Reusable state "Booted": connected and BootNotification accepted (reboots it if needed). */
    booted(): Promise<CaseLink>;
    /**
     * Expect (judged from the trace, `timing.notBefore`) that the charge point's `nth` connection attempt
     * (accepted or refused) after event `anchor` kept its distance: at least `minMs` after the previous point,
     * and with `minFactor` at least that factor times the previous gap (the reconnect back-off). The attempts
     * have happened: recorded, not waited for.
     */
    expectReconnect(opts: { anchor: number; nth: number; minMs?: number; minFactor?: number; requirement: string; level?: 'MUST' | 'SHOULD'; octt?: 'fails' | 'not-checked' }): void;
    /** The CSMS becomes unreachable: the live connection is closed and reconnects are refused (HTTP 503). */
    goOffline(): Promise<void>;
    /** The CSMS is reachable again; the charge point's next connection is awaited with nextConnection(). */
    goOnline(): void;
    /**
     * Answer the charge point's next upgrade as a CSMS that supports none of the offered subprotocols:
     * complete the handshake without Sec-WebSocket-Protocol, then close at once (OCPP-J 1.6 §3.2).
     */
    disagreeOnNextSubprotocol(): void;
    /** HTTP and FTP servers for firmware and diagnostics (started on first use; transfers are traced). */
    files(): Promise<FileServers>;
    /**
     * Expect (`transfer.failed`, judged from the trace's file-transfer events) that the charge point made
     * the transfer on the harness's file servers after event `after`, e.g. the download its
     * FirmwareStatusNotification Downloaded claims: waits up to `withinMs` (default timeouts.responseMs)
     * for it in the servers' log, then records the expectation. The first record that meets it, or undefined.
     */
    expectTransfer(opts: ServedTransferOptions): Promise<TransferRecord | undefined>;
    /** The Security Whitepaper side of the harness's CSMS (the Security cases). */
    security: CsmsSecurityControls;
  };
}

export interface CsmsSecurityControls {
  /** The security profile the charger is connected at in this run (0 without security). */
  profile: number;
  /** Record a security expectation (judged from the trace, step = the current step). */
  expect(e: DistributiveOmit<SecurityExpectation, 'type' | 'step'>): void;
  /** Present another server certificate to new connections; no argument: the configured one. */
  setServerCertificate(certificate?: { key: string; cert: string }): void;
  /** Accept only this AuthorizationKey from now on; no argument: the configured one. */
  setBasicAuthPassword(password?: string): void;
  /** Ask for client certificates (issued by `clientCa`, PEM) from now on (a charger upgraded from profile 2 to 3). */
  upgradeToProfile3(clientCa: string): void;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface ServedTransferOptions {
  direction: 'download' | 'upload';
  /** The URL the harness gave the charge point (for the finding). */
  location: string;
  /** Path on the harness's servers; ending in '/', anything beneath that directory. */
  path: string;
  /** Only transfers after this trace seq count (e.g. the request that asked for it). */
  after: number;
  /** An upload must carry this file name. */
  filename?: string;
  /** A completed transfer must have moved at least this many bytes. */
  minBytes?: number;
  /** completed (default), or attempted: any transfer of the path, whatever its outcome. */
  outcome?: 'completed' | 'attempted';
  /** What the charge point claimed, for the finding. */
  claim?: string;
  withinMs?: number;
  requirement: string;
  level?: 'MUST' | 'SHOULD';
  octt?: 'fails' | 'not-checked';
}

/** The CSMS is under test; the harness is a charge point. */
export interface CsmsSutContext extends CaseContextBase {
  cp: {
    /** The live connection to the CSMS, dialling it if there is none. */
    connection(): Promise<CaseLink>;
    /** Close any live connection and dial anew. */
    reconnect(): Promise<CaseLink>;
    /** Reusable state "Booted": BootNotification accepted and every connector reported Available. */
    booted(): Promise<CaseLink>;
    /**
     * Open one extra connection that only watches the handshake, offering `subprotocols`: the HTTP answer,
     * and after a 101 whether the CSMS closes by itself within timeouts.responseMs (recorded in the trace).
     */
    probeHandshake(subprotocols: string[]): Promise<ProbeOutcome>;
    /** The Security profile side of the harness charge point (Security Whitepaper ed. 3). */
    security: CsmsSideSecurity;
  };
  /** Firmware download / diagnostics upload as a charge point does them; every transfer is traced. */
  transfers: {
    download(url: string): Promise<Downloaded>;
    upload(location: string, filename: string, content: Uint8Array): Promise<UploadResult>;
    /**
     * download(location), expecting (`transfer.failed`, judged from the trace) that it completed: the
     * location the CSMS gave serves the file. The file, or undefined when it did not arrive.
     */
    downloadFrom(location: string, opts: TransferCheckOptions): Promise<Downloaded | undefined>;
    /** upload(…), expecting (`transfer.failed`) that the location the CSMS gave took the file. */
    uploadTo(location: string, filename: string, content: Uint8Array, opts: TransferCheckOptions): Promise<UploadResult>;
  };
}

export interface CsmsSideSecurity {
  /** The security profile the run dials the CSMS at (security.profile; 0 = none). */
  readonly profile: number;
  /** Installed certificates, the pending CSR, a new AuthorizationKey (kept across connections). */
  readonly memory: ChargePointSecurityMemory;
  /** The Basic-auth password of later connections (after a new AuthorizationKey). */
  password(): string | undefined;
  setPassword(password: string | undefined): void;
  /** Present another client certificate on later connections; none = the configured one. */
  useClientCertificate(certificate?: { cert: string; key: string }): void;
  /** One TLS handshake per whitepaper cipher suite, judged as tls.csmsServer; false when the run has no TLS. */
  probeCipherSuites(): Promise<boolean>;
  /** The CSMS URL with ws:// for wss:// (a downgrade attempt). */
  readonly plainUrl: string;
  /** One extra dial with other credentials, judged by `verdict` (security.refusal); the live connection is left alone. */
  dialOnce(opts: Omit<DialOnceOptions, 'timeoutMs'>): Promise<{ accepted: boolean; detail: string }>;
}

export interface TransferCheckOptions {
  requirement: string;
  level?: 'MUST' | 'SHOULD';
  octt?: 'fails' | 'not-checked';
}

export function baseContext(scope: CaseScope): CaseContextBase {
  return {
    cfg: scope.cfg,
    async step(n, title, fn) {
      scope.currentStep = n;
      scope.currentStepTitle = title;
      scope.record({ kind: 'step', step: n, title, phase: 'start' });
      try {
        return await fn();
      } finally {
        scope.record({ kind: 'step', step: n, title, phase: 'end' });
      }
    },
    sut: {
      async do(action, params = {}) {
        scope.record({ kind: 'stimulus', action, params, outcome: 'pending' });
        const result = await scope.control.perform(action, params, {
          identity: scope.cfg.identity, ocpp: scope.registry.version, signal: scope.signal,
          ...(scope.caseId ? { caseId: scope.caseId } : {}),
          ...(scope.currentStep !== undefined ? { step: `step ${scope.currentStep}${scope.currentStepTitle ? `: ${scope.currentStepTitle}` : ''}` } : {}),
        });
        scope.record({
          kind: 'stimulus', action, params, outcome: result.outcome,
          ...(result.detail ? { detail: result.detail } : {}),
          ...(result.outcome === 'unsupported' && result.by ? { by: result.by } : {}),
        });
        if (scope.signal.aborted) throw scope.abortReason();
        if (result.outcome === 'unsupported') throw new NotApplicable(`SUT control cannot perform "${action}": ${result.detail}`);
        if (result.outcome !== 'done') throw new Inconclusive(`SUT control action "${action}" ${result.outcome}: ${result.detail}`);
      },
    },
    note: (text) => void scope.mark(text),
    sleep: (ms) => scope.sleep(ms),
    notApplicable(reason): never {
      throw new NotApplicable(reason);
    },
  };
}

/** Stimuli after which the charge point comes back on a new connection. */
const RECONNECTING_STIMULI = new Set(['reboot', 'powerFailure', 'networkDown', 'networkUp']);

export function chargePointSutContext(scope: CaseScope, role: CsmsRole, startSeq: number, version: VersionModule, files?: () => Promise<FileServers>, securityProfile = 0): ChargePointSutContext {
  const base = baseContext(scope);
  const { cfg } = scope;
  // One CaseLink per connection within a case, so what one step consumed no later step counts again.
  const links = new Map<Link, CaseLink>();
  const wrap = (link: Link) => {
    let caseLink = links.get(link);
    if (!caseLink) links.set(link, (caseLink = new CaseLink(link, scope, startSeq)));
    return caseLink;
  };
  const connectWait = () => `waiting up to ${Math.round(cfg.timeouts.connectMs / 1000)} s for ${cfg.identity} to connect to ${role.url ?? 'the harness'}/${cfg.identity}`;
  const next = async (opts?: { requirement: string; withinMs?: number }) => {
    const within = opts?.withinMs ?? cfg.timeouts.connectMs;
    const anchor = opts ? scope.mark('waiting for the charge point to reboot and reconnect', within) : scope.mark(connectWait(), within);
    const link = await role.nextConnection(cfg.identity, within, scope.signal);
    if (link) return wrap(link);
    if (!opts) throw new Inconclusive(`the charge point "${cfg.identity}" did not connect within ${within} ms`);
    scope.record({ kind: 'expect', expectation: {
      type: 'call', step: scope.currentStep, action: 'BootNotification', afterSeq: anchor,
      window: { anchorSeq: anchor, maxMs: within, toleranceMs: 0, graceMs: 0 }, requirement: opts.requirement,
    } });
    throw new ExpectationUnmet(`the charge point did not reconnect within ${within} ms`);
  };
  /** Boot accepted on `link` (by the default handler) and every connector reported: registered and settled. */
  const settle = async (link: CaseLink) => {
    await version.settleBoot(link, cfg);
    return link;
  };
  const csms: ChargePointSutContext['csms'] = {
    async connection() {
      const live = role.current(cfg.identity);
      return live ? wrap(live) : next();
    },
    nextConnection: (opts) => next(opts),
    get url() {
      return role.url ?? '';
    },
    async booted() {
      let live = role.current(cfg.identity);
      if (!live) {
        // A charge point that has not connected yet boots on its own when it does; one that dropped
        // the connection comes back, with or without a boot.
        scope.mark(connectWait(), cfg.timeouts.connectMs);
        live = await role.nextConnection(cfg.identity, cfg.timeouts.connectMs, scope.signal);
      }
      if (live?.state.bootStatus === 'Accepted') return wrap(live);
      if (live?.state.acceptedBefore) {
        // A reconnect is not a reboot (§4.2): accepted before, it may go on without a BootNotification.
        const first = await live.firstCall(Math.min(cfg.timeouts.messageMs, 3000), scope.signal);
        if (scope.signal.aborted) throw scope.abortReason();
        if (first?.frame.action !== 'BootNotification') return wrap(live);
        return settle(wrap(live));
      }
      if (live && !live.calls.some((c) => c.frame.action === 'BootNotification')) {
        return settle(wrap(live)); // connected, first boot still to come: wait for it rather than reboot
      }
      await base.sut.do('reboot');
      return settle(await next());
    },
    expectReconnect(opts) {
      scope.record({ kind: 'expect', expectation: {
        type: 'reconnect', step: scope.currentStep, anchorSeq: opts.anchor, nth: opts.nth, minMs: opts.minMs, minFactor: opts.minFactor,
        toleranceMs: cfg.toleranceMs, requirement: opts.requirement, level: opts.level, octt: opts.octt,
      } });
    },
    async goOffline() {
      scope.mark('the harness CSMS goes offline (drops the connection, refuses reconnects)');
      await role.goOffline();
    },
    goOnline() {
      scope.mark('the harness CSMS is back online');
      role.goOnline();
    },
    disagreeOnNextSubprotocol() {
      scope.mark('the harness CSMS answers the next upgrade without a subprotocol and closes it');
      role.disagreeOnNextSubprotocol();
    },
    files() {
      if (!files) throw new Inconclusive('this run has no file servers for firmware and diagnostics');
      return files();
    },
    async expectTransfer(opts) {
      const servers = await csms.files();
      const expectation: TransferExpectation = {
        type: 'transfer', step: scope.currentStep, harnessRole: 'server', direction: opts.direction, location: opts.location,
        path: opts.path, filename: opts.filename, minBytes: opts.minBytes, outcome: opts.outcome, claim: opts.claim,
        afterSeq: opts.after, untilSeq: opts.after, requirement: opts.requirement, level: opts.level, octt: opts.octt,
      };
      const found = await servers.log.waitFor((r) => transferMeets(expectation, r), opts.withinMs ?? cfg.timeouts.responseMs, scope.signal);
      if (scope.signal.aborted) throw scope.abortReason();
      const what = `${opts.outcome === 'attempted' ? 'an attempted ' : 'the '}${opts.direction} of ${opts.path}`;
      expectation.untilSeq = scope.mark(found
        ? `the harness's file servers saw ${what}`
        : `stopped waiting for ${what} on the harness's file servers`);
      scope.record({ kind: 'expect', expectation });
      return found;
    },
    security: {
      profile: securityProfile,
      expect(e) {
        scope.record({ kind: 'expect', expectation: { ...e, type: 'security', step: scope.currentStep } as SecurityExpectation });
      },
      setServerCertificate(certificate) {
        role.setServerCertificate(certificate);
      },
      setBasicAuthPassword(password) {
        role.setBasicAuthPassword(password);
      },
      upgradeToProfile3(clientCa) {
        role.upgradeToProfile3(clientCa);
      },
    },
  };
  const sut: ChargePointSutContext['sut'] = {
    ...base.sut,
    async do(action, params) {
      // The charger may be back before a slow control (an operator, a script) says "done": hold its
      // new connection for the case, so the case's handlers answer its BootNotification.
      if (RECONNECTING_STIMULI.has(action)) role.holdNextConnection(cfg.identity);
      return base.sut.do(action, params);
    },
  };
  return { ...base, csms, sut };
}

export function csmsSutContext(scope: CaseScope, role: ChargePointRole, startSeq: number, version: VersionModule): CsmsSutContext {
  const base = baseContext(scope);
  const { cfg } = scope;
  const dialNew = async () => {
    scope.mark(`dialling ${role.endpoint}, waiting up to ${Math.round(cfg.timeouts.connectMs / 1000)} s for the handshake`, cfg.timeouts.connectMs);
    try {
      return new CaseLink(await role.connect(cfg.timeouts.connectMs, scope.signal), scope, startSeq);
    } catch (err) {
      if (err instanceof DialError && err.kind === 'handshake') throw new ExpectationUnmet(err.message); // judged: handshake.subprotocol
      if (err instanceof DialError) throw new Inconclusive(err.message);
      throw err;
    }
  };
  const cp: CsmsSutContext['cp'] = {
    async connection() {
      const live = role.current();
      return live ? new CaseLink(live, scope, startSeq) : dialNew();
    },
    reconnect: dialNew,
    probeHandshake: (subprotocols) => role.probe(subprotocols, cfg.timeouts.connectMs, cfg.timeouts.responseMs),
    security: {
      profile: role.securityProfile,
      memory: role.security,
      password: () => role.currentPassword,
      setPassword: (password) => role.setPassword(password),
      useClientCertificate: (certificate) => role.useClientCertificate(certificate),
      probeCipherSuites: () => role.probeCipherSuites(cfg.timeouts.connectMs),
      plainUrl: role.plainUrl,
      async dialOnce(opts) {
        scope.mark(`one extra dial of ${role.endpoint} (${opts.verdict.expect === 'refused' ? 'the CSMS must refuse it' : 'the CSMS must accept it'}: ${opts.verdict.why})`, cfg.timeouts.connectMs);
        return role.dialOnce({ ...opts, timeoutMs: cfg.timeouts.connectMs });
      },
    },
    async booted() {
      const link = await cp.connection();
      if (link.link.state.bootStatus === 'Accepted') return link;
      await version.bootAsChargePoint(link, cfg);
      return link;
    },
  };
  const recording = { clock: () => scope.recorder.now(), onTransfer: (r: TransferRecord) => void scope.record(transferTraceEvent(r)) };
  const plain = {
    download: (url: string) => download(url, { timeoutMs: cfg.timeouts.operatorMs, signal: scope.signal, recording }),
    upload: (location: string, filename: string, content: Uint8Array) =>
      upload(location, filename, content, { timeoutMs: cfg.timeouts.operatorMs, signal: scope.signal, recording }),
  };
  /** Run a transfer, then record a `transfer` expectation over the file-transfer events it left. */
  const checked = async <T>(direction: 'download' | 'upload', location: string, opts: TransferCheckOptions, run: () => Promise<T>): Promise<T> => {
    if (/^ftps:/i.test(location)) throw new Inconclusive(`the harness cannot transfer over FTPS (${direction} ${location})`);
    const afterSeq = scope.mark(`${direction} ${direction === 'download' ? 'from' : 'to'} ${location}`);
    const result = await run();
    if (scope.signal.aborted) throw scope.abortReason(); // a cancelled transfer says nothing about the SUT
    scope.record({ kind: 'expect', expectation: {
      type: 'transfer', step: scope.currentStep, direction, location, afterSeq, untilSeq: scope.recorder.events.length - 1,
      requirement: opts.requirement, level: opts.level, octt: opts.octt,
    } });
    return result;
  };
  const transfers: CsmsSutContext['transfers'] = {
    ...plain,
    downloadFrom: (location, opts) => checked('download', location, opts, async () => {
      try {
        return await plain.download(location);
      } catch (err) {
        if (!(err instanceof TransferError)) throw err;
        scope.mark(`download from ${location} failed: ${err.message}`);
        return undefined;
      }
    }),
    uploadTo: (location, filename, content, opts) => checked('upload', location, opts, async () => {
      const result = await plain.upload(location, filename, content);
      if (!result.ok) scope.mark(`upload to ${location} failed: ${result.detail}`);
      return result;
    }),
  };
  return { ...base, cp, transfers };
}

