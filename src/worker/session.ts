import { explainStep, summarize, type EventWindow, type StepSummary } from '../engine/explain';
import { buildSnapshot, type Snapshot } from '../engine/trace/snapshot';
import { cloneArenas, cloneSnapshot, snapshotBuffers, snapshotBytes } from './transfer';
import type {
  FromWorker,
  OwnerText,
  Position,
  RunOptions,
  ScriptError,
  StderrWrite,
  StatementInfo,
} from '../protocol/messages';
import { Checkpoints } from './checkpoints';
import { completedAt } from '../protocol/statementCount';
import { toScriptError } from './errors';
import { createProcess, type SimProcess } from './process';
import { eventRows } from './eventRows';
import { whence } from './whence';
import { Cursor } from './cursor';
import { fit, newCursor, Spares, touch } from './spares';
import { pageReport, reportStep, type ReportStep } from './report';
import { RecordingLog } from './stopPoints';
import type { TimelineLog } from './timelineLog';
import type { GlobalBinding } from '../engine/python/owners';
import { LayerHistory } from './layerHistory';

/** Events the journal's writer replays in a background slice (~20 ms; a long C call runs through). */
const WRITER_SLICE = 1 << 16;

/** Which way an event that no replay can stop at moves: to the stop before it, or after it. */
export type Snap = 'down' | 'up';

export type Post = (msg: FromWorker, transfer?: Transferable[]) => void;

export interface RunState {
  runId: number;
  source: string;
  options: RunOptions;
  statements: StatementInfo[];
  /** statementEnd[k]: events when statement k finished; loadEvents before the first. */
  statementEnd: number[];
  loadEvents: number;
  summaries: StepSummary[];
  /** bindings[k]: the module's names after k statements (what statement k + 1 may unbind). */
  bindings: GlobalBinding[][];
  log: RecordingLog;
  process: SimProcess;
  checkpoints: Checkpoints;
  error: ScriptError | null;
  /** What print() wrote during each statement. */
  output: string[];
  /** What each statement wrote to sys.stderr, at its offset in the statement's output. */
  stderr: StderrWrite[][];
  /** The report's rows, one a step, from the first pass. */
  steps: ReportStep[];
  /** The last process that reached a position, and which (pool details are read from it). */
  live: { process: SimProcess; statement: number; event: number } | null;
  /** Replays paused where their last landing left them, to be continued by the next ones. */
  cursors: Cursor[];
  /** The allocator layers' history: a landing's views without the interpreter (null: not copyable). */
  history: LayerHistory | null;
  /** The replay that writes the history's journal in the background (null once it is written). */
  writer: Cursor | null;
  historyStarted: boolean;
}

/**
 * The worker's whole job, free of worker globals so Node tests can drive it: run a script once
 * (recording events, the timeline and a checkpoint per statement), then answer "show me position
 * P" from a checkpoint or by re-running deterministically up to event P.
 */
export class Session {
  private run: RunState | null = null;
  private readonly spares: Spares;

  private readonly viewsFirst: boolean;
  private readonly historyEvery: number | undefined;
  private readonly historyStrict: boolean;
  private readonly historyBehind: number | undefined;
  private readonly schedule: ((work: () => void) => void) | null;
  private historyScheduled = false;

  /**
   * `schedule`: runs a function later, after the messages waiting (the worker: setTimeout), for
   * the work done between requests (kept replays brought behind the position shown); without it
   * nothing runs in the background. `viewsFirst`: a landing's snapshot is sent before its
   * sentences are written, which follow in an `explained` message (the page); otherwise the
   * snapshot carries them.
   */
  constructor(
    private readonly post: Post,
    opts: {
      schedule?: (work: () => void) => void;
      viewsFirst?: boolean;
      behind?: readonly number[];
      /** Allocator calls between two copies of the layers (layerHistory.ts; tests use fewer). */
      historyEvery?: number;
      /** Tests: a layer method called from outside that is neither journaled nor a read throws (CallJournal). */
      historyStrict?: boolean;
      /** Events behind the position shown the background leaves a copy (layerHistory.ts BEHIND; tests use fewer). */
      historyBehind?: number;
    } = {},
  ) {
    this.historyEvery = opts.historyEvery;
    this.historyStrict = opts.historyStrict ?? false;
    this.historyBehind = opts.historyBehind;
    this.spares = new Spares(opts.schedule ?? null, opts.behind);
    this.schedule = opts.schedule ?? null;
    this.viewsFirst = opts.viewsFirst ?? false;
  }

