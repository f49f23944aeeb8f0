import { valueError, typeError } from '../python/abstract/errors';
import { binaryOp } from '../python/abstract/number';
import { NotSupported, PyError } from '../python/errors';
import { fromDouble } from '../python/objects/float';
import { fromLong, intValue } from '../python/objects/int';
import { Cmp, NB, T } from '../python/objects/types';
import { richCompareBool } from '../python/abstract/compare';
import { isNone, isInt, orderArg, parseArgs, shapeArg, type Kw } from './args';
import { BOOL, FLOAT64, INT64, OBJECT, promote, type DType } from './dtypes';
import { objectsFromNumbers } from './objects';
import { storeItems } from './objectItems';
import type { DTypeObjects } from './dtypeType';
import { valueAt, writeValues } from './elements';
import type { NumpyErrors } from './errors';
import type { FromList } from './fromlist';
import type { Arrays } from './ndarray';
import type { Scalars } from './scalars';
import { castValue } from './values';
import { fStrides } from './views';

/**
 * The array constructors of NumPy 1.24.2 as allocations and values (multiarraymodule.c
 * array_empty, array_zeros, array_arange; numeric.py ones, full, *_like). Joining arrays is in
 * joining.ts, np.frombuffer in frombuffer.ts, np.where in where.ts.
 */
