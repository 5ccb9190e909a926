// The harness plays a charge point: it dials the CSMS under test and keeps the connection across
// cases, as a real charge point would.
import type { ClientSecurity } from '../security/security-settings.js';
import { dial, DialError, endpointUrl } from '../transport/client.js';
import { probeHandshake, type ProbeOutcome } from '../transport/handshake-probe.js';
import { probeCipherSuites } from '../security/tls-probe.js';
import type { DialVerdict } from '../trace/types.js';
import { ChargePointSecurityMemory } from '../versions/ocpp16/roles/charge-point-security.js';
import type { RoleDeps } from './csms-role.js';
import { Link } from './link.js';

/** One dial with other credentials than the run's (a negative security case, or a renewed certificate). */
export interface DialOnceOptions {
  /** Another URL (e.g. ws:// instead of wss://: a downgrade attempt). */
  url?: string;
  /** Another Basic-auth password; null sends none. */
  password?: string | null;
  /** Another client certificate and key (profile 3). */
  clientCertificate?: { cert: string; key: string };
  /** What the CSMS must do with it (judged from the trace as security.refusal). */
  verdict: DialVerdict;
  timeoutMs: number;
}

export class ChargePointRole {
  private link: Link | undefined;
  /** Certificates, a new AuthorizationKey, a pending CSR: kept across connections, as a charge point does. */
  readonly security: ChargePointSecurityMemory;
  private password: string | undefined;
  private clientCertificate: { cert: string; key: string } | undefined;

  /** `security`: profile 2/3 TLS material (the password is `password`); absent = as before. */
  constructor(private readonly deps: RoleDeps, private readonly target: { url: string; identity: string; password?: string; security?: ClientSecurity }) {
    this.security = new ChargePointSecurityMemory({ centralSystemRoot: target.security?.tls?.ca });
    this.password = target.password;
  }

  /** The security profile the run dials at (0: none). */
  get securityProfile(): number {
    return this.target.security?.profile ?? 0;
  }

  /** The AuthorizationKey the CSMS set: the password of every later connection (profiles 1, 2). */
  setPassword(password: string | undefined): void {
    this.password = password;
  }

  get currentPassword(): string | undefined {
    return this.password;
  }

  /** Present another client certificate on later connections (a renewed one); none = the configured one. */
  useClientCertificate(certificate?: { cert: string; key: string }): void {
    this.clientCertificate = certificate;
  }

  private tlsOptions(override?: { cert: string; key: string }): ClientSecurity['tls'] | undefined {
    const tls = this.target.security?.tls;
    if (!tls) return undefined;
    const own = override ?? this.clientCertificate;
    return own && this.target.security!.profile === 3 ? { ...tls, cert: own.cert, key: own.key } : tls;
  }

  /**
   * Dial once with other credentials, next to the live connection, and close what opened at once. The
   * outcome is recorded with `verdict` (a refusal the CSMS owed, or an acceptance). True when it was accepted.
   */
  async dialOnce(opts: DialOnceOptions): Promise<{ accepted: boolean; detail: string }> {
    const tls = this.tlsOptions(opts.clientCertificate);
    try {
      const channel = await dial(this.deps.hub, {
        url: opts.url ?? this.target.url, identity: this.target.identity, subprotocols: [this.deps.version.facts.subprotocol],
        password: opts.password === null ? undefined : (opts.password ?? this.password), timeoutMs: opts.timeoutMs, maxFrameBytes: this.deps.maxFrameBytes, ...(this.deps.limits ? { limits: this.deps.limits } : {}),
        ...(tls ? { tls } : {}), dialVerdict: opts.verdict,
      });
      await channel.close(1000, 'one dial only');
      return { accepted: true, detail: 'HTTP 101' };
    } catch (err) {
      if (err instanceof DialError) return { accepted: false, detail: err.message };
      throw err;
    }
  }

  /** The URL dialled: the CSMS endpoint with the identity appended. */
  get endpoint(): string {
    return endpointUrl(this.target.url, this.target.identity);
  }

  current(): Link | undefined {
    return this.link?.isOpen ? this.link : undefined;
  }

  openLinks(): Link[] {
    const link = this.current();
    return link ? [link] : [];
  }

  private closedAt: number | undefined;

  /**
   * Open a new connection (closing the current one first, if any). Throws DialError. Like a real
   * charge point it backs off after a connection ended (timeouts.reconnectBackoffMs): a CSMS that still
   * holds the old connection for this identity would drop a new one that comes within milliseconds.
   */
  async connect(timeoutMs: number, signal?: AbortSignal): Promise<Link> {
    if (this.link?.isOpen) await this.link.channel.close(1000, 'reconnecting');
    const backoff = this.deps.cfg.timeouts.reconnectBackoffMs ?? 0;
    const since = this.closedAt === undefined ? Infinity : Date.now() - this.closedAt;
    if (since < backoff) {
      const wait = Math.ceil(backoff - since);
      this.deps.hub.record({ kind: 'note', text: `waiting ${wait} ms before dialling again (reconnect back-off)` });
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        signal?.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
      });
    }
    const channel = await dial(this.deps.hub, {
      url: this.target.url, identity: this.target.identity, subprotocols: [this.deps.version.facts.subprotocol],
      password: this.password, timeoutMs, maxFrameBytes: this.deps.maxFrameBytes,
      ...(signal ? { signal } : {}),
      ...(this.tlsOptions() ? { tls: this.tlsOptions() } : {}),
      ...(this.target.security && this.target.security.profile > 0 ? { securityProfile: this.target.security.profile } : {}),
    });
    const link = new Link(channel, this.deps.registry, this.deps.version.chargePointDefaults(this.deps.cfg, this), this.deps.onHarnessError, this.deps.limits?.harnessHandlerMs, this.deps.limits?.framesKeptInFull);
    channel.onClose(() => { if (this.link === link) this.closedAt = Date.now(); });
    this.link = link;
    return link;
  }

  /** One TLS handshake per whitepaper cipher suite (recorded as `tls` probe events); false without TLS. */
  async probeCipherSuites(timeoutMs: number): Promise<boolean> {
    const tls = this.tlsOptions();
    if (!tls || !this.target.url.startsWith('wss:')) return false;
    await probeCipherSuites(this.deps.hub, this.target.url, tls, timeoutMs);
    return true;
  }

  /** The URL dialled without TLS (ws:// for wss://): a downgrade attempt. */
  get plainUrl(): string {
    return this.target.url.replace(/^wss:/, 'ws:');
  }

  /** Watch one handshake offering `subprotocols` (no OCPP on it); the live connection is left alone. */
  probe(subprotocols: string[], timeoutMs: number, closeWithinMs: number): Promise<ProbeOutcome> {
    return probeHandshake(this.deps.hub, {
      url: this.target.url, identity: this.target.identity, password: this.password, subprotocols, timeoutMs, closeWithinMs,
      ...(this.tlsOptions() ? { tls: this.tlsOptions() } : {}),
    });
  }

  resetOverrides(): void {
    this.link?.resetOverrides();
  }

  async close(): Promise<void> {
    if (this.link?.isOpen) await this.link.channel.close(1000, 'harness finished');
  }
}

export { DialError };
