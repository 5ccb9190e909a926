// Security on the 2.0.1 reference charging station: security profiles 2 and 3 as a TLS client (the
// installed CSMS roots, verified with a partial chain as Part 2 §2.2.6 notes for a root signed by the
// one it replaced; the client certificate at profile 3), the certificate store's requests (M03–M05:
// InstallCertificate, GetInstalledCertificateIds, DeleteCertificate) and which root a connection
// attempt trusts during a migration to a new CSMS (M05.FR.13–FR.16).
import { cipherList, TLS_MIN_VERSION } from '../../../../security/cipher-suites.js';
import type { CertificateHashData } from '../../../../security/certificate-hash.js';
import { asRecord, str } from '../../../../peers/peer-util.js';
import { CERTIFICATE_ENTRIES_MAX, isRootType, StationCertificates } from './certificates.js';
import type { AttemptKind, ConnectionSecurity, NetworkProfile, StationCore, Trust } from './core.js';
import { nowIso, type Payload } from './types.js';

export interface StationSecurityOptions {
  /** The security profile of network slot 1 (the run's). */
  profile: 0 | 1 | 2 | 3;
  /** CSMS root certificates it trusts from the start (PEM). */
  csmsRoots?: string[];
  manufacturerRoots?: string[];
  /** Its ChargingStationCertificate and key (profile 3). */
  clientCertificate?: { cert: string; key: string };
  /** SecurityCtrlr.AdditionalRootCertificateCheck. Default true. */
  additionalRootCertificateCheck?: boolean;
}

/** Node's codes for a server certificate that failed verification. */
const SERVER_CERTIFICATE_ERRORS = /CERT_|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS_CERT_ALTNAME|DEPTH_ZERO|LEAF_SIGNATURE/;

export class StationSecurity implements ConnectionSecurity {
  readonly store: StationCertificates;
  /** One InvalidCsmsCertificate per run of failed attempts, not one per retry. */
  private failureReported = false;

  constructor(private readonly core: StationCore, private readonly opts: StationSecurityOptions) {
    this.store = new StationCertificates(
      {
        additionalRootCheck: opts.additionalRootCertificateCheck ?? true, maxEntries: CERTIFICATE_ENTRIES_MAX,
        acceptExpired: core.quirks.has('install-root-expired-accepted'), skipSignedByCheck: core.quirks.has('additional-root-check-skipped'),
      },
      { CSMSRootCertificate: opts.csmsRoots ?? [], ManufacturerRootCertificate: opts.manufacturerRoots ?? [] },
    );
    core.security = this;
    core.handle('InstallCertificate', (p) => this.install(p));
    core.handle('GetInstalledCertificateIds', (p) => this.installedIds(p));
    core.handle('DeleteCertificate', (p) => this.deleteCertificate(p));
    core.hooks.bootAccepted.push(() => {
      this.failureReported = false;
    });
  }

  // ---------------------------------------------------------------- connection attempts

  /**
   * Which CSMS root an attempt trusts: the current one; the old (fallback) one when the station goes back to
   * the previous profile of a failed migration (M05.FR.16) or retries a reconnection with it (M05.FR.14).
   */
  trustFor(kind: AttemptKind, retryWithFallback: boolean): Trust {
    return retryWithFallback || kind === 'previous' ? 'fallback' : 'current';
  }

  /**
   * Whether an attempt the current root could not verify is retried at once with the fallback root: when
   * reconnecting (M05.FR.14), never while migrating (M05.FR.15 — unless the quirk says otherwise).
   */
  retriesWithFallback(kind: AttemptKind): boolean {
    if (!this.hasFallbackRoot()) return false;
    return kind === 'normal' || (kind === 'migrating' && this.core.quirks.has('migration-trusts-old-root'));
  }

  canUseProfile(securityProfile: number): boolean {
    if (securityProfile < 2) return true;
    if (this.store.trusted('CSMSRootCertificate').length === 0) return false;
    return securityProfile < 3 || this.opts.clientCertificate !== undefined;
  }

