/**
 * The dtypes Highwater models: bool, the signed and unsigned integers of 1 to 8 bytes, float32
 * and float64, as NumPy 1.24.2 defines them on x86-64 Linux (int64 is C long, 'l'), with 1.24's
 * promotion (np.promote_types), casting rules (np.can_cast) and value-based casting for Python
 * scalars (before NEP 50: `uint8_array + 300` is uint16, `int8_array + 1` stays int8), all
 * checked against Debian's python3-numpy.
 */
export type Kind = 'b' | 'u' | 'i' | 'f' | 'O' | 'U' | 'S' | 'V';

/** A field of a structured dtype (records.ts): its name, dtype and byte offset in the record. */
export interface RecordField {
  readonly name: string;
  readonly dtype: DType;
  readonly offset: number;
}

export interface DType {
  /** Index in DTYPES (the ArrayTable's dtype column). */
  readonly code: number;
  /** NPY_TYPES: the type number (NPY_BOOL 0 … NPY_DOUBLE 12). */
  readonly num: number;
  readonly name: string;
  readonly kind: Kind;
  readonly itemsize: number;
  /** dtype.char. */
  readonly char: string;
  /** The array-protocol type string (__array_interface__['typestr'], dtype.str). */
  readonly typestr: string;
  /** The scalar type's name (np.bool_ prints as numpy.bool_). */
  readonly scalarName: string;
  /** A structured dtype's fields, in order (kind 'V'). */
  readonly fields?: readonly RecordField[];
}

const mk = (
  code: number,
  num: number,
  name: string,
  kind: Kind,
  itemsize: number,
  char: string,
  scalarName = name,
): DType => ({
  code,
  num,
  name,
  kind,
  itemsize,
  char,
  typestr:
    kind === 'O'
      ? '|O'
      : kind === 'U'
        ? `<U${itemsize / 4}`
        : kind === 'S' || kind === 'V'
          ? `|${kind}${itemsize}`
          : `${itemsize === 1 ? '|' : '<'}${kind}${itemsize}`,
  scalarName,
});

export const BOOL = mk(0, 0, 'bool', 'b', 1, '?', 'bool_');
export const INT8 = mk(1, 1, 'int8', 'i', 1, 'b');
export const UINT8 = mk(2, 2, 'uint8', 'u', 1, 'B');
export const INT16 = mk(3, 3, 'int16', 'i', 2, 'h');
export const UINT16 = mk(4, 4, 'uint16', 'u', 2, 'H');
export const INT32 = mk(5, 5, 'int32', 'i', 4, 'i');
export const UINT32 = mk(6, 6, 'uint32', 'u', 4, 'I');
export const INT64 = mk(7, 7, 'int64', 'i', 8, 'l');
export const UINT64 = mk(8, 8, 'uint64', 'u', 8, 'L');
export const FLOAT32 = mk(9, 11, 'float32', 'f', 4, 'f');
export const FLOAT64 = mk(10, 12, 'float64', 'f', 8, 'd');
/**
 * dtype('O') (NPY_OBJECT 17): 8-byte slots holding PyObject pointers. Its descriptor has
 * NPY_ITEM_REFCOUNT | NPY_NEEDS_INIT, so a new buffer is always calloc'd (NULL reads as None)
 * and every stored object is a counted reference (objects.ts).
 */
export const OBJECT = mk(11, 17, 'object', 'O', 8, 'O', 'object_');

const ALL_DTYPES: DType[] = [
  BOOL,
  INT8,
  UINT8,
  INT16,
  UINT16,
  INT32,
  UINT32,
  INT64,
  UINT64,
  FLOAT32,
  FLOAT64,
  OBJECT,
];
/** Every dtype by code: the fixed ones, then the string dtypes in the order a process first met them. */
export const DTYPES: readonly DType[] = ALL_DTYPES;

const STRING_DTYPES = new Map<string, DType>();
const STRUCTURED_DTYPES = new Map<string, DType>();

/**
 * A structured dtype (NPY_VOID 20, '|V n'): one DType per distinct layout (names, field dtypes,
 * offsets, itemsize), registered so the array table's dtype column can hold it.
 */
