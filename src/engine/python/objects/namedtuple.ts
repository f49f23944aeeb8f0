import { tupleFromArray } from '../abstract/call';
import { raiseString, typeError } from '../abstract/errors';
import { reprText } from '../abstract/repr';
import { sequenceTuple } from '../abstract/sequence';
import type { Vm } from '../runtime/vm';
import { ItemPool } from './pool';
import { E } from './exctypes';
import { moduleType } from './modtypes';
import { genericAlloc } from './object';
import { intern, strValue } from './str';
import { tupleItems } from './tuple';
import { T, TpFlags, defineType, type Kwargs, type TypeSlots } from './types';
import { keyAt, valueAt, type HashIndex } from './dictindex';

/**
 * The classes collections.namedtuple makes: tuple subclasses with `__slots__ = ()` (instances
 * are tuples of 24 + 8 × (n + 1) bytes plus the GC head: PyType_GenericAlloc counts one item
 * more), a field per position (_tuplegetter), and a __new__ compiled from generated source
 * (`lambda _cls, x, y: _tuple_new(_cls, (x, y))`). Calling the class runs, as CPython does:
 * slot_tp_new (the class prepended to the arguments, on the C stack up to 5, else a PyMem array;
 * keywords unpacked into a new stack and a kwnames tuple), the lambda's frame (its BUILD_TUPLE),
 * and tuple.__new__ through tp_new_wrapper (a 2-tuple of arguments and its 1-tuple slice) into
 * tuple_subtype_new.
 */
export interface NamedTupleInfo {
  fields: string[];
  /** Default values for the last fields (owned), or empty. */
  defaults: number[];
}

const namedTupleTypes = new WeakSet<TypeSlots>();

/**
 * The field names of a namedtuple class, or of the namedtuple a class derives from (`class
 * SplitResult(_SplitResultBase, _NetlocResultMixinStr)` in urllib.parse: the subclass's own `extra`
 * is its heap type's; the generated `__new__` and the fields are the base's).
 */
export const ntInfo = (s: TypeSlots, vm?: Vm): NamedTupleInfo => {
  let t: TypeSlots | undefined = s;
  while (t !== undefined && !namedTupleTypes.has(t)) t = vm && t.base ? vm.types[t.base] : undefined;
  return (t ?? s).extra as NamedTupleInfo;
};

/** _PY_FASTCALL_SMALL_STACK. */
const SMALL_STACK = 5;

/** tuple_subtype_new(type, tup): tp_alloc(type, n), the items copied. */
export function tupleSubtypeNew(vm: Vm, type: TypeSlots, iterable: number): number {
  const tmp = sequenceTuple(vm, iterable);
  try {
    const items = tupleItems(vm, tmp);
    const h = genericAlloc(vm, type, items.length);
    const cap = ItemPool.capacityFor(items.length);
    vm.table.n[h] = items.length;
    vm.table.ref[h] = vm.pool.alloc(cap);
    vm.table.pcap[h] = cap;
    items.forEach((x, i) => {
      vm.incref(x);
      vm.pool.data[vm.table.ref[h] + i] = x;
    });
    return h;
  } finally {
    vm.decref(tmp);
  }
}

/** tuple.__new__(cls, tup) as a METH_VARARGS|KEYWORDS call: the argument tuple, tp_new_wrapper's slice, then the instance. */
export function tupleNewWrapper(vm: Vm, cls: TypeSlots, tup: number): number {
  const args = tupleFromArray(vm, [cls.typeObject, tup]);
  try {
    const slice = tupleFromArray(vm, [tup]);
    try {
      return tupleSubtypeNew(vm, cls, tup);
    } finally {
      vm.decref(slice);
    }
  } finally {
    vm.decref(args);
  }
}

/** The generated __new__'s frame: its parameters bound, then BUILD_TUPLE and _tuple_new(_cls, t). */
function generatedNew(vm: Vm, cls: TypeSlots, args: readonly number[], kw: Kwargs | null): number {
  const info = ntInfo(cls, vm);
  const n = info.fields.length;
  const fname = `${cls.qualname}.__new__`;
  if (args.length > n) {
    const req = n - info.defaults.length;
    throw typeError(
      vm,
      '%s() takes %s positional arguments but %zd were given',
      fname,
      req === n ? `${n + 1}` : `from ${req + 1} to ${n + 1}`,
      args.length + 1,
    );
  }
  const vals: number[] = new Array(n).fill(0);
  args.forEach((a, i) => (vals[i] = a));
  if (kw)
    for (const [k, v] of kw) {
      const i = info.fields.indexOf(k);
      if (i < 0) throw typeError(vm, "%s() got an unexpected keyword argument '%s'", fname, k);
      if (vals[i]) throw typeError(vm, "%s() got multiple values for argument '%s'", fname, k);
      vals[i] = v;
    }
  const missing: string[] = [];
  vals.forEach((v, i) => {
    if (v) return;
    const d = i - (n - info.defaults.length);
    if (d >= 0) vals[i] = info.defaults[d];
    else missing.push(info.fields[i]);
  });
  if (missing.length)
    throw typeError(
      vm,
      '%s() missing %d required positional argument%s: %s',
      fname,
      missing.length,
      missing.length === 1 ? '' : 's',
      missing.length === 1
        ? `'${missing[0]}'`
        : `${missing
            .slice(0, -1)
            .map((m) => `'${m}'`)
            .join(', ')} and '${missing[missing.length - 1]}'`,
    );
  const tup = tupleFromArray(vm, vals);
  try {
    return tupleNewWrapper(vm, cls, tup);
  } finally {
    vm.decref(tup);
  }
}

