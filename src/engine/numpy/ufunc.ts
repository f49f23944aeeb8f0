import { fromDouble } from '../python/objects/float';
import { raiseString, typeError, valueError } from '../python/abstract/errors';
import { NotSupported, PyError } from '../python/errors';
import { E } from '../python/objects/exctypes';
import { intValue } from '../python/objects/int';
import { tupleFromItems } from '../python/objects/tuple';
import { T } from '../python/objects/types';
import { rawMalloc } from './alloc';
import { NPY_BUFSIZE } from './constants';
import { BOOL, FLOAT64, INT64, UINT64, canCastSameKind, type DType, type PyScalar } from './dtypes';
import { bufferNever, broadcast, iteratorBytes } from './nditer';
import { binaryOperator, unaryOperator } from './operators';
import { formulaOf, readBroadcast, valueAt, valuesKnown, writeValues } from './elements';
import type { NumpyErrors } from './errors';
import {
  COMPARISONS,
  kernel,
  resolveLoop,
  resolveUnary,
  scalarOfValue,
  unaryKernel,
  type OperandType,
  type UfuncName,
  type UnaryName,
} from './loops';
import { shapeText, size, type Arrays } from './ndarray';
import type { Scalars } from './scalars';
import { castValue, type ElementFn } from './values';

/** See Ufuncs.checkCallers. */
export const FIRST_BACKTRACE_FILE_RSS = 532_480;

/** One ufunc operand after convert_ufunc_arguments: an array, `temp` if made here, `literal` if from a Python scalar. */
type Operand = { h: number; temp: boolean; literal: boolean };

/** The longest a formula chain may grow before values are computed and stored (a += 1 in a loop). */
const MAX_FORMULA_DEPTH = 24;

/**
 * The ufunc machinery under ndarray's operators (number.c, ufunc_object.c, 1.24.2), as
 * allocations and as values. A call, as ufunc_generic_fastcall makes it:
 *  - full_args.in, a tuple of the inputs (PyArray_TupleFromItems), and for an `out` a 1-tuple;
 *  - convert_ufunc_arguments: a Python or NumPy scalar becomes a 0-d array (PyArray_FromAny:
 *    a 96-byte object, its data from the data cache);
 *  - when a 0-d operand meets an array and value-based promotion applies (force_legacy_promotion),
 *    the legacy type resolver's signature tuple of nop Nones (_make_new_typetup), made and dropped
 *    (1.24's default promotion state is legacy: Python literals are not marked "weak");
 *  - check_for_trivial_loop casts 0-d and short (≤ NPY_BUFSIZE) 1-d inputs into new arrays;
 *    try_trivial_single_output_loop allocates the output (C order, or F order when every input
 *    is F-contiguous);
 *  - otherwise the buffered NpyIter: PyObject_Malloc(NIT_SIZEOF_ITERATOR), 0-d casts, the output,
 *    a PyArray_malloc(min(8192, size) · itemsize) buffer per operand that needs one;
 *  - temporary elision (temp_elide.c) for + - * / << >> & | ^ of a refcount-1 temporary of ≥ 256 KiB.
 * Values: a formula when the inputs are formulas, else computed element by element.
 */
export class Ufuncs {
  private unwound = false;
  /** ld.so's 40-byte scope array that the first backtrace's dlopen frees (from the import footprint). */
  dlScopeBlock = 0;
  /** Converts a list or tuple operand (np.asarray); set by the runtime. */
  fromSequence: ((h: number) => number) | null = null;

  constructor(
    readonly arrays: Arrays,
    readonly scalars: Scalars,
    readonly errors: NumpyErrors,
  ) {}

  private get vm() {
    return this.arrays.vm;
  }

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

