import { EventLimitReached } from '../engine/trace/eventLog';
import { EVENT_BYTES } from '../engine/python/runtime/hostmem';
import type { RunOptions } from '../protocol/messages';
import { createProcess, type SimProcess } from './process';
import { ReplayLog } from './replayLog';

/**
 * Events a landing's run may go on past its target looking for a place to pause (a RESUME or a
 * backward jump of the module's own loop) before it gives up and stops there for good: 2^16 events
 * are ~20 ms of replay. A statement that is one long C call (`del a` freeing a million lists) has
 * no such place inside it.
 */
const PAUSE_SLACK = 1 << 16;

/** Why a cursor's run ended: it stands paused (can go on), or stopped for good. */
export type CursorEnd = 'paused' | 'stopped';

/**
 * A replay of the run that can go on: a process that re-ran the script deterministically up to
 * some event and is paused there (Interpreter.pauseAt), so a landing further on costs only the
 * events in between, not a run from the start. It counts events and records none (ReplayLog).
 */
export class Cursor {
  readonly log = new ReplayLog();
  readonly process: SimProcess;
  /** Statements run to their end. */
  done = 0;
  /** Stopped for good (a stop at an exact event, an error): its state can be read, not continued. */
  dead = false;
  /** When a landing last used it (the pool evicts the least recently used). */
  used = 0;

  constructor(
    source: string,
    options: RunOptions,
    /** The statement the first run's error came from (its replay raises the same), or -1. */
    private readonly errorStatement: number,
    /** Called with the process made, before it loads the script (the journal writer attaches there). */
    made: ((process: SimProcess, log: ReplayLog) => void) | null = null,
  ) {
    this.process = createProcess(source, options, this.log);
    made?.(this.process, this.log);
    this.process.load(source);
  }

  get event(): number {
    return this.log.length;
  }

  /** JS memory its process holds (the budget's figure less the event log it counts but a replay does not keep). */
  get bytes(): number {
    return Math.max(0, this.process.hostBytes() - this.log.length * EVENT_BYTES);
  }

  /**
   * Run on until the first allocator call's end at or past `target` events and call `at` there (the
   * process exactly after that event), then on to the next pause. `stay`: stop for good at
   * `target` instead, so the process stands there (for reading objects and pools). False when the
   * run ended (its last statement, an error) before `target`.
   */
  runTo(
    target: number,
    statements: number,
    at: ((events: number, statement: number) => void) | null,
    stay = false,
  ): boolean {
    const log = this.log;
    const p = this.process;
    let reached = false;
    if (stay) log.limit = target;
    else {
      log.captureAt = target;
      log.onCapture = (n) => {
        reached = true;
        at?.(n, this.done);
        p.pauseAt(n);
        log.limit = n + PAUSE_SLACK;
      };
    }
    p.pauseAt(Infinity);
    try {
      while (this.done < statements) {
        if (p.runStatement(this.done)) this.done++;
        if (reached) break;
      }
    } catch (e) {
      this.dead = true;
      if (e instanceof EventLimitReached) return stay || reached;
      if (this.errorStatement !== this.done) throw e;
      // the statement that raised in the first run raised again: it ended there
      this.done++;
    } finally {
      log.captureAt = Infinity;
      log.onCapture = null;
      log.limit = Infinity;
      p.pauseAt(Infinity);
    }
    return reached;
  }

  /**
   * Run on without stopping anywhere in particular: pause at the first place the interpreter can
   * once `events` events happened (or at a statement's end past it, or the run's end). For
   * bringing a kept replay closer in the background, a slice at a time.
   */
  advance(events: number, statements: number): void {
    const p = this.process;
    try {
      while (this.done < statements && this.event < events) {
        p.pauseAt(events);
        if (!p.runStatement(this.done)) break;
        this.done++;
      }
    } catch (e) {
      this.dead = true;
      if (this.errorStatement !== this.done) throw e;
      this.done++;
    } finally {
      p.pauseAt(Infinity);
    }
  }

  /** Run statements to the end of statement k - 1 (k statements done). */
  runStatements(k: number): void {
    this.process.pauseAt(Infinity);
    try {
      while (this.done < k) if (this.process.runStatement(this.done)) this.done++;
    } catch (e) {
      this.dead = true;
      if (this.errorStatement !== this.done) throw e;
      this.done++;
    }
  }

  /** It can serve a landing at `target` events (strictly ahead of it: a paused state is past its last event's stop). */
  canReach(target: number): boolean {
    return !this.dead && this.event < target;
  }
}

export { PAUSE_SLACK };
