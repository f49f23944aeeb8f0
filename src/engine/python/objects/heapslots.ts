import { NotSupported, PyError } from '../errors';
import { dictKwargs } from '../abstract/kwargs';
import { genericGetAttr, genericSetAttr, typeLookup } from '../abstract/attr';
import { call } from '../abstract/call';
import { hashResult } from '../abstract/hashvalue';
import { clearError, errorMatches, raiseFormat, typeError } from '../abstract/errors';
import { asSsize } from '../abstract/number';
import { isTrue } from '../abstract/object';
import { DEFERRED, defersCall, deferrer, takeDefer } from '../runtime/deferred';
import type { Vm } from '../runtime/vm';
import { E } from './exctypes';
import { hashNotImplemented } from './object';
import { intern } from './str';
import { tupleItem, tupleItems } from './tuple';
import {
  Cmp,
  NB,
  NB_BINARY_COUNT,
  T,
  TpFlags,
  type BinarySlot,
  type Kwargs,
  type NumberSlots,
  type TypeSlots,
} from './types';
import { dictGetItem } from './dict';

/**
 * A class's slots from its dunder methods (Objects/typeobject.c slotdefs and the slot_* functions):
 * `__len__` fills sq_length and mp_length with slot_sq_length, `__add__`/`__radd__` fill nb_add
 * with slot_nb_add, `__eq__` fills tp_richcompare, and so on. Each calls the method found on the
 * type (lookup_maybe_method: a function is called with the instance first, no bound method made).
 */

/** Does type(o) define `name` (its slot is filled: `tp_as_async->am_anext != NULL` and the like)? */
export const hasDunder = (vm: Vm, o: number, name: string): boolean =>
  typeLookup(vm, vm.typeOf(o), name) !== 0;

/** vectorcall_method / lookup_maybe_method: `name` on type(self), called with self and args; 0 when the type has none. */
export function callDunder(
  vm: Vm,
  self: number,
  name: string,
  args: readonly number[],
  kw: Kwargs | null = null,
): number {
  const tp = vm.typeOf(self);
  const f = typeLookup(vm, tp, name);
  if (f === 0) return 0;
  if (vm.typeOf(f).flags & TpFlags.MethodDescriptor) {
    const withSelf = new Array<number>(args.length + 1);
    withSelf[0] = self;
    for (let i = 0; i < args.length; i++) withSelf[i + 1] = args[i];
    return call(vm, f, withSelf, kw);
  }
  const get = vm.typeOf(f).descrGet;
  if (get === null) return call(vm, f, args, kw);
  const bound = get(vm, f, self, tp.typeObject);
  try {
    return call(vm, bound, args, kw);
  } finally {
    vm.decref(bound);
  }
}

function mustCall(
  vm: Vm,
  self: number,
  name: string,
  args: readonly number[],
  kw: Kwargs | null = null,
): number {
  const r = callDunder(vm, self, name, args, kw);
  if (r === 0)
    throw raiseFormat(
      vm,
      E.AttributeError,
      "'%.50s' object has no attribute '%U'",
      vm.typeOf(self).name,
      name,
    );
  return r;
}

const RICH_NAMES = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'];
const BINARY_NAMES: [number, string][] = [
  [NB.Add, 'add'],
  [NB.And, 'and'],
  [NB.FloorDivide, 'floordiv'],
  [NB.Lshift, 'lshift'],
  [NB.MatrixMultiply, 'matmul'],
  [NB.Multiply, 'mul'],
  [NB.Remainder, 'mod'],
  [NB.Or, 'or'],
  [NB.Power, 'pow'],
  [NB.Rshift, 'rshift'],
  [NB.Subtract, 'sub'],
  [NB.TrueDivide, 'truediv'],
  [NB.Xor, 'xor'],
];

/** Does `type` define `name` in a class along its MRO (not in a built-in type)? */
function definesInClass(vm: Vm, type: TypeSlots, name: string): boolean {
  for (const id of type.mro) {
    const s = vm.types[id];
    if (s.dict === 0) return false;
    if (dictGetItem(vm, s.dict, intern(vm, name)) !== 0) return true;
  }
  return false;
}

