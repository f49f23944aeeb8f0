import { valueError, typeError } from '../python/abstract/errors';
import { binaryOp } from '../python/abstract/number';
import { NotSupported, PyError } from '../python/errors';
import { byteAt, byteLength, bytesContent } from '../python/objects/bytes';
import { listAppend, listItem, listNew } from '../python/objects/list';
import { fromDouble } from '../python/objects/float';
import { fromLong, intValue } from '../python/objects/int';
import { Cmp, NB, T } from '../python/objects/types';
import type { Vm } from '../python/runtime/vm';
import { richCompareBool } from '../python/abstract/compare';
import { rawMalloc } from './alloc';
import { isNone, intArg, isInt, orderArg, parseArgs, sequenceItems, shapeArg, type Kw } from './args';
import { BOOL, FLOAT64, INT64, OBJECT, promote, type DType } from './dtypes';
import { objectsFromNumbers } from './objects';
import { storeItems } from './objectItems';
import type { DTypeObjects } from './dtypeType';
import { formulaOf, readBroadcast, valueAt, writeValues } from './elements';
import type { NumpyErrors } from './errors';
import type { FromList } from './fromlist';
import type { Arrays } from './ndarray';
import type { Scalars } from './scalars';
import { castValue } from './values';
import { fStrides } from './views';