  start(runId: number, source: string, options: RunOptions, target: Position): void {
    const t0 = performance.now();
    const log = new RecordingLog();
    let process: SimProcess;
    try {
      process = createProcess(source, options, log);
    } catch (e) {
      // The environment is refused (by the real process's rules or as not modelled): no run.
      this.run = null;
      this.post({ type: 'failed', runId, error: toScriptError(e, null, 1) });
      return;
    }
    log.kernel = process.kernel;
    log.libc = process.libc;
    let statement = 0;
    log.onProgress = (events) =>
      this.post({
        type: 'progress',
        runId,
        statement,
        statements: run.statements.length,
        events,
        seeking: false,
        target: null,
      });
    const run: RunState = {
      runId,
      source,
      options,
      statements: [],
      statementEnd: [],
      loadEvents: 0,
      summaries: [],
      bindings: [],
      log,
      process,
      checkpoints: new Checkpoints(),
      error: null,
      output: [],
      stderr: [],
      steps: [],
      live: null,
      cursors: [],
      history: null,
      writer: null,
      historyStarted: false,
    };
    this.run = run;
    log.sampleNow();
    try {
      run.statements = process.load(source);
    } catch (e) {
      run.error = toScriptError(e, null, 1);
    }
    this.post({ type: 'loaded', runId, statements: run.statements, environment: process.environment });
    run.loadEvents = log.length;
    log.stops.mark(log.length);
    run.summaries.push(summarize(process.kernel, process.libc));
    run.bindings.push(process.bindings());
    const first = this.snapshotHere(run, process, 0, -1, log.length);
    run.steps.push(reportStep(first, run.statements, ''));
    run.checkpoints.put(0, first);
    let printed = this.printed(process);
    let errWritten = this.errWritten(process).length;
    let finished = false;
    const finish = (): void => {
      finished = true;
      this.finishRun(run, process, t0);
    };
    // The position asked for, when it is the last statement's end: its views are sent as soon as
    // they are built, with the run's figures, before the sentences (a share link to the final state).
    let sentEarly: Position | null = null;
    for (let i = 0; i < run.statements.length && !run.error; i++) {
      statement = i;
      try {
        process.runStatement(i);
      } catch (e) {
        run.error = toScriptError(e, i, run.statements[i].line);
      }
      run.statementEnd.push(log.length);
      log.stops.mark(log.length);
      const now = this.printed(process);
      run.output.push(now.slice(printed.length));
      const errs = this.errWritten(process);
      run.stderr.push(statementWrites(errs.slice(errWritten), printed.length));
      errWritten = errs.length;
      printed = now;
      const last = i === run.statements.length - 1 || run.error !== null;
      const early =
        last && this.viewsFirst
          ? (views: Snapshot): void => {
              finish();
              const want = this.resolve(run, target);
              if (want.fine || want.statement !== i + 1) return;
              this.spares.stop();
              sentEarly = { statement: want.statement, event: null };
              // a copy: the checkpoint keeps the views, the page gets their buffers
              this.postSnapshot(run, 0, sentEarly, cloneSnapshot(views), t0, true);
            }
          : null;
      const snap = this.snapshotHere(run, process, i + 1, i, log.length, early);
      run.steps.push(reportStep(snap, run.statements, run.output[i]));
      run.summaries.push(summarize(process.kernel, process.libc));
      run.bindings.push(process.bindings());
      run.checkpoints.put(i + 1, snap);
      if (!finished)
        this.post({
          type: 'progress',
          runId,
          statement: i + 1,
          statements: run.statements.length,
          events: log.length,
          seeking: false,
          target: null,
        });
    }
    if (!finished) finish();
    if (sentEarly)
      this.post({
        type: 'explained',
        runId,
        reqId: 0,
        position: sentEarly,
        explain: run.checkpoints.get(run.statementEnd.length)!.explain,
      });
    else this.goto(runId, 0, target);
  }

  /** The run is over: its timeline, statement ends and output go to the page. */
  private finishRun(run: RunState, process: SimProcess, t0: number): void {
    const log = run.log;
    log.sampleNow();
    run.live = { process, statement: run.statementEnd.length, event: log.length };
    const timeline = log.timeline();
    const statementEnd = Float64Array.from(run.statementEnd);
    this.post(
      {
        type: 'runDone',
        runId: run.runId,
        timeline,
        statementEnd,
        loadEvents: run.loadEvents,
        totalEvents: log.length,
        error: run.error,
        output: run.output,
        stderr: run.stderr,
        durationMs: performance.now() - t0,
      },
      [
        timeline.event.buffer,
        timeline.rss.buffer,
        timeline.heap.buffer,
        timeline.mmap.buffer,
        timeline.arena.buffer,
        statementEnd.buffer,
      ],
    );
  }