  /** A Python or NumPy scalar's dtype and value, or null. */
  scalarOf(h: number): { d: DType; v: number; literal: boolean; py: PyScalar } | null {
    const vm = this.vm;
    const t = vm.table.type[h];
    if (t === T.Bool) {
      const v = Number(intValue(vm, h));
      return { d: BOOL, v, literal: true, py: { kind: 'bool', value: v !== 0 } };
    }
    if (t === T.Int) {
      const v = intValue(vm, h);
      const b = BigInt(v);
      if (b < -(2n ** 63n) || b >= 2n ** 64n)
        throw raiseString(vm, E.OverflowError, 'Python int too large to convert to C long');
      return {
        d: b >= 2n ** 63n ? UINT64 : INT64,
        v: Number(v),
        literal: true,
        py: { kind: 'int', value: v },
      };
    }
    if (t === T.Float)
      return { d: FLOAT64, v: vm.table.num[h], literal: true, py: { kind: 'float', value: vm.table.num[h] } };
    const d = this.scalars.dtypeOf(h);
    if (d) return { d, v: vm.table.num[h], literal: false, py: scalarOfValue(d, vm.table.num[h]) };
    return null;
  }

  /** Can this object be a ufunc operand (arrays, numbers; lists and tuples through asarray)? */
  accepts(h: number): boolean {
    const t = this.vm.table.type[h];
    return this.arrays.isArray(h) || this.scalarOf(h) !== null || t === T.List || t === T.Tuple;
  }

  /** BINARY_OP on an ndarray (operators.ts): a new reference, or 0 for NotImplemented. */
  binop(name: UfuncName, m1: number, m2: number, inplace: boolean): number {
    return binaryOperator(this, name, m1, m2, inplace);
  }

  /** A unary number slot on an ndarray (operators.ts). */
  unary(name: UnaryName, a: number): number {
    return unaryOperator(this, name, a);
  }

  /** The ufunc on one or two inputs, with `out` (0: a new array). A new reference to the result. */
  /** Structured arrays (records.ts) have no ufunc loops modelled (NumPy: comparisons field by field, arithmetic a UFuncTypeError). */
  refuseRecords(name: string, inputs: readonly number[]): void {
    for (const h of inputs)
      if (this.arrays.isArray(h) && this.arrays.dtype(h).kind === 'V')
        throw new NotSupported(`np.${name} on a structured array (apply it to a field: a['name'])`);
  }

  call(name: UfuncName, inputs: number[], out: number): number {
    const vm = this.vm;
    this.refuseRecords(name, inputs);
    for (const h of inputs) vm.incref(h);
    const inTuple = tupleFromItems(vm, inputs);
    let outTuple = 0;
    if (out) {
      vm.incref(out);
      outTuple = tupleFromItems(vm, [out]);
    }
    const wrapper = out ? 0 : this.wrapperOf(inputs);
    let method = 0;
    const ops: Operand[] = [];
    let r: number;
    try {
      for (const h of inputs) ops.push(this.convert(h));
      r = this.run(name, ops, out, wrapper ? () => (method = this.findWrap(inputs)) : undefined);
      if (wrapper) r = this.arrays.wrapFor(r, wrapper, method);
    } finally {
      for (const o of ops) if (o.temp) vm.decref(o.h);
      if (outTuple) vm.decref(outTuple);
      vm.decref(inTuple);
      if (method) this.afterWrap(inputs, method);
    }
    if (wrapper) return r;
    // PyArray_Return after the call's cleanup: a 0-d result becomes a NumPy scalar
    return !out && this.arrays.nd(r) === 0 ? this.reductionsScalar(r) : r;
  }

  /**
   * _find_array_wrap: `__array_wrap__` looked up on every subclass input (a bound method each),
   * the one of the highest priority kept (the first), the others dropped. Its address.
   */
  private findWrap(inputs: readonly number[]): number {
    const A = this.arrays;
    const vm = this.vm;
    let kept = 0;
    for (const h of inputs) {
      if (!A.isArray(h) || A.isExact(h)) continue;
      const m = A.wrapMethod();
      if (kept === 0) {
        kept = m;
        continue;
      }
      // its priority (PyArray_GetPriority: a float from the getset) compared and dropped
      vm.decref(fromDouble(vm, 0));
      vm.mem.free(m);
    }
    return kept;
  }

