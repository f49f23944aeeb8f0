import { PyError } from '../errors';
import { clearError, errorMatches, raiseFormat, typeError } from '../abstract/errors';
import { format } from '../abstract/format';
import { getIter, iterNext } from '../abstract/iter';
import { repr, str } from '../abstract/repr';
import { sequenceList } from '../abstract/sequence';
import { dictNewPresized, dictSetItem } from '../objects/dict';
import { dictUpdateArg } from '../objects/dictmethods';
import { E } from '../objects/exctypes';
import { listExtend as listExtendObj, listNew, listPut, listSliceItems } from '../objects/list';
import { setAdd, setNew } from '../objects/set';
import { setUpdateInternal } from '../objects/setops';
import { sliceNew } from '../objects/slice';
import { strJoin } from '../objects/str';
import { asciiOf } from '../objects/strformat';
import { tupleFromItems, tupleFromStack, tupleItem } from '../objects/tuple';
import { T } from '../objects/types';
import type { Interpreter } from './interpreter';
import { DEFERRED } from '../runtime/deferred';
import type { Vm } from '../runtime/vm';
import { dictMergeInto } from './kwmerge';

/**
 * The instructions that build containers, unpack them and format values (ceval.c's BUILD_*,
 * *_EXTEND / *_UPDATE / *_MERGE, UNPACK_*, FORMAT_VALUE, BUILD_STRING), each with its order of
 * allocation and release. Each takes the value stack `s` and its top `sp` and returns the new top.
 */

/** BUILD_TUPLE: _PyTuple_FromArraySteal. */
export function buildTuple(it: Interpreter, s: Int32Array, sp: number, n: number): number {
  const tup = tupleFromStack(it.vm, s, sp - n, n);
  sp -= n;
  s[sp++] = tup;
  return sp;
}

/** BUILD_LIST: _PyList_FromArraySteal (PyList_New(n): its item array from PyMem_Calloc). */
export function buildList(it: Interpreter, s: Int32Array, sp: number, n: number): number {
  const vm = it.vm;
  const l = listNew(vm, n);
  for (let i = 0; i < n; i++) listPut(vm, l, i, s[sp - n + i]);
  sp -= n;
  s[sp++] = l;
  return sp;
}

/** BUILD_SET: PySet_New, PySet_Add each item in order, each released as it goes. */
export function buildSet(it: Interpreter, s: Int32Array, sp: number, n: number): number {
  const vm = it.vm;
  const set = setNew(vm);
  let err: unknown = null;
  for (let i = n; i > 0; i--) {
    const item = s[sp - i];
    if (err === null) {
      try {
        setAdd(vm, set, item);
      } catch (e) {
        err = e;
      }
    }
    vm.decref(item);
  }
  sp -= n;
  if (err !== null) {
    s.fill(0, sp, sp + n);
    vm.decref(set);
    throw err;
  }
  s[sp++] = set;
  return sp;
}

/**
 * _PyDict_FromItems: presized for `n` (a unicode table when every key is an exact str), set in
 * order. Key i is `s[keyAt + keyStep * i]`, or item i of `keysTuple` when that is not 0; value i
 * is `s[valueAt + valueStep * i]`. Read where they stand: copying them into two fresh Int32Arrays
 * (an ArrayBuffer each, ~250 B of V8 state) was ~500 B of garbage for every `{}` a loop built.
 */
function dictFromItems(
  it: Interpreter,
  s: Int32Array,
  keysTuple: number,
  keyAt: number,
  keyStep: number,
  valueAt: number,
  valueStep: number,
  n: number,
): number {
  const vm = it.vm;
  let unicode = true;
  for (let i = 0; i < n; i++)
    if (vm.table.type[keysTuple !== 0 ? tupleItem(vm, keysTuple, i) : s[keyAt + keyStep * i]] !== T.Str) {
      unicode = false;
      break;
    }
  const d = dictNewPresized(vm, n, unicode);
  try {
    for (let i = 0; i < n; i++) {
      const key = keysTuple !== 0 ? tupleItem(vm, keysTuple, i) : s[keyAt + keyStep * i];
      dictSetItem(vm, d, key, s[valueAt + valueStep * i]);
    }
  } catch (e) {
    vm.decref(d);
    throw e;
  }
  return d;
}

