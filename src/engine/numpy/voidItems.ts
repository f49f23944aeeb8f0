import { clearError, indexError, raiseString } from '../python/abstract/errors';
import { index } from '../python/abstract/number';
import { PyError } from '../python/errors';
import { dictNew, dictSetItem } from '../python/objects/dict';
import { E } from '../python/objects/exctypes';
import { fromLong } from '../python/objects/int';
import { strNew, strValue } from '../python/objects/str';
import { tupleAlloc, tupleFromItems, tupleItems } from '../python/objects/tuple';
import { getAttr } from '../python/abstract/attr';
import { T } from '../python/objects/types';
import type { Vm } from '../python/runtime/vm';
import type { DType } from './dtypes';
import type { Arrays } from './ndarray';
import { fieldsOf } from './recordRows';
import type { Scalars } from './scalars';
import type { Views } from './views';

/**
 * What a structured descriptor holds besides its fields (descriptor.c): the `names` tuple and the
 * `fields` dict ({name: (dtype, offset)}), made with the descriptor. np.dtype([...]) is a static
 * descriptor here (its own allocations are not modelled), so these are made once per dtype outside
 * the heap (Mem.accounted); `dt.names` returns the same tuple each time (measured: no allocation),
 * `dt.fields` a new mappingproxy over the dict (measured: one 40-byte object).
 */
export class DescrParts {
  private readonly names = new Map<number, number>();
  private readonly fields = new Map<number, number>();

  constructor(
    readonly vm: Vm,
    readonly descrHandle: (d: DType) => number,
  ) {}

  private unaccounted<R>(make: () => R): R {
    const vm = this.vm;
    const was = vm.mem.accounted;
    vm.mem.accounted = true;
    try {
      return make();
    } finally {
      vm.mem.accounted = was;
    }
  }

  /** descr->names (borrowed). */
  namesOf(d: DType): number {
    let h = this.names.get(d.code);
    if (h === undefined) {
      h = this.unaccounted(() => tupleFromItems(this.vm, fieldsOf(d).map((f) => strNew(this.vm, f.name))));
      this.names.set(d.code, h);
    }
    return h;
  }

  /** descr->fields (borrowed): name → (field dtype, offset). */
  fieldsDictOf(d: DType): number {
    let h = this.fields.get(d.code);
    if (h === undefined) {
      const vm = this.vm;
      const names = tupleItems(vm, this.namesOf(d));
      h = this.unaccounted(() => {
        const dict = dictNew(vm);
        fieldsOf(d).forEach((f, k) => {
          const fd = this.descrHandle(f.dtype);
          vm.incref(fd);
          const entry = tupleFromItems(vm, [fd, fromLong(vm, f.offset)]);
          dictSetItem(vm, dict, names[k], entry);
          vm.decref(entry);
        });
        return dict;
      });
      this.fields.set(d.code, h);
    }
    return h;
  }

  /** descr_subscript: `dt['x']` or `dt[1]`, the field's dtype (a new reference). */
  fieldDescr(d: DType, key: number): number {
    const vm = this.vm;
    const fields = fieldsOf(d);
    let k: number;
    if (vm.table.type[key] === T.Str) {
      const name = strValue(vm, key);
      k = fields.findIndex((f) => f.name === name);
      if (k < 0) throw raiseString(vm, E.KeyError, `Field named '${name}' not found.`);
    } else {
      const i = index(vm, key);
      let n = Number(vm.table.num[i]);
      vm.decref(i);
      if (n < 0) n += fields.length;
      if (n < 0 || n >= fields.length) throw indexError(vm, `Field index ${n} out of range.`);
      k = n;
    }
    const h = this.descrHandle(fields[k].dtype);
    vm.incref(h);
    return h;
  }
}

/** The row id of the record at `addr` of structured array `h` (its owner's element there). */
export function recordRowAt(A: Arrays, h: number, addr: number): number {
  const t = A.t;
  const owner = t.vslot[A.slot(h)];
  return A.values.reader(owner)((addr - t.data[owner]) / A.dtype(h).itemsize);
}

/**
 * The type attribute cache's hold on names (typeobject.c _PyType_Lookup, 3.11: 4096 entries, the
 * entry picked from the type's version tag and the name's address, MCACHE_HASH; a cached entry
 * keeps a reference to its name). NumPy's C code that looks a method up by a C string
 * (PyObject_GetAttrString: a new str each call) leaves that str alive in the cache until another
 * name lands on its entry (measured: `r['y'] = 40` on a np.void keeps its "__getitem__", 60 bytes).
 */
const MCACHE_ENTRIES = 4096;
const nameCaches = new WeakMap<Vm, Map<number, number>>();

function cacheName(vm: Vm, name: number): void {
  let cache = nameCaches.get(vm);
  if (cache === undefined) nameCaches.set(vm, (cache = new Map()));
  const entry = Math.floor(vm.table.addr[name] / 8) % MCACHE_ENTRIES;
  const old = cache.get(entry);
  vm.incref(name);
  cache.set(entry, name);
  if (old !== undefined) vm.decref(old);
}

/** PyObject_GetAttrString: a new str for the name (kept by the type cache), then the lookup. */
export function getAttrString(vm: Vm, obj: number, name: string): number {
  const s = strNew(vm, name);
  cacheName(vm, s);
  vm.decref(s);
  return getAttr(vm, obj, name);
}

