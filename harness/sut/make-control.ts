// Builds the SutControl named by the configuration.
import type { Readable, Writable } from 'node:stream';
import { ConfigError } from '../config/load.js';
import type { SutControlConfig } from '../config/types.js';
import { CommandSutControl } from './command-control.js';
import type { StimulusContext, StimulusOutcome, SutControl } from './control.js';
import { HttpSutControl } from './http-control.js';
import { ManualSutControl } from './manual-control.js';

/** What a built-in reference peer offers to carry out stimuli on itself. */
export interface BuiltinStimulus {
  perform(action: string, params: Record<string, unknown>, ctx?: StimulusContext): Promise<StimulusOutcome>;
  actions?: readonly string[];
  close?(): Promise<void>;
}

export interface MakeSutControlOptions {
  /** Required for `type: "builtin"`: the built-in peer that performs the actions. */
  builtin?: BuiltinStimulus;
  /** Timeout when the sutControl config gives none (e.g. timeouts.operatorMs); else each control's own default. */
  defaultTimeoutMs?: number;
  /** Manual control streams (tests, or a UI); default process.stdin / process.stderr. */
  input?: Readable;
  output?: Writable;
  /** Working directory for command control; default the current directory. */
  cwd?: string;
}

class BuiltinSutControl implements SutControl {
  readonly kind = 'builtin' as const;
  constructor(private readonly peer: BuiltinStimulus) {}

  async perform(action: string, params: Record<string, unknown>, ctx: StimulusContext): Promise<StimulusOutcome> {
    if (ctx.signal?.aborted) return { outcome: 'failed', detail: `"${action}" aborted before it started` };
    try {
      return await this.peer.perform(action, params, ctx);
    } catch (err) {
      return { outcome: 'failed', detail: `built-in peer could not perform "${action}": ${(err as Error).message ?? String(err)}` };
    }
  }

  async supportedActions(): Promise<readonly string[] | undefined> {
    return this.peer.actions;
  }

  async close(): Promise<void> {
    await this.peer.close?.();
  }
}

export function makeSutControl(sc: SutControlConfig, opts: MakeSutControlOptions = {}): SutControl {
  const timeoutMs = opts.defaultTimeoutMs;
  switch (sc.type) {
    case 'manual':
      return new ManualSutControl(sc, { input: opts.input, output: opts.output, timeoutMs });
    case 'http':
      return new HttpSutControl(sc, { timeoutMs });
    case 'command':
      return new CommandSutControl(sc, { timeoutMs, cwd: opts.cwd });
    case 'builtin':
      if (!opts.builtin) {
        throw new ConfigError(
          'sutControl.type "builtin" needs a built-in reference peer as the system under test; use manual, http or command for a real one',
        );
      }
      return new BuiltinSutControl(opts.builtin);
    default: {
      const never: never = sc;
      throw new ConfigError(`sutControl.type: unknown type ${JSON.stringify((never as { type: unknown }).type)}`);
    }
  }
}
