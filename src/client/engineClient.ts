import {
  PROTOCOL_VERSION,
  assertNever,
  type FromWorker,
  type ObjectInfo,
  type OwnerText,
  type PoolDetail,
  type Position,
  type RunOptions,
  type ToWorker,
  type Whence,
} from '../protocol/messages';
import type { LibcUnitDetail } from '../engine/libc/section';
import type { Snapshot } from '../engine/trace/snapshot';
import { expectedEvents, rememberRun } from './expectations';
import { EMPTY_RUN, useRun, type RunStore } from './runStore';
import { newWorker } from './earlyWorker';
import { markAsked, measureAnswered, measureRunPhases } from './marks';

type Snap = 'down' | 'up';

const samePosition = (a: Position | null, b: Position | null): boolean =>
  a !== null && b !== null && a.statement === b.statement && a.event === b.event;

interface RunArgs {
  runKey: string;
  source: string;
  options: RunOptions;
  target: Position;
}

/**
 * The page's side of the worker. One run at a time (a new run or Cancel terminates the worker: the
 * engine runs synchronously, so termination is the only way to stop it mid-statement). Position
 * requests are coalesced: while one is computed, only the newest waiting one is kept, and a request
 * for the position already being computed drops the waiting one (the last key press wins).
 */
export class EngineClient {
  private worker: Worker | null = null;
  /** A worker started before it was needed (warm), taken by the next message. */
  private spare: Worker | null = null;
  private runId = 0;
  private reqId = 0;
  private inFlight: { reqId: number; target: Position } | null = null;
  private pending: { target: Position; snap: Snap } | null = null;
  private last: RunArgs | null = null;
  /** The questions not yet answered, by request id: what was asked (its message type) and who waits. */
  private replies = new Map<number, { asked: string; answer: (msg: FromWorker) => void }>();
  private listeners = new Set<() => void>();

  constructor(
    private readonly makeWorker: () => Worker,
    /** Where the results go: the page's run, or one environment's run in the comparison. */
    readonly store: RunStore = useRun,
    /**
     * The worker writes the allocator layers' history once a run has ended (the page's run: its
     * landings inside statements then draw from it); the comparison's columns show statement ends only.
     */
    private readonly history = false,
  ) {}

  /** A run, a landing or its sentences under way (a position is still coming). */
  get positioning(): boolean {
    const st = this.store.getState();
    return st.status !== 'idle' || st.explaining || this.inFlight !== null || this.pending !== null;
  }

  /** Busy while a position is coming or a question (a pool, a unit, a report, a peek) is unanswered. */
  get busy(): boolean {
    return this.positioning || this.replies.size > 0;
  }

  /** The questions to the worker not yet answered (their message types), for the idle handle. */
  get questions(): string[] {
    return [...this.replies.values()].map((r) => r.asked);
  }

  /** The newest position asked for: the one waiting, else the one being computed, else the one shown. */
  get requested(): Position | null {
    return this.pending?.target ?? this.inFlight?.target ?? this.store.getState().shown;
  }

  /** Called whenever work finishes (the idle signal listens). */
  onSettled(f: () => void): () => void {
    this.listeners.add(f);
    return () => this.listeners.delete(f);
  }

