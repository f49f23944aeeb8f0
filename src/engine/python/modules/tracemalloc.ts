import { raiseString, typeError, valueError } from '../abstract/errors';
import { E } from '../objects/exctypes';
import { fromSsize, intValue } from '../objects/int';
import { listAppend, listNew } from '../objects/list';
import { moduleType, type TypeFactory } from '../objects/modtypes';
import { strNew, strValue } from '../objects/str';
import { CHashtable, traceTables, type TraceTables, type TracebackRec } from '../objects/tracetables';
import {
  compareFrames,
  FrameType,
  StatisticDiffType,
  StatisticType,
  statList,
  TracebackType,
  tracebackNew,
  type FrameRec,
  type StatRec,
} from '../objects/tracemallocstats';
import { tupleFromItems } from '../objects/tuple';
import { Meth, TpFlags, defineType, type Kwargs, type MethodDef } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { hostOf } from './host';
import { FilterType, filterTraces, traceParts } from './tracemallocfilter';
import { makeModule } from './module';
import { TraceType, tracesNew } from './tracemalloctraces';
import type { ModuleSpec } from './registry';

/**
 * tracemalloc (Lib/tracemalloc.py over Modules/_tracemalloc.c, 3.11). start() installs hooks on
 * the three allocator domains (runtime/mem.ts `tracer`); the tables' cost is objects/tracetables.ts.
 * take_snapshot() is _get_traces(): a copy of the traces table (a trace_t and an entry per trace,
 * freed at the end), then, untraced (set_reentrant), a list of (domain, size, traceback, total_nframe)
 * tuples, the traceback tuples of (filename, lineno) tuples shared through a temporary table keyed
 * by the interned traceback. The Snapshot keeps that list: taking one of a big traced heap costs a
 * 72-byte tuple (and a size int) per live block, as in reality.
 */
const tables = (vm: Vm): TraceTables =>
  traceTables(vm, (limit, out) => hostOf(vm).tracebackFrames(limit, out));

function start(vm: Vm, _m: number, a: readonly number[]): number {
  const n = a.length ? Number(intValue(vm, a[0])) : 1;
  if (n < 1 || n > 65535) throw valueError(vm, 'the number of frames must be in range [1; 65535]');
  const t = tables(vm);
  t.start(n);
  vm.mem.tracer = t;
  return vm.s.None;
}

function stop(vm: Vm): number {
  const t = tables(vm);
  vm.mem.tracer = null;
  t.stop();
  return vm.s.None;
}

/** Py_BuildValue("nn", …): two ints and the tuple. */
function pair(vm: Vm, a: number, b: number): number {
  const x = fromSsize(vm, a);
  const y = fromSsize(vm, b);
  return tupleFromItems(vm, [x, y]);
}

/** _get_traces (see above); nothing it makes is traced (the real snapshots show none of it). */
function getTraces(vm: Vm, t: TraceTables): number {
  t.reentrant = true;
  let list: number;
  try {
    list = listNew(vm, 0);
  } finally {
    t.reentrant = false;
  }
  if (!t.tracing) return list;
  const heap = t.heap;
  const tbTable = new CHashtable(heap, true);
  // tracemalloc_copy_traces: a new table, then a trace_t copy and an entry per trace
  const copy = new CHashtable(heap, true);
  const copies: number[] = [];
  for (let i = 0; i < t.traces.size; i++) {
    const trace = heap.malloc(16);
    copies.push(trace, copy.addEntry());
  }
  const domains = new CHashtable(heap, true); // tracemalloc_copy_domains: empty
  t.reentrant = true;
  const tbTuples = new Map<TracebackRec, number>();
  const tbEntries: number[] = [];
  try {
    for (const tr of t.traces.values()) {
      const domain = vm.s.smallInt(0);
      const size = fromSsize(vm, tr.size);
      let frames = tbTuples.get(tr.tb);
      if (frames === undefined) {
        const items = tr.tb.frames.map(([file, line]) =>
          tupleFromItems(vm, [strNew(vm, file), fromSsize(vm, line)]),
        );
        frames = tupleFromItems(vm, items);
        tbTuples.set(tr.tb, frames);
        tbEntries.push(tbTable.addEntry());
      }
      vm.incref(frames);
      const total = fromSsize(vm, tr.tb.total);
      listAppend(vm, list, tupleFromItems(vm, [domain, size, frames, total]));
    }
  } finally {
    t.reentrant = false;
  }
  // _Py_hashtable_destroy of the three tables (the tracebacks table drops its tuple references)
  for (const e of tbEntries) heap.free(e);
  for (const f of tbTuples.values()) vm.decref(f);
  tbTable.destroy();
  for (const p of copies) heap.free(p);
  copy.destroy();
  domains.destroy();
  return list;
}

