// The Security Whitepaper (ed. 3) on the reference charge point: security profiles 1–3 as a client
// (Basic auth with the AuthorizationKey, TLS trusting the installed Central System roots, the
// ChargePointCertificate at profile 3), the whitepaper's configuration keys (§7), AuthorizationKey and
// SecurityProfile changes (A01, A05: disconnect, reconnect with the new setting), the certificate
// store (M03–M05: Install/DeleteCertificate, GetInstalledCertificateIds), ExtendedTriggerMessage
// SignChargePointCertificate (A02: new key pair + CSR → SignCertificate; CertificateSigned verified
// against the Central System root, installed, reconnect) and security events (A04, the critical ones
// sent as SecurityEventNotification, all kept in the security log that GetLog uploads).

import { authorizationKeyProblems } from '../../../../security/basic-auth.js';
import { cipherList, TLS_MIN_VERSION } from '../../../../security/cipher-suites.js';
import { str } from '../../../../peers/peer-util.js';
import { CertificateStore, type ClientCertificate, type RootType } from './certificate-store.js';
import type { CpCore } from './core.js';
import { makeCsr, verifySignedCertificate } from './csr.js';
import type { CpSecurityOptions } from './types.js';

/** Security events the whitepaper marks critical (Appendix 1): pushed as SecurityEventNotification. */
const CRITICAL_EVENTS = new Set([
  'FirmwareUpdated', 'FailedToAuthenticateAtCentralSystem', 'CentralSystemFailedToAuthenticate', 'SettingSystemTime',
  'StartupOfTheDevice', 'ResetOrReboot', 'SecurityLogWasCleared', 'ReconfigurationOfSecurityParameters', 'MemoryExhaustion',
  'InvalidMessages', 'AttemptedReplayAttacks', 'TamperDetectionActivated', 'InvalidFirmwareSignature',
  'InvalidFirmwareSigningCertificate', 'InvalidCentralSystemCertificate', 'InvalidChargePointCertificate',
  'InvalidTLSVersion', 'InvalidTLSCipherSuite',
]);

/** Node's codes for a server certificate that failed verification (A00.FR.309). */
const SERVER_CERTIFICATE_ERRORS = /CERT_|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS_CERT_ALTNAME|DEPTH_ZERO|LEAF_SIGNATURE/;

export interface SecurityLogEntry { at: string; type: string; techInfo?: string }

export const CERTIFICATE_STORE_MAX_LENGTH = 10;

export class Security {
  readonly store: CertificateStore;
  readonly log: SecurityLogEntry[] = [];
  private profile: number;
  private authorizationKey?: string;
  /** The key pair waiting for CertificateSigned (A02.FR.02). */
  private pendingKey?: string;
  /** One InvalidCentralSystemCertificate per run of failed attempts, not one per retry. */
  private certificateFailureReported = false;

  constructor(private readonly core: CpCore, opts: CpSecurityOptions) {
    this.profile = opts.profile;
    this.authorizationKey = opts.authorizationKey;
    this.store = new CertificateStore(CERTIFICATE_STORE_MAX_LENGTH, {
      CentralSystemRootCertificate: opts.centralSystemRoots ?? [],
      ManufacturerRootCertificate: opts.manufacturerRoots ?? [],
    });
    if (opts.clientCertificate) this.store.clientCertificate = opts.clientCertificate;
    const { config } = core;
    config.define('SecurityProfile', { readonly: false, value: String(this.profile) });
    config.define('AuthorizationKey', { readonly: false, value: '', writeOnly: true });
    config.define('CpoName', { readonly: false, value: opts.cpoName ?? '' });
    config.define('CertificateStoreMaxLength', { readonly: true, value: String(CERTIFICATE_STORE_MAX_LENGTH) });
    config.define('AdditionalRootCertificateCheck', { readonly: true, value: 'false' });
    core.changeInterceptors.push((key, value) => this.change(key, value));
    core.hooks.connectionSettings = () => this.connectionSettings();
    core.hooks.connectFailed.push((err) => this.connectFailed(err));
    core.hooks.bootAccepted.push(() => {
      this.certificateFailureReported = false;
    });
    core.hooks.resumed.push(() => {
      this.certificateFailureReported = false;
    });
    this.handlers();
    this.event('StartupOfTheDevice');
  }

