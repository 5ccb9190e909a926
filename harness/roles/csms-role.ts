// The harness plays the CSMS: charge points connect to it. Keeps the live connection per identity
// across cases, because a real charger stays connected between cases.
import type { Limits } from '../config/limits.js';
import type { HarnessConfig } from '../config/types.js';
import type { SchemaRegistry } from '../schema/registry.js';
import type { ServerSecurity } from '../security/security-settings.js';
import type { TraceHub } from '../trace/recorder.js';
import { WsServerEndpoint } from '../transport/server.js';
import type { VersionModule } from '../versions/version-module.js';
import { Link, type HandlerTable } from './link.js';

export interface RoleDeps {
  hub: TraceHub;
  registry: SchemaRegistry;
  /** The run's OCPP version: subprotocol, default answers of each role. */
  version: VersionModule;
  cfg: HarnessConfig;
  maxFrameBytes: number;
  /** The run's limits (frame reading, connections, handshake, handler time); defaults when absent. */
  limits?: Limits;
  onHarnessError: (err: unknown) => void;
}

export class CsmsRole {
  private readonly endpoint: WsServerEndpoint;
  private readonly live = new Map<string, Link>();
  private readonly waiters = new Set<(link: Link) => void>();
  private readonly holding = new Set<string>();
  private readonly held = new Map<string, Link>();
  private readonly connectionListeners = new Set<(link: Link) => void>();
  private readonly defaults: () => HandlerTable;

  private readonly scheme: 'ws' | 'wss';

  /** `security`: profile 1–3 (Basic auth, TLS, client certificates); absent = profile 0, plain ws://. */
  constructor(private readonly deps: RoleDeps, listen: { host: string; port: number; identity?: string; security?: ServerSecurity; onStranger?: (identity: string) => void }) {
    this.scheme = listen.security?.tls ? 'wss' : 'ws';
    this.defaults = deps.version.csmsDefaults(deps.cfg);
    this.endpoint = new WsServerEndpoint(deps.hub, {
      host: listen.host, port: listen.port, identity: listen.identity,
      ...(listen.onStranger ? { onStranger: listen.onStranger } : {}),
      subprotocol: deps.version.facts.subprotocol, maxFrameBytes: deps.maxFrameBytes, ...(deps.limits ? { limits: deps.limits } : {}),
      basicAuthExpected: (listen.security?.basicAuthPassword ?? deps.cfg.basicAuthPassword) !== undefined,
      ...(listen.security && listen.security.profile > 0 ? { security: listen.security } : {}),
    });
    this.endpoint.onConnection((channel) => {
      if (channel.info.chosenProtocol === null) {
        // OCPP-J §3.1.2: no agreed subprotocol → finish the handshake, then close at once.
        void channel.close(1002, 'no agreed subprotocol');
        return;
      }
      const link = new Link(channel, deps.registry, this.defaults(), deps.onHarnessError, deps.limits?.harnessHandlerMs, deps.limits?.framesKeptInFull);
      const previous = this.live.get(channel.info.identity);
      if (previous?.isOpen) void previous.channel.close(1000, 'replaced by a new connection');
      // A reconnect is not a reboot (OCPP 1.6 §4.2): a charger accepted before stays accepted until it boots again.
      if (previous && (previous.state.bootStatus === 'Accepted' || previous.state.acceptedBefore)) link.state.acceptedBefore = true;
      link.onCall((call) => {
        if (call.frame.action === 'BootNotification') link.state.acceptedBefore = false; // it booted: judge this boot
      });
      this.live.set(channel.info.identity, link);
      for (const listener of this.connectionListeners) listener(link);
      if (this.holding.has(channel.info.identity) && this.waiters.size === 0) {
        // A restart is under way and the case is not waiting yet (a slow control): keep the new
        // connection's first frames unread until the case takes it, so its handlers answer them.
        channel.pause();
        this.held.set(channel.info.identity, link);
        return;
      }
      for (const waiter of [...this.waiters]) waiter(link);
    });
  }

