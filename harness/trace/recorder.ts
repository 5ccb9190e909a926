// Append-only trace of one case. Every layer records here first, then acts.
import type { TraceEvent, TraceEventInput } from './types.js';

export type TraceListener = (event: TraceEvent) => void;

export class Recorder {
  readonly events: TraceEvent[] = [];
  private readonly t0 = performance.now();
  private readonly listeners = new Set<TraceListener>();
  private frozen = false;
  // Formatting a wall-clock time costs more than the rest of recording: reuse it within a millisecond.
  private lastWallMs = -1;
  private lastWall = '';

  /** Milliseconds since the case started, monotonic (performance.now), microsecond resolution. */
  now(): number {
    return Math.round((performance.now() - this.t0) * 1000) / 1000;
  }

  private wall(): string {
    const ms = Date.now();
    if (ms !== this.lastWallMs) {
      this.lastWallMs = ms;
      this.lastWall = new Date(ms).toISOString();
    }
    return this.lastWall;
  }

  /**
   * Append an event. Takes ownership of `input` (callers pass a fresh literal): stamping it in place
   * is ~100× cheaper than an object spread, and recording sits on every frame's path.
   */
  record<E extends TraceEventInput>(input: E): TraceEvent {
    const event = input as unknown as TraceEvent;
    event.seq = this.events.length;
    event.t = this.now();
    event.wall = this.wall();
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
