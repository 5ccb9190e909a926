// `ocpp-harness pki init DIR` and `pki show DIR`: make a test PKI, and say which file goes where.
import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DEFAULT_PKI_OPTIONS, generatePki } from '../security/generate-pki.js';
import { PkiError, readManifest } from '../security/load-pki.js';
import { MANIFEST_FILE, type PkiManifest } from '../security/pki-layout.js';
import { UsageError } from './parse.js';

export interface PkiInitFlags {
  identity?: string;
  host?: string[];
  key?: string;
  cpoName?: string;
  force?: boolean;
}

export async function pkiInitCommand(dir: string, flags: PkiInitFlags, out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const keyKind = flags.key ?? DEFAULT_PKI_OPTIONS.keyKind;
  if (keyKind !== 'rsa' && keyKind !== 'ec') throw new UsageError(`--key: rsa or ec, got "${flags.key}"`);
  const hosts = (flags.host ?? []).flatMap((h) => h.split(',')).map((h) => h.trim()).filter(Boolean);
  const identity = flags.identity ?? 'CP001';
  if (!identity || /[/\s]/.test(identity)) throw new UsageError(`--identity: a charge point identity without spaces or slashes, got "${identity}"`);
  const exists = await access(join(dir, MANIFEST_FILE)).then(() => true, () => false);
  if (exists && !flags.force) throw new UsageError(`${dir} already holds a PKI (${MANIFEST_FILE}); use --force to replace it`);
  const { manifest } = await generatePki(dir, {
    ...DEFAULT_PKI_OPTIONS, identity, keyKind,
    hosts: hosts.length ? hosts : DEFAULT_PKI_OPTIONS.hosts,
    ...(flags.cpoName ? { cpoName: flags.cpoName } : {}),
  });
  out.write(`test PKI for ${identity} (${manifest.keyKind === 'rsa' ? 'RSA 2048' : 'ECDSA P-256'}; both families made) in ${dir}\n\n`);
  out.write(showText(dir, manifest));
  return 0;
}

export async function pkiShowCommand(dir: string, out: NodeJS.WritableStream = process.stdout): Promise<number> {
  let manifest: PkiManifest;
  try {
    manifest = await readManifest(dir);
  } catch (err) {
    if (err instanceof PkiError) throw new UsageError(err.message);
    throw err;
  }
  out.write(showText(dir, manifest));
  return 0;
}

/** What a charger and a CSMS must trust and install, then every certificate of the directory. */
export function showText(dir: string, m: PkiManifest): string {
  const path = (file: string) => resolve(dir, file);
  const e = m.entries;
  const lines = [
    `Charge point under test (the harness plays the CSMS, wss://${m.hosts[0]}:PORT/ocpp/${m.identity}):`,
    `  trust (CentralSystemRootCertificate):   ${path(e[m.use.ca].cert)}`,
    `  install, profile 3 (client cert + key): ${path(e[m.use.clientCert].cert)}`,
    `                                          ${path(e[m.use.clientCert].key!)}`,
    `  the CSMS presents:                      ${path(e['csms-server-ec'].cert)} to ECDSA suites,`,
    `                                          ${path(e['csms-server-rsa'].cert)} to RSA suites  (CN ${m.hosts[0]}, SAN ${m.hosts.join(', ')})`,
    `  CpoName (O of its certificate):         ${m.cpoName}`,
    `  firmware: trust (ManufacturerRootCertificate) ${path(e['manufacturer-root-ca'].cert)}`,
    ...(e['csms-root-ca-2'] ? [`  OCPP 2.0.1 TC_B_47/50_CS install CSMS root 2 themselves (InstallCertificate): ${path(e['csms-root-ca-2'].cert)}`] : []),
    '',
    `CSMS under test (the harness plays charge point ${m.identity}):`,
    `  trust, profile 3 (the charge points' CA): ${path(e[m.use.ca].cert)}`,
    `  the harness presents (client cert):       ${path(e[m.use.clientCert].cert)}  (CN ${m.identity}, O ${m.cpoName})`,
    '  the harness trusts your server certificate through security.ca (a CA file) — give it your CSMS\'s CA',
    '',
    'Certificates:',
  ];
  for (const [name, entry] of Object.entries(e)) {
    lines.push(`  ${name.padEnd(26)} ${entry.keyType.padEnd(8)} ${entry.notBefore.slice(0, 10)} … ${entry.notAfter.slice(0, 10)}  ${entry.subject}  (issuer ${entry.issuer})`);
  }
  lines.push('', `Manifest: ${path(MANIFEST_FILE)}  (private keys: *.key.pem, never share them)`, '');
  return lines.join('\n');
}
