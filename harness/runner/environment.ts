// One side of a run: the harness role, the SUT control, and (with --builtin) the reference peer.
import type { Readable, Writable } from 'node:stream';
import type { HarnessConfig } from '../config/types.js';
import { startFileServers, type FileServers } from '../files/file-servers.js';
import { transferTraceEvent } from '../files/transfer-log.js';
import { ChargePointRole } from '../roles/charge-point-role.js';
import { basicAuthPassword, clientSecurity, securityProfile, serverSecurity } from '../security/security-settings.js';
import type { BuiltinPeer } from '../versions/version-module.js';
import { CsmsRole, type RoleDeps } from '../roles/csms-role.js';
import type { SutControl } from '../sut/control.js';
import { makeSutControl } from '../sut/make-control.js';
import type { Recorder } from '../trace/recorder.js';
import type { Sut, TraceEvent } from '../trace/types.js';
import type { ConditionsResult } from './conditions-result.js';

export interface SideEnvironment {
  sut: Sut;
  /** Harness = CSMS: the firmware/diagnostics file servers, started on first use. */
  files?: () => Promise<FileServers>;
  /** Where the SUT connects (harness = CSMS) or what the harness dials (harness = charge point). */
  endpoint: string;
  csmsRole?: CsmsRole;
  cpRole?: ChargePointRole;
  control: SutControl;
  /** The §1.3 general pre- and post-conditions of this side. */
  conditions?: GeneralConditions;
  /** The security profile the charger under test is connected at (harness = CSMS), 0 without security. */
  securityProfile?: number;
  teardown(): Promise<void>;
}

export interface GeneralConditions {
  currentCase?: string;
  pre?(recorder: Recorder, signal: AbortSignal): Promise<ConditionsResult>;
  post(recorder: Recorder, caseEvents: TraceEvent[], signal: AbortSignal): Promise<ConditionsResult>;
}

export interface SideOptions {
  deps: RoleDeps;
  cfg: HarnessConfig;
  builtin: boolean;
  /** Faults to give the built-in peer (the harness's own tests). */
  quirks?: string[];
  /** Harness = CSMS: where to listen. */
  listen?: { host: string; port: number };
  /** Only this identity is accepted (harness = CSMS). */
  identityFilter?: string;
  /** Harness = charge point: the CSMS under test. */
  url?: string;
  log?: (line: string) => void;
  /** Warnings a user must see (e.g. the charger's SupportedFeatureProfiles disagree with `features`). */
  warn?: (line: string) => void;
  /** Where a manual control prompts and reads the answer (default the terminal). */
  operator?: { input: Readable; output: Writable };
}

