// SUT control by shell command: `commands` maps an action to a command template such as
// "./plug.sh {connectorId}". Placeholders {name} take their value from the action's parameters,
// `identity` and `ocpp`, each shell-quoted. `${NAME}` is left alone (shell variable syntax).
// The command runs under `sh -c` in its own process group; exit 0 means done.
import { spawn } from 'node:child_process';
import type { StimulusContext, StimulusOutcome, SutControl } from './control.js';

export interface CommandSutControlConfig {
  commands: Record<string, string>;
  timeoutMs?: number;
}

export const DEFAULT_COMMAND_TIMEOUT_MS = 30_000;
/** After SIGTERM, how long the process group gets before SIGKILL. */
const KILL_GRACE_MS = 1_000;
const TAIL_BYTES = 4_096;

/** POSIX single-quote quoting: safe for any value, including quotes, spaces and `$`. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function placeholderText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v);
}

/**
 * Substitutes `{name}` placeholders with shell-quoted values. Returns the missing names if any
 * placeholder has no value (undefined or null).
 */
export function expandCommand(
  template: string,
  values: Record<string, unknown>,
): { command: string; missing: string[] } {
  const missing: string[] = [];
  const command = template.replace(/(?<!\$)\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name: string) => {
    const v = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
    if (v === undefined || v === null) {
      if (!missing.includes(name)) missing.push(name);
      return whole;
    }
    return shellQuote(placeholderText(v));
  });
  return { command, missing };
}

function tail(buf: string, max = 300): string {
  const t = buf.trim();
  return t.length > max ? `…${t.slice(-max)}` : t;
}

export class CommandSutControl implements SutControl {
  readonly kind = 'command' as const;
  private readonly commands: Record<string, string>;
  private readonly timeoutMs: number;
  private readonly cwd: string | undefined;
  private readonly running = new Set<() => void>();

  async supportedActions(): Promise<readonly string[]> {
    return Object.keys(this.commands);
  }

  constructor(cfg: CommandSutControlConfig, defaults: { timeoutMs?: number; cwd?: string } = {}) {
    this.commands = { ...cfg.commands };
    this.timeoutMs = cfg.timeoutMs ?? defaults.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
    this.cwd = defaults.cwd;
  }

  async perform(action: string, params: Record<string, unknown>, ctx: StimulusContext): Promise<StimulusOutcome> {
    const template = Object.prototype.hasOwnProperty.call(this.commands, action) ? this.commands[action] : undefined;
    if (template === undefined) {
      return { outcome: 'unsupported', detail: `no command configured for "${action}" (sutControl.commands)` };
    }
    const values: Record<string, unknown> = { ...params, identity: ctx.identity, ocpp: ctx.ocpp };
    const { command, missing } = expandCommand(template, values);
    if (missing.length > 0) {
      const available = Object.keys(values).filter((k) => values[k] !== undefined && values[k] !== null);
      return {
        outcome: 'failed',
        detail:
          `command for "${action}" uses ${missing.map((m) => `{${m}}`).join(', ')}, which ${missing.length === 1 ? 'has' : 'have'} no value ` +
          `(available: ${available.map((k) => `{${k}}`).join(', ')})`,
      };
    }
    if (ctx.signal?.aborted) return { outcome: 'failed', detail: `command for "${action}" aborted before it started` };
    return this.run(action, command, values, ctx.signal);
  }

  private run(action: string, command: string, values: Record<string, unknown>, signal?: AbortSignal): Promise<StimulusOutcome> {
    return new Promise<StimulusOutcome>((resolve) => {
      let stderr = '';
      let stdout = '';
      let settled = false;
      let killedFor: 'timeout' | 'abort' | undefined;
      let timer: NodeJS.Timeout | undefined;
      let killTimer: NodeJS.Timeout | undefined;
      let giveUpTimer: NodeJS.Timeout | undefined;

      const child = spawn('sh', ['-c', command], {
        cwd: this.cwd,
        detached: true, // own process group, so a timeout kills the whole pipeline
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, OCPP_HARNESS_ACTION: action, OCPP_HARNESS_PARAMS: JSON.stringify(values) },
      });

      const finish = (o: StimulusOutcome): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearTimeout(killTimer);
        clearTimeout(giveUpTimer);
        signal?.removeEventListener('abort', onAbort);
        this.running.delete(stopAll);
        resolve(o);
      };

      const killGroup = (sig: NodeJS.Signals): void => {
        if (child.pid === undefined) return;
        try {
          process.kill(-child.pid, sig);
        } catch {
          // already gone
        }
      };

      const stop = (why: 'timeout' | 'abort'): void => {
        if (settled || killedFor) return;
        killedFor = why;
        killGroup('SIGTERM');
        killTimer = setTimeout(() => killGroup('SIGKILL'), KILL_GRACE_MS);
        // If something escaped the group and holds the pipes open, do not wait forever.
        giveUpTimer = setTimeout(() => finish(killedOutcome()), KILL_GRACE_MS * 2);
      };
      const stopAll = (): void => stop('abort');
      const onAbort = (): void => stop('abort');

      const killedOutcome = (): StimulusOutcome =>
        killedFor === 'timeout'
          ? { outcome: 'timeout', detail: `command for "${action}" did not finish within ${this.timeoutMs} ms (killed)` }
          : { outcome: 'failed', detail: `command for "${action}" aborted (killed)` };

      timer = setTimeout(() => stop('timeout'), this.timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.running.add(stopAll);

      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        stdout = (stdout + d).slice(-TAIL_BYTES);
      });
      child.stderr.setEncoding('utf8').on('data', (d: string) => {
        stderr = (stderr + d).slice(-TAIL_BYTES);
      });
      child.on('error', (err) => {
        finish({ outcome: 'failed', detail: `command for "${action}" could not start: ${err.message}` });
      });
      child.on('close', (code, sig) => {
        if (killedFor) return finish(killedOutcome());
        if (code === 0) {
          const out = tail(stdout, 200);
          return finish({ outcome: 'done', detail: out ? `exit 0: ${out}` : 'exit 0' });
        }
        const err = tail(stderr);
        const how = code !== null ? `exited with code ${code}` : `was killed by ${sig ?? 'a signal'}`;
        finish({ outcome: 'failed', detail: `command for "${action}" ${how}${err ? `: ${err}` : ''}` });
      });
    });
  }

  /** Kills any command still running. */
  async close(): Promise<void> {
    for (const stop of [...this.running]) stop();
  }
}
