import { clearError, errorMatches } from '../abstract/errors';
import { getItem } from '../abstract/item';
import { PyError } from '../errors';
import type { Vm } from '../runtime/vm';
import { E } from './exctypes';
import { fromSsize } from './int';
import { jsIterNew, jsIterType, type JsIterState } from './jsiter';

/**
 * PySeqIter_Type ("iterator", Objects/iterobject.c): what iter() makes of an object with
 * __getitem__ and no __iter__ (the old sequence protocol), so `for`, list() and `in` work on it.
 * 16 + 16 bytes (it_index, it_seq), tracked. iter_iternext: PySequence_GetItem(seq, index);
 * IndexError or StopIteration ends it, and the iterator lets go of the sequence.
 */
const SeqIterType = jsIterType('iterator', 'builtins', 16);

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
