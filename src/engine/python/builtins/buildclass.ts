import { PyError } from '../errors';
import { lookupAttr } from '../abstract/attr';
import { call, stackAsDict, tupleFromArray } from '../abstract/call';
import { raiseFormat, typeError } from '../abstract/errors';
import { builtinNew } from '../objects/descr';
import { dictDelItem, dictGetItem, dictNew } from '../objects/dict';
import { E } from '../objects/exctypes';
import { intern, strValue } from '../objects/str';
import { tupleFromItems, tupleItems } from '../objects/tuple';
import { setItem } from '../abstract/item';
import { isSubtype } from '../objects/typeobject';
import { Meth, T, type Kwargs, type MethodDef } from '../objects/types';
import type { Vm } from '../runtime/vm';
import type { BuiltinsHost } from './host';
import { keyAt, valueAt, type HashIndex } from '../objects/dictindex';

/** type.__prepare__ (a classmethod of `type`): a new empty dict for the class body. */
const PREPARE: MethodDef = {
  name: '__prepare__',
  flags: Meth.Fastcall | Meth.Keywords | Meth.Class,
  qualname: 'type.__prepare__',
  impl: (vm) => dictNew(vm),
};

/**
 * builtin___build_class__ (the `class` statement): the bases as a tuple, the metaclass (the
 * `metaclass=` keyword, else the most derived metaclass of the bases, else `type`), its
 * __prepare__ looked up (a bound method, made and freed) and called for the namespace, the class
 * body run in that namespace (_PyEval_Vector with the dict as f_locals), then the metaclass
 * called with (name, bases, namespace): for `type` a 3-tuple and type_call → type_new. A
 * __class__ cell the body returns must hold the new class.
 */
export function buildClassDef(host: BuiltinsHost): MethodDef {
  return {
    name: '__build_class__',
    flags: Meth.Fastcall | Meth.Keywords,
    impl: (vm, _self, args, kw) => buildClass(vm, host, args, kw),
  };
}

function buildClass(vm: Vm, host: BuiltinsHost, args: readonly number[], kw: Kwargs | null): number {
  if (args.length < 2) throw typeError(vm, '__build_class__: not enough arguments');
  const func = args[0];
  if (vm.table.type[func] !== T.Function) throw typeError(vm, '__build_class__: func must be a function');
  const name = args[1];
  if (vm.table.type[name] !== T.Str) throw typeError(vm, '__build_class__: name is not a string');
  const origItems = args.slice(2);
  const baseItems = updateBases(vm, origItems);
  const bases = tupleFromItems(vm, baseItems);
  const origBases = baseItems === origItems ? 0 : tupleFromArray(vm, origItems);
  let mkw = 0;
  let meta = 0;
  let ns = 0;
  let cell = 0;
  try {
    if (kw !== null && kw.size > 0) {
      mkw = stackAsDict(vm, kw);
      const m = dictGetItem(vm, mkw, intern(vm, 'metaclass'));
      if (m !== 0) {
        vm.incref(m);
        meta = m;
        dictDelItem(vm, mkw, intern(vm, 'metaclass'));
      }
    }
    const isClass = meta === 0 || vm.typeOf(meta).mro.includes(T.Type);
    if (meta === 0) {
      meta = baseItems.length === 0 ? vm.types[T.Type].typeObject : vm.typeOf(baseItems[0]).typeObject;
      vm.incref(meta);
    }
    if (isClass) {
      const winner = calculateMetaclass(vm, meta, baseItems);
      if (winner !== meta) {
        vm.incref(winner);
        vm.decref(meta);
        meta = winner;
      }
    }
    ns = prepare(vm, meta, name, bases, mkw);
    // the bases changed (__mro_entries__): the class keeps the ones the statement named
    if (origBases !== 0) setItem(vm, ns, intern(vm, '__orig_bases__'), origBases);
    cell = host.runWithLocals(func, ns);
    const margs = [name, bases, ns];
    const cls = call(vm, meta, margs, mkw !== 0 ? kwargsOf(vm, mkw) : null);
    if (vm.table.type[cell] === T.Cell && vm.typeOf(cls).mro.includes(T.Type)) {
      const cellCls = vm.table.ref[cell];
      if (cellCls !== cls) {
        vm.decref(cls);
        if (cellCls === 0)
          throw raiseFormat(
            vm,
            E.RuntimeError,
            '__class__ not set defining %.200R as %.200R. Was __classcell__ propagated to type.__new__?',
            name,
            cls,
          );
        throw raiseFormat(
          vm,
          E.TypeError,
          '__class__ set to %.200R defining %.200R as %.200R',
          cellCls,
          name,
          cls,
        );
      }
    }
    return cls;
  } finally {
    if (cell) vm.decref(cell);
    if (ns) vm.decref(ns);
    if (meta) vm.decref(meta);
    if (mkw) vm.decref(mkw);
    if (origBases) vm.decref(origBases);
    vm.decref(bases);
  }
}

