import { fromDouble } from '../python/objects/float';
import { NotSupported } from '../python/errors';
import { T } from '../python/objects/types';
import { NPY_MIN_ELIDE_BYTES } from './constants';
import { FLOAT64, OBJECT, canCastSafely, scalarCastsSafely } from './dtypes';
import { formulaOf, valueAt, writeValues } from './elements';
import type { UfuncName, UnaryName } from './loops';
import { objectBinop } from './objectUfunc';
import type { Ufuncs } from './ufunc';

/**
 * ndarray's number slots (number.c, 1.24.2) in front of the ufuncs: the binary operators with
 * fast_scalar_power and temporary elision (temp_elide.c: a refcount-1 temporary of at least
 * NPY_MIN_ELIDE_BYTES that owns its data is reused as the output, after check_callers), and the
 * unary ones with can_elide_temp_unary.
 */
/** number.c's binary slots that call try_binary_elide (array_add … array_bitwise_xor). */
const ELIDABLE_BINOPS: ReadonlySet<UfuncName> = new Set<UfuncName>([
  'add',
  'subtract',
  'multiply',
  'left_shift',
  'right_shift',
  'bitwise_and',
  'bitwise_or',
  'bitwise_xor',
]);
/** Those whose try_binary_elide gets commutative = 1 (the right operand may be the temporary). */
const COMMUTATIVE_BINOPS: ReadonlySet<UfuncName> = new Set<UfuncName>([
  'add',
  'multiply',
  'bitwise_and',
  'bitwise_or',
  'bitwise_xor',
]);

/** BINARY_OP on an ndarray: a new reference, or 0 for NotImplemented. */
export function binaryOperator(U: Ufuncs, name: UfuncName, m1: number, m2: number, inplace: boolean): number {
  const A = U.arrays;
  U.refuseRecords(name, [m1, m2]);
  if ((A.isArray(m1) && A.dtype(m1) === OBJECT) || (A.isArray(m2) && A.dtype(m2) === OBJECT))
    return objectBinop(A, name, m1, m2, inplace && A.isArray(m1) ? m1 : 0);
  for (const h of [m1, m2]) {
    if (!U.accepts(h)) {
      if (U.arrays.vm.table.type[h] === T.Str) throw new NotSupported(`numpy arithmetic with a str operand`);
      return 0;
    }
  }
  // binop_should_defer: a subclass operand against a Python number compares the two
  // __array_priority__ values, a subclass's read through its getset (a float made and dropped)
  if (!inplace && A.isArray(m1) && !A.isExact(m1) && !A.isArray(m2) && U.scalarOf(m2)?.literal)
    A.vm.decref(fromDouble(A.vm, 0));
  if (name === 'power' && A.isArray(m1)) {
    const fast = fastScalarPower(U, m1, m2, inplace);
    if (fast !== 0) return fast;
  }
  if (inplace && A.isArray(m1)) return U.call(name, [m1, m2], m1);
  // try_binary_elide (number.c): + - * / << >> & | ^ (true_divide only for a float left
  // operand); the commutative ones (+ * & | ^) also try the right operand as the temporary
  const elidable =
    ELIDABLE_BINOPS.has(name) || (name === 'true_divide' && A.isArray(m1) && A.dtype(m1).kind === 'f');
  if (elidable) {
    const commutative = COMMUTATIVE_BINOPS.has(name);
    if (canElide(U, m1, m2)) return U.call(name, [m1, m2], m1);
    if (commutative && canElide(U, m2, m1)) return U.call(name, [m2, m1], m2);
  }
  return U.call(name, [m1, m2], 0);
}

/**
 * fast_scalar_power (number.c): a float array to the power 1, -1, 0, 0.5 or 2 is the positive,
 * reciprocal, _ones_like, sqrt or square ufunc (in place when the operator is, or the array is
 * an elidable temporary); an integer array squared is `square` (after a cast to float64 for
 * the exponent 2.0). 0 when no fast path applies.
 */
function fastScalarPower(U: Ufuncs, a: number, o2: number, inplace: boolean): number {
  const A = U.arrays;
  const vm = U.arrays.vm;
  const s =
    U.scalarOf(o2) ??
    (A.isArray(o2) && A.nd(o2) === 0 ? { v: valueAt(A, o2, 0), d: A.dtype(o2), literal: false } : null);
  if (s === null) return 0;
  const e = s.v;
  const d = A.dtype(a);
  if (d.kind === 'f') {
    const op: UnaryName | null =
      e === 1
        ? 'positive'
        : e === -1
          ? 'reciprocal'
          : e === 0
            ? '_ones_like'
            : e === 0.5
              ? 'sqrt'
              : e === 2
                ? 'square'
                : null;
    if (op === null) return 0;
    const elide =
      inplace ||
      (vm.table.refcnt[a] === 1 &&
        A.own(a) &&
        A.writeable(a) &&
        A.nbytes(a) >= NPY_MIN_ELIDE_BYTES &&
        U.checkCallers());
    return U.unaryMath(op, a, elide ? a : 0);
  }
  if (e !== 2 || d.kind === 'b') return 0;
  if (inplace) return U.unaryMath('square', a, a);
  if (s.d.kind === 'f') {
    const c = A.newArray(FLOAT64, A.shape(a));
    writeValues(A, c, (k) => valueAt(A, a, k), formulaOf(A, a));
    A.writeAll(c);
    try {
      return U.unaryMath('square', c, c);
    } finally {
      vm.decref(c);
    }
  }
  return U.unaryMath('square', a, 0);
}

/** can_elide_temp(olhs, orhs) (temp_elide.c): see the comment above. */
function canElide(U: Ufuncs, lhs: number, rhs: number): boolean {
  const A = U.arrays;
  if (!A.isArray(lhs) || U.arrays.vm.table.refcnt[lhs] !== 1) return false;
  if (!A.own(lhs) || !A.writeable(lhs) || A.nbytes(lhs) < NPY_MIN_ELIDE_BYTES) return false;
  const ld = A.dtype(lhs);
  if (A.isArray(rhs)) {
    const rs = A.shape(rhs);
    const ls = A.shape(lhs);
    const sameShape = rs.length === 0 || (rs.length === ls.length && rs.every((d, i) => d === ls[i]));
    return sameShape && canCastSafely(A.dtype(rhs), ld) && U.checkCallers();
  }
  const s = U.scalarOf(rhs);
  if (s === null) return false;
  // PyArray_EnsureArray(orhs): a 0-d array, dropped again after the checks
  const tmp = A.newArray(s.d, []);
  A.values.setConst(A.slot(tmp), s.v);
  A.writeAll(tmp);
  U.arrays.vm.decref(tmp);
  return scalarCastsSafely(s.py, ld) && U.checkCallers();
}

/**
 * ndarray's unary number slots (array_negative, _positive, _absolute, _invert): can_elide_temp_unary
 * (refcount 1, owning, at least NPY_MIN_ELIDE_BYTES, check_callers) runs the ufunc in place
 * (in and out tuples); otherwise the ufunc makes a new array. unary + is the `positive` ufunc:
 * a copy, not the same object.
 */
export function unaryOperator(U: Ufuncs, name: UnaryName, a: number): number {
  U.refuseRecords(name, [a]);
  const A = U.arrays;
  const vm = U.arrays.vm;
  const inplace =
    A.isArray(a) &&
    vm.table.refcnt[a] === 1 &&
    A.own(a) &&
    A.writeable(a) &&
    A.nbytes(a) >= NPY_MIN_ELIDE_BYTES &&
    U.checkCallers();
  return U.unaryMath(name, a, inplace ? a : 0);
}
