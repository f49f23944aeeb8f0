import {
  PROTOCOL_VERSION,
  assertNever,
  type FromWorker,
  type ObjectInfo,
  type PoolDetail,
  type Position,
  type RunOptions,
  type ToWorker,
} from '../protocol/messages';
import { EMPTY_RUN, useRun } from './runStore';

/**
 * The page's side of the worker. One run at a time (a new run or Cancel terminates the worker: the
 * engine runs synchronously, so termination is the only way to stop it mid-statement). Position
 * requests are coalesced: while one is computed, only the newest waiting one is kept.
 */
export class EngineClient {
  private worker: Worker | null = null;
  private runId = 0;
  private reqId = 0;
  private inFlight: number | null = null;
  private pending: Position | null = null;
  private reports = new Map<number, (json: string) => void>();
  private pools = new Map<number, (d: PoolDetail | null) => void>();
  private objectReqs = new Map<number, (o: ObjectInfo[]) => void>();
  private listeners = new Set<() => void>();

  constructor(private readonly makeWorker: () => Worker) {}

  get busy(): boolean {
    const s = useRun.getState().status;
    return s !== 'idle' || this.inFlight !== null || this.pending !== null;
  }

  /** Called whenever work finishes (the idle signal listens). */
  onSettled(f: () => void): () => void {
    this.listeners.add(f);
    return () => this.listeners.delete(f);
  }

  run(runKey: string, source: string, options: RunOptions, target: Position): void {
    this.reset();
    const runId = ++this.runId;
    useRun.setState({
      ...EMPTY_RUN,
      status: 'running',
      runKey,
      progress: { statement: 0, events: 0 },
      shown: null,
    });
    this.inFlight = 0;
    this.send({ type: 'run', v: PROTOCOL_VERSION, runId, source, options, target });
    useRun.setState({ shown: target });
  }

  goto(target: Position): void {
    if (!this.worker) return;
    if (this.inFlight !== null) {
      this.pending = target;
      return;
    }
    this.dispatchGoto(target);
  }

  cancel(): void {
    this.reset();
    useRun.setState({ ...EMPTY_RUN, cancelled: true });
    this.settle();
  }

  report(): Promise<string> {
    return new Promise((resolve) => {
      const reqId = ++this.reqId;
      this.reports.set(reqId, resolve);
      this.send({ type: 'report', v: PROTOCOL_VERSION, runId: this.runId, reqId });
    });
  }

  pool(address: number, target: Position): Promise<PoolDetail | null> {
    return new Promise((resolve) => {
      const reqId = ++this.reqId;
      this.pools.set(reqId, resolve);
      this.send({ type: 'pool', v: PROTOCOL_VERSION, runId: this.runId, reqId, address, target });
    });
  }

  objects(from: number, to: number, target: Position): Promise<ObjectInfo[]> {
    return new Promise((resolve) => {
      const reqId = ++this.reqId;
      this.objectReqs.set(reqId, resolve);
      this.send({ type: 'objects', v: PROTOCOL_VERSION, runId: this.runId, reqId, from, to, target });
    });
  }

  private dispatchGoto(target: Position): void {
    const reqId = ++this.reqId;
    this.inFlight = reqId;
    useRun.setState({ status: 'seeking' });
    this.send({ type: 'goto', v: PROTOCOL_VERSION, runId: this.runId, reqId, target });
    useRun.setState({ shown: target });
  }

  private reset(): void {
    this.worker?.terminate();
    this.worker = null;
    this.inFlight = null;
    this.pending = null;
  }

  private send(msg: ToWorker): void {
    if (!this.worker) {
      this.worker = this.makeWorker();
      this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    }
    this.worker.postMessage(msg);
  }

  private receive(msg: FromWorker): void {
    if (msg.runId !== this.runId) return;
    switch (msg.type) {
      case 'progress':
        useRun.setState({ progress: { statement: msg.statement, events: msg.events } });
        break;
      case 'loaded':
        useRun.setState({ statements: msg.statements });
        break;
      case 'runDone':
        useRun.setState({
          timeline: msg.timeline,
          statementEnd: msg.statementEnd,
          loadEvents: msg.loadEvents,
          totalEvents: msg.totalEvents,
          error: msg.error,
          durationMs: msg.durationMs,
        });
        break;
      case 'snapshot':
        useRun.setState({ snapshot: msg.snapshot, events: msg.events, lastBytes: msg.bytes, lastMs: msg.ms });
        this.inFlight = null;
        if (this.pending) {
          const next = this.pending;
          this.pending = null;
          this.dispatchGoto(next);
        } else {
          useRun.setState({ status: 'idle', progress: null });
          this.settle();
        }
        break;
      case 'report':
        this.reports.get(msg.reqId)?.(msg.json);
        this.reports.delete(msg.reqId);
        break;
      case 'pool':
        this.pools.get(msg.reqId)?.(msg.detail);
        this.pools.delete(msg.reqId);
        break;
      case 'objects':
        this.objectReqs.get(msg.reqId)?.(msg.objects);
        this.objectReqs.delete(msg.reqId);
        break;
      case 'failed':
        this.inFlight = null;
        this.pending = null;
        useRun.setState({ status: 'idle', error: msg.error, progress: null });
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

/** The page's one client, with the worker bundled by Vite. */
export function engineClient(): EngineClient {
  if (!client)
    client = new EngineClient(
      () => new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module' }),
    );
  return client;
}
