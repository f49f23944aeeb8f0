import { NotSupported } from '../errors';
import { cmpResult } from '../abstract/compare';
import { raiseString, typeError, valueError } from '../abstract/errors';
import { unicodeFromFormat } from '../abstract/fromformat';
import { asSsize, hasIndex, index } from '../abstract/number';
import { typeName } from '../abstract/object';
import { reprText } from '../abstract/repr';
import type { Vm } from '../runtime/vm';
import { E } from './exctypes';
import { fromLong, intAddSub, intNeg, intValue, norm } from './int';
import { type IntValue } from './intsize';
import { sliceIndices } from './slice';
import { intDivMod } from './intdiv';
import { Cmp, Meth, T, defineType, type TypeSlots } from './types';

/**
 * range objects and their iterators (Objects/rangeobject.c): range 48 bytes (not GC), its
 * iterators 48 bytes each: the C-long `range_iterator` when everything fits, the PyObject-based
 * `longrange_iterator` otherwise.
 */
const LONG_MAX = 2 ** 63 - 1;

interface RangeFields {
  start: number;
  stop: number;
  step: number;
  length: number;
}

/** make_range_object: compute_range_length does real int arithmetic (each step may allocate). */
export function rangeNew(vm: Vm, start: number, stop: number, step: number): number {
  const length = computeRangeLength(vm, start, stop, step);
  const h = vm.newObject(T.Range, 48);
  vm.table.side[h] = { start, stop, step, length } satisfies RangeFields;
  return h;
}

export function rangeFields(vm: Vm, h: number): RangeFields {
  return vm.table.side[h] as RangeFields;
}

function computeRangeLength(vm: Vm, start: number, stop: number, step: number): number {
  const stepV = intValue(vm, step);
  if (stepV === 0 || stepV === 0n) throw valueError(vm, 'range() arg 3 must not be zero');
  if (vm.py.rangeLengthFastPath) {
    // 3.12's fast path: all three in a C long, get_len_of_range, one PyLong_FromLong (no temporaries)
    const lo0 = BigInt(intValue(vm, start));
    const hi0 = BigInt(intValue(vm, stop));
    const st = BigInt(stepV);
    const fits = (v: bigint) => v <= BigInt(LONG_MAX) && v >= -BigInt(LONG_MAX) - 1n;
    if (fits(lo0) && fits(hi0) && fits(st)) {
      const len =
        st > 0n
          ? lo0 < hi0
            ? 1n + (hi0 - 1n - lo0) / st
            : 0n
          : hi0 < lo0
            ? 1n + (lo0 - 1n - hi0) / -st
            : 0n;
      if (len <= BigInt(LONG_MAX))
        return fromLong(vm, len <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(len) : len);
    }
  }
  let lo = start;
  let hi = stop;
  if (stepV > 0) vm.incref(step);
  else {
    lo = stop;
    hi = start;
    step = intNeg(vm, stepV);
  }
  const loV = intValue(vm, lo);
  const hiV = intValue(vm, hi);
  if (loV >= hiV) {
    vm.decref(step);
    return vm.s.smallInt(0);
  }
  const tmp1 = intAddSub(vm, hiV, loV, true);
  const diff = intAddSub(vm, intValue(vm, tmp1), 1, true);
  const tmp2 = intDivMod(vm, intValue(vm, diff), intValue(vm, step), 'div');
  const result = intAddSub(vm, intValue(vm, tmp2), 1, false);
  vm.decref(tmp2);
  vm.decref(diff);
  vm.decref(step);
  vm.decref(tmp1);
  return result;
}

function rangeDealloc(vm: Vm, h: number): void {
  const r = rangeFields(vm, h);
  vm.decref(r.start);
  vm.decref(r.stop);
  vm.decref(r.step);
  vm.decref(r.length);
  vm.objectFree(h);
}

