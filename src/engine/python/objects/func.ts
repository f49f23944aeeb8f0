import type { Vm } from '../runtime/vm';
import { T } from './types';

/**
 * Function objects, cells, slices and bound built-in methods (Objects/funcobject.c, cellobject.c,
 * sliceobject.c, methodobject.c). Sizes with the GC head: PyFunctionObject 16 + 136 = 152,
 * PyCellObject 16 + 24 = 40, PySliceObject 16 + 40 = 56, PyCFunctionObject 16 + 56 = 72.
 */
export const FUNCTION_BASIC = 136;
export const CELL_BASIC = 24;
export const SLICE_BASIC = 40;
export const CFUNCTION_BASIC = 56;

/** What a function object refers to besides its code (the code itself is compile-time). */
export interface FunctionData {
  /** The compiled unit (interp/ decides what it is). */
  code: unknown;
  name: string;
  defaults: number;
  closure: number;
}

/** MAKE_FUNCTION: PyFunction_New, a tracked GC object; `defaults` and `closure` are stolen. */
export function functionNew(vm: Vm, code: unknown, name: string, defaults: number, closure: number): number {
  const h = vm.newGcObject(T.Function, FUNCTION_BASIC);
  vm.table.side[h] = { code, name, defaults, closure } satisfies FunctionData;
  vm.gc.track(h);
  return h;
}

export function functionData(vm: Vm, h: number): FunctionData {
  return vm.table.side[h] as FunctionData;
}

/** func_dealloc → func_clear: the defaults, then the closure, then PyObject_GC_Del. */
export function functionDealloc(vm: Vm, h: number): void {
  vm.gc.untrack(h);
  const f = functionData(vm, h);
  vm.xdecref(f.defaults);
  vm.xdecref(f.closure);
  vm.gcDel(h);
}

export function functionTraverse(vm: Vm, h: number, visit: (ref: number) => void): void {
  const f = functionData(vm, h);
  if (f.defaults) visit(f.defaults);
  if (f.closure) visit(f.closure);
}

export function functionClear(vm: Vm, h: number): void {
  const f = functionData(vm, h);
  const { defaults, closure } = f;
  f.defaults = 0;
  f.closure = 0;
  vm.xdecref(defaults);
  vm.xdecref(closure);
}

/** PyCell_New(v) (MAKE_CELL): tracked. `v` is borrowed. */
export function cellNew(vm: Vm, v: number): number {
  const h = vm.newGcObject(T.Cell, CELL_BASIC);
  if (v) vm.incref(v);
  vm.table.ref[h] = v;
  vm.gc.track(h);
  return h;
}

export function cellDealloc(vm: Vm, h: number): void {
  vm.gc.untrack(h);
  vm.xdecref(vm.table.ref[h]);
  vm.gcDel(h);
}

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
export function sliceDealloc(vm: Vm, h: number): void {
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

/** A bound built-in method (`f = lst.append`): PyCFunction_NewEx, tracked. `self` is borrowed. */
export function boundBuiltinNew(vm: Vm, self: number, name: string): number {
  const h = vm.newGcObject(T.BoundBuiltin, CFUNCTION_BASIC);
  vm.incref(self);
  vm.table.ref[h] = self;
  vm.table.side[h] = name;
  vm.gc.track(h);
  return h;
}

export function boundBuiltinDealloc(vm: Vm, h: number): void {
  vm.gc.untrack(h);
  vm.decref(vm.table.ref[h]);
  vm.gcDel(h);
}
