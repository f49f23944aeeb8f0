import type { Snapshot } from '../engine/trace/snapshot';
import { buildSnapshot } from '../engine/trace/snapshot';
import { cloneSnapshot, snapshotBuffers, snapshotMessage } from './transfer';
import type { Position, RunOptions } from '../protocol/messages';
import { cancelledError, seekError, toScriptError } from './errors';
import { createProcess, type SimProcess } from './process';
import { eventRows } from './eventRows';
import { whence } from './whence';
import { Spares } from './spares';
import { Anchors } from './anchors';
import { pageReport } from './report';
import { RecordingLog } from './stopPoints';
import { Landings } from './landings';
import { HistoryWriter } from './historyWriter';
import { atStatementEnd, resolve, type Post, type RunState, type Snap } from './runState';
import { outputReader } from './written';
import { keepStep, newRun, runDone, statementDone } from './firstRun';
import { ownerAt } from './objectParts';

export type { Post, RunState, Snap } from './runState';

/** Wall-clock ms, comparable between the worker and the page (RunPhases). */
const wallClock = (): number => performance.timeOrigin + performance.now();

/**
 * The worker's whole job, free of worker globals so Node tests can drive it: run a script once
 * (recording events, the timeline and a checkpoint per statement), then answer "show me position
 * P" from a checkpoint or by re-running deterministically up to event P.
 */
export class Session {
  private run: RunState | null = null;
  private readonly spares: Spares;
  private readonly anchors: Anchors;

