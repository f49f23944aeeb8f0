import type { MemoryRef, Sentence } from '../engine/explain/types';
import type { GlibcTunables } from '../engine/libc/glibcTunables';
import type { LibcUnitDetail } from '../engine/libc/section';
import type { Snapshot } from '../engine/trace/snapshot';
import type { EnvSpec } from './environment';

/**
 * Every message between the page and the worker. Bump PROTOCOL_VERSION when a shape changes: the
 * worker answers a request of another version with `failed`, so a stale cached worker is noticed.
 */
export const PROTOCOL_VERSION = 2;

/** glibc tunables the page lets the user set (GLIBC_TUNABLES glibc.malloc.*); absent = default. */
export type TunableOptions = GlibcTunables;

export interface RunOptions {
  tunables: TunableOptions;
  /** Seconds of simulation before the run stops (the page's default: DEFAULT_RUN_SECONDS). */
  maxSeconds?: number;
  /** The interpreter and the environment variables (LD_PRELOAD, MALLOC_CONF, …); `tunables` apply on top. */
  env: EnvSpec;
  /**
   * Stop before this statement (0-based) and end the run there: the page's Cancel runs the script
   * again up to the statement that was running when the user cancelled, so the statements before it
   * stay on screen (a worker cannot be stopped mid-statement but by terminating it).
   */
  stopBefore?: number;
}

/** What the process runs on, as the engine read the environment (said in the page and the report). */
export interface RunEnvironment {
  /** "CPython 3.11.7". */
  python: string;
  /** "glibc 2.36", "jemalloc 5.3.0", "mimalloc 2.0.9". */
  libc: string;
  libcKind: 'glibc' | 'jemalloc' | 'mimalloc';
  /** What the real readers would ignore or print about the settings (glibc's tunables code, the allocators' start-up messages). */
  warnings: string[];
}

/** How long a run may take in the page before it stops with a message (the user can run it longer). */
export const DEFAULT_RUN_SECONDS = 60;

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

/** Text written to sys.stderr, `at` characters into the statement's stdout text. */
export interface StderrWrite {
  at: number;
  text: string;
}

export interface ScriptError {
  /**
   * syntax: CPython refuses the file; runtime: a Python exception; unsupported: outside what
   * Highwater runs yet; environment: the process would not start with these variables (the real
   * loader's or interpreter's message), or Highwater does not model one of them; engine: a bug of
   * Highwater's own (never shown as a Python error); cancelled: the user stopped the run (the page's
   * Cancel: RunOptions.stopBefore) while this statement ran.
   */
  kind: 'syntax' | 'runtime' | 'unsupported' | 'environment' | 'engine' | 'cancelled';
  /** Python exception type (SyntaxError, MemoryError, NameError…), or the engine's error name. */
  pyType: string;
  message: string;
  line: number;
  col: number | null;
  /** Index of the statement that raised (runtime errors). */
  statement: number | null;
  /**
   * A Python exception's whole text as CPython prints it on stderr (every frame with its line and
   * carets, the chain, notes, a group's box), as the CLI reports it; absent when the engine could not
   * describe it (then the page says the innermost line and the last line).
   */
  text?: string;
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
  /** For glibc events (malloc, calloc, realloc, free): the chunk's size in bytes, 0 when not known. */
  chunk: Float64Array;
}

/** A Python object the interpreter can name at an address (what a block or chunk holds). */
export interface ObjectInfo {
  address: number;
  label: string;
  /** Every allocation of the object, in whichever layer it lives (its block, its buffers). */
  parts?: { ref: MemoryRef; role: string; bytes: number }[];
}

/** Who owns an allocation, in the explain panel's words ("pymalloc's arenas[] vector", kept by "the list keep"). */
export interface OwnerText {
  what: string;
  note: string | null;
  kept: string | null;
  holders: string[];
}

