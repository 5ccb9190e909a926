// The harness plays a charge point: it dials the CSMS under test and keeps the connection across
// cases, as a real charge point would.
import { dial, DialError } from '../transport/client.js';
import { probeHandshake, type ProbeOutcome } from '../transport/handshake-probe.js';
import { chargePointDefaults16 } from './charge-point-defaults-16.js';
import type { RoleDeps } from './csms-role.js';
import { Link } from './link.js';

export class ChargePointRole {
  private link: Link | undefined;

  constructor(private readonly deps: RoleDeps, private readonly target: { url: string; identity: string; password?: string }) {}

  current(): Link | undefined {
    return this.link?.isOpen ? this.link : undefined;
  }

  openLinks(): Link[] {
    const link = this.current();
    return link ? [link] : [];
  }

  /** Open a new connection (closing the current one first, if any). Throws DialError. */
  async connect(timeoutMs: number): Promise<Link> {
    if (this.link?.isOpen) await this.link.channel.close(1000, 'reconnecting');
    const channel = await dial(this.deps.hub, {
      url: this.target.url, identity: this.target.identity, subprotocols: ['ocpp1.6'],
      password: this.target.password, timeoutMs, maxFrameBytes: this.deps.maxFrameBytes,
    });
    this.link = new Link(channel, this.deps.registry, chargePointDefaults16(this.deps.cfg), this.deps.onHarnessError);
    return this.link;
  }

  /** Watch one handshake offering `subprotocols` (no OCPP on it); the live connection is left alone. */
  probe(subprotocols: string[], timeoutMs: number, closeWithinMs: number): Promise<ProbeOutcome> {
    return probeHandshake(this.deps.hub, {
      url: this.target.url, identity: this.target.identity, password: this.target.password, subprotocols, timeoutMs, closeWithinMs,
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
