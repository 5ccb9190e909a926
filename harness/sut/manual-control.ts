// SUT control by a human operator: print what to do, wait for Enter (or the timeout).
// Without an interactive terminal it fails at once, so CI runs never hang on a prompt.
import type { Readable, Writable } from 'node:stream';
import type { StimulusContext, StimulusOutcome, SutControl } from './control.js';

export interface ManualSutControlConfig {
  timeoutMs?: number;
}

export interface ManualSutControlOptions {
  /** Where the operator answers. Default process.stdin, which must then be a TTY. */
  input?: Readable;
  /** Where prompts go. Default process.stderr (stdout may carry a machine-readable report). */
  output?: Writable;
  /** Used when the config gives no timeoutMs. */
  timeoutMs?: number;
}

export const DEFAULT_MANUAL_TIMEOUT_MS = 120_000;

export const NOT_INTERACTIVE_DETAIL =
  'manual control needs an interactive terminal (stdin is not a TTY); configure sutControl http or command';

function fmt(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return '?';
  return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
}

/** The instruction an operator reads for an action, e.g. "Plug the cable into connector 1". */
export function describeAction(action: string, params: Record<string, unknown>, identity?: string): string {
  const connector = params['connectorId'] !== undefined ? `connector ${fmt(params['connectorId'])}` : 'any connector';
  switch (action) {
    case 'reboot':
      return identity ? `Power-cycle the charge point (${identity})` : 'Power-cycle the charge point';
    case 'plugIn':
      return `Plug the cable into ${connector}`;
    case 'unplug':
      return `Unplug the cable from ${connector}`;
    case 'unplugEvSide':
      return `Unplug the cable of ${connector} at the EV (leave it in the charge point)`;
    case 'presentIdTag':
      return `Present id tag ${fmt(params['idTag'])} at ${connector}`;
  }
  const fields = Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${fmt(v)}`)
    .join(', ');
  if (/^[A-Z]/.test(action)) {
    // An OCPP request name: the CSMS is the system under test and must send it.
    const to = identity ? ` to ${identity}` : '';
    return `Make the CSMS send ${action}${to}${fields ? ` with ${fields}` : ''}`;
  }
  return `Perform "${action}"${fields ? ` with ${fields}` : ''}`;
}

export class ManualSutControl implements SutControl {
  readonly kind = 'manual' as const;
  private readonly input: Readable;
  private readonly output: Writable;
  private readonly interactive: boolean;
  private readonly timeoutMs: number;
  /** Prompts are shown one at a time: one terminal, one answer. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(cfg: ManualSutControlConfig = {}, opts: ManualSutControlOptions = {}) {
    this.input = opts.input ?? process.stdin;
    this.output = opts.output ?? process.stderr;
    this.interactive = opts.input !== undefined || process.stdin.isTTY === true;
    this.timeoutMs = cfg.timeoutMs ?? opts.timeoutMs ?? DEFAULT_MANUAL_TIMEOUT_MS;
  }

  perform(action: string, params: Record<string, unknown>, ctx: StimulusContext): Promise<StimulusOutcome> {
    if (!this.interactive) return Promise.resolve({ outcome: 'failed', detail: NOT_INTERACTIVE_DETAIL });
    const next = this.queue.then(() => this.prompt(action, params, ctx));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private prompt(action: string, params: Record<string, unknown>, ctx: StimulusContext): Promise<StimulusOutcome> {
    const instruction = describeAction(action, params, ctx.identity);
    if (ctx.signal?.aborted) return Promise.resolve({ outcome: 'failed', detail: `aborted before "${instruction}"` });

    const input = this.input;
    const wasFlowing = input.readableFlowing === true;
    // Drop keystrokes typed before this prompt: a stale Enter must not confirm a new action.
    if (!wasFlowing) while (input.read() !== null);

    return new Promise<StimulusOutcome>((resolve) => {
      let buffer = '';
      const seconds = Math.round(this.timeoutMs / 1000);

      const cleanup = (): void => {
        clearTimeout(timer);
        input.off('data', onData);
        input.off('end', onEnd);
        input.off('close', onEnd);
        input.off('error', onError);
        ctx.signal?.removeEventListener('abort', onAbort);
        if (!wasFlowing) input.pause();
      };
      const finish = (o: StimulusOutcome): void => {
        cleanup();
        resolve(o);
      };
      const onData = (chunk: Buffer | string): void => {
        buffer += chunk.toString();
        let nl: number;
        while ((nl = buffer.search(/\r?\n|\r/)) >= 0) {
          const line = buffer.slice(0, nl).trim().toLowerCase();
          buffer = buffer.slice(nl + 1);
          if (line === '' || line === 'y' || line === 'yes' || line === 'done') {
            return finish({ outcome: 'done', detail: `operator confirmed: ${instruction}` });
          }
          if (line === 'skip' || line === 's') {
            return finish({ outcome: 'unsupported', detail: `operator skipped: ${instruction}`, by: 'operator' });
          }
          if (line === 'fail' || line === 'f') {
            return finish({ outcome: 'failed', detail: `operator could not: ${instruction}` });
          }
          this.output.write('  Press Enter when done, or type "skip" or "fail" and Enter.\n');
        }
      };
      const onEnd = (): void => finish({ outcome: 'failed', detail: `input closed while waiting for: ${instruction}` });
      const onError = (err: Error): void => finish({ outcome: 'failed', detail: `cannot read the operator's answer: ${err.message}` });
      const onAbort = (): void => {
        this.output.write('  (aborted)\n');
        finish({ outcome: 'failed', detail: `aborted while waiting for: ${instruction}` });
      };
      const timer = setTimeout(() => {
        this.output.write('  (no answer: timed out)\n');
        finish({ outcome: 'timeout', detail: `no confirmation from the operator within ${seconds} s: ${instruction}` });
      }, this.timeoutMs);

      const where = ctx.caseId ? ` (${ctx.caseId}${ctx.step ? `, ${ctx.step}` : ''}; action "${action}")` : '';
      this.output.write(
        `\n>>> ACTION NEEDED${where}: ${instruction}.\n` +
          `    Press Enter when done (type "skip" if it cannot be done here); waiting up to ${seconds} s.\n`,
      );
      input.on('data', onData);
      input.once('end', onEnd);
      input.once('close', onEnd);
      input.once('error', onError);
      ctx.signal?.addEventListener('abort', onAbort, { once: true });
      if (input.readableEnded) onEnd();
    });
  }

  async close(): Promise<void> {
    // Nothing held: listeners are removed after every prompt and the input is paused again.
  }
}