/** BUILD_MAP: keys and values interleaved on the stack; released from the top (value, then key). */
export function buildMap(it: Interpreter, s: Int32Array, sp: number, n: number): number {
  const vm = it.vm;
  const d = dictFromItems(it, s, 0, sp - 2 * n, 2, sp - 2 * n + 1, 2, n);
  for (let i = 0; i < 2 * n; i++) vm.decref(s[--sp]);
  s[sp++] = d;
  return sp;
}

/** BUILD_CONST_KEY_MAP: the keys tuple on top, the values below it. */
export function buildConstKeyMap(it: Interpreter, s: Int32Array, sp: number, n: number): number {
  const vm = it.vm;
  const d = dictFromItems(it, s, s[sp - 1], 0, 0, sp - 1 - n, 1, n);
  vm.decref(s[--sp]);
  for (let i = 0; i < n; i++) vm.decref(s[--sp]);
  s[sp++] = d;
  return sp;
}

/** BUILD_STRING: _PyUnicode_JoinArray with an empty separator, then the pieces released. */
export function buildString(it: Interpreter, s: Int32Array, sp: number, n: number): number {
  const vm = it.vm;
  const r = strJoin(vm, vm.s.emptyStr, s.subarray(sp - n, sp));
  for (let i = 0; i < n; i++) vm.decref(s[--sp]);
  s[sp++] = r;
  return sp;
}

/** BUILD_SLICE: PySlice_New (the interpreter's one cached slice first), the parts released. */
export function buildSlice(it: Interpreter, s: Int32Array, sp: number, n: number): number {
  const vm = it.vm;
  const step = n === 3 ? s[--sp] : 0;
  const stop = s[--sp];
  const start = s[sp - 1];
  const slice = sliceNew(vm, start, stop, step === 0 ? vm.s.None : step);
  vm.decref(start);
  vm.decref(stop);
  if (step !== 0) vm.decref(step);
  s[sp - 1] = slice;
  return sp;
}

/** LIST_EXTEND: _PyList_Extend; a non-iterable is "Value after * must be an iterable". */
export function listExtend(it: Interpreter, s: Int32Array, sp: number, i: number): number {
  const vm = it.vm;
  const iterable = s[--sp];
  s[sp] = 0; // consumed: an error now must not release it again
  try {
    listExtendObj(vm, s[sp - i], iterable);
  } catch (e) {
    if (e instanceof PyError && errorMatches(vm, e, E.TypeError) && notIterable(it, iterable)) {
      clearError(vm, e);
      vm.decref(iterable);
      throw typeError(vm, 'Value after * must be an iterable, not %.200s', vm.typeOf(iterable).name);
    }
    vm.decref(iterable);
    throw e;
  }
  vm.decref(iterable);
  return sp;
}

const notIterable = (it: Interpreter, h: number): boolean => {
  const s = it.vm.typeOf(h);
  return s.iter === null && !s.sequence?.item;
};

/** SET_UPDATE: _PySet_Update. */
export function setUpdate(it: Interpreter, s: Int32Array, sp: number, i: number): number {
  const vm = it.vm;
  const iterable = s[--sp];
  s[sp] = 0; // consumed: an error now must not release it again
  try {
    setUpdateInternal(vm, s[sp - i], iterable); // set_update_internal: a set merged, no iterator
  } finally {
    it.vm.decref(iterable);
  }
  return sp;
}

/** DICT_UPDATE: PyDict_Update; an AttributeError (no keys()) becomes "'X' object is not a mapping". */
export function dictUpdate(it: Interpreter, s: Int32Array, sp: number, i: number): number {
  const vm = it.vm;
  const update = s[--sp];
  s[sp] = 0; // consumed: an error now must not release it again
  s[sp] = 0; // consumed: an error now must not release it again
  try {
    dictUpdateArg(vm, s[sp - i], update);
  } catch (e) {
    if (e instanceof PyError && errorMatches(vm, e, E.AttributeError)) {
      clearError(vm, e);
      vm.decref(update);
      throw typeError(vm, "'%.200s' object is not a mapping", vm.typeOf(update).name);
    }
    vm.decref(update);
    throw e;
  }
  vm.decref(update);
  return sp;
}