/** slot_tp_new → _PyObject_Call_Prepend → _PyObject_FastCallDictTstate → the lambda. */
function namedTupleNew(vm: Vm, type: TypeSlots, args: number, kwargs: number): number {
  const a = Array.from(tupleItems(vm, args));
  const stack = a.length + 1 > SMALL_STACK ? vm.mem.malloc(8 * (a.length + 1)) : 0;
  try {
    if (kwargs === 0 || vm.table.n[kwargs] === 0) return generatedNew(vm, type, a, null);
    // _PyStack_UnpackDict: a new stack (1 + nargs + nkwargs words) and a kwnames tuple
    const d = vm.table.side[kwargs] as HashIndex & { nentries: number };
    const kw: Kwargs = new Map();
    const names: number[] = [];
    for (let i = 0; i < d.nentries; i++)
      if (valueAt(d, i)) {
        kw.set(strValue(vm, keyAt(d, i)), valueAt(d, i));
        names.push(keyAt(d, i));
      }
    const n = a.length + 1;
    const unpacked = vm.mem.malloc(8 * (1 + n + kw.size));
    const kwnames = tupleFromArray(vm, names);
    try {
      return generatedNew(vm, type, a, kw);
    } finally {
      vm.mem.free(unpacked);
      vm.decref(kwnames);
    }
  } finally {
    if (stack) vm.mem.free(stack);
  }
}

/** tupledealloc of a subclass instance: items last to first, then tp_free (no free list). */
function instanceDealloc(vm: Vm, h: number): void {
  vm.gc.untrack(h);
  if (vm.trashBegin(h)) return;
  const items = tupleItems(vm, h);
  vm.pool.release(vm.table.ref[h], vm.table.pcap[h]);
  vm.table.pcap[h] = 0;
  for (let i = items.length - 1; i >= 0; i--) if (items[i]) vm.decref(items[i]);
  vm.gcDel(h);
  vm.trashEnd();
}

/** "Point(x=1, y=2)" (__repr__: the class name + repr_fmt % self). */
function instanceText(vm: Vm, h: number, depth: number): string {
  const t = vm.typeOf(h);
  const info = ntInfo(t, vm);
  const items = tupleItems(vm, h);
  return `${t.name}(${info.fields.map((f, i) => `${f}=${reprText(vm, items[i], depth + 1)}`).join(', ')})`;
}

/** A namedtuple class as a static type (one the process has from start-up, e.g. functools' CacheInfo). */
export function namedTupleType(
  id: number,
  name: string,
  module: string,
  fields: string[],
  defaults: number[] = [],
): TypeSlots {
  const slots = defineType({
    id,
    name,
    qualname: name,
    module,
    basicsize: 24,
    itemsize: 8,
    flags: TpFlags.HaveGc | TpFlags.BaseType | TpFlags.TupleSubclass,
    base: T.Tuple,
    dealloc: instanceDealloc,
    reprText: instanceText,
    new: namedTupleNew,
    extra: { fields, defaults } satisfies NamedTupleInfo,
    getset: Object.fromEntries(
      fields.map((f, i) => [
        f,
        {
          name: f,
          get: (vm: Vm, h: number) => {
            if (i >= vm.table.n[h]) throw raiseString(vm, E.IndexError, 'tuple index out of range');
            const v = vm.pool.data[vm.table.ref[h] + i];
            vm.incref(v);
            return v;
          },
          // tuplegetter_descr_set: a field is read-only
          set: (vm: Vm, _h: number, value: number) => {
            throw raiseString(vm, E.AttributeError, value ? "can't set attribute" : "can't delete attribute");
          },
        },
      ]),
    ),
  });
  namedTupleTypes.add(slots);
  return slots;
}

/** functools' _CacheInfo = namedtuple("CacheInfo", ["hits", "misses", "maxsize", "currsize"]). */
export const CacheInfoType = (_vm: Vm, id: number): TypeSlots =>
  namedTupleType(id, 'CacheInfo', 'functools', ['hits', 'misses', 'maxsize', 'currsize']);
export const cacheInfoType = (vm: Vm): TypeSlots => moduleType(vm, CacheInfoType);

/** The class's _fields (a static tuple of interned names, made once per class). */
export function fieldsTuple(vm: Vm, s: TypeSlots): number {
  const info = ntInfo(s) as NamedTupleInfo & { fieldsTuple?: number };
  if (!info.fieldsTuple) {
    const t = vm.newStatic(T.Tuple);
    const names = info.fields;
    vm.table.n[t] = names.length;
    vm.table.pcap[t] = ItemPool.capacityFor(names.length);
    vm.table.ref[t] = vm.pool.alloc(vm.table.pcap[t]);
    names.forEach((f, i) => (vm.pool.data[vm.table.ref[t] + i] = intern(vm, f)));
    info.fieldsTuple = t;
  }
  return info.fieldsTuple;
}