/**
 * update_bases: a base that is not a class and has __mro_entries__ (typing.NamedTuple,
 * TypedDict, Generic[T]) is replaced by what that returns for the original bases tuple. Returns
 * `bases` itself when nothing changed, else a new array; new references either way.
 */
function updateBases(vm: Vm, bases: number[]): number[] {
  let out: number[] | null = null;
  let orig = 0;
  try {
    for (let i = 0; i < bases.length; i++) {
      const b = bases[i];
      const meth = vm.typeOf(b).mro.includes(T.Type) ? 0 : lookupAttr(vm, b, '__mro_entries__');
      if (meth === 0) {
        if (out) out.push(b);
        continue;
      }
      try {
        if (orig === 0) orig = tupleFromArray(vm, bases);
        const r = call(vm, meth, [orig], null);
        try {
          if (vm.table.type[r] !== T.Tuple) throw typeError(vm, '__mro_entries__ must return a tuple');
          out ??= bases.slice(0, i);
          out.push(...tupleItems(vm, r));
        } finally {
          vm.decref(r);
        }
      } finally {
        vm.decref(meth);
      }
    }
  } finally {
    if (orig) vm.decref(orig);
  }
  const result = out ?? bases;
  for (const b of result) vm.incref(b);
  return result;
}

/** The keyword dict as the call's keywords. */
function kwargsOf(vm: Vm, d: number): Kwargs | null {
  const out: Kwargs = new Map();
  const data = vm.table.side[d] as HashIndex & { nentries: number };
  for (let i = 0; i < data.nentries; i++)
    if (keyAt(data, i)) out.set(strValue(vm, keyAt(data, i)), valueAt(data, i));
  return out.size ? out : null;
}

/** _PyType_CalculateMetaclass: the most derived metaclass among `meta` and the bases' types. */
function calculateMetaclass(vm: Vm, meta: number, bases: readonly number[]): number {
  let winner = meta;
  for (const b of bases) {
    const tmp = vm.typeOf(b).typeObject;
    const w = vm.slotsOf(winner).id;
    const t = vm.slotsOf(tmp).id;
    if (isSubtype(vm, w, t)) continue;
    if (isSubtype(vm, t, w)) {
      winner = tmp;
      continue;
    }
    throw typeError(
      vm,
      'metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases',
    );
  }
  return winner;
}

/** meta.__prepare__(name, bases, **kw): for `type`, the bound classmethod made, called and freed. */
function prepare(vm: Vm, meta: number, name: number, bases: number, mkw: number): number {
  let prep: number;
  if (meta === vm.types[T.Type].typeObject) prep = builtinNew(vm, PREPARE, meta);
  else {
    prep = lookupAttr(vm, meta, '__prepare__');
    if (prep === 0) return dictNew(vm);
  }
  try {
    const ns = call(vm, prep, [name, bases], mkw !== 0 ? kwargsOf(vm, mkw) : null);
    if (vm.typeOf(ns).mapping?.subscript === undefined) {
      vm.decref(ns);
      throw typeError(
        vm,
        '%.200s.__prepare__() must return a mapping, not %.200s',
        vm.slotsOf(meta).name,
        vm.typeOf(ns).name,
      );
    }
    return ns;
  } finally {
    vm.decref(prep);
  }
}

void PyError;
