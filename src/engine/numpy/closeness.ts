import { typeError } from '../python/abstract/errors';
import { partName, runPythonPart } from '../python/modules/pythonpart';
import { T } from '../python/objects/types';
import { resultType, type DType, type PyScalar } from './dtypes';
import type { NumpyRuntime } from './module';
import { valueAt } from './elements';
import { scalarOfValue } from './loops';
import { moduleData } from '../python/objects/module';

/**
 * np.isclose and np.allclose run as Python through the eval loop, as numeric.py's do in NumPy
 * 1.24.2: every temporary they make is a real ufunc call (isfinite twice, x - y, abs, abs(y),
 * rtol * abs(y) and atol + … elided in place when ≥ 256 KiB, less_equal), with the frame, the
 * locals released in slot order and the non-finite path's masks (zeros_like, x * ones_like, the
 * boolean-indexed copies). The text is ours, written from what numeric.py does. Not modelled: the
 * `errstate(invalid='ignore')` context around within_tol (a small object and two
 * np.seterr calls) and the array_function_dispatch wrapper's frame.
 */
const SOURCE = `
def _within_tol(x, y, atol, rtol):
    return less_equal(abs(x - y), atol + rtol * abs(y))

def isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    x = asanyarray(a)
    y = asanyarray(b)
    # y made inexact first, so abs() of the most negative integer cannot overflow
    y = asanyarray(y, dtype=result_type(y, 1.0))
    xfin = isfinite(x)
    yfin = isfinite(y)
    if all(xfin) and all(yfin):
        return _within_tol(x, y, atol, rtol)
    finite = xfin & yfin
    cond = zeros_like(finite, subok=True)
    x = x * ones_like(cond)
    y = y * ones_like(cond)
    cond[finite] = _within_tol(x[finite], y[finite], atol, rtol)
    cond[~finite] = x[~finite] == y[~finite]
    if equal_nan:
        both_nan = isnan(x) & isnan(y)
        cond[both_nan] = both_nan[both_nan]
    return cond[()]

def allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    res = all(isclose(a, b, rtol=rtol, atol=atol, equal_nan=equal_nan))
    return bool(res)
`;

/** The module functions the Python text reads (numeric.py's namespace). */
const NAMES = ['less_equal', 'asanyarray', 'isfinite', 'all', 'zeros_like', 'ones_like', 'isnan'];

/** Runs the Python part and adds its functions to numpy's attributes. */
export function installCloseness(rt: NumpyRuntime, add: (name: string, h: number) => void): void {
  const vm = rt.vm;
  const names: Record<string, number> = {};
  const attrs = (name: string): number => {
    const h = moduleData(vm, rt.module).attrs.get(name);
    if (h === undefined) throw new Error(`internal: np.${name} missing for the Python part`);
    return h;
  };
  for (const n of NAMES) names[n] = attrs(n);
  names.result_type = attrs('result_type');
  const globals = runPythonPart(vm, 'numpy.core.numeric', SOURCE, names);
  for (const n of ['isclose', 'allclose']) {
    const f = partName(vm, globals, n);
    vm.incref(f);
    add(n, f);
  }
}

/**
 * np.result_type(*arrays_and_dtypes) (PyArray_ResultType, 1.24's value-based rules): arrays of
 * nd > 0 and dtypes count by their dtype, Python scalars and 0-d arrays by their value.
 */
export function resultTypeFunction(rt: NumpyRuntime, args: number[]): number {
  const vm = rt.vm;
  const A = rt.arrays;
  if (args.length === 0) throw typeError(vm, 'at least one array or dtype is required');
  const arrays: DType[] = [];
  const scalars: PyScalar[] = [];
  for (const h of args) {
    if (A.isArray(h)) {
      if (A.nd(h) > 0) arrays.push(A.dtype(h));
      else scalars.push(scalarOfValue(A.dtype(h), valueAt(A, h, 0)));
      continue;
    }
    const t = vm.table.type[h];
    const s = t === T.Type || t === T.Str ? null : rt.ufuncs.scalarOf(h);
    if (s !== null) {
      // NumPy scalars count by value too in 1.24, as Python numbers do
      scalars.push(s.py);
      continue;
    }
    arrays.push(rt.dtypes.convert(h, null));
  }
  const d = resultType(arrays, scalars);
  const h = rt.dtypes.handle(d);
  vm.incref(h);
  return h;
}