/** DICT_MERGE (`f(**m)`): the mapping merged into the call's keyword dict. */
export function dictMerge(it: Interpreter, s: Int32Array, sp: number, i: number): number {
  const update = s[--sp];
  try {
    dictMergeInto(it, s[sp - i], update, s[sp - i - 2]);
  } finally {
    it.vm.decref(update);
  }
  return sp;
}

/** LIST_TO_TUPLE: PyList_AsTuple (a tuple of new references), then the list released. */
export function listToTuple(it: Interpreter, s: Int32Array, sp: number): void {
  const vm = it.vm;
  const list = s[sp - 1];
  const items = listSliceItems(vm, list, 0, vm.table.n[list]);
  for (let i = 0; i < items.length; i++) vm.incref(items[i]);
  const tup = tupleFromItems(vm, items);
  vm.decref(list);
  s[sp - 1] = tup;
}

/**
 * UNPACK_SEQUENCE. The specialized forms (quickened code, an exact tuple or list of the right
 * size) push the items directly; the generic one runs unpack_iterable: an iterator, n items and
 * one more attempt, then the iterator released and only then the sequence.
 */
export function unpackSequence(
  it: Interpreter,
  s: Int32Array,
  sp: number,
  n: number,
  specialized: boolean,
): number {
  const vm = it.vm;
  const seq = s[--sp];
  s[sp] = 0; // consumed: an error now must not release it again
  s[sp] = 0; // consumed: an error now must not release it again
  if (specialized) {
    const t = vm.table;
    const items = t.type[seq] === T.Tuple ? null : listSliceItems(vm, seq, 0, n);
    for (let i = n - 1; i >= 0; i--) {
      const x = items === null ? tupleItem(vm, seq, i) : items[i];
      vm.incref(x);
      s[sp++] = x;
    }
    vm.decref(seq);
    return sp;
  }
  try {
    unpackIterable(it, seq, n, -1, s, sp + n);
  } finally {
    vm.decref(seq);
  }
  return sp + n;
}

/** UNPACK_EX: `a, *b, c = seq`; lo items, the rest as a list, hi items. */
export function unpackEx(it: Interpreter, s: Int32Array, sp: number, arg: number): number {
  const total = 1 + (arg & 0xff) + (arg >> 8);
  const seq = s[--sp];
  try {
    unpackIterable(it, seq, arg & 0xff, arg >> 8, s, sp + total);
  } finally {
    it.vm.decref(seq);
  }
  return sp + total;
}

/**
 * unpack_iterable (ceval.c): the items are written downwards from `top`, the first on top. On
 * an error everything written so far and the iterator are released.
 */
function unpackIterable(
  it: Interpreter,
  v: number,
  argcnt: number,
  after: number,
  s: Int32Array,
  top: number,
): void {
  const vm = it.vm;
  let iter: number;
  try {
    iter = getIter(vm, v);
  } catch (e) {
    if (e instanceof PyError && errorMatches(vm, e, E.TypeError) && notIterable(it, v)) {
      clearError(vm, e);
      throw typeError(vm, 'cannot unpack non-iterable %.200s object', vm.typeOf(v).name);
    }
    throw e;
  }
  let sp = top;
  let i = 0;
  try {
    for (; i < argcnt; i++) {
      const w = pyIterNext(it, iter);
      if (w === 0) {
        if (after === -1)
          throw raiseFormat(vm, E.ValueError, 'not enough values to unpack (expected %d, got %d)', argcnt, i);
        throw raiseFormat(
          vm,
          E.ValueError,
          'not enough values to unpack (expected at least %d, got %d)',
          argcnt + after,
          i,
        );
      }
      s[--sp] = w;
    }
    if (after === -1) {
      const w = pyIterNext(it, iter);
      if (w === 0) {
        vm.decref(iter);
        return;
      }
      vm.decref(w);
      throw raiseFormat(vm, E.ValueError, 'too many values to unpack (expected %d)', argcnt);
    }
    const l = sequenceList(vm, iter);
    s[--sp] = l;
    i++;
    const ll = vm.table.n[l];
    if (ll < after)
      throw raiseFormat(
        vm,
        E.ValueError,
        'not enough values to unpack (expected at least %d, got %zd)',
        argcnt + after,
        argcnt + ll,
      );
    const tail = listSliceItems(vm, l, ll - after, ll);
    for (let j = 0; j < after; j++, i++) s[--sp] = tail[j];
    vm.table.n[l] = ll - after; // Py_SET_SIZE: the list keeps its allocation
    vm.decref(iter);
  } catch (e) {
    for (; i > 0; i--, sp++) vm.decref(s[sp]);
    vm.decref(iter);
    throw e;
  }
}