export class Constructors {
  constructor(
    readonly arrays: Arrays,
    readonly dtypes: DTypeObjects,
    readonly scalars: Scalars,
    readonly fromList: FromList,
    readonly errors: NumpyErrors,
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

  /** A new array of dtype/shape in C order (or F order), its values one constant. */
  private filled(dtype: DType, shape: number[], order: 'C' | 'F', value: number, zeroed = false): number {
    const A = this.arrays;
    const h = A.newArray(dtype, shape, { zeroed });
    if (order === 'F' && shape.length > 1) A.t.setShape(A.slot(h), shape, fStrides(shape, dtype.itemsize));
    if (dtype === OBJECT) {
      // PyArray_Zeros fills object arrays with one int 0 (PyLong_FromLong(0), a reference per
      // element); PyArray_Empty with None (PyArray_FillObjectArray)
      const vm = this.vm;
      const o = zeroed ? fromLong(vm, 0) : vm.s.None;
      if (!zeroed) vm.incref(o);
      storeItems(A, h, () => o);
      vm.decref(o);
      return h;
    }
    // a string array's elements are '' already (zeros and empty alike: a zero-filled buffer reads '')
    if (A.descrs.has(A.slot(h))) return h;
    A.values.setConst(A.slot(h), value);
    return h;
  }

  /** array_empty → PyArray_Empty: nothing is written (np.empty's contents are shown as zeros). */
  empty(args: number[], kw: Kw): number {
    const [shapeH, dt, order] = parseArgs(this.vm, 'empty', ['shape', 'dtype', 'order', 'like'], 1, args, kw);
    const o = orderArg(this.vm, order);
    const { shape, tempLen } = shapeArg(this.vm, shapeH!);
    const dtype = this.dtypes.convert(dt, null);
    return this.withShape(tempLen, () => this.filled(dtype, shape, o, 0));
  }

  /** array_zeros → PyArray_Zeros: NewFromDescr_int with zeroed = 1 (calloc decides what is cleared). */
  zeros(args: number[], kw: Kw): number {
    const [shapeH, dt, order] = parseArgs(this.vm, 'zeros', ['shape', 'dtype', 'order', 'like'], 1, args, kw);
    const o = orderArg(this.vm, order);
    const { shape, tempLen } = shapeArg(this.vm, shapeH!);
    const dtype = this.dtypes.convert(dt, null);
    return this.withShape(tempLen, () => this.filled(dtype, shape, o, 0, true));
  }

  /**
   * numeric.py ones: a = empty(shape, dtype, order); multiarray.copyto(a, 1, casting='unsafe').
   * copyto makes a 0-d int64 array of the 1 (PyArray_FromAny), writes every element, drops it.
   */
  ones(args: number[], kw: Kw): number {
    const [shapeH, dt, order] = parseArgs(this.vm, 'ones', ['shape', 'dtype', 'order', 'like'], 1, args, kw);
    const o = orderArg(this.vm, order);
    const { shape, tempLen } = shapeArg(this.vm, shapeH!);
    const dtype = this.dtypes.convert(dt, null);
    const a = this.withShape(tempLen, () => this.filled(dtype, shape, o, 0));
    this.copyto(a, INT64, 1);
    return a;
  }

  /**
   * numeric.py full: without dtype, fill_value = asarray(fill_value) first (a 0-d array whose
   * dtype the result takes), alive until full returns; with a dtype, copyto makes that 0-d array
   * itself. Every element is written.
   */
  full(args: number[], kw: Kw): number {
    const vm = this.vm;
    const [shapeH, fillH, dt, order] = parseArgs(
      this.vm,
      'full',
      ['shape', 'fill_value', 'dtype', 'order', 'like'],
      2,
      args,
      kw,
    );
    const o = orderArg(vm, order);
    const ft = vm.table.type[fillH!];
    const plainObject =
      this.numberOrNull(fillH!) === null &&
      ft !== T.Str &&
      ft !== T.List &&
      ft !== T.Tuple &&
      !this.arrays.isArray(fillH!);
    if (plainObject && (isNone(vm, dt) || this.dtypes.convert(dt, null) === OBJECT))
      return this.fullObject(shapeH!, fillH!, o);
    const fill = this.numberArg(fillH!, 'np.full with a fill value that is not a number');
    const { shape, tempLen } = shapeArg(vm, shapeH!);
    if (!isNone(vm, dt)) {
      const dtype = this.dtypes.convert(dt, null);
      const a = this.withShape(tempLen, () => this.filled(dtype, shape, o, 0));
      this.copyto(a, fill.d, fill.v);
      return a;
    }
    const f = this.zeroD(fill.d, fill.v);
    try {
      const a = this.withShape(tempLen, () => this.filled(fill.d, shape, o, 0));
      this.fillAll(a, fill.v);
      return a;
    } finally {
      vm.decref(f);
    }
  }

  /**
   * np.full(shape, obj) with an object that is not a number (None, an instance): asarray(obj)
   * is a 0-d object array (alive until full returns), the result an object array whose every
   * element is a reference to that same object (empty's None replaced by copyto).
   */
  private fullObject(shapeH: number, fill: number, o: 'C' | 'F'): number {
    const vm = this.vm;
    const A = this.arrays;
    const z = A.newArray(OBJECT, []);
    storeItems(A, z, () => fill);
    try {
      const { shape, tempLen } = shapeArg(vm, shapeH);
      const a = this.withShape(tempLen, () => this.filled(OBJECT, shape, o, 0));
      storeItems(A, a, () => fill);
      return a;
    } finally {
      vm.decref(z);
    }
  }

  private numberOrNull(h: number): number | null {
    try {
      return this.numberArg(h, '').v;
    } catch (e) {
      if (e instanceof NotSupported) return null;
      throw e;
    }
  }

  /** A Python or NumPy number's dtype and value, or "not supported". */
  numberArg(h: number, what: string): { d: DType; v: number } {
    const vm = this.vm;
    const t = vm.table.type[h];
    if (t === T.Bool) return { d: BOOL, v: Number(intValue(vm, h)) };
    if (t === T.Int) return { d: INT64, v: Number(intValue(vm, h)) };
    if (t === T.Float) return { d: FLOAT64, v: vm.table.num[h] };
    const sd = this.scalars.dtypeOf(h);
    if (sd) return { d: sd, v: vm.table.num[h] };
    const A = this.arrays;
    if (A.isArray(h) && A.nd(h) === 0) return { d: A.dtype(h), v: valueAt(A, h, 0) };
    throw new NotSupported(what);
  }

  /** PyArray_FromAny of a number: a 0-d array (96-byte object, data from the cache), written. */
  zeroD(d: DType, v: number): number {
    const A = this.arrays;
    const z = A.newArray(d, []);
    A.values.setConst(A.slot(z), v);
    A.writeAll(z);
    return z;
  }

  /**
   * empty(shape_list, dtype, order) / ones(n, dtype) called from NumPy's Python code with a
   * shape already known (tempLen: the IntpConverter block, 1 for an int shape, len for a list).
   */
  emptyShaped(dtype: DType, shape: number[], order: 'C' | 'F', tempLen: number): number {
    return this.withShape(tempLen, () => this.filled(dtype, shape, order, 0));
  }

  onesShaped(dtype: DType, shape: number[], tempLen: number): number {
    const a = this.withShape(tempLen, () => this.filled(dtype, shape, 'C', 0));
    this.copyto(a, INT64, 1);
    return a;
  }

  /** copyto(a, scalar): the scalar's 0-d array, a write of every element. */
  private copyto(a: number, d: DType, v: number): void {
    const z = this.zeroD(d, v);
    if (this.arrays.dtype(a) === OBJECT) objectsFromNumbers(this.arrays, a, d, () => v);
    else this.fillAll(a, v);
    this.vm.decref(z);
  }

  private fillAll(a: number, v: number): void {
    const A = this.arrays;
    writeValues(
      A,
      a,
      () => v,
      () => v,
      0,
    );
    A.writeAll(a);
  }

  /**
   * array_arange → PyArray_ArangeObj: the length from Python arithmetic on the arguments
   * (_calc_length: stop − start, its ratio to step, a float; next = start + step), as CPython
   * objects; one array (PyArray_NewFromDescr); start and next stored through the dtype's setitem
   * (a Python int into a float array goes through PyNumber_Float), then @NAME@_fill writes the
   * rest as start + i·(next − start). Without dtype: int64 at least, float64 if any argument is.
   */
  arange(args: number[], kw: Kw): number {
    const vm = this.vm;
    const A = this.arrays;
    const [a0, a1, a2, dt] = parseArgs(
      this.vm,
      'arange',
      ['start', 'stop', 'step', 'dtype', 'like'],
      0,
      args,
      kw,
    );
    if (a0 === undefined && a1 === undefined)
      throw typeError(vm, "arange() missing required argument 'start' (pos 1)");
    for (const h of [a0, a1, a2])
      if (
        h !== undefined &&
        !isNone(vm, h) &&
        !isInt(vm, h) &&
        vm.table.type[h] !== T.Float &&
        !this.scalars.isScalar(h)
      )
        throw new NotSupported('np.arange with arguments that are not numbers');
    let dtype: DType = INT64;
    for (const h of [a0, a1, a2])
      if (h !== undefined && !isNone(vm, h)) dtype = promote(dtype, this.numberArg(h, 'np.arange').d);
    if (!isNone(vm, dt)) dtype = this.dtypes.convert(dt, null);
    let start = a0!;
    let stop = a1 === undefined || isNone(vm, a1) ? null : a1;
    let step = a2 === undefined || isNone(vm, a2) ? null : a2;
    vm.incref(start);
    if (stop !== null) vm.incref(stop);
    if (step !== null) vm.incref(step);
    step ??= fromLong(vm, 1);
    if (stop === null) {
      stop = start;
      start = fromLong(vm, 0);
    }
    let next = 0;
    try {
      // _calc_length
      const diff = binaryOp(vm, NB.Subtract, stop, start);
      const zero = fromLong(vm, 0);
      richCompareBool(vm, diff, zero, Cmp.NE);
      const val = binaryOp(vm, NB.TrueDivide, diff, step);
      vm.decref(diff);
      richCompareBool(vm, val, zero, Cmp.EQ);
      vm.decref(zero);
      const ratio =
        vm.table.type[val] === T.Float || this.scalars.isScalar(val)
          ? vm.table.num[val]
          : Number(intValue(vm, val));
      vm.decref(val);
      if (!Number.isFinite(ratio)) throw valueError(vm, 'arange: cannot compute length');
      const length = Math.max(0, Math.ceil(ratio));
      if (length > 0) next = binaryOp(vm, NB.Add, start, step);
      const r = A.newArray(dtype, [length]);
      const s0 = this.setitem(dtype, start);
      if (length > 1) {
        const s1 = this.setitem(dtype, next);
        const delta = castValue(dtype, s1 - s0);
        A.values.setAffine(A.slot(r), s0, delta);
      } else A.values.setConst(A.slot(r), s0);
      A.writeAll(r);
      return r;
    } finally {
      if (next) vm.decref(next);
      vm.decref(start);
      vm.decref(stop);
      vm.decref(step);
    }
  }

  /**
   * A dtype's setitem of a Python number (DOUBLE_setitem, LONG_setitem…): a Python int into a
   * float dtype goes through PyNumber_Float, a float into an integer dtype through PyNumber_Long
   * (each a temporary object). Returns the stored value.
   */
  setitem(d: DType, h: number): number {
    const vm = this.vm;
    const t = vm.table.type[h];
    if (t === T.Int || t === T.Bool) {
      const v = Number(intValue(vm, h));
      if (d.kind === 'f' && t === T.Int) vm.decref(fromDouble(vm, v));
      return castValue(d, v);
    }
    if (t === T.Float) {
      const v = vm.table.num[h];
      if (d.kind === 'i' || d.kind === 'u') vm.decref(fromLong(vm, Math.trunc(v)));
      return castValue(d, v);
    }
    return castValue(d, vm.table.num[h]);
  }

  /** array_empty_like / zeros_like / ones_like / full_like: PyArray_NewLikeArray (order K), then a fill. */
  like(which: 'empty' | 'zeros' | 'ones' | 'full', args: number[], kw: Kw): number {
    const vm = this.vm;
    const A = this.arrays;
    const names =
      which === 'full'
        ? ['a', 'fill_value', 'dtype', 'order', 'subok', 'shape']
        : ['prototype', 'dtype', 'order', 'subok', 'shape'];
    const p = parseArgs(vm, `${which}_like`, names, which === 'full' ? 2 : 1, args, kw);
    const proto = p[0]!;
    const off = which === 'full' ? 1 : 0;
    const dt = p[1 + off];
    const shapeH = p[4 + off];
    const src = A.isArray(proto) ? proto : this.fromList.fromObject(proto, null, false);
    try {
      const dtype = isNone(vm, dt) ? A.dtype(src) : this.dtypes.convert(dt, null);
      const shape = shapeH !== undefined && !isNone(vm, shapeH) ? shapeArg(vm, shapeH).shape : A.shape(src);
      const order = A.nd(src) > 1 && A.fContiguous(src) && !A.cContiguous(src) ? 'F' : 'C';
      const a = this.filled(dtype, shape, order, 0);
      if (which === 'zeros') this.copyto(a, INT64, 0);
      else if (which === 'ones') this.copyto(a, INT64, 1);
      else if (which === 'full') {
        const f = this.numberArg(p[1]!, 'np.full_like with a fill value that is not a number');
        this.copyto(a, f.d, f.v);
      }
      return a;
    } finally {
      if (src !== proto) vm.decref(src);
    }
  }

  /** A number as a 0-d array, or a list/tuple as an array. */
  asArrayOrScalar(h: number): number {
    const vm = this.vm;
    const t = vm.table.type[h];
    if (t === T.List || t === T.Tuple) return this.fromList.fromObject(h, null, false);
    const n = this.numberArg(h, `a numpy operand of type ${vm.typeOf(h).name}`);
    return this.zeroD(n.d, n.v);
  }
}
