import { valueError } from '../python/abstract/errors';
import { NotSupported, PyError } from '../python/errors';
import { listAppend, listItem, listNew } from '../python/objects/list';
import type { Vm } from '../python/runtime/vm';
import { rawMalloc } from './alloc';
import { intArg, isNone, parseArgs, sequenceItems, type Kw } from './args';
import { promote, type DType } from './dtypes';
import type { DTypeObjects } from './dtypeType';
import { formulaOf, readBroadcast, valueAt, writeValues } from './elements';
import type { NumpyErrors } from './errors';
import type { FromList } from './fromlist';
import type { Arrays } from './ndarray';
import { castValue } from './values';

/**
 * Joining arrays in NumPy 1.24.2: multiarraymodule.c's PyArray_ConcatenateInto (np.concatenate)
 * and shape_base.py's stack, vstack and hstack, which end in it.
 */
export class Joining {
  constructor(
    readonly arrays: Arrays,
    readonly dtypes: DTypeObjects,
    readonly fromList: FromList,
    readonly errors: NumpyErrors,
  ) {}

  private get vm() {
    return this.arrays.vm;
  }

  /**
   * PyArray_ConcatenateInto (1.24.2): arrays = PyArray_malloc(n · 8); the result
   * (PyArray_NewFromDescr); a sliding view of it (PyArray_View: an object and a dims block)
   * moved over the result while each input is copied in; the view dropped; PyArray_free(arrays).
   * Inputs that are not arrays are converted first (PyArray_FROM_O).
   */
  concatenate(args: number[], kw: Kw): number {
    const vm = this.vm;
    const [seqH, axisH, outH, dt] = parseArgs(
      this.vm,
      'concatenate',
      ['arrays', 'axis', 'out', 'dtype', 'casting'],
      1,
      args,
      kw,
    );
    if (outH !== undefined && !isNone(vm, outH)) throw new NotSupported('np.concatenate with out=');
    const items = sequenceItems(vm, seqH!);
    if (items === null)
      throw new NotSupported('np.concatenate of something other than a list or tuple of arrays');
    const axis = axisH === undefined ? 0 : isNone(vm, axisH) ? null : intArg(vm, axisH, 'axis');
    return this.concatenateArrays(items, axis, isNone(vm, dt) ? null : this.dtypes.convert(dt, null));
  }

  /** The concatenation itself (np.stack, vstack and hstack end here too). */
  concatenateArrays(items: number[], axisIn: number | null, dtypeIn: DType | null): number {
    const vm = this.vm;
    const A = this.arrays;
    if (items.length === 0) throw valueError(vm, 'need at least one array to concatenate');
    const conv = items.map((h) =>
      A.isArray(h) ? { h, temp: false } : { h: this.fromList.fromObject(h, null, false), temp: true },
    );
    try {
      let hs = conv.map((c) => c.h);
      let flattened: number[] = [];
      if (axisIn === null) {
        flattened = hs.map((h) =>
          A.cContiguous(h)
            ? A.newArray(A.dtype(h), [A.size(h)], { view: { data: A.data(h), base: h } })
            : this.copyFlat(h),
        );
        hs = flattened;
      }
      try {
        const nd = A.nd(hs[0]);
        if (nd === 0) throw valueError(vm, 'zero-dimensional arrays cannot be concatenated');
        let axis = axisIn ?? 0;
        if (axis < -nd || axis >= nd) throw this.errors.axis(axis, nd);
        if (axis < 0) axis += nd;
        const shape = A.shape(hs[0]);
        for (let i = 1; i < hs.length; i++) {
          const s = A.shape(hs[i]);
          if (s.length !== nd)
            throw valueError(
              vm,
              'all the input array dimensions except for the concatenation axis must match exactly, but along dimension 0, the array at index 0 has %zd dimension(s) and the array at index %zd has %zd dimension(s)',
              nd,
              i,
              s.length,
            );
          for (let d = 0; d < nd; d++)
            if (d !== axis && s[d] !== shape[d])
              throw valueError(
                vm,
                'all the input array dimensions except for the concatenation axis must match exactly, but along dimension %zd, the array at index 0 has size %zd and the array at index %zd has size %zd',
                d,
                shape[d],
                i,
                s[d],
              );
          shape[axis] += s[axis];
        }
        const dtype = dtypeIn ?? hs.map((h) => A.dtype(h)).reduce(promote);
        const list = rawMalloc(A.alloc.libc, 8 * hs.length);
        if (list === 0) throw new PyError('MemoryError', '');
        vm.mem.touch(list, 8 * hs.length);
        try {
          const ret = A.newArray(dtype, shape);
          const view = A.newArray(dtype, shape, { view: { data: A.data(ret), base: ret } });
          const parts = hs.map((h) => readBroadcast(A, h, A.shape(h)));
          const inner = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
          const outer = shape.slice(0, axis).reduce((a, b) => a * b, 1);
          // the result is new and C-contiguous: its values are written straight in, block by
          // block (a cast only where a part's dtype differs)
          const out = A.values.setData(A.slot(ret), outer * shape[axis] * inner);
          let k = 0;
          if (out !== null)
            for (let o = 0; o < outer; o++)
              for (let j = 0; j < hs.length; j++) {
                const len = A.shape(hs[j])[axis] * inner;
                const part = parts[j].subarray(o * len, (o + 1) * len);
                if (A.dtype(hs[j]) === dtype) out.set(part, k);
                else for (let i = 0; i < len; i++) out[k + i] = castValue(dtype, part[i]);
                k += len;
              }
          A.writeAll(ret);
          vm.decref(view);
          return ret;
        } finally {
          A.alloc.libc.free(list);
        }
      } finally {
        for (const f of flattened) vm.decref(f);
      }
    } finally {
      for (const c of conv) if (c.temp) vm.decref(c.h);
    }
  }

