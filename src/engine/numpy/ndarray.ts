import { PyError } from '../python/errors';
import { typeLookup } from '../python/abstract/attr';
import { call } from '../python/abstract/call';
import { genericAlloc } from '../python/objects/object';
import { T, TpFlags } from '../python/objects/types';
import { tupleFromItems } from '../python/objects/tuple';
import type { Vm } from '../python/runtime/vm';
import type { NpyAlloc } from './alloc';
import { AF, ArrayTable, VK } from './arrayTable';
import { ARRAY_OBJECT_SIZE } from './constants';
import { OBJECT, isStringKind, stringDType, type DType } from './dtypes';
import { releaseItems } from './objectItems';
import { ValueStore } from './values';
import { chargeLoop, LOOP_ELEMENT_NS } from './loopCost';

/** A snapshot of one array's fields (PyArrayObject_fields), made on request for the API paths. */
export interface ArrayState {
  dtype: DType;
  shape: number[];
  strides: number[];
  /** The npy_alloc_cache_dim block holding dimensions then strides (0 when nd = 0). */
  dims: number;
  /** fa->data */
  data: number;
  /** NPY_ARRAY_OWNDATA */
  own: boolean;
  /** fa->base: the owner a view keeps alive (a handle), or 0. */
  base: number;
}

export interface NewArrayOptions {
  /** PyArray_Zeros: PyDataMem_UserNEW_ZEROED. */
  zeroed?: boolean;
  /** A view: data inside `base`'s buffer, with these strides (default C-contiguous). */
  view?: { data: number; base: number; strides?: readonly number[] };
  /** A string dtype's descriptor object the new array takes over (a reference it now owns). */
  descr?: number;
  /**
   * The array's type id (PyArray_NewFromDescr's subtype): a view defaults to its source's type
   * (Py_TYPE(self), as slicing, reshape, transpose pass it), a new buffer to ndarray.
   */
  subtype?: number;
  /** The `obj` a subclass's __array_finalize__ gets (default: a view's source, else None). */
  finalizeFrom?: number;
}

export const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

export function cStrides(shape: readonly number[], itemsize: number): number[] {
  const s = new Array<number>(shape.length);
  let acc = itemsize;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= Math.max(shape[i], 1);
  }
  return s;
}

/** _IsContiguous (flagsobject.c): C order, ignoring axes of length 1; an empty array is contiguous. */
export function cContiguous(shape: readonly number[], strides: readonly number[], itemsize: number): boolean {
  if (size(shape) === 0) return true;
  let expect = itemsize;
  for (let i = shape.length - 1; i >= 0; i--) {
    if (shape[i] === 1) continue;
    if (strides[i] !== expect) return false;
    expect *= shape[i];
  }
  return true;
}

/** _IsFortranContiguous: the same, innermost axis first. */
export function fContiguous(shape: readonly number[], strides: readonly number[], itemsize: number): boolean {
  if (size(shape) === 0) return true;
  let expect = itemsize;
  for (let i = 0; i < shape.length; i++) {
    if (shape[i] === 1) continue;
    if (strides[i] !== expect) return false;
    expect *= shape[i];
  }
  return true;
}

export function isCContiguous(st: ArrayState): boolean {
  return cContiguous(st.shape, st.strides, st.dtype.itemsize);
}

/** _size_to_string (numpy/core/_exceptions.py): "74.5 GiB". */
function sizeText(n: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  let u = 0;
  while (u < units.length - 1 && n >= 1024 ** (u + 1)) u++;
  if (u === 0) return `${n} bytes`;
  const v = n / 1024 ** u;
  return `${Number(v.toPrecision(3))} ${units[u]}`;
}

export const shapeText = (shape: readonly number[]): string =>
  shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;

/**
 * The ndarray objects of one process: creation as PyArray_NewFromDescr_int does it and
 * deallocation as array_dealloc does it (numpy 1.24.2, ctors.c / arrayobject.c). An array's
 * fields live in ArrayTable columns; its object's `ref` column holds its slot.
 */
