import { TimelineLog } from './timelineLog';

/**
 * The event counts where a replay can stop. A replay stops when the interpreter, after an allocator
 * call it made, sees the log's limit reached (EventLog.reachedLimit); nested events (a malloc that
 * moves the break, a PyObject_Malloc that maps an arena) finish together. So "after event N" exists
 * only for some N: asked for another, a replay would stop later than asked, and stepping back by
 * one event would land on the same place again. The first pass notes every count at which the
 * limit was checked, one bit each (1 MB for 8 million events).
 */
export class StopPoints {
  private bits = new Uint8Array(1 << 16);
  private max = 0;

  mark(n: number): void {
    if (n >> 3 >= this.bits.length) {
      const b = new Uint8Array(Math.max(this.bits.length * 2, (n >> 3) + 1));
      b.set(this.bits);
      this.bits = b;
    }
    this.bits[n >> 3] |= 1 << (n & 7);
    if (n > this.max) this.max = n;
  }

  has(n: number): boolean {
    return n >= 0 && n >> 3 < this.bits.length && (this.bits[n >> 3] & (1 << (n & 7))) !== 0;
  }

  /** The last stop at or before n (at least `floor`, which must be a stop). */
  atOrBefore(n: number, floor: number): number {
    for (let i = Math.min(n, this.max); i > floor; i--) if (this.has(i)) return i;
    return floor;
  }

  /** The first stop at or after n (at most `ceiling`, which must be a stop). */
  atOrAfter(n: number, ceiling: number): number {
    for (let i = Math.max(0, n); i < ceiling; i++) if (this.has(i)) return i;
    return ceiling;
  }
}

/** The first pass's log: the timeline samples, plus the stop points. */
export class RecordingLog extends TimelineLog {
  readonly stops = new StopPoints();

  override get reachedLimit(): boolean {
    this.stops.mark(this.length);
    return super.reachedLimit;
  }
}