/**
 * SLOT1BINFULL (slot_nb_add & co.): self's __op__ when type(self) defines it, the other operand's
 * __rop__ when its type does (first, when it is a proper subclass of self's), NotImplemented else.
 */
function binarySlot(op: string, rop: string, slotIndex: number): BinarySlot {
  const slot: BinarySlot = (vm, a, b) => {
    const ta = vm.typeOf(a);
    const tb = vm.typeOf(b);
    const NI = vm.s.NotImplemented;
    const doOther = ta !== tb && tb.number?.binary[slotIndex] === slot && definesInClass(vm, tb, rop);
    if (ta.number?.binary[slotIndex] === slot && definesInClass(vm, ta, op)) {
      if (doOther && tb.mro.includes(ta.id)) {
        const r = callDunder(vm, b, rop, [a]);
        if (r !== NI) return r;
        return callDunder(vm, a, op, [b]);
      }
      const r = callDunder(vm, a, op, [b]);
      if (r !== NI || !doOther) return r;
    }
    if (doOther) return callDunder(vm, b, rop, [a]);
    return NI;
  };
  return slot;
}

/** The dunders a class defines, as slots on its table (fixup_slot_dispatchers for its own names). */
export function installDunderSlots(vm: Vm, s: TypeSlots, names: ReadonlySet<string>): void {
  const has = (n: string) => names.has(n);
  if (has('__repr__')) {
    s.repr = heapRepr;
    s.reprText = null;
  }
  if (has('__str__')) s.str = heapStr;
  if (has('__format__')) s.format = (vm2, h, spec) => mustCall(vm2, h, '__format__', [intern(vm2, spec)]);
  if (RICH_NAMES.some(has)) {
    // slot_tp_richcompare; a Python __eq__ runs in the calling loop when COMPARE_OP allows it
    s.richcompare = defersCall((vm2: Vm, a: number, b: number, op: Cmp) => {
      if (takeDefer(vm2)) {
        const f = pythonDunder(vm2, a, RICH_NAMES[op]);
        if (f !== 0) return deferrer(vm2)!.deferCall(f, [a, b], null);
      }
      const r = callDunder(vm2, a, RICH_NAMES[op], [b]);
      return r === 0 ? vm2.s.NotImplemented : r;
    });
  }
  if (has('__hash__')) {
    // the __hash__ the MRO gives (a later base's, with several bases: typenew.ts mroDunders)
    let f = 0;
    for (const id of s.mro) {
      const d = vm.types[id].dict;
      if (d !== 0 && (f = dictGetItem(vm, d, intern(vm, '__hash__'))) !== 0) break;
    }
    s.hash =
      f === vm.s.None
        ? hashNotImplemented
        : (vm2, h) => {
            const r = mustCall(vm2, h, '__hash__', []);
            try {
              // Equal hashes stand for equal keys here: dicts and sets key user objects by the
              // Py_hash_t their __hash__ gives (a tuple's hash is past 2**53: kept exact as a bigint)
              return `\u0000u${hashResult(vm2, r)}`;
            } finally {
              vm2.decref(r);
            }
          };
  } else if (RICH_NAMES.slice(2, 3).some(has)) s.hash = hashNotImplemented;
  if (has('__getattr__') || has('__getattribute__')) {
    const custom = has('__getattribute__');
    // slot_tp_getattr_hook: __getattribute__ not overridden is the built-in base's tp_getattro
    // (type_getattro for a metaclass's classes, PyObject_GenericGetAttr for plain ones)
    let builtinGet = genericGetAttr;
    for (const id of s.mro) {
      const t = vm.types[id];
      if (!(t.flags & TpFlags.HeapType) && t.getattro !== null) {
        builtinGet = t.getattro;
        break;
      }
    }
    s.getattro = (vm2, h, name) => {
      const n = intern(vm2, name);
      // no __getattr__ on the class: slot_tp_getattro, __getattribute__ alone
      if (custom && typeLookup(vm2, vm2.typeOf(h), '__getattr__') === 0)
        return mustCall(vm2, h, '__getattribute__', [n]);
      try {
        return custom ? mustCall(vm2, h, '__getattribute__', [n]) : builtinGet(vm2, h, name);
      } catch (e) {
        // an AttributeError from either is the cue for __getattr__
        if (!(e instanceof PyError) || !errorMatches(vm2, e, E.AttributeError)) throw e;
        clearError(vm2, e);
        return mustCall(vm2, h, '__getattr__', [n]);
      }
    };
  }
  if (has('__setattr__') || has('__delattr__')) {
    s.setattro = (vm2, h, name, value) => {
      const n = intern(vm2, name);
      const r =
        value === 0 ? callDunder(vm2, h, '__delattr__', [n]) : callDunder(vm2, h, '__setattr__', [n, value]);
      if (r === 0) return genericSetAttr(vm2, h, name, value);
      vm2.decref(r);
    };
  }
  if (has('__call__')) s.call = heapCall;
  if (has('__iter__')) s.iter = (vm2, h) => mustCall(vm2, h, '__iter__', []);
  if (has('__next__')) {
    s.iternext = (vm2, h) => {
      try {
        return mustCall(vm2, h, '__next__', []);
      } catch (e) {
        // FOR_ITER and PyIter_Next end the loop on StopIteration and clear it
        if (e instanceof PyError && errorMatches(vm2, e, E.StopIteration)) {
          clearError(vm2, e);
          return 0;
        }
        throw e;
      }
    };
  }
  if (has('__len__')) {
    const len = (vm2: Vm, h: number) => {
      const r = mustCall(vm2, h, '__len__', []);
      const n = asSsize(vm2, r, E.OverflowError);
      vm2.decref(r);
      if (n < 0) throw raiseFormat(vm2, E.ValueError, '__len__() should return >= 0');
      return n;
    };
    s.sequence = { ...s.sequence, length: len };
    s.mapping = { ...s.mapping, length: len };
  }
  if (has('__getitem__'))
    s.mapping = { ...s.mapping, subscript: (vm2, h, k) => mustCall(vm2, h, '__getitem__', [k]) };
  if (has('__setitem__') || has('__delitem__')) {
    s.mapping = {
      ...s.mapping,
      assSubscript: (vm2, h, k, v) =>
        vm2.decref(v === 0 ? mustCall(vm2, h, '__delitem__', [k]) : mustCall(vm2, h, '__setitem__', [k, v])),
    };
  }
  if (has('__contains__')) {
    s.sequence = {
      ...s.sequence,
      contains: (vm2, h, x) => {
        const r = mustCall(vm2, h, '__contains__', [x]);
        const b = isTrue(vm2, r);
        vm2.decref(r);
        return b;
      },
    };
  }
  const number: NumberSlots = (s.number = s.number
    ? { ...s.number, binary: s.number.binary.slice() }
    : { binary: new Array<BinarySlot | null>(2 * NB_BINARY_COUNT).fill(null) });
  for (const [nb, name] of BINARY_NAMES) {
    if (has(`__${name}__`) || has(`__r${name}__`))
      number.binary[nb] = binarySlot(`__${name}__`, `__r${name}__`, nb);
    if (has(`__i${name}__`))
      number.binary[nb + NB_BINARY_COUNT] = (vm2, a, b) =>
        callDunder(vm2, a, `__i${name}__`, [b]) || vm2.s.NotImplemented;
  }
  const unary = {
    __neg__: 'negative',
    __pos__: 'positive',
    __abs__: 'absolute',
    __invert__: 'invert',
    __int__: 'int',
    __float__: 'float',
    __index__: 'index',
  } as const;
  for (const [dunder, key] of Object.entries(unary))
    if (has(dunder)) number[key] = (vm2, h) => mustCall(vm2, h, dunder, []);
  if (has('__bool__')) {
    number.bool = (vm2, h) => {
      const r = mustCall(vm2, h, '__bool__', []);
      if (vm2.table.type[r] !== T.Bool) {
        const name = vm2.typeOf(r).name;
        vm2.decref(r);
        throw typeError(vm2, '__bool__ should return bool, returned %s', name);
      }
      return r === vm2.s.True;
    };
  }
  if (has('__init__')) s.init = heapInit;
  if (has('__get__'))
    s.descrGet = (vm2, d, obj, type) => mustCall(vm2, d, '__get__', [obj || vm2.s.None, type || vm2.s.None]);
  if (has('__set__') || has('__delete__'))
    s.descrSet = (vm2, d, obj, v) =>
      vm2.decref(v === 0 ? mustCall(vm2, d, '__delete__', [obj]) : mustCall(vm2, d, '__set__', [obj, v]));
}