export class Arrays {
  readonly t = new ArrayTable();
  readonly values = new ValueStore(this.t);
  /**
   * String-dtype arrays' descriptors by slot: a '<U n'/'|S n' descriptor is an object of its own
   * (PyArray_DescrNewFromType, 96 bytes), not a static one; views share their base's (a reference
   * each) and array_dealloc drops it after the dims. Built-in dtypes are static: not in here.
   */
  readonly descrs = new Map<number, number>();
  /** PyArray_DescrNewFromType for a string dtype: a new descriptor object (set by the runtime). */
  newDescr: (d: DType) => number = () => {
    throw new Error('internal: string descriptors before the runtime');
  };

  constructor(
    readonly vm: Vm,
    readonly alloc: NpyAlloc,
    /** ndarray's type id (taken from the registry when NumPy is imported). */
    readonly typeId: number,
  ) {}

  slot(h: number): number {
    return this.vm.table.ref[h];
  }

  /** PyArray_Check: an ndarray or an instance of a Python subclass of it. */
  isArray(h: number): boolean {
    const ty = this.vm.table.type[h];
    return ty === this.typeId || this.isSubtype(ty);
  }

  /** Is type id `ty` a Python class deriving from ndarray (np.memmap, np.recarray, a user's)? */
  isSubtype(ty: number): boolean {
    const s = this.vm.types[ty];
    return s !== undefined && (s.flags & TpFlags.HeapType) !== 0 && s.mro.includes(this.typeId);
  }

  /** PyArray_CheckExact. */
  isExact(h: number): boolean {
    return this.vm.table.type[h] === this.typeId;
  }

  state(h: number): ArrayState {
    const t = this.t;
    const s = this.slot(h);
    return {
      dtype: t.dt(s),
      shape: t.shape(s),
      strides: t.strides(s),
      dims: t.dims[s],
      data: t.data[s],
      own: (t.flags[s] & AF.OwnData) !== 0,
      base: t.base[s],
    };
  }

  dtype(h: number): DType {
    return this.t.dt(this.slot(h));
  }
  nd(h: number): number {
    return this.t.nd[this.slot(h)];
  }
  shape(h: number): number[] {
    return this.t.shape(this.slot(h));
  }
  strides(h: number): number[] {
    return this.t.strides(this.slot(h));
  }
  size(h: number): number {
    return this.t.size(this.slot(h));
  }
  data(h: number): number {
    return this.t.data[this.slot(h)];
  }
  own(h: number): boolean {
    return (this.t.flags[this.slot(h)] & AF.OwnData) !== 0;
  }
  base(h: number): number {
    return this.t.base[this.slot(h)];
  }
  writeable(h: number): boolean {
    return (this.t.flags[this.slot(h)] & AF.Writeable) !== 0;
  }
  cContiguous(h: number): boolean {
    const s = this.slot(h);
    const t = this.t;
    const nd = t.nd[s];
    const w = t.dt(s).itemsize;
    if (nd === 0) return true;
    if (nd === 1) return t.d0[s] <= 1 || t.s0[s] === w;
    return cContiguous(t.shape(s), t.strides(s), w);
  }
  fContiguous(h: number): boolean {
    const s = this.slot(h);
    return fContiguous(this.t.shape(s), this.t.strides(s), this.t.dt(s).itemsize);
  }

