import { typeError, valueError } from '../python/abstract/errors';
import { PyError } from '../python/errors';
import { fromLong } from '../python/objects/int';
import { sliceNew } from '../python/objects/slice';
import { tupleFromItems } from '../python/objects/tuple';
import type { Kwargs } from '../python/objects/types';
import { axisArg, intArg, isNone, parseArgs, sequenceItems, shapeArg } from './args';
import { AF } from './arrayTable';
import { readBroadcast, valuesKnown, writeValues } from './elements';
import type { NumpyRuntime } from './module';
import { iteratorBytes } from './nditer';

/**
 * np.flip, np.broadcast_to and np.outer (function_base.py, stride_tricks.py, numeric.py of 1.24.2)
 * through the primitives their Python code calls: basic indexing, NpyIter's views, ravel and the
 * multiply ufunc.
 */
export class ShapeFunctions {
  constructor(readonly rt: NumpyRuntime) {}

  private get vm() {
    return this.rt.vm;
  }

  /** asanyarray(x): the array itself (a new reference) or one made from a list or number. */
  private asArray(h: number): number {
    if (this.rt.arrays.isArray(h)) {
      this.vm.incref(h);
      return h;
    }
    return this.rt.ctors.asArrayOrScalar(h);
  }

  /**
   * flip(m, axis=None): m[(s_[::-1],) * m.ndim], or with axes a tuple of slice(None) with
   * slice(None, None, -1) at each: one view through basic indexing.
   */
  flip(args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const A = this.rt.arrays;
    const [mH, axisH] = parseArgs(vm, 'flip', ['m', 'axis'], 1, args, kw);
    const m = this.asArray(mH!);
    const held: number[] = [m];
    try {
      const nd = A.nd(m);
      const none = vm.s.None;
      const minus = fromLong(vm, -1);
      held.push(minus);
      let flipped: boolean[];
      if (isNone(vm, axisH)) flipped = new Array<boolean>(nd).fill(true);
      else {
        // normalize_axis_tuple: an int or a sequence of ints, each in range, no repeats
        const items = sequenceItems(vm, axisH!) ?? [axisH!];
        flipped = new Array<boolean>(nd).fill(false);
        for (const it of items) {
          const ax0 = intArg(vm, it, 'axis');
          const ax = ax0 < 0 ? ax0 + nd : ax0;
          if (ax < 0 || ax >= nd) throw this.rt.errors.axis(ax0, nd);
          if (flipped[ax]) throw valueError(vm, 'repeated axis');
          flipped[ax] = true;
        }
      }
      const key = tupleFromItems(
        vm,
        flipped.map((f) => sliceNew(vm, none, none, f ? minus : none)),
      );
      held.push(key);
      return this.rt.views.subscript(m, key);
    } finally {
      for (const h of held) vm.decref(h);
    }
  }

  /**
   * broadcast_to(array, shape): np.nditer((array,), ['multi_index', 'refs_ok', 'zerosize_ok'],
   * ['readonly'], itershape=shape) — its NpyIter (PyObject_Malloc(NIT_SIZEOF_ITERATOR), unbuffered,
   * one operand) — and `it.itviews[0]`: a read-only view with stride 0 on every broadcast axis,
   * based on the array.
   */
  broadcastTo(args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const A = this.rt.arrays;
    const [aH, shapeH] = parseArgs(vm, 'broadcast_to', ['array', 'shape', 'subok'], 2, args, kw);
    const { shape } = shapeArg(vm, shapeH!);
    if (shape.some((d) => d < 0))
      throw valueError(vm, 'all elements of broadcast shape must be non-negative');
    const a = this.asArray(aH!);
    try {
      const src = A.shape(a);
      const fail = (): PyError =>
        valueError(
          vm,
          `operands could not be broadcast together with remapped shapes [original->remapped]: (${src.join(',')}${src.length === 1 ? ',' : ''})  and requested shape (${shape.join(',')}${shape.length === 1 ? ',' : ''})`,
        );
      if (src.length > shape.length) {
        throw valueError(vm, 'input operand has more dimensions than allowed by the axis remapping');
      }
      const strides = A.strides(a);
      const out: number[] = [];
      for (let i = 0; i < shape.length; i++) {
        const j = i - (shape.length - src.length);
        if (j < 0) out.push(0);
        else if (src[j] === shape[i]) out.push(src[j] === 1 ? 0 : strides[j]);
        else if (src[j] === 1) out.push(0);
        else throw fail();
      }
      const bytes = iteratorBytes(shape.length, 1, false);
      const iter = vm.mem.malloc(bytes);
      if (iter === 0) throw new PyError('MemoryError', '');
      vm.mem.touch(iter, bytes);
      try {
        const v = A.newArray(A.dtype(a), shape, { view: { data: A.data(a), base: a, strides: out } });
        A.t.flags[A.slot(v)] &= ~AF.Writeable;
        return v;
      } finally {
        vm.mem.free(iter);
      }
    } finally {
      vm.decref(a);
    }
  }

