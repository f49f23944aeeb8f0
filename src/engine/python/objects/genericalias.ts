import { call } from '../abstract/call';
import { reprText } from '../abstract/repr';
import type { Vm } from '../runtime/vm';
import { builtinNew } from './descr';
import { moduleType } from './modtypes';
import { strNew } from './str';
import { tupleFromItems, tupleItems } from './tuple';
import { Cmp, Meth, NB, T, TpFlags, defineType, numberSlots, type MethodDef, type TypeSlots } from './types';

/**
 * PEP 585 and 604 in annotations, which 3.11 evaluates when the `def` runs:
 * - `list[int]` (Objects/genericaliasobject.c): PyObject_GetItem on a type looks up its
 *   __class_getitem__ (a classmethod: a bound built-in method, 16 GC + 56 bytes, made and freed)
 *   and calls it; Py_GenericAlias packs a lone argument in a 1-tuple and makes the gaobject
 *   (16 GC + origin, args, parameters, weakreflist, starred, vectorcall: 64 bytes).
 * - `int | None` (Objects/unionobject.c): type's nb_or packs the two operands in a tuple, flattens
 *   it into a new one (None as NoneType, nested unions opened), dedups into a third, and makes
 *   the unionobject (16 GC + args, parameters: 32 bytes); the first two tuples are released.
 */
export const GA_BASIC = 64;
export const UNION_BASIC = 32;

interface Alias {
  origin: number;
  args: number;
}

const aliasOf = (vm: Vm, h: number): Alias => vm.table.side[h] as Alias;

/** The built-in types whose __class_getitem__ is Py_GenericAlias (by the simulator's type name). */
const GENERIC_BUILTINS = new Set([
  T.List,
  T.Dict,
  T.Tuple,
  T.Set,
  T.FrozenSet,
  T.Type,
  T.Enumerate,
  T.Reversed,
  T.Slice,
]);
const GENERIC_NAMED = new Set(['collections.deque', 'collections.defaultdict', 'collections.OrderedDict']);

function supportsClassGetItem(s: TypeSlots): boolean {
  return GENERIC_BUILTINS.has(s.id) || GENERIC_NAMED.has(`${s.module}.${s.name}`);
}

/** Py_GenericAlias(origin, args): `args` borrowed (a tuple kept, anything else packed). */
export function genericAliasNew(vm: Vm, origin: number, args: number): number {
  // PyObject_GC_New first, then setup_ga packs a lone argument
  const h = vm.newGcObject(gaType(vm).id, GA_BASIC);
  let tuple = args;
  vm.incref(args);
  if (vm.table.type[args] !== T.Tuple) tuple = tupleFromItems(vm, [args]);
  vm.incref(origin);
  vm.table.side[h] = { origin, args: tuple } satisfies Alias;
  vm.gc.track(h);
  return h;
}

const CLASS_GETITEM: MethodDef = {
  name: '__class_getitem__',
  flags: Meth.O | Meth.Class,
  impl: (vm, cls, a) => genericAliasNew(vm, cls, a[0]),
};

/**
 * PyObject_GetItem on a type object: `type[int]` directly; a built-in generic through its bound
 * __class_getitem__; 0 when the type has none (the caller reports it).
 */
export function classGetItem(vm: Vm, type: number, key: number): number {
  const s = vm.slotsOf(type);
  if (s.id === T.Type) return genericAliasNew(vm, type, key);
  if (!supportsClassGetItem(s)) return 0;
  const bound = builtinNew(vm, CLASS_GETITEM, type);
  try {
    return call(vm, bound, [key], null);
  } finally {
    vm.decref(bound);
  }
}

/** ga_repr / union_repr_item: a type as module.qualname (builtins bare), None as "None". */
function itemText(vm: Vm, h: number): string {
  if (h === vm.s.None || (vm.table.type[h] === T.Type && vm.slotsOf(h).id === T.None)) return 'None';
  if (h === vm.s.Ellipsis) return '...';
  if (vm.typeOf(h).flags & TpFlags.TypeSubclass) {
    const s = vm.slotsOf(h);
    return s.module === 'builtins' ? s.qualname : `${s.module}.${s.qualname}`;
  }
  // use_repr: anything else (a TypeVar, a typing alias, an instance) by PyObject_Repr
  return reprText(vm, h, 0);
}

function gaText(vm: Vm, h: number): string {
  const a = aliasOf(vm, h);
  const items = Array.from(tupleItems(vm, a.args));
  const args = items.length ? items.map((x) => itemText(vm, x)).join(', ') : '()';
  return `${itemText(vm, a.origin)}[${args}]`;
}

function unionText(vm: Vm, h: number): string {
  return Array.from(tupleItems(vm, aliasOf(vm, h).args))
    .map((x) => itemText(vm, x))
    .join(' | ');
}

