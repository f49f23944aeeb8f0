import { valueError } from '../python/abstract/errors';
import { NotSupported, PyError } from '../python/errors';
import { fromLong } from '../python/objects/int';
import type { Kwargs } from '../python/objects/types';
import { rawMalloc } from './alloc';
import { boolArg, intArg, isNone, parseArgs } from './args';
import { BOOL, FLOAT64, INT64 } from './dtypes';
import { readBroadcast, requireValues, valueAt, writeValues } from './elements';
import type { NumpyRuntime } from './module';
import { castValue } from './values';

/** sizeof(PyArrayIterObject) (PyArray_IterNew: PyArray_malloc), as sort.ts measured it. */
const ITER_OBJECT_BYTES = 2632;

/**
 * np.diff (function_base.py), np.eye / np.identity (twodim_base.py / numeric.py) and
 * np.count_nonzero (PyArray_CountNonzero), through the primitives their code uses.
 */
export class NumericFunctions {
  constructor(readonly rt: NumpyRuntime) {}

  private get vm() {
    return this.rt.vm;
  }

  /**
   * diff(a, n=1, axis=-1): a = asanyarray(a); n times a = subtract(a[slice1], a[slice2]) (two
   * views, then the ufunc; not_equal for booleans), each round's input dropped after it.
   */
  diff(args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const A = this.rt.arrays;
    const [aH, nH, axisH] = parseArgs(vm, 'diff', ['a', 'n', 'axis', 'prepend', 'append'], 1, args, kw);
    const n = isNone(vm, nH) ? 1 : intArg(vm, nH!, 'n');
    if (n < 0) throw valueError(vm, 'order must be non-negative but got %d', n);
    let a = A.isArray(aH!) ? (vm.incref(aH!), aH!) : this.rt.fromList.fromObject(aH!, null, false);
    try {
      const nd = A.nd(a);
      if (nd === 0) throw valueError(vm, 'diff requires input that is at least one dimensional');
      const ax0 = isNone(vm, axisH) ? -1 : intArg(vm, axisH!, 'axis');
      const axis = ax0 < 0 ? ax0 + nd : ax0;
      if (axis < 0 || axis >= nd) throw this.rt.errors.axis(ax0, nd);
      for (let round = 0; round < n; round++) {
        const shape = A.shape(a);
        const strides = A.strides(a);
        const len = Math.max(shape[axis] - 1, 0);
        const part = (offset: number): number =>
          A.newArray(
            A.dtype(a),
            shape.map((d, i) => (i === axis ? len : d)),
            { view: { data: A.data(a) + (len > 0 ? offset * strides[axis] : 0), base: a, strides } },
          );
        const hi = part(1);
        const lo = part(0);
        let r: number;
        try {
          r = this.rt.ufuncs.call(A.dtype(a) === BOOL ? 'not_equal' : 'subtract', [hi, lo], 0);
        } finally {
          vm.decref(hi);
          vm.decref(lo);
        }
        vm.decref(a);
        a = r;
      }
      const out = a;
      a = 0;
      return out;
    } finally {
      if (a) vm.decref(a);
    }
  }

  /**
   * eye(N, M=None, k=0, dtype=float): m = zeros((N, M)); then m[:M-k].flat[i::M+1] = 1 — a view,
   * a flat iterator (PyArray_IterNew), the 1 as a 0-d array, the diagonal written.
   */
  eye(args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const A = this.rt.arrays;
    const [nH, mH, kH, dtH] = parseArgs(vm, 'eye', ['N', 'M', 'k', 'dtype', 'order', 'like'], 1, args, kw);
    const N = intArg(vm, nH!, 'N');
    const M = isNone(vm, mH) ? N : intArg(vm, mH!, 'M');
    const k = isNone(vm, kH) ? 0 : intArg(vm, kH!, 'k');
    if (N < 0 || M < 0) throw valueError(vm, 'negative dimensions are not allowed');
    const d = isNone(vm, dtH) ? FLOAT64 : this.rt.dtypes.convert(dtH, FLOAT64);
    const m = A.newArray(d, [N, M], { zeroed: true });
    if (k >= M) return m;
    const rows = Math.max(0, Math.min(N, M - k));
    const view = A.newArray(d, [rows, M], { view: { data: A.data(m), base: m } });
    const libc = A.alloc.libc;
    const iterObject = (): number => {
      const p = rawMalloc(libc, ITER_OBJECT_BYTES);
      if (p === 0) throw new PyError('MemoryError', '');
      vm.mem.touch(p, 64);
      return p;
    };
    try {
      // the flat iterator holds the view; flatiter[i::M+1] = 1 converts the 1 (a 0-d array) and
      // walks it with an iterator of its own
      const flat = iterObject();
      const one = A.newArray(d, []);
      A.values.setConst(A.slot(one), 1);
      A.writeAll(one);
      libc.free(iterObject());
      const start = k >= 0 ? k : -k * M;
      writeValues(A, m, (idx) => (idx < rows * M && idx >= start && (idx - start) % (M + 1) === 0 ? 1 : 0));
      for (let idx = start; idx < rows * M; idx += M + 1)
        A.alloc.write(A.data(m) + idx * d.itemsize, d.itemsize);
      vm.decref(one);
      // arrayiter_dealloc: the view first, then the iterator's memory
      vm.decref(view);
      libc.free(flat);
    } catch (e) {
      vm.decref(m);
      throw e;
    }
    return m;
  }