/** range_from_array (range_vectorcall): PyNumber_Index of each argument, then make_range_object. */
function rangeVectorcall(
  vm: Vm,
  _type: number,
  args: readonly number[],
  kw: Map<string, number> | null,
): number {
  if (kw !== null && kw.size) throw typeError(vm, 'range() takes no keyword arguments');
  if (args.length === 0) throw typeError(vm, 'range expected at least 1 argument, got 0');
  if (args.length > 3) throw typeError(vm, 'range expected at most 3 arguments, got %zd', args.length);
  const ints = args.map((a) => index(vm, a));
  if (ints.length === 1) return rangeNew(vm, vm.s.smallInt(0), ints[0], vm.s.smallInt(1));
  return rangeNew(vm, ints[0], ints[1], ints[2] ?? vm.s.smallInt(1));
}

function rangeLength(vm: Vm, h: number): number {
  const len = intValue(vm, rangeFields(vm, h).length);
  if (typeof len === 'bigint')
    throw raiseString(vm, E.OverflowError, 'Python int too large to convert to C ssize_t');
  return len;
}

/** range_contains: an int is tested arithmetically; anything else is compared item by item (not modelled). */
function rangeContains(vm: Vm, h: number, x: number): boolean {
  const type = vm.table.type[x];
  if (type !== T.Int && type !== T.Bool) throw new NotSupported('`in` of a non-int in a range');
  const r = rangeFields(vm, h);
  const v = BigInt(intValue(vm, x));
  const start = BigInt(intValue(vm, r.start));
  const stop = BigInt(intValue(vm, r.stop));
  const step = BigInt(intValue(vm, r.step));
  if (step > 0n ? v < start || v >= stop : v > start || v <= stop) return false;
  return (v - start) % step === 0n;
}

/**
 * compute_slice: _PySlice_GetLongIndices' start, stop and step (ints), substep = r.step × step,
 * then compute_item (r.start + i × r.step) for start and for stop, each operand released as soon
 * as it is used, and make_range_object of the three.
 */
function rangeSlice(vm: Vm, h: number, key: number): number {
  const r = rangeFields(vm, h);
  const s = sliceIndices(vm, key, rangeLength(vm, h));
  const rStart = BigInt(intValue(vm, r.start));
  const rStep = BigInt(intValue(vm, r.step));
  const int = (v: bigint): number => fromLong(vm, norm(v));
  const step = int(BigInt(s.step));
  const start = int(BigInt(s.start));
  const stop = int(BigInt(s.stop));
  const substep = int(rStep * BigInt(s.step));
  vm.decref(step);
  const item = (iv: bigint): number => {
    if (rStep === 1n) return int(rStart + iv);
    const incr = int(iv * rStep);
    const result = int(rStart + iv * rStep);
    vm.decref(incr);
    return result;
  };
  const substart = item(BigInt(s.start));
  vm.decref(start);
  const substop = item(BigInt(s.stop));
  vm.decref(stop);
  return rangeNew(vm, substart, substop, substep);
}

/** range_subscript: an index gives compute_range_item (PyLong arithmetic), a slice compute_slice. */
function rangeSubscript(vm: Vm, h: number, key: number): number {
  if (vm.table.type[key] === T.Slice) return rangeSlice(vm, h, key);
  if (!hasIndex(vm, key))
    throw typeError(vm, 'range indices must be integers or slices, not %.200s', typeName(vm, key));
  const r = rangeFields(vm, h);
  const len = Number(intValue(vm, r.length));
  let i = asSsize(vm, key, E.IndexError);
  if (i < 0) i += len;
  if (i < 0 || i >= len) throw raiseString(vm, E.IndexError, 'range object index out of range');
  return fromLong(vm, Number(intValue(vm, r.start)) + i * Number(intValue(vm, r.step)));
}

function rangeText(vm: Vm, h: number): string {
  const r = rangeFields(vm, h);
  const step = intValue(vm, r.step);
  return `range(${intValue(vm, r.start)}, ${intValue(vm, r.stop)}${step === 1 ? '' : `, ${step}`})`;
}

/** range_richcompare: equal when both describe the same sequence. */
/**
 * What range_equals and range_hash look at: the length, then the start when there is an item,
 * then the step when there are two or more (range(0, 10, 2) == range(0, 9, 2); range(0) == range(5, 5)).
 */
