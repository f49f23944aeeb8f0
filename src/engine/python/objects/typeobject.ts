import { NotSupported } from '../errors';
import { typeLookup } from '../abstract/attr';
import { fromSsize } from './int';
import { mappingProxyNew } from './mappingproxy';
import { makeTpCall } from '../abstract/call';
import { raiseFormat, setObject, typeError } from '../abstract/errors';
import { unicodeFromFormat } from '../abstract/fromformat';
import { DEFERRED, defersCall, deferrer, takeDefer, type CallContinuation } from '../runtime/deferred';
import type { Vm } from '../runtime/vm';
import { heapInit, heapInitDeferred } from './heapslots';
import { E } from './exctypes';
import { genericAlloc } from './object';
import { dictClear, dictGetItem, dictNew } from './dict';
import { heapTypeSetattr, typeNew, type HeapTypeExtra } from './typenew';
import { listFromItems } from './list';
import { intern, strNew, strValue } from './str';
import { tupleFromItems, tupleItem } from './tuple';
import {
  Meth,
  NB,
  NB_BINARY_COUNT,
  T,
  TpFlags,
  defineType,
  numberSlots,
  type Kwargs,
  type TypeSlots,
} from './types';
import { unionOr } from './genericalias';
import type { HeapTypeData } from './instance';
import { CACHED_KEYS_BYTES } from './values';

/**
 * Type objects (Objects/typeobject.c): every type is an object of type `type` whose side data is
 * its slot table, so type(x), isinstance, issubclass, __class__, __name__ and __mro__ walk the
 * tables' base and mro. PyType_Ready's work is readyType: the MRO, the slots inherited from the
 * base (inherit_slots) and the type object.
 */

/** PyType_IsSubtype: b in a's MRO. */
export function isSubtype(vm: Vm, a: number, b: number): boolean {
  return a === b || vm.types[a].mro.includes(b);
}

/** type(x) as a type object handle (borrowed). */
export const typeObjectOf = (vm: Vm, h: number): number => vm.typeOf(h).typeObject;

/** The fields a type takes from its base when it leaves them empty (inherit_slots, inherit_special). */
const INHERITED = [
  'dealloc',
  'traverse',
  'clear',
  'sizeof',
  'repr',
  'str',
  'reprText',
  'format',
  'iter',
  'iternext',
  'getattro',
  'setattro',
  'descrGet',
  'descrSet',
  'call',
  'new',
  'init',
] as const;
const SUBCLASS_FLAGS =
  TpFlags.LongSubclass |
  TpFlags.ListSubclass |
  TpFlags.TupleSubclass |
  TpFlags.BytesSubclass |
  TpFlags.UnicodeSubclass |
  TpFlags.DictSubclass |
  TpFlags.BaseExcSubclass |
  TpFlags.TypeSubclass;

/**
 * inherit_slots from `base` into `s` (empty fields only). tp_hash goes with tp_richcompare, and
 * neither is inherited by a class that defines __eq__ or __hash__ itself (overrides_hash).
 */
export function inheritSlots(s: TypeSlots, base: TypeSlots, overridesHash = false): void {
  const dst = s as unknown as Record<string, unknown>;
  const src = base as unknown as Record<string, unknown>;
  if (s.hash === null && s.richcompare === null && !overridesHash) {
    s.hash = base.hash;
    s.richcompare = base.richcompare;
  }
  // the simulator's rendering goes with tp_repr: a type with its own repr keeps it
  if (s.repr !== null && s.reprText === null) s.reprText = reprTextFromRepr;
  for (const k of INHERITED) if (dst[k] === null) dst[k] = src[k];
  if (base.number) {
    if (!s.number) s.number = { ...base.number, binary: base.number.binary.slice() };
    else {
      const b = s.number.binary;
      for (let i = 0; i < 2 * NB_BINARY_COUNT; i++) if (!b[i]) b[i] = base.number.binary[i] ?? null;
      s.number = { ...base.number, ...stripUndefined(s.number), binary: b };
    }
  }
  if (base.sequence) s.sequence = { ...base.sequence, ...stripUndefined(s.sequence ?? {}) };
  if (base.mapping) s.mapping = { ...base.mapping, ...stripUndefined(s.mapping ?? {}) };
  s.flags |= base.flags & (SUBCLASS_FLAGS | TpFlags.HaveGc);
}

