import type { Cursor } from './cursor';
import type { RunState } from './runState';
import { SliceLoop } from './sliceLoop';
import { fit, MAX_CURSORS, newCursor, touch } from './spares';

/**
 * Kept replays parked along the run, so a jump far from the position shown (a timeline click, a
 * share link opened at an event) continues the nearest one before it instead of re-running the
 * script from its start. The seed's jump to 40% replayed ~3.2 M events from the start for its
 * sentences (1–2.8 s CPU at load 20–29, perf-14 and perf-16's base): with no gap between kept
 * replays over 1/7 of the run (~1.1 M events, ~0.5 s of replay), a jump replays at most that.
 *
 * A process cannot be copied (453 closures made per process: perf-14), so each parked replay is a
 * replay of its own from the script's start, built in the idle time after the history's journal is
 * written (the first run is never slowed). A landing that continues one moves it: the next idle
 * time parks another. The pool's count and memory bound them (spares.ts fit; the seed's replays
 * hold 9 MB at 3% of the run, 40 MB at 25%, 107 MB at 75%): when building one would push another
 * replay out, none is built again for this run (a replay evicted to make room for one would be
 * rebuilt, evicting another: no end).
 */
export const ANCHORS = 6;

/** Events a slice runs before the worker reads its messages (~20 ms of replay, as spares.ts). */
const SLICE = 1 << 16;

export class Anchors {
  private run: RunState | null = null;
  private readonly loop: SliceLoop;
  /** The replay being brought to its place (a slice at a time), and the event it goes to. */
  private building: { cursor: Cursor; goal: number } | null = null;
  /** Spans a replay ran through without a pause (one long C call: `del a`): no goal inside them. */
  private unpausable: [number, number][] = [];
  /** The pool had no room for one more: no more built for this run. */
  private full = false;

  constructor(
    private readonly schedule: ((work: () => void) => void) | null,
    /** How many, evenly spaced (tests use 0 to leave the pool to the landings alone). */
    private readonly count: number = ANCHORS,
  ) {
    this.loop = new SliceLoop(
      this.schedule,
      () => this.step(),
      () => {
        this.run = null;
      },
    );
  }

  /** Park replays along `run` in the idle time from now on (the page's own run, once its history is written). */
  start(run: RunState): void {
    if (run !== this.run) {
      this.run = run;
      this.building = null;
      this.unpausable = [];
      this.full = false;
    }
    this.kick();
  }

  kick(): void {
    if (this.run) this.loop.kick();
  }

  /** One slice of work; true while there is more. Waits while the history's journal is being written. */
  step(): boolean {
    const run = this.run;
    if (!run || this.full || this.count === 0 || run.writer !== null) return false;
    const statements = run.statements.length;
    // the widest gap a jump may have to replay
    const gap = (run.log.length - run.loadEvents) / (this.count + 1);
    if (gap < SLICE) return false; // a short run: a replay from the start is already short
    if (this.building && (this.building.cursor.dead || !run.cursors.includes(this.building.cursor)))
      this.building = null;
    let job = this.building;
    if (!job) {
      const goal = this.nextGoal(run, gap);
      if (goal === null) return false;
      if (run.cursors.length >= MAX_CURSORS) {
        this.full = true;
        return false;
      }
      try {
        job = { cursor: newCursor(run), goal };
      } catch {
        return false;
      }
      this.building = job;
    }
    const c = touch(job.cursor);
    const goal = job.goal;
    try {
      c.advance(Math.min(goal, c.event + SLICE), statements);
    } catch {
      // an error the first run did not have: this replay is no use
      run.cursors = run.cursors.filter((x) => x !== c);
      this.building = null;
      return false;
    }
    if (fit(run, c) > 0) {
      // it pushed another replay out of the pool: none more for this run
      this.full = true;
      this.building = null;
      return false;
    }
    if (c.event >= goal || c.dead || c.done >= statements) {
      this.building = null;
      // it ran past its place without a pause there (a long C call): not tried again; one that
      // stands at the run's end serves no landing
      if (c.dead || c.event > goal + gap / 2) this.unpausable.push([goal, c.event]);
      if (c.dead || c.done >= statements) run.cursors = run.cursors.filter((x) => x !== c);
    }
    return this.run === run;
  }

  /**
   * Where the next parked replay goes: `gap` past the first kept replay (or the script's start)
   * that has no other within 1.5·gap after it (or before the run's end), unless a replay already
   * ran through that point without a pause; null when no gap is that wide.
   */
  private nextGoal(run: RunState, gap: number): number | null {
    const at = [run.loadEvents, ...run.cursors.filter((c) => !c.dead).map((c) => c.event)].sort(
      (x, y) => x - y,
    );
    const end = run.log.length;
    for (let i = 0; i < at.length; i++) {
      const next = i + 1 < at.length ? at[i + 1] : end;
      if (next - at[i] <= 1.5 * gap) continue;
      const goal = Math.round(at[i] + gap);
      if (this.unpausable.some(([from, to]) => goal >= from && goal < to)) continue;
      return goal;
    }
    return null;
  }
}
