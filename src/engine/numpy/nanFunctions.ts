import { valueError } from '../python/abstract/errors';
import { isTrue } from '../python/abstract/object';
import { NotSupported } from '../python/errors';
import { Meth, type Kwargs } from '../python/objects/types';
import { axisArg, boolArg, intArg, isNone, parseArgs } from './args';
import { BOOL, FLOAT32, FLOAT64, INT64, OBJECT, type DType } from './dtypes';
import { readBroadcast, requireValues, writeValues } from './elements';
import type { Methods } from './methods';
import type { NumpyRuntime } from './module';
import type { ReduceOp } from './reduce';

/** finfo(float64).max and finfo(float32).max: nan_to_num's posinf/neginf defaults. */
const FLOAT64_MAX = 1.7976931348623157e308;
const FLOAT32_MAX = 3.4028234663852886e38;

type Replaced = { arr: number; mask: number };

/**
 * numpy/lib/nanfunctions.py (1.24) and type_check.nan_to_num, run through the primitives their
 * Python code calls, so each call makes the arrays NumPy's does: `_replace_nan` = isnan(a) (a
 * bool array), a full copy of `a` (np.array(copy=True)), copyto(a, val, where=mask) (the value's
 * 0-d array); integer inputs have no NaNs and go straight to sum/mean/argmax on the input.
 * nanmax/nanmin of an ndarray are `np.fmax.reduce`/`fmin.reduce` (no copy at all).
 */
export class NanFunctions {
  constructor(
    readonly rt: NumpyRuntime,
    private readonly methods: Methods,
  ) {}

  private get vm() {
    return this.rt.vm;
  }

  /** The module's entries (METH_FASTCALL | METH_KEYWORDS: NumPy's Python functions). */
  table(): Record<string, { flags: number; fn: (args: number[], kw: Kwargs) => number }> {
    const FK = Meth.Fastcall | Meth.Keywords;
    return {
      nansum: { flags: FK, fn: (a, k) => this.sumOrProd('nansum', a, k) },
      nanprod: { flags: FK, fn: (a, k) => this.sumOrProd('nanprod', a, k) },
      nanmean: { flags: FK, fn: (a, k) => this.mean(a, k) },
      nanvar: { flags: FK, fn: (a, k) => this.variance('nanvar', a, k) },
      nanstd: { flags: FK, fn: (a, k) => this.variance('nanstd', a, k) },
      nanmax: { flags: FK, fn: (a, k) => this.extremum('nanmax', a, k) },
      nanmin: { flags: FK, fn: (a, k) => this.extremum('nanmin', a, k) },
      nanargmax: { flags: FK, fn: (a, k) => this.argExtremum('nanargmax', a, k) },
      nanargmin: { flags: FK, fn: (a, k) => this.argExtremum('nanargmin', a, k) },
      nan_to_num: { flags: FK, fn: (a, k) => this.nanToNum(a, k) },
    };
  }

  private asArray(h: number): number {
    if (this.rt.arrays.isArray(h)) {
      this.vm.incref(h);
      return h;
    }
    return this.rt.fromList.fromObject(h, null, false);
  }

  /** copyto(dst, v, where=mask): the value's 0-d array (PyArray_FromAny), then a masked write. */
  private copytoWhere(dst: number, v: number, mask: number): void {
    const A = this.rt.arrays;
    const z = this.rt.ctors.zeroD(FLOAT64, v);
    const shape = A.shape(dst);
    const old = readBroadcast(A, dst, shape);
    // a 0-d input's isnan/isinf is a NumPy bool scalar (PyArray_Return), not an array
    const m = A.isArray(mask) ? readBroadcast(A, mask, shape) : [isTrue(this.vm, mask) ? 1 : 0];
    writeValues(A, dst, (k) => (m[k] ? v : old[k]));
    A.writeAll(dst);
    this.vm.decref(z);
  }

  /** _replace_nan(a, val): mask is 0 for a non-float dtype (then arr is asanyarray(a) itself). */
  private replaceNan(h: number, val: number): Replaced {
    const A = this.rt.arrays;
    const a = this.asArray(h);
    const d = A.dtype(a);
    if (d === OBJECT) {
      this.vm.decref(a);
      throw new NotSupported('np.nan* functions of object arrays');
    }
    requireValues(A, a, 'np.nan* functions');
    if (d.kind !== 'f') return { arr: a, mask: 0 };
    const mask = this.rt.ufuncs.unaryMath('isnan', a, 0);
    const arr = this.rt.views.copy(a, 'K');
    this.vm.decref(a);
    this.copytoWhere(arr, val, mask);
    return { arr, mask };
  }

