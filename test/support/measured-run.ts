// Spawn test/support/measured-harness.mjs (the built harness in a process of its own) and read its
// measurements: the harness's peak RSS is then its own, not the attacking test's.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./measured-harness.mjs', import.meta.url));

export interface MeasuredRunSpec {
  side: 'ChargePoint' | 'Csms';
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

export function startMeasuredRun(spec: MeasuredRunSpec, timeoutMs = 240_000): MeasuredRun {
  const child = spawn(process.execPath, [CHILD], {
    stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', MEASURED_RUN: JSON.stringify(spec) },
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
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const done = new Promise<{ measured: Measured | undefined; output: string; code: number | null }>((resolve) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = /^MEASURED (.*)$/m.exec(output);
      resolve({ measured: line ? JSON.parse(line[1]!) as Measured : undefined, output, code });
    });
  });
  return {
    child,
    printed: (re) => (re.test(output) ? Promise.resolve() : new Promise((resolve) => watchers.push({ re, resolve }))),
    done,
  };
}