/**
 * The array constructors of NumPy 1.24.2 as allocations and values (multiarraymodule.c
 * array_empty, array_zeros, array_arange, PyArray_ConcatenateInto, PyArray_Where,
 * array_frombuffer; numeric.py ones, full, *_like; shape_base.py stack, vstack, hstack).
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

  /**
   * PyArray_ConcatenateInto (1.24.2): arrays = PyArray_malloc(n · 8); the result
   * (PyArray_NewFromDescr); a sliding view of it (PyArray_View: an object and a dims block)
   * moved over the result while each input is copied in; the view dropped; PyArray_free(arrays).
   * Inputs that are not arrays are converted first (PyArray_FROM_O).
   */
  concatenate(args: number[], kw: Kw): number {
    const vm = this.vm;
    const [seqH, axisH, outH, dt] = parseArgs(
      this.vm,
      'concatenate',
      ['arrays', 'axis', 'out', 'dtype', 'casting'],
      1,
      args,
      kw,
    );
    if (outH !== undefined && !isNone(vm, outH)) throw new NotSupported('np.concatenate with out=');
    const items = sequenceItems(vm, seqH!);
    if (items === null)
      throw new NotSupported('np.concatenate of something other than a list or tuple of arrays');
    const axis = axisH === undefined ? 0 : isNone(vm, axisH) ? null : intArg(vm, axisH, 'axis');
    return this.concatenateArrays(items, axis, isNone(vm, dt) ? null : this.dtypes.convert(dt, null));
  }

  /** The concatenation itself (np.stack, vstack and hstack end here too). */
  concatenateArrays(items: number[], axisIn: number | null, dtypeIn: DType | null): number {
    const vm = this.vm;
    const A = this.arrays;
    if (items.length === 0) throw valueError(vm, 'need at least one array to concatenate');
    const conv = items.map((h) =>
      A.isArray(h) ? { h, temp: false } : { h: this.fromList.fromObject(h, null, false), temp: true },
    );
    try {
      let hs = conv.map((c) => c.h);
      let flattened: number[] = [];
      if (axisIn === null) {
        flattened = hs.map((h) =>
          A.cContiguous(h)
            ? A.newArray(A.dtype(h), [A.size(h)], { view: { data: A.data(h), base: h } })
            : this.copyFlat(h),
        );
        hs = flattened;
      }
      try {
        const nd = A.nd(hs[0]);
        if (nd === 0) throw valueError(vm, 'zero-dimensional arrays cannot be concatenated');
        let axis = axisIn ?? 0;
        if (axis < -nd || axis >= nd) throw this.errors.axis(axis, nd);
        if (axis < 0) axis += nd;
        const shape = A.shape(hs[0]);
        for (let i = 1; i < hs.length; i++) {
          const s = A.shape(hs[i]);
          if (s.length !== nd)
            throw valueError(
              vm,
              'all the input array dimensions except for the concatenation axis must match exactly, but along dimension 0, the array at index 0 has %zd dimension(s) and the array at index %zd has %zd dimension(s)',
              nd,
              i,
              s.length,
            );
          for (let d = 0; d < nd; d++)
            if (d !== axis && s[d] !== shape[d])
              throw valueError(
                vm,
                'all the input array dimensions except for the concatenation axis must match exactly, but along dimension %zd, the array at index 0 has size %zd and the array at index %zd has size %zd',
                d,
                shape[d],
                i,
                s[d],
              );
          shape[axis] += s[axis];
        }
        const dtype = dtypeIn ?? hs.map((h) => A.dtype(h)).reduce(promote);
        const list = rawMalloc(A.alloc.libc, 8 * hs.length);
        if (list === 0) throw new PyError('MemoryError', '');
        vm.mem.touch(list, 8 * hs.length);
        try {
          const ret = A.newArray(dtype, shape);
          const view = A.newArray(dtype, shape, { view: { data: A.data(ret), base: ret } });
          const parts = hs.map((h) => readBroadcast(A, h, A.shape(h)));
          const inner = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
          const outer = shape.slice(0, axis).reduce((a, b) => a * b, 1);
          // the result is new and C-contiguous: its values are written straight in, block by
          // block (a cast only where a part's dtype differs)
          const out = A.values.setData(A.slot(ret), outer * shape[axis] * inner);
          let k = 0;
          if (out !== null)
            for (let o = 0; o < outer; o++)
              for (let j = 0; j < hs.length; j++) {
                const len = A.shape(hs[j])[axis] * inner;
                const part = parts[j].subarray(o * len, (o + 1) * len);
                if (A.dtype(hs[j]) === dtype) out.set(part, k);
                else for (let i = 0; i < len; i++) out[k + i] = castValue(dtype, part[i]);
                k += len;
              }
          A.writeAll(ret);
          vm.decref(view);
          return ret;
        } finally {
          A.alloc.libc.free(list);
        }
      } finally {
        for (const f of flattened) vm.decref(f);
      }
    } finally {
      for (const c of conv) if (c.temp) vm.decref(c.h);
    }
  }

  private copyFlat(h: number): number {
    const A = this.arrays;
    const c = A.newArray(A.dtype(h), [A.size(h)]);
    writeValues(A, c, (k) => valueAt(A, h, k), formulaOf(A, h));
    A.writeAll(c);
    return c;
  }

  /** The inputs of stack/vstack/hstack as arrays (asanyarray: lists converted, arrays as they are). */
  private inputs(fn: string, seqH: number): { hs: number[]; temps: number[] } {
    const vm = this.vm;
    const A = this.arrays;
    const items = sequenceItems(vm, seqH);
    if (items === null) throw new NotSupported(`np.${fn} of something other than a list or tuple of arrays`);
    if (items.length === 0)
      throw valueError(vm, 'need at least one array to %s', fn === 'stack' ? 'stack' : 'concatenate');
    const temps: number[] = [];
    const hs = items.map((h) => {
      if (A.isArray(h)) return h;
      const a = this.fromList.fromObject(h, null, false);
      temps.push(a);
      return a;
    });
    return { hs, temps };
  }

  /**
   * shape_base.py stack: every input expanded with a new axis (arr[sl]: a view each, an object
   * and a dims block), all shapes equal, then concatenate along the new axis; the views go after.
   */
  stack(args: number[], kw: Kw): number {
    const vm = this.vm;
    const A = this.arrays;
    const [seqH, axisH, outH] = parseArgs(
      vm,
      'stack',
      ['arrays', 'axis', 'out', 'dtype', 'casting'],
      1,
      args,
      kw,
    );
    if (outH !== undefined && !isNone(vm, outH)) throw new NotSupported('np.stack with out=');
    const { hs, temps } = this.inputs('stack', seqH!);
    try {
      const shape = A.shape(hs[0]);
      if (hs.some((h) => A.shape(h).join() !== shape.join()))
        throw valueError(vm, 'all input arrays must have the same shape');
      const nd = shape.length + 1;
      let axis = axisH === undefined ? 0 : intArg(vm, axisH, 'axis');
      if (axis < -nd || axis >= nd) throw this.errors.axis(axis, nd);
      if (axis < 0) axis += nd;
      // arrays = [asanyarray(arr) for arr in arrays]; expanded_arrays = [arr[sl] for arr in arrays]
      const arrays = this.pyList(hs, false);
      const expanded = listNew(vm, 0);
      for (const h of hs) listAppend(vm, expanded, this.expand(h, axis));
      try {
        return this.concatenateArrays(listItems(vm, expanded), axis, null);
      } finally {
        vm.decref(expanded);
        vm.decref(arrays);
      }
    } finally {
      for (const t of temps) vm.decref(t);
    }
  }

  /**
   * A Python list built by appending (shape_base.py's `res.append(...)`, list comprehensions),
   * with list_resize's growth; `steal`: the list takes over the caller's references.
   */
  private pyList(items: readonly number[], steal: boolean): number {
    const vm = this.vm;
    const l = listNew(vm, 0);
    for (const h of items) {
      if (!steal) vm.incref(h);
      listAppend(vm, l, h); // list.append's reference (listAppend steals)
    }
    return l;
  }

  /** arr[..., np.newaxis, ...]: a view with a length-1 axis at `axis`. */
  private expand(h: number, axis: number): number {
    const A = this.arrays;
    const shape = A.shape(h);
    const strides = A.strides(h);
    shape.splice(axis, 0, 1);
    strides.splice(axis, 0, 0);
    return A.newArray(A.dtype(h), shape, { view: { data: A.data(h), base: h, strides } });
  }

  /**
   * shape_base.py vstack: atleast_2d(*tup) (a list of the inputs, 1-d ones as ary[np.newaxis, :]
   * views), then concatenate on axis 0; hstack: atleast_1d(*tup), then concatenate on axis 0 for
   * 1-d inputs, else axis 1.
   */
  vstack(args: number[], kw: Kw): number {
    return this.stackLike('vstack', args, kw);
  }

  hstack(args: number[], kw: Kw): number {
    return this.stackLike('hstack', args, kw);
  }

  private stackLike(fn: 'vstack' | 'hstack', args: number[], kw: Kw): number {
    const vm = this.vm;
    const A = this.arrays;
    const [seqH] = parseArgs(vm, fn, ['tup', 'dtype', 'casting'], 1, args, kw);
    const { hs, temps } = this.inputs(fn, seqH!);
    try {
      const res = listNew(vm, 0);
      for (const h of hs) {
        const nd = A.nd(h);
        let r = h;
        if (fn === 'vstack' && nd < 2)
          r =
            nd === 0
              ? A.newArray(A.dtype(h), [1, 1], { view: { data: A.data(h), base: h, strides: [0, 0] } })
              : this.expand(h, 0);
        else if (fn === 'hstack' && nd === 0)
          r = A.newArray(A.dtype(h), [1], { view: { data: A.data(h), base: h, strides: [0] } });
        else vm.incref(h);
        listAppend(vm, res, r);
      }
      try {
        const arrs = listItems(vm, res);
        return this.concatenateArrays(arrs, fn === 'vstack' || A.nd(arrs[0]) === 1 ? 0 : 1, null);
      } finally {
        vm.decref(res);
      }
    } finally {
      for (const t of temps) vm.decref(t);
    }
  }

  /**
   * array_frombuffer → PyArray_FromBuffer: a view on the object's buffer (no copy, no data
   * allocation): an array object with `base` the bytes/bytearray, which it keeps alive; read-only
   * for an immutable bytes object.
   */
  frombuffer(args: number[], kw: Kw): number {
    const vm = this.vm;
    const A = this.arrays;
    const [bufH, dt, countH, offsetH] = parseArgs(
      this.vm,
      'frombuffer',
      ['buffer', 'dtype', 'count', 'offset', 'like'],
      1,
      args,
      kw,
    );
    const buf = bufH!;
    const t = vm.table.type[buf];
    if (t !== T.Bytes && t !== T.ByteArray)
      throw new NotSupported(`np.frombuffer of a ${vm.typeOf(buf).name}`);
    const dtype = this.dtypes.convert(dt, FLOAT64);
    const total = byteLength(bytesContent(vm, buf));
    const offset = offsetH === undefined ? 0 : intArg(vm, offsetH, 'offset');
    if (offset < 0 || offset > total)
      throw valueError(vm, 'offset must be non-negative and no greater than buffer length (%zd)', total);
    let count = countH === undefined ? -1 : intArg(vm, countH, 'count');
    const avail = total - offset;
    if (count < 0) {
      if (avail % dtype.itemsize !== 0)
        throw valueError(vm, 'buffer size must be a multiple of element size');
      count = avail / dtype.itemsize;
    } else if (avail < count * dtype.itemsize) throw valueError(vm, 'buffer is smaller than requested size');
    const data =
      (t === T.ByteArray ? vm.table.ptr[buf] + vm.table.num[buf] : vm.table.addr[buf] + 32) + offset;
    const r = A.newArray(dtype, [count], { view: { data, base: buf } });
    const s = A.slot(r);
    if (t === T.ByteArray) A.t.flags[s] |= 2; // NPY_ARRAY_WRITEABLE: a bytearray's buffer is writable
    const arr = A.values.setData(s, count);
    if (arr) {
      const bytes = bufferBytes(vm, buf, offset, count * dtype.itemsize);
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      for (let i = 0; i < count; i++) arr[i] = readScalar(view, i * dtype.itemsize, dtype);
    }
    return r;
  }

  /**
   * PyArray_Where(condition, x, y): x and y as arrays (a number: a 0-d array), a buffered
   * 4-operand NpyIter (PyObject_Malloc, 976 bytes for 1-d), the result of the promoted dtype;
   * one argument: np.nonzero (a tuple of index arrays).
   */
  where(args: number[], kw: Kw, nonzero: (h: number) => number): number {
    const vm = this.vm;
    const A = this.arrays;
    const [condH, xH, yH] = parseArgs(this.vm, 'where', ['condition', 'x', 'y'], 1, args, kw);
    if (xH === undefined && yH === undefined) {
      const c = A.isArray(condH!) ? condH! : this.fromList.fromObject(condH!, null, false);
      try {
        return nonzero(c);
      } finally {
        if (c !== condH) vm.decref(c);
      }
    }
    if (xH === undefined || yH === undefined)
      throw valueError(vm, 'either both or neither of x and y should be given');
    const ops = [condH!, xH, yH].map((h) =>
      A.isArray(h) ? { h, temp: false } : { h: this.asArrayOrScalar(h), temp: true },
    );
    try {
      const [c, x, y] = ops.map((o) => o.h);
      let shape: number[] = [];
      for (const h of [c, x, y]) {
        const s = A.shape(h);
        const n = Math.max(shape.length, s.length);
        const out: number[] = [];
        for (let i = 0; i < n; i++) {
          const p = shape[shape.length - n + i] ?? 1;
          const q = s[s.length - n + i] ?? 1;
          if (p !== q && p !== 1 && q !== 1)
            throw valueError(vm, 'operands could not be broadcast together with shapes');
          out.push(p === 1 ? q : p);
        }
        shape = out;
      }
      const dtype = promote(A.dtype(x), A.dtype(y));
      const iterBytes =
        40 + 32 + 8 * 4 + 16 * 5 + 8 * 4 + 8 + 8 * 26 + 112 * 4 + 96 * Math.max(shape.length, 1);
      const iter = vm.mem.malloc(iterBytes);
      try {
        const r = A.newArray(dtype, shape);
        const cv = readBroadcast(A, c, shape);
        const xv = readBroadcast(A, x, shape);
        const yv = readBroadcast(A, y, shape);
        writeValues(A, r, (k) => (cv[k] ? xv[k] : yv[k]));
        A.writeAll(r);
        return r;
      } finally {
        vm.mem.free(iter);
      }
    } finally {
      for (const o of ops) if (o.temp) vm.decref(o.h);
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

/** A list's items (borrowed). */
function listItems(vm: Vm, l: number): number[] {
  return Array.from({ length: vm.table.n[l] }, (_, i) => listItem(vm, l, i));
}

/** The bytes of a bytes/bytearray object, copied out of the simulator's content. */
function bufferBytes(vm: Vm, h: number, offset: number, n: number): Uint8Array {
  const c = bytesContent(vm, h);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = byteAt(c, offset + i) & 0xff;
  return out;
}

function readScalar(v: DataView, o: number, d: DType): number {
  switch (d.name) {
    case 'float64':
      return v.getFloat64(o, true);
    case 'float32':
      return v.getFloat32(o, true);
    case 'int64':
      return Number(v.getBigInt64(o, true));
    case 'uint64':
      return Number(v.getBigUint64(o, true));
    case 'int32':
      return v.getInt32(o, true);
    case 'uint32':
      return v.getUint32(o, true);
    case 'int16':
      return v.getInt16(o, true);
    case 'uint16':
      return v.getUint16(o, true);
    case 'int8':
      return v.getInt8(o);
    default:
      return v.getUint8(o);
  }
}
