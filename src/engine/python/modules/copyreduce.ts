import { NotSupported } from '../errors';
import { getAttr, lookupAttr, setAttr, typeLookup } from '../abstract/attr';
import { call, callMethod } from '../abstract/call';
import { dictEntries, dictGetItem, dictNew, dictSetItem } from '../objects/dict';
import { dictMerge } from '../objects/dictmerge';
import { heapInstanceState, instanceDict } from '../objects/instance';
import { namespaceType } from '../objects/namespace';
import { intern, strValue } from '../objects/str';
import { fromLong } from '../objects/int';
import { T, TpFlags, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { tupleFromItems, tupleItems } from '../objects/tuple';
import { reconstructDeep } from './copyreconstruct';
import { withPythonFrame } from '../objects/recursion';
import { getState } from './picklereduce';
import { datetimeReduction } from './copydatetime';

/**
 * copy.copy / copy.deepcopy of an instance through the reduce protocol, for the objects whose
 * reduction is object.__reduce_ex__(4)'s reduce_newobj: (copyreg.__newobj__, (cls,), state)
 * where the state is the instance's __dict__ (made if it had only values) and, with __slots__,
 * (dict or None, {slot: value}); and types.SimpleNamespace's (type, (), __dict__).
 * copy._reconstruct then makes `cls.__new__(cls)`, enters it in the memo (deep copy), copies the
 * state (deeply: through deepcopy with the memo) and sets it: y.__dict__.update(state), then
 * setattr for each slot. The objects made are CPython's (the new instance, its dict, the copied
 * values) and, for deepcopy, _reconstruct's generator expression and call tuple
 * (copyreconstruct.ts); the reduce tuples and copy.py/copyreg.py's frame objects are not allocated.
 */
const CUSTOM = ['__reduce_ex__', '__reduce__', '__getnewargs__', '__getnewargs_ex__'];

/** A class's own __getstate__ or __setstate__ (set below object in its MRO). */
function customState(vm: Vm, tp: TypeSlots): boolean {
  return tp.mro.some((id) => {
    const t = vm.types[id];
    return (
      (t.flags & TpFlags.HeapType) !== 0 &&
      t.dict !== 0 &&
      ['__getstate__', '__setstate__'].some((n) => dictGetItem(vm, t.dict, intern(vm, n)) !== 0)
    );
  });
}

/**
 * _reconstruct's state step for a class with its own __getstate__/__setstate__: the state from
 * object_getstate (which calls a Python __getstate__), copied, then `y.__setstate__(state)` when y
 * has one, else `y.__dict__.update(state)` and setattr for each slot of a (dict, slots) pair.
 */
function setCustomState(vm: Vm, x: number, y: number, tp: TypeSlots, copyValue: (v: number) => number): void {
  const state = getState(vm, x, tp);
  try {
    if (state === vm.s.None) return;
    const copied = copyValue(state);
    try {
      const setstate = lookupAttr(vm, y, '__setstate__');
      if (setstate !== 0) {
        try {
          vm.decref(call(vm, setstate, [copied], null));
        } finally {
          vm.decref(setstate);
        }
        return;
      }
      let dictState = copied;
      let slotState = 0;
      if (vm.table.type[copied] === T.Tuple && vm.table.n[copied] === 2) {
        [dictState, slotState] = tupleItems(vm, copied);
        if (slotState === vm.s.None) slotState = 0;
      }
      if (dictState !== vm.s.None) {
        const d = getAttr(vm, y, '__dict__');
        try {
          vm.decref(callMethod(vm, d, 'update', [dictState]));
        } finally {
          vm.decref(d);
        }
      }
      if (slotState !== 0)
        for (const [k, v] of dictEntries(vm, slotState)) setAttr(vm, y, strValue(vm, k), v);
    } finally {
      vm.decref(copied);
    }
  } finally {
    vm.decref(state);
  }
}

/** The object's type reduces with object.__reduce_ex__ (a class of its own, no custom pickling). */
function plainReduce(vm: Vm, tp: TypeSlots): boolean {
  if (tp.id === namespaceType(vm).id) return true;
  if (!(tp.flags & TpFlags.HeapType)) return false;
  // the nearest built-in base must be object (a list or dict subclass reduces with its items)
  for (const id of tp.mro) {
    const t = vm.types[id];
    if (t.flags & TpFlags.HeapType) {
      if (t.dict && CUSTOM.some((n) => dictGetItem(vm, t.dict, intern(vm, n)) !== 0)) return false;
      continue;
    }
    return t.id === T.Object || t.id === namespaceType(vm).id;
  }
  return false;
}

/**
 * _reconstruct(x, memo, copyreg.__newobj__, (cls,), state): `copyValue` copies a state value
 * (the identity for copy.copy, deepcopy with the memo for deepcopy); `enter` puts the new object
 * in the memo before the state is copied, so cycles find it. `memo` (deepcopy's, 0 for copy.copy):
 * the arguments (cls,) go through _reconstruct's generator expression (copyreconstruct.ts) into
 * copyreg.__newobj__; SimpleNamespace's are () (`if deep and args` is false).
 */
export function reduceCopy(
  vm: Vm,
  x: number,
  copyValue: (v: number) => number,
  enter: (y: number) => void,
  memo = 0,
): number {
  const tp = vm.typeOf(x);
  if (!plainReduce(vm, tp)) return reduceCallCopy(vm, x, tp, copyValue, enter, memo);
  // copyreg.__newobj__(cls): cls.__new__(cls)
  const newObj = (): number => {
    const newFn = getAttr(vm, tp.typeObject, '__new__');
    try {
      return call(vm, newFn, [tp.typeObject], null);
    } finally {
      vm.decref(newFn);
    }
  };
  if (memo === 0 || tp.id === namespaceType(vm).id) {
    const y = newObj();
    try {
      reconstructState(vm, x, y, tp, copyValue, enter);
    } catch (e) {
      vm.decref(y);
      throw e;
    }
    return y;
  }
  // reduce_newobj's (cls,); _reconstruct is a frame (a nested instance costs 4 a level: 249 deep on 3.11.7)
  vm.incref(tp.typeObject);
  const args = tupleFromItems(vm, [tp.typeObject]);
  try {
    return withPythonFrame(vm, () =>
      reconstructDeep(vm, args, memo, copyValue, newObj, (y) =>
        reconstructState(vm, x, y, tp, copyValue, enter),
      ),
    );
  } finally {
    vm.decref(args);
  }
}

/** The new object `y` entered in the memo, then x's state copied onto it (__dict__, __slots__, or its own __setstate__). */
function reconstructState(
  vm: Vm,
  x: number,
  y: number,
  tp: TypeSlots,
  copyValue: (v: number) => number,
  enter: (y: number) => void,
): void {
  enter(y);
  if (customState(vm, tp)) {
    setCustomState(vm, x, y, tp, copyValue);
    return;
  }
  // the state: the __dict__ (object___getstate__ reads it through PyObject_GenericGetDict)
  const hasDict = tp.dictoffset !== 0;
  const st = heapInstanceState(vm, x);
  if (hasDict) {
    const state = instanceDict(vm, x);
    // `if state:` then y.__dict__.update(state), the state deep-copied first for deepcopy
    if (vm.table.n[state] > 0) {
      const copied = copyValue(state);
      try {
        dictMerge(vm, instanceDict(vm, y), copied);
      } finally {
        vm.decref(copied);
      }
    }
  }
  // __slots__: the slot values as a dict, then setattr on the copy
  if (st?.members) {
    const members = (tp.extra as { members: string[] }).members;
    const slotState = dictNew(vm);
    try {
      members.forEach((name, i) => {
        const v = st.members![i];
        if (v !== 0) dictSetItem(vm, slotState, intern(vm, name), v);
      });
      const copied = copyValue(slotState);
      try {
        for (const [k, v] of dictEntries(vm, copied)) {
          const descr = typeLookup(vm, tp, vm.table.type[k] === T.Str ? strValue(vm, k) : '');
          const set = descr !== 0 ? vm.typeOf(descr).descrSet : null;
          if (set) set(vm, descr, y, v);
        }
      } finally {
        vm.decref(copied);
      }
    } finally {
      vm.decref(slotState);
    }
  }
}

/**
 * copy.copy / deepcopy of an object whose reduction is its type's own (date, datetime, time,
 * timedelta: `(cls, (state bytes,))`; a class with its own __reduce__): copy.py calls
 * `x.__reduce_ex__(4)`; a str means x is copied as itself; a (callable, args) reduction, or one
 * whose state and items are None, is `_reconstruct(x, memo, callable, args)`: y = callable(*args)
 * (deeply: the arguments through the generator expression, copyreconstruct.ts), y entered in the
 * memo. A reduction with state, listitems or dictitems is not modelled here.
 */
function reduceCallCopy(
  vm: Vm,
  x: number,
  tp: TypeSlots,
  copyValue: (v: number) => number,
  enter: (y: number) => void,
  memo: number,
): number {
  const dt = datetimeReduction(vm, x);
  if (dt !== null) {
    try {
      if (memo === 0) {
        const y = dt.make();
        enter(y);
        return y;
      }
      return withPythonFrame(vm, () => reconstructDeep(vm, dt.args, memo, copyValue, dt.make, enter));
    } finally {
      vm.decref(dt.rv);
    }
  }
  // object.__reduce_ex__(4) calls an overriding __reduce__ (the class's own, below object)
  const own = (name: string): boolean =>
    tp.mro.some((id) => {
      const t = vm.types[id];
      return (t.flags & TpFlags.HeapType) !== 0 && t.dict !== 0 && dictGetItem(vm, t.dict, intern(vm, name)) !== 0;
    });
  let rv: number;
  if (own('__reduce_ex__')) {
    const proto = fromLong(vm, 4);
    try {
      rv = callMethod(vm, x, '__reduce_ex__', [proto]);
    } finally {
      vm.decref(proto);
    }
  } else if (own('__reduce__')) rv = callMethod(vm, x, '__reduce__', []);
  else throw new NotSupported(`copy of a ${tp.name} (through its own __reduce_ex__)`);
  try {
    if (vm.typeOf(rv).mro.includes(T.Str)) {
      vm.incref(x);
      return x;
    }
    const parts = vm.table.type[rv] === T.Tuple ? tupleItems(vm, rv) : [];
    const simple = parts.length >= 2 && parts.length <= 5 && parts.slice(2).every((p) => p === vm.s.None);
    if (!simple || vm.table.type[parts[1]] !== T.Tuple)
      throw new NotSupported(`copy of a ${tp.name} (through its own __reduce_ex__ with state or items)`);
    const [fn, args] = parts;
    const callWith = (items: number[]): number => call(vm, fn, items, null);
    if (memo === 0) {
      const y = callWith(Array.from(tupleItems(vm, args)));
      enter(y);
      return y;
    }
    return withPythonFrame(vm, () =>
      reconstructDeep(
        vm,
        args,
        memo,
        copyValue,
        (star) => callWith(Array.from(tupleItems(vm, star))),
        (y) => enter(y),
      ),
    );
  } finally {
    vm.decref(rv);
  }
}
