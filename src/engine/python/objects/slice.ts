import { typeError, valueError } from '../abstract/errors';
import { asSsize, hasIndex, index } from '../abstract/number';
import { reprText } from '../abstract/repr';
import type { Vm } from '../runtime/vm';
import { fromLong, intAddSub, intValue } from './int';
import { hashNotImplemented } from './object';
import { tupleFromItems, tupleItem } from './tuple';
import { Meth, T, TpFlags, defineType, type TypeSlots, type Visit } from './types';

/**
 * slice objects (Objects/sliceobject.c): a 16 + 40 byte GC object; interp->slice_cache keeps one
 * dead slice for the next (PySlice_New tries it first).
 */
export const SLICE_BASIC = 40;

/** PySlice_New: interp->slice_cache first. start/stop/step are borrowed. */
export function sliceNew(vm: Vm, start: number, stop: number, step: number): number {
  let h: number;
  if (vm.free.slice) {
    h = vm.reuse(vm.free.slice, T.Slice);
    vm.free.slice = 0;
  } else h = vm.newGcObject(T.Slice, SLICE_BASIC);
  vm.incref(step);
  vm.incref(start);
  vm.incref(stop);
  vm.table.side[h] = [start, stop, step];
  vm.gc.track(h);
  return h;
}

export function sliceParts(vm: Vm, h: number): [number, number, number] {
  return vm.table.side[h] as [number, number, number];
}

/** slice_dealloc: step, start, stop released; the object goes to the one-slot cache or is freed. */
function sliceDealloc(vm: Vm, h: number): void {
  vm.gc.untrack(h);
  const [start, stop, step] = sliceParts(vm, h);
  vm.decref(step);
  vm.decref(start);
  vm.decref(stop);
  vm.table.side[h] = undefined;
  if (vm.free.slice === 0) {
    vm.park(h);
    vm.free.slice = h;
  } else vm.gcDel(h);
}

function sliceTraverse(vm: Vm, h: number, visit: Visit): void {
  for (const r of sliceParts(vm, h)) visit(r);
}

/** PySlice_Unpack + PySlice_AdjustIndices: start, stop, step and the number of items selected. */
export function sliceIndices(
  vm: Vm,
  slice: number,
  len: number,
): { start: number; stop: number; step: number; length: number } {
  const [s0, s1, s2] = sliceParts(vm, slice);
  const num = (h: number): number | null => {
    if (vm.table.type[h] === T.None) return null;
    if (!hasIndex(vm, h))
      throw typeError(vm, 'slice indices must be integers or None or have an __index__ method');
    return asSsize(vm, h, 0);
  };
  const step = num(s2) ?? 1;
  if (step === 0) throw valueError(vm, 'slice step cannot be zero');
  let start = num(s0);
  let stop = num(s1);
  if (start === null) start = step < 0 ? len - 1 : 0;
  else if (start < 0) start = Math.max(start + len, step < 0 ? -1 : 0);
  else if (start >= len) start = step < 0 ? len - 1 : len;
  if (stop === null) stop = step < 0 ? -1 : len;
  else if (stop < 0) stop = Math.max(stop + len, step < 0 ? -1 : 0);
  else if (stop >= len) stop = step < 0 ? len - 1 : len;
  const length =
    step < 0
      ? stop < start
        ? Math.floor((start - stop - 1) / -step) + 1
        : 0
      : start < stop
        ? Math.floor((stop - start - 1) / step) + 1
        : 0;
  return { start, stop, step, length };
}

/** evaluate_slice_index: PyNumber_Index of a start/stop/step that has __index__ (a new reference). */
function sliceIndexObject(vm: Vm, h: number): number {
  if (!hasIndex(vm, h))
    throw typeError(vm, 'slice indices must be integers or None or have an __index__ method');
  return index(vm, h);
}

/**
 * slice.indices(length) (slice_indices → _PySlice_GetLongIndices): all in int objects, so any length
 * works. lower/upper are 0/length, or -1/length-1 for a negative step (PyNumber_Add: a new int past
 * 256); a negative start or stop gets length added (a new int) and is then clamped to [lower, upper],
 * the clamped one replacing it. Py_BuildValue("(NNN)") packs the three into a new tracked 3-tuple.
 */
