// One passive-mode data connection (RFC 959 PASV, RFC 2428 EPSV): a listener on a fresh port that
// takes exactly one connection, from the same host as the control connection (no one else may
// slip in a file), and then stops listening.
import { createServer, type Server, type Socket } from 'node:net';

/** Where the FTP server keeps every socket and listener, so close() can end them all. */
export interface SocketRegistry {
  track(socket: Socket): void;
  trackListener(server: Server): void;
}

export class PassiveListener {
  private socket: Socket | undefined;
  private waiting: ((socket: Socket | undefined) => void) | undefined;
  private closed = false;
  /** accept() handed the socket out: from then on its owner closes it. */
  private taken = false;

  private constructor(private readonly server: Server, readonly port: number) {}

  /** Listen on `bindHost` (the address the client reached us on); accept only `peerAddress`. */
  static open(bindHost: string, peerAddress: string, registry: SocketRegistry, onStranger: (address: string) => void): Promise<PassiveListener> {
    return new Promise((resolve, reject) => {
      let listener: PassiveListener | undefined;
      const server = createServer((socket) => {
        registry.track(socket);
        socket.on('error', () => undefined); // a reset is seen through 'close'; it must not crash us
        if (!listener || !sameHost(socket.remoteAddress ?? '', peerAddress) || listener.socket || listener.closed) {
          onStranger(socket.remoteAddress ?? '?');
          socket.destroy();
          return;
        }
        listener.socket = socket;
        listener.stopListening();
        listener.waiting?.(socket);
        listener.waiting = undefined;
      });
      registry.trackListener(server);
      server.once('error', reject);
      server.listen(0, bindHost, () => {
        server.off('error', reject);
        server.on('error', () => undefined);
        const address = server.address();
        listener = new PassiveListener(server, typeof address === 'object' && address ? address.port : 0);
        resolve(listener);
      });
    });
  }

  /** The data connection, once the client has opened it; undefined after `timeoutMs` or close(). */
  accept(timeoutMs: number): Promise<Socket | undefined> {
    if (this.closed) return Promise.resolve(undefined);
    if (this.socket) {
      this.taken = true;
      return Promise.resolve(this.socket);
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.close(), timeoutMs);
      this.waiting = (socket) => {
        clearTimeout(timer);
        this.taken = socket !== undefined;
        resolve(socket);
      };
    });
  }

  /** Stop listening; destroy the data connection unless someone took it with accept(). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stopListening();
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.(undefined);
    if (!this.taken) this.socket?.destroy();
  }

  private stopListening(): void {
    if (this.server.listening) this.server.close();
  }
}

/** IPv4 written plainly or IPv4-mapped into IPv6 name the same host. */
export function plainAddress(address: string): string {
  return address.replace(/^::ffff:/i, '');
}

function sameHost(a: string, b: string): boolean {
  return plainAddress(a) === plainAddress(b);
}
