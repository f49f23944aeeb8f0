import { typeError, valueError } from '../python/abstract/errors';
import { NotSupported, PyError } from '../python/errors';
import { bytesNew } from '../python/objects/bytes';
import { strValue } from '../python/objects/str';
import { T, type Kwargs } from '../python/objects/types';
import { rawMalloc } from './alloc';
import { boolArg, intArg, isInt, isNone, parseArgs, sequenceItems } from './args';
import type { DType } from './dtypes';
import { requireValues, valueAt, writeValues } from './elements';
import type { NumpyRuntime } from './module';
import { size } from './ndarray';
import { iteratorBytes } from './nditer';

/** sizeof(PyArrayIterObject) on 1.24 x86-64 (PyArray_IterNew: PyArray_malloc, as sort.ts measured). */
const ITER_OBJECT_BYTES = 2632;
/** Candidate values tried before np.shares_memory gives up (NumPy's exact mode has no limit). */
const OVERLAP_WORK_LIMIT = 5e7;

interface Term {
  a: number;
  ub: number;
}

/**
 * diophantine_simplify: coefficients in decreasing order, equal ones merged (their bounds
 * added), each bound cut to rhs / a, terms whose bound becomes 0 dropped.
 */
function simplify(terms: Term[], rhs: number): Term[] {
  if (rhs < 0 || terms.some((t) => t.ub < 0)) return terms;
  const sorted = [...terms].sort((x, y) => y.a - x.a);
  const merged: Term[] = [];
  for (const t of sorted) {
    const last = merged[merged.length - 1];
    if (last && last.a === t.a) last.ub += t.ub;
    else merged.push({ ...t });
  }
  return merged.map((t) => ({ a: t.a, ub: Math.min(t.ub, Math.floor(rhs / t.a)) })).filter((t) => t.ub !== 0);
}

const gcd = (x: number, y: number): number => (y === 0 ? x : gcd(y, x % y));

/**
 * Whether sum(a[i]·x[i]) == b has a solution with 0 <= x[i] <= ub[i]: depth-first over the
 * terms, each one's candidates cut to what the remaining terms can still reach and to the
 * multiples their gcd allows.
 */
function solveBounded(terms: Term[], b: number): boolean {
  const n = terms.length;
  if (b < 0) return false;
  if (n === 0) return b === 0;
  const maxRest = new Array<number>(n + 1).fill(0);
  const gcdRest = new Array<number>(n + 1).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    maxRest[i] = maxRest[i + 1] + terms[i].a * terms[i].ub;
    gcdRest[i] = gcd(terms[i].a, gcdRest[i + 1]);
  }
  let work = 0;
  const dfs = (i: number, rem: number): boolean => {
    const { a, ub } = terms[i];
    if (i === n - 1) return rem % a === 0 && rem / a <= ub;
    const lo = Math.max(0, Math.ceil((rem - maxRest[i + 1]) / a));
    const hi = Math.min(ub, Math.floor(rem / a));
    const g = gcdRest[i + 1];
    for (let x = hi; x >= lo; x--) {
      if (++work > OVERLAP_WORK_LIMIT)
        throw new NotSupported('np.shares_memory of arrays whose strides make the exact answer this costly');
      const r = rem - a * x;
      if (r % g === 0 && dfs(i + 1, r)) return true;
    }
    return false;
  };
  return dfs(0, b);
}

/** The C-order index of the element at F-order position k. */
export function fToC(shape: readonly number[], k: number): number {
  let rem = k;
  let c = 0;
  let mul = 1;
  const idx = new Array<number>(shape.length);
  for (let ax = 0; ax < shape.length; ax++) {
    idx[ax] = rem % shape[ax];
    rem = Math.floor(rem / shape[ax]);
  }
  for (let ax = shape.length - 1; ax >= 0; ax--) {
    c += idx[ax] * mul;
    mul *= shape[ax];
  }
  return c;
}

/**
 * How arrays are laid out and reinterpreted: memory overlap (mem_overlap.c), contiguous and
 * Fortran copies (_array_fromobject_generic with an order and ndmin=1), squeeze, expand_dims,
 * swapaxes, views, ravel/flatten in Fortran order, tobytes, and np.append (function_base.py).
 */
export class Layout {
  constructor(readonly rt: NumpyRuntime) {}

  private get vm() {
    return this.rt.vm;
  }
  private get A() {
    return this.rt.arrays;
  }