export function structuredDType(fields: readonly RecordField[], itemsize: number): DType {
  const key = `${itemsize}:${fields.map((f) => `${f.name}/${f.dtype.typestr}/${f.offset}`).join(',')}`;
  let d = STRUCTURED_DTYPES.get(key);
  if (d === undefined) {
    d = { ...mk(ALL_DTYPES.length, 20, `void${8 * itemsize}`, 'V', itemsize, 'V', 'void'), fields };
    ALL_DTYPES.push(d);
    STRUCTURED_DTYPES.set(key, d);
  }
  return d;
}

/** True for the flexible string dtypes ('<U n': UCS4 text, '|S n': bytes). */
export function isStringKind(d: DType): boolean {
  return d.kind === 'U' || d.kind === 'S';
}

/**
 * The string dtype of `chars` characters: '<U n' (NPY_UNICODE 19, 4 bytes a character, name
 * 'str' + bits) or '|S n' (NPY_STRING 18, one byte each, 'bytes' + bits), scalar types np.str_
 * and np.bytes_. A descriptor of size 0 ('U0', what an empty string discovers) becomes one
 * character when an array is made of it, as PyArray_NewFromDescr_int does.
 */
export function stringDType(kind: 'U' | 'S', chars: number): DType {
  const n = Math.max(1, chars);
  return sizedString(kind, n);
}

/**
 * The unsized string dtypes (`dtype=str`, 'U', `bytes`, 'S': itemsize 0): np.array discovers
 * the size from the strings; an array made of one directly is one character wide.
 */
export function flexibleString(kind: 'U' | 'S'): DType {
  return sizedString(kind, 0);
}

function sizedString(kind: 'U' | 'S', n: number): DType {
  const key = `${kind}${n}`;
  let d = STRING_DTYPES.get(key);
  if (d === undefined) {
    const itemsize = kind === 'U' ? 4 * n : n;
    d =
      kind === 'U'
        ? mk(ALL_DTYPES.length, 19, `str${8 * itemsize}`, 'U', itemsize, 'U', 'str_')
        : mk(ALL_DTYPES.length, 18, `bytes${8 * itemsize}`, 'S', itemsize, 'S', 'bytes_');
    ALL_DTYPES.push(d);
    STRING_DTYPES.set(key, d);
  }
  return d;
}

/** Characters of a string dtype (itemsize / 4 for '<U'). */
export function stringChars(d: DType): number {
  return d.kind === 'U' ? d.itemsize / 4 : d.itemsize;
}

/**
 * REQUIRED_STR_LEN (NumPy 1.24's convert_datatype.c): the characters a number of each dtype needs
 * as text, which is what a numeric dtype promotes to against a string dtype.
 */
function textChars(d: DType): number {
  if (d.kind === 'b') return 5;
  if (d.kind === 'f') return 32;
  const byBytes: Record<number, [number, number]> = { 1: [3, 4], 2: [5, 6], 4: [10, 11], 8: [20, 21] };
  const [u, i] = byBytes[d.itemsize];
  return d.kind === 'u' ? u : i;
}

const SIGNED: Record<number, DType> = { 1: INT8, 2: INT16, 4: INT32, 8: INT64 };
const UNSIGNED: Record<number, DType> = { 1: UINT8, 2: UINT16, 4: UINT32, 8: UINT64 };

