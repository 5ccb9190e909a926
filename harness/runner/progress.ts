// What each running case is doing, for the progress line of long runs: its step and what it waits for.
import type { Recorder } from '../trace/recorder.js';

export interface CaseActivity {
  caseId: string;
  startedAt: number;
  step?: string;
  waiting?: string;
}

export class Progress {
  private readonly running = new Map<string, CaseActivity>();

  /** Follow a case's recorder until it ends; returns the function that ends it. */
  follow(caseId: string, recorder: Recorder): () => void {
    const activity: CaseActivity = { caseId, startedAt: Date.now() };
    this.running.set(caseId, activity);
    const off = recorder.subscribe((e) => {
      if (e.kind === 'step' && e.phase === 'start') {
        activity.step = `step ${e.step}: ${e.title}`;
        activity.waiting = undefined;
      } else if (e.kind === 'conditions') {
        activity.step = e.edge === 'start' ? `§1.3 ${e.phase}-conditions` : activity.step;
      } else if (e.kind === 'note' && /^(waiting|observing)/.test(e.text)) {
        activity.waiting = e.text;
      } else if (e.kind === 'stimulus' && e.outcome === 'pending') {
        activity.waiting = `SUT control: ${e.action}`;
      }
    });
    return () => {
      off();
      this.running.delete(caseId);
    };
  }

  /** One line per case running longer than `minMs`. */
  lines(minMs: number, now = Date.now()): string[] {
    return [...this.running.values()].filter((a) => now - a.startedAt >= minMs).map((a) => {
      const secs = Math.round((now - a.startedAt) / 1000);
      return `  … ${a.caseId} (${secs} s)${a.step ? ` ${a.step}` : ''}${a.waiting ? ` — ${a.waiting}` : ''}`;
    });
  }
}