  /**
   * After the wrap: the kept method dropped, then one more bound method per subclass input made
   * and dropped (measured on 1.24.2: `np.sqrt(t)` one, `t + t` two; the lookup's caller in
   * ufunc_object.c is not identified).
   */
  private afterWrap(inputs: readonly number[], method: number): void {
    const A = this.arrays;
    const vm = this.vm;
    vm.mem.free(method);
    const again: number[] = [];
    for (const h of inputs) if (A.isArray(h) && !A.isExact(h)) again.push(A.wrapMethod());
    for (const p of again) vm.mem.free(p);
  }

  /**
   * _find_array_wrap: the input whose __array_wrap__ gets the result — the first instance of an
   * ndarray subclass (exact ndarrays and scalars have none; ties of __array_priority__, 0.0 for
   * every subclass not setting it, go to the first); 0 for none.
   */
  wrapperOf(inputs: readonly number[]): number {
    const A = this.arrays;
    for (const h of inputs) if (A.isArray(h) && !A.isExact(h)) return h;
    return 0;
  }



  /** convert_ufunc_arguments for one input: arrays as they are, anything else through PyArray_FromAny. */
  private convert(h: number): Operand {
    const A = this.arrays;
    if (A.isArray(h)) return { h, temp: false, literal: false };
    const s = this.scalarOf(h);
    if (s !== null) {
      const z = A.newArray(s.d, []);
      A.values.setConst(A.slot(z), s.v);
      A.writeAll(z);
      return { h: z, temp: true, literal: s.literal };
    }
    if (this.fromSequence) return { h: this.fromSequence(h), temp: true, literal: false };
    throw new NotSupported('a numpy operand of that type');
  }

  private operandType(h: number): OperandType {
    const A = this.arrays;
    const d = A.dtype(h);
    return {
      dtype: d,
      scalar: A.nd(h) === 0 ? scalarOfValue(d, valuesKnown(A, h) ? valueAt(A, h, 0) : 0) : null,
    };
  }

  private run(name: UfuncName, ops: Operand[], out: number, resolved?: () => void): number {
    const A = this.arrays;
    const vm = this.vm;
    const res = this.resolve(
      name,
      ops.map((o) => o.h),
    );
    const { loop } = res;
    // the outputs' __array_wrap__ is looked up once the loop is resolved (measured order)
    resolved?.();
    if (name === 'power' && loop.kind !== 'f' && ops.length === 2) {
      const e = ops[1].h;
      if (
        valuesKnown(A, e) &&
        A.size(e) > 0 &&
        Array.from({ length: Math.min(A.size(e), 1 << 20) }, (_, k) => valueAt(A, e, k)).some((v) => v < 0)
      )
        throw valueError(vm, 'Integers to negative integer powers are not allowed.');
    }
    if (out) {
      const od = A.dtype(out);
      if (!canCastSameKind(res.out, od))
        throw this.errors.raise(
          this.errors.outputCastingError,
          `Cannot cast ufunc '${name}' output from dtype('${res.out.name}') to dtype('${od.name}') with casting rule 'same_kind'`,
        );
      if (!A.writeable(out)) throw valueError(vm, 'output array is read-only');
    }
    let shape: number[] = [];
    for (const o of ops) {
      const b = broadcast(shape, A.shape(o.h));
      if (b === null)
        throw valueError(
          vm,
          'operands could not be broadcast together with shapes %s ',
          ops.map((x) => shapeText(A.shape(x.h))).join(' '),
        );
      shape = b;
    }
    if (out && A.shape(out).join() !== shape.join()) {
      const os = A.shape(out);
      if (broadcast(os, shape)?.join() !== os.join())
        throw valueError(
          vm,
          "non-broadcastable output operand with shape %s doesn't match the broadcast shape %s",
          shapeText(os),
          shapeText(shape),
        );
      shape = os;
    }
    const result = this.trivial(ops, loop, res.out, out) ?? this.iterated(ops, loop, res.out, out, shape);
    this.computeValues(name, ops, loop, res.out, result, shape);
    A.writeAll(result);
    return result;
  }