/** PyIter_Next: tp_iternext, with a StopIteration (from Python code) cleared. */
export function pyIterNext(it: Interpreter, iter: number): number {
  try {
    return iterNext(it.vm, iter);
  } catch (e) {
    if (e instanceof PyError && errorMatches(it.vm, e, E.StopIteration)) {
      clearError(it.vm, e);
      return 0;
    }
    throw e;
  }
}

/** FORMAT_VALUE's rest after a deferred conversion: PyObject_Format unless a str with no spec. */
function formatConverted(vm: Vm, value: number, spec: number): number {
  if (vm.table.type[value] === T.Str && spec === 0) return value;
  try {
    return format(vm, value, spec);
  } finally {
    vm.decref(value);
    if (spec) vm.decref(spec);
  }
}

/** FORMAT_VALUE: the conversion (!s !r !a), then PyObject_Format unless it is a str and no spec. */
export function formatValue(it: Interpreter, s: Int32Array, sp: number, arg: number): number {
  const vm = it.vm;
  const spec = arg & 4 ? s[--sp] : 0;
  s[sp] = 0;
  let value = s[--sp];
  s[sp] = 0; // consumed: an error now must not release it again
  const conv = arg & 3;
  if (conv !== 0) {
    let r: number;
    try {
      // !s / !r: a Python __str__ / __repr__ runs in this loop (runtime/deferred.ts)
      if (conv !== 3) it.deferArmed = true;
      r = conv === 1 ? str(vm, value) : conv === 2 ? repr(vm, value) : asciiOf(vm, value);
    } catch (e) {
      it.deferArmed = false;
      vm.decref(value);
      if (spec) vm.decref(spec);
      throw e;
    }
    it.deferArmed = false;
    if (r === DEFERRED) {
      const converted = value;
      it.continueWith({
        done: (vm2, res) => {
          vm2.decref(converted);
          return formatConverted(vm2, res, spec);
        },
        fail: (vm2) => {
          vm2.decref(converted);
          if (spec) vm2.decref(spec);
        },
      });
      return sp + 1;
    }
    vm.decref(value);
    value = r;
  }
  if (vm.table.type[value] === T.Str && spec === 0) {
    s[sp++] = value;
    return sp;
  }
  let r: number;
  try {
    // a Python __format__ / __str__ runs in this loop (runtime/deferred.ts): `it.deferred` then
    // holds its frame, the loop enters it, and the value and spec go after PyObject_Format's rest
    it.deferArmed = true;
    r = format(vm, value, spec);
  } catch (e) {
    it.deferArmed = false;
    vm.decref(value);
    if (spec) vm.decref(spec);
    throw e;
  }
  it.deferArmed = false;
  if (r === DEFERRED) {
    it.continueWith({
      done: (vm2, res) => {
        vm2.decref(value);
        if (spec) vm2.decref(spec);
        return res;
      },
      fail: (vm2) => {
        vm2.decref(value);
        if (spec) vm2.decref(spec);
      },
    });
    // the slot the result goes to
    return sp + 1;
  }
  vm.decref(value);
  if (spec) vm.decref(spec);
  s[sp++] = r;
  return sp;
}
