import { typeError } from '../python/abstract/errors';
import { fromDouble } from '../python/objects/float';
import type { Kwargs } from '../python/objects/types';
import { intArg, isNone, parseArgs } from './args';
import { FLOAT64 } from './dtypes';
import { formulaOf, valueAt, writeValues } from './elements';
import type { NumpyRuntime } from './module';
import { castValue } from './values';

/**
 * Rounding (calculation.c PyArray_Round of 1.24): integers with decimals ≥ 0 come back as they
 * are; decimals 0 is one rint call; otherwise the result array (PyArray_Empty; float64 for
 * integers), then 10**|decimals| as a Python float, then op1(a, f, out), rint(out, out),
 * op2(out, f, out) — multiply then divide for decimals > 0, the reverse below 0 — each a ufunc
 * call with its argument tuple; integers are cast back to their dtype at the end.
 */
export class Rounding {
  constructor(readonly rt: NumpyRuntime) {}

  private get vm() {
    return this.rt.vm;
  }

  round(a: number, decimals: number, out: number): number {
    const vm = this.vm;
    const A = this.rt.arrays;
    const U = this.rt.ufuncs;
    const d = A.dtype(a);
    const isInt = d.kind !== 'f';
    if (decimals >= 0 && isInt) {
      if (out) {
        this.rt.views.copyInto(out, a);
        vm.incref(out);
        return out;
      }
      vm.incref(a);
      return a;
    }
    if (decimals === 0) return U.unaryMath('rint', a, out);
    const [op1, op2] =
      decimals >= 0 ? (['multiply', 'true_divide'] as const) : (['true_divide', 'multiply'] as const);
    let target = out;
    if (target) vm.incref(target);
    else {
      target = A.newArray(isInt ? FLOAT64 : d, A.shape(a));
    }
    const f = fromDouble(vm, 10 ** Math.abs(decimals));
    let ret = 0;
    try {
      ret = U.call(op1, [a, f], target);
      vm.decref(U.unaryMath('rint', ret, ret));
      vm.decref(U.call(op2, [ret, f], ret));
    } catch (e) {
      if (ret) vm.decref(ret);
      throw e;
    } finally {
      vm.decref(f);
      vm.decref(target);
    }
    if (!isInt) return ret;
    // PyArray_CastToType(ret, a's dtype)
    try {
      const c = A.newArray(d, A.shape(ret));
      writeValues(A, c, (k) => castValue(d, valueAt(A, ret, k)), formulaOf(A, ret));
      A.writeAll(c);
      return c;
    } finally {
      vm.decref(ret);
    }
  }

  /** ndarray.round(decimals=0, out=None). */
  method(self: number, args: readonly number[], kw: Kwargs | null): number {
    const vm = this.vm;
    const [decH, outH] = parseArgs(vm, 'round', ['decimals', 'out'], 0, args, kw);
    const out = isNone(vm, outH) ? 0 : outH!;
    if (out && !this.rt.arrays.isArray(out)) throw typeError(vm, 'return arrays must be of ArrayType');
    const decimals = isNone(vm, decH) ? 0 : intArg(vm, decH!, 'decimals');
    return this.round(self, decimals, out);
  }

  /**
   * np.round / np.around / np.round_ (fromnumeric.around → a.round(decimals, out)); a list or a
   * Python number goes through asarray first and a 0-d result comes back as a scalar (_wrapit).
   */
  function(args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const A = this.rt.arrays;
    const [a, decH, outH] = parseArgs(vm, 'around', ['a', 'decimals', 'out'], 1, args, kw);
    const decimals = isNone(vm, decH) ? 0 : intArg(vm, decH!, 'decimals');
    const out = isNone(vm, outH) ? 0 : outH!;
    if (A.isArray(a!)) return this.round(a!, decimals, out);
    const scalarD = this.rt.scalars.dtypeOf(a!);
    const arr = scalarD ? this.zeroD(a!) : this.rt.ctors.asArrayOrScalar(a!);
    try {
      const r = this.round(arr, decimals, out);
      if (A.isArray(r) && A.nd(r) === 0 && r !== out) return this.rt.reductions.toScalar(r);
      return r;
    } finally {
      vm.decref(arr);
    }
  }

  /** A NumPy scalar's round(): PyArray_FromScalar (a 0-d array), ndarray.round, PyArray_Return. */
  scalarMethod(self: number, args: readonly number[], kw: Kwargs | null): number {
    const arr = this.zeroD(self);
    try {
      const r = this.method(arr, args, kw);
      if (r === arr) {
        this.vm.incref(self);
        this.vm.decref(r);
        return self;
      }
      const A = this.rt.arrays;
      return A.isArray(r) && A.nd(r) === 0 ? this.rt.reductions.toScalar(r) : r;
    } finally {
      this.vm.decref(arr);
    }
  }

  private zeroD(scalar: number): number {
    const A = this.rt.arrays;
    const d = this.rt.scalars.dtypeOf(scalar)!;
    const z = A.newArray(d, []);
    A.values.setConst(A.slot(z), this.rt.scalars.value(scalar));
    A.writeAll(z);
    return z;
  }
}