function rangeKey(vm: Vm, h: number): string {
  const r = rangeFields(vm, h);
  const len = intValue(vm, r.length);
  if (len === 0) return '0';
  if (len === 1) return `1:${intValue(vm, r.start)}`;
  return `${len}:${intValue(vm, r.start)}:${intValue(vm, r.step)}`;
}

function rangeRichcompare(vm: Vm, a: number, b: number, op: Cmp): number {
  if (vm.table.type[b] !== T.Range || (op !== Cmp.EQ && op !== Cmp.NE)) return vm.s.NotImplemented;
  return vm.s.bool(cmpResult(rangeKey(vm, a) === rangeKey(vm, b) ? 0 : 1, op));
}

export const RangeType = (): TypeSlots =>
  defineType({
    id: T.Range,
    name: 'range',
    basicsize: 48,
    dealloc: rangeDealloc,
    sizeof: () => 48,
    repr: (vm, h) => {
      const r = rangeFields(vm, h);
      return intValue(vm, r.step) === 1
        ? unicodeFromFormat(vm, 'range(%R, %R)', [r.start, r.stop])
        : unicodeFromFormat(vm, 'range(%R, %R, %R)', [r.start, r.stop, r.step]);
    },
    reprText: rangeText,
    hash: (vm, h) => `\u0000range${rangeKey(vm, h)}`,
    richcompare: rangeRichcompare,
    sequence: { length: rangeLength, contains: rangeContains },
    mapping: { length: rangeLength, subscript: rangeSubscript },
    iter: rangeIter,
    typeVectorcall: rangeVectorcall,
    methods: {
      // range_index / range_count for an int (PyLong_CheckExact or bool): arithmetic, as
      // range_contains_long; other values are searched item by item in CPython (not modelled)
      index: {
        name: 'index',
        flags: Meth.O,
        qualname: 'range.index',
        impl: (vm, h, a) => {
          const x = a[0];
          if (!rangeContains(vm, h, x)) throw valueError(vm, `${reprText(vm, x)} is not in range`);
          const r = rangeFields(vm, h);
          const v = BigInt(intValue(vm, x)) - BigInt(intValue(vm, r.start));
          return fromLong(vm, norm(v / BigInt(intValue(vm, r.step))));
        },
      },
      count: {
        name: 'count',
        flags: Meth.O,
        qualname: 'range.count',
        impl: (vm, h, a) => vm.s.smallInt(rangeContains(vm, h, a[0]) ? 1 : 0),
      },
      __reversed__: {
        name: '__reversed__',
        flags: Meth.NoArgs,
        qualname: 'range.__reversed__',
        impl: (vm, h) => rangeReverse(vm, h),
      },
    },
    members: {
      start: { name: 'start', get: (vm, h) => incref(vm, rangeFields(vm, h).start) },
      stop: { name: 'stop', get: (vm, h) => incref(vm, rangeFields(vm, h).stop) },
      step: { name: 'step', get: (vm, h) => incref(vm, rangeFields(vm, h).step) },
    },
  });

function incref(vm: Vm, h: number): number {
  vm.incref(h);
  return h;
}

// ---- the iterators -----------------------------------------------------------------------

interface RangeIterState {
  start: IntValue;
  step: IntValue;
  len: IntValue;
}

/**
 * The iterator's start, step and len. The C-long iterator (T.RangeIter: all three fit a C long,
 * so they are JS numbers) keeps them in its own columns, `cap`, `ptr` and `n`: rangeiter_next runs
 * once for every element of every `for … in range(N)`, and a `side` entry costs a hash probe
 * there (the table's side is sparse). The PyObject iterator keeps them in `side`.
 */
function setRangeIterState(vm: Vm, it: number, st: RangeIterState): void {
  const t = vm.table;
  const { start, step, len } = st;
  if (
    t.type[it] === T.RangeIter &&
    typeof start === 'number' &&
    typeof step === 'number' &&
    typeof len === 'number' &&
    Math.abs(start) + Math.abs(len * step) <= Number.MAX_SAFE_INTEGER // every value exact in a double
  ) {
    t.ref[it] = IN_COLUMNS;
    t.cap[it] = start;
    t.ptr[it] = step;
    t.n[it] = len;
  } else t.side[it] = st;
}
const IN_COLUMNS = 1;