  /** get_array_memory_extents: [low, high) of the bytes the array's elements touch. */
  private extents(h: number): [number, number] {
    const A = this.A;
    const shape = A.shape(h);
    const strides = A.strides(h);
    const start = A.data(h);
    if (size(shape) === 0) return [start, start];
    let low = start;
    let high = start + A.dtype(h).itemsize;
    shape.forEach((d, i) => {
      if (strides[i] < 0) low += strides[i] * (d - 1);
      else high += strides[i] * (d - 1);
    });
    return [low, high];
  }

  /**
   * np.may_share_memory (max_work=MAY_SHARE_BOUNDS) and np.shares_memory (exact,
   * solve_may_share_memory): disjoint extents share nothing; else may_share_memory says True, and
   * shares_memory asks whether sum(|stride|·x) over both arrays' axes and their item bytes can
   * reach the distance between their extents (a bounded Diophantine equation). NumPy's solver
   * mallocs three work arrays when two or more terms survive diophantine_simplify.
   */
  overlap(exact: boolean, args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const [a, b, maxWork] = parseArgs(
      vm,
      exact ? 'shares_memory' : 'may_share_memory',
      ['a', 'b', 'max_work'],
      2,
      args,
      kw,
    );
    // may_share_memory's max_work=None is MAY_SHARE_BOUNDS; shares_memory's is MAY_SHARE_EXACT
    const limit = isNone(vm, maxWork) ? (exact ? -1 : 0) : intArg(vm, maxWork!, 'max_work');
    if (limit !== -1 && limit !== 0) throw new NotSupported('np.shares_memory with a bounded max_work');
    const useExact = limit === -1;
    const result = this.rt.withArray(a!, (x) =>
      this.rt.withArray(b!, (y) => {
        const [s1, e1] = this.extents(x);
        const [s2, e2] = this.extents(y);
        if (!(s1 < e2 && s2 < e1 && s1 < e1 && s2 < e2)) return false;
        if (!useExact) return true;
        const rhs = Math.min(e2 - 1 - s1, e1 - 1 - s2);
        const terms = simplify([...this.terms(x), ...this.terms(y)], rhs);
        const libc = this.A.alloc.libc;
        const work = terms.length >= 2 ? [16, 8, 8].map((w) => rawMalloc(libc, w * terms.length)) : [];
        try {
          return solveBounded(terms, rhs);
        } finally {
          // free(Ep); free(Gamma); free(Epsilon)
          for (const i of [0, 2, 1]) if (work[i]) libc.free(work[i]);
        }
      }),
    );
    return vm.s.bool(result);
  }

  /** strides_to_terms (axes of length > 1 and a nonzero stride) and the item bytes. */
  private terms(h: number): Term[] {
    const A = this.A;
    const shape = A.shape(h);
    const strides = A.strides(h);
    const out: Term[] = [];
    shape.forEach((d, i) => {
      if (d > 1 && strides[i] !== 0) out.push({ a: Math.abs(strides[i]), ub: d - 1 });
    });
    const w = A.dtype(h).itemsize;
    return out.concat(w > 1 ? [{ a: 1, ub: w - 1 }] : []);
  }

  /**
   * np.ascontiguousarray / np.asfortranarray (_array_fromobject_generic, copy=False, ndmin=1): an
   * array already in that order (and dtype) passes through, else PyArray_FromArray copies it
   * into a new array of the order; a 0-d result gets a leading axis by _prepend_ones (a view).
   */
  asOrder(order: 'C' | 'F', args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const A = this.A;
    const [a, dt] = parseArgs(
      vm,
      order === 'C' ? 'ascontiguousarray' : 'asfortranarray',
      ['a', 'dtype', 'like'],
      1,
      args,
      kw,
    );
    const dtype = isNone(vm, dt) ? null : this.rt.dtypes.convert(dt, null);
    let r: number;
    if (A.isArray(a!)) {
      const inOrder = order === 'C' ? A.cContiguous(a!) : A.fContiguous(a!);
      if (inOrder && (dtype === null || dtype === A.dtype(a!))) {
        vm.incref(a!);
        r = a!;
      } else if (dtype === null || dtype === A.dtype(a!)) r = this.rt.views.copy(a!, order);
      else r = this.rt.fromList.fromArray(a!, dtype, true);
    } else r = this.rt.fromList.fromObject(a!, dtype, false);
    if (A.nd(r) > 0) return r;
    // _prepend_ones: a view of shape (1,) on the 0-d array
    try {
      return A.newArray(A.dtype(r), [1], {
        view: { data: A.data(r), base: r, strides: [A.dtype(r).itemsize] },
      });
    } finally {
      vm.decref(r);
    }
  }