/**
 * np.void scalars of structured arrays, indexed (scalartypes.c of 1.24.2):
 *  - `r['x']` / `r[1]` (voidtype_subscript): PyArray_PyIntAsIntp(key) first — an int index is
 *    turned into the field's name (voidtype_item: descr->names[n]) and comes back, so both end
 *    with a str whose conversion fails (PyNumber_Index's TypeError formatted and cleared:
 *    measured m 200, m 52, f 52, r 97, f 97); then PyArray_FromScalar (a 0-d array on the
 *    scalar's bytes), array_subscript's field view of it, PyArray_Return's scalar, both arrays
 *    released (m 96, m 96, m 24, f 96, f 96).
 *  - `r['y'] = 40` (voidtype_ass_subscript): the 0-d array, its `__getitem__` looked up by name
 *    (the name str stays in the type cache, a method-wrapper), called with a 1-tuple
 *    (Py_BuildValue: back to the tuple free list), then `item[()] = value` packs the value into
 *    the field in place (m 96, m 60, m 48, m 48, m 96, f 48, f 96, f 96).
 *  - `r.tolist()` (gentype_generic_method): the 0-d array, "tolist" looked up (str cached, a
 *    72-byte bound builtin), the record as a tuple of Python numbers.
 * The 0-d array's base is the scalar in NumPy; here it views the scalar's array (which the scalar
 * keeps alive either way) and is released last, as NumPy's is (the field view holds it).
 */
export class VoidIndexing {
  constructor(
    readonly views: Views,
    readonly parts: DescrParts,
  ) {}

  private get A(): Arrays {
    return this.views.arrays;
  }

  private get vm(): Vm {
    return this.views.arrays.vm;
  }

  /** PyArray_FromScalar of the void at `addr` of `arr`: a 0-d view on its bytes. */
  private fromScalar(arr: number, addr: number): number {
    const A = this.A;
    return A.newArray(A.dtype(arr), [], { view: { data: addr, base: arr, strides: [] } });
  }

  /** voidtype_subscript's first step: the key as an index; a name fails and the error is cleared. */
  private fieldKey(d: DType, key: number): number {
    const vm = this.vm;
    let n: number;
    try {
      const i = index(vm, key);
      n = Number(vm.table.num[i]);
      vm.decref(i);
    } catch (e) {
      if (!(e instanceof PyError)) throw e;
      clearError(vm, e);
      return key;
    }
    // voidtype_item: descr->names[n], then voidtype_subscript again with the name
    const names = tupleItems(vm, this.parts.namesOf(d));
    if (n < 0) n += names.length;
    if (n < 0 || n >= names.length) throw indexError(vm, `invalid index (${n})`);
    return this.fieldKey(d, names[n]);
  }

  get(arr: number, addr: number, key: number): number {
    const A = this.A;
    const vm = this.vm;
    const name = this.fieldKey(A.dtype(arr), key);
    const res = this.fromScalar(arr, addr);
    try {
      if (key === vm.s.Ellipsis) return (vm.incref(res), res);
      const ret = this.views.subscript(res, name);
      try {
        if (!A.isArray(ret) || A.nd(ret) !== 0) return (vm.incref(ret), ret);
        return this.views.zeroDimItem(ret);
      } finally {
        vm.decref(ret);
      }
    } finally {
      vm.decref(res);
    }
  }

  set(arr: number, addr: number, key: number, value: number): void {
    const vm = this.vm;
    if (vm.table.type[key] !== T.Str) {
      // an integer index: voidtype_item's name, then this same path
      const name = this.fieldKey(this.A.dtype(arr), key);
      if (name === key) throw indexError(vm, 'invalid index');
      return this.set(arr, addr, name, value);
    }
    const res = this.fromScalar(arr, addr);
    try {
      // the method-wrapper bound to the array, and Py_BuildValue's 1-tuple for the call
      const wrapper = getAttrString(vm, res, '__getitem__');
      const args = tupleFromItems(vm, [(vm.incref(key), key)]);
      let item: number;
      try {
        item = this.views.subscript(res, key);
      } finally {
        vm.decref(wrapper);
      }
      vm.decref(args);
      try {
        this.views.packInto(item, this.A.data(item), value);
      } finally {
        vm.decref(item);
      }
    } finally {
      vm.decref(res);
    }
  }

  /** gentype_generic_method for `tolist` / `item`: the call forwarded to the 0-d array's method. */
  tolist(arr: number, addr: number, name: 'tolist' | 'item' = 'tolist'): number {
    const vm = this.vm;
    const res = this.fromScalar(arr, addr);
    try {
      const method = getAttrString(vm, res, name);
      try {
        return this.recordTuple(arr, addr);
      } finally {
        vm.decref(method);
      }
    } finally {
      vm.decref(res);
    }
  }

  /** VOID_getitem of a record: a tuple of its fields as Python numbers. */
  recordTuple(arr: number, addr: number): number {
    const A = this.A;
    return rowTuple(A, this.views.scalars, A.dtype(arr), recordRowAt(A, arr, addr));
  }
}

/** VOID_getitem of record `row` of dtype `d`: PyTuple_New first, then each field's Python number stored into it. */
export function rowTuple(A: Arrays, scalars: Scalars, d: DType, row: number): number {
  const vm = A.vm;
  const fields = fieldsOf(d);
  const t = tupleAlloc(vm, fields.length);
  fields.forEach((f, k) => {
    vm.pool.data[vm.table.ref[t] + k] = scalars.toPython(f.dtype, A.values.rows.get(d, row, k));
  });
  vm.gc.track(t);
  return t;
}