  /**
   * PyArray_NewFromDescr_int: tp_alloc (PyType_GenericAlloc → PyObject_Malloc(96) and a memset),
   * then npy_alloc_cache_dim(2·nd) for dimensions + strides when nd > 0, then for a new buffer
   * PyDataMem_UserNEW(nbytes) or PyDataMem_UserNEW_ZEROED(nbytes, 1), nbytes 0 counting as 1;
   * a view instead takes its data pointer and a reference to its base (PyArray_SetBaseObject
   * collapses the chain to the first array that owns its data). A new reference. A new buffer's
   * values are zeros (np.empty's garbage is shown as zeros); a view reads its base's values.
   */
  newArray(flexible: DType, shape: readonly number[], opts: NewArrayOptions = {}): number {
    const vm = this.vm;
    // an unsized string dtype (dtype=str) makes one-character elements
    const dtype =
      isStringKind(flexible) && flexible.itemsize === 0
        ? stringDType(flexible.kind as 'U' | 'S', 1)
        : flexible;
    const t = this.t;
    const nd = shape.length;
    let descr = 0;
    if (isStringKind(dtype)) {
      const from = opts.view?.base;
      if (opts.descr) descr = opts.descr;
      else if (from !== undefined && this.isArray(from) && this.dtype(from) === dtype) {
        descr = this.descrs.get(this.slot(from))!;
        vm.incref(descr);
      } else descr = this.newDescr(dtype);
    }
    const subtype = opts.subtype ?? (opts.view && this.isArray(opts.view.base) ? vm.table.type[opts.view.base] : this.typeId);
    // tp_alloc: ndarray's PyObject_Malloc(96); a Python subclass's PyType_GenericAlloc (the GC
    // head and the managed dict's two pointers in front: 128 bytes, measured), tracked at once
    const h = subtype === this.typeId ? vm.newObject(this.typeId, ARRAY_OBJECT_SIZE) : genericAlloc(vm, vm.types[subtype], 0);
    const s = t.alloc();
    if (descr) this.descrs.set(s, descr);
    vm.table.ref[h] = s;
    t.dtype[s] = dtype.code;
    t.flags[s] = AF.Writeable;
    t.base[s] = 0;
    t.dims[s] = 0;
    t.data[s] = 0;
    t.vkind[s] = 0;
    t.vslot[s] = s;
    // the shape now (dealloc reads it if an allocation below fails); strides once known
    let n = 1;
    for (let i = 0; i < nd; i++) n *= shape[i];
    if (nd <= 2) {
      t.nd[s] = nd;
      t.d0[s] = nd > 0 ? shape[0] : 0;
      t.d1[s] = nd > 1 ? shape[1] : 0;
    } else
      t.setShape(
        s,
        shape,
        shape.map(() => 0),
      );
    if (nd > 0) {
      t.dims[s] = this.alloc.dimMalloc(2 * nd);
      if (t.dims[s] === 0) {
        this.dealloc(h);
        throw new PyError('MemoryError', '');
      }
      vm.mem.touch(t.dims[s], 16 * nd);
    }
    if (n * dtype.itemsize > 2 ** 63 - 1) {
      this.dealloc(h);
      throw new PyError(
        'ValueError',
        'array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.',
      );
    }
    if (opts.view) {
      t.setShape(s, shape, opts.view.strides ?? cStrides(shape, dtype.itemsize));
      t.data[s] = opts.view.data;
      const base = this.collapseBase(opts.view.base, subtype);
      t.base[s] = base;
      if (this.isArray(base)) {
        this.values.share(s, this.slot(base));
        if (!this.writeable(base)) t.flags[s] &= ~AF.Writeable;
      } else t.flags[s] &= ~AF.Writeable;
    } else {
      const w = dtype.itemsize;
      if (nd <= 2) {
        // C order: the last axis is the item size; an empty array has zero strides
        t.s1[s] = nd > 1 && n > 0 ? w : 0;
        t.s0[s] = nd === 0 || n === 0 ? 0 : nd === 1 ? w : w * Math.max(shape[1], 1);
      } else t.setShape(s, shape, n === 0 ? shape.map(() => 0) : cStrides(shape, w));
      const nbytes = Math.max(n * dtype.itemsize, 1);
      // NPY_NEEDS_INIT (dtype=object): the buffer is zeroed whatever the caller asked
      const zeroed = opts.zeroed || dtype === OBJECT;
      t.data[s] = zeroed ? this.alloc.dataCalloc(nbytes) : this.alloc.dataMalloc(nbytes);
      if (t.data[s] === 0) {
        this.dealloc(h);
        throw new PyError(
          'MemoryError',
          `Unable to allocate ${sizeText(n * dtype.itemsize)} for an array with shape ${shapeText(shape)} and data type ${dtype.name}`,
        );
      }
      t.flags[s] |= AF.OwnData;
      if (dtype === OBJECT) this.values.setObjects(s, n);
      else if (descr) this.values.setStrings(s, n);
      else this.values.setConst(s, 0);
    }
    vm.table.ptr[h] = t.data[s];
    if (subtype !== this.typeId) this.finalize(h, opts.finalizeFrom ?? opts.view?.base ?? 0);
    return h;
  }

  /**
   * PyObject_GetAttr(input, "__array_wrap__"): a bound builtin method (PyCFunctionObject, 56
   * bytes + the GC head: the 72-byte blocks of the measured streams). Its address, to free.
   */
  wrapMethod(): number {
    const p = this.vm.mem.malloc(72);
    if (p === 0) throw new PyError('MemoryError', '');
    this.vm.mem.touch(p, 72);
    return p;
  }

