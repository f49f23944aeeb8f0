import { unicodeFromFormat } from '../abstract/fromformat';
import { repr } from '../abstract/repr';
import { sequenceList } from '../abstract/sequence';
import type { Vm } from '../runtime/vm';
import { dictGetItem, dictNew, dictSetItem } from './dict';
import { dictData } from './dictkeys';
import { listAppend, listItem, listNew } from './list';
import { listAssSlice } from './listops';
import { setData } from './set';
import { intern, strResult, strValue } from './str';
import { tupleItem } from './tuple';
import { T } from './types';
import { UnicodeWriter } from './formatwriter';
import { keyAt, valueAt } from './dictindex';

/**
 * tp_repr of list, tuple, dict and set (3.11): Py_ReprEnter/Py_ReprLeave around a
 * _PyUnicodeWriter sized by the item count, each item's repr made, copied in and released.
 * Py_ReprEnter keeps the containers being printed in a list under 'Py_Repr' in the thread
 * state's dict: the dict is made at the first repr of a container in the thread (PyDict_New),
 * the list with it, and the list's item array comes and goes with each outermost repr
 * (PyList_Append, then _list_clear when the last one leaves).
 */

/** PyThreadState_GetDict: the thread's dict, made on first use. */
function threadDict(vm: Vm): number {
  const ts = vm.thread;
  if (ts.dict === 0) ts.dict = dictNew(vm);
  return ts.dict;
}

/** Py_ReprEnter: 1 when `obj` is already being printed (a cycle), else 0 with `obj` recorded. */
export function reprEnter(vm: Vm, obj: number): number {
  const dict = threadDict(vm);
  const key = intern(vm, 'Py_Repr');
  let list = dictGetItem(vm, dict, key);
  if (list === 0) {
    list = listNew(vm, 0);
    dictSetItem(vm, dict, key, list);
    vm.decref(list);
  }
  for (let i = vm.table.n[list] - 1; i >= 0; i--) if (listItem(vm, list, i) === obj) return 1;
  vm.incref(obj);
  listAppend(vm, list, obj);
  return 0;
}

/** Py_ReprLeave: `obj` out of the list (the last one out empties it: _list_clear frees the array). */
export function reprLeave(vm: Vm, obj: number): void {
  const dict = vm.thread.dict;
  if (dict === 0) return;
  const list = dictGetItem(vm, dict, intern(vm, 'Py_Repr'));
  if (list === 0 || vm.table.type[list] !== T.List) return;
  for (let i = vm.table.n[list] - 1; i >= 0; i--) {
    if (listItem(vm, list, i) === obj) {
      listAssSlice(vm, list, i, i + 1, null);
      break;
    }
  }
}

/** PyUnicode_FromString of a short literal ("[]", "(...)"). */
const literal = (vm: Vm, s: string): number => strResult(vm, s);

/** One item's repr copied into the writer and released. */
function writeRepr(vm: Vm, w: UnicodeWriter, item: number): void {
  const s = repr(vm, item);
  try {
    w.writeStr(s);
  } finally {
    vm.decref(s);
  }
}

/** The items of a sequence between brackets (list_repr, tuplerepr). */
function seqRepr(
  vm: Vm,
  h: number,
  n: () => number,
  item: (i: number) => number,
  open: string,
  close: string,
  minLength: number,
): number {
  const w = new UnicodeWriter(vm);
  w.overallocate = true;
  w.minLength = minLength;
  try {
    w.writeChar(open);
    for (let i = 0; i < n(); i++) {
      if (i > 0) w.writeASCII(', ');
      const v = item(i);
      vm.incref(v);
      try {
        writeRepr(vm, w, v);
      } finally {
        vm.decref(v);
      }
    }
    w.overallocate = false;
    if (close.length === 1) w.writeChar(close);
    else w.writeASCII(close);
  } catch (e) {
    w.dealloc();
    reprLeave(vm, h);
    throw e;
  }
  reprLeave(vm, h);
  return w.finish();
}

/** list_repr. */
export function listRepr(vm: Vm, h: number): number {
  const t = vm.table;
  if (t.n[h] === 0) return literal(vm, '[]');
  const r = reprEnter(vm, h);
  if (r !== 0) return literal(vm, '[...]');
  return seqRepr(
    vm,
    h,
    () => t.n[h],
    (i) => listItem(vm, h, i),
    '[',
    ']',
    1 + 1 + 3 * (t.n[h] - 1) + 1,
  );
}

/** tuplerepr. */
export function tupleRepr(vm: Vm, h: number): number {
  const n = vm.table.n[h];
  if (n === 0) return literal(vm, '()');
  const r = reprEnter(vm, h);
  if (r !== 0) return literal(vm, '(...)');
  return seqRepr(
    vm,
    h,
    () => n,
    (i) => tupleItem(vm, h, i),
    '(',
    n > 1 ? ')' : ',)',
    n > 1 ? 1 + 1 + 3 * (n - 1) + 1 : 4,
  );
}

/** dict_repr (Py_ReprEnter comes before the empty check). */
export function dictRepr(vm: Vm, h: number): number {
  const r = reprEnter(vm, h);
  if (r !== 0) return literal(vm, '{...}');
  const used = vm.table.n[h];
  if (used === 0) {
    reprLeave(vm, h);
    return literal(vm, '{}');
  }
  const w = new UnicodeWriter(vm);
  w.overallocate = true;
  w.minLength = 1 + 4 + 6 * (used - 1) + 1;
  try {
    w.writeChar('{');
    let first = true;
    for (let i = 0; i < dictData(vm, h).nentries; i++) {
      const dd = dictData(vm, h);
      const value = valueAt(dd, i);
      if (value === 0) continue;
      const key = keyAt(dd, i);
      vm.incref(key);
      vm.incref(value);
      try {
        if (!first) w.writeASCII(', ');
        first = false;
        writeRepr(vm, w, key);
        w.writeASCII(': ');
        writeRepr(vm, w, value);
      } finally {
        vm.decref(key);
        vm.decref(value);
      }
    }
    w.overallocate = false;
    w.writeChar('}');
  } catch (e) {
    w.dealloc();
    reprLeave(vm, h);
    throw e;
  }
  reprLeave(vm, h);
  return w.finish();
}

/** set_repr: repr(list(s))[1:-1] inside braces, or "name(...)" for a subclass and frozenset. */
export function setRepr(vm: Vm, h: number): number {
  const name = vm.typeOf(h).name;
  const r = reprEnter(vm, h);
  if (r !== 0) return unicodeFromFormat(vm, '%s(...)', [name]);
  try {
    if (setData(vm, h).index.size === 0) return unicodeFromFormat(vm, '%s()', [name]);
    const keys = sequenceList(vm, h);
    let listrepr: number;
    try {
      listrepr = repr(vm, keys);
    } finally {
      vm.decref(keys);
    }
    const text = strValue(vm, listrepr);
    const inner = strResult(vm, text.slice(1, -1));
    vm.decref(listrepr);
    try {
      return vm.table.type[h] === T.Set
        ? unicodeFromFormat(vm, '{%U}', [strValue(vm, inner)])
        : unicodeFromFormat(vm, '%s({%U})', [name, strValue(vm, inner)]);
    } finally {
      vm.decref(inner);
    }
  } finally {
    reprLeave(vm, h);
  }
}
