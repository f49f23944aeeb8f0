import type { GlibcTunables } from '../engine/libc/glibcTunables';
import type { Snapshot } from '../engine/trace/snapshot';

/**
 * Every message between the page and the worker. Bump PROTOCOL_VERSION when a shape changes: the
 * worker answers a request of another version with `failed`, so a stale cached worker is noticed.
 */
export const PROTOCOL_VERSION = 1;

/** glibc tunables the page lets the user set (GLIBC_TUNABLES glibc.malloc.*); absent = default. */
export type TunableOptions = GlibcTunables;

export interface RunOptions {
  tunables: TunableOptions;
}

export interface StatementInfo {
  code: string;
  line: number;
  endLine: number;
}

/** Where the playhead is: after `statement` statements, or (fine mode) after exactly `event` events. */
export interface Position {
  statement: number;
  /** null: the end of the statement (a checkpoint); else an event count inside the run. */
  event: number | null;
}

export interface ScriptError {
  kind: 'syntax' | 'runtime' | 'engine';
  /** Python exception type (SyntaxError, MemoryError, NameError…), or the engine's error name. */
  pyType: string;
  message: string;
  line: number;
  col: number | null;
  /** Index of the statement that raised (runtime errors). */
  statement: number | null;
}

/**
 * The run's counters over its events, as change points: sample i holds from event[i] until the
 * next sample. Only changes are stored (RSS changes once a page), so a million events take far
 * fewer samples than events.
 */
export interface TimelineColumns {
  count: number;
  event: Float64Array;
  rss: Float64Array;
  heap: Float64Array;
  mmap: Float64Array;
  arena: Float64Array;
}

/** A window of raw allocator events around the playhead, for the fine mode's event list. */
export interface EventRows {
  from: number;
  kind: Uint8Array;
  addr: Float64Array;
  size: Float64Array;
  aux: Float64Array;
}

/** A Python object the interpreter can name at an address (what a block or chunk holds). */
export interface ObjectInfo {
  address: number;
  label: string;
}

/** One pymalloc pool, block by block (asked for when the user opens a pool). */
export interface PoolDetail {
  address: number;
  arenaAddress: number;
  sizeClass: number;
  blockSize: number;
  used: number;
  nblocks: number;
  carved: number;
  state: number;
  /** Per block: 0 never carved, 1 on the free list, 2 in use. */
  states: Uint8Array;
  /** Free blocks in free-list order (the next one handed out first). */
  freeOrder: Int16Array;
  /** What lives in the in-use blocks, when the interpreter can tell: block index → description. */
  objects: { block: number; label: string }[];
}

export type ToWorker =
  | { type: 'run'; v: number; runId: number; source: string; options: RunOptions; target: Position }
  | { type: 'goto'; v: number; runId: number; reqId: number; target: Position }
  | { type: 'report'; v: number; runId: number; reqId: number }
  | { type: 'pool'; v: number; runId: number; reqId: number; address: number; target: Position }
  | { type: 'objects'; v: number; runId: number; reqId: number; from: number; to: number; target: Position };

export type FromWorker =
  | { type: 'progress'; runId: number; statement: number; events: number; seeking: boolean }
  | { type: 'loaded'; runId: number; statements: StatementInfo[] }
  | {
      type: 'runDone';
      runId: number;
      timeline: TimelineColumns;
      /** statementEnd[k] = events recorded when statement k had finished; statementEnd[-1] is the load. */
      statementEnd: Float64Array;
      loadEvents: number;
      totalEvents: number;
      error: ScriptError | null;
      durationMs: number;
    }
  | {
      type: 'snapshot';
      runId: number;
      reqId: number;
      snapshot: Snapshot;
      events: EventRows;
      bytes: number;
      ms: number;
    }
  | { type: 'report'; runId: number; reqId: number; json: string }
  | { type: 'pool'; runId: number; reqId: number; detail: PoolDetail | null }
  | { type: 'objects'; runId: number; reqId: number; objects: ObjectInfo[] }
  | { type: 'failed'; runId: number; error: ScriptError };

export function isToWorker(x: unknown): x is ToWorker {
  return typeof x === 'object' && x !== null && 'type' in x && 'v' in x;
}

/** For exhaustive switches: a new message type that is not handled fails the type check here. */
export function assertNever(x: never): never {
  throw new Error(`unhandled message ${JSON.stringify(x)}`);
}