/** The life of an allocation: the events that made and freed it (null: before the run, or never). */
export interface Whence {
  address: number;
  /** The allocating event (malloc, calloc, realloc, PyObject_Malloc, mmap), or null if during start-up or unknown. */
  allocated: { event: number; statement: number; kind: number; size: number } | null;
  /** The first event after the position that frees it, or null while it lives to the end. */
  freed: { event: number; statement: number; kind: number } | null;
  /** True when the allocation happened while the interpreter started (before the first statement). */
  startup: boolean;
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
  | {
      type: 'run';
      v: number;
      runId: number;
      source: string;
      options: RunOptions;
      target: Position;
      /**
       * The page's own run (not a comparison column): once the first run has ended, its idle time
       * writes the allocator layers' history, so the first landings inside a statement find it.
       */
      history?: boolean;
    }
  /**
   * Show a position. Inside a statement, only some event counts exist as places to stop (nested
   * allocator events finish together): `snap` says which way another count moves.
   */
  | { type: 'goto'; v: number; runId: number; reqId: number; target: Position; snap: 'down' | 'up' }
  /** The run's report (its figures and sentences, per step), with the page's link to the state. */
  | { type: 'report'; v: number; runId: number; reqId: number; link: string }
  | { type: 'pool'; v: number; runId: number; reqId: number; address: number; target: Position }
  /** The blocks of the C library's unit at `address` (a jemalloc slab, a mimalloc page). */
  | { type: 'unit'; v: number; runId: number; reqId: number; address: number; target: Position }
  /** A snapshot of another position, to compare with (the one on screen does not change). */
  | { type: 'peek'; v: number; runId: number; reqId: number; target: Position }
  /** Where the memory at `address` was allocated and freed: scanning the run's events. */
  | { type: 'whence'; v: number; runId: number; reqId: number; address: number; at: number }
  | { type: 'objects'; v: number; runId: number; reqId: number; from: number; to: number; target: Position };

/**
 * The first run's parts in the worker, as wall-clock ms (performance.timeOrigin + now: the page's
 * and the worker's clocks compare): the run's message taken, the process made (the interpreter
 * booted from its start-up trace), the script compiled, the statements run (checkpoints included),
 * and the final state's views built. The page measures them (client/marks.ts) for the share link's
 * first draw.
 */
export interface RunPhases {
  started: number;
  booted: number;
  loaded: number;
  ran: number;
}

export type FromWorker =
  | {
      type: 'progress';
      runId: number;
      /** Statements completed (of `statements`, the script's count once parsed, else 0). */
      statement: number;
      statements: number;
      events: number;
      seeking: boolean;
      /** A seek's goal in events (a replay knows where it stops); null during the first pass. */
      target: number | null;
    }
  | { type: 'loaded'; runId: number; statements: StatementInfo[]; environment: RunEnvironment | null }
  | {
      type: 'runDone';
      runId: number;
      timeline: TimelineColumns;
      /** statementEnd[k] = events recorded when statement k had finished; statementEnd[-1] is the load. */
      statementEnd: Float64Array;
      loadEvents: number;
      totalEvents: number;
      error: ScriptError | null;
      /** What print() wrote during each statement (index k: statement k + 1). */
      output: string[];
      /** What each statement wrote to sys.stderr, each at its offset in that statement's output (a terminal's order). */
      stderr: StderrWrite[][];
      durationMs: number;
      /** When the worker began the run and where its time went, on the wall clock (RunPhases). */
      phases: RunPhases;
    }
  | {
      type: 'snapshot';
      runId: number;
      reqId: number;
      /** The position shown: the one asked for, moved to a place that exists in the run. */
      position: Position;
      snapshot: Snapshot;
      events: EventRows;
      bytes: number;
      ms: number;
      /** The sentences follow in an `explained` message (snapshot.explain is empty until then). */
      explaining?: boolean;
    }
  /** The sentences of the snapshot just sent for `position` (a landing: views first, then these). */
  | { type: 'explained'; runId: number; reqId: number; position: Position; explain: Sentence[] }
  | { type: 'report'; runId: number; reqId: number; json: string }
  | { type: 'pool'; runId: number; reqId: number; detail: PoolDetail | null }
  | { type: 'unit'; runId: number; reqId: number; detail: LibcUnitDetail | null }
  | { type: 'peeked'; runId: number; reqId: number; position: Position; snapshot: Snapshot }
  | { type: 'whence'; runId: number; reqId: number; whence: Whence }
  | { type: 'objects'; runId: number; reqId: number; objects: ObjectInfo[]; owner: OwnerText | null }
  | { type: 'failed'; runId: number; error: ScriptError }
  /** Showing one position failed (a bug of ours); the run stands and other positions still work. */
  | { type: 'seekFailed'; runId: number; reqId: number; error: ScriptError };

export function isToWorker(x: unknown): x is ToWorker {
  return typeof x === 'object' && x !== null && 'type' in x && 'v' in x;
}

/** For exhaustive switches: a new message type that is not handled fails the type check here. */
export function assertNever(x: never): never {
  throw new Error(`unhandled message ${JSON.stringify(x)}`);
}