// ---- Snapshot ---------------------------------------------------------------------------------

interface SnapshotRec {
  traces: number;
  limit: number;
  /** Snapshot.traces: the _Traces made by Snapshot.__init__ (tracemalloctraces.ts). */
  view: number;
}

/** _group_by(key_type): one group per traceback key, in first-seen order. */
function groupBy(vm: Vm, snap: SnapshotRec, keyType: string): Map<string, StatRec> {
  if (keyType !== 'lineno' && keyType !== 'filename' && keyType !== 'traceback')
    throw valueError(vm, `unknown key_type: '${keyType}'`);
  const groups = new Map<string, StatRec>();
  const t = vm.table;
  const data = vm.pool.data;
  for (let i = 0; i < t.n[snap.traces]; i++) {
    const tup = data[t.ref[snap.traces] + i];
    const size = Number(intValue(vm, data[t.ref[tup] + 1]));
    const raw: FrameRec[] = traceParts(vm, tup).frames.map(([filename, lineno]) => ({ filename, lineno }));
    let frames: FrameRec[];
    if (keyType === 'traceback') frames = raw.slice().reverse();
    else if (keyType === 'lineno') frames = raw.slice(0, 1);
    else frames = [{ filename: raw[0].filename, lineno: 0 }];
    const key = frames.map((f) => `${f.filename}\u0000${f.lineno}`).join('\u0001');
    const g = groups.get(key);
    if (g) {
      g.size += size;
      g.count++;
    } else groups.set(key, { frames, size, count: 1, sizeDiff: 0, countDiff: 0, diff: false });
  }
  return groups;
}

function keyTypeArg(vm: Vm, a: readonly number[], kw: Kwargs | null, at: number): string {
  const k = a.length > at ? a[at] : kw?.get('key_type');
  if (k === undefined) throw typeError(vm, "missing 1 required positional argument: 'key_type'");
  const cumulative = a.length > at + 1 ? a[at + 1] : kw?.get('cumulative');
  if (cumulative !== undefined && cumulative !== vm.s.False)
    throw raiseString(vm, E.NotImplementedError, 'not supported by Highwater yet: cumulative=True');
  return strValue(vm, k);
}

const byStat = (a: StatRec, b: StatRec): number =>
  b.size - a.size || b.count - a.count || compareFrames(b.frames, a.frames);
const byDiff = (a: StatRec, b: StatRec): number =>
  Math.abs(b.sizeDiff) - Math.abs(a.sizeDiff) ||
  b.size - a.size ||
  Math.abs(b.countDiff) - Math.abs(a.countDiff) ||
  b.count - a.count ||
  compareFrames(b.frames, a.frames);

const snap = (vm: Vm, h: number): SnapshotRec => vm.table.side[h] as SnapshotRec;

/** A new Snapshot holding `traces` (a new reference, taken over). */
function snapshotOf(vm: Vm, traces: number, limit: number): number {
  const st = moduleType(vm, SnapshotType);
  const h = vm.newGcObject(st.id, st.basicsize);
  vm.table.side[h] = { traces, limit, view: tracesNew(vm, traces) } satisfies SnapshotRec;
  vm.gc.track(h);
  return h;
}

const SNAPSHOT_METHODS: Record<string, MethodDef> = {
  filter_traces: {
    name: 'filter_traces',
    flags: Meth.O,
    qualname: 'Snapshot.filter_traces',
    impl: (vm, self, a) =>
      snapshotOf(vm, filterTraces(vm, snap(vm, self).traces, a[0]), snap(vm, self).limit),
  },
  statistics: {
    name: 'statistics',
    flags: Meth.Varargs | Meth.Keywords,
    qualname: 'Snapshot.statistics',
    impl: (vm, self, a, kw) => {
      const stats = [...groupBy(vm, snap(vm, self), keyTypeArg(vm, a, kw, 0)).values()];
      return statList(vm, stats.sort(byStat));
    },
  },
  compare_to: {
    name: 'compare_to',
    flags: Meth.Varargs | Meth.Keywords,
    qualname: 'Snapshot.compare_to',
    impl: (vm, self, a, kw) => {
      const old = a.length ? a[0] : kw?.get('old_snapshot');
      if (old === undefined || vm.table.type[old] !== moduleType(vm, SnapshotType).id)
        throw typeError(vm, 'compare_to() needs a Snapshot');
      const key = keyTypeArg(vm, a, kw, 1);
      const now = groupBy(vm, snap(vm, self), key);
      const before = groupBy(vm, snap(vm, old), key);
      const out: StatRec[] = [];
      for (const [k, s] of now) {
        const p = before.get(k);
        before.delete(k);
        out.push({
          ...s,
          diff: true,
          sizeDiff: s.size - (p?.size ?? 0),
          countDiff: s.count - (p?.count ?? 0),
        });
      }
      for (const s of before.values())
        out.push({ frames: s.frames, size: 0, count: 0, sizeDiff: -s.size, countDiff: -s.count, diff: true });
      return statList(vm, out.sort(byDiff));
    },
  },
};

