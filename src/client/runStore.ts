import { create } from 'zustand';
import type { Snapshot } from '../engine/trace/snapshot';
import type { EventRows, Position, ScriptError, StatementInfo, TimelineColumns } from '../protocol/messages';

/**
 * What the worker has told the page: the run's outline and the snapshot on screen. This is a cache
 * of engine results, not UI state; views read it through derive/.
 */
export interface RunData {
  /** 'running': the first pass; 'seeking': a position is being computed; 'idle': nothing pending. */
  status: 'idle' | 'running' | 'seeking';
  runKey: string | null;
  progress: { statement: number; events: number } | null;
  statements: StatementInfo[];
  timeline: TimelineColumns | null;
  statementEnd: Float64Array | null;
  loadEvents: number;
  totalEvents: number;
  error: ScriptError | null;
  durationMs: number;
  snapshot: Snapshot | null;
  /** The position the snapshot shows (as requested). */
  shown: Position | null;
  events: EventRows | null;
  lastBytes: number;
  lastMs: number;
  cancelled: boolean;
}

export const EMPTY_RUN: RunData = {
  status: 'idle',
  runKey: null,
  progress: null,
  statements: [],
  timeline: null,
  statementEnd: null,
  loadEvents: 0,
  totalEvents: 0,
  error: null,
  durationMs: 0,
  snapshot: null,
  shown: null,
  events: null,
  lastBytes: 0,
  lastMs: 0,
  cancelled: false,
};

export const useRun = create<RunData>(() => EMPTY_RUN);

export const selectSnapshot = (s: RunData): Snapshot | null => s.snapshot;
export const selectStatus = (s: RunData): RunData['status'] => s.status;
export const selectStatements = (s: RunData): StatementInfo[] => s.statements;
export const selectTimeline = (s: RunData): TimelineColumns | null => s.timeline;
export const selectError = (s: RunData): ScriptError | null => s.error;
