import { EventLog } from '../engine/trace/eventLog';
import type { EventKind } from '../engine/trace/events';
import type { LayerHistory } from './layerHistory';

/** Report a seek's progress every 2^17 events (≈ 20 ms of replay): a smooth bar at no cost. */
const PROGRESS_MASK = (1 << 17) - 1;

/**
 * The log of a replay (a landing re-running the script): it counts events and records none (the
 * first run's log has them all: 17 B an event written again for nothing cost a replay 30–40%).
 *
 * Landings take the state where the first run's replays used to stop: at the first allocator
 * call's end (where the interpreter checks `reachedLimit`) once `captureAt` events have happened.
 * There `onCapture` runs, with the process exactly after that event, and the run goes on: the
 * interpreter pauses at the next place it can (Interpreter.pauseAt) and a later landing continues
 * from there. `limit` still stops a run for good (EventLimitReached): a landing that must stand at
 * the event itself (pool and object queries), or a capture whose pause does not come soon.
 */
export class ReplayLog extends EventLog {
  onProgress: ((events: number) => void) | null = null;
  captureAt = Infinity;
  onCapture: ((events: number) => void) | null = null;

  constructor() {
    super(0);
  }

  /** The allocator layers' history this replay writes (the background's journal writer), or null. */
  history: LayerHistory | null = null;

  override record(_kind: EventKind, _addr: number, _size: number, _aux: number): void {
    if (this.history !== null) this.history.onExternalEvent();
    if ((++this.length & PROGRESS_MASK) === 0 && this.onProgress) this.onProgress(this.length);
  }

  override get reachedLimit(): boolean {
    if (this.history !== null) this.history.onCheck();
    if (this.length >= this.captureAt) {
      this.captureAt = Infinity;
      this.onCapture?.(this.length);
    }
    return this.length >= this.limit;
  }
}