  get securityProfile(): number {
    return this.profile;
  }

  /** Record a security event; a critical one is also sent (queued until the Central System is reachable). */
  event(type: string, techInfo?: string): void {
    const at = new Date().toISOString();
    this.log.push({ at, type, ...(techInfo ? { techInfo } : {}) });
    this.core.log(`security event ${type}${techInfo ? ` (${techInfo})` : ''}`);
    if (!CRITICAL_EVENTS.has(type)) return;
    if (this.core.quirks.has('no-security-event-notification')) return;
    // Not a transaction message (§3.7): queued while offline (a failed TLS handshake), not retried
    // across a connection that closes under it, which would hold up the queue behind it.
    void this.core.enqueue('SecurityEventNotification', () => ({ type, timestamp: at, ...(techInfo ? { techInfo: techInfo.slice(0, 255) } : {}) }), { persistent: false });
  }

  // ---------------------------------------------------------------- connection

  private connectionSettings(): { password?: string; wsOpts?: Record<string, unknown> } {
    const q = this.core.quirks;
    let password = this.profile === 1 || this.profile === 2 ? this.authorizationKey : undefined;
    // Quirk basic-auth-hex-decoded: the key's bytes instead of its text (a common misreading of A00.FR.205).
    if (password !== undefined && q.has('basic-auth-hex-decoded')) password = Buffer.from(password, 'hex').toString('latin1');
    if (this.profile < 2) return { password };
    const client: ClientCertificate | undefined = this.profile === 3 ? this.store.clientCertificate : undefined;
    return {
      password,
      wsOpts: {
        ca: [...this.store.trusted('CentralSystemRootCertificate')],
        minVersion: TLS_MIN_VERSION, ciphers: cipherList('TLSv1.2'),
        // Quirk accepts-invalid-server-certificate: no verification at all (A00.FR.307 broken).
        rejectUnauthorized: !q.has('accepts-invalid-server-certificate'),
        ...(client ? { cert: client.cert, key: client.key } : {}),
      },
    };
  }

  private connectFailed(err: unknown): void {
    const e = err as { code?: string; message?: string };
    const text = `${e.code ?? ''} ${e.message ?? ''}`;
    if (this.profile < 2 || !SERVER_CERTIFICATE_ERRORS.test(text) || this.certificateFailureReported) return;
    this.certificateFailureReported = true;
    if (this.core.quirks.has('no-event-for-invalid-server-certificate')) return;
    // A00.FR.309: an invalid Central System certificate is a security event; A00.FR.310: no connection.
    this.event('InvalidCentralSystemCertificate', (e.code ?? e.message ?? 'certificate verification failed').slice(0, 200));
  }

  // ---------------------------------------------------------------- configuration keys

  private change(key: string, value: string): string | undefined {
    const { core } = this;
    if (key === 'AuthorizationKey') {
      if (authorizationKeyProblems(value).length) return 'Rejected';
      const keepsOld = core.quirks.has('keeps-old-authorization-key');
      if (!keepsOld) this.authorizationKey = value;
      // A01.FR.11/12: logged in the security log, without the key itself.
      this.event('ReconfigurationOfSecurityParameters', 'AuthorizationKey changed');
      if (this.profile === 1 || this.profile === 2) core.later('reconnect with the new AuthorizationKey', () => core.reconnect());
      return 'Accepted';
    }
    if (key === 'SecurityProfile') {
      const next = Number(value.trim());
      if (!/^\d$/.test(value.trim()) || next > 3) return 'Rejected';
      const downgradeAllowed = core.quirks.has('accepts-security-profile-downgrade');
      if (next <= this.profile && !(downgradeAllowed && next < this.profile)) return 'Rejected'; // A05.FR.01
      if ((next === 1 || next === 2) && (!this.authorizationKey || authorizationKeyProblems(this.authorizationKey).length)) return 'Rejected'; // A05.FR.02
      if (next >= 2 && this.store.trusted('CentralSystemRootCertificate').length === 0) return 'Rejected'; // A05.FR.03
      if (next === 3 && !this.store.clientCertificate) return 'Rejected'; // A05.FR.04
      this.profile = next;
      core.config.setInternal('SecurityProfile', String(next));
      this.event('ReconfigurationOfSecurityParameters', `SecurityProfile ${next}`);
      core.later('reconnect at the new security profile', () => core.reconnect()); // A05.FR.06/07
      return 'Accepted';
    }
    if (key === 'CpoName') {
      if (!value.trim() || value.length > 64) return 'Rejected';
      core.config.setInternal('CpoName', value);
      return 'Accepted';
    }
    return undefined;
  }

