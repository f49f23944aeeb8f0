/**
 * NIT_SIZEOF_ITERATOR(itflags with BUFFER, ndim, nop) (nditer_impl.h, 1.24.2): the fixed part
 * (40) + perm (32) + dtypes/resetdataptr/baseoffsets/operands + opitflags (two bytes each, rounded
 * to 8; npyiter_opitflags is npy_int16) + with NPY_ITER_BUFFERED the bufferdata and two NPY_cast_info (56 bytes each) per operand
 * + one axisdata per dimension. Measured: buffered ndim 1 nop 3 → 776, ndim 2 → 856; unbuffered
 * nop 1 → 176 (1-d) and 224 (2-d), nop 2 1-d → 224.
 */
export function iteratorBytes(ndim: number, nop: number, buffered = true): number {
  const buffer = buffered ? 8 * (6 + 5 * nop) + 112 * nop : 0;
  const flex = 32 + 8 * nop + 16 * (nop + 1) + 8 * nop + Math.ceil((2 * nop) / 8) * 8 + buffer;
  return 40 + flex + (2 + 2 * (nop + 1)) * 8 * Math.max(ndim, 1);
}

/** Broadcast shapes (NumPy's rule), or null when they do not broadcast. */
export function broadcast(a: readonly number[], b: readonly number[]): number[] | null {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const x = a[a.length - n + i] ?? 1;
    const y = b[b.length - n + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) return null;
    out[i] = x === 1 ? y : x;
  }
  return out;
}

/**
 * NPY_OP_ITFLAG_BUFNEVER for an operand that needs no cast (npyiter_allocate_arrays): always
 * for a loop of at most one dimension; otherwise when its strides over the broadcast shape,
 * innermost axis first, chain into one stride (a 0-d operand never does).
 */
export function bufferNever(
  opShape: readonly number[],
  opStrides: readonly number[],
  shape: readonly number[],
): boolean {
  const nd = shape.length;
  if (nd <= 1) return true;
  if (opShape.length === 0) return false;
  const stride = (axis: number): number => {
    const k = axis - (nd - opShape.length);
    return k < 0 || opShape[k] === 1 ? 0 : opStrides[k];
  };
  let axis = nd - 1;
  while (axis >= 0 && shape[axis] === 1) axis--;
  if (axis < 0) return true;
  const inner = stride(axis);
  let run = shape[axis];
  for (axis--; axis >= 0; axis--) {
    if (shape[axis] === 1) continue;
    if (inner * run !== stride(axis)) return false;
    run *= shape[axis];
  }
  return true;
}
