import { getAttr, lookupAttr } from '../abstract/attr';
import { call, callMethod } from '../abstract/call';
import { setItem } from '../abstract/item';
import { sequenceList, sequenceTuple, unpackSequence } from '../abstract/sequence';
import { dictViewNew } from '../objects/dictview';
import { cellNew, functionNew } from '../objects/func';
import { catchException, popExcept, pushExcInfo, setKeyError, tracebackHere } from '../abstract/errors';
import { frameObjectNew } from '../objects/frameobject';
import { getIter, iterNext } from '../abstract/iter';
import { dictGetItem, dictNew, dictSetItem } from '../objects/dict';
import { fromLong } from '../objects/int';
import { listAppend, listNew, listPut } from '../objects/list';
import { tupleFromItems, tupleItems } from '../objects/tuple';
import { Meth, T, type MethodDef } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { bindArgs } from './bind';
import { quickened, tick } from './pyframe';
import { fn, makeModule } from './module';
import type { ModuleSpec } from './registry';
import { reduceCopy } from './copyreduce';
import { reconstructDeep } from './copyreconstruct';
import { checkRecursiveCall, withPythonFrame } from '../objects/recursion';

/**
 * copy (Lib/copy.py, pure Python). copy() dispatches on the type: immutable types give the
 * object itself, list/dict/set/bytearray their .copy(), anything else its class's __copy__
 * (else the reduce protocol: copyreduce.ts). deepcopy() keeps a memo dict keyed by id() (a new int
 * for every lookup, as id() makes one), copies lists, tuples and dicts recursively, and keeps
 * every copied original alive in memo[id(memo)] as _keep_alive does. The KeyError, traceback
 * and frame object that _keep_alive's first call and _deepcopy_tuple's memo probe make and free
 * are made as CPython makes them; instances without __deepcopy__ take the reduce path (copyreduce.ts,
 * objects exact, copy.py's own frames not allocated).
 */

/** _copy_immutable's and _deepcopy_atomic's types (by type id). */
const IMMUTABLE = new Set<number>([
  T.None,
  T.Int,
  T.Float,
  T.Bool,
  T.Str,
  T.Tuple,
  T.Bytes,
  T.FrozenSet,
  T.Type,
  T.Range,
  T.Slice,
  T.Builtin,
  T.Ellipsis,
  T.NotImplementedType,
  T.Function,
  T.WeakRef,
  T.Property,
]);
const ATOMIC = new Set<number>([
  T.None,
  T.Int,
  T.Float,
  T.Bool,
  T.Str,
  T.Bytes,
  T.Type,
  T.Range,
  T.Builtin,
  T.Ellipsis,
  T.NotImplementedType,
  T.Function,
  T.WeakRef,
  T.Property,
  T.Code,
]);
const COPY_METHOD = new Set<number>([T.List, T.Dict, T.Set, T.ByteArray]);

export function shallowCopy(vm: Vm, x: number): number {
  const t = vm.table.type[x];
  if (IMMUTABLE.has(t) || vm.typeOf(x).mro.includes(T.Type)) {
    vm.incref(x);
    return x;
  }
  if (COPY_METHOD.has(t)) return callMethod(vm, x, 'copy', []);
  const copier = lookupAttr(vm, vm.typeOf(x).typeObject, '__copy__');
  if (copier !== 0) {
    try {
      return call(vm, copier, [x], null);
    } finally {
      vm.decref(copier);
    }
  }
  // the reduce protocol: copyreg.__newobj__ and the state set on the new object
  return reduceCopy(
    vm,
    x,
    (v) => {
      vm.incref(v);
      return v;
    },
    () => undefined,
  );
}

/** id(x) as deepcopy's memo key: PyLong_FromVoidPtr makes a new int each time. */
const idOf = (vm: Vm, x: number): number => {
  // id is METH_O: the call counts against the recursion limit while it runs
  checkRecursiveCall(vm, ' while calling a Python object');
  return fromLong(vm, vm.id(x));
};

/** _reconstruct's `memo[id(x)] = y`: a new id() int as the key. */
function memoEnter(vm: Vm, memo: number, x: number, y: number): void {
  const k = idOf(vm, x);
  try {
    dictSetItem(vm, memo, k, y);
  } finally {
    vm.decref(k);
  }
}

