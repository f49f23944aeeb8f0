import type { Libc } from './libc';

/**
 * Allocation traces, one op a line (ids are small integers, shared by all threads):
 *   m ID SIZE · c ID NMEMB SIZE · r ID SIZE · f ID · t PAD      (blank lines and # comments skipped)
 *   T TID (the next ops run on thread TID, 0 = main; a new TID starts a thread) · X TID (it exits)
 * Plain C-API calls, so any Libc replays them; tools/native/replay.c replays the same text on the
 * real glibc (and under LD_PRELOAD on the real jemalloc or mimalloc), with real pthreads.
 */
export const enum TraceOp {
  Malloc = 0,
  Calloc = 1,
  Realloc = 2,
  Free = 3,
  Trim = 4,
  Thread = 5,
  Exit = 6,
}

/** The largest thread id a trace may use (replay.c keeps a table of them). */
export const MAX_TRACE_TID = 65535;

/** A parsed trace as columns, so replaying does no string work. */
export interface ParsedTrace {
  length: number;
  op: Uint8Array;
  id: Int32Array;
  a: Float64Array;
  b: Float64Array;
  /** 1-based source line of each op, for messages. */
  line: Int32Array;
  /** The op's text, for messages. */
  text: (i: number) => string;
}

export class TraceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TraceError';
  }
}

const ARITY: Record<string, [TraceOp, number]> = {
  m: [TraceOp.Malloc, 2],
  c: [TraceOp.Calloc, 3],
  r: [TraceOp.Realloc, 2],
  f: [TraceOp.Free, 1],
  t: [TraceOp.Trim, 1],
  T: [TraceOp.Thread, 1],
  X: [TraceOp.Exit, 1],
};

const isUint = (s: string): boolean => /^\d+$/.test(s);

/**
 * Text of the trace as a message may quote it: control and invisible characters escaped as
 * Python's repr escapes them (a line of terminal escapes must not retitle or clear the user's
 * terminal), and cut at 40 characters (a 100,000-character token is not a 100 KB message).
 */
export function quoted(text: string): string {
  const cut = text.length > 40 ? text.slice(0, 40) : text;
  // eslint-disable-next-line no-control-regex
  const esc = cut.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffd]/g, (c) => {
    const n = c.charCodeAt(0);
    return n < 256 ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
  });
  return text.length > 40 ? esc + '…' : esc;
}

const FAST_SKIP = -1;
const FAST_NO = -2;
const FAST_OPS: Record<number, [TraceOp, number]> = {
  109: [TraceOp.Malloc, 2], // m
  99: [TraceOp.Calloc, 3], // c
  114: [TraceOp.Realloc, 2], // r
  102: [TraceOp.Free, 1], // f
  116: [TraceOp.Trim, 1], // t
};
const isBlank = (c: number): boolean => c === 32 || c === 9;

/**
 * One line the quick way, when it is an m/c/r/f/t op of plain digits (at most 15 each, so exact)
 * between spaces or tabs with an id below 2^31: its TraceOp, its numbers in `nums` (missing ones 0).
 * FAST_SKIP for a blank line or a comment, FAST_NO for anything else: parseTrace's general path
 * then reads the line (and words any error) exactly as before.
 */
function parseLineFast(text: string, nums: number[]): number {
  const len = text.length;
  let j = 0;
  while (j < len && isBlank(text.charCodeAt(j))) j++;
  if (j === len) return FAST_SKIP;
  const c0 = text.charCodeAt(j);
  if (c0 === 35) return FAST_SKIP; // '#'
  const spec = FAST_OPS[c0];
  if (spec === undefined) return FAST_NO;
  j++;
  const [kind, arity] = spec;
  for (let t = 0; t < 3; t++) nums[t] = 0;
  for (let t = 0; t < arity; t++) {
    const from = j;
    while (j < len && isBlank(text.charCodeAt(j))) j++;
    if (j === from || j === len) return FAST_NO;
    let v = 0;
    const start = j;
    for (; j < len; j++) {
      const d = text.charCodeAt(j) - 48;
      if (d < 0 || d > 9) break;
      v = v * 10 + d;
    }
    if (j === start || j - start > 15 || (j < len && !isBlank(text.charCodeAt(j)))) return FAST_NO;
    nums[t] = v;
  }
  while (j < len && isBlank(text.charCodeAt(j))) j++;
  if (j !== len) return FAST_NO;
  if (kind !== TraceOp.Trim && nums[0] > 0x7fffffff) return FAST_NO;
  return kind;
}

