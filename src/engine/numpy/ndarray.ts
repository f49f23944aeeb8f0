import { PyError } from '../python/errors';
import type { Vm } from '../python/runtime/vm';
import type { NpyAlloc } from './alloc';
import { ARRAY_OBJECT_SIZE } from './constants';
import type { DType } from './dtypes';

/** What an ndarray object holds (PyArrayObject_fields), kept in the object table's `side` column. */
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
  view?: { data: number; base: number; strides?: number[] };
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

export function isCContiguous(st: ArrayState): boolean {
  if (size(st.shape) === 0) return true;
  const want = cStrides(st.shape, st.dtype.itemsize);
  return st.shape.every((d, i) => d <= 1 || st.strides[i] === want[i]);
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

export const shapeText = (shape: readonly number[]): string => (shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`);

/**
 * The ndarray objects of one process: creation as PyArray_NewFromDescr_int does it and
 * deallocation as array_dealloc does it (numpy 1.24.2, ctors.c / arrayobject.c).
 */
export class Arrays {
  constructor(
    readonly vm: Vm,
    readonly alloc: NpyAlloc,
    /** ndarray's type id (taken from the registry when NumPy is imported). */
    readonly typeId: number,
  ) {}

  state(h: number): ArrayState {
    return this.vm.table.side[h] as ArrayState;
  }

  isArray(h: number): boolean {
    return this.vm.table.type[h] === this.typeId;
  }

  /**
   * PyArray_NewFromDescr_int: tp_alloc (PyType_GenericAlloc → PyObject_Malloc(96) and a memset),
   * then npy_alloc_cache_dim(2·nd) for dimensions + strides when nd > 0, then for a new buffer
   * PyDataMem_UserNEW(nbytes) or PyDataMem_UserNEW_ZEROED(nbytes, 1), nbytes 0 counting as 1;
   * a view instead takes its data pointer and a reference to its base (PyArray_SetBaseObject
   * collapses the chain to the first array that owns its data). A new reference.
   */
  newArray(dtype: DType, shape: readonly number[], opts: NewArrayOptions = {}): number {
    const vm = this.vm;
    const nd = shape.length;
    const h = vm.newObject(this.typeId, ARRAY_OBJECT_SIZE);
    const st: ArrayState = { dtype, shape: [...shape], strides: [], dims: 0, data: 0, own: false, base: 0 };
    vm.table.side[h] = st;
    if (nd > 0) {
      st.dims = this.alloc.dimMalloc(2 * nd);
      if (st.dims === 0) {
        this.dealloc(h);
        throw new PyError('MemoryError', '');
      }
      vm.mem.touch(st.dims, 16 * nd);
    }
    const n = size(shape);
    if (n * dtype.itemsize > 2 ** 63 - 1) {
      this.dealloc(h);
      throw new PyError('ValueError', 'array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.');
    }
    if (opts.view) {
      st.strides = opts.view.strides ? [...opts.view.strides] : cStrides(shape, dtype.itemsize);
      st.data = opts.view.data;
      st.base = this.collapseBase(opts.view.base);
    } else {
      st.strides = n === 0 ? shape.map(() => 0) : cStrides(shape, dtype.itemsize);
      const nbytes = Math.max(n * dtype.itemsize, 1);
      st.data = opts.zeroed ? this.alloc.dataCalloc(nbytes) : this.alloc.dataMalloc(nbytes);
      if (st.data === 0) {
        this.dealloc(h);
        throw new PyError('MemoryError', `Unable to allocate ${sizeText(n * dtype.itemsize)} for an array with shape ${shapeText(shape)} and data type ${dtype.name}`);
      }
      st.own = true;
    }
    vm.table.ptr[h] = st.data;
    return h;
  }

  /** PyArray_SetBaseObject: Py_INCREF(base), then walk to the first array that owns its data. */
  private collapseBase(base: number): number {
    let b = base;
    while (this.isArray(b)) {
      const s = this.state(b);
      if (s.own || s.base === 0) break;
      b = s.base;
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
    const st = this.state(h);
    if (st.base) {
      const b = st.base;
      st.base = 0;
      vm.decref(b);
    }
    if (st.own && st.data) this.alloc.dataFree(st.data, Math.max(size(st.shape) * st.dtype.itemsize, 1));
    if (st.dims) this.alloc.dimFree(st.dims, 2 * st.shape.length);
    vm.objectFree(h);
  }

  nbytes(h: number): number {
    const st = this.state(h);
    return size(st.shape) * st.dtype.itemsize;
  }

  /** array___sizeof__: sizeof(PyArrayObject_fields) + 2·nd·sizeof(npy_intp) (+ nbytes if OWNDATA). */
  sizeof(h: number): number {
    const st = this.state(h);
    return ARRAY_OBJECT_SIZE + 16 * st.shape.length + (st.own ? size(st.shape) * st.dtype.itemsize : 0);
  }

  /** Every element of `h` is written (a fill, a copy into it, a ufunc output). */
  writeAll(h: number): void {
    const st = this.state(h);
    this.writeRegion(st.data, st.shape, st.strides, st.dtype.itemsize);
  }

  /** The writes of an N-d strided region: innermost runs through NpyAlloc.writeStrided. */
  writeRegion(data: number, shape: readonly number[], strides: readonly number[], itemsize: number): void {
    const n = size(shape);
    if (n === 0) return;
    const nd = shape.length;
    if (nd === 0) return this.alloc.write(data, itemsize);
    const want = cStrides(shape, itemsize);
    if (shape.every((d, i) => d <= 1 || strides[i] === want[i])) return this.alloc.write(data, n * itemsize);
    if (nd === 1) return this.alloc.writeStrided(data, shape[0], itemsize, strides[0]);
    for (let i = 0; i < shape[0]; i++) this.writeRegion(data + i * strides[0], shape.slice(1), strides.slice(1), itemsize);
  }
}