/** A class's tp_init (slot_tp_init): __init__ must return None. */
export function heapInit(vm: Vm, self: number, args: number, kwargs: number): void {
  initReturned(vm, slotTpInit(vm, self, args, kwargs));
}

function initReturned(vm: Vm, r: number): void {
  if (r !== vm.s.None) {
    const name = vm.typeOf(r).name;
    vm.decref(r);
    throw typeError(vm, "__init__() should return None, not '%.200s'", name);
  }
}

/** `__init__` on the instance's type when it is a Python function called with the instance first, else 0. */
function pythonDunder(vm: Vm, self: number, name: string): number {
  const f = typeLookup(vm, vm.typeOf(self), name);
  return f !== 0 && vm.table.type[f] === T.Function && vm.typeOf(f).flags & TpFlags.MethodDescriptor ? f : 0;
}

/**
 * 3.13's specialize_class_call, the type's side of CALL_ALLOC_AND_ENTER_INIT: object's tp_new (no
 * __new__ of its own) and inline values (no __slots__, no C base). Measured on 3.13.0: a class
 * with __slots__, a __new__, a keyword call, a *args or defaulted __init__ recurses 998 levels (the
 * generic path, 1 frame a level); a plain one or one inheriting its __init__ 503 (2 a level).
 */
function enterInitShape(vm: Vm, self: number): boolean {
  const type = vm.typeOf(self);
  return (
    vm.py.allocAndEnterInit &&
    (type.flags & TpFlags.InlineValues) !== 0 &&
    type.new === vm.types[T.Object].new
  );
}

