// Append-only trace of one case. Every layer records here first, then acts.
// What a case keeps is bounded (limits.framesKeptInFull, limits.traceBytesKeptInFull): past the
// budget a frame is still recorded, in order, but as its first characters with length and SHA-256.
import { DEFAULT_LIMITS, type Limits } from '../config/limits.js';
import { cutFrame } from './truncate.js';
import type { FrameEvent, TraceEvent, TraceEventInput } from './types.js';

export type TraceBudget = Pick<Limits, 'framesKeptInFull' | 'traceBytesKeptInFull' | 'truncatedFrameChars'> & Partial<Pick<Limits, 'framesKept'>>;

export type TraceListener = (event: TraceEvent) => void;

export class Recorder {
  readonly events: TraceEvent[] = [];
  private readonly t0 = performance.now();
  private readonly listeners = new Set<TraceListener>();
  private frozen = false;
  // Formatting a wall-clock time costs more than the rest of recording: reuse it within a millisecond.
  private lastWallMs = -1;
  private lastWall = '';
  private framesInFull = 0;
  private charsInFull = 0;
  /** Frames this case kept truncated because its budget was spent (frames over frameBytes not counted). */
  truncatedFrames = 0;
  /** Frames this case did not keep at all (past limits.framesKept): counted only. */
  droppedFrames = 0;
  private framesSeen = 0;

  private nextSeq = 0;

  /**
   * `scratchEvents`: a recorder between cases keeps only its latest events (they are discarded anyway;
   * a SUT flooding the gap must not fill memory). A case's recorder keeps all (within the frame budget).
   */
  constructor(private readonly budget: TraceBudget = DEFAULT_LIMITS, private readonly scratchEvents?: number) {}

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
    if (!this.frozen && event.kind === 'frame' && !event.truncated) this.keepWithinBudget(event);
    event.seq = this.nextSeq++;
    event.t = this.now();
    event.wall = this.wall();
    if (this.frozen) return event; // after the case ended: nothing more belongs to it
    if (event.kind === 'frame' && ++this.framesSeen > (this.budget.framesKept ?? Infinity)) {
      // Past limits.framesKept: the live layers have the frame; the trace only counts it.
      if (this.droppedFrames++ === 0) {
        this.record({ kind: 'note', text: `from here on this case counts frames without keeping them: limits.framesKept = ${this.budget.framesKept} reached` });
      }
      return event;
    }
    this.events.push(event);
    if (this.scratchEvents !== undefined && this.events.length > 2 * this.scratchEvents) this.events.splice(0, this.events.length - this.scratchEvents);
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A listener's bug must never stop recording.
      }
    }
    return event;
  }

  /** A frame past the case's budget keeps only its start (the live layers already have all of it). */
  private keepWithinBudget(event: FrameEvent): void {
    // Characters, not bytes: measuring UTF-8 would cost a pass over every frame; close enough for a budget.
    const chars = event.raw.length;
    const limit = this.framesInFull >= this.budget.framesKeptInFull ? 'framesKeptInFull'
      : this.charsInFull + chars > this.budget.traceBytesKeptInFull ? 'traceBytesKeptInFull' : undefined;
    if (!limit) {
      this.framesInFull += 1;
      this.charsInFull += chars;
      return;
    }
    if (this.truncatedFrames === 0) {
      this.record({ kind: 'note', text: `from here on this case keeps frames truncated (first ${this.budget.truncatedFrameChars} characters, length and SHA-256) and does not judge them: limits.${limit} = ${this.budget[limit]} reached` });
    }
    this.truncatedFrames += 1;
    Object.assign(event, cutFrame(event.raw, event.binary === true, limit, this.budget.truncatedFrameChars));
  }

  subscribe(listener: TraceListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  freeze(): void {
    if (this.droppedFrames && !this.frozen) this.record({ kind: 'note', text: `${this.droppedFrames} frame(s) of this case were counted but not kept (limits.framesKept = ${this.budget.framesKept})` });
    this.frozen = true;
    this.listeners.clear();
  }
}

/**
 * Connections outlive cases (a real charger stays connected), so transport layers record through a
 * hub that always points at the current case's recorder. Between cases a scratch recorder takes
 * the events (heartbeats in the gap), and they are discarded.
 */
/** Events a between-cases recorder keeps (the latest ones). */
const SCRATCH_EVENTS = 1000;

export class TraceHub {
  private current: Recorder;

  constructor(private readonly budget: TraceBudget = DEFAULT_LIMITS) {
    this.current = new Recorder(budget, SCRATCH_EVENTS);
  }

  get recorder(): Recorder {
    return this.current;
  }

  beginCase(): Recorder {
    this.current = new Recorder(this.budget);
    return this.current;
  }

  endCase(): void {
    this.current.freeze();
    this.current = new Recorder(this.budget, SCRATCH_EVENTS);
  }

  record<E extends TraceEventInput>(input: E): TraceEvent {
    return this.current.record(input);
  }
}
