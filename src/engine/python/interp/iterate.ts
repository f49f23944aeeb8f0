import { memoryError, typeError } from '../errors';
import { boundBuiltinNew } from '../objects/func';
import { fromLong, intValue } from '../objects/int';
import { builtinIter, builtinNext, rangeFields } from '../objects/iter';
import { iterTypeNext } from '../objects/itertypes';
import { listNew, listPut, listResize } from '../objects/list';
import { listExtendItems } from '../objects/listops';
import { T } from '../objects/types';
import { generatorNext } from './comprehension';
import type { Interp } from './interp';
import { typeName } from './repr';
import { sequenceItems } from './unpack';

/** GET_ITER / PyObject_GetIter: a new reference to an iterator. */
export function getIter(it: Interp, h: number): number {
  const vm = it.vm;
  const r = builtinIter(vm, h);
  if (r) return r;
  const ext = vm.extensions[vm.table.type[h]];
  if (ext?.iter) return ext.iter(h);
  throw typeError(`'${typeName(vm, h)}' object is not iterable`);
}

/** tp_iternext: a new reference, or 0 when the iterator is exhausted. */
export function iterNext(it: Interp, iter: number): number {
  const vm = it.vm;
  const type = vm.table.type[iter];
  if (type === T.Generator) return generatorNext(it, iter);
  if (type === T.Enumerate || type === T.Zip || type === T.ListRevIter) return iterTypeNext(vm, iter, (x) => iterNext(it, x));
  if (type >= T.FirstExtension) {
    const ext = vm.extensions[type];
    if (ext?.iter) throw it.unsupported(`iterating ${ext.name} with next()`);
  }
  return builtinNext(vm, iter);
}

/** len(x) for the types that have __len__, or -1. */
export function lengthOf(it: Interp, h: number): number {
  const vm = it.vm;
  const t = vm.table;
  switch (t.type[h]) {
    case T.List:
    case T.Tuple:
    case T.Str:
    case T.Bytes:
    case T.ByteArray:
    case T.Dict:
    case T.Set:
    case T.FrozenSet:
      return t.n[h];
    case T.DictView:
      return t.n[t.ref[h]];
    case T.Range:
      return Number(intValue(vm, rangeFields(vm, h).length));
    default: {
      const ext = vm.extensions[t.type[h]];
      return ext?.len ? ext.len(h) : -1;
    }
  }
}

/**
 * PyObject_LengthHint(o, 8): len() when there is one; else __length_hint__, looked up as a
 * bound method (a PyCFunction allocated and freed) returning an int; generators have neither.
 */
function lengthHint(it: Interp, h: number): number {
  const vm = it.vm;
  const n = lengthOf(it, h);
  if (n >= 0) return n;
  const t = vm.table;
  switch (t.type[h]) {
    case T.RangeIter:
    case T.LongRangeIter:
    case T.ListIter:
    case T.TupleIter:
    case T.DictIter:
    case T.SetIter:
    case T.ListRevIter: {
      const m = boundBuiltinNew(vm, h, '__length_hint__');
      const remaining = iteratorRemaining(it, h);
      const r = fromLong(vm, remaining);
      vm.decref(m);
      vm.decref(r);
      return remaining;
    }
    default:
      return 8;
  }
}

function iteratorRemaining(it: Interp, h: number): number {
  const vm = it.vm;
  const t = vm.table;
  switch (t.type[h]) {
    case T.RangeIter:
    case T.LongRangeIter:
      return Number((t.side[h] as { len: number }).len) - t.num[h];
    case T.SetIter:
      return (t.side[h] as number[]).length - t.num[h];
    case T.ListRevIter:
      return t.ref[h] ? t.num[h] + 1 : 0;
    default:
      return t.ref[h] ? Math.max(0, t.n[t.ref[h]] - t.num[h]) : 0;
  }
}

/**
 * list_extend(self, iterable) for iterables other than lists and tuples: room for the length
 * hint first (exactly, when the list is empty), items stored while they fit and appended after,
 * and the surplus cut back at the end.
 */
export function listExtendIterable(it: Interp, l: number, iterable: number): void {
  const vm = it.vm;
  const t = vm.table;
  const type = t.type[iterable];
  if (type === T.List || type === T.Tuple) {
    const [items] = sequenceItems(it, iterable, l === iterable ? l : 0);
    listExtendItems(vm, l, items);
    return;
  }
  const iter = getIter(it, iterable);
  const n = lengthHint(it, iterable);
  const m = t.n[l];
  if (t.ptr[l] === 0) {
    if (n > 0) {
      const size = (n + 1) & ~1; // list_preallocate_exact
      const p = vm.mem.malloc(8 * size);
      if (p === 0) throw memoryError();
      t.ptr[l] = p;
      t.cap[l] = size;
    }
  } else {
    listResize(vm, l, m + n);
    t.n[l] = m;
  }
  for (;;) {
    const v = iterNext(it, iter);
    if (!v) break;
    it.tick(it.line);
    const size = t.n[l];
    if (size < t.cap[l]) {
      listPut(vm, l, size, v);
      t.n[l] = size + 1;
    } else {
      listResize(vm, l, size + 1);
      t.n[l] = size;
      listPut(vm, l, size, v);
      t.n[l] = size + 1;
    }
  }
  if (t.n[l] < t.cap[l]) listResize(vm, l, t.n[l]);
  vm.decref(iter);
}

/** PySequence_List / list(iterable): list_new + list___init__ → list_extend. */
export function listFromIterable(it: Interp, iterable: number): number {
  const l = listNew(it.vm, 0);
  listExtendIterable(it, l, iterable);
  return l;
}