  // ---------------------------------------------------------------- messages

  private handlers(): void {
    const { core } = this;
    core.handle('InstallCertificate', (p) => {
      const type = str(p.certificateType) as RootType;
      const pem = str(p.certificate) ?? '';
      // Quirk accepts-invalid-root-certificate: says Accepted to anything, checking nothing (M05 broken).
      if (core.quirks.has('accepts-invalid-root-certificate')) return { status: 'Accepted' };
      const result = this.store.install(type, pem);
      if (result.status === 'Rejected' && type === 'CentralSystemRootCertificate') {
        core.later('security event', () => this.event('InvalidCentralSystemCertificate', `InstallCertificate: ${result.problem ?? ''}`.slice(0, 200)));
      }
      core.log(`InstallCertificate ${type}: ${result.status}${result.problem ? ` (${result.problem})` : ''}`);
      return { status: result.status };
    });
    core.handle('GetInstalledCertificateIds', (p) => {
      const hashes = this.store.hashes(str(p.certificateType) as RootType);
      if (core.quirks.has('installed-certificate-ids-wrong-serial')) for (const h of hashes) h.serialNumber = `${h.serialNumber}0`;
      return hashes.length ? { status: 'Accepted', certificateHashData: hashes } : { status: 'NotFound' };
    });
    core.handle('DeleteCertificate', (p) => {
      if (core.quirks.has('delete-certificate-keeps-it')) return { status: 'Accepted' };
      return { status: this.store.delete(p.certificateHashData as Record<string, string>) };
    });
    core.handle('ExtendedTriggerMessage', (p) => {
      const requested = str(p.requestedMessage);
      if (requested === 'SignChargePointCertificate') {
        core.later('certificate signing request', () => this.requestCertificate());
        return { status: 'Accepted' };
      }
      if (requested === 'Heartbeat') {
        core.later('triggered Heartbeat', () => core.enqueue('Heartbeat', () => ({})));
        return { status: 'Accepted' };
      }
      return { status: 'NotImplemented' };
    });
    core.handle('CertificateSigned', async (p) => {
      const chain = str(p.certificateChain) ?? '';
      const accepted = await this.certificateSigned(chain);
      return { status: accepted ? 'Accepted' : 'Rejected' };
    });
  }

  /** A02: a new key pair and a CSR with CN = identity and O = CpoName, sent in SignCertificate.req. */
  private async requestCertificate(): Promise<void> {
    const { core } = this;
    const organization = core.quirks.has('csr-without-organization') ? undefined : core.config.get('CpoName') || undefined;
    const { csr, keyPem } = await makeCsr(core.identity, organization);
    this.pendingKey = keyPem;
    const res = await core.enqueue('SignCertificate', () => ({ csr }));
    core.log(`SignCertificate: ${String(res?.status ?? 'no answer')}`);
  }

  /** A02.FR.06–08: verify the new certificate before it is used; reconnect with it at profile 3. */
  private async certificateSigned(chain: string): Promise<boolean> {
    const { core } = this;
    const key = this.pendingKey;
    const problem = core.quirks.has('accepts-any-signed-certificate')
      ? undefined
      : await verifySignedCertificate(chain, this.store.trusted('CentralSystemRootCertificate'), key, core.identity);
    if (problem || !key) {
      core.later('security event', () => this.event('InvalidChargePointCertificate', (problem ?? 'no certificate signing request pending').slice(0, 200)));
      return false;
    }
    this.pendingKey = undefined;
    if (!core.quirks.has('keeps-old-client-certificate')) this.store.clientCertificate = { cert: chain, key };
    core.log('ChargePointCertificate installed');
    if (this.profile === 3) core.later('reconnect with the new certificate', () => core.reconnect());
    return true;
  }
}