  /**
   * Start a worker before the first run is asked for (the page calls this before React mounts): its
   * module compiles and its import footprints download while the page boots.
   */
  warm(started: Worker | null = null): void {
    if (this.worker || this.spare) {
      started?.terminate();
      return;
    }
    // `started`: one the page made already (client/earlyWorker.ts), adopted as the spare
    const w = started ?? this.makeWorker();
    // a spare that fails to load is dropped: the run then starts a worker that reports its own failure
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault?.();
      if (this.spare === w) this.spare = null;
    };
    this.spare = w;
  }

  run(runKey: string, source: string, options: RunOptions, target: Position): void {
    this.reset();
    this.last = { runKey, source, options, target };
    const runId = ++this.runId;
    this.store.setState({
      ...EMPTY_RUN,
      status: 'running',
      runKey,
      progress: {
        phase: 'run',
        statement: 0,
        statements: 0,
        events: 0,
        expectedEvents: expectedEvents(runKey),
      },
      shown: null,
    });
    this.inFlight = { reqId: 0, target };
    markAsked('run');
    this.send({ type: 'run', v: PROTOCOL_VERSION, runId, source, options, target, history: this.history });
  }

  /** Run the last script again (after the worker failed to load or died). */
  retry(): void {
    const a = this.last;
    if (a) this.run(a.runKey, a.source, a.options, this.requested ?? a.target);
  }

  /** Show `target`; an event no replay can stop at moves to the stop before it (`up`: after it). */
  goto(target: Position, snap: Snap = 'down'): void {
    if (!this.worker) return;
    if (this.inFlight !== null) {
      // Back to the position being computed: nothing else needs to follow it.
      this.pending = samePosition(this.inFlight.target, target) ? null : { target, snap };
      return;
    }
    if (samePosition(this.store.getState().shown, target) && this.store.getState().seekError === null) return;
    this.dispatchGoto(target, snap);
  }

  cancel(): void {
    this.reset();
    this.store.setState({ ...EMPTY_RUN, cancelled: true });
    this.settle();
  }

  /**
   * The page's Cancel: the worker is stopped (terminated: the engine runs a statement synchronously),
   * then the script runs again up to the statement that was running, so what the statements before it
   * did stays on screen and can be stepped through (the run ends with a `cancelled` error there).
   * Nothing to keep (no first run under way, or a cut run cancelled again): as cancel().
   */
  cancelKeepingDone(): void {
    const st = this.store.getState();
    const last = this.last;
    const p = st.progress;
    if (last === null || st.status !== 'running' || p === null || p.phase !== 'run' || last.options.stopBefore !== undefined) {
      this.cancel();
      return;
    }
    this.run(last.runKey, last.source, { ...last.options, stopBefore: p.statement }, { statement: p.statement, event: null });
    this.store.setState({ cancelled: true });
  }

  report(link: string): Promise<string> {
    return this.ask<string>(
      (reqId) => ({ type: 'report', v: PROTOCOL_VERSION, runId: this.runId, reqId, link }),
      (m) => (m.type === 'report' ? m.json : ''),
    );
  }

  pool(address: number, target: Position): Promise<PoolDetail | null> {
    return this.ask(
      (reqId) => ({ type: 'pool', v: PROTOCOL_VERSION, runId: this.runId, reqId, address, target }),
      (m) => (m.type === 'pool' ? m.detail : null),
    );
  }

  objects(
    from: number,
    to: number,
    target: Position,
  ): Promise<{ objects: ObjectInfo[]; owner: OwnerText | null }> {
    return this.ask(
      (reqId) => ({ type: 'objects', v: PROTOCOL_VERSION, runId: this.runId, reqId, from, to, target }),
      (m) => (m.type === 'objects' ? { objects: m.objects, owner: m.owner } : { objects: [], owner: null }),
    );
  }

  peek(target: Position): Promise<{ position: Position; snapshot: Snapshot } | null> {
    return this.ask(
      (reqId) => ({ type: 'peek', v: PROTOCOL_VERSION, runId: this.runId, reqId, target }),
      (m) => (m.type === 'peeked' ? { position: m.position, snapshot: m.snapshot } : null),
    );
  }

  unit(address: number, target: Position): Promise<LibcUnitDetail | null> {
    return this.ask(
      (reqId) => ({ type: 'unit', v: PROTOCOL_VERSION, runId: this.runId, reqId, address, target }),
      (m) => (m.type === 'unit' ? m.detail : null),
    );
  }

  whence(address: number, at: number): Promise<Whence | null> {
    return this.ask(
      (reqId) => ({ type: 'whence', v: PROTOCOL_VERSION, runId: this.runId, reqId, address, at }),
      (m) => (m.type === 'whence' ? m.whence : null),
    );
  }

  private ask<T>(make: (reqId: number) => ToWorker, read: (m: FromWorker) => T): Promise<T> {
    return new Promise((resolve) => {
      const reqId = ++this.reqId;
      const msg = make(reqId);
      this.replies.set(reqId, { asked: msg.type, answer: (m) => resolve(read(m)) });
      this.send(msg);
    });
  }

  private dispatchGoto(target: Position, snap: Snap): void {
    const reqId = ++this.reqId;
    this.inFlight = { reqId, target };
    this.store.setState({ status: 'seeking' });
    markAsked('goto');
    this.send({ type: 'goto', v: PROTOCOL_VERSION, runId: this.runId, reqId, target, snap });
  }

  private reset(): void {
    this.worker?.terminate();
    this.worker = null;
    this.inFlight = null;
    this.pending = null;
    this.answerEmpty();
  }

  /** Questions a terminated or failed worker will never answer: answered empty (an inspector says so). */
  private answerEmpty(): void {
    const waiting = [...this.replies.values()];
    this.replies.clear();
    for (const r of waiting)
      r.answer({ type: 'objects', runId: this.runId, reqId: 0, objects: [], owner: null });
  }

  private send(msg: ToWorker): void {
    if (!this.worker) {
      const w = this.spare ?? this.makeWorker();
      this.spare = null;
      w.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
      // A worker script that fails to load (a 404 after a redeploy) or a worker that dies.
      w.onerror = (e: ErrorEvent) => {
        e.preventDefault?.();
        this.crash(e.message ? `The simulator stopped: ${e.message}` : 'The simulator could not be started.');
      };
      w.onmessageerror = () => this.crash('The simulator sent a message the page could not read.');
      this.worker = w;
    }
    this.worker.postMessage(msg);
  }

  private crash(message: string): void {
    this.reset();
    this.store.setState({ status: 'idle', progress: null, crashed: message });
    this.settle();
  }

  private receive(msg: FromWorker): void {
    if (msg.runId !== this.runId) return;
    switch (msg.type) {
      case 'progress': {
        const prev = this.store.getState().progress;
        this.store.setState({
          progress: {
            phase: msg.seeking ? 'seek' : 'run',
            statement: msg.statement,
            statements: msg.statements,
            events: msg.events,
            expectedEvents: msg.seeking ? msg.target : (prev?.expectedEvents ?? null),
          },
        });
        break;
      }
      case 'loaded':
        this.store.setState({ statements: msg.statements, environment: msg.environment });
        break;
      case 'runDone':
        measureRunPhases(msg.phases);
        if (this.last) rememberRun(this.last.runKey, msg.totalEvents);
        this.store.setState({
          timeline: msg.timeline,
          statementEnd: msg.statementEnd,
          loadEvents: msg.loadEvents,
          totalEvents: msg.totalEvents,
          output: msg.output,
          stderr: msg.stderr,
          error: msg.error,
          durationMs: msg.durationMs,
        });
        // The start-up state, for telling the script's own bins and chunks from the interpreter's.
        void this.peek({ statement: 0, event: null }).then((r) => {
          if (r && msg.runId === this.runId) this.store.setState({ start: r.snapshot });
        });
        break;
      case 'snapshot':
      case 'seekFailed': {
        const asked = this.inFlight?.target ?? null;
        this.inFlight = null;
        // The position the worker resolved (a target past the end or before the start is clamped).
        const shown = msg.type === 'snapshot' ? msg.position : asked;
        const next = this.pending;
        this.pending = null;
        // One update: listeners see the new position together with whether work goes on.
        const done = next ? {} : { status: 'idle' as const, progress: null };
        const prior = this.store.getState();
        if (msg.type === 'snapshot')
          this.store.setState({
            previous:
              prior.snapshot && prior.shown ? { snapshot: prior.snapshot, position: prior.shown } : null,
            // Views first: until the sentences come, the last ones stay, marked as being redone.
            snapshot:
              msg.explaining && prior.snapshot
                ? { ...msg.snapshot, explain: prior.snapshot.explain }
                : msg.snapshot,
            explaining: msg.explaining === true,
            shown,
            events: msg.events,
            lastBytes: msg.bytes,
            lastMs: msg.ms,
            seekError: null,
            ...done,
          });
        else this.store.setState({ shown, seekError: msg.error, explaining: false, ...done });
        if (msg.type === 'snapshot') {
          measureAnswered('views');
          if (!msg.explaining) measureAnswered('sentences');
        }
        if (next) this.dispatchGoto(next.target, next.snap);
        else this.settle();
        break;
      }
      case 'explained': {
        // The sentences of the snapshot on screen (a newer landing's own will follow it otherwise).
        const st = this.store.getState();
        if (st.snapshot && samePosition(st.shown, msg.position)) {
          this.store.setState({ snapshot: { ...st.snapshot, explain: msg.explain }, explaining: false });
          if (this.inFlight === null) measureAnswered('sentences');
        }
        this.settle();
        break;
      }
      case 'report':
      case 'pool':
      case 'unit':
      case 'objects':
      case 'peeked':
      case 'whence': {
        const r = this.replies.get(msg.reqId);
        this.replies.delete(msg.reqId);
        r?.answer(msg);
        // the idle signal waits for inspector answers too (a panel reads its answer after idle)
        if (this.replies.size === 0) this.settle();
        break;
      }
      case 'failed':
        this.inFlight = null;
        this.pending = null;
        this.answerEmpty();
        this.store.setState({ status: 'idle', error: msg.error, progress: null });
        this.settle();
        break;
      default:
        assertNever(msg);
    }
  }

  private settle(): void {
    for (const f of this.listeners) f();
  }
}

let client: EngineClient | null = null;

export { newWorker };

/** The page's one client. */
export function engineClient(): EngineClient {
  if (!client) client = new EngineClient(newWorker, useRun, true);
  return client;
}