  /**
   * PyArray_Squeeze: self when no axis has length 1, else PyArray_View (its dims block sized for
   * the old ndim) and PyArray_RemoveAxesInPlace (array_dealloc later frees that block as if it
   * held the new ndim, as NumPy does).
   */
  squeeze(h: number, axisH: number | undefined): number {
    const vm = this.vm;
    const A = this.A;
    const shape = A.shape(h);
    const nd = shape.length;
    let drop: boolean[];
    if (isNone(vm, axisH)) drop = shape.map((d) => d === 1);
    else {
      const items = isInt(vm, axisH!) ? [axisH!] : sequenceItems(vm, axisH!);
      if (items === null)
        throw typeError(vm, "'%s' object cannot be interpreted as an integer", vm.typeOf(axisH!).name);
      drop = shape.map(() => false);
      for (const it of items) {
        const ax0 = intArg(vm, it, 'axis');
        const ax = ax0 < 0 ? ax0 + nd : ax0;
        if (ax < 0 || ax >= nd) throw this.rt.errors.axis(ax0, nd);
        if (drop[ax]) throw valueError(vm, "duplicate value in 'axis'");
        if (shape[ax] !== 1)
          throw valueError(vm, 'cannot select an axis to squeeze out which has size not equal to one');
        drop[ax] = true;
      }
    }
    if (!drop.some((x) => x)) {
      vm.incref(h);
      return h;
    }
    const v = this.rt.views.view(h);
    const strides = A.strides(h);
    A.t.setShape(
      A.slot(v),
      shape.filter((_, i) => !drop[i]),
      strides.filter((_, i) => !drop[i]),
    );
    return v;
  }

  /** np.expand_dims (shape_base.py): asanyarray, the new shape, a.reshape(shape) (a view). */
  expandDims(args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const A = this.A;
    const [a, axisH] = parseArgs(vm, 'expand_dims', ['a', 'axis'], 2, args, kw);
    return this.rt.withArray(a!, (h) => {
      const items = isInt(vm, axisH!) ? [axisH!] : sequenceItems(vm, axisH!);
      if (items === null)
        throw typeError(vm, "'%s' object cannot be interpreted as an integer", vm.typeOf(axisH!).name);
      const shape = A.shape(h);
      const outNd = shape.length + items.length;
      const axes = items.map((x) => {
        const ax0 = intArg(vm, x, 'axis');
        const ax = ax0 < 0 ? ax0 + outNd : ax0;
        if (ax < 0 || ax >= outNd) throw this.rt.errors.axis(ax0, outNd);
        return ax;
      });
      if (new Set(axes).size !== axes.length) throw valueError(vm, 'repeated axis');
      const out: number[] = [];
      let k = 0;
      for (let i = 0; i < outNd; i++) out.push(axes.includes(i) ? 1 : shape[k++]);
      return this.reshapeMethod(h, out);
    });
  }

  /** ndarray.reshape(shape): PyArray_IntpConverter's block for the shape, then PyArray_Newshape. */
  reshapeMethod(h: number, dims: number[]): number {
    const A = this.A;
    const p = dims.length ? A.alloc.dimMalloc(dims.length) : 0;
    try {
      return this.rt.views.newshape(h, dims);
    } finally {
      if (p) A.alloc.dimFree(p, dims.length);
    }
  }

  /** PyArray_SwapAxes: the permutation with the two axes exchanged, then PyArray_Transpose (a view). */
  swapaxes(h: number, a1: number, a2: number): number {
    const nd = this.A.nd(h);
    const norm = (ax: number): number => {
      const a = ax < 0 ? ax + nd : ax;
      if (a < 0 || a >= nd) throw this.rt.errors.axis(ax, nd);
      return a;
    };
    const i = norm(a1);
    const j = norm(a2);
    const perm = Array.from({ length: nd }, (_, k) => (k === i ? j : k === j ? i : k));
    return this.rt.views.transpose(h, perm);
  }

