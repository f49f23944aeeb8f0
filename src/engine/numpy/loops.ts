import { BOOL, FLOAT32, FLOAT64, INT8, resultType, type DType, type PyScalar } from './dtypes';

/**
 * The ufuncs behind ndarray's operators (number.c's n_ops), their type resolution in NumPy 1.24
 * (the legacy resolvers of ufunc_type_resolution.c with value-based scalars) and their inner
 * loops' arithmetic on one element pair, as the C loops compute it.
 */
export type UfuncName =
  | 'add'
  | 'subtract'
  | 'multiply'
  | 'true_divide'
  | 'floor_divide'
  | 'remainder'
  | 'power'
  | 'bitwise_and'
  | 'bitwise_or'
  | 'bitwise_xor'
  | 'left_shift'
  | 'right_shift'
  | 'less'
  | 'less_equal'
  | 'equal'
  | 'not_equal'
  | 'greater'
  | 'greater_equal'
  | 'maximum'
  | 'minimum'
  | 'logical_and'
  | 'logical_or'
  | 'logical_xor';

/** The unary ufuncs: math ones take floats (an integer input is cast to float64), the others keep the dtype. */
export type UnaryName =
  | 'sqrt'
  | 'exp'
  | 'log'
  | 'log10'
  | 'log2'
  | 'sin'
  | 'cos'
  | 'tan'
  | 'floor'
  | 'ceil'
  | 'rint'
  | 'square'
  | 'absolute'
  | 'negative'
  | 'positive'
  | 'invert'
  | 'sign'
  | 'isnan'
  | 'isfinite'
  | 'isinf'
  | 'signbit'
  | 'logical_not'
  | 'reciprocal'
  | '_ones_like';

const FLOAT_UNARY = new Set<UnaryName>([
  'sqrt',
  'exp',
  'log',
  'log10',
  'log2',
  'sin',
  'cos',
  'tan',
  'floor',
  'ceil',
  'rint',
]);
const BOOL_OUT = new Set<UnaryName>(['isnan', 'isfinite', 'isinf', 'signbit', 'logical_not']);

/** The loop and output dtypes of a unary ufunc on dtype d, or an error message. */
export function resolveUnary(name: UnaryName, d: DType): { loop: DType; out: DType } | { error: string } {
  if (BOOL_OUT.has(name)) return { loop: d, out: BOOL };
  if (FLOAT_UNARY.has(name)) {
    const f = d.kind === 'f' ? d : d.itemsize <= 2 && d.kind !== 'b' ? FLOAT32 : FLOAT64;
    return { loop: f, out: f };
  }
  if (name === 'negative' && d === BOOL)
    return {
      error:
        'The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.',
    };
  if (name === 'invert' && d.kind === 'f')
    return {
      error:
        "ufunc 'invert' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''",
    };
  if ((name === 'square' || name === 'sign') && d === BOOL) return { loop: INT8, out: INT8 };
  return { loop: d, out: d };
}

/** The element function of a unary ufunc (its result cast by the caller). */
export function unaryKernel(name: UnaryName, d: DType): (x: number) => number {
  switch (name) {
    case 'sqrt':
      return Math.sqrt;
    case 'exp':
      return Math.exp;
    case 'log':
      return Math.log;
    case 'log10':
      return Math.log10;
    case 'log2':
      return Math.log2;
    case 'sin':
      return Math.sin;
    case 'cos':
      return Math.cos;
    case 'tan':
      return Math.tan;
    case 'floor':
      return Math.floor;
    case 'ceil':
      return Math.ceil;
    case 'rint':
      // round half to even (npy_rint)
      return (x) => {
        const r = Math.round(x);
        return Math.abs(x % 1) === 0.5 ? 2 * Math.round(x / 2) : r;
      };
    case 'square':
      return (x) => x * x;
    case 'absolute':
      return Math.abs;
    case 'negative':
      return (x) => -x;
    case 'positive':
      return (x) => x;
    case 'invert':
      return d === BOOL ? (x) => (x ? 0 : 1) : (x) => Number(~BigInt(Math.trunc(x)));
    case 'sign':
      return (x) => (Number.isNaN(x) ? NaN : x > 0 ? 1 : x < 0 ? -1 : 0);
    case 'isnan':
      return (x) => (Number.isNaN(x) ? 1 : 0);
    case 'isfinite':
      return (x) => (Number.isFinite(x) ? 1 : 0);
    case 'isinf':
      return (x) => (x === Infinity || x === -Infinity ? 1 : 0);
    case 'signbit':
      // npy_signbit: the sign bit itself, so -0.0 (and a negative NaN) count
      return (x) => (x < 0 || Object.is(x, -0) ? 1 : 0);
    case 'logical_not':
      return (x) => (x ? 0 : 1);
    case 'reciprocal':
      return (x) => 1 / x;
    case '_ones_like':
      return () => 1;
  }
}

/**
 * Bool-output ufuncs with PyUFunc_SimpleBinaryComparisonTypeResolver: the comparisons and the
 * logical ones (their loops take each input type and write `?`).
 */
export const COMPARISONS = new Set<UfuncName>([
  'logical_and',
  'logical_or',
  'logical_xor',
  'less',
  'less_equal',
  'equal',
  'not_equal',
  'greater',
  'greater_equal',
]);
const BITWISE = new Set<UfuncName>(['bitwise_and', 'bitwise_or', 'bitwise_xor', 'left_shift', 'right_shift']);

/** One operand for type resolution: its dtype, and its value when it is 0-d (value-based casting). */
export interface OperandType {
  dtype: DType;
  scalar: PyScalar | null;
}