  /**
   * promote_and_get_ufuncimpl for arrays `ops`: the loop and output dtypes (value-based for 0-d
   * operands); force_legacy_promotion's tuple of Nones (nop + 1 items) made and dropped when a 0-d
   * operand meets arrays and should_use_min_scalar holds (measured: 64 bytes for add.at's 3).
   */
  resolve(name: UfuncName, ops: readonly number[]): { loop: DType; out: DType } {
    const vm = this.vm;
    const types = ops.map((h) => this.operandType(h));
    const res = resolveLoop(name, types);
    if ('error' in res) throw typeError(vm, '%s', res.error);
    const anyScalar = types.some((t) => t.scalar !== null);
    const allScalar = types.every((t) => t.scalar !== null);
    if (anyScalar && !allScalar && this.shouldUseMinScalar(types)) {
      const nop = ops.length + 1;
      const nones = new Array<number>(nop).fill(vm.s.None);
      for (let i = 0; i < nop; i++) vm.incref(vm.s.None);
      vm.decref(tupleFromItems(vm, nones));
    }
    return res;
  }

  /** should_use_min_scalar: no 0-d operand of a higher kind category than the arrays'. */
  private shouldUseMinScalar(types: OperandType[]): boolean {
    const cat = (d: DType): number => (d.kind === 'b' ? 0 : d.kind === 'f' ? 2 : 1);
    let maxScalar = -1;
    let maxArray = -1;
    for (const t of types) {
      if (t.scalar !== null) maxScalar = Math.max(maxScalar, cat(t.dtype));
      else maxArray = Math.max(maxArray, cat(t.dtype));
    }
    return maxArray >= maxScalar;
  }

  /** Is the F order the one to allocate the result in (every ≥1-d input F- but not C-contiguous)? */
  private fortran(ops: Operand[]): boolean {
    const A = this.arrays;
    const arrs = ops.filter((o) => A.nd(o.h) > 1);
    return arrs.length > 0 && arrs.every((o) => A.fContiguous(o.h) && !A.cContiguous(o.h));
  }

  private newResult(dtype: DType, shape: number[], fortran: boolean): number {
    const A = this.arrays;
    if (!fortran || shape.length < 2) return A.newArray(dtype, shape);
    // PyArray_NewFromDescr with NPY_ARRAY_F_CONTIGUOUS: the same buffer, strides innermost-first
    const h = A.newArray(dtype, shape);
    const strides: number[] = [];
    let acc = dtype.itemsize;
    for (const d of shape) {
      strides.push(acc);
      acc *= Math.max(d, 1);
    }
    A.t.setShape(A.slot(h), shape, strides);
    return h;
  }

  /**
   * check_for_trivial_loop + try_trivial_single_output_loop: the result, or null when the call
   * needs the iterator. Inputs it casts replace `ops` entries (the replaced temporaries go now).
   */
  private trivial(ops: Operand[], loop: DType, outType: DType, out: number): number | null {
    const A = this.arrays;
    const vm = this.vm;
    for (let i = 0; i < ops.length; i++) {
      const h = ops[i].h;
      const d = A.dtype(h);
      if (d === loop) continue;
      const nd = A.nd(h);
      // PyArray_MinCastSafety(safety, casting = same_kind) != casting: not trivial
      if (!canCastSameKind(d, loop)) return null;
      if (!(nd === 0 || (nd === 1 && A.shape(h)[0] <= NPY_BUFSIZE))) return null;
      const c = A.newArray(loop, A.shape(h)); // PyArray_CastToType
      writeValues(A, c, (k) => valueAt(A, h, k), formulaOf(A, h));
      A.writeAll(c);
      if (ops[i].temp) vm.decref(h);
      ops[i] = { h: c, temp: true, literal: false };
    }
    if (out && A.dtype(out) !== outType) return null;
    let opShape: number[] | null = null;
    for (const o of ops) {
      const shape = A.shape(o.h);
      if (shape.length === 0) continue;
      if (opShape === null) opShape = shape;
      else if (shape.length !== opShape.length || !shape.every((d, i) => d === opShape![i])) return null;
      if (shape.length > 1 && !A.cContiguous(o.h) && !A.fContiguous(o.h)) return null;
    }
    if (out) {
      const os = A.shape(out);
      if (opShape !== null && os.join() !== opShape.join()) return null;
      if (os.length > 1 && !A.cContiguous(out) && !A.fContiguous(out)) return null;
      vm.incref(out);
      return out;
    }
    return this.newResult(outType, opShape ?? [], this.fortran(ops));
  }