/**
 * heapInit for type_call when the loop's CALL allowed deferring (runtime/deferred.ts): a Python
 * __init__ without keywords gets its frame pushed (slot_tp_init's stack array, past 5 items,
 * freed after it) and DEFERRED is returned; anything else runs now (0).
 */
export function heapInitDeferred(vm: Vm, self: number, args: number, kwargs: number): number {
  const f = kwargs !== 0 && vm.table.n[kwargs] !== 0 ? 0 : pythonDunder(vm, self, '__init__');
  if (f === 0) {
    heapInit(vm, self, args, kwargs);
    return 0;
  }
  const nargs = vm.table.n[args];
  const withSelf = new Array<number>(nargs + 1);
  withSelf[0] = self;
  for (let i = 0; i < nargs; i++) withSelf[i + 1] = tupleItem(vm, args, i);
  const shim = enterInitShape(vm, self) && deferrer(vm)!.entersInit(f, nargs + 1);
  const small = nargs + 1 > 5 && !shim ? vm.mem.malloc(8 * (nargs + 1)) : 0;
  let r = 0;
  try {
    r = deferrer(vm)!.deferCall(f, withSelf, null, shim);
  } finally {
    if (r !== DEFERRED && small) vm.mem.free(small);
  }
  if (r !== DEFERRED) {
    initReturned(vm, r);
    return 0;
  }
  deferrer(vm)!.continueWith(small ? freeingInitContinuation(small) : INIT_CONTINUATION);
  return DEFERRED;
}

