import { indexError, typeError, valueError } from '../python/abstract/errors';
import { NotSupported } from '../python/errors';
import { fromDouble } from '../python/objects/float';
import { fromLong } from '../python/objects/int';
import { rowTuple } from './voidItems';
import { nestedLists } from './tolist';
import { strValue } from '../python/objects/str';
import { tupleFromItems } from '../python/objects/tuple';
import { T, type Kwargs } from '../python/objects/types';
import type { MatrixProducts } from './matmul';
import type { ShapeFunctions } from './shapeFunctions';
import type { Builders } from './builders';
import type { Layout } from './layout';
import type { Rounding } from './round';
import type { Vm } from '../python/runtime/vm';
import { axisArg, boolArg, intArg, isInt, isNone, parseArgs, sequenceItems } from './args';
import { FLOAT32, FLOAT64, INT64, OBJECT, isStringKind, type DType } from './dtypes';
import { textsToList } from './strings';
import { astypeObject, objectToList } from './objects';
import { astypeText, castsToText } from './astypeText';
import { itemHandles, storeItems } from './objectItems';
import type { DTypeObjects } from './dtypeType';
import { formulaOf, readBroadcast, requireValues, valueAt, writeValues } from './elements';
import type { Arrays } from './ndarray';
import { reduceDtype, type Reductions } from './reduce';
import type { Scalars } from './scalars';
import type { Sorting } from './sort';
import type { Ufuncs } from './ufunc';
import type { Views } from './views';

/** What the methods need from the runtime. */
export interface MethodContext {
  vm: Vm;
  arrays: Arrays;
  views: Views;
  ufuncs: Ufuncs;
  reductions: Reductions;
  sorting: Sorting;
  scalars: Scalars;
  dtypes: DTypeObjects;
  /** set by the runtime; absent in contexts that only compute (functions.ts's Methods) */
  layout?: Layout;
  rounding?: Rounding;
  products?: MatrixProducts;
  shapes?: ShapeFunctions;
  builders?: Builders;
  /** ndarray.clip (clip.ts). */
  clip?: (self: number, args: readonly number[], kw: Kwargs | null) => number;
}

/**
 * ndarray's computing methods (methods.c, calculation.c and numpy/core/_methods.py of 1.24.2):
 * sum, prod, mean, min, max, std, var, any, all, cumsum, argmax, argmin, astype, tolist, item,
 * fill, sort, argsort. The reductions forward to _methods.py (a tuple of self and the arguments,
 * made and dropped) and end in ufunc.reduce; mean, var and std are computed as _methods.py
 * computes them (the sum, then a true_divide; for var: arr - mean, squared in place, summed,
 * divided), so their temporaries (a full-size array for var and std) are allocated as in NumPy.
 */
/**
 * The Methods of a context that only computes (no layout, rounding, products…: functions.ts's and
 * quantiles.ts's reductions and sorts), over the runtime's parts.
 */
export function computeMethods(rt: MethodContext): Methods {
  const { vm, arrays, views, ufuncs, reductions, sorting, scalars, dtypes } = rt;
  return new Methods({ vm, arrays, views, ufuncs, reductions, sorting, scalars, dtypes });
}

export class Methods {
  constructor(readonly c: MethodContext) {}

  private dtypeOpt(h: number | undefined): DType | null {
    return isNone(this.c.vm, h) ? null : this.c.dtypes.convert(h, null);
  }

  /** sum / prod / max / min / any / all: _methods._sum & co. → umr_sum(a, axis, dtype, out, keepdims). */
  reduce(
    name: 'sum' | 'prod' | 'max' | 'min' | 'any' | 'all',
    self: number,
    args: readonly number[],
    kw: Kwargs | null,
  ): number {
    const vm = this.c.vm;
    const fwd = this.c.reductions.forward(self, args);
    try {
      const [axisH, dtH, outH, keepH] = parseArgs(
        vm,
        name,
        ['axis', 'dtype', 'out', 'keepdims', 'initial', 'where'],
        0,
        args,
        kw,
      );
      if (!isNone(vm, outH)) throw new NotSupported(`ndarray.${name}(out=)`);
      const op = (
        {
          sum: 'add',
          prod: 'multiply',
          max: 'maximum',
          min: 'minimum',
          any: 'logical_or',
          all: 'logical_and',
        } as const
      )[name];
      const dtype = name === 'max' || name === 'min' ? null : this.dtypeOpt(dtH);
      return this.c.reductions.reduce(op, self, axisArg(vm, axisH), dtype, boolArg(vm, keepH, false));
    } finally {
      vm.decref(fwd);
    }
  }