  /**
   * ndarray.view(dtype=None, type=None): PyArray_View; `dtype` may be the type (a.view(cls), as
   * array_view reads a subclass of ndarray given first); another dtype is not modelled.
   */
  view(h: number, args: readonly number[], kw: Kwargs | null): number {
    const vm = this.vm;
    const A = this.A;
    let [dt, typeH] = parseArgs(vm, 'view', ['dtype', 'type'], 0, args, kw);
    const arrayType = (x: number | undefined): number | null => {
      if (x === undefined || !vm.typeOf(x).mro.includes(T.Type)) return null;
      const id = vm.slotsOf(x).id;
      return id === A.typeId || A.isSubtype(id) ? id : null;
    };
    if (!isNone(vm, dt) && arrayType(dt) !== null && isNone(vm, typeH)) [dt, typeH] = [typeH, dt];
    let subtype: number | undefined;
    if (!isNone(vm, typeH)) {
      const id = arrayType(typeH);
      if (id === null) throw typeError(vm, 'Cannot specify output type.');
      subtype = id;
    }
    if (!isNone(vm, dt)) {
      const d = this.rt.dtypes.convert(dt, null);
      if (d !== A.dtype(h)) throw new NotSupported('ndarray.view with another dtype (reinterpreting the bytes)');
    }
    return this.rt.views.view(h, subtype);
  }

  /** ravel(order): 'F' is a view when F-contiguous (PyArray_Newshape), else PyArray_Flatten(F). */
  ravel(h: number, orderH: number | undefined): number {
    const o = this.order(orderH, 'ravel');
    const A = this.A;
    if (o === 'C' || (o === 'A' && !(A.fContiguous(h) && !A.cContiguous(h)))) return this.rt.views.ravel(h);
    if (o === 'K') {
      if (A.cContiguous(h)) return this.rt.views.ravel(h);
      if (!A.fContiguous(h)) return this.rt.views.ravel(h);
    }
    if (A.fContiguous(h)) {
      if (A.nd(h) === 1) return this.rt.views.view(h);
      return A.newArray(A.dtype(h), [A.size(h)], {
        view: { data: A.data(h), base: h, strides: [A.dtype(h).itemsize] },
      });
    }
    return this.flattenF(h);
  }

  /** flatten(order): C as views.flatten; F (and A/K of an F-contiguous array) in Fortran order. */
  flatten(h: number, orderH: number | undefined): number {
    const o = this.order(orderH, 'flatten');
    const A = this.A;
    const fortran = o === 'F' || ((o === 'A' || o === 'K') && A.fContiguous(h) && !A.cContiguous(h));
    return fortran ? this.flattenF(h) : this.rt.views.flatten(h);
  }

  private order(h: number | undefined, fn: string): 'C' | 'F' | 'A' | 'K' {
    const vm = this.vm;
    if (isNone(vm, h)) return 'C';
    const s = vm.table.type[h!] === T.Str ? strValue(vm, h!) : '';
    if (s === 'C' || s === 'F' || s === 'A' || s === 'K') return s;
    throw valueError(vm, "order must be one of 'C', 'F', 'A', or 'K' (got '%s')", s || fn);
  }

  /** PyArray_Flatten(order F): a new 1-d array, the elements in Fortran order (two unbuffered iterators). */
  private flattenF(h: number): number {
    const A = this.A;
    const vm = this.vm;
    const shape = A.shape(h);
    const c = A.newArray(A.dtype(h), [A.size(h)]);
    const dst = vm.mem.malloc(iteratorBytes(1, 1, false));
    const src = vm.mem.malloc(iteratorBytes(Math.max(A.nd(h), 1), 1, false));
    writeValues(A, c, (k) => valueAt(A, h, fToC(shape, k)));
    A.writeAll(c);
    vm.mem.free(dst);
    vm.mem.free(src);
    return c;
  }

  /**
   * ndarray.tobytes (PyArray_ToString): a C-contiguous array is one PyBytes_FromStringAndSize of
   * its data; otherwise the bytes object first, then a PyArrayIterObject (PyArray_malloc) walks
   * the elements into it.
   */
  tobytes(h: number, args: readonly number[], kw: Kwargs | null): number {
    const vm = this.vm;
    const A = this.A;
    const [orderH] = parseArgs(vm, 'tobytes', ['order'], 0, args, kw);
    const o = this.order(orderH, 'tobytes');
    const d = A.dtype(h);
    const n = A.size(h);
    const shape = A.shape(h);
    const fortran = o === 'F' || (o === 'A' && A.fContiguous(h) && !A.cContiguous(h));
    const value = fortran ? (k: number) => valueAt(A, h, fToC(shape, k)) : (k: number) => valueAt(A, h, k);
    requireValues(A, h, 'ndarray.tobytes');
    const content = encode(d, n, value);
    const direct = fortran ? A.fContiguous(h) : A.cContiguous(h);
    if (direct) return bytesNew(vm, content);
    const it = rawMalloc(A.alloc.libc, ITER_OBJECT_BYTES);
    if (it === 0) throw new PyError('MemoryError', '');
    vm.mem.touch(it, 64);
    try {
      return bytesNew(vm, content);
    } finally {
      A.alloc.libc.free(it);
    }
  }

