import { recordsFromSequence } from './recordArrays';
import { valueError } from '../python/abstract/errors';
import { NotSupported } from '../python/errors';
import { fromDouble } from '../python/objects/float';
import { fromLong, intValue } from '../python/objects/int';
import { listItem } from '../python/objects/list';
import { tupleItems } from '../python/objects/tuple';
import { T } from '../python/objects/types';
import { BOOL, FLOAT64, INT64, OBJECT, UINT64, isStringKind, promote, type DType } from './dtypes';
import { stringLeaf, storeText } from './strings';
import { objectArrayFromSequence } from './objectList';
import { astypeObject } from './objects';
import { formulaOf, readValues, valueAt, writeValues } from './elements';
import { shapeText, size, type Arrays } from './ndarray';
import type { Scalars } from './scalars';

/** COERCION_CACHE_CACHE_SIZE (array_coercion.c): freed coercion-cache entries kept for reuse. */
const COERCION_CACHE_KEEP = 5;
/** sizeof(coercion_cache_obj): the entry PyMem_Malloc'd for each sequence met while discovering. */
const COERCION_ENTRY_BYTES = 32;

/** What discovery found in one nested object: its shape and the dtype its leaves promote to. */
interface Discovered {
  shape: number[];
  dtype: DType | null;
  /** Every sequence (list/tuple) met, in the order the coercion cache records them. */
  sequences: number[];
  /** The string descriptor discovery holds (a reference), 0 when no str/bytes leaf was met. */
  descr: number;
  /** A sized dtype was asked for: leaves are not discovered (handle_scalar's DESCRIPTOR_WAS_SET). */
  fixed: boolean;
}

/**
 * np.array / np.asarray from Python objects (array_coercion.c, ctors.c of 1.24.2):
 * PyArray_DiscoverDTypeAndShape walks the nested lists and tuples, recording each in the
 * coercion cache (a 32-byte PyMem_Malloc entry, or one of the 5 kept from earlier calls), and
 * finds the shape (ragged nesting is a ValueError in 1.24) and the dtype (bools → bool, ints →
 * int64, floats → float64, NumPy scalars their own, mixed ones promoted). The array is then
 * made (PyArray_NewFromDescr) and filled by PyArray_AssignFromCache: for every sequence above
 * the last dimension a row view (PySequence_GetItem on the new array: an object, its dims from
 * the cache) is made, filled and dropped, and the sequence's cache entry is released. Storing a
 * Python int into a float array goes through PyNumber_Float (a float made and dropped), a float
 * into an integer array through PyNumber_Long.
 */
export class FromList {
  /** Pointers of the kept cache entries; 0 stands for one the import footprint already holds. */
  private readonly keep: number[] = new Array(COERCION_CACHE_KEEP).fill(0);

  constructor(
    readonly arrays: Arrays,
    readonly scalars: Scalars,
  ) {}

  private get vm() {
    return this.arrays.vm;
  }

  entryNew(): number {
    if (this.keep.length) return this.keep.pop()!;
    const p = this.vm.mem.malloc(COERCION_ENTRY_BYTES);
    this.vm.mem.touch(p, COERCION_ENTRY_BYTES);
    return p;
  }

  entryFree(p: number): void {
    if (this.keep.length < COERCION_CACHE_KEEP) this.keep.push(p);
    else if (p) this.vm.mem.free(p);
  }

  /** The items of a list or tuple (borrowed), or null. */
  private seqItems(h: number): number[] | null {
    const vm = this.vm;
    const t = vm.table.type[h];
    if (t === T.List) return Array.from({ length: vm.table.n[h] }, (_, i) => listItem(vm, h, i));
    if (t === T.Tuple) return Array.from(tupleItems(vm, h));
    return null;
  }

  /** The dtype of one leaf (a number or an array), or "not supported". */
  private leafType(h: number): DType {
    const vm = this.vm;
    const A = this.arrays;
    const t = vm.table.type[h];
    if (t === T.Bool) return BOOL;
    if (t === T.Int) {
      const v = BigInt(intValue(vm, h));
      if (v >= -(2n ** 63n) && v < 2n ** 63n) return INT64;
      if (v >= 0n && v < 2n ** 64n) return UINT64;
      throw new NotSupported('a Python int too large for int64 in a numpy array (object arrays)');
    }
    if (t === T.Float) return FLOAT64;
    const sd = this.scalars.dtypeOf(h);
    if (sd) return sd;
    if (A.isArray(h)) return A.dtype(h);
    // anything else (None, a dict, an instance) makes the array's dtype object
    return OBJECT;
  }

