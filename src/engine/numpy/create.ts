import { rawMalloc } from './alloc';
import { NotSupported, PyError } from '../python/errors';
import { intValue } from '../python/objects/int';
import { T } from '../python/objects/types';
import { dtypeArg, intArg, isInt, orderArg, parseArgs, sequenceItems, shapeArg, type DtypeLookup, type Kw } from './args';
import { FLOAT64, INT64, promote, type DType } from './dtypes';
import type { Arrays } from './ndarray';

/**
 * The array constructors of NumPy 1.24.2 as allocations (multiarraymodule.c array_empty,
 * array_zeros, array_arange, PyArray_ConcatenateInto; numeric.py ones and full).
 */
export class Constructors {
  constructor(
    readonly arrays: Arrays,
    readonly dtypes: DtypeLookup,
  ) {}

  private get vm() {
    return this.arrays.vm;
  }

  /**
   * PyArray_IntpConverter's block: npy_alloc_cache_dim(len) before the array is made,
   * npy_free_cache_dim_obj after (so an int shape borrows and returns a dim-cache entry).
   */
  private withShape<R>(tempLen: number, make: () => R): R {
    const alloc = this.arrays.alloc;
    const p = tempLen > 0 ? alloc.dimMalloc(tempLen) : 0;
    if (tempLen > 0 && p === 0) throw new PyError('MemoryError', '');
    if (p) this.vm.mem.touch(p, 8 * tempLen);
    try {
      return make();
    } finally {
      if (p) alloc.dimFree(p, tempLen);
    }
  }

  /** array_empty → PyArray_Empty: nothing is written. */
  empty(args: number[], kw: Kw): number {
    const [shapeH, dt, order] = parseArgs('empty', ['shape', 'dtype', 'order'], 1, args, kw);
    orderArg(this.vm, order);
    const { shape, tempLen } = shapeArg(this.vm, shapeH!);
    const dtype = dtypeArg(this.vm, dt, this.dtypes);
    return this.withShape(tempLen, () => this.arrays.newArray(dtype, shape));
  }

  /** array_zeros → PyArray_Zeros: NewFromDescr_int with zeroed = 1 (calloc decides what is cleared). */
  zeros(args: number[], kw: Kw): number {
    const [shapeH, dt, order] = parseArgs('zeros', ['shape', 'dtype', 'order'], 1, args, kw);
    orderArg(this.vm, order);
    const { shape, tempLen } = shapeArg(this.vm, shapeH!);
    const dtype = dtypeArg(this.vm, dt, this.dtypes);
    return this.withShape(tempLen, () => this.arrays.newArray(dtype, shape, { zeroed: true }));
  }

  /**
   * numeric.py ones: a = empty(shape, dtype, order); multiarray.copyto(a, 1, casting='unsafe').
   * copyto makes a 0-d int64 array of the 1 (PyArray_FromAny), writes every element, drops it.
   */
  ones(args: number[], kw: Kw): number {
    const [shapeH, dt, order] = parseArgs('ones', ['shape', 'dtype', 'order'], 1, args, kw);
    orderArg(this.vm, order);
    const { shape, tempLen } = shapeArg(this.vm, shapeH!);
    const dtype = dtypeArg(this.vm, dt, this.dtypes);
    const a = this.withShape(tempLen, () => this.arrays.newArray(dtype, shape));
    this.fill(a, INT64);
    return a;
  }

  /**
   * numeric.py full: without dtype, fill_value = asarray(fill_value) first (a 0-d array whose
   * dtype the result takes: int64 or float64), alive until full returns; with a dtype, copyto
   * makes that 0-d array itself. Every element is written.
   */
  full(args: number[], kw: Kw): number {
    const vm = this.vm;
    const [shapeH, fillH, dt, order] = parseArgs('full', ['shape', 'fill_value', 'dtype', 'order'], 2, args, kw);
    orderArg(vm, order);
    const ft = vm.table.type[fillH!];
    if (!(isInt(vm, fillH!) || ft === T.Float)) throw new NotSupported('np.full with a fill value that is not an int or a float');
    const valueType = ft === T.Float ? FLOAT64 : INT64;
    const { shape, tempLen } = shapeArg(vm, shapeH!);
    if (dt !== undefined && vm.table.type[dt] !== T.None) {
      const dtype = dtypeArg(vm, dt, this.dtypes);
      const a = this.withShape(tempLen, () => this.arrays.newArray(dtype, shape));
      this.fill(a, valueType);
      return a;
    }
    const fill = this.arrays.newArray(valueType, []);
    this.arrays.writeAll(fill);
    try {
      const a = this.withShape(tempLen, () => this.arrays.newArray(valueType, shape));
      this.arrays.writeAll(a);
      return a;
    } finally {
      vm.decref(fill);
    }
  }