  private release(r: Replaced): void {
    this.vm.decref(r.arr);
    if (r.mask) this.vm.decref(r.mask);
  }

  /** The keyword arguments NumPy's Python code forwards (only those the caller gave). */
  private kwargs(given: Record<string, number | undefined>): Kwargs {
    const kw: Kwargs = new Map();
    for (const [k, v] of Object.entries(given)) if (v !== undefined) kw.set(k, v);
    return kw;
  }

  private dtypeOpt(h: number | undefined): DType | null {
    return isNone(this.vm, h) ? null : this.rt.dtypes.convert(h, null);
  }

  /** nansum / nanprod: _replace_nan(a, 0 or 1), then np.sum / np.prod of the copy. */
  sumOrProd(name: 'nansum' | 'nanprod', args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const [aH, axisH, dtH, outH, keepH] = parseArgs(
      vm,
      name,
      ['a', 'axis', 'dtype', 'out', 'keepdims', 'initial', 'where'],
      1,
      args,
      kw,
    );
    if (!isNone(vm, outH)) throw new NotSupported(`np.${name}(out=)`);
    const r = this.replaceNan(aH!, name === 'nansum' ? 0 : 1);
    try {
      const op: ReduceOp = name === 'nansum' ? 'add' : 'multiply';
      return this.rt.reductions.reduce(
        op,
        r.arr,
        axisArg(vm, axisH),
        this.dtypeOpt(dtH),
        boolArg(vm, keepH, false),
      );
    } finally {
      this.release(r);
    }
  }

  /**
   * _divide_by_count(a, b): an array in place (np.divide(a, b, out=a, casting='unsafe')); a
   * scalar as a.dtype.type(a / b).
   */
  private divideByCount(tot: number, cnt: number): number {
    const vm = this.vm;
    const A = this.rt.arrays;
    if (A.isArray(tot)) {
      vm.decref(this.rt.ufuncs.call('true_divide', [tot, cnt], tot));
      return tot;
    }
    const S = this.rt.scalars;
    const d = S.dtypeOf(tot)!;
    const q = vm.table.num[tot] / vm.table.num[cnt];
    const r = S.make(d === FLOAT32 ? FLOAT32 : FLOAT64, d === FLOAT32 ? Math.fround(q) : q);
    vm.decref(tot);
    return r;
  }

  /** cnt = np.sum(~mask, axis, dtype=intp, keepdims): the ~mask temporary, then its sum. */
  private countNotNan(mask: number, axis: number | null, keep: boolean): number {
    const notMask = this.rt.ufuncs.unaryMath('logical_not', mask, 0);
    try {
      return this.reduce('add', notMask, axis, INT64, keep);
    } finally {
      this.vm.decref(notMask);
    }
  }

  /** np.sum & co (_wrapreduction) of an array or a NumPy scalar (asarray'd: a 0-d array). */
  private reduce(op: ReduceOp, h: number, axis: number | null, dtype: DType | null, keep = false): number {
    const a = this.asArray(h);
    try {
      return this.rt.reductions.reduce(op, a, axis, dtype, keep);
    } finally {
      this.vm.decref(a);
    }
  }

  /** x.any() of an array or a NumPy scalar (gentype_any: the scalar as a 0-d array first). */
  private any(h: number): boolean {
    const r = this.reduce('logical_or', h, null, null);
    const v = isTrue(this.vm, r);
    this.vm.decref(r);
    return v;
  }

  /** (cnt == 0).any(): an array compares elementwise; a scalar by scalar math (a bool singleton). */
  private anyZero(cnt: number): boolean {
    const vm = this.vm;
    if (!this.rt.arrays.isArray(cnt))
      return this.any(this.rt.scalars.make(BOOL, vm.table.num[cnt] === 0 ? 1 : 0));
    const zero = this.rt.scalars.make(INT64, 0);
    const bad = this.rt.ufuncs.call('equal', [cnt, zero], 0);
    vm.decref(zero);
    try {
      return this.any(bad);
    } finally {
      vm.decref(bad);
    }
  }

