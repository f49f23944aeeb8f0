import { typeError, valueError } from '../abstract/errors';
import { asSsize, hasIndex } from '../abstract/number';
import { reprText } from '../abstract/repr';
import type { Vm } from '../runtime/vm';
import { hashNotImplemented } from './object';
import { tupleItem } from './tuple';
import { T, TpFlags, defineType, type TypeSlots, type Visit } from './types';

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
  });
