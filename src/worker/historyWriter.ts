import { Cursor } from './cursor';
import { LayerHistory } from './layerHistory';
import type { RunState } from './runState';

/** Events the journal's writer replays in a background slice (~20 ms; a long C call runs through). */
const WRITER_SLICE = 1 << 16;

/** How the allocator layers' history is written (layerHistory.ts; tests use smaller figures). */
export interface HistoryOptions {
  /** Allocator calls between two copies of the layers. */
  every?: number;
  /** A layer method called from outside that is neither journaled nor a read throws (CallJournal). */
  strict?: boolean;
  /** Events behind the position shown the background leaves a copy (layerHistory.ts BEHIND). */
  behind?: number;
}

/**
 * The allocator layers' history of a run (session.ts's helper): started when the fine mode is
 * entered, written by a replay in the background, then its copies kept near the position shown.
 */
export class HistoryWriter {
  private scheduled = false;

  /** `current`: the session's run (background work of a run that is no longer it stops). */
  constructor(
    private readonly schedule: ((work: () => void) => void) | null,
    private readonly viewsFirst: boolean,
    private readonly opts: HistoryOptions,
    private readonly current: () => RunState | null,
    /** Called once a run's journal is written (its replay's idle time is free for other work). */
    private readonly written: ((run: RunState) => void) | null = null,
  ) {}

  /**
   * The allocator layers' history's background work (its copies along the run, one behind the
   * position shown), a slice a task, while the run is the session's.
   */
  kick(run: RunState): void {
    if (!this.schedule || this.scheduled || !run.history) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      if (this.current() !== run) return;
      if (this.step(run)) this.kick(run);
    });
  }

  /**
   * The history's journal is written by a replay of the script in the background, not by the first
   * run (writing it there cost the seed's first run ~1.2 s of its 3.7 s CPU). Only the page's
   * sessions (views first) use it.
   */
  start(run: RunState): void {
    run.historyStarted = true;
    if (!this.viewsFirst || run.statements.length === 0) return;
    try {
      run.writer = new Cursor(run.source, run.options, run.error?.statement ?? -1, (p, log) => {
        run.history = LayerHistory.attach(
          { kernel: p.kernel, libc: p.libc, pymalloc: p.arenas, clock: p.clock },
          log,
          this.opts.every,
          this.opts.strict,
          this.opts.behind,
        );
        log.history = run.history;
      });
    } catch {
      run.writer = null;
      run.history = null;
    }
    if (!run.history) run.writer = null;
    this.kick(run);
  }

  step(run: RunState): boolean {
    try {
      const w = run.writer;
      if (w && run.history) {
        w.advance(w.event + WRITER_SLICE, run.statements.length);
        if (w.done >= run.statements.length || w.dead) {
          run.history.written = true;
          w.log.history = null;
          run.writer = null;
          this.written?.(run);
        }
        return true;
      }
      return run.history?.step() ?? false;
    } catch {
      // never takes the worker down: landings go back to the replays alone
      run.history = null;
      run.writer = null;
      return false;
    }
  }
}