  /** nanmean: mean of the non-NaN items (np.mean for integers); NaN (and a warning) for an all-NaN slice. */
  mean(args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const [aH, axisH, dtH, outH, keepH] = parseArgs(
      vm,
      'nanmean',
      ['a', 'axis', 'dtype', 'out', 'keepdims', 'where'],
      1,
      args,
      kw,
    );
    if (!isNone(vm, outH)) throw new NotSupported('np.nanmean(out=)');
    const r = this.replaceNan(aH!, 0);
    try {
      if (!r.mask) {
        return this.methods.mean(r.arr, [], this.kwargs({ axis: axisH, dtype: dtH, keepdims: keepH }), false);
      }
      const axis = this.rt.reductions.axis(axisArg(vm, axisH), this.rt.arrays.nd(r.arr));
      const keep = boolArg(vm, keepH, false);
      const cnt = this.countNotNan(r.mask, axis, keep);
      try {
        const tot = this.rt.reductions.reduce('add', r.arr, axis, this.dtypeOpt(dtH), keep);
        const avg = this.divideByCount(tot, cnt);
        // isbad = (cnt == 0); if isbad.any(): the "Mean of empty slice" warning
        this.anyZero(cnt);
        return avg;
      } finally {
        vm.decref(cnt);
      }
    } finally {
      this.release(r);
    }
  }

  /**
   * nanvar / nanstd: cnt and the sum with keepdims=True, avg = sum / cnt in place, arr −= avg
   * in place, the NaN slots zeroed again, arr *= arr in place, var = sum / (cnt − ddof); std =
   * sqrt(var). Integers: np.var / np.std.
   */
  variance(which: 'nanvar' | 'nanstd', args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const A = this.rt.arrays;
    const U = this.rt.ufuncs;
    const [aH, axisH, dtH, outH, ddofH, keepH] = parseArgs(
      vm,
      which,
      ['a', 'axis', 'dtype', 'out', 'ddof', 'keepdims', 'where'],
      1,
      args,
      kw,
    );
    if (!isNone(vm, outH)) throw new NotSupported(`np.${which}(out=)`);
    const ddof = isNone(vm, ddofH) ? 0 : intArg(vm, ddofH!, 'ddof');
    const r = this.replaceNan(aH!, 0);
    try {
      if (!r.mask) {
        const kwd = this.kwargs({ axis: axisH, dtype: dtH, ddof: ddofH, keepdims: keepH });
        return this.methods.variance(which === 'nanvar' ? 'var' : 'std', r.arr, [], kwd);
      }
      const axis = this.rt.reductions.axis(axisArg(vm, axisH), A.nd(r.arr));
      const keep = boolArg(vm, keepH, false);
      const dtype = this.dtypeOpt(dtH);
      let cnt = this.countNotNan(r.mask, axis, true);
      try {
        const avg = this.divideByCount(this.rt.reductions.reduce('add', r.arr, axis, dtype, true), cnt);
        try {
          vm.decref(U.call('subtract', [r.arr, avg], r.arr));
        } finally {
          vm.decref(avg);
        }
        this.copytoWhere(r.arr, 0, r.mask);
        vm.decref(U.call('multiply', [r.arr, r.arr], r.arr));
        let v = this.rt.reductions.reduce('add', r.arr, axis, dtype, keep);
        if (!keep) {
          // var.ndim < cnt.ndim: cnt = cnt.squeeze(axis)
          const sq = this.rt.layout.squeeze(cnt, axisH);
          vm.decref(cnt);
          cnt = sq;
        }
        const ddofInt = this.rt.scalars.make(INT64, ddof);
        const dof = U.call('subtract', [cnt, ddofInt], 0);
        vm.decref(ddofInt);
        try {
          v = this.divideByCount(v, dof);
        } finally {
          vm.decref(dof);
        }
        if (which === 'nanstd') {
          if (A.isArray(v)) vm.decref(U.unaryMath('sqrt', v, v));
          else {
            const S = this.rt.scalars;
            const d = S.dtypeOf(v)!;
            const s = S.make(
              d,
              d === FLOAT32 ? Math.fround(Math.sqrt(vm.table.num[v])) : Math.sqrt(vm.table.num[v]),
            );
            vm.decref(v);
            v = s;
          }
        }
        return v;
      } finally {
        vm.decref(cnt);
      }
    } finally {
      this.release(r);
    }
  }

