import { lookupAttr } from '../abstract/attr';
import { equals } from '../abstract/compare';
import { raiseFormat, setKeyError, typeError } from '../abstract/errors';
import { reprText } from '../abstract/repr';
import { sequenceFast } from '../abstract/sequence';
import { getIter, iterNext } from '../abstract/iter';
import type { Vm } from '../runtime/vm';
import {
  dictClear,
  dictCopy,
  dictDelItem,
  dictEntries,
  dictGetItem,
  dictGetItemKnownHash,
  dictPopItem,
  dictSetDefault,
  dictSetItem,
  DICT_BASIC,
} from './dict';
import { dictData, emptyDictData } from './dictkeys';
import { entryHash, entryKey, keyAt, valueAt } from './dictindex';
import { dictMerge } from './dictmerge';
import { DICT_FROMKEYS } from './dictfromkeys';
import { dictViewNew } from './dictview';
import { reversedMethod } from './dictreviter';
import { dictMergeMapping } from './dictsub';
import { E } from './exctypes';
import { intern } from './str';
import { tupleFromItems } from './tuple';
import {
  Cmp,
  Meth,
  NB,
  NB_BINARY_COUNT,
  T,
  numberSlots,
  type Kwargs,
  type MethodDef,
  type NumberSlots,
} from './types';

/** The dict protocols and methods (Objects/dictobject.c) beyond the table itself (dict.ts). */

/** dict_subscript: a missing key is _PyErr_SetKeyError (the key in a 1-tuple). */
export function dictSubscript(vm: Vm, h: number, key: number): number {
  const v = dictGetItem(vm, h, key);
  if (v === 0) throw setKeyError(vm, key, reprText(vm, key));
  vm.incref(v);
  return v;
}

/** dict_ass_sub: store (value borrowed) or delete (value 0). */
export function dictAssSubscript(vm: Vm, h: number, key: number, value: number): void {
  if (value === 0) dictDelItem(vm, h, key);
  else dictSetItem(vm, h, key, value);
}

export const dictContainsSlot = (vm: Vm, h: number, key: number): boolean => dictGetItem(vm, h, key) !== 0;

/** dict_richcompare: == and != only (dict_equal: same size, every key found with an equal value). */
export function dictRichcompare(vm: Vm, a: number, b: number, op: Cmp): number {
  if (!vm.typeOf(b).mro.includes(T.Dict) || (op !== Cmp.EQ && op !== Cmp.NE)) return vm.s.NotImplemented;
  let eq = vm.table.n[a] === vm.table.n[b];
  if (eq) {
    const d = dictData(vm, a);
    for (let i = 0; i < d.nentries && eq; i++) {
      if (valueAt(d, i) === 0) continue;
      // dict_equal: b probed with the entry's stored hash (no __hash__ call); a and b's values
      // and the key held while their __eq__ runs
      const key = keyAt(d, i);
      const av = valueAt(d, i);
      vm.incref(key);
      vm.incref(av);
      try {
        const v = dictGetItemKnownHash(vm, b, key, entryHash(vm, d, i), entryKey(vm, d, i));
        eq = v !== 0 && equals(vm, av, v);
      } finally {
        vm.decref(av);
        vm.decref(key);
      }
    }
  }
  return vm.s.bool(eq === (op === Cmp.EQ));
}

export function dictText(vm: Vm, h: number, depth: number): string {
  const parts: string[] = [];
  for (const [k, v] of dictEntries(vm, h)) {
    if (parts.length === 100) {
      parts.push('...');
      break;
    }
    parts.push(`${reprText(vm, k, depth + 1)}: ${reprText(vm, v, depth + 1)}`);
  }
  return '{' + parts.join(', ') + '}';
}

/**
 * dict_update_arg: a dict is merged (dict_merge); an object with keys() is merged as a mapping
 * (dictsub.ts dictMergeMapping); anything else is an iterable of pairs
 * (PyDict_MergeFromSeq2: each item through PySequence_Fast, which must give two).
 */
export function dictUpdateArg(vm: Vm, self: number, arg: number): void {
  if (vm.table.type[arg] === T.Dict) {
    dictMerge(vm, self, arg);
    return;
  }
  const keys = lookupAttr(vm, arg, 'keys');
  if (keys !== 0) {
    vm.decref(keys);
    dictMergeMapping(vm, self, arg);
    return;
  }
  const it = getIter(vm, arg);
  try {
    for (let i = 0, item = iterNext(vm, it); item !== 0; i++, item = iterNext(vm, it)) {
      try {
        const [kv, temp] = sequenceFast(vm, item, '');
        try {
          if (kv.length !== 2)
            throw raiseFormat(
              vm,
              E.ValueError,
              'dictionary update sequence element #%zd has length %zd; 2 is required',
              i,
              kv.length,
            );
          dictSetItem(vm, self, kv[0], kv[1]);
        } finally {
          if (temp) vm.decref(temp);
        }
      } finally {
        vm.decref(item);
      }
      vm.eval.tick();
    }
  } finally {
    vm.decref(it);
  }
}

/** dict_new (PyType_GenericAlloc, then untracked; Py_EMPTY_KEYS) as dict_vectorcall makes it. */
function dictAlloc(vm: Vm): number {
  const d = vm.newGcObject(T.Dict, DICT_BASIC);
  vm.table.side[d] = emptyDictData();
  return d;
}

/** dict_vectorcall: dict_new, dict_update_arg of the one positional argument, then the keywords. */
export function dictVectorcall(vm: Vm, _type: number, args: readonly number[], kw: Kwargs | null): number {
  if (args.length > 1) throw typeError(vm, 'dict expected at most 1 argument, got %zd', args.length);
  const d = dictAlloc(vm);
  try {
    if (args.length) dictUpdateArg(vm, d, args[0]);
    if (kw !== null) for (const [k, v] of kw) dictSetItem(vm, d, intern(vm, k), v);
  } catch (e) {
    vm.decref(d);
    throw e;
  }
  return d;
}

