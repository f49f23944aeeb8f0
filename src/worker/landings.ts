import { explainStep, type EventWindow, type StepSummary } from '../engine/explain';
import { buildSnapshot, type ArenaColumns, type Snapshot } from '../engine/trace/snapshot';
import type { Sentence } from '../engine/explain/types';
import type { Cursor } from './cursor';
import type { SimProcess } from './process';
import { endOf, type Post, type RunState } from './runState';
import { fit, newCursor, type Spares, touch } from './spares';
import type { TimelineLog } from './timelineLog';
import { cloneArenas, cloneSnapshot } from './transfer';

/**
 * Snapshots at positions (session.ts's helper): a statement end from its checkpoint, an event
 * inside a statement from a replay that stands before it (cursor.ts), and the snapshot of a
 * process with its sentences.
 */
export class Landings {
  constructor(
    private readonly post: Post,
    private readonly spares: Spares,
  ) {}

  /**
   * The snapshot at a position: a statement end from its checkpoint, else a landing. A landing
   * continues the paused replay that stands closest before it (Cursor), or a fresh one: the
   * snapshot is taken at the event, the replay goes on to its next pause and is kept for the next
   * landing. The run is deterministic, so every landing is the state the first run had there.
   */
  snapshotAt(
    run: RunState,
    statement: number,
    event: number,
    atEnd: boolean,
    early: ((views: Snapshot) => void) | null = null,
  ): Snapshot {
    if (atEnd) {
      const kept = run.checkpoints.get(statement);
      if (kept) return cloneSnapshot(kept);
      const c = this.cursorFor(run, event, statement);
      this.seeking(run, c, event);
      c.runStatements(statement);
      run.live = { process: c.process, statement, event: c.event };
      const snap = this.snapshotHere(run, c.process, statement, statement - 1, c.event);
      run.checkpoints.put(statement, cloneSnapshot(snap));
      return snap;
    }
    const c = this.cursorFor(run, event, statement);
    this.seeking(run, c, event);
    // the views need the replay; the sentences may have been written here before
    const said = run.sentences.get(statement, event);
    let snap: Snapshot | null = null;
    const reached = c.runTo(event, run.statements.length, (n, running) => {
      snap = this.snapshotHere(run, c.process, running, running, n, early, said);
    });
    if (!reached || snap === null)
      throw new Error(`the replay ended at event ${c.event} before event ${event}`);
    if (c.dead) this.drop(run, c);
    else fit(run, c);
    run.sentences.put(statement, event, (snap as Snapshot).explain);
    return snap;
  }

  /**
   * A landing's sentences alone, for views already sent from the layers' history (session.ts): the
   * replay's capture writes them without building the views a second time (the heap's columns of a
   * million chunks: ~55 ms of a seed landing's CPU).
   */
  sentencesAt(run: RunState, statement: number, event: number): Sentence[] {
    const kept = run.sentences.get(statement, event);
    if (kept) return kept;
    const c = this.cursorFor(run, event, statement);
    this.seeking(run, c, event);
    let said: Sentence[] | null = null;
    const reached = c.runTo(event, run.statements.length, (n, running) => {
      const arenas = c.process.arenas ? c.process.arenas.arenaColumns() : null;
      said = this.sentencesHere(run, c.process, running, n, arenas);
    });
    if (!reached || said === null)
      throw new Error(`the replay ended at event ${c.event} before event ${event}`);
    if (c.dead) this.drop(run, c);
    else fit(run, c);
    run.sentences.put(statement, event, said);
    return said;
  }

  /** Leave a process standing exactly at a position (stopped for good there): pools and objects are read from it. */
  standAt(run: RunState, statement: number, event: number | null): void {
    const target = event ?? endOf(run, statement);
    const c = this.cursorFor(run, target, statement);
    this.seeking(run, c, target);
    if (event === null) c.runStatements(statement);
    else {
      c.runTo(event, run.statements.length, null, true);
      // it stands at the event for good: no longer a cursor (the background brings another behind)
      this.drop(run, c);
      this.spares.plan(run, event);
    }
    run.live = { process: c.process, statement: event === null ? statement : c.done, event: c.event };
  }

  /**
   * The kept replay that stands closest before `target` (events; inside or at the end of statement
   * `statement`), or a fresh one: only one that has not passed the target can get there.
   */
  private cursorFor(run: RunState, target: number, statement: number): Cursor {
    let best: Cursor | null = null;
    for (const c of run.cursors)
      if (c.canReach(target) && c.done <= statement && (!best || c.event > best.event)) best = c;
    return best ? touch(best) : newCursor(run);
  }

  private drop(run: RunState, c: Cursor): void {
    run.cursors = run.cursors.filter((x) => x !== c);
  }

  /** Progress reports while a replay runs towards `target`. */
  private seeking(run: RunState, c: Cursor, target: number): void {
    c.log.onProgress = (events) =>
      this.post({
        type: 'progress',
        runId: run.runId,
        statement: c.done,
        statements: run.statements.length,
        events,
        seeking: true,
        target,
      });
  }

  /**
   * The snapshot of `p` with its explanation. `step` is the statement just run (or being run), whose
   * start state the sentences compare against; -1 at the start. `said`: the sentences, when
   * already written at this position (SentenceCache).
   */
  snapshotHere(
    run: RunState,
    p: SimProcess,
    statement: number,
    step: number,
    at: number,
    early: ((views: Snapshot) => void) | null = null,
    said: Sentence[] | null = null,
  ): Snapshot {
    const snap = buildSnapshot({ kernel: p.kernel, libc: p.libc, pymalloc: p.arenas }, statement, at, []);
    // `early` sends the views (their buffers transferred): explain reads its own copy of the arenas
    const arenas = !said && early && snap.arenas ? cloneArenas(snap.arenas) : snap.arenas;
    early?.(snap);
    snap.explain = said ?? this.sentencesHere(run, p, step, at, arenas);
    return snap;
  }

  /** The sentences of `p` standing at event `at`, `step` the statement just run (or being run); -1 at the start. */
  private sentencesHere(
    run: RunState,
    p: SimProcess,
    step: number,
    at: number,
    arenas: ArenaColumns | null,
  ): Sentence[] {
    // the events of the statement shown, up to this point (the first run's log has them)
    let events: EventWindow | null = null;
    if (step >= 0 && step < run.statements.length) {
      const from = step === 0 ? run.loadEvents : run.statementEnd[step - 1];
      if (from !== undefined) events = this.window(run.log, from, at);
    }
    const before: StepSummary | null = step >= 0 ? (run.summaries[step] ?? null) : null;
    const owners = p.owners(step >= 0 ? (run.bindings[step] ?? null) : null);
    return explainStep({
      kernel: p.kernel,
      libc: p.libc,
      arenas,
      before,
      events,
      owners,
    });
  }

  private window(log: TimelineLog, from: number, to: number): EventWindow {
    return { kind: log.kind, addr: log.addr, size: log.size, aux: log.aux, from, to };
  }
}