  private copyFlat(h: number): number {
    const A = this.arrays;
    const c = A.newArray(A.dtype(h), [A.size(h)]);
    writeValues(A, c, (k) => valueAt(A, h, k), formulaOf(A, h));
    A.writeAll(c);
    return c;
  }

  /** The inputs of stack/vstack/hstack as arrays (asanyarray: lists converted, arrays as they are). */
  private inputs(fn: string, seqH: number): { hs: number[]; temps: number[] } {
    const vm = this.vm;
    const A = this.arrays;
    const items = sequenceItems(vm, seqH);
    if (items === null) throw new NotSupported(`np.${fn} of something other than a list or tuple of arrays`);
    if (items.length === 0)
      throw valueError(vm, 'need at least one array to %s', fn === 'stack' ? 'stack' : 'concatenate');
    const temps: number[] = [];
    const hs = items.map((h) => {
      if (A.isArray(h)) return h;
      const a = this.fromList.fromObject(h, null, false);
      temps.push(a);
      return a;
    });
    return { hs, temps };
  }

  /**
   * shape_base.py stack: every input expanded with a new axis (arr[sl]: a view each, an object
   * and a dims block), all shapes equal, then concatenate along the new axis; the views go after.
   */
  stack(args: number[], kw: Kw): number {
    const vm = this.vm;
    const A = this.arrays;
    const [seqH, axisH, outH] = parseArgs(
      vm,
      'stack',
      ['arrays', 'axis', 'out', 'dtype', 'casting'],
      1,
      args,
      kw,
    );
    if (outH !== undefined && !isNone(vm, outH)) throw new NotSupported('np.stack with out=');
    const { hs, temps } = this.inputs('stack', seqH!);
    try {
      const shape = A.shape(hs[0]);
      if (hs.some((h) => A.shape(h).join() !== shape.join()))
        throw valueError(vm, 'all input arrays must have the same shape');
      const nd = shape.length + 1;
      let axis = axisH === undefined ? 0 : intArg(vm, axisH, 'axis');
      if (axis < -nd || axis >= nd) throw this.errors.axis(axis, nd);
      if (axis < 0) axis += nd;
      // arrays = [asanyarray(arr) for arr in arrays]; expanded_arrays = [arr[sl] for arr in arrays]
      const arrays = this.pyList(hs, false);
      const expanded = listNew(vm, 0);
      for (const h of hs) listAppend(vm, expanded, this.expand(h, axis));
      try {
        return this.concatenateArrays(listItems(vm, expanded), axis, null);
      } finally {
        vm.decref(expanded);
        vm.decref(arrays);
      }
    } finally {
      for (const t of temps) vm.decref(t);
    }
  }

