import { explainStep, summarize, type EventWindow, type StepSummary } from '../engine/explain';
import { EventLimitReached } from '../engine/trace/eventLog';
import { buildSnapshot, type Snapshot } from '../engine/trace/snapshot';
import { cloneSnapshot, snapshotBuffers, snapshotBytes } from './transfer';
import type {
  EventRows,
  FromWorker,
  Position,
  RunOptions,
  ScriptError,
  StatementInfo,
} from '../protocol/messages';
import { Checkpoints } from './checkpoints';
import { completedAt } from '../protocol/statementCount';
import { toScriptError } from './errors';
import { createProcess, type SimProcess } from './process';
import { TimelineLog } from './timelineLog';
import type { GlobalBinding } from '../engine/python/owners';

export type Post = (msg: FromWorker, transfer?: Transferable[]) => void;

/** Events listed around the playhead in the fine mode. */
const EVENT_ROWS = 256;

interface RunState {
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
  log: TimelineLog;
  process: SimProcess;
  checkpoints: Checkpoints;
  error: ScriptError | null;
  /** The last process that reached a position, and which (pool details are read from it). */
  live: { process: SimProcess; statement: number; event: number } | null;
}

/**
 * The worker's whole job, free of worker globals so Node tests can drive it: run a script once
 * (recording events, the timeline and a checkpoint per statement), then answer "show me position
 * P" from a checkpoint or by re-running deterministically up to event P.
 */
export class Session {
  private run: RunState | null = null;

  constructor(private readonly post: Post) {}