  wsOptions(profile: NetworkProfile, trust: Trust): Record<string, unknown> {
    const current = this.store.trusted('CSMSRootCertificate');
    const fallback = this.store.fallbackCsmsRoot;
    const ca = trust === 'fallback' && fallback ? [fallback] : [...current];
    const client = profile.securityProfile === 3 ? this.opts.clientCertificate : undefined;
    return {
      ca, allowPartialTrustChain: true, rejectUnauthorized: true,
      minVersion: TLS_MIN_VERSION, ciphers: cipherList('TLSv1.2'),
      ...(this.core.quirks.has('tls-cbc-cipher-suites-only') ? { maxVersion: 'TLSv1.2', ciphers: 'ECDHE-RSA-AES128-SHA:AES128-SHA' } : {}),
      ...(client ? { cert: client.cert, key: client.key } : {}),
    };
  }

  hasFallbackRoot(): boolean {
    return this.store.fallbackCsmsRoot !== undefined;
  }

  /** Whether the attempt failed on the CSMS's certificate; the first such failure is a security event. */
  certificateFailed(err: unknown): boolean {
    const e = err as { code?: string; message?: string };
    if (!SERVER_CERTIFICATE_ERRORS.test(`${e.code ?? ''} ${e.message ?? ''}`)) return false;
    if (!this.failureReported) {
      this.failureReported = true;
      // Part 2 A00 / appendix security events: InvalidCsmsCertificate is critical, so it is sent.
      void this.core.enqueue('SecurityEventNotification', {
        type: 'InvalidCsmsCertificate', timestamp: nowIso(), techInfo: (e.code ?? e.message ?? 'certificate verification failed').slice(0, 255),
      }, { persistent: true });
    }
    return true;
  }

  connected(profile: NetworkProfile, trust: Trust): void {
    if (profile.securityProfile < 2 || trust !== 'current' || this.core.quirks.has('fallback-root-kept')) return;
    // M05.FR.13: connected with the new CSMS root, so the old one goes.
    if (this.store.dropFallback()) this.core.log('connected with the new CSMS root: the fallback root is removed');
  }

  // ---------------------------------------------------------------- requests

  private install(p: Payload): Payload {
    const type = str(p.certificateType);
    const pem = str(p.certificate) ?? '';
    if (!isRootType(type)) return { status: 'Rejected', statusInfo: { reasonCode: 'UnsupportedType' } };
    if (type === 'CSMSRootCertificate' && this.core.quirks.has('install-root-accepted-not-stored')) return { status: 'Accepted' };
    const outcome = this.store.install(type, pem);
    if (outcome.problem) this.core.log(`InstallCertificate ${type}: ${outcome.status} (${outcome.problem})`);
    return {
      status: outcome.status,
      ...(outcome.problem ? { statusInfo: { reasonCode: outcome.status === 'Failed' ? 'StoreFull' : 'InvalidCertificate', additionalInfo: outcome.problem.slice(0, 512) } } : {}),
    };
  }

  private installedIds(p: Payload): Payload {
    const types = Array.isArray(p.certificateType) ? p.certificateType.filter((t): t is string => typeof t === 'string') : [];
    const all = this.store.installed(types, 'SHA256', this.core.quirks.has('installed-ids-omit-fallback-root'));
    const chain = this.core.quirks.has('installed-ids-csms-root-only') ? all.filter((c) => c.certificateType !== 'ManufacturerRootCertificate') : all;
    if (chain.length === 0) return { status: this.core.quirks.has('installed-ids-none-accepted') ? 'Accepted' : 'NotFound' };
    return { status: 'Accepted', certificateHashDataChain: chain };
  }

  private deleteCertificate(p: Payload): Payload {
    const hash = asRecord(p.certificateHashData) as Partial<CertificateHashData>;
    if (this.core.quirks.has('delete-certificate-not-removed') && this.store.holds(hash)) return { status: 'Accepted' };
    const status = this.store.delete(hash);
    return { status: status === 'NotFound' && this.core.quirks.has('delete-unknown-certificate-accepted') ? 'Accepted' : status };
  }
}
