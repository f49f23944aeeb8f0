import type { AllocTracer } from '../runtime/mem';
import type { Vm } from '../runtime/vm';

/**
 * tracemalloc's C side (Modules/_tracemalloc.c and Python/hashtable.c, 3.11): the tables live on
 * the C heap, allocated with plain malloc (hashtable_new's allocator) and raw_malloc (the raw
 * domain's original allocator, not traced), so a traced process uses more memory, as in reality:
 *
 * - traces: pointer → trace_t (16 bytes: size, traceback): per live traced block a trace_t and a
 *   hashtable entry (_Py_hashtable_entry_t: next, key_hash, key, value: 32 bytes), i.e. a 32- and
 *   a 48-byte glibc chunk;
 * - tracebacks: interned tracebacks (TRACEBACK_SIZE(n) = 24 + 12 × (n − 1) bytes, packed frames)
 *   with an entry each; filenames: interned co_filename strs with an entry each;
 * - each table's bucket array (8 bytes a bucket): _Py_hashtable_set grows it when nentries /
 *   nbuckets passes 0.5, _Py_hashtable_steal shrinks it under 0.1, both to round_size(nentries ×
 *   2 / 0.6) (a power of two, at least 16): a new array malloc'd, the old one freed.
 *
 * The tables themselves (and their first 16-bucket arrays) are made at start-up by
 * _PyTraceMalloc_Init, so they are part of the recorded start-up heap; start() only allocates the
 * traceback buffer. Blocks allocated before start() are not traced; their frees find no trace.
 */
const ENTRY = 32;
const TRACE_T = 16;
const MIN_SIZE = 16;
const HIGH = 0.5;
const LOW = 0.1;
const REHASH_FACTOR = 2.0 / (LOW + HIGH);

export const tracebackSize = (nframe: number): number => 24 + 12 * (nframe - 1);

/** hashtable.c's round_size. */
function roundSize(s: number): number {
  if (s < MIN_SIZE) return MIN_SIZE;
  let i = 1;
  while (i < s) i *= 2;
  return i;
}

/** The raw allocator tracemalloc uses for its own memory (malloc; written at once). */
export interface RawHeap {
  malloc(n: number): number;
  free(p: number): void;
}

/** A _Py_hashtable_t's memory: its entries and its bucket array (the contents live in JS maps). */
export class CHashtable {
  nentries = 0;
  nbuckets = MIN_SIZE;
  /** The bucket array this model allocated (0: the start-up one, not ours to free). */
  private buckets = 0;

  /** `fresh`: a table made now (_Py_hashtable_new_full: the table, then 16 buckets), else one made at start-up. */
  constructor(
    private readonly heap: RawHeap,
    fresh = false,
  ) {
    if (fresh) {
      this.table = heap.malloc(72);
      this.buckets = heap.malloc(MIN_SIZE * 8);
    }
  }

  private table = 0;

  /** _Py_hashtable_destroy's end (the entries freed by the caller): buckets, then the table. */
  destroy(): void {
    this.heap.free(this.buckets);
    this.heap.free(this.table);
  }

  /** _Py_hashtable_set of a new key: the entry, then the growth check. */
  addEntry(): number {
    const e = this.heap.malloc(ENTRY);
    this.nentries++;
    if (this.nentries / this.nbuckets > HIGH) this.rehash();
    return e;
  }

  /** _Py_hashtable_steal: the entry freed, then the shrink check. */
  removeEntry(entry: number): void {
    this.heap.free(entry);
    this.nentries--;
    if (this.nentries / this.nbuckets < LOW) this.rehash();
  }

  /** _Py_hashtable_clear's end: no entries, the bucket array back to 16. */
  cleared(): void {
    this.nentries = 0;
    this.rehash();
  }

  /** _Py_hashtable_size: the table, its buckets, its entries. */
  get bytes(): number {
    return 72 + this.nbuckets * 8 + this.nentries * ENTRY;
  }

  private rehash(): void {
    const size = roundSize(Math.floor(this.nentries * REHASH_FACTOR));
    if (size === this.nbuckets) return;
    const b = this.heap.malloc(size * 8);
    if (this.buckets !== 0) this.heap.free(this.buckets);
    this.buckets = b;
    this.nbuckets = size;
  }

  /** The bucket a pointer key falls in (_Py_hashtable_hash_ptr: the pointer rotated by 4 bits). */
  bucketOf(p: number): number {
    return Math.floor(p / 16) % this.nbuckets;
  }
}

/** An interned traceback: its frames (innermost first) and its C copy. */
export interface TracebackRec {
  frames: [string, number][];
  total: number;
  /** The traceback_t copy and its entry (0 for the empty traceback, which is static). */
  copy: number;
  entry: number;
}

export interface Trace {
  addr: number;
  size: number;
  tb: TracebackRec;
  trace: number;
  entry: number;
  /** Insertion order (a bucket's list is newest first). */
  seq: number;
}

/** The static tracemalloc_empty_traceback: one frame, "<unknown>", line 0. */
const EMPTY: TracebackRec = { frames: [['<unknown>', 0]], total: 1, copy: 0, entry: 0 };

