import { unicodeFromFormat } from '../abstract/fromformat';
import { repr } from '../abstract/repr';
import { sequenceList } from '../abstract/sequence';
import type { Vm } from '../runtime/vm';
import { DEFERRED, defersCall, deferrer, takeDefer } from '../runtime/deferred';
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

/**
 * The items of a sequence between brackets (list_repr, tuplerepr): each item's repr copied into
 * the writer and released. When the caller allows it (runtime/deferred.ts) an item's Python
 * __repr__ runs in the calling loop and the walk goes on from its result: a tree whose __repr__
 * shows its children list costs no JS stack (real 3.11.7: 250 levels, 4 units each).
 */
class SeqReprWalk {
  constructor(
    private readonly h: number,
    private readonly n: () => number,
    private readonly item: (i: number) => number,
    private readonly close: string,
    private readonly w: UnicodeWriter,
    private readonly defer: boolean,
  ) {}

  /** The items from `i` on, then the close: the str, or DEFERRED (an item's __repr__ runs in the loop). */
  run(vm: Vm, i: number): number {
    const w = this.w;
    try {
      for (; i < this.n(); i++) {
        if (i > 0) w.writeASCII(', ');
        const v = this.item(i);
        vm.incref(v);
        let s: number;
        try {
          if (this.defer) deferrer(vm)!.armDefer();
          s = repr(vm, v);
        } catch (e) {
          vm.decref(v);
          throw e;
        }
        if (s === DEFERRED) {
          const next = i + 1;
          deferrer(vm)!.continueWith({
            done: (vm2, res) => {
              try {
                this.write(vm2, res, v);
              } catch (e) {
                this.fail(vm2);
                throw e;
              }
              return this.run(vm2, next);
            },
            fail: (vm2) => {
              vm2.decref(v);
              this.fail(vm2);
            },
          });
          return DEFERRED;
        }
        this.write(vm, s, v);
      }
      w.overallocate = false;
      if (this.close.length === 1) w.writeChar(this.close);
      else w.writeASCII(this.close);
    } catch (e) {
      this.fail(vm);
      throw e;
    }
    reprLeave(vm, this.h);
    return w.finish();
  }

  /** An item's repr `s` copied in and released, then the item. */
  private write(vm: Vm, s: number, v: number): void {
    try {
      this.w.writeStr(s);
    } finally {
      vm.decref(s);
      vm.decref(v);
    }
  }

  /** The error path: the writer's buffer freed, the container out of Py_Repr's list. */
  private fail(vm: Vm): void {
    this.w.dealloc();
    reprLeave(vm, this.h);
  }
}

/** One item's repr copied into the writer and released (dict and set reprs). */
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
  defer: boolean,
): number {
  const w = new UnicodeWriter(vm);
  w.overallocate = true;
  w.minLength = minLength;
  try {
    w.writeChar(open);
  } catch (e) {
    w.dealloc();
    reprLeave(vm, h);
    throw e;
  }
  return new SeqReprWalk(h, n, item, close, w, defer).run(vm, 0);
}

/** list_repr (its items' Python __repr__ may run in the calling loop). */
export const listRepr = defersCall((vm: Vm, h: number): number => {
  const defer = takeDefer(vm);
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
    defer,
  );
});

/** tuplerepr (its items' Python __repr__ may run in the calling loop). */
export const tupleRepr = defersCall((vm: Vm, h: number): number => {
  const defer = takeDefer(vm);
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
    defer,
  );
});

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