  /**
   * A Python list built by appending (shape_base.py's `res.append(...)`, list comprehensions),
   * with list_resize's growth; `steal`: the list takes over the caller's references.
   */
  private pyList(items: readonly number[], steal: boolean): number {
    const vm = this.vm;
    const l = listNew(vm, 0);
    for (const h of items) {
      if (!steal) vm.incref(h);
      listAppend(vm, l, h); // list.append's reference (listAppend steals)
    }
    return l;
  }

  /** arr[..., np.newaxis, ...]: a view with a length-1 axis at `axis`. */
  private expand(h: number, axis: number): number {
    const A = this.arrays;
    const shape = A.shape(h);
    const strides = A.strides(h);
    shape.splice(axis, 0, 1);
    strides.splice(axis, 0, 0);
    return A.newArray(A.dtype(h), shape, { view: { data: A.data(h), base: h, strides } });
  }

  /**
   * shape_base.py vstack: atleast_2d(*tup) (a list of the inputs, 1-d ones as ary[np.newaxis, :]
   * views), then concatenate on axis 0; hstack: atleast_1d(*tup), then concatenate on axis 0 for
   * 1-d inputs, else axis 1.
   */
  vstack(args: number[], kw: Kw): number {
    return this.stackLike('vstack', args, kw);
  }

  hstack(args: number[], kw: Kw): number {
    return this.stackLike('hstack', args, kw);
  }

  /**
   * lib/shape_base.py column_stack: each input through asanyarray; one of fewer than 2 dimensions
   * becomes `array(arr, copy=False, subok=True, ndmin=2).T` (a (1, n) view, then its transpose,
   * an (n, 1) view whose base collapses to the input; the (1, n) view is freed), then
   * concatenate on axis 1.
   */
  columnStack(args: number[], kw: Kw): number {
    const vm = this.vm;
    const A = this.arrays;
    const [seqH] = parseArgs(vm, 'column_stack', ['tup'], 1, args, kw);
    const { hs, temps } = this.inputs('column_stack', seqH!);
    try {
      const res = listNew(vm, 0);
      for (const h of hs) {
        const nd = A.nd(h);
        let r = h;
        if (nd < 2) {
          const row =
            nd === 0
              ? A.newArray(A.dtype(h), [1, 1], { view: { data: A.data(h), base: h, strides: [0, 0] } })
              : this.expand(h, 0);
          const [rows, cols] = A.shape(row);
          const [rs, cs] = A.strides(row);
          r = A.newArray(A.dtype(h), [cols, rows], { view: { data: A.data(h), base: h, strides: [cs, rs] } });
          vm.decref(row);
        } else vm.incref(h);
        listAppend(vm, res, r);
      }
      try {
        return this.concatenateArrays(listItems(vm, res), 1, null);
      } finally {
        vm.decref(res);
      }
    } finally {
      for (const t of temps) vm.decref(t);
    }
  }

  private stackLike(fn: 'vstack' | 'hstack', args: number[], kw: Kw): number {
    const vm = this.vm;
    const A = this.arrays;
    const [seqH] = parseArgs(vm, fn, ['tup', 'dtype', 'casting'], 1, args, kw);
    const { hs, temps } = this.inputs(fn, seqH!);
    try {
      const res = listNew(vm, 0);
      for (const h of hs) {
        const nd = A.nd(h);
        let r = h;
        if (fn === 'vstack' && nd < 2)
          r =
            nd === 0
              ? A.newArray(A.dtype(h), [1, 1], { view: { data: A.data(h), base: h, strides: [0, 0] } })
              : this.expand(h, 0);
        else if (fn === 'hstack' && nd === 0)
          r = A.newArray(A.dtype(h), [1], { view: { data: A.data(h), base: h, strides: [0] } });
        else vm.incref(h);
        listAppend(vm, res, r);
      }
      try {
        const arrs = listItems(vm, res);
        return this.concatenateArrays(arrs, fn === 'vstack' || A.nd(arrs[0]) === 1 ? 0 : 1, null);
      } finally {
        vm.decref(res);
      }
    } finally {
      for (const t of temps) vm.decref(t);
    }
  }
}

/** A list's items (borrowed). */
function listItems(vm: Vm, l: number): number[] {
  return Array.from({ length: vm.table.n[l] }, (_, i) => listItem(vm, l, i));
}