  /**
   * The buffered NpyIter path (execute_ufunc_loop → NpyIter_AdvancedNew, nditer_constr.c):
   * the iterator (PyObject_Malloc(NIT_SIZEOF_ITERATOR) for the broadcast ndim, before axes are
   * coalesced); npyiter_allocate_arrays in operand order: a 0-d input that needs a cast is
   * copied into a new 0-d array of the loop dtype, the output is allocated; then
   * npyiter_allocate_buffers: PyArray_malloc(min(NPY_BUFSIZE, itersize) · itemsize) for every
   * operand without NPY_OP_ITFLAG_BUFNEVER, i.e. one that needs a cast, or whose strides cannot
   * be coalesced into one over the broadcast shape (a broadcast operand of a 2-d loop, a 0-d
   * one); at the end (NpyIter_Deallocate) the buffers, then the iterator's operand references,
   * then the iterator itself are freed.
   */
  private iterated(ops: Operand[], loop: DType, outType: DType, out: number, shape: number[]): number {
    const A = this.arrays;
    const vm = this.vm;
    const libc = A.alloc.libc;
    const nd = shape.length;
    const bytes = iteratorBytes(nd, ops.length + 1);
    const iter = vm.mem.malloc(bytes);
    if (iter === 0) throw new PyError('MemoryError', '');
    vm.mem.touch(iter, bytes);
    const copies: number[] = [];
    const buffers: number[] = [];
    try {
      const iterOps = ops.map((o) => {
        if (A.dtype(o.h) === loop || A.nd(o.h) > 0) return o.h;
        const c = A.newArray(loop, []);
        A.values.setConst(A.slot(c), valueAt(A, o.h, 0));
        A.writeAll(c);
        copies.push(c);
        return c;
      });
      const result = out ? (vm.incref(out), out) : this.newResult(outType, shape, this.fortran(ops));
      const all = [...iterOps.map((h) => ({ h, d: loop })), { h: result, d: outType }];
      const bufLen = Math.min(NPY_BUFSIZE, size(shape));
      for (const { h, d } of all) {
        if (bufLen === 0 || (A.dtype(h) === d && bufferNever(A.shape(h), A.strides(h), shape))) continue;
        const b = rawMalloc(libc, bufLen * d.itemsize);
        if (b === 0) throw new PyError('MemoryError', '');
        vm.mem.touch(b, bufLen * d.itemsize);
        buffers.push(b);
      }
      return result;
    } finally {
      for (const b of buffers) libc.free(b);
      for (const c of copies) vm.decref(c);
      vm.mem.free(iter);
    }
  }

  /** The result's values: a formula of the inputs' formulas, or computed and stored. */
  private computeValues(
    name: UfuncName,
    ops: Operand[],
    loop: DType,
    outType: DType,
    result: number,
    shape: number[],
  ): void {
    const A = this.arrays;
    const k = kernel(name, loop);
    const cast = (v: number): number => castValue(loop, v);
    const done = (v: number): number => castValue(outType, v);
    if (!ops.every((o) => valuesKnown(A, o.h))) {
      A.values.markLost(A.t.vslot[A.slot(result)]);
      return;
    }
    const n = size(shape);
    const fs: (ElementFn | null)[] = ops.map((o) => {
      if (A.nd(o.h) === 0) {
        const c = cast(valueAt(A, o.h, 0));
        return () => c;
      }
      if (A.shape(o.h).join() !== shape.join()) return null;
      const f = formulaOf(A, o.h);
      return f && A.values.depth(A.t.vslot[A.slot(o.h)]) < MAX_FORMULA_DEPTH ? f : null;
    });
    if (fs.every((f) => f !== null)) {
      const [f0, f1] = fs as ElementFn[];
      const formula: ElementFn = f1
        ? (i) => done(k(cast(f0(i)), cast(f1(i))))
        : (i) => done(k(cast(f0(i)), 0));
      const depth = 1 + Math.max(...ops.map((o) => A.values.depth(A.t.vslot[A.slot(o.h)])));
      writeValues(A, result, formula, formula, depth);
      return;
    }
    const vals = ops.map((o) => readBroadcast(A, o.h, shape));
    const tmp = new Float64Array(n);
    if (vals.length === 2) for (let i = 0; i < n; i++) tmp[i] = done(k(cast(vals[0][i]), cast(vals[1][i])));
    else for (let i = 0; i < n; i++) tmp[i] = done(k(cast(vals[0][i]), 0));
    writeValues(A, result, (i) => tmp[i]);
  }

