import type {
  FromWorker,
  Position,
  RunOptions,
  ScriptError,
  StderrWrite,
  StatementInfo,
} from '../protocol/messages';
import type { StepSummary } from '../engine/explain';
import type { GlobalBinding } from '../engine/python/owners';
import { completedAt } from '../protocol/statementCount';
import type { Checkpoints } from './checkpoints';
import type { Cursor } from './cursor';
import type { LayerHistory } from './layerHistory';
import type { SimProcess } from './process';
import type { ReportStep } from './report';
import type { SentenceCache } from './sentenceCache';
import type { RecordingLog } from './stopPoints';

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
  /** Sentences already written at positions inside statements (the run is deterministic). */
  sentences: SentenceCache;
}

/** A resolved position: statements completed, the event count, and whether it was asked for by event. */
export interface Want {
  statement: number;
  event: number;
  fine: boolean;
}

/** The event count at the end of `statement` statements (0: the script loaded). */
export function endOf(run: RunState, statement: number): number {
  return statement === 0 ? run.loadEvents : run.statementEnd[statement - 1];
}

/** Whether a resolved position is a statement's end (a checkpoint), not an event inside one. */
export function atStatementEnd(run: RunState, want: Want): boolean {
  return want.event === endOf(run, want.statement);
}

/**
 * The statement count and event count a position stands for. An event inside a statement moves
 * to a place a replay can stop at (stopPoints.ts): the one before it, or after it for `up`.
 */
export function resolve(run: RunState, target: Position, snap: Snap = 'down'): Want {
  const n = run.statementEnd.length;
  if (target.event === null || target.event >= run.log.length) {
    const k = Math.max(0, Math.min(target.statement, n));
    return {
      statement: k,
      event: endOf(run, k),
      fine: target.event !== null,
    };
  }
  const e = Math.max(run.loadEvents, target.event);
  const total = run.log.length;
  const s = snap === 'up' ? run.log.stops.atOrAfter(e, total) : run.log.stops.atOrBefore(e, run.loadEvents);
  return { statement: completedAt(run.statementEnd, s), event: s, fine: true };
}
