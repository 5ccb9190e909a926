// "Port in use" is a setup mistake, not a finding about the system under test: one line that names the
// address and the option that changes it, exit code 2 — never a stack trace or one INCONCLUSIVE per case.
export class PortInUseError extends Error {
  override name = 'PortInUseError';
  readonly exitCode = 2;
  constructor(readonly host: string, readonly port: number, option: string) {
    super(`cannot listen on ${host}:${port}: the port is in use (another harness, simulator or CSMS?); choose another with ${option} host:port`);
  }
}

/** The PortInUseError for a listen error, or undefined when the error is something else. */
export function asPortInUse(err: unknown, option: string, fallback?: { host: string; port: number }): PortInUseError | undefined {
  const e = err as NodeJS.ErrnoException & { address?: string; port?: number };
  if (e?.code !== 'EADDRINUSE') return undefined;
  return new PortInUseError(e.address ?? fallback?.host ?? '?', e.port ?? fallback?.port ?? 0, option);
}