  /**
   * _methods._mean: the sum (in float64 for integer and bool arrays), then divided by the count:
   * an array result in place (true_divide with out=), a scalar through scalar math and the
   * result type's constructor.
   */
  mean(self: number, args: readonly number[], kw: Kwargs | null, forward = true): number {
    const vm = this.c.vm;
    const fwd = forward ? this.c.reductions.forward(self, args) : 0;
    try {
      return this.meanOf(self, args, kw);
    } finally {
      if (fwd) vm.decref(fwd);
    }
  }

  private meanOf(self: number, args: readonly number[], kw: Kwargs | null): number {
    const vm = this.c.vm;
    const A = this.c.arrays;
    const [axisH, dtH, outH, keepH] = parseArgs(
      vm,
      'mean',
      ['axis', 'dtype', 'out', 'keepdims', 'where'],
      0,
      args,
      kw,
    );
    if (!isNone(vm, outH)) throw new NotSupported('ndarray.mean(out=)');
    const src = A.dtype(self);
    const dtype = this.dtypeOpt(dtH) ?? (src.kind === 'f' ? src : FLOAT64);
    const axis = this.c.reductions.axis(axisArg(vm, axisH), A.nd(self));
    const count = axis === null ? A.size(self) : A.shape(self)[axis];
    // _count_reduce_items: items = nt.intp(items)
    const rcount = this.c.scalars.zeroD!(INT64, count);
    try {
      const sum = this.c.reductions.reduce('add', self, axis, dtype, boolArg(vm, keepH, false));
      return this.divide(sum, count, dtype);
    } finally {
      vm.decref(rcount);
    }
  }

  /** ret / rcount as _methods.py does it: in place for an array, scalar math for a scalar. */
  private divide(ret: number, count: number, dtype: DType): number {
    const vm = this.c.vm;
    const A = this.c.arrays;
    if (A.isArray(ret)) {
      const n = fromLong(vm, count);
      try {
        const r = this.c.ufuncs.call('true_divide', [ret, n], ret);
        vm.decref(r);
      } finally {
        vm.decref(n);
      }
      return ret;
    }
    const q = this.c.scalars.make(dtype === FLOAT32 ? FLOAT32 : FLOAT64, vm.table.num[ret] / count);
    vm.decref(ret);
    // ret.dtype.type(ret / rcount)
    const r = this.c.scalars.make(this.c.scalars.dtypeOf(q)!, vm.table.num[q]);
    vm.decref(q);
    return r;
  }

  /**
   * _methods._var (and _std = sqrt of it): arrmean = umr_sum(arr, axis, dtype, keepdims=True),
   * divided in place; x = asanyarray(arr - arrmean) (a full-size temporary); x *= x in place;
   * ret = umr_sum(x, axis, dtype) / (count − ddof).
   */
  variance(which: 'var' | 'std', self: number, args: readonly number[], kw: Kwargs | null): number {
    const vm = this.c.vm;
    const fwd = this.c.reductions.forward(self, args);
    try {
      return this.varianceOf(which, self, args, kw);
    } finally {
      vm.decref(fwd);
    }
  }

  private varianceOf(which: 'var' | 'std', self: number, args: readonly number[], kw: Kwargs | null): number {
    const vm = this.c.vm;
    const A = this.c.arrays;
    const [axisH, dtH, outH, ddofH, keepH] = parseArgs(
      vm,
      which,
      ['axis', 'dtype', 'out', 'ddof', 'keepdims', 'where'],
      0,
      args,
      kw,
    );
    if (!isNone(vm, outH)) throw new NotSupported(`ndarray.${which}(out=)`);
    const ddof = isNone(vm, ddofH) ? 0 : intArg(vm, ddofH!, 'ddof');
    const src = A.dtype(self);
    const dtype = this.dtypeOpt(dtH) ?? (src.kind === 'f' ? src : FLOAT64);
    const axis = this.c.reductions.axis(axisArg(vm, axisH), A.nd(self));
    const count = axis === null ? A.size(self) : A.shape(self)[axis];
    const keep = boolArg(vm, keepH, false);
    // _count_reduce_items: items = nt.intp(items)
    const rc = this.c.scalars.zeroD!(INT64, count);
    vm.decref(rc);
    const arrmean = this.c.reductions.reduce('add', self, axis, dtype, true);
    const n = fromLong(vm, count);
    let x = 0;
    try {
      vm.decref(this.c.ufuncs.call('true_divide', [arrmean, n], arrmean));
      x = this.c.ufuncs.call('subtract', [self, arrmean], 0);
      vm.decref(this.c.ufuncs.call('multiply', [x, x], x));
      const ret = this.c.reductions.reduce('add', x, axis, dtype, keep);
      const rcount = Math.max(count - ddof, 0);
      let r = this.divide(ret, rcount, dtype);
      if (which === 'std') {
        if (A.isArray(r)) {
          const s = this.c.ufuncs.unaryMath('sqrt', r, r);
          vm.decref(s);
        } else {
          const s = this.c.scalars.make(this.c.scalars.dtypeOf(r)!, Math.sqrt(vm.table.num[r]));
          vm.decref(r);
          r = s;
        }
      }
      return r;
    } finally {
      if (x) vm.decref(x);
      vm.decref(n);
      vm.decref(arrmean);
    }
  }