  goto(runId: number, reqId: number, target: Position, snap: Snap = 'down'): void {
    const run = this.run;
    if (!run || run.runId !== runId) return;
    const want = this.resolve(run, target, snap);
    try {
      this.show(run, reqId, want);
    } catch (e) {
      // A bug of ours at one position: say so for that position; the run and its figures stand.
      const err = e as Error;
      // The statement shown ended (a statement position) or is under way (an event position).
      const idx = Math.max(
        0,
        Math.min(target.event === null ? want.statement - 1 : want.statement, run.statements.length - 1),
      );
      const line = run.statements[idx]?.line ?? 1;
      const where =
        target.event === null ? `step ${want.statement}` : `event ${want.event.toLocaleString('en-US')}`;
      this.post({
        type: 'seekFailed',
        runId,
        reqId,
        error: {
          kind: 'engine',
          pyType: 'InternalError',
          message: `internal error in Highwater while showing ${where} (line ${line}): ${err?.name ?? 'Error'}: ${err?.message ?? String(e)}`,
          line,
          col: null,
          statement: want.statement,
        },
      });
    }
  }

  private show(
    run: RunState,
    reqId: number,
    want: { statement: number; event: number; fine: boolean },
  ): void {
    const runId = run.runId;
    const t0 = performance.now();
    const atEnd =
      want.event === (want.statement === 0 ? run.loadEvents : run.statementEnd[want.statement - 1]);
    const position: Position = { statement: want.statement, event: want.fine ? want.event : null };
    // replays behind the position, for the fine mode's steps back (statement ends are checkpoints)
    if (want.fine) this.spares.plan(run, want.event);
    else this.spares.stop();
    // the fine mode entered: the layers' history is written from now on (the comparison's workers,
    // which show statement ends only, never write one)
    if (want.fine && !run.historyStarted) this.startHistory(run);
    // A landing's views go to the page as soon as they are built; its sentences follow (they
    // scan the statement's events and the objects: 100–300 ms at the seed's million lists).
    let drawnFirst = false;
    const early = (views: Snapshot): void => {
      drawnFirst = true;
      this.postSnapshot(run, reqId, position, views, t0, true);
    };
    // inside a statement: the views from the allocator layers' history (no interpreter), then the
    // sentences from a replay (they need the objects)
    // a statement's end shown in the fine mode (a checkpoint): the copies near it are brought there
    if (want.fine && atEnd && run.history) {
      run.history.plan(want.event);
      this.kickHistory(run);
    }
    if (this.viewsFirst && !atEnd && run.history) {
      const layers = run.history.layersAt(want.event);
      if (layers) early(buildSnapshot(layers, want.statement, want.event, []));
      this.kickHistory(run);
    }
    const snap = this.snapshotAt(
      run,
      want.statement,
      want.event,
      atEnd,
      this.viewsFirst && !drawnFirst ? early : null,
    );
    if (drawnFirst) this.post({ type: 'explained', runId, reqId, position, explain: snap.explain });
    else this.postSnapshot(run, reqId, position, snap, t0, false);
  }

  private postSnapshot(
    run: RunState,
    reqId: number,
    position: Position,
    snap: Snapshot,
    t0: number,
    explaining: boolean,
  ): void {
    const events = eventRows(run.log, snap.event);
    const bytes = snapshotBytes(snap);
    const ms = performance.now() - t0;
    const msg: FromWorker = {
      type: 'snapshot',
      runId: run.runId,
      reqId,
      position,
      // its own object: the sentences are written into `snap` after this is sent
      snapshot: explaining ? { ...snap, explain: [] } : snap,
      events,
      bytes,
      ms,
      explaining,
    };
    this.post(msg, [
      ...snapshotBuffers(snap),
      events.kind.buffer,
      events.addr.buffer,
      events.size.buffer,
      events.aux.buffer,
      events.chunk.buffer,
    ]);
  }

  /**
   * The allocator layers' history's background work (its copies along the run, one behind the
   * position shown), a slice a task, while the run is the session's.
   */
  private kickHistory(run: RunState): void {
    if (!this.schedule || this.historyScheduled || !run.history) return;
    this.historyScheduled = true;
    this.schedule(() => {
      this.historyScheduled = false;
      if (this.run !== run) return;
      if (this.historyStep(run)) this.kickHistory(run);
    });
  }