/** dtype= spellings accepted as strings (np.dtype names, type characters and array-protocol codes). */
const ALIASES: Record<string, DType> = {
  bool: BOOL,
  bool_: BOOL,
  '?': BOOL,
  b1: BOOL,
  '|b1': BOOL,
  float64: FLOAT64,
  f8: FLOAT64,
  '<f8': FLOAT64,
  d: FLOAT64,
  float: FLOAT64,
  double: FLOAT64,
  float_: FLOAT64,
  float32: FLOAT32,
  f4: FLOAT32,
  '<f4': FLOAT32,
  f: FLOAT32,
  single: FLOAT32,
  int64: INT64,
  i8: INT64,
  '<i8': INT64,
  l: INT64,
  int: INT64,
  int_: INT64,
  long: INT64,
  q: INT64,
  longlong: INT64,
  int32: INT32,
  i4: INT32,
  '<i4': INT32,
  i: INT32,
  intc: INT32,
  int16: INT16,
  i2: INT16,
  '<i2': INT16,
  h: INT16,
  short: INT16,
  int8: INT8,
  i1: INT8,
  '|i1': INT8,
  b: INT8,
  byte: INT8,
  uint64: UINT64,
  u8: UINT64,
  '<u8': UINT64,
  L: UINT64,
  uint: UINT64,
  Q: UINT64,
  uint32: UINT32,
  u4: UINT32,
  '<u4': UINT32,
  I: UINT32,
  uintc: UINT32,
  uint16: UINT16,
  u2: UINT16,
  '<u2': UINT16,
  H: UINT16,
  ushort: UINT16,
  uint8: UINT8,
  u1: UINT8,
  '|u1': UINT8,
  B: UINT8,
  ubyte: UINT8,
  O: OBJECT,
  '|O': OBJECT,
  O8: OBJECT,
  object: OBJECT,
  object_: OBJECT,
};

export function dtypeByName(name: string): DType | undefined {
  return Object.prototype.hasOwnProperty.call(ALIASES, name) ? ALIASES[name] : undefined;
}

const KIND_RANK: Record<Kind, number> = { b: 0, u: 1, i: 2, f: 3, O: 4, U: 5, S: 5, V: 6 };

/** np.promote_types for the modelled dtypes (1.24's table). */
export function promote(a: DType, b: DType): DType {
  if (a === b) return a;
  // every dtype promotes to object with object (PyArray_PromoteTypes: OBJECT's common dtype)
  if (a.kind === 'O' || b.kind === 'O') return OBJECT;
  // string_unicode_common_instance / PyArray_PromoteTypes: bytes with text is text; a number is
  // as wide as its longest text
  if (isStringKind(a) || isStringKind(b)) {
    const kind = a.kind === 'U' || b.kind === 'U' ? 'U' : 'S';
    const w = (d: DType): number => (isStringKind(d) ? stringChars(d) : textChars(d));
    return stringDType(kind, Math.max(w(a), w(b)));
  }
  if (a.kind === 'b') return b;
  if (b.kind === 'b') return a;
  if (a.kind === 'f' || b.kind === 'f') {
    const f = a.kind === 'f' ? a : b;
    const o = f === a ? b : a;
    if (o.kind === 'f') return a.itemsize >= b.itemsize ? a : b;
    // an integer needs a float with a wider mantissa: (u)int8/16 fit float32, wider ones float64
    return o.itemsize <= 2 ? f : FLOAT64;
  }
  if (a.kind === b.kind) return a.itemsize >= b.itemsize ? a : b;
  const u = a.kind === 'u' ? a : b;
  const s = u === a ? b : a;
  if (s.itemsize > u.itemsize) return s;
  return u.itemsize === 8 ? FLOAT64 : SIGNED[2 * u.itemsize];
}

/** np.can_cast(from, to, 'safe'). */
export function canCastSafely(from: DType, to: DType): boolean {
  if (from === to || to.kind === 'O') return true;
  if (from.kind === 'O') return false;
  if (from.kind === 'b') return true;
  if (to.kind === 'b') return false;
  if (to.kind === 'f')
    return from.kind === 'f' ? from.itemsize <= to.itemsize : to === FLOAT64 || from.itemsize <= 2;
  if (from.kind === 'f') return false;
  if (to.kind === 'u') return from.kind === 'u' && from.itemsize <= to.itemsize;
  return from.kind === 'u' ? from.itemsize < to.itemsize : from.itemsize <= to.itemsize;
}

/** np.can_cast(from, to, 'same_kind'): a safe cast, or one within a kind or to a higher kind (b < u < i < f). */
export function canCastSameKind(from: DType, to: DType): boolean {
  return canCastSafely(from, to) || KIND_RANK[from.kind] <= KIND_RANK[to.kind];
}

/** A Python scalar operand: bool, int (value-based) or float. */
export type PyScalar =
  | { kind: 'bool'; value: boolean }
  | { kind: 'int'; value: number | bigint }
  | { kind: 'float'; value: number };

