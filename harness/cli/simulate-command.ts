// `ocpp-harness simulate charge-point|csms`: run a reference peer on its own (a simulator for
// developers), optionally with an HTTP control endpoint that the harness's sutControl "http" drives.
import { builtinChargePointSecurity } from '../runner/builtin-security.js';
import { startControlServer, type ControlServer } from '../peers/control-server.js';
import { ReferenceChargePoint } from '../versions/ocpp16/reference/charge-point.js';
import { ReferenceCsms } from '../versions/ocpp16/reference/csms.js';
import { CP_QUIRKS, CSMS_QUIRKS, isCpQuirk, isCsmsQuirk } from '../versions/ocpp16/reference/quirks.js';
import type { HarnessConfig } from '../config/types.js';
import { PkiError } from '../security/load-pki.js';
import { serverSecurity } from '../security/security-settings.js';
import { asPortInUse } from '../transport/port-in-use.js';
import { defaultConfig } from '../config/defaults.js';
import { versionModule } from '../versions/registry.js';
import type { BuiltinPeer } from '../versions/version-module.js';
import { parseHostPort, parseList, parseSecurityProfile, parseWsUrl, UsageError } from './parse.js';

export interface SimulateFlags {
  url?: string;
  identity?: string;
  listen?: string;
  control?: string;
  connectors?: string;
  password?: string;
  fault?: string[];
  heartbeat?: string;
  quiet?: boolean;
  securityProfile?: string;
  pki?: string;
  ocpp?: string;
}

export async function simulateCommand(role: string, flags: SimulateFlags): Promise<number> {
  try {
    return await simulate(role, flags);
  } catch (err) {
    // A PKI directory that cannot be read is the operator's to fix: one line, exit 2.
    throw err instanceof PkiError ? new UsageError(`--pki: ${err.message}`) : err;
  }
}

async function simulate(role: string, flags: SimulateFlags): Promise<number> {
  const log = flags.quiet ? undefined : (line: string) => process.stderr.write(`${line}\n`);
  const faults = flags.fault ?? [];
  if (flags.ocpp !== undefined && flags.ocpp !== '1.6') return simulateOtherVersion(role, flags, log);
  const profile = flags.securityProfile === undefined ? 0 : parseSecurityProfile(flags.securityProfile);
  // Both reference peers speak profiles 1–3; TLS needs the PKI (server certificates, or the root to trust and the client certificate).
  if (profile >= 2 && flags.pki === undefined) throw new UsageError(`--security-profile ${profile} needs --pki DIR (make one with: ocpp-harness pki init DIR)`);
  if ((profile === 1 || profile === 2) && flags.password === undefined) throw new UsageError(`--security-profile ${profile} needs --password (the AuthorizationKey)`);
  let peer: { perform: ReferenceChargePoint['perform']; knowsAction(a: string): boolean };
  let stop: () => Promise<void>;
  if (role === 'charge-point') {
    if (!flags.url) throw new UsageError('simulate charge-point needs --url ws(s)://host:port/path of the CSMS');
    const bad = faults.filter((f) => !isCpQuirk(f));
    if (bad.length) throw new UsageError(`unknown charge point fault(s) ${bad.join(', ')} (known: ${CP_QUIRKS.join(', ')})`);
    const connectorIds = flags.connectors ? parseList(flags.connectors).map(Number) : [1];
    if (connectorIds.some((n) => !Number.isInteger(n) || n < 1)) throw new UsageError('--connectors: a comma-separated list of connector ids >= 1');
    const identity = flags.identity ?? 'CP001';
    const security = profile > 0
      ? await builtinChargePointSecurity({ identity, security: { profile: profile as 1 | 2 | 3, basicAuthPassword: flags.password, ...(flags.pki ? { pkiDir: flags.pki } : {}) } } as HarnessConfig)
      : undefined;
    const cp = new ReferenceChargePoint({
      url: parseWsUrl(flags.url), identity, connectorIds,
      password: flags.password, quirks: faults.filter(isCpQuirk), log, ...(security ? { security } : {}),
    });
    await cp.start();
    peer = cp;
    stop = () => cp.stop();
    process.stderr.write(`reference charge point ${flags.identity ?? 'CP001'} → ${flags.url}\n`);
  } else if (role === 'csms') {
    const bad = faults.filter((f) => !isCsmsQuirk(f));
    if (bad.length) throw new UsageError(`unknown CSMS fault(s) ${bad.join(', ')} (known: ${CSMS_QUIRKS.join(', ')})`);
    const listen = parseHostPort(flags.listen ?? '0.0.0.0:9000', '--listen');
    const heartbeat = flags.heartbeat ? Number(flags.heartbeat) : 60;
    if (!Number.isInteger(heartbeat) || heartbeat < 1) throw new UsageError('--heartbeat: whole seconds >= 1');
    const security = profile > 0 ? await serverSecurity({
      identity: flags.identity ?? 'CP001', security: { profile, ...(flags.pki ? { pkiDir: flags.pki } : {}), ...(flags.password !== undefined ? { basicAuthPassword: flags.password } : {}) },
    } as HarnessConfig).catch((err: unknown) => {
      throw err instanceof PkiError ? new UsageError(`--pki: ${err.message}`) : err;
    }) : undefined;
    const csms = new ReferenceCsms({
      host: listen.host, port: listen.port, heartbeatIntervalS: heartbeat, password: flags.password, quirks: faults.filter(isCsmsQuirk), log,
      ...(security ? { security } : {}), ...(flags.pki ? { pkiDir: flags.pki } : {}),
    });
    const { url } = await csms.listen().catch((err: unknown) => {
      throw asPortInUse(err, '--listen', listen) ?? err;
    });
    peer = csms;
    stop = () => csms.close();
    process.stderr.write(`reference CSMS listening on ${url}/<identity>\n`);
  } else {
    throw new UsageError(`simulate what? use "charge-point" or "csms", got "${role}"`);
  }
  return serve(peer, stop, flags);
}