function rangeIterState(vm: Vm, it: number): RangeIterState {
  const t = vm.table;
  if (t.ref[it] === IN_COLUMNS) return { start: t.cap[it], step: t.ptr[it], len: t.n[it] };
  return t.side[it] as RangeIterState;
}

/** range_iter: the C-long fast iterator when everything fits, else the PyObject one (same size: the version's). */
function rangeIter(vm: Vm, h: number): number {
  const r = rangeFields(vm, h);
  const start = intValue(vm, r.start);
  const step = intValue(vm, r.step);
  const len = intValue(vm, r.length);
  const fits = (v: IntValue) => typeof v === 'number' && Math.abs(v) <= LONG_MAX;
  const stop = intValue(vm, r.stop);
  const type = fits(start) && fits(step) && fits(len) && fits(stop) ? T.RangeIter : T.LongRangeIter;
  const it = vm.newObject(type, vm.py.sizes.rangeIter);
  setRangeIterState(vm, it, { start, step, len });
  return it;
}

/** range_reverse: an iterator (48 bytes) from the last item down, step negated. */
function rangeReverse(vm: Vm, h: number): number {
  const r = rangeFields(vm, h);
  const start = BigInt(intValue(vm, r.start));
  const step = BigInt(intValue(vm, r.step));
  const len = BigInt(intValue(vm, r.length));
  const last = start + (len - 1n) * step;
  const fits = (v: bigint): boolean => v <= BigInt(LONG_MAX) && v >= -BigInt(LONG_MAX) - 1n;
  const type = fits(last) && fits(-step) && fits(len) ? T.RangeIter : T.LongRangeIter;
  const n = (v: bigint): IntValue => (Number.isSafeInteger(Number(v)) ? Number(v) : v);
  const it = vm.newObject(type, 48);
  setRangeIterState(vm, it, { start: n(len > 0n ? last : start), step: n(-step), len: n(len) });
  return it;
}

/** rangeiter_next: PyLong_FromLong of the next value. */
function rangeIterNext(vm: Vm, it: number): number {
  const t = vm.table;
  const i = t.num[it];
  if (t.ref[it] === IN_COLUMNS) {
    if (i >= t.n[it]) return 0;
    t.num[it] = i + 1;
    return fromLong(vm, t.cap[it] + i * t.ptr[it]);
  }
  const s = t.side[it] as RangeIterState;
  if (i >= Number(s.len)) return 0;
  t.num[it] = i + 1;
  // in doubles only while every partial result is exact (range(2**53 - 3, 2**53 + 3) went
  // 2**53, 2**53 when the sum was rounded first and made a bigint after)
  const x = typeof s.start === 'number' && typeof s.step === 'number' ? s.start + i * s.step : NaN;
  if (Number.isSafeInteger(x) && Math.abs(i * (s.step as number)) <= Number.MAX_SAFE_INTEGER)
    return fromLong(vm, x);
  const v = BigInt(s.start) + BigInt(i) * BigInt(s.step);
  return fromLong(vm, Number.isSafeInteger(Number(v)) ? Number(v) : v);
}

/** __length_hint__: what is left (PyLong_FromLong). */
const rangeIterLen = (vm: Vm, it: number): number =>
  fromLong(vm, Number(rangeIterState(vm, it).len) - vm.table.num[it]);

export const selfIter = (vm: Vm, h: number): number => {
  vm.incref(h);
  return h;
};

function rangeIterType(id: number, name: string): TypeSlots {
  return defineType({
    id,
    name,
    basicsize: 48,
    dealloc: (vm, h) => vm.objectFree(h),
    iter: selfIter,
    iternext: rangeIterNext,
    methods: { __length_hint__: { name: '__length_hint__', flags: Meth.NoArgs, impl: rangeIterLen } },
  });
}

export const RangeIterType = (): TypeSlots => rangeIterType(T.RangeIter, 'range_iterator');
export const LongRangeIterType = (): TypeSlots => rangeIterType(T.LongRangeIter, 'longrange_iterator');