/** The dtype a Python scalar becomes on its own (np.asarray(x).dtype): bool, int64 or float64. */
export function scalarDType(s: PyScalar): DType {
  if (s.kind === 'bool') return BOOL;
  if (s.kind === 'float') return FLOAT64;
  const v = BigInt(s.value);
  if (v >= -(2n ** 63n) && v < 2n ** 63n) return INT64;
  if (v >= 0n && v < 2n ** 64n) return UINT64;
  return FLOAT64; // not reached: NumPy raises OverflowError first (checked by the caller)
}

/**
 * min_scalar_type_num (convert_datatype.c): the smallest dtype of the scalar's kind that holds
 * its value, and whether it is a "small unsigned" (a non-negative int that would also fit the
 * signed type of that size), which promotes with a signed type as that signed type.
 */
export function minScalarType(s: PyScalar): { dtype: DType; smallUnsigned: boolean } {
  if (s.kind === 'bool') return { dtype: BOOL, smallUnsigned: false };
  if (s.kind === 'float') {
    const a = Math.abs(s.value);
    // float16's largest finite value is 65504; float16 is not modelled, and promotes as float32 does
    return {
      dtype: !Number.isFinite(a) || a < 3.4028234663852886e38 ? FLOAT32 : FLOAT64,
      smallUnsigned: false,
    };
  }
  const v = BigInt(s.value);
  if (v >= 0n) {
    for (const bytes of [1, 2, 4, 8]) {
      const bits = BigInt(8 * bytes);
      if (v < 2n ** bits) return { dtype: UNSIGNED[bytes], smallUnsigned: v < 2n ** (bits - 1n) };
    }
    return { dtype: FLOAT64, smallUnsigned: false };
  }
  for (const bytes of [1, 2, 4, 8]) {
    const bits = BigInt(8 * bytes - 1);
    if (v >= -(2n ** bits)) return { dtype: SIGNED[bytes], smallUnsigned: false };
  }
  return { dtype: FLOAT64, smallUnsigned: false };
}

/**
 * PyArray_ResultType for arrays and Python scalars (1.24, value-based): when no scalar is of a
 * higher kind category (bool < integers < floats) than every array, each scalar counts by its min_scalar_type (a small unsigned as
 * the signed type of its size); otherwise scalars count by their own dtype.
 */
export function resultType(arrays: readonly DType[], scalars: readonly PyScalar[]): DType {
  if (arrays.length === 0) return scalars.map(scalarDType).reduce(promote);
  const arr = arrays.reduce(promote);
  if (scalars.length === 0) return arr;
  // dtype_kind_to_simplified_ordering: bool 0, (u)int 1, float 2
  const category = (k: Kind): number => (k === 'b' ? 0 : k === 'f' ? 2 : k === 'O' ? 3 : 1);
  const maxArray = Math.max(...arrays.map((d) => category(d.kind)));
  const useMin = scalars.every((s) => (s.kind === 'bool' ? 0 : s.kind === 'int' ? 1 : 2) <= maxArray);
  let r = arr;
  for (const s of scalars) {
    if (!useMin) {
      r = promote(r, scalarDType(s));
      continue;
    }
    const { dtype, smallUnsigned } = minScalarType(s);
    r = smallUnsigned && r.kind === 'i' ? promote(r, SIGNED[dtype.itemsize]) : promote(r, dtype);
  }
  return r;
}

/** Can a Python scalar be cast to `to` safely, judged by its value (PyArray_CanCastArrayTo on its 0-d array)? */
export function scalarCastsSafely(s: PyScalar, to: DType): boolean {
  const { dtype, smallUnsigned } = minScalarType(s);
  if (smallUnsigned && to.kind === 'i') return canCastSafely(SIGNED[dtype.itemsize], to);
  return canCastSafely(dtype, to);
}

/** The range of an integer dtype, as bigints. */
export function intRange(d: DType): [bigint, bigint] {
  const bits = BigInt(8 * d.itemsize);
  return d.kind === 'u' ? [0n, 2n ** bits - 1n] : [-(2n ** (bits - 1n)), 2n ** (bits - 1n) - 1n];
}