function sliceIndicesMethod(vm: Vm, self: number, arg: number): number {
  const length = index(vm, arg);
  const lengthV = intValue(vm, length);
  const held: number[] = [length];
  const own = (h: number): number => (held.push(h), h);
  try {
    if (lengthV < 0) throw valueError(vm, 'length should not be negative');
    const [s0, s1, s2] = sliceParts(vm, self);
    let step: number;
    if (vm.table.type[s2] === T.None) step = vm.s.smallInt(1);
    else step = sliceIndexObject(vm, s2);
    own(step);
    const stepV = intValue(vm, step);
    if (stepV === 0 || stepV === 0n) throw valueError(vm, 'slice step cannot be zero');
    const negative = stepV < 0;
    const lower = own(negative ? fromLong(vm, -1) : vm.s.smallInt(0));
    const upper = own(negative ? intAddSub(vm, lengthV, -1, false) : (vm.incref(length), length));
    const bound = (raw: number, ifNone: number): number => {
      if (vm.table.type[raw] === T.None) {
        vm.incref(ifNone);
        return ifNone;
      }
      let v = sliceIndexObject(vm, raw);
      let clampTo = 0;
      if (intValue(vm, v) < 0) {
        const sum = intAddSub(vm, intValue(vm, v), lengthV, false);
        vm.decref(v);
        v = sum;
        if (intValue(vm, v) < intValue(vm, lower)) clampTo = lower;
      } else if (intValue(vm, v) > intValue(vm, upper)) clampTo = upper;
      if (clampTo !== 0) {
        vm.incref(clampTo);
        vm.decref(v);
        v = clampTo;
      }
      return v;
    };
    const start = bound(s0, negative ? upper : lower);
    let stop: number;
    try {
      stop = bound(s1, negative ? lower : upper);
    } catch (e) {
      vm.decref(start);
      throw e;
    }
    held.splice(held.indexOf(step), 1); // stolen by the tuple
    return tupleFromItems(vm, [start, stop, step]);
  } finally {
    // _PySlice_GetLongIndices releases lower and upper, slice_indices the length
    for (let i = held.length - 1; i >= 0; i--) vm.decref(held[i]);
  }
}

/** slice_new: slice(stop), slice(start, stop[, step]). */
function sliceTypeNew(vm: Vm, _type: TypeSlots, args: number, kwargs: number): number {
  const n = vm.table.n[args];
  if (kwargs !== 0) throw typeError(vm, 'slice() takes no keyword arguments');
  if (n < 1 || n > 3)
    throw typeError(
      vm,
      n < 1 ? 'slice expected at least 1 argument, got %zd' : 'slice expected at most 3 arguments, got %zd',
      n,
    );
  const a = (i: number) => (i < n ? tupleItem(vm, args, i) : vm.s.None);
  return n === 1 ? sliceNew(vm, vm.s.None, a(0), vm.s.None) : sliceNew(vm, a(0), a(1), a(2));
}

const part = (i: number) => ({
  name: ['start', 'stop', 'step'][i],
  get: (vm: Vm, h: number) => {
    const v = sliceParts(vm, h)[i];
    vm.incref(v);
    return v;
  },
});

export const SliceType = (): TypeSlots =>
  defineType({
    id: T.Slice,
    name: 'slice',
    basicsize: SLICE_BASIC,
    flags: TpFlags.HaveGc,
    dealloc: sliceDealloc,
    traverse: sliceTraverse,
    reprText: (vm, h, depth) =>
      `slice(${sliceParts(vm, h)
        .map((p) => reprText(vm, p, depth + 1))
        .join(', ')})`,
    hash: hashNotImplemented,
    new: sliceTypeNew,
    members: { start: part(0), stop: part(1), step: part(2) },
    methods: {
      indices: {
        name: 'indices',
        flags: Meth.O,
        impl: (vm: Vm, self: number, args: ArrayLike<number>) => sliceIndicesMethod(vm, self, args[0]),
      },
    },
  });