  /**
   * _apply_array_wrap → ndarray.__array_wrap__ (array_wraparray) of a plain result `r` for a
   * subclass input `self`: the call's context tuple (ufunc, args, output index) and its argument
   * tuple (r, context), then a view of `self`'s type on `r`'s data (PyArray_NewFromDescrAndBase:
   * its base `r`, __array_finalize__ called with `self`); `r` is then held only by that view. No
   * PyArray_Return: `t.sum()` of a subclass is a 0-d instance, not a scalar. A reduction looks
   * the method up here (`method` 0); a ufunc call passes the one _find_array_wrap looked up.
   */
  wrapFor(r: number, self: number, method = 0): number {
    const vm = this.vm;
    const m = method || this.wrapMethod();
    const none = vm.s.None;
    vm.incref(none);
    vm.incref(none);
    // a ufunc call's context (ufunc, args, output index); a reduction's is None (measured: no 64)
    let context = none;
    if (method) {
      vm.incref(none);
      context = tupleFromItems(vm, [none, none, none]);
    }
    vm.incref(r);
    const args = tupleFromItems(vm, [r, context]);
    let v: number;
    try {
      v = this.newArray(this.dtype(r), this.shape(r), {
        view: { data: this.data(r), base: r, strides: this.strides(r) },
        subtype: vm.table.type[self],
        finalizeFrom: self,
      });
    } finally {
      vm.decref(args);
      vm.decref(r);
      if (!method) vm.mem.free(m);
    }
    return v;
  }

  /**
   * The end of PyArray_NewFromDescr_int for a subclass: `__array_finalize__` looked up on the
   * class; unless it is ndarray's own (a no-op), called as func(self, obj) — obj the array it was
   * made from, or None — through PyObject_CallFunctionObjArgs (the arguments on the C stack).
   */
  private finalize(h: number, obj: number): void {
    const vm = this.vm;
    const f = typeLookup(vm, vm.typeOf(h), '__array_finalize__');
    if (f === 0 || !(vm.table.type[f] === T.Function)) return;
    try {
      vm.decref(call(vm, f, [h, obj || vm.s.None], null));
    } catch (e) {
      vm.decref(h);
      throw e;
    }
  }

  /**
   * PyArray_SetBaseObject: Py_INCREF(base), then walk to the first array that owns its data, or
   * whose own base is not an array of the new array's type (a frombuffer view keeps being the base, not its bytes).
   */
  private collapseBase(base: number, subtype: number): number {
    let b = base;
    while (this.isArray(b)) {
      const s = this.slot(b);
      const next = this.t.base[s];
      if (this.t.flags[s] & AF.OwnData || next === 0 || !this.isArray(next)) break;
      // the collapse stops at a base of another type than the new array (a subclass's view keeps it)
      if (this.vm.table.type[next] !== subtype) break;
      b = next;
    }
    this.vm.incref(b);
    return b;
  }

  /**
   * array_dealloc: Py_XDECREF(base) first (a view may free its owner right here), then the data
   * if OWNDATA through PyDataMem_UserFREE(data, nbytes or 1) → the data cache or free() (munmap
   * for a mapped chunk), then npy_free_cache_dim(dimensions, 2·nd), then tp_free (PyObject_Free).
   */
  dealloc(h: number): void {
    const vm = this.vm;
    const t = this.t;
    const s = this.slot(h);
    const b = t.base[s];
    if (b) {
      t.base[s] = 0;
      vm.decref(b);
    }
    const nd = t.nd[s];
    // PyArray_XDECREF before the buffer goes: every stored object loses its reference (C order)
    if (t.flags[s] & AF.OwnData && t.data[s] && t.vkind[s] === VK.Objects)
      releaseItems(vm, this.values.handles(s));
    if (t.flags[s] & AF.OwnData && t.data[s])
      this.alloc.dataFree(t.data[s], Math.max(t.size(s) * t.dt(s).itemsize, 1));
    if (t.dims[s]) this.alloc.dimFree(t.dims[s], 2 * nd);
    const descr = this.descrs.get(s);
    if (descr !== undefined) {
      this.descrs.delete(s);
      vm.decref(descr);
    }
    this.values.drop(s);
    t.release(s);
    vm.table.ref[h] = 0;
    vm.objectFree(h);
  }