export function parseTrace(text: string): ParsedTrace {
  const lines = text.split('\n');
  const n = lines.length;
  const op = new Uint8Array(n);
  const id = new Int32Array(n);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const line = new Int32Array(n);
  /** Threads: 1 running, 2 exited (as replay.c checks, before any op runs). */
  const threads = new Map<number, number>([[0, 1]]);
  let k = 0;
  const nums3 = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    // The common line (an m/c/r/f/t op, plain digits, spaces or tabs) without splitting or regexes:
    // a start-up trace is ~20,000 lines and every process parses one (the CLI's boot spent 12% here).
    const fast = parseLineFast(lines[i], nums3);
    if (fast >= 0) {
      op[k] = fast;
      line[k] = i + 1;
      if (fast === TraceOp.Trim) a[k] = nums3[0];
      else {
        id[k] = nums3[0];
        a[k] = nums3[1];
        b[k] = nums3[2];
      }
      k++;
      continue;
    }
    if (fast === FAST_SKIP) continue;
    const raw = lines[i].trim();
    if (raw === '' || raw.startsWith('#')) continue;
    const parts = raw.split(/\s+/);
    const spec = ARITY[parts[0]];
    const where = `line ${i + 1} ("${quoted(raw)}")`;
    if (!spec)
      throw new TraceError(`${where}: unknown op "${quoted(parts[0])}" (expected m, c, r, f, t, T or X)`);
    const [kind, arity] = spec;
    if (parts.length !== arity + 1)
      throw new TraceError(`${where}: "${parts[0]}" takes ${arity} number(s), got ${parts.length - 1}`);
    for (let j = 1; j < parts.length; j++) {
      if (!isUint(parts[j]))
        throw new TraceError(`${where}: "${quoted(parts[j])}" is not a non-negative integer`);
      if (!Number.isSafeInteger(Number(parts[j])))
        throw new TraceError(`${where}: ${quoted(parts[j])} is too large`);
    }
    const nums = parts.slice(1).map(Number);
    if (kind !== TraceOp.Trim && nums[0] > 0x7fffffff)
      throw new TraceError(`${where}: id ${nums[0]} is too large`);
    if (kind === TraceOp.Thread || kind === TraceOp.Exit) {
      const tid = nums[0];
      if (tid > MAX_TRACE_TID)
        throw new TraceError(`${where}: thread id ${tid} is too large (> ${MAX_TRACE_TID})`);
      if (kind === TraceOp.Thread) threads.set(tid, 1);
      else if (tid === 0) throw new TraceError(`${where}: the main thread cannot exit`);
      else if (threads.get(tid) !== 1) throw new TraceError(`${where}: thread ${tid} is not running`);
      else threads.set(tid, 2);
    }
    op[k] = kind;
    line[k] = i + 1;
    if (kind === TraceOp.Trim) a[k] = nums[0];
    else {
      id[k] = nums[0];
      a[k] = nums[1] ?? 0;
      b[k] = nums[2] ?? 0;
    }
    k++;
  }
  return { length: k, op, id, a, b, line, text: (i) => lines[line[i] - 1].trim() };
}

/**
 * Raised by an implementation where the real one would print a message and abort() (glibc's
 * malloc_printerr: "free(): double free detected in tcache 2").
 */
export class LibcAbort extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LibcAbort';
  }
}

const NULL_ID = -Infinity;

/** Replay a parsed trace; `onResult` receives each m/c/r result. Throws TraceError naming the line. */
export function replayTrace(trace: ParsedTrace, g: Libc, onResult?: (ptr: number) => void): void {
  // id → pointer: ids are small integers, so typed arrays: positive = live, negative = freed,
  // NULL_ID = holds NULL (a failed or zero-size realloc), 0 = never assigned.
  let ptrs = new Float64Array(1024);
  let i = 0;
  try {
    for (; i < trace.length; i++) {
      const id = trace.id[i];
      const op = trace.op[i] as TraceOp;
      if (op >= TraceOp.Thread) {
        if (op === TraceOp.Thread) g.setThread(id);
        else g.threadExit(id);
        continue;
      }
      if (id >= ptrs.length) {
        const next = new Float64Array(Math.max(id + 1, ptrs.length * 2));
        next.set(ptrs);
        ptrs = next;
      }
      if (op === TraceOp.Free) {
        const p = ptrs[id];
        if (p === NULL_ID) continue; // free(NULL) does nothing
        if (p <= 0) {
          if (p < 0) g.free(-p); // glibc decides what a double free does
          throw new LibcAbort('free(): invalid pointer');
        }
        ptrs[id] = -p;
        g.free(p);
      } else if (op === TraceOp.Trim) {
        g.trim(trace.a[i]);
      } else {
        let p: number;
        if (op === TraceOp.Malloc) p = g.malloc(trace.a[i]);
        else if (op === TraceOp.Calloc) p = g.calloc(trace.a[i], trace.b[i]);
        else p = g.realloc(ptrs[id] > 0 ? ptrs[id] : 0, trace.a[i]);
        ptrs[id] = p === 0 ? NULL_ID : p;
        if (onResult) onResult(p);
      }
    }
  } catch (e) {
    if (e instanceof LibcAbort)
      throw new TraceError(
        `line ${trace.line[i]} ("${trace.text(i)}"): ${e.message} (${g.kind} would abort)`,
      );
    throw e;
  }
}

/**
 * Replay a captured trace (a real process's calls, valid by construction) through `g`, keeping
 * `live` (trace id → pointer) across calls: a start-up capture continues in later segments (the
 * NumPy import continues the interpreter's ids). A free of an id `live` does not hold is skipped:
 * the capture began after that block was allocated. `onResult` sees each malloc/calloc/realloc.
 */
export function replayCapture(
  trace: ParsedTrace,
  g: Libc,
  live: Map<number, number>,
  onResult?: (ptr: number, op: TraceOp, bytes: number) => void,
): void {
  for (let i = 0; i < trace.length; i++) {
    const id = trace.id[i];
    const op = trace.op[i] as TraceOp;
    if (op === TraceOp.Thread) g.setThread(id);
    else if (op === TraceOp.Exit) g.threadExit(id);
    else if (op === TraceOp.Free) {
      const p = live.get(id);
      if (p === undefined) continue;
      g.free(p);
      live.delete(id);
    } else if (op === TraceOp.Trim) {
      g.trim(trace.a[i]);
    } else {
      const p =
        op === TraceOp.Malloc
          ? g.malloc(trace.a[i])
          : op === TraceOp.Calloc
            ? g.calloc(trace.a[i], trace.b[i])
            : g.realloc(live.get(id) ?? 0, trace.a[i]);
      live.set(id, p);
      if (onResult) onResult(p, op, op === TraceOp.Calloc ? trace.a[i] * trace.b[i] : trace.a[i]);
    }
  }
}
