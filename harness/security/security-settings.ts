// From the run configuration to what each transport needs: the security profile, the Basic-auth
// password, and the TLS material of the harness's own side (read from files or a PKI directory).
import { join } from 'node:path';
import type { HarnessConfig } from '../config/types.js';
import { DEFAULT_TLS_MAX_VERSION, type TlsVersion } from './cipher-suites.js';
import { PkiError, readEntryPem, readManifest, readPemFile } from './load-pki.js';

export type SecurityProfile = 0 | 1 | 2 | 3;

/** The harness as CSMS: a wss:// server (profiles 2, 3), Basic auth (profiles 1, 2). */
export interface ServerSecurity {
  profile: SecurityProfile;
  basicAuthPassword?: string;
  tls?: {
    /**
     * One certificate, or one per key family: A00.FR.317 notes that the Central System provides an RSA
     * and an ECDSA certificate to support both kinds of suite; OpenSSL picks the one the suite needs.
     */
    key: string | string[];
    cert: string | string[];
    /** Profile 3: the CA that issued the chargers' client certificates. */
    ca?: string;
    requireClientCertificate: boolean;
    /** Profile 3: O the client certificate must carry (A00.FR.404), when configured. */
    cpoName?: string;
    maxVersion: TlsVersion;
  };
}

/** The harness as charge point: what it trusts, and the client certificate it presents (profile 3). */
export interface ClientSecurity {
  profile: SecurityProfile;
  basicAuthPassword?: string;
  tls?: { ca: string; cert?: string; key?: string; maxVersion: TlsVersion };
}

export function securityProfile(cfg: HarnessConfig): SecurityProfile {
  return (cfg.security?.profile ?? 0) as SecurityProfile;
}

/** The password: `security.basicAuthPassword`, else the older top-level `basicAuthPassword`. */
export function basicAuthPassword(cfg: HarnessConfig): string | undefined {
  return cfg.security?.basicAuthPassword ?? cfg.basicAuthPassword;
}

function needsPassword(cfg: HarnessConfig, profile: SecurityProfile): string | undefined {
  const password = basicAuthPassword(cfg);
  if ((profile === 1 || profile === 2) && password === undefined) {
    throw new PkiError(`security profile ${profile} needs security.basicAuthPassword (the charger's AuthorizationKey)`);
  }
  return profile === 1 || profile === 2 ? password : undefined;
}

/**
 * Profile 2 or 3 with neither a PKI directory nor certificate files: make a fresh PKI in
 * `<reportDir>/pki` and point the configuration at it. Returns the directory, or undefined if none was made.
 */
export async function ensureRunPki(cfg: HarnessConfig, reportDir: string, hosts: string[]): Promise<string | undefined> {
  const s = cfg.security;
  if (!s || (s.profile ?? 0) < 2 || s.pkiDir || (s.cert && s.key)) return undefined;
  const dir = join(reportDir, 'pki');
  // Loaded on demand: the x509 library is only needed when a PKI is made.
  const { DEFAULT_PKI_OPTIONS, generatePki } = await import('./generate-pki.js');
  await generatePki(dir, {
    ...DEFAULT_PKI_OPTIONS, identity: cfg.identity, hosts: serverHosts(hosts),
    ...(s.cpoName ? { cpoName: s.cpoName } : {}), ...(s.keyType ? { keyKind: s.keyType } : {}),
  });
  s.pkiDir = dir;
  return dir;
}

/** Hosts for the server certificate: a wildcard listen address means the loopback names. */
export function serverHosts(hosts: string[]): string[] {
  const out: string[] = [];
  for (const h of hosts) {
    if (!h) continue;
    if (h === '0.0.0.0' || h === '::') out.push('127.0.0.1', 'localhost');
    else out.push(h);
  }
  const unique = [...new Set(out)];
  return unique.length ? unique : ['127.0.0.1', 'localhost'];
}

