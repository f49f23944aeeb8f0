import { rawMalloc } from './alloc';
import { NotSupported, PyError } from '../python/errors';
import { intValue } from '../python/objects/int';
import { T } from '../python/objects/types';
import { NPY_BUFSIZE, NPY_MIN_ELIDE_BYTES } from './constants';
import { arrayResult, canCastSafely, canCastSameKind, scalarCastsSafely, scalarDType, scalarResult, type DType, type PyScalar } from './dtypes';
import { isCContiguous, shapeText, size, type Arrays } from './ndarray';

/** See Ufuncs.checkCallers. */
export const FIRST_BACKTRACE_FILE_RSS = 532_480;

const UFUNC: Record<string, string> = { '+': 'add', '-': 'subtract', '*': 'multiply', '/': 'true_divide' };

/** One ufunc operand: an array, or a Python scalar that becomes a 0-d array. */
type Operand = { h: number; temp: boolean };

/**
 * NIT_SIZEOF_ITERATOR(itflags with BUFFER, ndim, nop) (nditer_impl.h, 1.24.2): the fixed part
 * (40) + perm (32) + dtypes/resetdataptr/baseoffsets/operands + opitflags + bufferdata with two
 * NPY_cast_info (56 bytes each) per operand + one axisdata per dimension. ndim 1, nop 3 → 776,
 * as measured.
 */