/**
 * What runs when a deferred __init__ frame returns or unwinds. Up to 5 items slot_tp_init's stack
 * array needs nothing freed, so one shared continuation serves every such call (`[P(i) for i in
 * range(10**6)]` made two closures and an object per instance for it).
 */
const INIT_CONTINUATION = {
  done: (vm: Vm, res: number): number => {
    initReturned(vm, res);
    return res;
  },
  fail: (): void => {},
};

/** The continuation of an __init__ call whose stack array (`small`, past 5 items) is freed after it. */
function freeingInitContinuation(small: number) {
  return {
    done: (vm: Vm, res: number): number => {
      vm.mem.free(small);
      initReturned(vm, res);
      return res;
    },
    fail: (vm: Vm): void => vm.mem.free(small),
  };
}

/** slot_tp_repr: `__repr__` on the type, called with the instance (deferred when repr() allows it). */
const heapRepr = defersCall(function heapRepr(vm: Vm, h: number): number {
  if (takeDefer(vm)) {
    const f = pythonDunder(vm, h, '__repr__');
    if (f !== 0) return deferrer(vm)!.deferCall(f, [h], null);
  }
  return mustCall(vm, h, '__repr__', []);
});

/** slot_tp_str: `__str__` on the type, called with the instance (deferred when str() allows it). */
const heapStr = defersCall(function heapStr(vm: Vm, h: number): number {
  if (takeDefer(vm)) {
    const f = pythonDunder(vm, h, '__str__');
    if (f !== 0) return deferrer(vm)!.deferCall(f, [h], null);
  }
  return mustCall(vm, h, '__str__', []);
});

/** slot_tp_call: `__call__` on the type, called with the instance first. */
const heapCall = defersCall(function heapCall(vm: Vm, h: number, args: number, kwargs: number): number {
  const defer = takeDefer(vm);
  if (defer && kwargs === 0) {
    const f = pythonDunder(vm, h, '__call__');
    if (f !== 0) return deferrer(vm)!.deferCall(f, [h, ...tupleItems(vm, args)], null);
  }
  return mustCall(
    vm,
    h,
    '__call__',
    Array.from(tupleItems(vm, args)),
    kwargs !== 0 ? dictKwargs(vm, kwargs) : null,
  );
});

/**
 * slot_tp_init: __init__ called with the instance prepended (_PyObject_Call_Prepend: the
 * arguments on the C stack, or a PyMem array past _PY_FASTCALL_SMALL_STACK = 5), keywords through
 * _PyObject_FastCallDictTstate: _PyStack_UnpackDict's array of 1 + nargs + nkwargs pointers
 * around the call (its kwnames tuple: made by the callee's vectorcall here).
 */
function slotTpInit(vm: Vm, self: number, args: number, kwargs: number): number {
  const nargs = vm.table.n[args];
  const nkw = kwargs !== 0 ? vm.table.n[kwargs] : 0;
  if (nkw === 0) {
    const rest = new Array<number>(nargs);
    for (let i = 0; i < nargs; i++) rest[i] = tupleItem(vm, args, i);
    const small = nargs + 1 > 5 ? vm.mem.malloc(8 * (nargs + 1)) : 0;
    try {
      return mustCall(vm, self, '__init__', rest);
    } finally {
      if (small) vm.mem.free(small);
    }
  }
  const items = [self, ...tupleItems(vm, args)];
  const f = typeLookup(vm, vm.typeOf(self), '__init__');
  if (f === 0 || !(vm.typeOf(f).flags & TpFlags.MethodDescriptor))
    throw new NotSupported('keyword arguments to a class whose __init__ is not a plain function');
  const prepend = items.length > 5 ? vm.mem.malloc(8 * items.length) : 0;
  try {
    const kw = dictKwargs(vm, kwargs);
    // the kwnames tuple is made by the function's own vectorcall (callFromC, or a modelled function's)
    const stack = vm.mem.malloc(8 * (1 + items.length + nkw));
    try {
      return call(vm, f, items, kw);
    } finally {
      vm.mem.free(stack);
    }
  } finally {
    if (prepend) vm.mem.free(prepend);
  }
}
