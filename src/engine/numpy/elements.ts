import { NotSupported } from '../python/errors';
import { VK } from './arrayTable';
import type { Arrays } from './ndarray';
import { FLOAT64 } from './dtypes';
import { castValue, type ElementFn } from './values';
import { fieldAt } from './recordRows';

/**
 * Reading and writing the element values of any array (owner or view) in C order, through its
 * data pointer and strides relative to the buffer that holds the values, as NumPy's strided
 * loops walk memory.
 */

/** Calls fn(offset) for every element of a strided region, C order; offsets in bytes from `start`. */
export function forEachOffset(
  shape: readonly number[],
  strides: readonly number[],
  start: number,
  fn: (offset: number, k: number) => void,
): void {
  const nd = shape.length;
  let n = 1;
  for (const d of shape) n *= d;
  if (n === 0) return;
  if (nd === 0) return fn(start, 0);
  if (nd === 1) {
    const s0 = strides[0];
    for (let i = 0, o = start; i < shape[0]; i++, o += s0) fn(o, i);
    return;
  }
  if (nd === 2) {
    const [d0, d1] = shape;
    const [s0, s1] = strides;
    let k = 0;
    for (let i = 0; i < d0; i++) for (let j = 0, o = start + i * s0; j < d1; j++, o += s1) fn(o, k++);
    return;
  }
  const idx = new Array<number>(nd).fill(0);
  let o = start;
  for (let k = 0; k < n; k++) {
    fn(o, k);
    for (let ax = nd - 1; ax >= 0; ax--) {
      idx[ax]++;
      o += strides[ax];
      if (idx[ax] < shape[ax]) break;
      o -= idx[ax] * strides[ax];
      idx[ax] = 0;
    }
  }
}

/** The owner slot whose values an array reads, and the byte offset of the array's data in it. */
function source(A: Arrays, h: number): { owner: number; offset: number; itemsize: number } {
  const t = A.t;
  const s = A.slot(h);
  const owner = t.vslot[s];
  return { owner, offset: t.data[s] - t.data[owner], itemsize: t.dt(owner).itemsize };
}

/**
 * The element at byte offset `o` (from the owner's data) as a reader of `h` sees it: the owner's
 * element, or, for a field view of a structured owner (`a['score']`), that field of the record's
 * row (recordRows.ts).
 */
function offsetReader(A: Arrays, h: number, owner: number): (o: number) => number {
  const t = A.t;
  const od = t.dt(owner);
  const get = A.values.reader(owner);
  const w = od.itemsize;
  const vd = t.dt(A.slot(h));
  if (od.kind !== 'V' || vd.kind === 'V') return (o) => get(o / w);
  const f = fieldAt(od, vd, t.data[A.slot(h)] - t.data[owner]);
  const off = od.fields![f].offset;
  const rows = A.values.rows;
  return (o) => rows.get(od, get((o - off) / w), f);
}

/** Every element's value, C order. */
export function forEachValue(A: Arrays, h: number, fn: (v: number, k: number) => void): void {
  A.readAll(h);
  const { owner, offset } = source(A, h);
  const get = offsetReader(A, h, owner);
  const s = A.slot(h);
  forEachOffset(A.t.shape(s), A.t.strides(s), offset, (o, k) => fn(get(o), k));
}

/** The values as a Float64Array, C order (int64 values beyond 2**53 are approximate). */
export function readValues(A: Arrays, h: number): Float64Array {
  const out = new Float64Array(A.size(h));
  forEachValue(A, h, (v, k) => (out[k] = v));
  return out;
}

/**
 * The values of `h` broadcast to `shape`, C order (a broadcast axis repeats: stride 0), as the
 * ufunc loops read an operand.
 */
export function readBroadcast(A: Arrays, h: number, shape: readonly number[]): Float64Array {
  A.readAll(h);
  const { owner, offset, itemsize } = source(A, h);
  const get = offsetReader(A, h, owner);
  const s = A.slot(h);
  const hs = A.t.shape(s);
  const typed = A.values.typedOf(owner);
  if (
    typed !== null &&
    A.t.dt(owner) === A.t.dt(s) &&
    hs.length === shape.length &&
    hs.every((d, i) => d === shape[i]) &&
    A.cContiguous(h)
  ) {
    // a C-contiguous run of stored values: one block copy (np.append / concatenate in a loop)
    const start = offset / itemsize;
    return Float64Array.from(typed.subarray(start, start + A.t.size(s)));
  }
  const hst = A.t.strides(s);
  const nd = shape.length;
  const strides = shape.map((_, i) => {
    const k = i - (nd - hs.length);
    return k < 0 || hs[k] === 1 ? 0 : hst[k];
  });
  let n = 1;
  for (const d of shape) n *= d;
  const out = new Float64Array(n);
  forEachOffset(shape, strides, offset, (o, k) => (out[k] = get(o)));
  return out;
}

