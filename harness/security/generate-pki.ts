// `pki init`: a complete test PKI in a directory, with a manifest. Every certificate's validity is set
// explicitly, so the negative ones are exactly what they claim (expired yesterday, valid from tomorrow).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { issueCertificate, type IssuedCertificate, type CertificatePurpose, type SubjectFields } from './certificate-factory.js';
import { keyLabel, privateKeyPem, type KeyKind } from './keys.js';
import { certFile, keyFile, MANIFEST_FILE, MANIFEST_FORMAT, PKI_ENTRIES, type ManifestEntry, type PkiEntryName, type PkiManifest } from './pki-layout.js';
import { x509 } from './x509.js';

export interface PkiOptions {
  identity: string;
  /** Hosts of the CSMS server certificate (SAN); the first is its CN. */
  hosts: string[];
  keyKind: KeyKind;
  cpoName: string;
  manufacturerName: string;
  /** "Now" for the validity windows (tests pin it). */
  now?: Date;
}

export const DEFAULT_PKI_OPTIONS: Omit<PkiOptions, 'identity'> = {
  hosts: ['127.0.0.1', 'localhost'], keyKind: 'ec', cpoName: 'OCPP Harness CPO', manufacturerName: 'OCPP Harness Manufacturer',
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Back-dated an hour: a charger whose clock is a little behind still accepts the certificates. */
const SKEW = HOUR;

export interface GeneratedPki {
  dir: string;
  manifest: PkiManifest;
}

export async function generatePki(dir: string, options: PkiOptions): Promise<GeneratedPki> {
  if (!options.hosts.length) throw new Error('the CSMS server certificate needs at least one host');
  const now = options.now ?? new Date();
  const at = (ms: number) => new Date(now.getTime() + ms);
  const valid = { notBefore: at(-SKEW), notAfter: at(365 * DAY) };
  const rootValidity = { notBefore: at(-SKEW), notAfter: at(10 * 365 * DAY) };
  const kind = options.keyKind;
  const cpo = (commonName: string): SubjectFields => ({ commonName, organization: options.cpoName });
  const [host] = options.hosts as [string];

  const issued = new Map<PkiEntryName, IssuedCertificate>();
  const make = async (name: PkiEntryName, purpose: CertificatePurpose, subject: SubjectFields, k: KeyKind,
    window: { notBefore: Date; notAfter: Date }, issuer?: PkiEntryName, hosts?: string[]) => {
    const cert = await issueCertificate({ purpose, subject, kind: k, ...window, issuer: issuer ? issued.get(issuer) : undefined, hosts });
    issued.set(name, cert);
  };

  await make('csms-root-ca', 'ca', cpo(`${options.cpoName} Root CA`), kind, rootValidity);
  // Root 2 is signed by root 1 (M05.FR.10); its server certificate verifies under root 2 alone only by a
  // partial chain, as the AdditionalRootCertificateCheck note of Part 2 §2.2.6 asks of a station.
  await make('csms-root-ca-2', 'ca', cpo(`${options.cpoName} Root CA 2`), kind, rootValidity, 'csms-root-ca');
  await make('csms-server-root-2', 'server', cpo(host), kind, valid, 'csms-root-ca-2', options.hosts);
  await make('csms-server-rsa', 'server', cpo(host), 'rsa', valid, 'csms-root-ca', options.hosts);
  await make('csms-server-ec', 'server', cpo(host), 'ec', valid, 'csms-root-ca', options.hosts);
  await make('charge-point-rsa', 'client', cpo(options.identity), 'rsa', valid, 'csms-root-ca');
  await make('charge-point-ec', 'client', cpo(options.identity), 'ec', valid, 'csms-root-ca');
  const maker = (commonName: string): SubjectFields => ({ commonName, organization: options.manufacturerName });
  await make('manufacturer-root-ca', 'ca', maker(`${options.manufacturerName} Root CA`), kind, rootValidity);
  await make('firmware-signing', 'code-signing', maker(`${options.manufacturerName} Firmware Signing`), kind, valid, 'manufacturer-root-ca');
  await make('untrusted-root-ca', 'ca', { commonName: 'Untrusted Root CA', organization: 'Nobody Trusts Us' }, kind, rootValidity);
  await make('bad-server-expired', 'server', cpo(host), kind, { notBefore: at(-31 * DAY), notAfter: at(-DAY) }, 'csms-root-ca', options.hosts);
  await make('bad-server-not-yet-valid', 'server', cpo(host), kind, { notBefore: at(DAY), notAfter: at(31 * DAY) }, 'csms-root-ca', options.hosts);
  await make('bad-server-wrong-host', 'server', cpo('wrong-host.invalid'), kind, valid, 'csms-root-ca', ['wrong-host.invalid']);
  await make('bad-server-untrusted-root', 'server', { commonName: host, organization: 'Nobody Trusts Us' }, kind, valid, 'untrusted-root-ca', options.hosts);
  await make('bad-client-unknown-ca', 'client', { commonName: options.identity, organization: 'Nobody Trusts Us' }, kind, valid, 'untrusted-root-ca');
  await make('bad-client-other-identity', 'client', cpo(`${options.identity}-OTHER`), kind, valid, 'csms-root-ca');

  await mkdir(dir, { recursive: true });
  const entries = {} as Record<PkiEntryName, ManifestEntry>;
  for (const name of Object.keys(PKI_ENTRIES) as PkiEntryName[]) {
    const cert = issued.get(name)!;
    await writeFile(join(dir, certFile(name)), cert.certificate.toString('pem') + '\n');
    await writeFile(join(dir, keyFile(name)), await privateKeyPem(cert.keys.privateKey) + '\n', { mode: 0o600 });
    entries[name] = await describe(name, cert);
  }
  const manifest: PkiManifest = {
    format: MANIFEST_FORMAT, createdAt: now.toISOString(), identity: options.identity, cpoName: options.cpoName,
    hosts: options.hosts, keyKind: kind,
    use: { ca: 'csms-root-ca', serverCert: kind === 'rsa' ? 'csms-server-rsa' : 'csms-server-ec', clientCert: kind === 'rsa' ? 'charge-point-rsa' : 'charge-point-ec' },
    entries,
  };
  await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return { dir, manifest };
}

async function describe(name: PkiEntryName, issued: IssuedCertificate): Promise<ManifestEntry> {
  const c = issued.certificate;
  const san = c.getExtension(x509.SubjectAlternativeNameExtension);
  const thumbprint = Buffer.from(await c.getThumbprint('SHA-256')).toString('hex').toUpperCase();
  return {
    description: PKI_ENTRIES[name], cert: certFile(name), key: keyFile(name),
    subject: c.subject, issuer: c.issuer, serialNumber: c.serialNumber,
    notBefore: c.notBefore.toISOString(), notAfter: c.notAfter.toISOString(),
    fingerprint256: thumbprint.match(/../g)!.join(':'),
    keyType: keyLabel(issued.kind),
    ...(san ? { hosts: san.names.items.map((n) => n.value) } : {}),
  };
}
