import { EventLog } from '../engine/trace/eventLog';
import type { EventKind } from '../engine/trace/events';

/** Report a seek's progress every 2^17 events (≈ 20 ms of replay): a smooth bar at no cost. */
const PROGRESS_MASK = (1 << 17) - 1;

/**
 * The log of a replay (a seek re-running the script to a position): no timeline samples, since
 * the first pass drew the timeline, only the count, the stop at `limit` and progress reports.
 */
export class ReplayLog extends EventLog {
  onProgress: ((events: number) => void) | null = null;

  override record(kind: EventKind, addr: number, size: number, aux: number): void {
    super.record(kind, addr, size, aux);
    if ((this.length & PROGRESS_MASK) === 0 && this.onProgress) this.onProgress(this.length);
  }
}
