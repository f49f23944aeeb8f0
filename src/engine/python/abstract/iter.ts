import type { Vm } from '../runtime/vm';
import { lookupSpecial } from './attr';
import { call } from './call';
import { typeError } from './errors';
import { seqIterNew } from '../objects/seqiter';
import { TpFlags } from '../objects/types';
import { lengthIfAny, typeName } from './object';
import { callDefers, deferrer } from '../runtime/deferred';

/** PyObject_GetIter (GET_ITER): tp_iter, which must return an iterator. A new reference. */
export function getIter(vm: Vm, h: number): number {
  const s = vm.types[vm.table.type[h]];
  const f = s.iter;
  if (f === null) {
    // PySequence_Check: a class's __getitem__ (slot_sq_item) or a built-in's sq_item
    if ((s.flags & TpFlags.HeapType && s.mapping?.subscript) || s.sequence?.item) return seqIterNew(vm, h);
    throw typeError(vm, "'%.200s' object is not iterable", s.name);
  }
  const it = f(vm, h);
  if (vm.types[vm.table.type[it]].iternext === null) {
    const name = typeName(vm, it);
    vm.decref(it);
    throw typeError(vm, "iter() returned non-iterator of type '%.100s'", name);
  }
  return it;
}

/**
 * tp_iternext (FOR_ITER, PyIter_Next): the next item (a new reference), or 0 when the iterator
 * is exhausted. The built-in iterators end without setting StopIteration at all, so a `for`
 * loop's end makes no exception object.
 */
export function iterNext(vm: Vm, it: number): number {
  const f = vm.types[vm.table.type[it]].iternext;
  if (f === null) throw typeError(vm, "'%.200s' object is not an iterator", typeName(vm, it));
  return f(vm, it);
}

/**
 * PyIter_Next from a C loop that may hand its rest to the eval loop (list_extend under a deferring
 * list(): runtime/deferred.ts): with `defer`, an iternext that calls Python (map_next, filter_next)
 * may push that call's frame and return DEFERRED, the item coming to the caller's continuation.
 */
export function iterNextMayDefer(vm: Vm, it: number, defer: boolean): number {
  const f = vm.types[vm.table.type[it]].iternext;
  if (f === null) throw typeError(vm, "'%.200s' object is not an iterator", typeName(vm, it));
  if (defer && callDefers(f)) deferrer(vm)!.armDefer();
  return f(vm, it);
}

/**
 * PyObject_GetIter, then PyIter_Next until the end: each item (borrowed for the call) released
 * after `fn`, the iterator at the end; `fn` returning false stops early (C code's `break`).
 * `tick`: the eval breaker is checked after each item (a long C loop the budget and the GIL see).
 */
export function forEachItem(
  vm: Vm,
  iterable: number,
  fn: (item: number) => boolean | void,
  tick = false,
): void {
  const it = getIter(vm, iterable);
  try {
    for (let v = iterNext(vm, it); v; v = iterNext(vm, it)) {
      let go: boolean | void;
      try {
        go = fn(v);
      } finally {
        vm.decref(v);
      }
      if (go === false) return;
      if (tick) vm.eval.tick();
    }
  } finally {
    vm.decref(it);
  }
}

/** Is `h` an iterator (PyIter_Check: has tp_iternext)? */
export function isIterator(vm: Vm, h: number): boolean {
  return vm.types[vm.table.type[h]].iternext !== null;
}

/**
 * PyObject_LengthHint(o, default): len() when the type has one; else __length_hint__ looked up
 * and called (for a built-in iterator a bound method object is made and freed, and the int it
 * returns); else the default.
 */
export function lengthHint(vm: Vm, o: number, dflt: number): number {
  const n = lengthIfAny(vm, o);
  if (n >= 0) return n;
  const hint = lookupSpecial(vm, o, '__length_hint__');
  if (hint === 0) return dflt;
  const r = call(vm, hint, [], null);
  vm.decref(hint);
  if (r === vm.s.NotImplemented) return dflt;
  const v = vm.table.num[r];
  vm.decref(r);
  return v;
}
