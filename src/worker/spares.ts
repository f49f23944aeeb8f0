import { completedAt } from '../protocol/statementCount';
import { Cursor } from './cursor';
import type { RunState } from './runState';
import { SliceLoop } from './sliceLoop';

/**
 * Paused replays kept at once. Each holds a whole simulated process (the seed's 10^6 lists: ~107 MB
 * by the budget's figures at the end of its first statement, 63 MB at 40% of the run): one ahead of
 * the position shown (a landing left it there), three behind it (brought there in the background)
 * serve stepping both ways, and three parked along the run (anchors.ts) serve jumps.
 */
export const MAX_CURSORS = 10;
/**
 * JS memory all kept replays of a worker may hold together (their budget's figures): the seed
 * (~107 MB a process at its first statement's end, less before) keeps the four near the position
 * shown and two or three parked along the run; a script of 3·10^6 lists (~400 MB) one or two. Past
 * it the least recently used go. Only the page's own worker keeps more than one: the comparison's
 * workers show statement ends (checkpoints) and build none.
 */
const CURSOR_BYTES = 768 * 1024 * 1024;

/**
 * Where the kept replays behind the position shown should stand, in events before it. A landing's
 * sentences need the interpreter standing at its event (the owners: a replay), then explainStep
 * (20–45 ms CPU at the seed's scale), so the replay must be short for the sentences to come within
 * 100 ms: a step back of up to 2^13 events (the page's ±1, ±1,000) replays at most 2^13 (~3 ms),
 * one of up to 2^17 (±100,000) at most ~31,000 from the next one (~10 ms; from 2^17 behind it was
 * up to 2^17 events, 40–130 ms at load). The farthest (2^20, ~0.3 s) serves a jump back, and
 * rebuilds a nearer one cheaply after a step used it (else that one replays from the script's start).
 */
export const BEHIND = [1 << 13, 1 << 17, 1 << 20];

/** Events a background slice runs before it lets the worker read its messages (~20 ms of replay). */
const SLICE = 1 << 16;

let uses = 0;

/** Mark a kept replay as used now (the pool evicts the least recently used). */
export function touch(c: Cursor): Cursor {
  c.used = ++uses;
  return c;
}

/** A fresh replay from the script's start, kept in the run's pool (evicting the least recently used). */
export function newCursor(run: RunState): Cursor {
  const c = touch(new Cursor(run.source, run.options, run.error?.statement ?? -1));
  run.cursors.push(c);
  fit(run, c);
  return c;
}

/**
 * Drop the least recently used kept replays (never `keep`) until the pool fits its count and
 * memory; how many went.
 */
export function fit(run: RunState, keep: Cursor): number {
  const before = run.cursors.length;
  let bytes = 0;
  for (const x of run.cursors) bytes += x.bytes;
  while (run.cursors.length > 1 && (run.cursors.length > MAX_CURSORS || bytes > CURSOR_BYTES)) {
    let lru: Cursor | null = null;
    for (const x of run.cursors) if (x !== keep && (!lru || x.used < lru.used)) lru = x;
    if (!lru) break;
    bytes -= lru.bytes;
    run.cursors = run.cursors.filter((x) => x !== lru);
  }
  return before - run.cursors.length;
}

/**
 * The background work between requests: after each landing, bring kept replays to stand BEHIND
 * the position shown, a slice at a time (a request that arrives meanwhile waits one slice at most).
 */
export class Spares {
  private run: RunState | null = null;
  private focus = 0;
  private readonly loop: SliceLoop;

  constructor(
    private readonly schedule: ((work: () => void) => void) | null,
    /** How far behind, nearest first (BEHIND; tests use shorter distances on smaller scripts). */
    private readonly behind: readonly number[] = BEHIND,
  ) {
    this.loop = new SliceLoop(
      this.schedule,
      () => this.step(),
      () => {
        this.run = null;
      },
    );
  }

  /** The page now shows event `focus` of `run`: plan the replays behind it. */
  plan(run: RunState, focus: number): void {
    if (run !== this.run) this.unpausable.clear();
    if (run !== this.run || focus !== this.focus) this.unreachable.clear();
    this.run = run;
    this.focus = focus;
    this.kick();
  }
  /** Goals a replay overshot (one long C call spans them: `del a`): not tried again for this focus. */
  private readonly unreachable = new Set<number>();
  /**
   * Statements a replay ran through without a place to pause where one was asked for (one long C
   * call): a replay meant to stand inside one waits at its start instead.
   */
  private readonly unpausable = new Set<number>();

  /** Nothing to prepare (the page shows statement ends, served from checkpoints). */
  stop(): void {
    this.run = null;
  }

  private kick(): void {
    this.loop.kick();
  }

  /** One slice of work; true while there is more. */
  step(): boolean {
    const run = this.run;
    if (!run) return false;
    const statements = run.statements.length;
    const floor = run.loadEvents;
    for (const back of this.behind) {
      let goal = this.focus - back;
      if (goal <= floor || this.unreachable.has(back)) continue;
      // inside a statement known to have no pause: its start (the end of the one before)
      const k = completedAt(run.statementEnd, goal);
      if (this.unpausable.has(k)) goal = k === 0 ? run.loadEvents : run.statementEnd[k - 1];
      if (goal <= floor) continue;
      // a replay already between this goal and the next one nearer
      const near = this.behind
        .filter((b) => b < back)
        .reduce((m, b) => Math.min(m, this.focus - b), this.focus);
      if (run.cursors.some((c) => !c.dead && c.event >= goal && c.event < near)) continue;
      let best: Cursor | null = null;
      for (const c of run.cursors) if (!c.dead && c.event < goal && (!best || c.event > best.event)) best = c;
      let c: Cursor | null = null;
      try {
        c = best ? touch(best) : newCursor(run);
      } catch {
        // the process could not be made (the first run's was): nothing to do in the background
        return false;
      }
      const from = c.event;
      try {
        c.advance(Math.min(goal, c.event + SLICE), statements);
      } catch {
        // an error the first run did not have: this replay is no use, landings will start afresh
        run.cursors = run.cursors.filter((x) => x !== c);
        return false;
      }
      // no room for this one beside the others: stop here (building it again would evict another)
      if (fit(run, c) > 0) return false;
      if (c.event >= near) {
        // it went past both goals in one go: the statement has no pause there
        if (this.unpausable.has(k)) this.unreachable.add(back);
        else this.unpausable.add(k);
      } else if (c.event === from || c.dead) return false;
      return this.run === run;
    }
    return false;
  }
}