export class TraceTables implements AllocTracer {
  tracing = false;
  maxNframe = 1;
  traced = 0;
  peak = 0;
  /** set_reentrant: tracemalloc's own Python objects are not traced. */
  reentrant = false;
  readonly traces = new Map<number, Trace>();
  readonly tracesTable: CHashtable;
  readonly tracebacksTable: CHashtable;
  readonly filenamesTable: CHashtable;
  private readonly tracebacks = new Map<string, TracebackRec>();
  private readonly filenames = new Map<string, number>();
  private buffer = 0;
  private seq = 0;
  private readonly scratch: [string, number][] = [];

  constructor(
    readonly heap: RawHeap,
    private readonly frames: (limit: number, out: [string, number][]) => number,
  ) {
    this.tracesTable = new CHashtable(heap);
    this.tracebacksTable = new CHashtable(heap);
    this.filenamesTable = new CHashtable(heap);
  }

  /** tracemalloc_start: the traceback buffer, then the hooks (the caller installs them). */
  start(nframe: number): void {
    if (this.tracing) return;
    this.maxNframe = nframe;
    this.buffer = this.heap.malloc(tracebackSize(nframe));
    this.tracing = true;
  }

  /** tracemalloc_stop: hooks off, every table cleared, the buffer freed. */
  stop(): void {
    if (!this.tracing) return;
    this.tracing = false;
    this.clearTraces();
    this.heap.free(this.buffer);
    this.buffer = 0;
  }

  /** tracemalloc_clear_traces: traces (each trace_t, then its entry, bucket by bucket), tracebacks, filenames. */
  clearTraces(): void {
    const t = this.tracesTable;
    const order = [...this.traces.values()].sort(
      (a, b) => t.bucketOf(a.addr) - t.bucketOf(b.addr) || b.seq - a.seq,
    );
    for (const tr of order) {
      this.heap.free(tr.trace);
      this.heap.free(tr.entry);
    }
    this.traces.clear();
    t.cleared();
    this.traced = 0;
    this.peak = 0;
    for (const tb of this.tracebacks.values()) {
      this.heap.free(tb.copy);
      this.heap.free(tb.entry);
    }
    this.tracebacks.clear();
    this.tracebacksTable.cleared();
    for (const e of this.filenames.values()) this.heap.free(e);
    this.filenames.clear();
    this.filenamesTable.cleared();
  }

  /** traceback_new: the current frames, interned (a new one copied to the C heap with an entry). */
  private tracebackNew(): TracebackRec {
    const out = this.scratch;
    const total = this.frames(this.maxNframe, out);
    if (out.length === 0) return EMPTY;
    let key = '';
    for (const [file, line] of out) {
      if (!this.filenames.has(file)) this.filenames.set(file, this.filenamesTable.addEntry());
      key += `${file}\u0000${line}\u0000`;
    }
    key += total;
    let tb = this.tracebacks.get(key);
    if (tb === undefined) {
      const copy = this.heap.malloc(tracebackSize(out.length));
      const entry = this.tracebacksTable.addEntry();
      tb = { frames: out.map((f) => [f[0], f[1]]), total, copy, entry };
      this.tracebacks.set(key, tb);
    }
    return tb;
  }

  /** tracemalloc_add_trace: an existing trace at that address is updated, else trace_t + entry. */
  added(p: number, size: number): void {
    if (this.reentrant) return;
    const tb = this.tracebackNew();
    const old = this.traces.get(p);
    if (old !== undefined) {
      this.traced -= old.size;
      old.size = size;
      old.tb = tb;
    } else {
      const trace = this.heap.malloc(TRACE_T);
      const entry = this.tracesTable.addEntry();
      this.traces.set(p, { addr: p, size, tb, trace, entry, seq: this.seq++ });
    }
    this.traced += size;
    if (this.traced > this.peak) this.peak = this.traced;
  }

  /** tracemalloc_remove_trace: the entry stolen (maybe a shrink), then the trace_t freed. */
  removed(p: number): void {
    if (this.reentrant) return;
    const tr = this.traces.get(p);
    if (tr === undefined) return;
    this.traces.delete(p);
    this.tracesTable.removeEntry(tr.entry);
    this.heap.free(tr.trace);
    this.traced -= tr.size;
  }

  /** tracemalloc_realloc: a moved block loses its old trace; the new address is traced (or updated). */
  moved(old: number, p: number, size: number): void {
    if (this.reentrant) return;
    if (old !== 0 && old !== p) this.removed(old);
    this.added(p, size);
  }

  /** tracemalloc_get_tracemalloc_memory: the tables' memory. */
  get memory(): number {
    let n = this.tracebacksTable.bytes + this.filenamesTable.bytes + this.tracesTable.bytes;
    n += this.traces.size * TRACE_T;
    for (const tb of this.tracebacks.values()) n += tracebackSize(tb.frames.length);
    return n;
  }
}

const perVm = new WeakMap<Vm, TraceTables>();

/** The process's tracemalloc tables (made on first use, as _PyTraceMalloc_Init made them at start-up). */
export function traceTables(vm: Vm, frames: (limit: number, out: [string, number][]) => number): TraceTables {
  let t = perVm.get(vm);
  if (t === undefined) {
    const heap: RawHeap = {
      malloc: (n) => {
        const p = vm.mem.pymalloc.rawMalloc(n);
        vm.mem.touch(p, n);
        return p;
      },
      free: (p) => vm.mem.pymalloc.rawFree(p),
    };
    t = new TraceTables(heap, frames);
    perVm.set(vm, t);
  }
  return t;
}
