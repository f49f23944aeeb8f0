import { NotSupported } from '../errors';
import { E } from '../objects/exctypes';
import { classGetItem } from '../objects/genericalias';
import { TpFlags } from '../objects/types';
import { lookupAttr } from './attr';
import { call } from './call';
import type { Vm } from '../runtime/vm';
import { typeError } from './errors';
import { asSsize, hasIndex } from './number';
import { typeName } from './object';

/**
 * PyObject_GetItem (BINARY_SUBSCR): mp_subscript, else sq_item with an index (negative indices
 * adjusted by PySequence_GetItem), else TypeError. A new reference.
 */
export function getItem(vm: Vm, o: number, key: number): number {
  const s = vm.types[vm.table.type[o]];
  const sub = s.mapping?.subscript;
  if (sub) return sub(vm, o, key);
  if (s.sequence?.item) {
    if (!hasIndex(vm, key))
      throw typeError(vm, "sequence index must be integer, not '%.200s'", typeName(vm, key));
    return sequenceGetItem(vm, o, asSsize(vm, key, E.IndexError));
  }
  if (s.flags & TpFlags.TypeSubclass) {
    // the built-in generics (list[int]: types.GenericAlias)
    const alias = classGetItem(vm, o, key);
    if (alias !== 0) return alias;
    // a class's __class_getitem__ (implicitly a classmethod): looked up, called with the key,
    // the bound method released
    const cls = vm.slotsOf(o);
    if (cls.flags & TpFlags.HeapType) {
      const meth = lookupAttr(vm, o, '__class_getitem__');
      if (meth !== 0) {
        try {
          return call(vm, meth, [key], null);
        } finally {
          vm.decref(meth);
        }
      }
      throw typeError(vm, "type '%.200s' is not subscriptable", cls.name);
    }
    throw new NotSupported(`subscripting the type ${cls.name} (__class_getitem__)`);
  }
  throw typeError(vm, "'%.200s' object is not subscriptable", s.name);
}

/** PySequence_GetItem: a negative index counts from the end (sq_length), then sq_item. */
export function sequenceGetItem(vm: Vm, o: number, i: number): number {
  const sq = vm.types[vm.table.type[o]].sequence!;
  if (i < 0 && sq.length) i += sq.length(vm, o);
  return sq.item!(vm, o, i);
}

/** PyObject_SetItem (STORE_SUBSCR); `value` is borrowed. */
export function setItem(vm: Vm, o: number, key: number, value: number): void {
  const s = vm.types[vm.table.type[o]];
  const ass = s.mapping?.assSubscript;
  if (ass) return ass(vm, o, key, value);
  const sq = s.sequence;
  if (sq?.assItem) {
    if (!hasIndex(vm, key))
      throw typeError(vm, "sequence index must be integer, not '%.200s'", typeName(vm, key));
    let i = asSsize(vm, key, E.IndexError);
    if (i < 0 && sq.length) i += sq.length(vm, o);
    return sq.assItem(vm, o, i, value);
  }
  throw typeError(vm, "'%.200s' object does not support item assignment", s.name);
}

/** PyObject_DelItem (DELETE_SUBSCR). */
export function delItem(vm: Vm, o: number, key: number): void {
  const s = vm.types[vm.table.type[o]];
  const ass = s.mapping?.assSubscript;
  if (ass) return ass(vm, o, key, 0);
  const sq = s.sequence;
  if (sq?.assItem) {
    if (!hasIndex(vm, key))
      throw typeError(vm, "sequence index must be integer, not '%.200s'", typeName(vm, key));
    let i = asSsize(vm, key, E.IndexError);
    if (i < 0 && sq.length) i += sq.length(vm, o);
    return sq.assItem(vm, o, i, 0);
  }
  throw typeError(vm, "'%.200s' object doesn't support item deletion", s.name);
}