function stripUndefined<O extends object>(o: O): Partial<O> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as Partial<O>;
}

/** tp_repr for a type that only renders text: the text as one new str. */
function reprFromText(vm: Vm, h: number): number {
  return strNew(vm, vm.typeOf(h).reprText!(vm, h, 0));
}

/** The rendering of a type whose repr is its own: its tp_repr's str, read and released. */
function reprTextFromRepr(vm: Vm, h: number): string {
  const r = vm.typeOf(h).repr!(vm, h);
  const text = strValue(vm, r);
  vm.decref(r);
  return text;
}

/** A built-in type's readiness (PyType_Ready): MRO along its bases, inherited slots, its static type object, registered. */
/** C3 linearisation of the bases' MROs (a static type with two bases: ExceptionGroup). */
function mergeMro(vm: Vm, bases: readonly number[]): number[] {
  const seqs = [...bases.map((b) => [...vm.types[b].mro]), [...bases]];
  const out: number[] = [];
  while (seqs.some((q) => q.length)) {
    const head = seqs.find((q) => q.length && !seqs.some((o) => o.indexOf(q[0]) > 0))?.[0];
    if (head === undefined) throw new Error('internal: no consistent MRO');
    out.push(head);
    for (const q of seqs) if (q[0] === head) q.shift();
  }
  return out;
}

export function readyStaticType(vm: Vm, s: TypeSlots): void {
  const base = s.id === T.Object ? null : vm.types[s.base];
  if (s.id !== T.Object && !base) throw new Error(`internal: ${s.name}'s base is not ready`);
  if (s.bases.length === 0 && base) s.bases = [base.id];
  s.mro = base ? [s.id, ...(s.bases.length > 1 ? mergeMro(vm, s.bases) : base.mro)] : [s.id];
  // A type that renders itself without a tp_repr of its own: repr() makes one str of that text.
  if (s.repr === null && s.reprText !== null) s.repr = reprFromText;
  if (base) inheritSlots(s, base);
  s.flags |= TpFlags.Ready | TpFlags.Immutable;
  const h = vm.newStatic(T.Type);
  vm.table.side[h] = s;
  s.typeObject = h;
  vm.registerType(s);
}

// ---- the `type` type ------------------------------------------------------------------------

/**
 * type_call: tp_new, then tp_init when the result is an instance of the type. type(x) with one
 * argument is x's type.
 */
function typeCall(vm: Vm, callable: number, args: number, kwargs: number): number {
  const defer = takeDefer(vm);
  const type = vm.slotsOf(callable);
  if (type.id === T.Type && vm.table.n[args] === 1 && (kwargs === 0 || vm.table.n[kwargs] === 0)) {
    const t = vm.typeOf(tupleItem(vm, args, 0)).typeObject;
    vm.incref(t);
    return t;
  }
  if (type.id === T.Type && vm.table.n[args] !== 3) throw typeError(vm, 'type() takes 1 or 3 arguments');
  if (type.new === null) throw typeError(vm, "cannot create '%s' instances", type.name);
  const obj = type.new(vm, type, args, kwargs);
  if (!isSubtype(vm, vm.table.type[obj], type.id)) return obj;
  const init = vm.typeOf(obj).init;
  if (init !== null) {
    try {
      // a class's Python __init__ may run in the loop that called the class (runtime/deferred.ts)
      if (defer && init === heapInit && heapInitDeferred(vm, obj, args, kwargs) === DEFERRED) {
        deferrer(vm)!.continueWith(new InitDone(obj));
        return DEFERRED;
      }
      if (!defer || init !== heapInit) init(vm, obj, args, kwargs);
    } catch (e) {
      vm.decref(obj);
      throw e;
    }
  }
  return obj;
}

/**
 * type_call's rest after a deferred __init__: the result is the instance, or it is released when
 * __init__ raised. One object a call, its methods on the prototype (two closures and an object
 * literal were ~230 bytes of JS heap an instance in `[P(i) for i in range(N)]`).
 */
class InitDone implements CallContinuation {
  constructor(private readonly obj: number) {}
  done(): number {
    return this.obj;
  }
  fail(vm: Vm): void {
    vm.decref(this.obj);
  }
}