  /**
   * The history's journal is written by a replay of the script in the background, not by the first
   * run (writing it there cost the seed's first run ~1.2 s of its 3.7 s CPU). Only the page's
   * sessions (views first) use it.
   */
  private startHistory(run: RunState): void {
    run.historyStarted = true;
    if (!this.viewsFirst || run.statements.length === 0) return;
    try {
      run.writer = new Cursor(run.source, run.options, run.error?.statement ?? -1, (p, log) => {
        run.history = LayerHistory.attach(
          { kernel: p.kernel, libc: p.libc, pymalloc: p.arenas, clock: p.clock },
          log,
          this.historyEvery,
          this.historyStrict,
          this.historyBehind,
        );
        log.history = run.history;
      });
    } catch {
      run.writer = null;
      run.history = null;
    }
    if (!run.history) run.writer = null;
    this.kickHistory(run);
  }

  private historyStep(run: RunState): boolean {
    try {
      const w = run.writer;
      if (w && run.history) {
        w.advance(w.event + WRITER_SLICE, run.statements.length);
        if (w.done >= run.statements.length || w.dead) {
          run.history.written = true;
          w.log.history = null;
          run.writer = null;
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

  /** One slice of the background work, for Node drivers without a scheduler (the bench): true while there is more. */
  background(): boolean {
    const run = this.run;
    if (run && this.historyStep(run)) return true;
    return this.spares.step();
  }

  /** Another position's snapshot, for "compare with step N" (the position on screen stays). */
  peek(runId: number, reqId: number, target: Position): void {
    const run = this.run;
    if (!run || run.runId !== runId) return;
    const want = this.resolve(run, target);
    const atEnd =
      want.event === (want.statement === 0 ? run.loadEvents : run.statementEnd[want.statement - 1]);
    const snap = this.snapshotAt(run, want.statement, want.event, atEnd);
    const position: Position = { statement: want.statement, event: want.fine ? want.event : null };
    this.post({ type: 'peeked', runId, reqId, position, snapshot: snap }, snapshotBuffers(snap));
  }

  whence(runId: number, reqId: number, address: number, at: number): void {
    const run = this.run;
    if (!run || run.runId !== runId) return;
    this.post({
      type: 'whence',
      runId,
      reqId,
      whence: whence(run.log, run.statementEnd, run.loadEvents, address, at),
    });
  }

  pool(runId: number, reqId: number, address: number, target: Position): void {
    const live = this.liveAt(runId, target);
    const detail = live ? live.poolDetail(address) : null;
    this.post(
      { type: 'pool', runId, reqId, detail },
      detail ? [detail.states.buffer, detail.freeOrder.buffer] : [],
    );
  }

  /** The blocks of the C library's slab or page at `address` (jemalloc, mimalloc). */
  unit(runId: number, reqId: number, address: number, target: Position): void {
    const live = this.liveAt(runId, target);
    const detail = live ? live.unitDetail(address) : null;
    this.post(
      { type: 'unit', runId, reqId, detail },
      detail ? [detail.states.buffer, detail.freeOrder.buffer] : [],
    );
  }

  objects(runId: number, reqId: number, from: number, to: number, target: Position): void {
    const live = this.liveAt(runId, target);
    const objects = live ? live.objectsIn(from, to) : [];
    // The owner of the allocation at `from` (a block's pointer is its address, a chunk's is 16 above).
    let owner: OwnerText | null = null;
    if (live) {
      const answer = live.owners(null)({ pointers: [from, from + 16], arenas: [] });
      const o = answer.owners.get(from) ?? answer.owners.get(from + 16);
      if (o)
        owner = {
          what: o.what,
          note: o.note ?? null,
          kept: o.kept ?? null,
          holders: o.holders.map((h) => (h.role === 'name' ? `the name ${h.text}` : h.text)),
        };
    }
    this.post({ type: 'objects', runId, reqId, objects, owner });
  }

  /** A process standing at `target`: the last one that ran, or a fresh deterministic replay. */
  private liveAt(runId: number, target: Position): SimProcess | null {
    const run = this.run;
    if (!run || run.runId !== runId) return null;
    const want = this.resolve(run, target);
    const atEnd =
      want.event === (want.statement === 0 ? run.loadEvents : run.statementEnd[want.statement - 1]);
    if (!run.live || run.live.statement !== want.statement || run.live.event !== want.event)
      this.standAt(run, want.statement, atEnd ? null : want.event);
    return run.live ? run.live.process : null;
  }

  /**
   * The statement count and event count a position stands for. An event inside a statement moves
   * to a place a replay can stop at (stopPoints.ts): the one before it, or after it for `up`.
   */
  private resolve(
    run: RunState,
    target: Position,
    snap: Snap = 'down',
  ): { statement: number; event: number; fine: boolean } {
    const n = run.statementEnd.length;
    if (target.event === null || target.event >= run.log.length) {
      const k = Math.max(0, Math.min(target.statement, n));
      return {
        statement: k,
        event: k === 0 ? run.loadEvents : run.statementEnd[k - 1],
        fine: target.event !== null,
      };
    }
    const e = Math.max(run.loadEvents, target.event);
    const total = run.log.length;
    const s = snap === 'up' ? run.log.stops.atOrAfter(e, total) : run.log.stops.atOrBefore(e, run.loadEvents);
    return { statement: completedAt(run.statementEnd, s), event: s, fine: true };
  }

  report(runId: number, reqId: number, link: string): void {
    const run = this.run;
    if (!run || run.runId !== runId) return;
    const json = pageReport({
      link,
      script: run.source,
      options: run.options,
      statements: run.statementEnd.length,
      totalEvents: run.log.length,
      error: run.error,
      steps: run.steps,
    });
    this.post({ type: 'report', runId, reqId, json });
  }

  /** What went to sys.stderr so far, each at the stdout length before it. */
  private errWritten(p: SimProcess): StderrWrite[] {
    return (p as SimProcess & { errOutput?: () => StderrWrite[] }).errOutput?.() ?? [];
  }

  /** What print() wrote so far (the interpreter's buffer, when the process has one). */
  private printed(p: SimProcess): string {
    return (p as SimProcess & { output?: () => string }).output?.() ?? '';
  }

  /**
   * The snapshot at a position: a statement end from its checkpoint, else a landing. A landing
   * continues the paused replay that stands closest before it (Cursor), or a fresh one: the
   * snapshot is taken at the event, the replay goes on to its next pause and is kept for the next
   * landing. The run is deterministic, so every landing is the state the first run had there.
   */
  private snapshotAt(
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
    let snap: Snapshot | null = null;
    const reached = c.runTo(event, run.statements.length, (n, running) => {
      snap = this.snapshotHere(run, c.process, running, running, n, early);
    });
    if (!reached || snap === null)
      throw new Error(`the replay ended at event ${c.event} before event ${event}`);
    if (c.dead) this.drop(run, c);
    else fit(run, c);
    return snap;
  }

  /** Leave a process standing exactly at a position (stopped for good there): pools and objects are read from it. */
  private standAt(run: RunState, statement: number, event: number | null): void {
    const target = event ?? (statement === 0 ? run.loadEvents : run.statementEnd[statement - 1]);
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
   * start state the sentences compare against; -1 at the start.
   */
  private snapshotHere(
    run: RunState,
    p: SimProcess,
    statement: number,
    step: number,
    at: number,
    early: ((views: Snapshot) => void) | null = null,
  ): Snapshot {
    // the events of the statement shown, up to this point (the first run's log has them)
    let events: EventWindow | null = null;
    if (step >= 0 && step < run.statements.length) {
      const from = step === 0 ? run.loadEvents : run.statementEnd[step - 1];
      if (from !== undefined) events = this.window(run.log, from, at);
    }
    const snap = buildSnapshot({ kernel: p.kernel, libc: p.libc, pymalloc: p.arenas }, statement, at, []);
    // `early` sends the views (their buffers transferred): explain reads its own copy of the arenas
    const arenas = early && snap.arenas ? cloneArenas(snap.arenas) : snap.arenas;
    early?.(snap);
    const before: StepSummary | null = step >= 0 ? (run.summaries[step] ?? null) : null;
    const owners = p.owners(step >= 0 ? (run.bindings[step] ?? null) : null);
    snap.explain = explainStep({
      kernel: p.kernel,
      libc: p.libc,
      arenas,
      before,
      events,
      owners,
    });
    return snap;
  }

  private window(log: TimelineLog, from: number, to: number): EventWindow {
    return { kind: log.kind, addr: log.addr, size: log.size, aux: log.aux, from, to };
  }
}

/**
 * A statement's stderr writes at offsets into its own stdout text; print() writes its items and
 * its end one by one, so writes with no stdout between them are joined.
 */
function statementWrites(writes: readonly StderrWrite[], before: number): StderrWrite[] {
  const out: StderrWrite[] = [];
  for (const w of writes) {
    const at = w.at - before;
    const last = out[out.length - 1];
    if (last !== undefined && last.at === at) last.text += w.text;
    else out.push({ at, text: w.text });
  }
  return out;
}