  /** nanmax / nanmin of an ndarray: np.fmax.reduce / np.fmin.reduce (NaN only for an all-NaN slice). */
  extremum(name: 'nanmax' | 'nanmin', args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const [aH, axisH, outH, keepH] = parseArgs(
      vm,
      name,
      ['a', 'axis', 'out', 'keepdims', 'initial', 'where'],
      1,
      args,
      kw,
    );
    if (!isNone(vm, outH)) throw new NotSupported(`np.${name}(out=)`);
    const a = this.asArray(aH!);
    try {
      if (this.rt.arrays.dtype(a) === OBJECT) throw new NotSupported(`np.${name} of object arrays`);
      const op: ReduceOp = name === 'nanmax' ? 'fmax' : 'fmin';
      const res = this.rt.reductions.reduce(op, a, axisArg(vm, axisH), null, boolArg(vm, keepH, false));
      // if np.isnan(res).any(): the "All-NaN slice encountered" warning
      const nan = this.rt.ufuncs.unaryMath('isnan', res, 0);
      this.any(nan);
      vm.decref(nan);
      return res;
    } finally {
      vm.decref(a);
    }
  }

  /**
   * nanargmax / nanargmin: _replace_nan(a, ∓inf), mask = np.all(mask, axis); any all-NaN slice
   * is NumPy's ValueError; then np.argmax / argmin of the copy.
   */
  argExtremum(name: 'nanargmax' | 'nanargmin', args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const [aH, axisH, outH] = parseArgs(vm, name, ['a', 'axis', 'out', 'keepdims'], 1, args, kw);
    if (!isNone(vm, outH)) throw new NotSupported(`np.${name}(out=)`);
    const r = this.replaceNan(aH!, name === 'nanargmax' ? -Infinity : Infinity);
    try {
      const axis = axisArg(vm, axisH);
      if (r.mask) {
        const all = this.reduce('logical_and', r.mask, axis, null);
        const anyAll = this.rt.arrays.isArray(all)
          ? this.rt.reductions.reduce('logical_or', all, null, null)
          : (vm.incref(all), all);
        const bad = isTrue(vm, anyAll);
        vm.decref(anyAll);
        vm.decref(all);
        if (bad) throw valueError(vm, 'All-NaN slice encountered');
      }
      return this.rt.reductions.argextreme(name === 'nanargmax' ? 'argmax' : 'argmin', r.arr, axis);
    } finally {
      this.release(r);
    }
  }

  /**
   * nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None): x = array(x, copy=copy); for
   * floats idx_nan = isnan(x), isposinf(x) (isinf, ~signbit, logical_and), isneginf(x) (isinf,
   * signbit, logical_and), three copyto(where=); a 0-d result comes back as x[()].
   */
  nanToNum(args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const A = this.rt.arrays;
    const U = this.rt.ufuncs;
    const [xH, copyH, nanH, posH, negH] = parseArgs(
      vm,
      'nan_to_num',
      ['x', 'copy', 'nan', 'posinf', 'neginf'],
      1,
      args,
      kw,
    );
    const copy = boolArg(vm, copyH, true);
    const num = (h: number | undefined, dflt: number): number =>
      isNone(vm, h) ? dflt : this.rt.ctors.numberArg(h!, 'np.nan_to_num with a non-number').v;
    const x = A.isArray(xH!)
      ? copy
        ? this.rt.views.copy(xH!, 'K')
        : (vm.incref(xH!), xH!)
      : this.asArray(xH!);
    const d = A.dtype(x);
    if (d === OBJECT) {
      vm.decref(x);
      throw new NotSupported('np.nan_to_num of object arrays');
    }
    if (d.kind === 'f') {
      requireValues(A, x, 'np.nan_to_num');
      const big = d === FLOAT32 ? FLOAT32_MAX : FLOAT64_MAX;
      const nanV = num(nanH, 0);
      const posV = num(posH, big);
      const negV = num(negH, -big);
      const idxNan = U.unaryMath('isnan', x, 0);
      const signedInf = (positive: boolean): number => {
        const isInf = U.unaryMath('isinf', x, 0);
        let sign = U.unaryMath('signbit', x, 0);
        if (positive) {
          const inv = U.unaryMath('logical_not', sign, 0);
          vm.decref(sign);
          sign = inv;
        }
        const r = U.call('logical_and', [isInf, sign], 0);
        vm.decref(isInf);
        vm.decref(sign);
        return r;
      };
      const idxPos = signedInf(true);
      const idxNeg = signedInf(false);
      this.copytoWhere(x, nanV, idxNan);
      this.copytoWhere(x, posV, idxPos);
      this.copytoWhere(x, negV, idxNeg);
      vm.decref(idxNeg);
      vm.decref(idxPos);
      vm.decref(idxNan);
    }
    if (A.nd(x) === 0) return this.rt.reductions.toScalar(x);
    return x;
  }
}