  /** outer(a, b): multiply(a.ravel()[:, newaxis], b.ravel()[newaxis, :]). */
  outer(args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const A = this.rt.arrays;
    const V = this.rt.views;
    const [aH, bH, outH] = parseArgs(vm, 'outer', ['a', 'b', 'out'], 2, args, kw);
    const held: number[] = [];
    try {
      const a = this.asArray(aH!);
      held.push(a);
      const b = this.asArray(bH!);
      held.push(b);
      const none = vm.s.None;
      const whole = (): number => sliceNew(vm, none, none, none);
      // each raveled temporary dies as soon as it is indexed: the view's base collapses to the input
      const expand = (x: number, key: number[]): number => {
        const r = V.ravel(x);
        const k = tupleFromItems(vm, key);
        try {
          return V.subscript(r, k);
        } finally {
          vm.decref(k);
          vm.decref(r);
        }
      };
      vm.incref(none);
      const col = expand(a, [whole(), none]);
      held.push(col);
      vm.incref(none);
      const row = expand(b, [none, whole()]);
      held.push(row);
      const out = isNone(vm, outH) ? 0 : outH!;
      if (out && !A.isArray(out)) throw valueError(vm, 'outer: out must be an array');
      return this.rt.ufuncs.call('multiply', [col, row], out);
    } finally {
      for (const h of held.reverse()) vm.decref(h);
    }
  }

  /**
   * repeat(a, repeats, axis=None) (PyArray_Repeat): the repeats as an intp array
   * (PyArray_ContiguousFromAny: a 0-d array for one count), the input raveled when there is no
   * axis, the result, each slice copied its count of times.
   */
  repeat(a: number, repeatsH: number, axisH: number | undefined): number {
    const vm = this.vm;
    const A = this.rt.arrays;
    const C = this.rt.ctors;
    const reps = C.asArrayOrScalar(repeatsH);
    const held: number[] = [reps];
    try {
      const counts = readBroadcast(A, reps, A.shape(reps));
      if (A.nd(reps) > 1) throw valueError(vm, 'object too deep for desired array');
      if (A.dtype(reps).kind === 'f')
        throw typeError(
          vm,
          "Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'",
        );
      const axis0 = axisArg(vm, axisH);
      let src = a;
      if (axis0 === null) {
        if (A.nd(a) !== 1) {
          src = this.rt.views.ravel(a);
          held.push(src);
        }
      }
      const nd = A.nd(src);
      const axis = axis0 === null ? 0 : axis0 < 0 ? axis0 + nd : axis0;
      if (axis < 0 || axis >= nd) throw this.rt.errors.axis(axis0 ?? 0, nd);
      const shape = A.shape(src);
      const n = shape[axis];
      const per = counts.length === 1 ? new Array<number>(n).fill(counts[0]) : Array.from(counts);
      if (per.length !== n)
        throw valueError(vm, `operands could not be broadcast together with shape (${n},) (${per.length},)`);
      if (per.some((c) => c < 0)) throw valueError(vm, 'repeats may not contain negative values.');
      const total = per.reduce((x, y) => x + y, 0);
      const outShape = shape.map((d, i) => (i === axis ? total : d));
      const r = A.newArray(A.dtype(src), outShape);
      A.writeAll(r);
      if (!valuesKnown(A, src)) A.values.markLost(A.t.vslot[A.slot(r)]);
      else {
        const vals = readBroadcast(A, src, shape);
        const inner = shape.slice(axis + 1).reduce((x, y) => x * y, 1);
        const map = new Int32Array(total);
        for (let i = 0, k = 0; i < n; i++) for (let c = 0; c < per[i]; c++) map[k++] = i;
        writeValues(A, r, (k) => {
          const o = Math.floor(k / (total * inner));
          const rest = k % (total * inner);
          const j = Math.floor(rest / inner);
          return vals[(o * n + map[j]) * inner + (rest % inner)];
        });
      }
      return r;
    } finally {
      for (const h of held) vm.decref(h);
    }
  }
}
