// The harness plays a charge point: it dials the CSMS under test and keeps the connection across
// cases, as a real charge point would.
import type { ClientSecurity } from '../security/security-settings.js';
import { dial, DialError, endpointUrl } from '../transport/client.js';
import { probeHandshake, type ProbeOutcome } from '../transport/handshake-probe.js';
import { chargePointDefaults16 } from './charge-point-defaults-16.js';
import type { RoleDeps } from './csms-role.js';
import { Link } from './link.js';

export class ChargePointRole {
  private link: Link | undefined;

  /** `security`: profile 2/3 TLS material (the password is `password`); absent = as before. */
  constructor(private readonly deps: RoleDeps, private readonly target: { url: string; identity: string; password?: string; security?: ClientSecurity }) {}

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
      url: this.target.url, identity: this.target.identity, subprotocols: ['ocpp1.6'],
      password: this.target.password, timeoutMs, maxFrameBytes: this.deps.maxFrameBytes,
      ...(signal ? { signal } : {}),
      ...(this.target.security?.tls ? { tls: this.target.security.tls } : {}),
      ...(this.target.security && this.target.security.profile > 0 ? { securityProfile: this.target.security.profile } : {}),
    });
    const link = new Link(channel, this.deps.registry, chargePointDefaults16(this.deps.cfg), this.deps.onHarnessError);
    channel.onClose(() => { if (this.link === link) this.closedAt = Date.now(); });
    this.link = link;
    return link;
  }

  /** Watch one handshake offering `subprotocols` (no OCPP on it); the live connection is left alone. */
  probe(subprotocols: string[], timeoutMs: number, closeWithinMs: number): Promise<ProbeOutcome> {
    return probeHandshake(this.deps.hub, {
      url: this.target.url, identity: this.target.identity, password: this.target.password, subprotocols, timeoutMs, closeWithinMs,
      ...(this.target.security?.tls ? { tls: this.target.security.tls } : {}),
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