  /** array_argmax / array_argmin (PyArray_ArgMax): no forwarding to Python. */
  argExtreme(which: 'argmax' | 'argmin', self: number, args: readonly number[], kw: Kwargs | null): number {
    const vm = this.c.vm;
    const [axisH, outH] = parseArgs(vm, which, ['axis', 'out', 'keepdims'], 0, args, kw);
    if (!isNone(vm, outH)) throw new NotSupported(`ndarray.${which}(out=)`);
    return this.c.reductions.argextreme(which, self, axisArg(vm, axisH));
  }

  /** array_cumsum → PyArray_CumSum → add.accumulate (flattened for axis=None). */
  cumsum(self: number, args: readonly number[], kw: Kwargs | null, op: 'add' | 'multiply' = 'add'): number {
    const vm = this.c.vm;
    const [axisH, dtH, outH] = parseArgs(
      vm,
      op === 'add' ? 'cumsum' : 'cumprod',
      ['axis', 'dtype', 'out'],
      0,
      args,
      kw,
    );
    if (!isNone(vm, outH)) throw new NotSupported('ndarray.cumsum(out=)');
    const dt = this.dtypeOpt(dtH);
    return this.c.reductions.accumulate(
      op,
      self,
      axisArg(vm, axisH),
      dt ?? reduceDtype(op, this.c.arrays.dtype(self)),
    );
  }

  /**
   * array_astype: the same dtype with copy=False is the array itself; otherwise a new array in
   * the source's layout (order 'K'), every element cast and written.
   */
  astype(self: number, args: readonly number[], kw: Kwargs | null): number {
    const vm = this.c.vm;
    const A = this.c.arrays;
    const [dtH, orderH, castingH, subokH, copyH] = parseArgs(
      vm,
      'astype',
      ['dtype', 'order', 'casting', 'subok', 'copy'],
      1,
      args,
      kw,
    );
    void orderH;
    void subokH;
    if (!isNone(vm, castingH) && strValue(vm, castingH!) !== 'unsafe')
      throw new NotSupported('astype(casting=...)');
    const d = this.c.dtypes.convert(dtH, null);
    const copy = boolArg(vm, copyH, true);
    if (!copy && d === A.dtype(self)) {
      vm.incref(self);
      return self;
    }
    if (d === OBJECT && A.dtype(self) !== OBJECT) return astypeObject(A, self, d);
    if (castsToText(A.dtype(self), d)) return astypeText(this.c, self, d);
    if (A.dtype(self) === OBJECT && d !== OBJECT)
      throw new NotSupported('astype from dtype=object to a numeric dtype');
    if (d === OBJECT) {
      const c = A.newArray(d, A.shape(self));
      const items = itemHandles(A, self);
      storeItems(A, c, (k) => items[k] || vm.s.None);
      return c;
    }
    const shape = A.shape(self);
    // PyArray_CastToType → PyArray_NewLikeArray with subok: a subclass's astype keeps its type
    const c = A.newArray(d, shape, A.isExact(self) ? {} : { subtype: vm.table.type[self], finalizeFrom: self });
    if (shape.length > 1 && A.fContiguous(self) && !A.cContiguous(self)) {
      const strides: number[] = [];
      let acc = d.itemsize;
      for (const n of shape) {
        strides.push(acc);
        acc *= Math.max(n, 1);
      }
      A.t.setShape(A.slot(c), shape, strides);
    }
    writeValues(A, c, (k) => valueAt(A, self, k), formulaOf(A, self));
    A.writeAll(c);
    return c;
  }