/** is_unionable: None, a type, a generic alias or a union. */
function unionable(vm: Vm, h: number): boolean {
  const t = vm.table.type[h];
  return t === T.None || t === T.Type || t === gaType(vm).id || t === unionType(vm).id;
}

/** _Py_union_type_or. */
export function unionOr(vm: Vm, a: number, b: number): number {
  if (!unionable(vm, a) || !unionable(vm, b)) return vm.s.NotImplemented;
  vm.incref(a);
  vm.incref(b);
  const packed = tupleFromItems(vm, [a, b]);
  try {
    // flatten_args: nested unions opened, None as NoneType
    const flat: number[] = [];
    for (const x of tupleItems(vm, packed)) {
      if (vm.table.type[x] === unionType(vm).id) flat.push(...tupleItems(vm, aliasOf(vm, x).args));
      else flat.push(x === vm.s.None ? vm.types[T.None].typeObject : x);
    }
    for (const x of flat) vm.incref(x);
    const flattened = tupleFromItems(vm, flat);
    // dedup_and_flatten_args: the distinct ones, in order
    const unique: number[] = [];
    for (const x of flat) if (!unique.includes(x)) unique.push(x);
    for (const x of unique) vm.incref(x);
    const args = tupleFromItems(vm, unique);
    vm.decref(flattened);
    if (unique.length === 1) {
      const r = unique[0];
      vm.incref(r);
      vm.decref(args);
      return r;
    }
    const h = vm.newGcObject(unionType(vm).id, UNION_BASIC);
    vm.table.side[h] = { origin: 0, args } satisfies Alias;
    vm.gc.track(h);
    return h;
  } finally {
    vm.decref(packed);
  }
}

function aliasDealloc(vm: Vm, h: number): void {
  vm.gc.untrack(h);
  const a = aliasOf(vm, h);
  if (a.origin) vm.decref(a.origin);
  vm.decref(a.args);
  vm.table.side[h] = undefined;
  vm.gcDel(h);
}

function aliasEq(vm: Vm, a: number, b: number, op: Cmp): number {
  if (vm.table.type[a] !== vm.table.type[b] || (op !== Cmp.EQ && op !== Cmp.NE)) return vm.s.NotImplemented;
  const x = aliasOf(vm, a);
  const y = aliasOf(vm, b);
  const xs = Array.from(tupleItems(vm, x.args));
  const ys = Array.from(tupleItems(vm, y.args));
  const same =
    x.origin === y.origin &&
    xs.length === ys.length &&
    (x.origin === 0 ? xs.every((v) => ys.includes(v)) : xs.every((v, i) => v === ys[i]));
  return vm.s.bool(op === Cmp.EQ ? same : !same);
}

const member = (name: string, get: (a: Alias) => number) => ({
  name,
  get: (vm: Vm, h: number) => {
    const v = get(aliasOf(vm, h));
    vm.incref(v);
    return v;
  },
});

export const GenericAliasType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'GenericAlias',
    qualname: 'GenericAlias',
    module: 'types',
    basicsize: GA_BASIC,
    flags: TpFlags.HaveGc | TpFlags.BaseType,
    dealloc: aliasDealloc,
    traverse: (vm, h, visit) => {
      const a = aliasOf(vm, h);
      visit(a.origin);
      visit(a.args);
    },
    repr: (vm, h) => strNew(vm, gaText(vm, h)),
    reprText: (vm, h) => gaText(vm, h),
    hash: (vm, h) => `ga:${gaText(vm, h)}`,
    richcompare: aliasEq,
    // ga_call: the origin called (list[int]() is a list)
    call: (vm, h, args, kwargs) => {
      void kwargs;
      return call(vm, aliasOf(vm, h).origin, Array.from(tupleItems(vm, args)), null);
    },
    number: numberSlots({ [NB.Or]: unionOr }),
    getset: {
      __origin__: member('__origin__', (a) => a.origin),
      __args__: member('__args__', (a) => a.args),
    },
    notModelled: 'types.GenericAlias',
  });

export const UnionTypeFactory = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'UnionType',
    qualname: 'UnionType',
    module: 'types',
    basicsize: UNION_BASIC,
    flags: TpFlags.HaveGc,
    dealloc: aliasDealloc,
    traverse: (vm, h, visit) => visit(aliasOf(vm, h).args),
    repr: (vm, h) => strNew(vm, unionText(vm, h)),
    reprText: (vm, h) => unionText(vm, h),
    hash: (vm, h) => `union:${unionText(vm, h)}`,
    richcompare: aliasEq,
    number: numberSlots({ [NB.Or]: unionOr }),
    getset: { __args__: member('__args__', (a) => a.args) },
    notModelled: 'types.UnionType',
  });

export const gaType = (vm: Vm): TypeSlots => moduleType(vm, GenericAliasType);
export const unionType = (vm: Vm): TypeSlots => moduleType(vm, UnionTypeFactory);