/**
 * A reference peer of another version than 1.6, started through its version module, at security profiles
 * 0–3 (TLS with the PKI: the station trusts its CSMS root and presents its client certificate; the CSMS
 * presents its server certificates and checks Basic auth or client certificates).
 */
async function simulateOtherVersion(role: string, flags: SimulateFlags, log: ((line: string) => void) | undefined): Promise<number> {
  let module;
  try {
    module = versionModule(flags.ocpp!);
  } catch (err) {
    throw new UsageError(`--ocpp: ${(err as Error).message}`);
  }
  const profile = flags.securityProfile === undefined ? 0 : parseSecurityProfile(flags.securityProfile);
  if (profile >= 2 && flags.pki === undefined) throw new UsageError(`--security-profile ${profile} needs --pki DIR (make one with: ocpp-harness pki init DIR)`);
  if ((profile === 1 || profile === 2) && flags.password === undefined) throw new UsageError(`--security-profile ${profile} needs --password (the BasicAuthPassword)`);
  const faults = flags.fault ?? [];
  const cfg = defaultConfig();
  cfg.identity = flags.identity ?? 'CP001';
  if (profile > 0) cfg.security = { profile, ...(flags.password !== undefined ? { basicAuthPassword: flags.password } : {}), ...(flags.pki ? { pkiDir: flags.pki } : {}) };
  let peer: { perform: BuiltinPeer['perform']; knowsAction(a: string): boolean };
  let stop: () => Promise<void>;
  if (role === 'charge-point') {
    if (!flags.url) throw new UsageError('simulate charge-point needs --url ws(s)://host:port/path of the CSMS');
    const bad = faults.filter((f) => !module.reference.chargePointQuirks.includes(f));
    if (bad.length) throw new UsageError(`unknown charging station fault(s) ${bad.join(', ')} (known: ${module.reference.chargePointQuirks.join(', ') || 'none'})`);
    const evseIds = flags.connectors ? parseList(flags.connectors).map(Number) : [1];
    if (evseIds.some((n) => !Number.isInteger(n) || n < 1)) throw new UsageError('--connectors: a comma-separated list of EVSE ids >= 1');
    cfg.connectorIds = evseIds;
    const started = await module.reference.startChargePoint({ url: parseWsUrl(flags.url), cfg, quirks: faults, log, lateResponseMs: 4500, password: flags.password });
    peer = { perform: started.perform, knowsAction: (a) => started.actions.includes(a) };
    stop = () => started.stop();
    process.stderr.write(`reference charging station (OCPP ${module.facts.id}) ${cfg.identity} → ${flags.url}\n`);
  } else if (role === 'csms') {
    const bad = faults.filter((f) => !module.reference.csmsQuirks.includes(f));
    if (bad.length) throw new UsageError(`unknown CSMS fault(s) ${bad.join(', ')} (known: ${module.reference.csmsQuirks.join(', ')})`);
    const listen = parseHostPort(flags.listen ?? '0.0.0.0:9000', '--listen');
    const heartbeat = flags.heartbeat ? Number(flags.heartbeat) : 60;
    if (!Number.isInteger(heartbeat) || heartbeat < 1) throw new UsageError('--heartbeat: whole seconds >= 1');
    cfg.intervals.heartbeatS = heartbeat;
    const started = await module.reference.startCsms({ cfg, quirks: faults, log, lateResponseMs: 4500, password: flags.password, listen }).catch((err: unknown) => {
      throw asPortInUse(err, '--listen', listen) ?? err;
    });
    peer = { perform: started.perform, knowsAction: (a) => started.actions.includes(a) };
    stop = () => started.close();
    process.stderr.write(`reference CSMS (OCPP ${module.facts.id}) listening on ${started.url}/<identity>\n`);
  } else {
    throw new UsageError(`simulate what? use "charge-point" or "csms", got "${role}"`);
  }
  return serve(peer, stop, flags);
}

/** Serve the HTTP control endpoint (if asked) until SIGINT/SIGTERM, then stop the peer. */
async function serve(peer: { perform: BuiltinPeer['perform']; knowsAction(a: string): boolean }, stop: () => Promise<void>, flags: SimulateFlags): Promise<number> {
  let control: ControlServer | undefined;
  if (flags.control) {
    const at = parseHostPort(flags.control, '--control');
    control = await startControlServer(peer, { host: at.host, port: at.port }).catch(async (err: unknown) => {
      await stop();
      throw asPortInUse(err, '--control', at) ?? err;
    });
    // A machine-readable line: the tests and scripts read the control URL from it.
    process.stdout.write(`control: ${control.url}\n`);
  }
  await new Promise<void>((resolve) => {
    const done = () => resolve();
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await control?.close();
  await stop();
  return 0;
}