/** type_vectorcall: type(x) answers at once; anything else goes through type_call with a tuple. */
function typeVectorcall(vm: Vm, callable: number, args: readonly number[], kw: Kwargs | null): number {
  if (args.length === 1 && (kw === null || kw.size === 0) && vm.slotsOf(callable).id === T.Type) {
    const t = vm.typeOf(args[0]).typeObject;
    vm.incref(t);
    return t;
  }
  return makeTpCall(vm, callable, args, kw);
}

/**
 * type_getattro: a data descriptor on the metatype, then the attribute along the type's own MRO
 * (its __get__ called with no instance: a function stays a function, a classmethod binds to the
 * type), then a non-data descriptor of the metatype, else AttributeError.
 */
function typeGetattro(vm: Vm, h: number, name: string): number {
  const type = vm.slotsOf(h);
  const meta = vm.typeOf(h);
  const metaAttr = typeLookup(vm, meta, name);
  let metaGet: TypeSlots['descrGet'] = null;
  if (metaAttr !== 0) {
    metaGet = vm.typeOf(metaAttr).descrGet;
    if (metaGet !== null && vm.typeOf(metaAttr).descrSet !== null)
      return metaGet(vm, metaAttr, h, meta.typeObject);
  }
  const attr = typeLookup(vm, type, name);
  if (attr !== 0) {
    const get = vm.typeOf(attr).descrGet;
    if (get !== null) return get(vm, attr, 0, h);
    vm.incref(attr);
    return attr;
  }
  if (metaGet !== null) return metaGet(vm, metaAttr, h, meta.typeObject);
  if (metaAttr !== 0) {
    vm.incref(metaAttr);
    return metaAttr;
  }
  throw raiseFormat(vm, E.AttributeError, "type object '%.50s' has no attribute '%U'", type.name, name);
}

/** type_setattro: built-in types are immutable; a class's dict takes the value (heap types: typenew.ts). */
function typeSetattro(vm: Vm, h: number, name: string, value: number): void {
  const type = vm.slotsOf(h);
  if (!(type.flags & TpFlags.HeapType))
    throw typeError(vm, "cannot set '%U' attribute of immutable type '%s'", name, type.name);
  heapTypeSetattr(vm, h, name, value);
}

function typeText(vm: Vm, h: number): string {
  const s = vm.slotsOf(h);
  return s.module === 'builtins' ? `<class '${s.name}'>` : `<class '${s.module}.${s.qualname}'>`;
}

const heapName = (vm: Vm, s: TypeSlots, name: string): number => {
  if (!(s.flags & TpFlags.HeapType)) return strNew(vm, name);
  const h = intern(vm, name);
  vm.incref(h);
  return h;
};
const typeGet = (f: (vm: Vm, s: TypeSlots) => number) => (vm: Vm, h: number) => f(vm, vm.slotsOf(h));
const tupleOfTypes = (vm: Vm, ids: number[]): number => {
  const items = ids.map((id) => vm.types[id].typeObject);
  for (const x of items) vm.incref(x);
  return tupleFromItems(vm, items);
};

const staticMros = new WeakMap<Vm, Map<number, number>>();

/**
 * A type's tp_mro tuple (a new reference). A built-in type's was made at start-up by
 * PyType_Ready: made here once, outside the simulated heap (Mem.accounted, the collector's counts
 * untouched), and kept.
 */
function mroTuple(vm: Vm, s: TypeSlots): number {
  const own = s.flags & TpFlags.HeapType ? (s.extra as HeapTypeExtra).mroTuple : 0;
  if (own) {
    vm.incref(own);
    return own;
  }
  let cache = staticMros.get(vm);
  if (cache === undefined) staticMros.set(vm, (cache = new Map()));
  let t = cache.get(s.id);
  if (t === undefined) {
    const counts = [...vm.gc.count];
    const was = vm.mem.accounted;
    vm.mem.accounted = true;
    try {
      t = tupleOfTypes(vm, s.mro);
    } finally {
      vm.mem.accounted = was;
      vm.gc.count.splice(0, counts.length, ...counts);
    }
    cache.set(s.id, t);
  }
  vm.incref(t);
  return t;
}