/** The Python scalar view of a 0-d operand's value, by the kind of its dtype. */
export function scalarOfValue(dtype: DType, v: number): PyScalar {
  if (dtype.kind === 'b') return { kind: 'bool', value: v !== 0 };
  if (dtype.kind === 'f') return { kind: 'float', value: v };
  return { kind: 'int', value: v };
}

/**
 * The loop's input dtype and output dtype, or an error message (NumPy's UFuncTypeError text)
 * when no loop takes these inputs.
 */
export function resolveLoop(
  name: UfuncName,
  ops: readonly OperandType[],
): { loop: DType; out: DType } | { error: string } {
  const allScalar = ops.every((o) => o.scalar !== null);
  const arrays = allScalar
    ? ops.map((o) => o.dtype)
    : ops.filter((o) => o.scalar === null).map((o) => o.dtype);
  const scalars = allScalar ? [] : ops.filter((o) => o.scalar !== null).map((o) => o.scalar!);
  let r = resultType(arrays, scalars);
  if (COMPARISONS.has(name)) return { loop: r, out: BOOL };
  if (name === 'subtract' && r === BOOL)
    return {
      error:
        'numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.',
    };
  if (name === 'true_divide') {
    if (r.kind !== 'f') r = FLOAT64;
    return { loop: r, out: r };
  }
  if (BITWISE.has(name)) {
    if (r.kind === 'f')
      return {
        error: `ufunc '${name}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''`,
      };
    if (r === BOOL && (name === 'left_shift' || name === 'right_shift')) r = INT8;
    return { loop: r, out: r };
  }
  if (r === BOOL && (name === 'power' || name === 'floor_divide' || name === 'remainder')) r = INT8;
  return { loop: r, out: r };
}

/** Python's float floor division and modulo (npy_divmod follows them). */
function floatDivmod(a: number, b: number): [number, number] {
  if (b === 0) return [a / b, NaN];
  let mod = a % b;
  let div = (a - mod) / b;
  if (mod) {
    if (b < 0 !== mod < 0) {
      mod += b;
      div -= 1;
    }
  } else mod = b < 0 ? -0 : 0;
  let floordiv: number;
  if (div) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else floordiv = a / b < 0 ? -0 : 0;
  return [floordiv, mod];
}

const bits = (x: number): bigint => BigInt(Math.trunc(x));

/** Integer power by squaring, wrapping at 64 bits as the C loop's npy_long arithmetic does. */
function intPower(x: number, y: number): number {
  if (Number.isSafeInteger(x ** y)) return x ** y;
  let r = 1n;
  let b = bits(x);
  let e = bits(y);
  while (e > 0n) {
    if (e & 1n) r = BigInt.asIntN(64, r * b);
    b = BigInt.asIntN(64, b * b);
    e >>= 1n;
  }
  return Number(r);
}

/** The element kernel of a binary ufunc for a loop dtype; results are cast by the caller. */
export function kernel(name: UfuncName, loop: DType): (x: number, y: number) => number {
  const isFloat = loop.kind === 'f';
  switch (name) {
    case 'add':
      return (x, y) => x + y;
    case 'subtract':
      return (x, y) => x - y;
    case 'multiply':
      return (x, y) => x * y;
    case 'true_divide':
      return (x, y) => x / y;
    case 'floor_divide':
      // integer division by zero is 0 (with a RuntimeWarning)
      return isFloat ? (x, y) => floatDivmod(x, y)[0] : (x, y) => (y === 0 ? 0 : Math.floor(x / y));
    case 'remainder':
      return isFloat ? (x, y) => floatDivmod(x, y)[1] : (x, y) => (y === 0 ? 0 : x - Math.floor(x / y) * y);
    case 'power':
      return isFloat ? (x, y) => Math.pow(x, y) : intPower;
    case 'bitwise_and':
      return (x, y) => Number(bits(x) & bits(y));
    case 'bitwise_or':
      return (x, y) => Number(bits(x) | bits(y));
    case 'bitwise_xor':
      return (x, y) => Number(bits(x) ^ bits(y));
    case 'left_shift':
      return (x, y) => (y >= 8 * loop.itemsize ? 0 : Number(BigInt.asIntN(64, bits(x) << bits(y))));
    case 'right_shift':
      return (x, y) => (y >= 8 * loop.itemsize ? (x < 0 ? -1 : 0) : Number(bits(x) >> bits(y)));
    case 'less':
      return (x, y) => (x < y ? 1 : 0);
    case 'less_equal':
      return (x, y) => (x <= y ? 1 : 0);
    case 'equal':
      return (x, y) => (x === y ? 1 : 0);
    case 'not_equal':
      return (x, y) => (x !== y ? 1 : 0);
    case 'greater':
      return (x, y) => (x > y ? 1 : 0);
    case 'greater_equal':
      return (x, y) => (x >= y ? 1 : 0);
    case 'maximum':
      return (x, y) => (Number.isNaN(x) || x >= y ? x : y);
    case 'minimum':
      return (x, y) => (Number.isNaN(x) || x <= y ? x : y);
    // LOGICAL_AND / _OR / _XOR: an element is true when it is not 0 (NaN is true)
    case 'logical_and':
      return (x, y) => (x !== 0 && y !== 0 ? 1 : 0);
    case 'logical_or':
      return (x, y) => (x !== 0 || y !== 0 ? 1 : 0);
    case 'logical_xor':
      return (x, y) => ((x !== 0) !== (y !== 0) ? 1 : 0);
  }
}

/** The operator text of each ufunc (for messages). */
export const OPERATOR: Partial<Record<UfuncName, string>> = {
  add: '+',
  subtract: '-',
  multiply: '*',
  true_divide: '/',
  floor_divide: '//',
  remainder: '%',
  power: '**',
};