  private readonly viewsFirst: boolean;
  private readonly landings: Landings;
  private readonly history: HistoryWriter;

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
      /** Replays parked along the run for jumps, in the page's sessions (anchors.ts ANCHORS). */
      anchors?: number;
    } = {},
  ) {
    this.spares = new Spares(opts.schedule ?? null, opts.behind);
    this.viewsFirst = opts.viewsFirst ?? false;
    this.anchors = new Anchors(opts.schedule ?? null, opts.anchors);
    this.landings = new Landings(post, this.spares);
    this.history = new HistoryWriter(
      opts.schedule ?? null,
      this.viewsFirst,
      { every: opts.historyEvery, strict: opts.historyStrict ?? false, behind: opts.historyBehind },
      () => this.run,
      // the journal written: the idle time parks replays along the run (the page's sessions)
      (run) => {
        if (this.run === run) this.anchors.start(run);
      },
    );
  }

  /**
   * `history`: once the run has ended, its idle time writes the allocator layers' history (the
   * page's own run), so the first landing inside a statement — a timeline click, the first step in
   * the fine mode — draws its views from it instead of waiting for an interpreter replay.
   */
  start(runId: number, source: string, options: RunOptions, target: Position, history = false): void {
    const t0 = performance.now();
    const phases = { started: wallClock(), booted: 0, loaded: 0, ran: 0 };
    const log = new RecordingLog();
    let process: SimProcess;
    try {
      process = createProcess(source, options, log);
      phases.booted = wallClock();
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
    const run = newRun(runId, source, options, log, process);
    this.run = run;
    log.sampleNow();
    try {
      run.statements = process.load(source);
    } catch (e) {
      run.error = toScriptError(e, null, 1);
    }
    phases.loaded = wallClock();
    phases.ran = phases.loaded;
    this.post({ type: 'loaded', runId, statements: run.statements, environment: process.environment });
    run.loadEvents = log.length;
    log.stops.mark(log.length);
    keepStep(run, process, 0, this.landings.snapshotHere(run, process, 0, -1, log.length));
    const written = outputReader(process);
    written?.read();
    let finished = false;
    const finish = (): void => {
      finished = true;
      this.post(...runDone(run, process, t0, phases));
    };
    // The position asked for, when it is the last statement's end: its views are sent as soon as
    // they are built, with the run's figures, before the sentences (a share link to the final state).
    let sentEarly: Position | null = null;
    for (let i = 0; i < run.statements.length && !run.error; i++) {
      statement = i;
      if (options.stopBefore !== undefined && i >= options.stopBefore) {
        // Cancel: statement i was running when the user stopped the run; it does not run here
        run.error = cancelledError(i, run.statements[i].line);
        break;
      }
      try {
        process.runStatement(i);
      } catch (e) {
        run.error = toScriptError(e, i, run.statements[i].line);
      }
      statementDone(run, written);
      phases.ran = wallClock();
      const last = i === run.statements.length - 1 || run.error !== null;
      const early =
        last && this.viewsFirst
          ? (views: Snapshot): void => {
              finish();
              const want = resolve(run, target);
              if (want.fine || want.statement !== i + 1) return;
              this.spares.stop();
              sentEarly = { statement: want.statement, event: null };
              // a copy: the checkpoint keeps the views, the page gets their buffers
              this.postSnapshot(run, 0, sentEarly, cloneSnapshot(views), t0, true);
            }
          : null;
      keepStep(run, process, i + 1, this.landings.snapshotHere(run, process, i + 1, i, log.length, early));
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
    if (history && !run.historyStarted && this.run === run) this.history.start(run);
  }

  goto(runId: number, reqId: number, target: Position, snap: Snap = 'down'): void {
    const run = this.run;
    if (!run || run.runId !== runId) return;
    const want = resolve(run, target, snap);
    try {
      this.show(run, reqId, want);
      // a landing may have continued a parked replay: the idle time parks another
      this.anchors.kick();
    } catch (e) {
      // A bug of ours at one position: say so for that position; the run and its figures stand.
      this.post({ type: 'seekFailed', runId, reqId, error: seekError(e, run.statements, target, want) });
    }
  }

  private show(
    run: RunState,
    reqId: number,
    want: { statement: number; event: number; fine: boolean },
  ): void {
    const runId = run.runId;
    const t0 = performance.now();
    const atEnd = atStatementEnd(run, want);
    const position: Position = { statement: want.statement, event: want.fine ? want.event : null };
    // replays behind the position, for the fine mode's steps back (statement ends are checkpoints)
    if (want.fine) this.spares.plan(run, want.event);
    else this.spares.stop();
    // the fine mode entered: the layers' history is written from now on (the comparison's workers,
    // which show statement ends only, never write one)
    if (want.fine && !run.historyStarted) this.history.start(run);
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
      this.history.kick(run);
    }
    if (this.viewsFirst && !atEnd && run.history) {
      const layers = run.history.layersAt(want.event);
      if (layers) early(buildSnapshot(layers, want.statement, want.event, []));
      this.history.kick(run);
    }
    if (drawnFirst) {
      // the views went from the history: the replay writes the sentences only
      const explain = this.landings.sentencesAt(run, want.statement, want.event);
      this.post({ type: 'explained', runId, reqId, position, explain });
      return;
    }
    const snap = this.landings.snapshotAt(
      run,
      want.statement,
      want.event,
      atEnd,
      this.viewsFirst ? early : null,
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
    this.post(
      ...snapshotMessage(run.runId, reqId, position, snap, eventRows(run.log, snap.event), t0, explaining),
    );
  }

  /** One slice of the background work, for Node drivers without a scheduler (the bench): true while there is more. */
  background(): boolean {
    const run = this.run;
    if (run && this.history.step(run)) return true;
    return this.spares.step() || this.anchors.step();
  }

  /** Another position's snapshot, for "compare with step N" (the position on screen stays). */
  peek(runId: number, reqId: number, target: Position): void {
    const run = this.run;
    if (!run || run.runId !== runId) return;
    const want = resolve(run, target);
    const atEnd = atStatementEnd(run, want);
    const snap = this.landings.snapshotAt(run, want.statement, want.event, atEnd);
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
    const owner = live ? ownerAt(live, from) : null;
    this.post({ type: 'objects', runId, reqId, objects, owner });
  }

  /** A process standing at `target`: the last one that ran, or a fresh deterministic replay. */
  private liveAt(runId: number, target: Position): SimProcess | null {
    const run = this.run;
    if (!run || run.runId !== runId) return null;
    const want = resolve(run, target);
    const atEnd = atStatementEnd(run, want);
    if (!run.live || run.live.statement !== want.statement || run.live.event !== want.event)
      this.landings.standAt(run, want.statement, atEnd ? null : want.event);
    return run.live ? run.live.process : null;
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
}
