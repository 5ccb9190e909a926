// What one running case owns: its recorder, its step, its abort signal, its configuration.
import type { HarnessConfig } from '../config/types.js';
import type { SchemaRegistry } from '../schema/registry.js';
import type { SutControl } from '../sut/control.js';
import type { Recorder } from '../trace/recorder.js';
import type { TraceEventInput } from '../trace/types.js';
import { Interrupted } from './errors.js';

export class CaseScope {
  currentStep: number | undefined;
  /** A case of our own (no OCTT table): nothing it expects is a tool validation of the OCTT. */
  beyondOctt = false;
  /** The running case's id and step title, for operator prompts. */
  caseId: string | undefined;
  currentStepTitle: string | undefined;

  constructor(
    readonly recorder: Recorder,
    readonly cfg: HarnessConfig,
    readonly registry: SchemaRegistry,
    readonly control: SutControl,
    readonly signal: AbortSignal,
  ) {}

  record(input: TraceEventInput) {
    if (input.kind === 'expect' && this.beyondOctt) input.expectation.octt ??= 'not-checked';
    return this.recorder.record(input);
  }

  /** Record a note and return its seq: an anchor for time windows measured from "now". */
  mark(text: string, waitMs?: number): number {
    return this.recorder.record({ kind: 'note', text, ...(waitMs !== undefined ? { waitMs } : {}) }).seq;
  }

  /** Sleep that ends early (with Interrupted) when the case is aborted. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.signal.aborted) return reject(this.abortReason());
      const timer = setTimeout(() => {
        this.signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(this.abortReason());
      };
      this.signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  abortReason(): Error {
    const reason = this.signal.reason;
    return reason instanceof Error ? reason : new Interrupted(String(reason ?? 'interrupted'));
  }
}