  /** copyto(a, scalar): the scalar's 0-d array (data from the data cache), a write of every element. */
  private fill(a: number, valueType: DType): void {
    const z = this.arrays.newArray(valueType, []);
    this.arrays.writeAll(z);
    this.arrays.writeAll(a);
    this.vm.decref(z);
  }

  /**
   * array_arange → PyArray_ArangeObj: length ceil((stop - start) / step), one array
   * (PyArray_NewFromDescr), its first two items set and the rest filled: all written. Integer
   * arguments give int64, any float float64.
   */
  arange(args: number[], kw: Kw): number {
    const vm = this.vm;
    const [a0, a1, a2, dt] = parseArgs('arange', ['start', 'stop', 'step', 'dtype'], 1, args, kw);
    const nums = [a0, a1, a2].map((h) => {
      if (h === undefined || vm.table.type[h] === T.None) return null;
      if (isInt(vm, h)) return Number(intValue(vm, h));
      if (vm.table.type[h] === T.Float) return vm.table.num[h];
      throw new NotSupported('np.arange with arguments that are not ints or floats');
    });
    const anyFloat = [a0, a1, a2].some((h) => h !== undefined && vm.table.type[h] === T.Float);
    let [start, stop, step] = nums;
    if (stop === null) [start, stop] = [0, start];
    step ??= 1;
    if (step === 0) throw new PyError('ZeroDivisionError', 'division by zero');
    const length = Math.max(0, Math.ceil((stop! - start!) / step));
    const dtype = dtypeArg(vm, dt, this.dtypes, anyFloat ? FLOAT64 : INT64);
    const r = this.arrays.newArray(dtype, [length]);
    this.arrays.writeAll(r);
    return r;
  }

  /**
   * PyArray_ConcatenateInto (1.24.2): arrays = PyArray_malloc(n · 8); the result
   * (PyArray_NewFromDescr); a sliding view of it (PyArray_View: an object and a dims block)
   * moved over the result while each input is copied in; the view dropped; PyArray_free(arrays).
   */
  concatenate(args: number[], kw: Kw): number {
    const vm = this.vm;
    const A = this.arrays;
    const [seqH, axisH, outH] = parseArgs('concatenate', ['arrays', 'axis', 'out'], 1, args, kw);
    if (outH !== undefined && vm.table.type[outH] !== T.None) throw new NotSupported('np.concatenate with out=');
    if (axisH !== undefined && vm.table.type[axisH] === T.None) throw new NotSupported('np.concatenate with axis=None');
    const items = sequenceItems(vm, seqH!);
    if (items === null) throw new NotSupported('np.concatenate of something other than a list or tuple of arrays');
    if (items.length === 0) throw new PyError('ValueError', 'need at least one array to concatenate');
    if (!items.every((h) => A.isArray(h))) throw new NotSupported('np.concatenate of items that are not arrays');
    const states = items.map((h) => A.state(h));
    const nd = states[0].shape.length;
    if (nd === 0) throw new PyError('ValueError', 'zero-dimensional arrays cannot be concatenated');
    let axis = axisH === undefined ? 0 : intArg(vm, axisH, 'axis');
    if (axis < 0) axis += nd;
    if (axis < 0 || axis >= nd) throw new PyError('numpy.AxisError', `axis ${axis} is out of bounds for array of dimension ${nd}`);
    const shape = [...states[0].shape];
    for (let i = 1; i < states.length; i++) {
      const s = states[i].shape;
      if (s.length !== nd) throw new PyError('ValueError', `all the input array dimensions except for the concatenation axis must match exactly, but along dimension 0, the array at index 0 has ${nd} dimension(s) and the array at index ${i} has ${s.length} dimension(s)`);
      for (let d = 0; d < nd; d++) if (d !== axis && s[d] !== shape[d]) throw new PyError('ValueError', `all the input array dimensions except for the concatenation axis must match exactly, but along dimension ${d}, the array at index 0 has size ${shape[d]} and the array at index ${i} has size ${s[d]}`);
      shape[axis] += s[axis];
    }
    const dtype = states.map((s) => s.dtype).reduce(promote);
    const list = rawMalloc(A.alloc.libc, 8 * items.length);
    if (list === 0) throw new PyError('MemoryError', '');
    vm.mem.touch(list, 8 * items.length);
    try {
      const ret = A.newArray(dtype, shape);
      const view = A.newArray(dtype, shape, { view: { data: A.state(ret).data, base: ret } });
      const rs = A.state(ret);
      let offset = 0;
      for (const s of states) {
        const part = [...shape];
        part[axis] = s.shape[axis];
        A.writeRegion(rs.data + offset * rs.strides[axis], part, rs.strides, dtype.itemsize);
        offset += s.shape[axis];
      }
      vm.decref(view);
      return ret;
    } finally {
      A.alloc.libc.free(list);
    }
  }
}

