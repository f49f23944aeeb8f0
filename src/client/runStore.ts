import { create, type StoreApi } from 'zustand';
import type { Snapshot } from '../engine/trace/snapshot';
import type {
  EventRows,
  Position,
  RunEnvironment,
  ScriptError,
  StatementInfo,
  StderrWrite,
  TimelineColumns,
} from '../protocol/messages';

/** How far the work in flight has come, and how far it goes when that is known. */
export interface Progress {
  /** 'run': the first pass over the script; 'seek': re-running to a position. */
  phase: 'run' | 'seek';
  /** Statements completed, of `statements` (0 until the script is parsed). */
  statement: number;
  statements: number;
  events: number;
  /** Events the work will have recorded when done: exact for a seek, remembered or shipped for a run; null when unknown. */
  expectedEvents: number | null;
}

/**
 * What the worker has told the page: the run's outline and the snapshot on screen. This is a cache
 * of engine results, not UI state; views read it through derive/.
 */
export interface RunData {
  /** 'running': the first pass; 'seeking': a position is being computed; 'idle': nothing pending. */
  status: 'idle' | 'running' | 'seeking';
  runKey: string | null;
  progress: Progress | null;
  statements: StatementInfo[];
  /** What the process runs on, once the worker has started it (null before, or when it was refused). */
  environment: RunEnvironment | null;
  timeline: TimelineColumns | null;
  statementEnd: Float64Array | null;
  loadEvents: number;
  totalEvents: number;
  /** What print() wrote during each statement (index k: statement k + 1); empty strings when nothing. */
  output: string[];
  /** What each statement wrote to sys.stderr, at its offset in that statement's output. */
  stderr: StderrWrite[][];
  error: ScriptError | null;
  durationMs: number;
  snapshot: Snapshot | null;
  /** The snapshot after the interpreter started (step 0): what "the script's own" is told apart from. */
  start: Snapshot | null;
  /** The snapshot shown before this one (what "what changed" compares with). */
  previous: { snapshot: Snapshot; position: Position } | null;
  /** The position the snapshot on screen shows. */
  shown: Position | null;
  events: EventRows | null;
  lastBytes: number;
  lastMs: number;
  /** The snapshot's views are the position's; its sentences are still being written (the last ones are shown). */
  explaining: boolean;
  cancelled: boolean;
  /** Showing the last position asked for failed (a bug of ours); cleared by the next snapshot. */
  seekError: ScriptError | null;
  /** The worker could not start or died: the page says so and offers a retry. */
  crashed: string | null;
}

export const EMPTY_RUN: RunData = {
  status: 'idle',
  runKey: null,
  progress: null,
  statements: [],
  environment: null,
  timeline: null,
  statementEnd: null,
  loadEvents: 0,
  totalEvents: 0,
  output: [],
  stderr: [],
  error: null,
  durationMs: 0,
  snapshot: null,
  start: null,
  previous: null,
  shown: null,
  events: null,
  lastBytes: 0,
  lastMs: 0,
  explaining: false,
  cancelled: false,
  seekError: null,
  crashed: null,
};

export const useRun = create<RunData>(() => EMPTY_RUN);

/** A store of run data: the page's own (useRun), or one per environment in the comparison. */
export type RunStore = StoreApi<RunData>;

export const selectSnapshot = (s: RunData): Snapshot | null => s.snapshot;
export const selectStatus = (s: RunData): RunData['status'] => s.status;
export const selectStatements = (s: RunData): StatementInfo[] => s.statements;
export const selectTimeline = (s: RunData): TimelineColumns | null => s.timeline;
export const selectError = (s: RunData): ScriptError | null => s.error;