/** One element by its C-order index. */
export function valueAt(A: Arrays, h: number, k: number): number {
  const s = A.slot(h);
  const { owner, offset } = source(A, h);
  const shape = A.t.shape(s);
  const strides = A.t.strides(s);
  let o = offset;
  for (let ax = shape.length - 1; ax >= 0; ax--) {
    o += (k % shape[ax]) * strides[ax];
    k = Math.floor(k / shape[ax]);
  }
  return offsetReader(A, h, owner)(o);
}

/** The element at byte address `addr` inside `h`'s buffer. */
export function valueAtAddress(A: Arrays, h: number, addr: number): number {
  const owner = A.t.vslot[A.slot(h)];
  return offsetReader(A, h, owner)(addr - A.t.data[owner]);
}

/**
 * The array's values as a pure formula of its C-order index, when that is cheap: an owner (or a
 * whole-buffer C-contiguous view) whose values are a formula. Null otherwise.
 */
export function formulaOf(A: Arrays, h: number): ElementFn | null {
  const { owner, offset } = source(A, h);
  if (A.t.dt(owner) !== A.t.dt(A.slot(h))) return null;
  const f = A.values.formula(owner);
  if (f === null || offset !== 0 || !A.cContiguous(h) || A.size(h) !== A.t.size(owner)) return null;
  return f;
}

/**
 * Write values into an array's elements (cast to its dtype): `get(k)` is element k in C order.
 * A write covering a whole owner with a formula keeps a formula; otherwise the owner's values
 * become a typed array (or are lost past the value budget; the write then only costs memory).
 */
export function writeValues(
  A: Arrays,
  h: number,
  get: (k: number) => number,
  formula: ElementFn | null = null,
  depth = 1,
): void {
  const t = A.t;
  const s = A.slot(h);
  const { owner, offset, itemsize } = source(A, h);
  const d = t.dt(s);
  if (formula !== null && offset === 0 && A.cContiguous(h) && t.size(s) === t.size(owner) && owner === s) {
    A.values.setExpr(s, (i) => castValue(d, formula(i)), depth);
    return;
  }
  const arr = A.values.writable(owner);
  if (arr === null) return;
  const od = t.dt(owner);
  if (od.kind === 'V' && d.kind !== 'V') {
    // a field view: each record gets a new row with the field changed (recordRows.ts)
    const f = fieldAt(od, d, offset);
    const off = od.fields![f].offset;
    const rows = A.values.rows;
    forEachOffset(t.shape(s), t.strides(s), offset, (o, k) => {
      const i = (o - off) / itemsize;
      arr[i] = rows.withField(od, arr[i], f, castValue(d, get(k)));
    });
    return;
  }
  if (owner === s && offset === 0 && A.cContiguous(h)) {
    // the whole owner in its own order: no offsets to walk
    const n = t.size(s);
    if (d === FLOAT64) for (let k = 0; k < n; k++) arr[k] = get(k);
    else for (let k = 0; k < n; k++) arr[k] = castValue(d, get(k));
    A.values.written(owner, 0, n);
    return;
  }
  let lo = Infinity;
  let hi = -Infinity;
  forEachOffset(t.shape(s), t.strides(s), offset, (o, k) => {
    const i = o / itemsize;
    arr[i] = castValue(d, get(k));
    if (i < lo) lo = i;
    if (i > hi) hi = i;
  });
  if (hi >= lo) A.values.written(owner, lo, hi + 1);
}

/** One element written at byte address `addr` inside `h`'s buffer (PyArray_Pack). */
export function writeAt(A: Arrays, h: number, addr: number, v: number): void {
  const t = A.t;
  const owner = t.vslot[A.slot(h)];
  const arr = A.values.writable(owner);
  if (arr === null) return;
  const d = t.dt(owner);
  const vd = t.dt(A.slot(h));
  if (d.kind === 'V' && vd.kind !== 'V') {
    const f = fieldAt(d, vd, addr - t.data[owner]);
    const i = (addr - t.data[owner] - d.fields![f].offset) / d.itemsize;
    arr[i] = A.values.rows.withField(d, arr[i], f, castValue(vd, v));
    return;
  }
  const i = (addr - t.data[owner]) / d.itemsize;
  arr[i] = castValue(d, v);
  A.values.written(owner, i, i + 1);
}

/** The array's values can be read (not lost to the budget). */
export function valuesKnown(A: Arrays, h: number): boolean {
  return A.t.vkind[A.t.vslot[A.slot(h)]] !== VK.Lost;
}

/** Throws the simulator's stop when the values were not kept. */
export function requireValues(A: Arrays, h: number, what: string): void {
  if (!valuesKnown(A, h))
    throw new NotSupported(`${what} of an array whose values were not kept (over the value budget)`);
}

/** The address of element `flat` (its C-order position) of `h`, through its shape and strides. */
export function flatAddress(A: Arrays, h: number, flat: number): number {
  const shape = A.shape(h);
  const strides = A.strides(h);
  let rem = flat;
  let addr = A.data(h);
  for (let ax = shape.length - 1; ax >= 0; ax--) {
    addr += (rem % shape[ax]) * strides[ax];
    rem = Math.floor(rem / shape[ax]);
  }
  return addr;
}