const none = (vm: Vm): number => vm.s.None;
const def = (name: string, flags: number, impl: MethodDef['impl']): MethodDef => ({
  name,
  flags,
  impl,
  qualname: `dict.${name}`,
});

function arity(vm: Vm, name: string, args: readonly number[], min: number, max: number): void {
  if (args.length < min)
    throw typeError(
      vm,
      '%s expected at least %d argument%s, got %zd',
      name,
      min,
      min === 1 ? '' : 's',
      args.length,
    );
  if (args.length > max)
    throw typeError(
      vm,
      '%s expected at most %d argument%s, got %zd',
      name,
      max,
      max === 1 ? '' : 's',
      args.length,
    );
}

export const DICT_METHODS: Record<string, MethodDef> = {
  __reversed__: reversedMethod('keys', (_vm, h) => h),
  get: def('get', Meth.Fastcall, (vm, self, args) => {
    arity(vm, 'get', args, 1, 2);
    const v = dictGetItem(vm, self, args[0]) || (args[1] ?? vm.s.None);
    vm.incref(v);
    return v;
  }),
  pop: def('pop', Meth.Fastcall, (vm, self, args) => {
    arity(vm, 'pop', args, 1, 2);
    const v = dictPopItem(vm, self, args[0]);
    if (!v) {
      if (args.length < 2) throw setKeyError(vm, args[0], reprText(vm, args[0]));
      vm.incref(args[1]);
      return args[1];
    }
    return v;
  }),
  setdefault: def('setdefault', Meth.Fastcall, (vm, self, args) => {
    arity(vm, 'setdefault', args, 1, 2);
    const v = dictSetDefault(vm, self, args[0], args[1] ?? vm.s.None);
    vm.incref(v);
    return v;
  }),
  clear: def('clear', Meth.NoArgs, (vm, self) => {
    dictClear(vm, self);
    return none(vm);
  }),
  update: def('update', Meth.Varargs | Meth.Keywords, (vm, self, args, kw) => {
    if (args.length > 1) throw typeError(vm, 'update expected at most 1 argument, got %zd', args.length);
    if (args.length) dictUpdateArg(vm, self, args[0]);
    if (kw !== null) for (const [k, v] of kw) dictSetItem(vm, self, intern(vm, k), v);
    return none(vm);
  }),
  keys: def('keys', Meth.NoArgs, (vm, self) => dictViewNew(vm, self, 'keys')),
  values: def('values', Meth.NoArgs, (vm, self) => dictViewNew(vm, self, 'values')),
  items: def('items', Meth.NoArgs, (vm, self) => dictViewNew(vm, self, 'items')),
  // PyDict_Copy: a dense table is cloned first (its keys, then the dict object)
  copy: def('copy', Meth.NoArgs, (vm, self) => dictCopy(vm, self)),
  fromkeys: DICT_FROMKEYS,
  popitem: def('popitem', Meth.NoArgs, (vm, self) => {
    const d = dictData(vm, self);
    let i = d.nentries - 1;
    while (i >= 0 && valueAt(d, i) === 0) i--;
    if (i < 0) throw raiseFormat(vm, E.KeyError, 'popitem(): dictionary is empty');
    const k = keyAt(d, i);
    const v = valueAt(d, i);
    vm.incref(k);
    vm.incref(v);
    dictDelItem(vm, self, k);
    return tupleFromItems(vm, [k, v]);
  }),
};

const isDict = (vm: Vm, h: number): boolean => vm.typeOf(h).mro.includes(T.Dict);

/**
 * dict's `|` and `|=` (PEP 584). dict_or: both operands dicts (else NotImplemented), a PyDict_Copy
 * of the left (an exact dict even for a subclass) with dict_update_arg of the right. dict_ior:
 * dict_update_arg of any right operand (a mapping or an iterable of pairs), the left returned.
 */
export function dictNumberSlots(): NumberSlots {
  return numberSlots({
    [NB.Or]: (vm, a, b) => {
      if (!isDict(vm, a) || !isDict(vm, b)) return vm.s.NotImplemented;
      return mergedCopy(vm, dictCopy(vm, a), b, dictUpdateArg);
    },
    [NB.Or + NB_BINARY_COUNT]: dictIor,
  });
}

/** dict_ior: dict_update_arg(self, other), self returned. */
export function dictIor(vm: Vm, a: number, b: number): number {
  dictUpdateArg(vm, a, b);
  vm.incref(a);
  return a;
}

/**
 * The `|` of a dict subclass in C (defdict_or, odict_or): the operand of `ofType` decides the
 * result's class, the other must be a dict (else NotImplemented); `copyOf(self, left)` makes the
 * new one through its class, then `update` merges the right operand in.
 */
export function subclassOr(
  vm: Vm,
  a: number,
  b: number,
  ofType: number,
  copyOf: (vm: Vm, self: number, left: number) => number,
  update: (vm: Vm, h: number, arg: number) => void,
): number {
  const leftIs = vm.typeOf(a).mro.includes(ofType);
  const self = leftIs ? a : b;
  if (!isDict(vm, leftIs ? b : a)) return vm.s.NotImplemented;
  return mergedCopy(vm, copyOf(vm, self, a), b, update);
}

function mergedCopy(vm: Vm, r: number, b: number, update: (vm: Vm, h: number, arg: number) => void): number {
  try {
    update(vm, r, b);
  } catch (e) {
    vm.decref(r);
    throw e;
  }
  return r;
}
