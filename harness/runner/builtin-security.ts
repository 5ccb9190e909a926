// --builtin runs of the Security cases: the reference charge point at the security profile a case
// group needs, with the run's PKI (the Central System root it trusts, the manufacturer root, its client
// certificate at profile 3) and an AuthorizationKey the harness's CSMS expects.
import type { HarnessConfig } from '../config/types.js';
import type { CpSecurityOptions } from '../versions/ocpp16/reference/charge-point.js';
import { readEntryPem, readManifest } from '../security/load-pki.js';

/** The reference charge point's AuthorizationKey when the configuration names none (32 hex digits, A00.FR.205). */
export const BUILTIN_AUTHORIZATION_KEY = '5265666572656E63654350417574684B6579';

/** A copy of `cfg` for an environment at `profile` (a password for profiles 1–2, the PKI for 2–3). */
export function configAtProfile(cfg: HarnessConfig, profile: number, pkiDir: string | undefined): HarnessConfig {
  if (profile === (cfg.security?.profile ?? 0)) return cfg;
  return {
    ...cfg,
    security: {
      ...cfg.security,
      profile: profile as 0 | 1 | 2 | 3,
      basicAuthPassword: cfg.security?.basicAuthPassword ?? cfg.basicAuthPassword ?? BUILTIN_AUTHORIZATION_KEY,
      ...(pkiDir && !cfg.security?.pkiDir ? { pkiDir } : {}),
    },
  };
}

/** What the reference charge point needs for the run's profile; undefined at profile 0 (the plain 1.6 peer). */
export async function builtinChargePointSecurity(cfg: HarnessConfig): Promise<CpSecurityOptions | undefined> {
  const s = cfg.security;
  const profile = (s?.profile ?? 0) as 0 | 1 | 2 | 3;
  if (!s || profile === 0) return undefined;
  const out: CpSecurityOptions = { profile, authorizationKey: s.basicAuthPassword ?? cfg.basicAuthPassword ?? BUILTIN_AUTHORIZATION_KEY };
  if (!s.pkiDir) return out;
  const manifest = await readManifest(s.pkiDir);
  out.cpoName = s.cpoName ?? manifest.cpoName;
  out.centralSystemRoots = [await readEntryPem(s.pkiDir, manifest, 'csms-root-ca', 'cert')];
  out.manufacturerRoots = [await readEntryPem(s.pkiDir, manifest, 'manufacturer-root-ca', 'cert')];
  if (profile === 3) {
    const name = manifest.use.clientCert;
    out.clientCertificate = { cert: await readEntryPem(s.pkiDir, manifest, name, 'cert'), key: await readEntryPem(s.pkiDir, manifest, name, 'key') };
  }
  return out;
}
