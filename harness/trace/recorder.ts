// Append-only trace of one case. Every layer records here first, then acts.
import type { TraceEvent, TraceEventInput } from './types.js';

export type TraceListener = (event: TraceEvent) => void;

export class Recorder {
  readonly events: TraceEvent[] = [];
  private readonly t0 = process.hrtime.bigint();
  private readonly listeners = new Set<TraceListener>();
  private frozen = false;

  /** Milliseconds since the case started, monotonic, 0.001 ms resolution. */
  now(): number {
    return Number((process.hrtime.bigint() - this.t0) / 1000n) / 1000;
  }

  record<E extends TraceEventInput>(input: E): TraceEvent {
    const event = { ...input, seq: this.events.length, t: this.now(), wall: new Date().toISOString() } as TraceEvent;
    if (this.frozen) return event; // after the case ended: nothing more belongs to it
    this.events.push(event);
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A listener's bug must never stop recording.
      }
    }
    return event;
  }

  subscribe(listener: TraceListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  freeze(): void {
    this.frozen = true;
    this.listeners.clear();
  }
}

/**
 * Connections outlive cases (a real charger stays connected), so transport layers record through a
 * hub that always points at the current case's recorder. Between cases a scratch recorder takes
 * the events (heartbeats in the gap), and they are discarded.
 */
export class TraceHub {
  private current = new Recorder();

  get recorder(): Recorder {
    return this.current;
  }

  beginCase(): Recorder {
    this.current = new Recorder();
    return this.current;
  }

  endCase(): void {
    this.current.freeze();
    this.current = new Recorder();
  }

  record<E extends TraceEventInput>(input: E): TraceEvent {
    return this.current.record(input);
  }
}
