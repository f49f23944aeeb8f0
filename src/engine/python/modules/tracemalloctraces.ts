import { richCompareBool } from '../abstract/compare';
import { indexError, typeError } from '../abstract/errors';
import { hashKey } from '../abstract/hash';
import { hashValue } from '../abstract/hashvalue';
import { asSsize, hasIndex } from '../abstract/number';
import { fromSsize, intValue } from '../objects/int';
import { moduleType, type TypeFactory } from '../objects/modtypes';
import { sliceIndices } from '../objects/slice';
import { strNew } from '../objects/str';
import { formatSize, tracebackNew, type FrameRec } from '../objects/tracemallocstats';
import { tupleFromItems } from '../objects/tuple';
import { Cmp, T, TpFlags, defineType } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { traceParts } from './tracemallocfilter';

/**
 * Snapshot.traces (Lib/tracemalloc.py, 3.11): `_Traces`, a collections.abc.Sequence over the raw
 * (domain, size, traceback, total_nframe) tuples _get_traces made; every index makes a new `Trace`
 * (`__slots__ = ('_trace',)`: 24 bytes + the GC head, sys.getsizeof 40 on 3.11.7) around the tuple,
 * a slice a tuple of them. The _Traces instance is a plain class instance (sys.getsizeof 56 with its
 * GC head and managed-dict pre-header); the small values array of its one attribute is not modelled.
 */
/** Both types hold one object (the raw tuple, the raw list) as their side data. */
const held = (vm: Vm, h: number): number => vm.table.side[h] as number;
const traceTuple = held;
const tracesList = held;

/** The slots a one-object holder shares: its GC life and its one reference. */
const holderSlots = (name: string, basicsize: number) => ({
  name,
  qualname: name,
  module: 'tracemalloc',
  basicsize,
  flags: TpFlags.HaveGc,
  dealloc: (vm: Vm, h: number) => {
    vm.gc.untrack(h);
    const obj = held(vm, h);
    vm.gcDel(h);
    vm.decref(obj);
  },
  traverse: (vm: Vm, h: number, visit: (x: number) => void) => visit(held(vm, h)),
});

/** A new holder of `factory`'s type around `obj` (a new reference to it is taken). */
function holderNew(vm: Vm, factory: TypeFactory, obj: number): number {
  const t = moduleType(vm, factory);
  const h = vm.newGcObject(t.id, t.basicsize);
  vm.incref(obj);
  vm.table.side[h] = obj;
  vm.gc.track(h);
  return h;
}

const traceFrames = (vm: Vm, tup: number): FrameRec[] =>
  traceParts(vm, tup)
    .frames.map(([filename, lineno]) => ({ filename, lineno }))
    .reverse();

const traceSize = (vm: Vm, tup: number): number =>
  Number(intValue(vm, vm.pool.data[vm.table.ref[tup] + 1]));

function traceText(vm: Vm, tup: number): string {
  const frames = traceFrames(vm, tup);
  const first = frames[0];
  return `${first.filename}:${first.lineno}: ${formatSize(traceSize(vm, tup), false)}`;
}

export const TraceType: TypeFactory = (_vm, id) =>
  defineType({
    id,
    ...holderSlots('Trace', 24),
    str: (vm, h) => strNew(vm, traceText(vm, traceTuple(vm, h))),
    reprText: (vm, h) => {
      const tup = traceTuple(vm, h);
      const frames = traceFrames(vm, tup)
        .map((f) => `<Frame filename='${f.filename}' lineno=${f.lineno}>`)
        .join(', ');
      const one = traceFrames(vm, tup).length === 1 ? ',' : '';
      return `<Trace domain=0 size=${formatSize(traceSize(vm, tup), false)}, traceback=<Traceback (${frames}${one})>>`;
    },
    richcompare: (vm, a, b, op) => {
      const tt = moduleType(vm, TraceType).id;
      if ((op !== Cmp.EQ && op !== Cmp.NE) || vm.table.type[b] !== tt) return vm.s.NotImplemented;
      const same = richCompareBool(vm, traceTuple(vm, a), traceTuple(vm, b), Cmp.EQ);
      return vm.s.bool(op === Cmp.EQ ? same : !same);
    },
    hash: (vm, h) => hashKey(vm, traceTuple(vm, h)),
    // Trace.__hash__: hash(self._trace)
    extra: { hashValue: (vm: Vm, h: number) => hashValue(vm, traceTuple(vm, h)) },
    getset: {
      domain: { name: 'domain', get: (vm) => fromSsize(vm, 0) },
      size: { name: 'size', get: (vm, h) => fromSsize(vm, traceSize(vm, traceTuple(vm, h))) },
      traceback: { name: 'traceback', get: (vm, h) => tracebackNew(vm, traceFrames(vm, traceTuple(vm, h))) },
      _trace: {
        name: '_trace',
        get: (vm, h) => {
          const tup = traceTuple(vm, h);
          vm.incref(tup);
          return tup;
        },
      },
    },
  });

/** Trace(trace): the object around one raw tuple. */
const traceNew = (vm: Vm, tup: number): number => holderNew(vm, TraceType, tup);

function tracesItem(vm: Vm, h: number, i: number): number {
  const list = tracesList(vm, h);
  const n = vm.table.n[list];
  const at = i < 0 ? i + n : i;
  if (at < 0 || at >= n) throw indexError(vm, 'list index out of range');
  return traceNew(vm, vm.pool.data[vm.table.ref[list] + at]);
}

export const TracesType: TypeFactory = (_vm, id) =>
  defineType({
    id,
    ...holderSlots('_Traces', 40),
    reprText: (vm, h) => `<Traces len=${vm.table.n[tracesList(vm, h)]}>`,
    getset: {
      _traces: {
        name: '_traces',
        get: (vm, h) => {
          vm.incref(tracesList(vm, h));
          return tracesList(vm, h);
        },
      },
    },
    sequence: {
      length: (vm, h) => vm.table.n[tracesList(vm, h)],
      item: tracesItem,
      contains: (vm, h, x) => {
        if (vm.table.type[x] !== moduleType(vm, TraceType).id)
          throw typeError(vm, `'${vm.typeOf(x).name}' object has no attribute '_trace'`);
        const list = tracesList(vm, h);
        for (let i = 0; i < vm.table.n[list]; i++)
          if (richCompareBool(vm, vm.pool.data[vm.table.ref[list] + i], traceTuple(vm, x), Cmp.EQ)) return true;
        return false;
      },
    },
    mapping: {
      length: (vm, h) => vm.table.n[tracesList(vm, h)],
      subscript: (vm, h, key) => {
        if (vm.table.type[key] === T.Slice) {
          const list = tracesList(vm, h);
          const s = sliceIndices(vm, key, vm.table.n[list]);
          const items: number[] = [];
          for (let k = 0, i = s.start; k < s.length; k++, i += s.step)
            items.push(traceNew(vm, vm.pool.data[vm.table.ref[list] + i]));
          return tupleFromItems(vm, items);
        }
        if (!hasIndex(vm, key))
          throw typeError(vm, `list indices must be integers or slices, not ${vm.typeOf(key).name}`);
        return tracesItem(vm, h, asSsize(vm, key, 0));
      },
    },
  });

/** _Traces(traces) for a new Snapshot: holds its own reference to the raw list. */
export const tracesNew = (vm: Vm, list: number): number => holderNew(vm, TracesType, list);