  start(runId: number, source: string, options: RunOptions, target: Position): void {
    const t0 = performance.now();
    const log = new TimelineLog();
    const process = createProcess(source, options, log);
    log.kernel = process.kernel;
    log.libc = process.libc;
    let statement = 0;
    log.onProgress = (events) => this.post({ type: 'progress', runId, statement, events, seeking: false });
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
      live: null,
    };
    this.run = run;
    log.sampleNow();
    try {
      run.statements = process.load(source);
    } catch (e) {
      run.error = toScriptError(e, null, 1);
    }
    this.post({ type: 'loaded', runId, statements: run.statements });
    run.loadEvents = log.length;
    run.summaries.push(summarize(process.kernel, process.libc));
    run.bindings.push(process.bindings());
    run.checkpoints.put(0, this.snapshotHere(run, process, 0, -1, null));
    for (let i = 0; i < run.statements.length && !run.error; i++) {
      statement = i;
      const from = log.length;
      try {
        process.runStatement(i);
      } catch (e) {
        run.error = toScriptError(e, i, run.statements[i].line);
      }
      run.statementEnd.push(log.length);
      const snap = this.snapshotHere(run, process, i + 1, i, this.window(log, from, log.length));
      run.summaries.push(summarize(process.kernel, process.libc));
      run.bindings.push(process.bindings());
      run.checkpoints.put(i + 1, snap);
      this.post({ type: 'progress', runId, statement: i + 1, events: log.length, seeking: false });
    }
    log.sampleNow();
    run.live = { process, statement: run.statementEnd.length, event: log.length };
    const timeline = log.timeline();
    const statementEnd = Float64Array.from(run.statementEnd);
    this.post(
      {
        type: 'runDone',
        runId,
        timeline,
        statementEnd,
        loadEvents: run.loadEvents,
        totalEvents: log.length,
        error: run.error,
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
    this.goto(runId, 0, target);
  }

  goto(runId: number, reqId: number, target: Position): void {
    const run = this.run;
    if (!run || run.runId !== runId) return;
    const t0 = performance.now();
    const want = this.resolve(run, target);
    const atEnd =
      want.event === (want.statement === 0 ? run.loadEvents : run.statementEnd[want.statement - 1]);
    let snap: Snapshot;
    if (atEnd)
      snap = cloneSnapshot(run.checkpoints.get(want.statement) ?? this.replay(run, want.statement, null));
    else snap = this.replay(run, -1, want.event);
    const events = this.rows(run.log, snap.event);
    const bytes = snapshotBytes(snap);
    this.post({ type: 'snapshot', runId, reqId, snapshot: snap, events, bytes, ms: performance.now() - t0 }, [
      ...snapshotBuffers(snap),
      events.kind.buffer,
      events.addr.buffer,
      events.size.buffer,
      events.aux.buffer,
    ]);
  }

  pool(runId: number, reqId: number, address: number, target: Position): void {
    const live = this.liveAt(runId, target);
    const detail = live ? live.poolDetail(address) : null;
    this.post(
      { type: 'pool', runId, reqId, detail },
      detail ? [detail.states.buffer, detail.freeOrder.buffer] : [],
    );
  }

  objects(runId: number, reqId: number, from: number, to: number, target: Position): void {
    const live = this.liveAt(runId, target);
    this.post({ type: 'objects', runId, reqId, objects: live ? live.objectsIn(from, to) : [] });
  }

  /** A process standing at `target`: the last one that ran, or a fresh deterministic replay. */
  private liveAt(runId: number, target: Position): SimProcess | null {
    const run = this.run;
    if (!run || run.runId !== runId) return null;
    const want = this.resolve(run, target);
    const atEnd =
      want.event === (want.statement === 0 ? run.loadEvents : run.statementEnd[want.statement - 1]);
    if (!run.live || run.live.statement !== want.statement || run.live.event !== want.event)
      this.replay(run, want.statement, atEnd ? null : want.event);
    return run.live ? run.live.process : null;
  }

  /** The statement count and event count a position stands for. */
  private resolve(run: RunState, target: Position): { statement: number; event: number } {
    if (target.event === null || target.event >= run.log.length) {
      const k = Math.max(0, Math.min(target.statement, run.statementEnd.length));
      return { statement: k, event: k === 0 ? run.loadEvents : run.statementEnd[k - 1] };
    }
    const e = Math.max(run.loadEvents, target.event);
    return { statement: completedAt(run.statementEnd, e), event: e };
  }

  report(runId: number, reqId: number): void {
    const run = this.run;
    if (!run || run.runId !== runId) return;
    this.post({ type: 'report', runId, reqId, json: run.process.report() });
  }

  /**
   * Re-run the script in a fresh process: to the end of statement `k`, or to exactly `event`
   * events (the run is deterministic, so the state equals the first run's at that point).
   */
  private replay(run: RunState, k: number, event: number | null): Snapshot {
    const log = new TimelineLog();
    log.sampling = false;
    if (event !== null) log.limit = event;
    const p = createProcess(run.source, run.options, log);
    p.load(run.source);
    let done = 0;
    const last = event === null ? k : run.statements.length;
    try {
      for (; done < last; done++) {
        p.runStatement(done);
        if (done + 1 < last)
          this.post({
            type: 'progress',
            runId: run.runId,
            statement: done + 1,
            events: log.length,
            seeking: true,
          });
      }
    } catch (e) {
      if (!(e instanceof EventLimitReached) && done < run.statements.length && event === null) throw e;
    }
    run.live = { process: p, statement: done, event: log.length };
    // The statement this position ends (at a statement end) or stands inside (the fine mode).
    const step = event === null ? done - 1 : done;
    if (step < 0) return this.snapshotHere(run, p, done, -1, null);
    const from = step === 0 ? run.loadEvents : run.statementEnd[step - 1];
    return this.snapshotHere(run, p, done, step, this.window(run.log, from, log.length));
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
    events: EventWindow | null,
  ): Snapshot {
    const snap = buildSnapshot(
      { kernel: p.kernel, libc: p.libc, pymalloc: p.arenas },
      statement,
      p === run.process ? run.log.length : events ? events.to : 0,
      [],
    );
    const before: StepSummary | null = step >= 0 ? (run.summaries[step] ?? null) : null;
    const owners = p.owners(step >= 0 ? (run.bindings[step] ?? null) : null);
    snap.explain = explainStep({
      kernel: p.kernel,
      libc: p.libc,
      arenas: snap.arenas,
      before,
      events,
      owners,
    });
    return snap;
  }

  private window(log: TimelineLog, from: number, to: number): EventWindow {
    return { kind: log.kind, addr: log.addr, size: log.size, aux: log.aux, from, to };
  }

  private rows(log: TimelineLog, at: number): EventRows {
    const from = Math.max(0, at - EVENT_ROWS / 2);
    const to = Math.min(log.length, from + EVENT_ROWS);
    return {
      from,
      kind: log.kind.slice(from, to),
      addr: log.addr.slice(from, to),
      size: log.size.slice(from, to),
      aux: log.aux.slice(from, to),
    };
  }
}