async function ownPem(cfg: HarnessConfig, part: 'cert' | 'key', entry: 'serverCert' | 'clientCert'): Promise<string> {
  const s = cfg.security!;
  const file = s[part];
  if (file) return readPemFile(file);
  if (!s.pkiDir) throw new PkiError(`security profile ${s.profile}: give security.pkiDir (ocpp-harness pki init DIR) or security.cert and security.key`);
  const manifest = await readManifest(s.pkiDir);
  return readEntryPem(s.pkiDir, manifest, manifest.use[entry], part);
}

/** From a PKI directory (no cert/key files given): the RSA and the ECDSA server certificate, the default first. */
async function bothServerCertificates(cfg: HarnessConfig): Promise<{ key: string[]; cert: string[] } | undefined> {
  const s = cfg.security!;
  if (s.cert || !s.pkiDir) return undefined;
  const manifest = await readManifest(s.pkiDir);
  const names = [manifest.use.serverCert, manifest.use.serverCert === 'csms-server-rsa' ? 'csms-server-ec' as const : 'csms-server-rsa' as const];
  return {
    key: await Promise.all(names.map((n) => readEntryPem(s.pkiDir!, manifest, n, 'key'))),
    cert: await Promise.all(names.map((n) => readEntryPem(s.pkiDir!, manifest, n, 'cert'))),
  };
}

async function trustedCa(cfg: HarnessConfig): Promise<string> {
  const s = cfg.security!;
  if (s.ca) return readPemFile(s.ca);
  if (!s.pkiDir) throw new PkiError(`security profile ${s.profile}: give security.ca (the CA the harness trusts) or security.pkiDir`);
  const manifest = await readManifest(s.pkiDir);
  return readEntryPem(s.pkiDir, manifest, manifest.use.ca, 'cert');
}

export async function serverSecurity(cfg: HarnessConfig): Promise<ServerSecurity> {
  const profile = securityProfile(cfg);
  const password = needsPassword(cfg, profile);
  const out: ServerSecurity = { profile, ...(password !== undefined ? { basicAuthPassword: password } : {}) };
  if (profile >= 2) {
    const both = await bothServerCertificates(cfg);
    out.tls = {
      key: both?.key ?? await ownPem(cfg, 'key', 'serverCert'), cert: both?.cert ?? await ownPem(cfg, 'cert', 'serverCert'),
      requireClientCertificate: profile === 3, maxVersion: cfg.security?.tlsMaxVersion ?? DEFAULT_TLS_MAX_VERSION,
      ...(profile === 3 ? { ca: await trustedCa(cfg) } : {}),
      ...(profile === 3 && cfg.security?.cpoName ? { cpoName: cfg.security.cpoName } : {}),
    };
  }
  return out;
}

export async function clientSecurity(cfg: HarnessConfig): Promise<ClientSecurity> {
  const profile = securityProfile(cfg);
  const password = needsPassword(cfg, profile);
  const out: ClientSecurity = { profile, ...(password !== undefined ? { basicAuthPassword: password } : {}) };
  if (profile >= 2) {
    out.tls = {
      ca: await trustedCa(cfg), maxVersion: cfg.security?.tlsMaxVersion ?? DEFAULT_TLS_MAX_VERSION,
      ...(profile === 3 ? { cert: await ownPem(cfg, 'cert', 'clientCert'), key: await ownPem(cfg, 'key', 'clientCert') } : {}),
    };
  }
  return out;
}


/**
 * Before a run: the security settings hang together and their files can be read, so a bad
 * configuration stops with a clear message (exit 2) instead of every case INCONCLUSIVE.
 */
export async function preflightSecurity(cfg: HarnessConfig): Promise<void> {
  const profile = securityProfile(cfg);
  if (profile === 0) return;
  needsPassword(cfg, profile);
  const s = cfg.security!;
  for (const file of [s.ca, s.cert, s.key]) if (file) await readPemFile(file);
  if (s.pkiDir) await readManifest(s.pkiDir);
}