  /** PyArray_DiscoverDTypeAndShape_Recursive. */
  private discover(h: number, out: Discovered, depth: number, shapeAt: (number | null)[]): void {
    const A = this.arrays;
    const items = this.seqItems(h);
    if (items === null) {
      if (A.isArray(h)) {
        // an array is recorded in the coercion cache too (it keeps the array alive)
        out.sequences.push(h);
        this.fixShape(out, depth, A.shape(h), shapeAt);
      } else this.fixShape(out, depth, [], shapeAt);
      const text = stringLeaf(this.vm, h);
      if (text && out.fixed) {
        out.dtype = out.dtype === null ? text.dtype : promote(out.dtype, text.dtype);
        return;
      }
      if (text) return this.stringDescr(out, text.dtype);
      const d = this.leafType(h);
      if (out.descr !== 0 && d !== OBJECT)
        throw new NotSupported('numpy arrays mixing strings with numbers or arrays');
      if (d === OBJECT && out.descr !== 0) {
        this.vm.decref(out.descr);
        out.descr = 0;
      }
      out.dtype = out.dtype === null ? d : promote(out.dtype, d);
      return;
    }
    out.sequences.push(h);
    this.fixShape(out, depth, [items.length], shapeAt, true);
    for (const x of items) this.discover(x, out, depth + 1, shapeAt);
  }

  /**
   * handle_scalar for a str/bytes leaf: string_discover_descr_from_pyobject makes a new
   * descriptor of the leaf's length (96 bytes, measured), PyArray_PromoteTypes keeps the wider
   * of it and the one held (string_unicode_common_instance; the new one on a tie) and the other
   * is released: one allocation and one free per leaf after the first.
   */
  private stringDescr(out: Discovered, d: DType): void {
    if (out.dtype === OBJECT) return; // an object array stores the str itself
    if (out.dtype !== null && !isStringKind(out.dtype))
      throw new NotSupported('numpy arrays mixing strings with numbers or arrays');
    if (out.dtype !== null && out.dtype.kind !== d.kind)
      throw new NotSupported('numpy arrays mixing str and bytes');
    const fresh = this.arrays.newDescr(d);
    if (out.dtype === null || d.itemsize >= out.dtype.itemsize) {
      if (out.descr) this.vm.decref(out.descr);
      out.descr = fresh;
      out.dtype = d;
    } else this.vm.decref(fresh);
  }

  /** Agree on the dimensions found at this depth; a disagreement is the 1.24 ragged error. */
  private fixShape(
    _out: Discovered,
    depth: number,
    dims: number[],
    shapeAt: (number | null)[],
    partial = false,
  ): void {
    const vm = this.vm;
    for (let i = 0; i <= dims.length; i++) {
      const want = i < dims.length ? dims[i] : null;
      if (partial && i === dims.length) break;
      const at = depth + i;
      if (shapeAt.length <= at) shapeAt.push(want);
      else if (shapeAt[at] !== want) {
        const known = shapeAt.slice(0, at).filter((x): x is number => x !== null);
        throw valueError(
          vm,
          'setting an array element with a sequence. The requested array has an inhomogeneous shape after %zd dimensions. The detected shape was %s + inhomogeneous part.',
          at,
          known.length === 1 ? `(${known[0]},)` : `(${known.join(', ')})`,
        );
      }
    }
  }

  /**
   * The array for a list/tuple/number/array object (a new reference). `dtype` null: discovered.
   * `copy` false: an array of the right dtype is returned as it is (np.asarray).
   */
  fromObject(h: number, dtype: DType | null, copy: boolean, ndmin = 0, subok = false): number {
    const A = this.arrays;
    if (A.isArray(h)) return this.fromArray(h, dtype, copy, ndmin, subok);
    if (dtype === OBJECT) return objectArrayFromSequence(A, this, h, ndmin);
    if (dtype !== null && dtype.kind === 'V')
      return recordsFromSequence(A, (x, d) => this.leafValue(x, d), h, dtype, ndmin);
    // dtype=str / bytes (unsized): discovered as without a dtype
    const flexible = dtype !== null && isStringKind(dtype) && dtype.itemsize === 0;
    if (flexible) dtype = null;
    const fixed = dtype !== null && isStringKind(dtype);
    const found: Discovered = { shape: [], dtype: null, sequences: [], descr: 0, fixed };
    const shapeAt: (number | null)[] = [];
    const entries: number[] = [];
    try {
      this.discoverTop(h, found, shapeAt, entries);
      if (found.descr && dtype !== null) throw new NotSupported('np.array of strings with a numeric dtype=');
      if (fixed && found.dtype !== null && !isStringKind(found.dtype))
        throw new NotSupported('numbers stored into a string dtype (their text)');
      if (flexible && found.dtype !== null && !isStringKind(found.dtype))
        throw new NotSupported('numbers stored into a string dtype (their text)');
      if (fixed && found.dtype !== null && found.dtype.kind !== dtype!.kind)
        throw new NotSupported('str stored into a bytes dtype (or bytes into str)');
    } catch (e) {
      for (const p of entries) this.entryFree(p);
      if (found.descr) this.vm.decref(found.descr);
      throw e;
    }
    if (dtype === null && found.dtype === OBJECT) {
      // discovered object dtype: the leaves are stored as they are
      for (const p of entries) this.entryFree(p);
      return objectArrayFromSequence(A, this, h, ndmin);
    }
    const shape = shapeAt.filter((x): x is number => x !== null);
    found.shape = shape;
    const d = dtype ?? found.dtype ?? FLOAT64;
    const r = A.newArray(d, [...new Array<number>(Math.max(0, ndmin - shape.length)).fill(1), ...shape], {
      descr: found.descr || undefined,
    });
    const leaves: number[] = [];
    this.assign(r, h, d, leaves, entries, found.sequences, shape.length);
    for (const p of entries) if (p !== -1) this.entryFree(p);
    A.writeAll(r);
    return r;
  }

