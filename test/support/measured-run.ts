// Spawn test/support/measured-harness.mjs (the built harness in a process of its own) and read its
// measurements: the harness's peak RSS is then its own, not the attacking test's.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The child script lives in the source tree (test/support), also when this module runs compiled for the bench. */
const child = () => process.env.MEASURED_HARNESS_CHILD ?? fileURLToPath(new URL('./measured-harness.mjs', import.meta.url));

export interface MeasuredRunSpec {
  side: 'ChargePoint' | 'Csms';
  ocpp?: '1.6' | '2.0.1';
  cases: string[];
  reportDir: string;
  listenPort?: number;
  url?: string;
  identity?: string;
  timeouts?: Record<string, number>;
  limits?: Record<string, number>;
}

export interface Measured {
  maxRssKb: number;
  verdicts: Record<string, string>;
  findings: { checkId: string; requirement: string; actual: string }[];
  truncatedFrames: number;
  reportErrors: string[];
  exitCode: number;
}

export interface MeasuredRun {
  child: ChildProcess;
  /** Resolves once the harness printed a line matching `re`. */
  printed(re: RegExp): Promise<void>;
  done: Promise<{ measured: Measured | undefined; output: string; code: number | null }>;
}

/** `distDir`: the compiled tree the child runs (default the package's dist/). */
export function startMeasuredRun(spec: MeasuredRunSpec, timeoutMs = 240_000, distDir?: string): MeasuredRun {
  const proc = spawn(process.execPath, [child()], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', MEASURED_RUN: JSON.stringify(spec), ...(distDir ? { HARNESS_DIST: distDir } : {}) },
  });
  let output = '';
  const watchers: { re: RegExp; resolve: () => void }[] = [];
  const onData = (d: Buffer) => {
    output += d.toString();
    for (const w of [...watchers]) if (w.re.test(output)) {
      watchers.splice(watchers.indexOf(w), 1);
      w.resolve();
    }
  };
  proc.stdout!.on('data', onData);
  proc.stderr!.on('data', onData);
  const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
  const done = new Promise<{ measured: Measured | undefined; output: string; code: number | null }>((resolve) => {
    proc.on('close', (code) => {
      clearTimeout(timer);
      const line = /^MEASURED (.*)$/m.exec(output);
      resolve({ measured: line ? JSON.parse(line[1]!) as Measured : undefined, output, code });
    });
  });
  const exited = done.then(({ code }) => { throw new Error(`the harness process ended (${code}) before it printed that:\n${output.slice(-3000)}`); });
  exited.catch(() => undefined);
  return {
    child: proc,
    printed: (re) => (re.test(output) ? Promise.resolve() : Promise.race([new Promise<void>((resolve) => watchers.push({ re, resolve })), exited])),
    done,
  };
}