/**
 * deepcopy(x, memo): the memo probed with a new id() int; atomic types are themselves; lists,
 * tuples and dicts through their copiers; anything else through __deepcopy__. A copy that is not
 * the original goes into the memo and the original is kept alive. `d` (the id int) is a local
 * released when the frame ends: after `memo` for the outermost call (`later`).
 */
export function deepCopy(vm: Vm, x: number, memo: number, later: number[] | null = null): number {
  // deepcopy is a Python frame: a nested list costs 2 frames a level (deepcopy, _deepcopy_list)
  return withPythonFrame(vm, () => deepCopyFrame(vm, x, memo, later));
}

function deepCopyFrame(vm: Vm, x: number, memo: number, later: number[] | null): number {
  tick(vm, 'copy.deepcopy');
  const d = idOf(vm, x);
  try {
    const y0 = dictGetItem(vm, memo, d);
    if (y0 !== 0) {
      vm.incref(y0);
      return y0;
    }
    const t = vm.table.type[x];
    let y: number;
    if (ATOMIC.has(t) || vm.typeOf(x).mro.includes(T.Type)) {
      vm.incref(x);
      y = x;
    } else if (t === T.List) y = deepList(vm, x, memo);
    else if (t === T.Tuple) y = deepTuple(vm, x, memo);
    else if (t === T.Dict) y = deepDict(vm, x, memo);
    else if (t === T.Set || t === T.FrozenSet) y = deepSet(vm, x, memo);
    else {
      const copier = lookupAttr(vm, x, '__deepcopy__');
      if (copier === 0) {
        // _reconstruct: the new object is in the memo (memo[id(x)]: a new key, which deepcopy's
        // memo[d] = y below keeps) before its state is copied (cycles find it)
        y = reduceCopy(
          vm,
          x,
          (v) => deepCopy(vm, v, memo),
          (made) => memoEnter(vm, memo, x, made),
          memo,
        );
      } else {
        try {
          y = call(vm, copier, [memo], null);
        } finally {
          vm.decref(copier);
        }
      }
    }
    if (y !== x) {
      dictSetItem(vm, memo, d, y);
      keepAlive(vm, x, memo);
    }
    return y;
  } finally {
    if (later) later.push(d);
    else vm.decref(d);
  }
}

/**
 * A set or frozenset has no copier in copy.py: `x.__reduce_ex__(4)` is set_reduce's
 * (type(x), (list(x),), None) (PySequence_List, then PyTuple_Pack twice), and _reconstruct
 * deep-copies the arguments through a generator expression into the call `type(x)(*args)`
 * (copyreconstruct.ts: the call's tuple ends on the free list), enters the copy in the memo
 * under a new id() key (deepcopy's own memo[d] = y then only replaces the value); the reduction
 * is freed when copy.py's frames end. Not made: the bound methods (transient, freed at once).
 */
function deepSet(vm: Vm, x: number, memo: number): number {
  return withPythonFrame(vm, () => deepSetFrame(vm, x, memo));
}

function deepSetFrame(vm: Vm, x: number, memo: number): number {
  tick(vm, 'copy._reconstruct');
  const keys = sequenceList(vm, x);
  const args = tupleFromItems(vm, [keys]);
  const tp = vm.typeOf(x).typeObject;
  vm.incref(tp);
  vm.incref(args);
  vm.incref(vm.s.None);
  const rv = tupleFromItems(vm, [tp, args, vm.s.None]);
  try {
    return reconstructDeep(
      vm,
      args,
      memo,
      (a) => deepCopy(vm, a, memo),
      (star) => call(vm, tp, Array.from(tupleItems(vm, star)), null),
      (y) => memoEnter(vm, memo, x, y),
    );
  } finally {
    vm.decref(args);
    vm.decref(rv);
  }
}

/** _deepcopy_list: the new list in the memo first (so cycles find it), `append = y.append`, each item appended. */
function deepList(vm: Vm, x: number, memo: number): number {
  return withPythonFrame(vm, () => deepListFrame(vm, x, memo));
}

