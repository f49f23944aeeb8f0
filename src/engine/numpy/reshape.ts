import { valueError } from '../python/abstract/errors';
import type { Arrays } from './ndarray';

/**
 * _attempt_nocopy_reshape (shape.c, 1.24.2, C order): new strides for `newdims` over the same
 * memory, or null when the old axes cannot be combined (then reshape copies).
 */
export function nocopyReshape(
  shape: readonly number[],
  strides: readonly number[],
  itemsize: number,
  newdims: readonly number[],
): number[] | null {
  const olddims: number[] = [];
  const oldstrides: number[] = [];
  shape.forEach((d, i) => {
    if (d !== 1) {
      olddims.push(d);
      oldstrides.push(strides[i]);
    }
  });
  const newstrides = new Array<number>(newdims.length).fill(0);
  let oi = 0;
  let oj = 1;
  let ni = 0;
  let nj = 1;
  while (ni < newdims.length && oi < olddims.length) {
    let np = newdims[ni];
    let op = olddims[oi];
    while (np !== op) {
      if (np < op) np *= newdims[nj++];
      else op *= olddims[oj++];
    }
    for (let ok = oi; ok < oj - 1; ok++)
      if (oldstrides[ok] !== olddims[ok + 1] * oldstrides[ok + 1]) return null;
    newstrides[nj - 1] = oldstrides[oj - 1];
    for (let nk = nj - 1; nk > ni; nk--) newstrides[nk - 1] = newstrides[nk] * newdims[nk];
    ni = nj++;
    oi = oj++;
  }
  const last = ni >= 1 ? newstrides[ni - 1] : itemsize;
  for (let nk = ni; nk < newdims.length; nk++) newstrides[nk] = last;
  return newstrides;
}

/** _fix_unknown_dimension: one -1 is inferred; the sizes must agree. */
export function fixUnknownDimension(A: Arrays, dims: number[], total: number): number[] {
  const vm = A.vm;
  const out = [...dims];
  let unknown = -1;
  let known = 1;
  out.forEach((d, i) => {
    if (d < 0) {
      if (unknown >= 0) throw valueError(vm, 'can only specify one unknown dimension');
      unknown = i;
    } else known *= d;
  });
  if (unknown >= 0 && known !== 0 && total % known === 0) out[unknown] = total / known;
  else if (unknown >= 0 || known !== total)
    throw valueError(
      vm,
      'cannot reshape array of size %zd into shape %s',
      total,
      dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(',')})`,
    );
  return out;
}

/** Can `from` broadcast to exactly `to`? */
export function broadcastsTo(from: readonly number[], to: readonly number[]): boolean {
  if (from.length > to.length)
    return (
      from.slice(0, from.length - to.length).every((d) => d === 1) &&
      broadcastsTo(from.slice(from.length - to.length), to)
    );
  const off = to.length - from.length;
  return from.every((d, i) => d === 1 || d === to[off + i]);
}