export const TypeType = (): TypeSlots =>
  defineType({
    id: T.Type,
    name: 'type',
    basicsize: 904,
    itemsize: 40,
    flags: TpFlags.HaveGc | TpFlags.BaseType | TpFlags.TypeSubclass | TpFlags.HaveVectorcall,
    dealloc: (vm, h) => {
      const s = vm.slotsOf(h);
      if (!(s.flags & TpFlags.HeapType)) throw new Error(`internal: the built-in type ${s.name} deallocated`);
      (s.extra as { dealloc?: (vm: Vm, h: number) => void } | null)?.dealloc?.(vm, h);
    },
    // type_traverse / type_clear (a class): its dict, bases and MRO; clearing the dict and the MRO breaks its cycles
    traverse: (vm, h, visit) => {
      const s = vm.slotsOf(h);
      if (!(s.flags & TpFlags.HeapType) || s.extra === null) return;
      const x = s.extra as { basesTuple: number; mroTuple: number };
      if (s.dict) visit(s.dict);
      if (x.basesTuple) visit(x.basesTuple);
      if (x.mroTuple) visit(x.mroTuple);
    },
    clear: (vm, h) => {
      const s = vm.slotsOf(h);
      if (!(s.flags & TpFlags.HeapType) || s.extra === null) return;
      const x = s.extra as { mroTuple: number };
      if (s.dict) dictClear(vm, s.dict);
      const mro = x.mroTuple;
      x.mroTuple = 0;
      vm.xdecref(mro);
    },
    repr: (vm, h) => {
      const s = vm.slotsOf(h);
      return s.module === 'builtins'
        ? unicodeFromFormat(vm, "<class '%s'>", [s.name])
        : unicodeFromFormat(vm, "<class '%U.%U'>", [s.module, s.qualname]);
    },
    reprText: typeText,
    // type___sizeof__: a class is sizeof(PyHeapTypeObject) plus its shared keys (_PyDict_KeysSize:
    // 768 bytes; sys.getsizeof of `class A: pass` is 1,688 in 3.11.7), a built-in type
    // sizeof(PyTypeObject) (408 in 3.11: getsizeof(int) is 424)
    sizeof: (vm, h) => {
      const s = vm.slotsOf(h);
      if (!(s.flags & TpFlags.HeapType)) return 408;
      return vm.py.sizes.heapType + ((s.extra as HeapTypeData | null)?.cachedKeys ? CACHED_KEYS_BYTES : 0);
    },
    call: defersCall(typeCall),
    typeVectorcall,
    // type_init: the class is made by then; only the argument count is checked
    init: (vm, _h, args, kwargs) => {
      const n = vm.table.n[args];
      if (n === 1 && kwargs !== 0 && vm.table.n[kwargs] > 0)
        throw typeError(vm, 'type.__init__() takes no keyword arguments');
      if (n !== 1 && n !== 3) throw typeError(vm, 'type.__init__() takes 1 or 3 arguments');
    },
    // type_or: int | None is a types.UnionType (genericalias.ts)
    number: numberSlots({ [NB.Or]: unionOr }),
    getattro: typeGetattro,
    setattro: typeSetattro,
    // type_new: type(x) is x's type; type(name, bases, dict) makes a class (typenew.ts)
    new: (vm, type, args, kwargs) => {
      const n = vm.table.n[args];
      if (n === 1 && type.id === T.Type && (kwargs === 0 || vm.table.n[kwargs] === 0)) {
        const t = typeObjectOf(vm, tupleItem(vm, args, 0));
        vm.incref(t);
        return t;
      }
      // PyArg_ParseTuple(args, "UO!O!:type.__new__", …)
      if (n !== 3) throw typeError(vm, 'type.__new__() takes exactly 3 arguments (%d given)', n);
      const [name, bases, ns] = [0, 1, 2].map((i) => tupleItem(vm, args, i));
      if (vm.table.type[name] !== T.Str)
        throw typeError(vm, 'type.__new__() argument 1 must be str, not %.200s', vm.typeOf(name).name);
      if (vm.table.type[bases] !== T.Tuple)
        throw typeError(vm, 'type.__new__() argument 2 must be tuple, not %.200s', vm.typeOf(bases).name);
      if (!vm.typeOf(ns).mro.includes(T.Dict))
        throw typeError(vm, 'type.__new__() argument 3 must be dict, not %.200s', vm.typeOf(ns).name);
      // the metatype: `type` itself, or a metaclass (a subclass of type) whose instances are classes
      return typeNew(vm, strValue(vm, name), bases, ns, '__main__', type, kwargs);
    },
    methods: {
      // type.__prepare__ (a classmethod): __build_class__ looks it up (a bound method made and freed) for the namespace dict
      __prepare__: {
        name: '__prepare__',
        flags: Meth.Class | Meth.Fastcall | Meth.Keywords,
        impl: (vm) => dictNew(vm),
        qualname: 'type.__prepare__',
      },
      // type.__subclasses__: the live classes in tp_subclasses (a built-in type's are not tracked here)
      __subclasses__: {
        name: '__subclasses__',
        flags: Meth.NoArgs,
        impl: (vm, self) => {
          const s = vm.slotsOf(self);
          if (!(s.flags & TpFlags.HeapType))
            throw new NotSupported(`${s.name}.__subclasses__() (a built-in type's subclasses)`);
          const live: number[] = [];
          for (const { ref } of (s.extra as HeapTypeExtra).subclasses.values()) {
            const cls = (vm.table.side[ref] as { referent: number }).referent;
            if (cls !== 0) {
              vm.incref(cls);
              live.push(cls);
            }
          }
          return listFromItems(vm, live);
        },
        qualname: 'type.__subclasses__',
      },
      mro: {
        name: 'mro',
        flags: Meth.NoArgs,
        // type_mro_impl: a list (what __mro__ is made from)
        impl: (vm, self) => {
          const items = vm.slotsOf(self).mro.map((id) => vm.types[id].typeObject);
          for (const x of items) vm.incref(x);
          return listFromItems(vm, items);
        },
        qualname: 'type.mro',
      },
    },
    getset: {
      // type_name / type_qualname: a class keeps ht_name and ht_qualname (no allocation); a static
      // type's name is made from tp_name on each call
      __name__: { name: '__name__', get: typeGet((vm, s) => heapName(vm, s, s.name)) },
      __qualname__: { name: '__qualname__', get: typeGet((vm, s) => heapName(vm, s, s.qualname)) },
      __module__: { name: '__module__', get: typeGet((vm, s) => strNew(vm, s.module)) },
      // type_get_mro: tp_mro itself (a class's made by type_new; a built-in type's by PyType_Ready)
      __mro__: { name: '__mro__', get: typeGet((vm, s) => mroTuple(vm, s)) },
      // type_dict: PyDictProxy_New over tp_dict, a new proxy on each access
      __dict__: {
        name: '__dict__',
        get: typeGet((vm, s) => {
          if (!s.dict) throw new NotSupported(`${s.name}.__dict__ (a built-in type's dict)`);
          return mappingProxyNew(vm, s.dict);
        }),
      },
      // type_abstractmethods: the class's own dict entry (abc.ABCMeta stores it), else an
      // AttributeError whose value is the name itself (`hasattr(cls, '__abstractmethods__')`);
      // type_set_abstractmethods stores into the class's dict
      __abstractmethods__: {
        name: '__abstractmethods__',
        get: (vm, h) => {
          const s = vm.slotsOf(h);
          const key = intern(vm, '__abstractmethods__');
          const v = s.id !== T.Type && s.dict ? dictGetItem(vm, s.dict, key) : 0;
          if (v === 0) throw setObject(vm, E.AttributeError, key);
          vm.incref(v);
          return v;
        },
        set: (vm, h, value) => typeSetattro(vm, h, '__abstractmethods__', value),
      },
      __basicsize__: { name: '__basicsize__', get: typeGet((vm, s) => fromSsize(vm, s.basicsize)) },
      __itemsize__: { name: '__itemsize__', get: typeGet((vm, s) => fromSsize(vm, s.itemsize)) },
      __bases__: { name: '__bases__', get: typeGet((vm, s) => tupleOfTypes(vm, s.bases)) },
      __base__: {
        name: '__base__',
        get: typeGet((vm, s) => {
          const b = s.id === T.Object ? vm.s.None : vm.types[s.base].typeObject;
          vm.incref(b);
          return b;
        }),
      },
    },
  });

/** A new instance of a built-in type through its generic allocator (used by heap subclasses). */
export const allocInstance = genericAlloc;