function deepListFrame(vm: Vm, x: number, memo: number): number {
  tick(vm, 'copy._deepcopy_list');
  const y = listNew(vm, 0);
  const k = idOf(vm, x);
  dictSetItem(vm, memo, k, y);
  vm.decref(k);
  const append = getAttr(vm, y, 'append');
  try {
    const it = getIter(vm, x);
    try {
      for (let a = iterNext(vm, it); a !== 0; a = iterNext(vm, it)) {
        try {
          const c = deepCopy(vm, a, memo);
          try {
            vm.decref(call(vm, append, [c], null));
          } finally {
            vm.decref(c);
          }
        } finally {
          vm.decref(a);
        }
        tick(vm, 'copy._deepcopy_list');
      }
    } finally {
      vm.decref(it);
    }
  } finally {
    vm.decref(append);
  }
  return y;
}

/** Frame-object slots (co_nlocalsplus + co_stacksize) of the copy.py functions that catch a KeyError. */
const TUPLE_SLOTS = 10;

/**
 * A KeyError raised by `memo[key]` in a copy.py frame and caught there: the key's 1-tuple, the
 * frame object and traceback made while unwinding, the instance at the handler; POP_EXCEPT frees
 * it. Returns the frame object (the caller frees it when its frame returns). `key` is stolen.
 */
function caughtKeyError(vm: Vm, key: number, slots: number, line: number, handler: () => void): number {
  const err = setKeyError(vm, key, String(vm.table.num[key]));
  vm.decref(key);
  const frame = frameObjectNew(vm, slots, null);
  tracebackHere(vm, err, frame, 0, line);
  pushExcInfo(vm, catchException(vm, err));
  handler();
  popExcept(vm);
  return frame;
}

/**
 * _deepcopy_tuple: `memo` and `deepcopy` are cells (the list comprehension closes over them); the
 * items copied by the comprehension (its function object and closure made and freed); the memo
 * probed for the tuple itself (a caught KeyError); then zip(x, y) walked until an item differs:
 * the tuple itself when none does.
 */
function deepTuple(vm: Vm, x: number, memo: number): number {
  return withPythonFrame(vm, () => deepTupleFrame(vm, x, memo));
}

function deepTupleFrame(vm: Vm, x: number, memo: number): number {
  const cells = [cellNew(vm, memo), cellNew(vm, vm.s.None)];
  tick(vm, 'copy._deepcopy_tuple');
  let frame = 0;
  let y = 0;
  try {
    // the comprehension: closure, function, GET_ITER, its frame's BUILD_LIST and LIST_APPENDs
    vm.incref(cells[0]);
    vm.incref(cells[1]);
    const closure = tupleFromItems(vm, cells);
    const comp = functionNew(vm, null, '<listcomp>', 0, closure, '_deepcopy_tuple.<locals>.<listcomp>');
    const it = getIter(vm, x);
    try {
      tick(vm, 'copy._deepcopy_tuple.<listcomp>');
      y = listNew(vm, 0);
      for (let a = iterNext(vm, it); a !== 0; a = iterNext(vm, it)) {
        try {
          listAppend(vm, y, deepCopy(vm, a, memo));
        } finally {
          vm.decref(a);
        }
        tick(vm, 'copy._deepcopy_tuple.<listcomp>');
      }
    } finally {
      vm.decref(it);
      vm.decref(comp);
    }
    const key = idOf(vm, x);
    const found = dictGetItem(vm, memo, key);
    if (found !== 0) {
      vm.decref(key);
      vm.incref(found);
      vm.decref(y);
      y = 0;
      return found;
    }
    frame = caughtKeyError(vm, key, TUPLE_SLOTS, 215, () => {});
    // for k, j in zip(x, y): if k is not j: y = tuple(y); break / else: y = x
    const z = call(vm, vm.types[T.Zip].typeObject, [x, y], null);
    let result = 0;
    try {
      for (let pair = iterNext(vm, z); pair !== 0; pair = iterNext(vm, z)) {
        const [k, j] = unpackSequence(vm, pair, 2, quickened(vm, 'copy._deepcopy_tuple'));
        vm.decref(k);
        vm.decref(j);
        if (k !== j) {
          // y = tuple(y): the frame's list reference goes now (zip's iterator keeps the list)
          result = sequenceTuple(vm, y);
          vm.decref(y);
          y = 0;
          break;
        }
        tick(vm, 'copy._deepcopy_tuple');
      }
    } finally {
      vm.decref(z);
    }
    if (result === 0) {
      vm.incref(x);
      result = x;
    }
    return result;
  } finally {
    if (y) vm.decref(y);
    if (frame) vm.decref(frame);
    vm.decref(cells[0]);
    vm.decref(cells[1]);
  }
}