export async function chargePointSide(opts: SideOptions): Promise<SideEnvironment> {
  const { cfg } = opts;
  const listen = opts.builtin ? { host: '127.0.0.1', port: 0 } : (opts.listen ?? { host: '0.0.0.0', port: 9000 });
  const security = securityProfile(cfg) > 0 ? await serverSecurity(cfg) : undefined;
  // Only the charge point under test is let in (`--identity`, else the configured identity): another
  // charger connecting meanwhile is refused and named, never judged inside the running case.
  const warned = new Set<string>();
  const warn = opts.warn ?? ((line: string) => process.stderr.write(`${line}\n`));
  const onStranger = (identity: string) => {
    if (warned.has(identity)) return;
    warned.add(identity);
    warn(`refused a charge point "${identity}": this run tests "${opts.identityFilter ?? cfg.identity}" (use --identity ${identity}, or "identity" in the config, to test it)`);
  };
  const role = new CsmsRole(opts.deps, { ...listen, identity: opts.identityFilter ?? cfg.identity, onStranger, ...(security ? { security } : {}) });
  const { url } = await role.start();
  let peer: (BuiltinPeer & { stop(): Promise<void> }) | undefined;
  let control!: SutControl;
  // Watching from before the first connection: the charger may connect (and start a transaction) at once.
  const features = cfg.featuresBySut?.ChargePoint ?? cfg.features;
  const conditions = opts.deps.version.chargePointConditions?.(role, cfg, (...a) => control.perform(...a), features, opts.warn ?? ((line) => process.stderr.write(`${line}\n`)));
  if (opts.builtin) {
    // Made before the peer starts: it may connect at once and the conditions ask the control.
    let started: BuiltinPeer | undefined;
    control = makeSutControl({ type: 'builtin' }, {
      builtin: {
        perform: (a, params) => started ? started.perform(a, params) : Promise.resolve({ outcome: 'failed', detail: 'the built-in peer has not started yet' }),
        get actions() { return started?.actions; },
      },
    });
    peer = await opts.deps.version.reference.startChargePoint({
      url, cfg, password: basicAuthPassword(cfg), quirks: opts.quirks ?? [], log: opts.log, lateResponseMs: lateBy(cfg),
    });
    started = peer;
  } else {
    control = makeSutControl(cfg.sutControl, { defaultTimeoutMs: cfg.timeouts.operatorMs, ...opts.operator });
  }
  let files: Promise<FileServers> | undefined;
  const startFiles = () => (files ??= startFileServers({
    host: cfg.fileTransfer?.host ?? listen.host,
    advertisedHost: cfg.fileTransfer?.advertisedHost,
    httpPort: cfg.fileTransfer?.httpPort, ftpPort: cfg.fileTransfer?.ftpPort,
    clock: () => opts.deps.hub.recorder.now(),
    onTransfer: (r) => opts.deps.hub.record(transferTraceEvent(r)),
    onNote: (text) => opts.deps.hub.record({ kind: 'note', text }),
    ...(opts.deps.limits ? { limits: opts.deps.limits } : {}),
  }));
  return {
    sut: 'ChargePoint', endpoint: url, csmsRole: role, control, files: startFiles, conditions, securityProfile: securityProfile(cfg),
    async teardown() {
      await peer?.stop();
      if (files) await (await files).close().catch(() => undefined);
      await control.close();
      await role.close();
    },
  };
}

export async function csmsSide(opts: SideOptions): Promise<SideEnvironment> {
  const { cfg } = opts;
  let peer: (BuiltinPeer & { url: string; close(): Promise<void> }) | undefined;
  let url = opts.url;
  let control: SutControl;
  if (opts.builtin) {
    peer = await opts.deps.version.reference.startCsms({
      cfg, password: basicAuthPassword(cfg), quirks: opts.quirks ?? [], log: opts.log, lateResponseMs: lateBy(cfg),
    });
    url = peer.url;
    const p = peer;
    control = makeSutControl({ type: 'builtin' }, { builtin: { perform: (a, params) => p.perform(a, params), actions: p.actions } });
  } else {
    if (!url) throw new Error('the CSMS under test needs --url');
    control = makeSutControl(cfg.sutControl, { defaultTimeoutMs: cfg.timeouts.operatorMs, ...opts.operator });
  }
  const target = url;
  if (!target) throw new Error('the CSMS under test needs --url');
  const security = securityProfile(cfg) > 0 ? await clientSecurity(cfg) : undefined;
  if (opts.builtin && security?.tls?.cert && cfg.security?.pkiDir) {
    // A parallel lane dials under its own identity: its own client certificate from the run's CPO root.
    const { readManifest } = await import('../security/load-pki.js');
    if ((await readManifest(cfg.security.pkiDir)).identity !== cfg.identity) {
      const { clientCertificateFor } = await import('../security/client-certificate.js');
      const own = await clientCertificateFor(cfg.security.pkiDir, cfg.identity);
      security.tls = { ...security.tls, cert: own.cert, key: own.key };
    }
  }
  // Profile 3 authenticates with the client certificate, not a password (TC_086_CS note: only profile 2 sends one).
  const password = security ? security.basicAuthPassword : basicAuthPassword(cfg);
  const role = new ChargePointRole(opts.deps, { url: target, identity: cfg.identity, password, ...(security ? { security } : {}) });
  return {
    sut: 'Csms', endpoint: target, cpRole: role, control, conditions: opts.deps.version.csmsConditions?.(role, cfg), securityProfile: securityProfile(cfg),
    async teardown() {
      await role.close();
      await control.close();
      await peer?.close();
    },
  };
}

/** The late-response fault answers half a timeout late: late, but inside the harness's grace. */
function lateBy(cfg: HarnessConfig): number {
  return Math.round(cfg.timeouts.responseMs * 1.5);
}