  /**
   * np.append (function_base.py): arr = asanyarray(arr); without an axis arr.ravel() (when not
   * 1-d) and ravel(values), then concatenate((arr, values), axis) — a new array every call.
   */
  append(args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const A = this.A;
    const [arrH, valuesH, axisH] = parseArgs(vm, 'append', ['arr', 'values', 'axis'], 2, args, kw);
    const temps: number[] = [];
    try {
      let arr = arrH!;
      if (!A.isArray(arr)) temps.push((arr = this.rt.fromList.fromObject(arr, null, false)));
      if (!isNone(vm, axisH))
        return this.rt.joins.concatenateArrays([arr, valuesH!], intArg(vm, axisH!, 'axis'), null);
      if (A.nd(arr) !== 1) temps.push((arr = this.rt.views.ravel(arr)));
      let values = valuesH!;
      if (!A.isArray(values)) temps.push((values = this.rt.fromList.fromObject(values, null, false)));
      temps.push((values = this.rt.views.ravel(values)));
      return this.rt.joins.concatenateArrays([arr, values], A.nd(arr) - 1, null);
    } finally {
      for (const t of temps.reverse()) vm.decref(t);
    }
  }

  /** np.array_equal (numeric.py): shapes equal and (a1 == a2).all(), as a Python bool. */
  arrayEqual(args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const A = this.A;
    const [a1, a2, eqNan] = parseArgs(vm, 'array_equal', ['a1', 'a2', 'equal_nan'], 2, args, kw);
    const nanEq = boolArg(vm, eqNan, false);
    const r = this.rt.withArray(a1!, (x) =>
      this.rt.withArray(a2!, (y) => {
        const s1 = A.shape(x);
        const s2 = A.shape(y);
        if (s1.length !== s2.length || s1.some((d, i) => d !== s2[i])) return false;
        const eq = this.rt.ufuncs.call('equal', [x, y], 0);
        try {
          if (nanEq) {
            const n = A.size(eq);
            for (let k = 0; k < n; k++)
              if (!valueAt(A, eq, k) && !(Number.isNaN(valueAt(A, x, k)) && Number.isNaN(valueAt(A, y, k))))
                return false;
            return true;
          }
          // bool(asarray(a1 == a2).all()): a logical_and reduction to a numpy bool
          const all = this.rt.reductions.reduce('logical_and', eq, null, null, false);
          try {
            return all === this.rt.scalars.true_;
          } finally {
            vm.decref(all);
          }
        } finally {
          vm.decref(eq);
        }
      }),
    );
    return vm.s.bool(r);
  }
}

/** The little-endian bytes of n elements of dtype d; a uniform fill when every byte is the same zero. */
export function encode(
  d: DType,
  n: number,
  value: (k: number) => number,
): string | { fill: number; length: number } {
  const w = d.itemsize;
  if (n * w > 1 << 16) {
    let allZero = true;
    for (let k = 0; k < n && allZero; k++) if (value(k) !== 0 || Object.is(value(k), -0)) allZero = false;
    if (allZero) return { fill: 0, length: n * w };
  }
  const buf = new DataView(new ArrayBuffer(w));
  const parts: string[] = [];
  let chunk = '';
  for (let k = 0; k < n; k++) {
    const v = value(k);
    switch (d.name) {
      case 'float64':
        buf.setFloat64(0, v, true);
        break;
      case 'float32':
        buf.setFloat32(0, v, true);
        break;
      case 'int64':
        buf.setBigInt64(0, BigInt(Math.trunc(v)), true);
        break;
      case 'uint64':
        buf.setBigUint64(0, BigInt(Math.trunc(v)), true);
        break;
      case 'int32':
        buf.setInt32(0, v, true);
        break;
      case 'uint32':
        buf.setUint32(0, v, true);
        break;
      case 'int16':
        buf.setInt16(0, v, true);
        break;
      case 'uint16':
        buf.setUint16(0, v, true);
        break;
      case 'int8':
        buf.setInt8(0, v);
        break;
      default:
        buf.setUint8(0, v);
    }
    for (let i = 0; i < w; i++) chunk += String.fromCharCode(buf.getUint8(i));
    if (chunk.length >= 1 << 16) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}