export function iteratorBytes(ndim: number, nop: number): number {
  const flex = 32 + 8 * nop + 16 * (nop + 1) + 8 * nop + Math.ceil((2 * nop) / 8) * 8 + 8 * (6 + 5 * nop) + 112 * nop;
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
 * The number protocol of ndarray for + - * / (number.c: array_add … array_true_divide and the
 * in-place forms) and the ufunc machinery under it (ufunc_object.c, 1.24.2), as allocations:
 *  - a Python scalar operand becomes a 0-d array (PyArray_FromAny: 96-byte object + 8 bytes of
 *    data through the data cache), freed when the call ends;
 *  - check_for_trivial_loop casts 0-d and short (≤ NPY_BUFSIZE) 1-D inputs whose dtype differs
 *    from the loop's into a new array; a longer one sends the call to the buffered iterator;
 *  - try_trivial_single_output_loop allocates the output (PyArray_NewFromDescr, not zeroed);
 *  - the iterator path: the NpyIter (PyObject_Malloc(iteratorBytes) → malloc, being > 512), the
 *    output, one PyArray_malloc(min(8192, size) · itemsize) buffer per operand that needs a
 *    cast, freed with the iterator;
 *  - temporary elision (temp_elide.c try_binary_elide): for + - * (and / of a float array) when
 *    the left operand — or, for + and *, the right one — is an exact, writeable ndarray owning
 *    its data, with reference count 1 (a temporary on the interpreter's stack) and at least
 *    NPY_MIN_ELIDE_BYTES = 256 KiB, and the other operand is a scalar or an array of the same
 *    shape that casts safely to its dtype: the operation runs in place and nothing is allocated
 *    but the transient 0-d array PyArray_EnsureArray makes of a scalar. check_callers (the
 *    backtrace test) succeeds on Debian's python3.11, which exports _PyEval_EvalFrameDefault:
 *    measured, `t = a * 2 + 1` with a 100,000-element int64 array made one 800,000-byte malloc.
 */
export class Ufuncs {
  private unwound = false;
  /** ld.so's 40-byte scope array that the first backtrace's dlopen frees (from the import footprint). */
  dlScopeBlock = 0;

  constructor(readonly arrays: Arrays) {}

  /**
   * check_callers: backtrace() and dladdr() over at most 10 frames. The first backtrace() in a
   * process dlopens libgcc_s.so.1 (already loaded, as libgfortran's dependency): measured under
   * the shim, _dl_map_object_deps mallocs 56 bytes that stay, and _dl_scope_free frees a 40-byte
   * scope array the import made (id 2260 of the import trace). It also unwinds through code never
   * run before, reading .eh_frame data: file-backed pages the model does not contain (measured
   * with tools/record.py: the first elided `a * 2 + 1` added 532,480 bytes of rss − rss_anon
   * beyond its 8 MB temporary; later ones add none).
   */
  checkCallers(): boolean {
    if (!this.unwound) {
      this.unwound = true;
      const libc = this.arrays.alloc.libc;
      const deps = libc.malloc(56);
      if (deps) this.vm.mem.touch(deps, 56);
      if (this.dlScopeBlock) libc.free(this.dlScopeBlock);
      this.dlScopeBlock = 0;
      this.vm.kernel.baselineRss += FIRST_BACKTRACE_FILE_RSS;
    }
    return true;
  }

  private get vm() {
    return this.arrays.vm;
  }

  private scalarOf(h: number): PyScalar | null {
    const t = this.vm.table.type[h];
    if (t === T.Int || t === T.Bool) return { kind: 'int', value: intValue(this.vm, h) };
    if (t === T.Float) return { kind: 'float', value: this.vm.table.num[h] };
    return null;
  }

  /** BINARY_OP on an ndarray: a new reference, or 0 for NotImplemented. */
  binop(op: string, m1: number, m2: number, inplace: boolean): number {
    const A = this.arrays;
    if (!UFUNC[op]) {
      if (['<', '>', '<=', '>=', '==', '!='].includes(op)) throw new NotSupported('comparing numpy arrays');
      throw new NotSupported(`the ${op} operator on numpy arrays`);
    }
    for (const h of [m1, m2]) {
      if (!A.isArray(h) && this.scalarOf(h) === null) {
        const t = this.vm.table.type[h];
        if (t === T.List || t === T.Tuple) throw new NotSupported('numpy arithmetic with a list or tuple operand');
        return 0;
      }
    }
    if (inplace && A.isArray(m1)) return this.call(op, m1, m2, m1);
    const elidable = op !== '/' || (A.isArray(m1) && A.state(m1).dtype.kind === 'f');
    if (elidable) {
      const commutative = op === '+' || op === '*';
      if (this.canElide(m1, m2)) return this.call(op, m1, m2, m1);
      if (commutative && this.canElide(m2, m1)) return this.call(op, m2, m1, m2);
    }
    return this.call(op, m1, m2, 0);
  }

  /** can_elide_temp(olhs, orhs): see the class comment. check_callers is taken to succeed. */
  private canElide(lhs: number, rhs: number): boolean {
    const A = this.arrays;
    if (!A.isArray(lhs) || this.vm.table.refcnt[lhs] !== 1) return false;
    const st = A.state(lhs);
    if (!st.own || A.nbytes(lhs) < NPY_MIN_ELIDE_BYTES) return false;
    if (A.isArray(rhs)) {
      const r = A.state(rhs);
      const sameShape = r.shape.length === 0 || (r.shape.length === st.shape.length && r.shape.every((d, i) => d === st.shape[i]));
      return sameShape && canCastSafely(r.dtype, st.dtype) && this.checkCallers();
    }
    const s = this.scalarOf(rhs);
    if (s === null) return false;
    // PyArray_EnsureArray(orhs): a 0-d array, dropped again after the checks
    const tmp = A.newArray(scalarDType(s), []);
    A.writeAll(tmp);
    this.vm.decref(tmp);
    return scalarCastsSafely(s, st.dtype) && this.checkCallers();
  }

  /** The ufunc call op(x, y[, out]): a new reference to the result (out, when given). */
  call(op: string, x: number, y: number, out: number): number {
    const A = this.arrays;
    const vm = this.vm;
    const name = UFUNC[op];
    const sx = A.isArray(x) ? null : this.scalarOf(x);
    const sy = A.isArray(y) ? null : this.scalarOf(y);
    let loop: DType | null;
    if (sx === null && sy === null) loop = arrayResult(op, A.state(x).dtype, A.state(y).dtype);
    else loop = scalarResult(op, A.state(sx ? y : x).dtype, (sx ?? sy)!);
    if (loop === null) throw new NotSupported(`numpy's result dtype for ${A.state(sx ? y : x).dtype.name} ${op} ${String((sx ?? sy)!.value)}`);
    if (out) {
      const od = A.state(out).dtype;
      if (!canCastSameKind(loop, od))
        throw new PyError('numpy.core._exceptions._UFuncOutputCastingError', `Cannot cast ufunc '${name}' output from dtype('${loop.name}') to dtype('${od.name}') with casting rule 'same_kind'`);
    }
    const shapes = [x, y].map((h) => (A.isArray(h) ? A.state(h).shape : []));
    const shape = broadcast(shapes[0], shapes[1]);
    if (shape === null) throw new PyError('ValueError', `operands could not be broadcast together with shapes ${shapeText(shapes[0])} ${shapeText(shapes[1])} `);
    if (out && !A.state(out).shape.every((d, i) => d === shape[i]))
      throw new PyError('ValueError', `non-broadcastable output operand with shape ${shapeText(A.state(out).shape)} doesn't match the broadcast shape ${shapeText(shape)}`);

    // convert_ufunc_arguments: scalars become 0-d arrays (PyArray_FromAny)
    const ops: Operand[] = [x, y].map((h) => {
      const s = this.scalarOf(h);
      if (s === null) return { h, temp: false };
      const z = A.newArray(scalarDType(s), []);
      A.writeAll(z);
      return { h: z, temp: true };
    });
    try {
      const result = this.trivial(ops, loop, out) ?? this.iterated(ops, loop, out, shape);
      A.writeAll(result);
      return result;
    } finally {
      for (const o of ops) if (o.temp) vm.decref(o.h);
    }
  }

  /**
   * check_for_trivial_loop + try_trivial_single_output_loop: the result, or null when the call
   * needs the iterator. Inputs it casts replace `ops` entries (the replaced temporaries go now).
   */
  private trivial(ops: Operand[], loop: DType, out: number): number | null {
    const A = this.arrays;
    const vm = this.vm;
    for (let i = 0; i < ops.length; i++) {
      const st = A.state(ops[i].h);
      if (st.dtype === loop) continue;
      const nd = st.shape.length;
      // PyArray_MinCastSafety(safety, casting = same_kind) != casting: not trivial
      if (!canCastSameKind(st.dtype, loop)) return null;
      if (!(nd === 0 || (nd === 1 && st.shape[0] <= NPY_BUFSIZE))) return null;
      const c = A.newArray(loop, st.shape); // PyArray_CastToType
      A.writeAll(c);
      if (ops[i].temp) vm.decref(ops[i].h);
      ops[i] = { h: c, temp: true };
    }
    if (out && A.state(out).dtype !== loop) return null;
    let opShape: number[] | null = null;
    for (const o of ops) {
      const st = A.state(o.h);
      if (st.shape.length === 0) continue;
      if (opShape === null) opShape = st.shape;
      else if (st.shape.length !== opShape.length || !st.shape.every((d, i) => d === opShape![i])) return null;
      if (st.shape.length > 1 && !isCContiguous(st)) return null;
    }
    if (out) {
      vm.incref(out);
      return out;
    }
    return A.newArray(loop, opShape ?? []);
  }

  /**
   * The buffered NpyIter path (execute_ufunc_loop → NpyIter_AdvancedNew, nditer_constr.c):
   * the iterator (NIT_SIZEOF_ITERATOR for the broadcast ndim, before axes are coalesced);
   * npyiter_allocate_arrays in operand order: a 0-d input that needs a cast is copied into a
   * new 0-d array of the loop dtype, the output is allocated; then npyiter_allocate_buffers:
   * PyArray_malloc(min(NPY_BUFSIZE, itersize) · itemsize) for every operand without
   * NPY_OP_ITFLAG_BUFNEVER, i.e. one that needs a cast, or whose strides cannot be coalesced
   * into one over the broadcast shape (a broadcast operand of a 2-d loop, a 0-d one); at the
   * end (NpyIter_Deallocate) the buffers, then the iterator's operand references, then the
   * iterator itself are freed.
   */
  private iterated(ops: Operand[], loop: DType, out: number, shape: number[]): number {
    const A = this.arrays;
    const vm = this.vm;
    const libc = A.alloc.libc;
    const nd = shape.length;
    const bytes = iteratorBytes(nd, 3);
    const iter = rawMalloc(libc, bytes);
    if (iter === 0) throw new PyError('MemoryError', '');
    vm.mem.touch(iter, bytes);
    const copies: number[] = [];
    const buffers: number[] = [];
    try {
      const iterOps = ops.map((o) => {
        const st = A.state(o.h);
        if (st.dtype === loop || st.shape.length > 0) return o.h;
        const c = A.newArray(loop, []);
        A.writeAll(c);
        copies.push(c);
        return c;
      });
      const result = out ? (vm.incref(out), out) : A.newArray(loop, shape);
      iterOps.push(result);
      const bufLen = Math.min(NPY_BUFSIZE, size(shape)) * loop.itemsize;
      for (const h of iterOps) {
        if (bufLen === 0 || (A.state(h).dtype === loop && bufferNever(A.state(h).shape, A.state(h).strides, shape))) continue;
        const b = rawMalloc(libc, bufLen);
        if (b === 0) throw new PyError('MemoryError', '');
        vm.mem.touch(b, bufLen);
        buffers.push(b);
      }
      return result;
    } finally {
      for (const b of buffers) libc.free(b);
      for (const c of copies) vm.decref(c);
      libc.free(iter);
    }
  }
}

/**
 * NPY_OP_ITFLAG_BUFNEVER for an operand that needs no cast (npyiter_allocate_arrays): always
 * for a loop of at most one dimension; otherwise when its strides over the broadcast shape,
 * innermost axis first, chain into one stride (a 0-d operand never does).
 */
export function bufferNever(opShape: readonly number[], opStrides: readonly number[], shape: readonly number[]): boolean {
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