/** _deepcopy_dict: the new dict in the memo; for each item (an items view and its iterator) the value's copy, then the key's. */
function deepDict(vm: Vm, x: number, memo: number): number {
  return withPythonFrame(vm, () => deepDictFrame(vm, x, memo));
}

function deepDictFrame(vm: Vm, x: number, memo: number): number {
  tick(vm, 'copy._deepcopy_dict');
  const y = dictNew(vm);
  const k = idOf(vm, x);
  dictSetItem(vm, memo, k, y);
  vm.decref(k);
  const view = dictViewNew(vm, x, 'items');
  let it: number;
  try {
    it = getIter(vm, view);
  } finally {
    vm.decref(view);
  }
  try {
    for (let pair = iterNext(vm, it); pair !== 0; pair = iterNext(vm, it)) {
      const [key, value] = unpackSequence(vm, pair, 2, quickened(vm, 'copy._deepcopy_dict'));
      try {
        const cv = deepCopy(vm, value, memo);
        try {
          const ck = deepCopy(vm, key, memo);
          try {
            setItem(vm, y, ck, cv);
          } finally {
            vm.decref(ck);
          }
        } finally {
          vm.decref(cv);
        }
      } finally {
        vm.decref(key);
        vm.decref(value);
      }
      tick(vm, 'copy._deepcopy_dict');
    }
  } finally {
    vm.decref(it);
  }
  return y;
}

/** co_nlocalsplus + co_stacksize of _keep_alive (its frame object is 16 + 120 + 8 × 8 = 200 bytes). */
const KEEP_ALIVE_SLOTS = 8;

/**
 * _keep_alive: `memo[id(memo)].append(x)`; the first call finds no list and catches the KeyError,
 * then stores `[x]` under a new id() int; the frame object goes when the frame returns.
 */
function keepAlive(vm: Vm, x: number, memo: number): void {
  tick(vm, 'copy._keep_alive');
  const k = idOf(vm, memo);
  const l = dictGetItem(vm, memo, k);
  if (l !== 0) {
    vm.decref(k);
    // LOAD_METHOD + CALL: no bound method for list.append
    vm.decref(callMethod(vm, l, 'append', [x]));
    return;
  }
  const frame = caughtKeyError(vm, k, KEEP_ALIVE_SLOTS, 254, () => {
    const nl = listNew(vm, 1);
    vm.incref(x);
    listPut(vm, nl, 0, x);
    const k2 = idOf(vm, memo);
    dictSetItem(vm, memo, k2, nl);
    vm.decref(k2);
    vm.decref(nl);
  });
  vm.decref(frame);
}

/** copy.py's deepcopy is Python: a CALL of it pushes a frame (withPythonFrame), no C check. */
const pythonLevel = (d: MethodDef): MethodDef => ({ ...d, pythonLevel: true });

export const copyModule: ModuleSpec = {
  name: 'copy',
  load(vm) {
    return makeModule(vm, 'copy', [
      fn('copy', Meth.O, (vm2, _m, a) => shallowCopy(vm2, a[0])),
      pythonLevel(fn('deepcopy', Meth.Fastcall | Meth.Keywords, (vm2, _m, a, kw) => {
        const [x, memoArg] = bindArgs(
          vm2,
          'deepcopy',
          a,
          kw,
          ['x', 'memo', '_nil'],
          [vm2.s.None, vm2.s.None],
        );
        const memo = memoArg === vm2.s.None ? dictNew(vm2) : (vm2.incref(memoArg), memoArg);
        const later: number[] = [];
        try {
          return deepCopy(vm2, x, memo, later);
        } finally {
          // the frame's locals in slot order: x, memo, _nil, d …
          vm2.decref(memo);
          for (const d of later) vm2.decref(d);
        }
      })),
    ]);
  },
};