  /**
   * A one-input ufunc call (np.sqrt(x), np.negative(x, out=…)): in tuple (and out tuple), the
   * input converted, cast when its dtype is not the loop's (the trivial path casts 0-d and short
   * 1-d inputs into a new array), the result allocated (or `out`), else the buffered iterator
   * (nop 2) with a buffer for an operand whose strides do not chain. A 0-d result without `out`
   * becomes a NumPy scalar.
   */
  unaryMath(name: UnaryName, x: number, out: number): number {
    const A = this.arrays;
    const vm = this.vm;
    vm.incref(x);
    const inTuple = tupleFromItems(vm, [x]);
    let outTuple = 0;
    if (out) {
      vm.incref(out);
      outTuple = tupleFromItems(vm, [out]);
    }
    const ops: Operand[] = [];
    let method = 0;
    try {
      ops.push(this.convert(x));
      if (!out && A.isArray(x) && !A.isExact(x)) method = this.findWrap([x]);
      const d = A.dtype(ops[0].h);
      const res = resolveUnary(name, d);
      if ('error' in res) throw typeError(vm, '%s', res.error);
      if (out && !canCastSameKind(res.out, A.dtype(out)))
        throw this.errors.raise(
          this.errors.outputCastingError,
          `Cannot cast ufunc '${name}' output from dtype('${res.out.name}') to dtype('${A.dtype(out).name}') with casting rule 'same_kind'`,
        );
      const shape = A.shape(ops[0].h);
      let result = this.trivial(ops, res.loop, res.out, out);
      if (result === null) result = this.iterated(ops, res.loop, res.out, out, shape);
      const k = unaryKernel(name, res.loop);
      const loop = (v: number): number => castValue(res.out, k(castValue(res.loop, v)));
      const src = ops[0].h;
      if (!valuesKnown(A, src)) A.values.markLost(A.t.vslot[A.slot(result)]);
      else {
        const f = A.shape(src).join() === A.shape(result).join() ? formulaOf(A, src) : null;
        const depth = A.values.depth(A.t.vslot[A.slot(src)]);
        if (f && depth < MAX_FORMULA_DEPTH)
          writeValues(
            A,
            result,
            (i) => loop(f(i)),
            (i) => loop(f(i)),
            depth + 1,
          );
        else {
          const v = readBroadcast(A, src, A.shape(result));
          writeValues(A, result, (i) => loop(v[i]));
        }
      }
      A.writeAll(result);
      if (method) return A.wrapFor(result, x, method);
      if (!out && A.nd(result) === 0) return this.reductionsScalar(result);
      return result;
    } finally {
      for (const o of ops) if (o.temp) vm.decref(o.h);
      if (outTuple) vm.decref(outTuple);
      vm.decref(inTuple);
      if (method) this.afterWrap([x], method);
    }
  }

  /** PyArray_Return of a 0-d result: a NumPy scalar, the array dropped. */
  reductionsScalar(h: number): number {
    const A = this.arrays;
    const v = valuesKnown(A, h) ? valueAt(A, h, 0) : 0;
    const s = this.scalars.make(A.dtype(h), v);
    this.vm.decref(h);
    return s;
  }

  /** Is `name` a comparison (its output is bool)? */
  static isComparison(name: UfuncName): boolean {
    return COMPARISONS.has(name);
  }
}