  /** Where charge points connect (set by start()), for messages such as "waiting for CP001 to connect to …". */
  url?: string;

  async start(): Promise<{ url: string; host: string; port: number }> {
    const { host, port } = await this.endpoint.listen();
    const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
    this.url = `${this.scheme}://${shown}:${port}/ocpp`;
    return { url: this.url, host, port };
  }

  /** Called for every new connection, before its first CALL is dispatched. */
  onConnection(listener: (link: Link) => void): () => void {
    this.connectionListeners.add(listener);
    return () => this.connectionListeners.delete(listener);
  }

  current(identity: string): Link | undefined {
    if (this.held.has(identity)) return this.take(identity);
    const link = this.live.get(identity);
    return link?.isOpen ? link : undefined;
  }

  openLinks(): Link[] {
    return [...this.live.values()].filter((l) => l.isOpen);
  }

  /** Wait for a connection from `identity` that opens after this call. */
  /**
   * A restart of `identity` is being asked for: until the case takes the next connection (nextConnection
   * or current), a connection that opens meanwhile is held unread instead of answered by the defaults.
   */
  holdNextConnection(identity: string): void {
    this.holding.add(identity);
  }

  /** End a hold (the case ended): a held connection goes on being served by the defaults. */
  releaseHeld(): void {
    this.holding.clear();
    for (const link of this.held.values()) link.channel.resume();
    this.held.clear();
  }

  /** Hand a held connection to the case; its frames flow once the case's continuation has run. */
  private take(identity: string): Link | undefined {
    this.holding.delete(identity);
    const link = this.held.get(identity);
    if (!link) return undefined;
    this.held.delete(identity);
    setImmediate(() => link.channel.resume());
    return link.isOpen ? link : undefined;
  }

  nextConnection(identity: string, timeoutMs: number, signal?: AbortSignal): Promise<Link | undefined> {
    const held = this.take(identity);
    if (held) return Promise.resolve(held);
    return new Promise((resolve, reject) => {
      const done = (link: Link | undefined) => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
        signal?.removeEventListener('abort', onAbort);
        resolve(link);
      };
      const waiter = (link: Link) => {
        if (link.identity === identity) done(link);
      };
      const onAbort = () => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
        reject(signal!.reason);
      };
      const timer = setTimeout(() => done(undefined), timeoutMs);
      this.waiters.add(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Go offline: drop the live connection(s) and refuse new ones until goOnline(). */
  async goOffline(): Promise<void> {
    this.endpoint.refuse(503);
    await Promise.all(this.openLinks().map((l) => l.channel.close(1001, 'CSMS going offline')));
  }

  goOnline(): void {
    this.endpoint.accept();
  }

  /** The next upgrade is answered as by a CSMS that supports none of the offered subprotocols (OCPP-J 1.6 §3.2). */
  disagreeOnNextSubprotocol(): void {
    this.endpoint.disagreeOnSubprotocol(1);
  }

  /** A negative case presents another server certificate to new connections; no argument restores the configured one. */
  setServerCertificate(certificate?: { key: string; cert: string }): void {
    this.endpoint.setServerCertificate(certificate);
  }

  /** New connections must carry this AuthorizationKey (no argument: the configured one). */
  setBasicAuthPassword(password?: string): void {
    this.endpoint.setBasicAuthPassword(password);
  }

  /** A profile 2 endpoint asks for client certificates from now on (the charger upgraded to profile 3). */
  upgradeToProfile3(clientCa: string): void {
    this.endpoint.upgradeToProfile3(clientCa);
  }

  resetOverrides(): void {
    this.endpoint.accept(); // a case that went offline never leaves the next one offline

    for (const link of this.live.values()) link.resetOverrides();
  }

  async close(): Promise<void> {
    await this.endpoint.close();
  }
}
