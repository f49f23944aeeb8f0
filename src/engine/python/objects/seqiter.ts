import { clearError, errorMatches } from '../abstract/errors';
import { call } from '../abstract/call';
import { richCompareBool } from '../abstract/compare';
import { getItem } from '../abstract/item';
import { PyError } from '../errors';
import type { Vm } from '../runtime/vm';
import { E } from './exctypes';
import { fromSsize } from './int';
import { Cmp } from './types';
import { jsIterNew, jsIterType, type JsIterState } from './jsiter';

/**
 * PySeqIter_Type ("iterator", Objects/iterobject.c): what iter() makes of an object with
 * __getitem__ and no __iter__ (the old sequence protocol), so `for`, list() and `in` work on it.
 * 16 (GC) + 32 bytes (header, it_index, it_seq: sys.getsizeof 48 on 3.11.7), tracked.
 * iter_iternext: PySequence_GetItem(seq, index); IndexError or StopIteration ends it, and the
 * iterator lets go of the sequence.
 */
const SeqIterType = jsIterType('iterator', 'builtins', 32);

/** PySeqIter_New: an iterator over seq from index 0 (a new reference to seq is held). */
export function seqIterNew(vm: Vm, seq: number): number {
  vm.incref(seq);
  let index = 0;
  const held = [seq];
  const next: JsIterState['next'] = (vm2) => {
    if (held.length === 0) return 0;
    // slot_sq_item: the index as an int object, then __getitem__
    const i = fromSsize(vm2, index++);
    try {
      return getItem(vm2, seq, i);
    } catch (e) {
      if (!(e instanceof PyError)) throw e;
      if (!errorMatches(vm2, e, E.IndexError) && !errorMatches(vm2, e, E.StopIteration)) throw e;
      clearError(vm2, e);
      // the end: it_seq = NULL, its reference released
      held.length = 0;
      vm2.decref(seq);
      return 0;
    } finally {
      vm2.decref(i);
    }
  };
  return jsIterNew(vm, SeqIterType, next, held);
}

/**
 * PyCallIter_Type ("callable_iterator"): iter(callable, sentinel). 16 (GC) + 32 bytes (header,
 * it_callable, it_sentinel: sys.getsizeof 48), tracked. calliter_iternext calls the callable with
 * no arguments; a result equal to the sentinel (PyObject_RichCompareBool, identity first) or a
 * StopIteration from the call ends it, and both references are let go.
 */
const CallIterType = jsIterType('callable_iterator', 'builtins', 32);

/** PyCallIter_New: new references to both are held. */
export function callIterNew(vm: Vm, callable: number, sentinel: number): number {
  vm.incref(callable);
  vm.incref(sentinel);
  const held = [callable, sentinel];
  const end = (): void => {
    held.length = 0;
    vm.decref(callable);
    vm.decref(sentinel);
  };
  const next: JsIterState['next'] = (vm2) => {
    if (held.length === 0) return 0;
    let result: number;
    try {
      result = call(vm2, callable, [], null);
    } catch (e) {
      if (!(e instanceof PyError) || !errorMatches(vm2, e, E.StopIteration)) throw e;
      clearError(vm2, e);
      end();
      return 0;
    }
    let same: boolean;
    try {
      same = richCompareBool(vm2, sentinel, result, Cmp.EQ);
    } catch (e) {
      vm2.decref(result);
      throw e;
    }
    if (!same) return result;
    vm2.decref(result);
    end();
    return 0;
  };
  return jsIterNew(vm, CallIterType, next, held);
}
