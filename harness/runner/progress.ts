// What each running case is doing, for the progress output of long runs: its step, what it waits for
// and until when, and an estimate of the time the run has left.
import type { Recorder } from '../trace/recorder.js';

export interface Wait {
  text: string;
  since: number;
  /** When the harness stops waiting (absent: open-ended, e.g. an operator prompt with its own timer). */
  deadline?: number;
  /** When it was last written to a non-terminal log. */
  loggedAt?: number;
}

export interface CaseActivity {
  caseId: string;
  startedAt: number;
  step?: string;
  waiting?: Wait;
}

const WAIT_NOTE = /^(waiting|observing|dialling)/;

export class Progress {
  private readonly running = new Map<string, CaseActivity>();
  private readonly durations: number[] = [];
  private total = 0;
  private lanes = 1;

  /** The number of cases the run will run and in how many lanes (for the estimate of time left). */
  plan(total: number, lanes: number): void {
    this.total = total;
    this.lanes = Math.max(1, lanes);
  }

  /** Follow a case's recorder until it ends; returns the function that ends it. */
  follow(caseId: string, recorder: Recorder, now: () => number = Date.now): () => void {
    const activity: CaseActivity = { caseId, startedAt: now() };
    this.running.set(caseId, activity);
    const off = recorder.subscribe((e) => {
      if (e.kind === 'step' && e.phase === 'start') {
        activity.step = `step ${e.step}: ${e.title}`;
        activity.waiting = undefined;
      } else if (e.kind === 'conditions') {
        activity.step = e.edge === 'start' ? `§1.3 ${e.phase}-conditions` : activity.step;
      } else if (e.kind === 'note' && (e.waitMs !== undefined || WAIT_NOTE.test(e.text))) {
        activity.waiting = { text: e.text, since: now(), ...(e.waitMs !== undefined ? { deadline: now() + e.waitMs } : {}) };
      } else if (e.kind === 'expect' && activity.waiting && activity.waiting.deadline === undefined) {
        // The expectation that follows its "waiting for X" note says how long the harness waits.
        const w = 'window' in e.expectation ? e.expectation.window : undefined;
        if (w?.maxMs !== undefined) activity.waiting.deadline = activity.waiting.since + w.maxMs + (w.graceMs ?? 0);
      } else if (e.kind === 'stimulus') {
        activity.waiting = e.outcome === 'pending' ? { text: `SUT control: ${e.action}`, since: now() } : undefined;
      }
    });
    return () => {
      off();
      this.running.delete(caseId);
      this.durations.push(now() - activity.startedAt);
    };
  }

  /** A case that did not run (not applicable before it started) still counts as done. */
  skipped(): void {
    this.durations.push(0);
  }

  /** "~2 min left" from the mean duration of the cases done so far, or '' before the first one. */
  timeLeft(): string {
    const done = this.durations.length;
    const ran = this.durations.filter((d) => d > 0);
    if (!ran.length || this.total <= done) return '';
    const mean = ran.reduce((a, b) => a + b, 0) / ran.length;
    const left = ((this.total - done) * mean * (ran.length / done)) / this.lanes;
    return `~${formatLeft(left)} left`;
  }

  /** "[12/174, ~2 min left]" */
  counter(): string {
    const left = this.timeLeft();
    return `[${this.durations.length}/${this.total}${left ? `, ${left}` : ''}]`;
  }

  /** One line per case running longer than `minMs`, with a countdown of its wait. */
  lines(minMs: number, now = Date.now()): string[] {
    return [...this.running.values()].filter((a) => now - a.startedAt >= minMs).map((a) => this.describe(a, now));
  }

  /**
   * For logs that are not a terminal: each wait once it has lasted `minWaitMs`, then again every
   * `repeatMs` while it lasts.
   */
  waitLines(minWaitMs: number, repeatMs: number, now = Date.now()): string[] {
    const out: string[] = [];
    for (const a of this.running.values()) {
      const w = a.waiting;
      if (!w || now - w.since < minWaitMs) continue;
      if (w.loggedAt !== undefined && now - w.loggedAt < repeatMs) continue;
      w.loggedAt = now;
      out.push(this.describe(a, now));
    }
    return out;
  }

  private describe(a: CaseActivity, now: number): string {
    const secs = Math.round((now - a.startedAt) / 1000);
    const w = a.waiting;
    let wait = '';
    if (w) {
      const left = w.deadline !== undefined ? Math.ceil((w.deadline - now) / 1000) : undefined;
      wait = ` — ${w.text}${left !== undefined && left > 0 ? ` (${left} s left)` : ''}`;
    }
    return `  … ${a.caseId} (${secs} s)${a.step ? ` ${a.step}` : ''}${wait}`;
  }
}

function formatLeft(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${Math.max(1, s)} s`;
  const m = Math.round(s / 60);
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`;
}
