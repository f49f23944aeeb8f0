/**
 * The dtypes Highwater models (float64 default, int64 for integer arange, and int32, uint8,
 * float32 through dtype=), with NumPy 1.24's promotion for + - * / (value-based casting for
 * Python scalars, before NEP 50). Checked on Debian's python3-numpy 1.24.2:
 *   array op array: np.result_type of the two dtypes; / of integers gives float64;
 *   array op int:   the array's dtype when the int fits it (uint8 + 300 would be uint16: not modelled);
 *   array op float: float32 stays float32, everything else becomes float64.
 */
export interface DType {
  name: 'float64' | 'float32' | 'int64' | 'int32' | 'uint8';
  kind: 'f' | 'i' | 'u';
  itemsize: number;
  /** The type character NumPy prints in dtype.char ('d', 'f', 'l', 'i', 'B'). */
  char: string;
}

export const FLOAT64: DType = { name: 'float64', kind: 'f', itemsize: 8, char: 'd' };
export const FLOAT32: DType = { name: 'float32', kind: 'f', itemsize: 4, char: 'f' };
export const INT64: DType = { name: 'int64', kind: 'i', itemsize: 8, char: 'l' };
export const INT32: DType = { name: 'int32', kind: 'i', itemsize: 4, char: 'i' };
export const UINT8: DType = { name: 'uint8', kind: 'u', itemsize: 1, char: 'B' };

export const DTYPES: readonly DType[] = [FLOAT64, FLOAT32, INT64, INT32, UINT8];

/** dtype= spellings accepted as strings (np.dtype(...) names and array-protocol codes). */
const ALIASES: Record<string, DType> = {
  float64: FLOAT64, f8: FLOAT64, d: FLOAT64, float: FLOAT64, double: FLOAT64,
  float32: FLOAT32, f4: FLOAT32, f: FLOAT32, single: FLOAT32,
  int64: INT64, i8: INT64, l: INT64, int: INT64,
  int32: INT32, i4: INT32, i: INT32, intc: INT32,
  uint8: UINT8, u1: UINT8, B: UINT8, ubyte: UINT8,
};

export function dtypeByName(name: string): DType | undefined {
  return ALIASES[name];
}

/** np.promote_types for the modelled dtypes (the table NumPy 1.24 gives, verified). */
export function promote(a: DType, b: DType): DType {
  if (a === b) return a;
  if (a.kind === 'f' || b.kind === 'f') {
    const f = a.kind === 'f' ? a : b;
    const o = f === a ? b : a;
    if (f === FLOAT64 || o === FLOAT64) return FLOAT64;
    // float32 with float32/uint8 stays float32; with int32/int64 it needs float64
    return o.kind === 'u' || o === FLOAT32 ? FLOAT32 : FLOAT64;
  }
  return a.itemsize >= b.itemsize ? (a.kind === 'u' ? b : a) : b;
}

/** A Python scalar operand: an int (value-based) or a float. */
export type PyScalar = { kind: 'int'; value: number | bigint } | { kind: 'float'; value: number };

const INT_RANGE: Record<string, [bigint, bigint]> = {
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  uint8: [0n, 255n],
};

/** Does a Python int fit the integer dtype without changing it (value-based casting)? */
export function intFits(d: DType, v: number | bigint): boolean {
  if (d.kind === 'f') return true;
  const [lo, hi] = INT_RANGE[d.name];
  const b = BigInt(v);
  return b >= lo && b <= hi;
}

/**
 * The loop dtype (= result dtype) of `array op scalar`, or null when 1.24 would pick a dtype
 * Highwater does not model (uint8 + 300 → uint16 ...).
 */
export function scalarResult(op: string, arr: DType, s: PyScalar): DType | null {
  if (s.kind === 'float') return arr === FLOAT32 ? FLOAT32 : FLOAT64;
  if (!intFits(arr, s.value)) return null;
  if (op === '/') return arr.kind === 'f' ? arr : FLOAT64;
  return arr;
}

/** The loop dtype of `array op array`. */
export function arrayResult(op: string, a: DType, b: DType): DType {
  const r = promote(a, b);
  if (op === '/' && r.kind !== 'f') return FLOAT64;
  return r;
}

/** NumPy's dtype for a Python scalar turned into a 0-d array (PyArray_FromAny): int64 or float64. */
export function scalarDType(s: PyScalar): DType {
  return s.kind === 'float' ? FLOAT64 : INT64;
}

/** np.can_cast(from, to, 'safe') for the modelled dtypes. */
export function canCastSafely(from: DType, to: DType): boolean {
  if (from === to) return true;
  if (to.kind === 'f') return from.kind !== 'f' ? from.itemsize < to.itemsize || to === FLOAT64 : from.itemsize <= to.itemsize;
  if (from.kind === 'f') return false;
  if (to.kind === 'u') return from.kind === 'u' && from.itemsize <= to.itemsize;
  return from.kind === 'u' ? from.itemsize < to.itemsize : from.itemsize <= to.itemsize;
}

const KIND_RANK = { u: 1, i: 2, f: 3 } as const;

/** np.can_cast(from, to, 'same_kind'): a safe cast, or one to the same or a higher kind (u < i < f). */
export function canCastSameKind(from: DType, to: DType): boolean {
  return canCastSafely(from, to) || KIND_RANK[from.kind] <= KIND_RANK[to.kind];
}

/**
 * Can the Python scalar be cast safely to `to` (PyArray_CanCastArrayTo on its 0-d array, which
 * 1.24 checks by value for scalars)? Ints by range, floats only to float dtypes.
 */
export function scalarCastsSafely(s: PyScalar, to: DType): boolean {
  if (s.kind === 'float') return to.kind === 'f';
  return intFits(to, s.value);
}