const SnapshotType: TypeFactory = (_vm, id) =>
  defineType({
    id,
    name: 'Snapshot',
    qualname: 'Snapshot',
    module: 'tracemalloc',
    basicsize: 32,
    flags: TpFlags.HaveGc,
    dealloc: (vm, h) => {
      vm.gc.untrack(h);
      const { traces, view } = snap(vm, h);
      vm.gcDel(h);
      vm.decref(view);
      vm.decref(traces);
    },
    traverse: (vm, h, visit) => {
      visit(snap(vm, h).traces);
      visit(snap(vm, h).view);
    },
    methods: SNAPSHOT_METHODS,
    getset: {
      traceback_limit: { name: 'traceback_limit', get: (vm, h) => fromSsize(vm, snap(vm, h).limit) },
      traces: {
        name: 'traces',
        get: (vm, h) => {
          vm.incref(snap(vm, h).view);
          return snap(vm, h).view;
        },
      },
    },
  });

/** take_snapshot(): the traces (a new list) in a Snapshot. */
function takeSnapshot(vm: Vm): number {
  const t = tables(vm);
  if (!t.tracing)
    throw raiseString(
      vm,
      E.RuntimeError,
      'the tracemalloc module must be tracing memory allocations to take a snapshot',
    );
  return snapshotOf(vm, getTraces(vm, t), t.maxNframe);
}

/** get_object_traceback(obj): the trace of the object's block (its GC header first), or None. */
function objectTraceback(vm: Vm, _m: number, a: readonly number[]): number {
  const t = tables(vm);
  const h = a[0];
  // a static object (None, a built-in type) lives in the binary, never in a traced block
  if (vm.isImmortal(h)) return vm.s.None;
  const gc = vm.typeOf(h).flags & TpFlags.HaveGc ? 16 : 0;
  const tr = t.traces.get(vm.table.addr[h] - gc) ?? t.traces.get(vm.table.addr[h]);
  if (!t.tracing || tr === undefined) return vm.s.None;
  const frames = tr.tb.frames.map(([filename, lineno]) => ({ filename, lineno })).reverse();
  return tracebackNew(vm, frames);
}

const FUNCTIONS: MethodDef[] = [
  { name: 'start', flags: Meth.Varargs, impl: start },
  { name: 'stop', flags: Meth.NoArgs, impl: stop },
  { name: 'is_tracing', flags: Meth.NoArgs, impl: (vm) => (tables(vm).tracing ? vm.s.True : vm.s.False) },
  {
    name: 'clear_traces',
    flags: Meth.NoArgs,
    impl: (vm) => {
      const t = tables(vm);
      if (t.tracing) t.clearTraces();
      return vm.s.None;
    },
  },
  {
    name: 'get_traced_memory',
    flags: Meth.NoArgs,
    impl: (vm) => {
      const t = tables(vm);
      return t.tracing ? pair(vm, t.traced, t.peak) : pair(vm, 0, 0);
    },
  },
  {
    name: 'reset_peak',
    flags: Meth.NoArgs,
    impl: (vm) => {
      const t = tables(vm);
      if (t.tracing) t.peak = t.traced;
      return vm.s.None;
    },
  },
  { name: 'get_traceback_limit', flags: Meth.NoArgs, impl: (vm) => fromSsize(vm, tables(vm).maxNframe) },
  {
    name: 'get_tracemalloc_memory',
    flags: Meth.NoArgs,
    impl: (vm) => fromSsize(vm, tables(vm).memory),
  },
  { name: 'take_snapshot', flags: Meth.NoArgs, impl: takeSnapshot },
  { name: '_get_traces', flags: Meth.NoArgs, impl: (vm) => getTraces(vm, tables(vm)) },
  { name: 'get_object_traceback', flags: Meth.O, impl: objectTraceback },
];

export const tracemallocModule: ModuleSpec = {
  name: 'tracemalloc',
  load: (vm) => {
    const types = {
      Snapshot: SnapshotType,
      Statistic: StatisticType,
      StatisticDiff: StatisticDiffType,
      Traceback: TracebackType,
      Frame: FrameType,
      Filter: FilterType,
      Trace: TraceType,
    };
    const attrs: Record<string, number> = {};
    for (const [k, f] of Object.entries(types)) attrs[k] = moduleType(vm, f).typeObject;
    const m = makeModule(vm, 'tracemalloc', FUNCTIONS, attrs);
    return m;
  },
};