  /**
   * The array takes a new shape and strides in place (array_shape_set): its dims block is given
   * back to the dims cache and one of 2·nd taken (none for 0-d), as npy_free/alloc_cache_dim do.
   */
  replaceShape(h: number, shape: readonly number[], strides: readonly number[]): void {
    const t = this.t;
    const s = this.slot(h);
    if (t.dims[s]) this.alloc.dimFree(t.dims[s], 2 * t.nd[s]);
    t.dims[s] = 0;
    t.setShape(s, shape, strides);
    if (shape.length > 0) {
      t.dims[s] = this.alloc.dimMalloc(2 * shape.length);
      if (t.dims[s] === 0) throw new PyError('MemoryError', '');
      this.vm.mem.touch(t.dims[s], 16 * shape.length);
    }
  }

  nbytes(h: number): number {
    const s = this.slot(h);
    return this.t.size(s) * this.t.dt(s).itemsize;
  }

  /** array___sizeof__: sizeof(PyArrayObject_fields) + 2·nd·sizeof(npy_intp) (+ nbytes if OWNDATA). */
  sizeof(h: number): number {
    const s = this.slot(h);
    return ARRAY_OBJECT_SIZE + 16 * this.t.nd[s] + (this.t.flags[s] & AF.OwnData ? this.nbytes(h) : 0);
  }

  /** Every element of `h` is written (a fill, a copy into it, a ufunc output). */
  writeAll(h: number): void {
    const s = this.slot(h);
    const t = this.t;
    const w = t.dt(s).itemsize;
    // the inner loop that produced them (loopCost.ts); the writes charge themselves (kernel.touch)
    chargeLoop(this.vm, t.size(s) * LOOP_ELEMENT_NS);
    if (this.cContiguous(h)) return this.alloc.write(t.data[s], t.size(s) * w);
    this.writeRegion(t.data[s], t.shape(s), t.strides(s), w);
  }

  /**
   * Every element of `h` is read (a reduction, a ufunc's input, a copy's source): its untouched
   * pages fault in and count in RSS (Kernel.readAnon); items sparser than a page read one page each.
   */
  readAll(h: number): void {
    const s = this.slot(h);
    const t = this.t;
    if (t.size(s) === 0 || t.data[s] === 0) return;
    const a = this.alloc;
    // a dense block in any axis order (a transpose, a Fortran-order array) is read whole: one run,
    // not one call per element (a 10,000 × 10,000 a.T.sum() would make 10^8)
    const shape = t.shape(s);
    const strides = t.strides(s);
    const w = t.dt(s).itemsize;
    let lo = t.data[s];
    let span = w;
    for (let i = 0; i < shape.length; i++) {
      const reach = (shape[i] - 1) * strides[i];
      if (reach < 0) lo += reach;
      span += Math.abs(reach);
    }
    if (span === t.size(s) * w) return a.read(lo, span);
    this.region(
      t.data[s],
      t.shape(s),
      t.strides(s),
      t.dt(s).itemsize,
      (p, n) => a.read(p, n),
      (p, c, w, st) => a.readStrided(p, c, w, st),
    );
  }

  /** The writes of an N-d strided region: innermost runs through NpyAlloc.writeStrided. */
  writeRegion(data: number, shape: readonly number[], strides: readonly number[], itemsize: number): void {
    const a = this.alloc;
    this.region(
      data,
      shape,
      strides,
      itemsize,
      (p, n) => a.write(p, n),
      (p, c, w, st) => a.writeStrided(p, c, w, st),
    );
  }

  /** An N-d strided region as contiguous runs (`run`) or innermost strided rows (`strided`). */
  private region(
    data: number,
    shape: readonly number[],
    strides: readonly number[],
    itemsize: number,
    run: (addr: number, len: number) => void,
    strided: (addr: number, count: number, itemsize: number, stride: number) => void,
  ): void {
    const n = size(shape);
    if (n === 0) return;
    const nd = shape.length;
    if (nd === 0) return run(data, itemsize);
    if (cContiguous(shape, strides, itemsize)) {
      let lo = data;
      for (let i = 0; i < nd; i++) if (strides[i] < 0) lo += (shape[i] - 1) * strides[i];
      return run(lo, n * itemsize);
    }
    if (nd === 1) return strided(data, shape[0], itemsize, strides[0]);
    for (let i = 0; i < shape[0]; i++)
      this.region(data + i * strides[0], shape.slice(1), strides.slice(1), itemsize, run, strided);
  }
}