  private discoverTop(h: number, found: Discovered, shapeAt: (number | null)[], entries: number[]): void {
    const before = found.sequences.length;
    this.discover(h, found, 0, shapeAt);
    for (let i = before; i < found.sequences.length; i++) entries.push(this.entryNew());
  }

  /**
   * PyArray_AssignFromCache_Recursive: the leaves in C order, converted as the dtype's setitem
   * converts them; a row view per sequence above the last dimension; each sequence's cache
   * entry released when its row is done (the outermost first).
   */
  private assign(
    r: number,
    h: number,
    d: DType,
    leaves: number[],
    entries: number[],
    sequences: number[],
    ndim: number,
  ): void {
    const A = this.arrays;
    const vm = this.vm;
    const values: number[] = [];
    const texts: string[] = [];
    const text = isStringKind(d);
    let next = 0;
    // npy_unlink_coercion_cache: the entries go in the order discovery made them
    const unlink = (x: number): void => {
      if (next < sequences.length && sequences[next] === x) {
        this.entryFree(entries[next]);
        entries[next++] = -1;
      }
    };
    const walk = (x: number, depth: number): void => {
      const items = this.seqItems(x);
      if (items === null) {
        if (A.isArray(x)) {
          unlink(x);
          const vals = readValues(A, x);
          for (const v of vals) values.push(v);
        } else if (text) texts.push(storeText(A, d, stringLeaf(vm, x)!.text));
        else values.push(this.leafValue(x, d));
        return;
      }
      unlink(x);
      for (let i = 0; i < items.length; i++) {
        if (ndim - depth > 1) {
          // array_item_asarray: the row view the recursion fills (an object; its dims from the cache)
          const shape = A.shape(r).slice(depth + 1 + (A.nd(r) - ndim));
          const view = A.newArray(d, shape, { view: { data: A.data(r), base: r } });
          walk(items[i], depth + 1);
          vm.decref(view);
        } else walk(items[i], depth + 1);
      }
    };
    walk(h, 0);
    void leaves;
    if (text) {
      const owner = A.values.strings(A.slot(r));
      for (let k = 0; k < texts.length; k++) owner[k] = texts[k];
    } else writeValues(A, r, (k) => values[k]);
  }

  /** DOUBLE_setitem / LONG_setitem & co.: what converting one Python number allocates, and its value. */
  leafValue(x: number, d: DType): number {
    const vm = this.vm;
    const t = vm.table.type[x];
    if (t === T.Int || t === T.Bool) {
      const v = Number(intValue(vm, x));
      if (d.kind === 'f' && t === T.Int) vm.decref(fromDouble(vm, v)); // PyNumber_Float
      return v;
    }
    if (t === T.Float) {
      const v = vm.table.num[x];
      if (d.kind !== 'f' && d.kind !== 'b') vm.decref(fromLong(vm, Math.trunc(v))); // PyNumber_Long
      return v;
    }
    const sd = this.scalars.dtypeOf(x);
    if (sd) return vm.table.num[x];
    throw new NotSupported(`converting ${vm.typeOf(x).name} into a numpy array`);
  }

  /** np.array(arr, ...) / np.asarray(arr): the array itself when nothing has to change, else a copy. */
  fromArray(h: number, dtype: DType | null, copy: boolean, ndmin = 0, subok = false): number {
    const A = this.arrays;
    const vm = this.vm;
    const d = dtype ?? A.dtype(h);
    if (!copy && d === A.dtype(h) && A.nd(h) >= ndmin) {
      // PyArray_FromArray with NPY_ARRAY_ENSUREARRAY: a subclass's instance is seen through a
      // plain ndarray view (its base collapsed past the instance when that owns no data)
      if (!subok && !A.isExact(h))
        return A.newArray(d, A.shape(h), { view: { data: A.data(h), base: h, strides: A.strides(h) }, subtype: A.typeId });
      vm.incref(h);
      return h;
    }
    if (d === OBJECT && A.nd(h) >= ndmin) return astypeObject(A, h, d);
    const shape = A.shape(h);
    const full = [...new Array<number>(Math.max(0, ndmin - shape.length)).fill(1), ...shape];
    const c = A.newArray(d, full);
    writeValues(A, c, (k) => valueAt(A, h, k), formulaOf(A, h));
    A.writeAll(c);
    return c;
  }
}

export { shapeText, size };