  /** identity(n, dtype=None): eye(n, dtype=dtype). */
  identity(args: number[], kw: Kwargs): number {
    const [nH, dtH] = parseArgs(this.vm, 'identity', ['n', 'dtype', 'like'], 1, args, kw);
    const k: Kwargs = new Map();
    if (dtH !== undefined) k.set('dtype', dtH);
    return this.eye([nH!], k);
  }

  /** count_nonzero(a, axis=None) without an axis: PyArray_CountNonzero, a Python int. */
  countNonzero(args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const A = this.rt.arrays;
    const [aH, axisH] = parseArgs(vm, 'count_nonzero', ['a', 'axis', 'keepdims'], 1, args, kw);
    if (!isNone(vm, axisH)) {
      // a.astype(bool, copy=False).sum(axis=axis, dtype=intp) (numeric.py)
      const a = A.isArray(aH!) ? (vm.incref(aH!), aH!) : this.rt.fromList.fromObject(aH!, null, false);
      try {
        let b = a;
        if (A.dtype(a) !== BOOL) {
          b = A.newArray(BOOL, A.shape(a));
          writeValues(A, b, (k) => (valueAt(A, a, k) !== 0 ? 1 : 0));
          A.writeAll(b);
        } else vm.incref(b);
        try {
          return this.rt.reductions.reduce('add', b, intArg(vm, axisH!, 'axis'), INT64, false);
        } finally {
          vm.decref(b);
        }
      } finally {
        vm.decref(a);
      }
    }
    const a = A.isArray(aH!) ? (vm.incref(aH!), aH!) : this.rt.fromList.fromObject(aH!, null, false);
    try {
      requireValues(A, a, 'np.count_nonzero');
      const vals = readBroadcast(A, a, A.shape(a));
      let c = 0;
      for (let i = 0; i < vals.length; i++) if (vals[i] !== 0) c++;
      return fromLong(vm, c);
    } finally {
      vm.decref(a);
    }
  }

  /**
   * np.linspace(start, stop, num=50, endpoint=True) (function_base.py): y = arange(0, num) as
   * float64, reshaped, times step, plus start (in place), the last set to stop.
   */
  linspace(args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const rt = this.rt;
    const A = rt.arrays;
    const [startH, stopH, numH, endH, retstepH, dtH] = parseArgs(
      vm,
      'linspace',
      ['start', 'stop', 'num', 'endpoint', 'retstep', 'dtype', 'axis'],
      2,
      args,
      kw,
    );
    if (boolArg(vm, retstepH, false)) throw new NotSupported('np.linspace(retstep=True)');
    const num = isNone(vm, numH) ? 50 : intArg(vm, numH!, 'num');
    if (num < 0) throw valueError(vm, 'Number of samples, %d, must be non-negative.', num);
    const endpoint = boolArg(vm, endH, true);
    const start = rt.ctors.numberArg(startH!, 'np.linspace of non-numbers').v;
    const stop = rt.ctors.numberArg(stopH!, 'np.linspace of non-numbers').v;
    const div = endpoint ? num - 1 : num;
    const delta = stop - start;
    const step = div > 0 ? delta / div : NaN;
    const y = A.newArray(FLOAT64, [num]);
    const vals = new Float64Array(num);
    for (let i = 0; i < num; i++)
      vals[i] = div > 0 ? (step === 0 ? (i / div) * delta + start : i * step + start) : i * delta + start;
    if (endpoint && num > 1) vals[num - 1] = stop;
    writeValues(A, y, (k) => vals[k]);
    A.writeAll(y);
    if (!isNone(vm, dtH)) {
      const d = rt.dtypes.convert(dtH, null);
      if (d !== FLOAT64) {
        const c = A.newArray(d, [num]);
        writeValues(A, c, (k) => castValue(d, vals[k]));
        A.writeAll(c);
        vm.decref(y);
        return c;
      }
    }
    return y;
  }
}