  /**
   * array_tolist → PyArray_ToList: nested lists (PyList_New(n): the object and a PyMem_Calloc'd
   * item array) of Python objects (PyArray_GETITEM: ints, floats, bools; small ints cached).
   */
  tolist(self: number): number {
    const vm = this.c.vm;
    const A = this.c.arrays;
    if (A.dtype(self) === OBJECT) return objectToList(A, self);
    if (isStringKind(A.dtype(self))) return textsToList(A, self);
    requireValues(A, self, 'ndarray.tolist()');
    const shape = A.shape(self);
    const d = A.dtype(self);
    const vals = readBroadcast(A, self, shape);
    if (d.kind === 'V') return nestedLists(vm, shape, (k) => rowTuple(A, this.c.scalars, d, vals[k]));
    return nestedLists(vm, shape, (k) => this.c.scalars.toPython(d, vals[k]));
  }

  /** array_item: one element as a Python object (no argument: the array must have one element). */
  item(self: number, args: readonly number[]): number {
    const vm = this.c.vm;
    const A = this.c.arrays;
    const n = A.size(self);
    let k: number;
    if (args.length === 0) {
      if (n !== 1) throw valueError(vm, 'can only convert an array of size 1 to a Python scalar');
      k = 0;
    } else if (args.length === 1 && isInt(vm, args[0])) {
      k = intArg(vm, args[0], 'index');
      if (k < 0) k += n;
      if (k < 0 || k >= n)
        throw this.indexError(`index ${intArg(vm, args[0], 'index')} is out of bounds for size ${n}`);
    } else {
      const idx = args.length === 1 ? sequenceItems(vm, args[0]) : [...args];
      if (idx === null) throw typeError(vm, 'an integer is required');
      const shape = A.shape(self);
      if (idx.length !== shape.length) throw valueError(vm, 'incorrect number of indices for array');
      k = 0;
      idx.forEach((h, ax) => {
        let i = intArg(vm, h, 'index');
        if (i < 0) i += shape[ax];
        if (i < 0 || i >= shape[ax])
          throw this.indexError(
            `index ${intArg(vm, h, 'index')} is out of bounds for axis ${ax} with size ${shape[ax]}`,
          );
        k = k * shape[ax] + i;
      });
    }
    if (A.dtype(self) === OBJECT) {
      const o = itemHandles(A, self)[k] || vm.s.None;
      vm.incref(o);
      return o;
    }
    requireValues(A, self, 'ndarray.item()');
    return this.c.scalars.toPython(A.dtype(self), valueAt(A, self, k));
  }

  private indexError(msg: string) {
    return indexError(this.c.vm, msg);
  }

  /** array_fill: every element set to the value (PyArray_FillWithScalar), written. */
  fill(self: number, args: readonly number[]): number {
    const vm = this.c.vm;
    const A = this.c.arrays;
    if (args.length !== 1) throw typeError(vm, 'fill() takes exactly one argument (%zd given)', args.length);
    if (A.dtype(self) === OBJECT) {
      // PyArray_FillWithScalar: the same object in every element, one reference each
      storeItems(A, self, () => args[0]);
      vm.incref(vm.s.None);
      return vm.s.None;
    }
    const v = this.c.views.numberOf(args[0]);
    if (v === null) throw new NotSupported('ndarray.fill with that value');
    writeValues(
      A,
      self,
      () => v,
      () => v,
      0,
    );
    A.writeAll(self);
    vm.incref(vm.s.None);
    return vm.s.None;
  }

  /** A Python float for a number (for messages and mean's division). */
  static float(vm: Vm, v: number): number {
    return fromDouble(vm, v);
  }

  /** The tuple of ints for shape/strides (a new tuple of new ints; () for 0-d). */
  static intTuple(vm: Vm, xs: readonly number[]): number {
    if (xs.length === 0) {
      vm.incref(vm.s.emptyTuple);
      return vm.s.emptyTuple;
    }
    return tupleFromItems(
      vm,
      xs.map((d) => fromLong(vm, d)),
    );
  }

  /** The dtype argument of a method as a JS type (T.Str names accepted). */
  static isStr(vm: Vm, h: number): boolean {
    return vm.table.type[h] === T.Str;
  }
}
