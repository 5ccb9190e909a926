// What the Security cases with the CSMS under test share: the certificates the OCTT's test data gives (from
// the run's PKI), the CSR round trip, the charge point's security notifications. The profile each case needs
// is its meta's securityProfiles, decided by the runner. Not a case (discovery only loads TC_… / X… files).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HarnessConfig } from '../../../harness/config/types.js';
import type { CaseLink } from '../../../harness/dsl/case-link.js';
import type { CsmsSutContext } from '../../../harness/dsl/context.js';
import { Inconclusive } from '../../../harness/dsl/errors.js';
import { makeCsr, type NewCsr } from '../../../harness/security/csr-request.js';
import { loadFirmwareSigning, makeFirmwareSigning, type FirmwareSigning } from '../../../harness/security/firmware-signature.js';
import { readManifest } from '../../../harness/security/load-pki.js';
import { certFile, keyFile, type PkiEntryName } from '../../../harness/security/pki-layout.js';



/** A certificate of the run's PKI (`security.pkiDir`), PEM; undefined without one. */
export async function pkiCertificate(cfg: HarnessConfig, name: PkiEntryName): Promise<string | undefined> {
  const dir = cfg.security?.pkiDir;
  return dir ? readFile(join(dir, certFile(name)), 'utf8') : undefined;
}

/** A certificate of the run's PKI with its key (the negative client certificates); undefined without a PKI. */
export async function pkiCertificateWithKey(cfg: HarnessConfig, name: PkiEntryName): Promise<{ cert: string; key: string } | undefined> {
  const dir = cfg.security?.pkiDir;
  return dir ? { cert: await readFile(join(dir, certFile(name)), 'utf8'), key: await readFile(join(dir, keyFile(name)), 'utf8') } : undefined;
}

/** The CpoName a CSR carries in O (whitepaper §7.4): security.cpoName, else the PKI's, else the default. */
export async function cpoName(cfg: HarnessConfig): Promise<string> {
  if (cfg.security?.cpoName) return cfg.security.cpoName;
  if (cfg.security?.pkiDir) return (await readManifest(cfg.security.pkiDir)).cpoName;
  return 'OCPP Harness CPO';
}

/** The firmware signing certificate of the test data: the PKI's, else one made for this case. */
export function firmwareSigning(cfg: HarnessConfig): Promise<FirmwareSigning> {
  return cfg.security?.pkiDir ? loadFirmwareSigning(cfg.security.pkiDir) : makeFirmwareSigning();
}

export const SECURITY_EVENT_ANSWERED = 'Security Whitepaper ed. 3 §4 (A04.FR.02), §5.16: the Central System answers SecurityEventNotification.req with SecurityEventNotification.conf';

export function securityEvent(link: CaseLink, type: string, techInfo?: string) {
  return link.call('SecurityEventNotification', { type, timestamp: new Date().toISOString(), ...(techInfo ? { techInfo } : {}) }, { requirement: SECURITY_EVENT_ANSWERED });
}

/**
 * Steps 1–4 of Tables 180 and 184: the CSMS sends ExtendedTriggerMessage SignChargePointCertificate
 * (connectorId omitted), the charge point accepts, makes a key pair and a CSR, and the CSMS accepts
 * its SignCertificate.req. Returns the CSR (with its key), left pending in the charge point's memory.
 */
export async function triggeredCsr(t: Pick<CsmsSutContext, 'cp' | 'cfg' | 'sut' | 'step'>, link: CaseLink, table: number): Promise<NewCsr> {
  await t.step(1, 'The CSMS sends ExtendedTriggerMessage SignChargePointCertificate without connectorId; the charge point accepts (steps 1–2)', async () => {
    await t.sut.do('ExtendedTriggerMessage', { requestedMessage: 'SignChargePointCertificate' });
    const call = await link.expectCall('ExtendedTriggerMessage', {
      match: { requestedMessage: 'SignChargePointCertificate', connectorId: { present: false } },
      requirement: `OCTT Table ${table} step 1: requestedMessage is SignChargePointCertificate, connectorId omitted (whitepaper §5.5, A02.FR.01)`,
    });
    await call.replied;
  });
  return t.step(3, 'The charge point makes a new key pair and a CSR and sends SignCertificate; the CSMS answers Accepted (steps 3–4)', async () => {
    const csr = await makeCsr({ commonName: t.cfg.identity, organization: await cpoName(t.cfg) });
    t.cp.security.memory.pendingCsr = csr;
    await link.call('SignCertificate', { csr: csr.csr }, {
      expect: { status: 'Accepted' },
      requirement: `OCTT Table ${table} step 4: SignCertificate.conf status is Accepted (whitepaper A02.FR.03–05)`,
    });
    return csr;
  });
}

/** The root certificate the OCTT's test data gives for InstallCertificate (Tables 181, 182, 185). */
export async function configuredRoot(t: Pick<CsmsSutContext, 'cfg'>, use: 'CentralSystemRootCertificate' | 'ManufacturerRootCertificate'): Promise<string> {
  const fromPki = await pkiCertificate(t.cfg, use === 'CentralSystemRootCertificate' ? 'csms-root-ca' : 'manufacturer-root-ca');
  if (fromPki) return fromPki;
  if (use === 'ManufacturerRootCertificate') return (await firmwareSigning(t.cfg)).manufacturerRoot;
  if (t.cfg.security?.ca) return readFile(t.cfg.security.ca, 'utf8');
  throw new Inconclusive('no CentralSystemRootCertificate to install: give security.pkiDir or security.ca');
}

/**
 * Tables 181 and 182: the CSMS installs a root certificate (steps 1–2), then asks which of that type
 * are installed (steps 3–4). The charge point's answers come from its own store (Accepted, the hash data).
 */
export async function installAndList(t: Pick<CsmsSutContext, 'cp' | 'cfg' | 'sut' | 'step'>, table: number, use: 'CentralSystemRootCertificate' | 'ManufacturerRootCertificate'): Promise<void> {
  const link = await t.cp.booted();
  const certificate = await configuredRoot(t, use);
  await t.step(1, `The CSMS sends InstallCertificate with the configured ${use}; the charge point accepts it (steps 1–2)`, async () => {
    await t.sut.do('InstallCertificate', { certificateType: use, certificate });
    const call = await link.expectCall('InstallCertificate', {
      match: { certificateType: use, certificate },
      requirement: `OCTT Table ${table} step 1: certificateType is ${use}, certificate is the configured root certificate (whitepaper §3.3, §5.8)`,
    });
    await call.replied;
  });
  await t.step(3, `The CSMS sends GetInstalledCertificateIds for ${use}; the charge point lists the installed certificate (steps 3–4)`, async () => {
    await t.sut.do('GetInstalledCertificateIds', { certificateType: use });
    const call = await link.expectCall('GetInstalledCertificateIds', {
      match: { certificateType: use },
      requirement: `OCTT Table ${table} step 3: GetInstalledCertificateIds.req certificateType is ${use} (whitepaper §5.7)`,
    });
    await call.replied;
  });
}
