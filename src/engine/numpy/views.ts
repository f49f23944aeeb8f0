import { indexError, valueError } from '../python/abstract/errors';
import { NotSupported } from '../python/errors';
import { fromDouble } from '../python/objects/float';
import { fromLong, intValue } from '../python/objects/int';
import { INT64, OBJECT, isStringKind, type DType } from './dtypes';
import { textItem } from './strings';
import { copyElements, itemAt, itemHandles, setItemAt, storeItems } from './objectItems';
import { sliceIndices } from '../python/objects/slice';
import { tupleItems } from '../python/objects/tuple';
import { T } from '../python/objects/types';
import { strValue } from '../python/objects/str';
import { isInt } from './args';
import { forEachValue, readBroadcast, valueAt, valueAtAddress, writeAt, writeValues } from './elements';
import { fieldNamed, type VoidScalars } from './records';
import type { NumpyErrors } from './errors';
import { shapeText, size, type Arrays } from './ndarray';
import type { Scalars } from './scalars';
import { iteratorBytes } from './ufunc';
import { selectMixed } from './fancyIndex';

/** One item of an index after prepare_index. */
export type IndexItem =
  | { kind: 'int'; i: number }
  | { kind: 'slice'; h: number }
  | { kind: 'newaxis' }
  | { kind: 'ellipsis' }
  | { kind: 'fancy'; h: number };

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
function fixUnknownDimension(A: Arrays, dims: number[], total: number): number[] {
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

/**
 * ndarray's views and copies (methods.c, shape.c, mapping.c of 1.24.2): view, copy, reshape,
 * ravel, flatten, transpose, basic indexing (ints, slices, None, Ellipsis) and fancy indexing
 * (integer arrays and boolean masks), and assignment through them.
 */
export class Views {
  /** Converts a list, tuple or scalar into an array (np.asarray); set by the runtime. */
  asArray: ((h: number) => number) | null = null;
  /** np.void scalars of structured arrays (set by the runtime). */
  voids: VoidScalars | null = null;

  constructor(
    readonly arrays: Arrays,
    readonly scalars: Scalars,
    readonly errors: NumpyErrors,
  ) {}

  private get vm() {
    return this.arrays.vm;
  }

  /** PyArray_View(self, NULL, NULL): same shape and strides, base = self. */
  view(h: number): number {
    const A = this.arrays;
    return A.newArray(A.dtype(h), A.shape(h), { view: { data: A.data(h), base: h, strides: A.strides(h) } });
  }

  /**
   * PyArray_NewCopy(self, order): PyArray_NewLikeArray (C order, or K: the source's layout when
   * it is F-contiguous) + PyArray_AssignArray: a new buffer, every element written.
   */
  copy(h: number, order: 'C' | 'K' | 'F' = 'C'): number {
    const A = this.arrays;
    const shape = A.shape(h);
    const d = A.dtype(h);
    const fortran =
      shape.length > 1 && (order === 'F' || (order === 'K' && A.fContiguous(h) && !A.cContiguous(h)));
    const c = A.newArray(d, shape);
    if (fortran) A.t.setShape(A.slot(c), shape, fStrides(shape, d.itemsize));
    copyElements(A, c, h);
    A.writeAll(c);
    return c;
  }

  /**
   * PyArray_Flatten(order C) → a new 1-d array and PyArray_CopyAsFlat, which walks the source and
   * the destination with two unbuffered iterators (NpyIter_New: PyObject_Malloc of 176 bytes for
   * the 1-d destination, NIT_SIZEOF_ITERATOR(nop 1) for the source's ndim), freed after the copy.
   */
  flatten(h: number): number {
    const A = this.arrays;
    const vm = this.vm;
    const n = A.size(h);
    const c = A.newArray(A.dtype(h), [n]);
    const dst = vm.mem.malloc(iteratorBytes(1, 1, false));
    const src = vm.mem.malloc(iteratorBytes(Math.max(A.nd(h), 1), 1, false));
    copyElements(A, c, h);
    A.writeAll(c);
    vm.mem.free(dst);
    vm.mem.free(src);
    return c;
  }

  /** PyArray_Ravel(order C): a view when C-contiguous (PyArray_Newshape), else PyArray_Flatten. */
  ravel(h: number): number {
    const A = this.arrays;
    if (A.cContiguous(h)) {
      const n = A.size(h);
      if (A.nd(h) === 1) return this.view(h);
      return A.newArray(A.dtype(h), [n], { view: { data: A.data(h), base: h } });
    }
    return this.flatten(h);
  }

  /**
   * PyArray_Newshape: the same shape is PyArray_View; a C-contiguous array, or one
   * _attempt_nocopy_reshape can restride, becomes a view (base = self); otherwise PyArray_NewCopy
   * and a view of the copy (the copy's object, dims and data, then the view's object and dims).
   */
  newshape(h: number, dimsIn: number[]): number {
    const A = this.arrays;
    const shape = A.shape(h);
    if (dimsIn.length === shape.length && dimsIn.every((d, i) => d === shape[i])) return this.view(h);
    const dims = fixUnknownDimension(A, dimsIn, size(shape));
    let strides: number[] | undefined;
    let src = h;
    if (!A.cContiguous(h)) {
      const s = nocopyReshape(shape, A.strides(h), A.dtype(h).itemsize, dims);
      if (s) strides = s;
      else src = this.copy(h);
    }
    try {
      return A.newArray(A.dtype(h), dims, { view: { data: A.data(src), base: src, strides } });
    } finally {
      if (src !== h) this.vm.decref(src);
    }
  }

  /**
   * PyArray_Transpose: a view with the axes permuted (the reversed order by default), base = self.
   * `axes` given: each an axis once.
   */
  transpose(h: number, axes: number[] | null): number {
    const A = this.arrays;
    const nd = A.nd(h);
    let perm: number[];
    if (axes === null) perm = Array.from({ length: nd }, (_, i) => nd - 1 - i);
    else {
      if (axes.length !== nd) throw valueError(this.vm, "axes don't match array");
      perm = axes.map((ax) => {
        const a = ax < 0 ? ax + nd : ax;
        if (a < 0 || a >= nd) throw this.errors.axis(ax, nd);
        return a;
      });
      if (new Set(perm).size !== nd) throw valueError(this.vm, 'repeated axis in transpose');
    }
    const shape = A.shape(h);
    const strides = A.strides(h);
    return A.newArray(
      A.dtype(h),
      perm.map((p) => shape[p]),
      { view: { data: A.data(h), base: h, strides: perm.map((p) => strides[p]) } },
    );
  }

  // ---- indexing ----------------------------------------------------------------------------

  /** prepare_index: the key as index items (a tuple's items; a list or array is fancy). */
  private items(key: number): IndexItem[] {
    const vm = this.vm;
    const parts = vm.table.type[key] === T.Tuple ? Array.from(tupleItems(vm, key)) : [key];
    return parts.map((p) => this.item(p));
  }

  private item(p: number): IndexItem {
    const vm = this.vm;
    const A = this.arrays;
    const t = vm.table.type[p];
    if (t === T.Slice) return { kind: 'slice', h: p };
    if (t === T.None) return { kind: 'newaxis' };
    if (t === T.Ellipsis) return { kind: 'ellipsis' };
    if (t === T.Bool) throw new NotSupported('indexing a numpy array with True or False');
    if (isInt(vm, p)) return { kind: 'int', i: Number(intValue(vm, p)) };
    const sd = this.scalars.dtypeOf(p);
    if (sd && (sd.kind === 'i' || sd.kind === 'u')) return { kind: 'int', i: vm.table.num[p] };
    if (A.isArray(p)) {
      const d = A.dtype(p);
      if (A.nd(p) === 0 && d.kind !== 'b') {
        if (d.kind === 'f')
          throw indexError(
            vm,
            'only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices',
          );
        return { kind: 'int', i: valueAt(A, p, 0) };
      }
      if (d.kind === 'f') throw indexError(vm, 'arrays used as indices must be of integer (or boolean) type');
      return { kind: 'fancy', h: p };
    }
    if (t === T.List || t === T.Tuple) return { kind: 'fancy', h: p };
    throw indexError(
      vm,
      'only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices',
    );
  }

  /** get_view_from_index: the data pointer, shape and strides a basic index selects. */
  private basic(
    h: number,
    items: IndexItem[],
  ): { data: number; shape: number[]; strides: number[]; ints: number } {
    const A = this.arrays;
    const vm = this.vm;
    const shape = A.shape(h);
    const strides = A.strides(h);
    const nd = shape.length;
    const ellipses = items.filter((x) => x.kind === 'ellipsis').length;
    if (ellipses > 1) throw indexError(vm, "an index can only have a single ellipsis ('...')");
    const consumed = items.filter((x) => x.kind === 'int' || x.kind === 'slice').length;
    if (consumed > nd)
      throw indexError(
        vm,
        `too many indices for array: array is ${nd}-dimensional, but ${consumed} were indexed`,
      );
    let data = A.data(h);
    const outShape: number[] = [];
    const outStrides: number[] = [];
    let axis = 0;
    let ints = 0;
    for (const it of items) {
      if (it.kind === 'newaxis') {
        outShape.push(1);
        outStrides.push(0);
      } else if (it.kind === 'ellipsis') {
        for (let k = 0; k < nd - consumed; k++, axis++) {
          outShape.push(shape[axis]);
          outStrides.push(strides[axis]);
        }
      } else if (it.kind === 'int') {
        const len = shape[axis];
        let i = it.i;
        if (i < -len || i >= len)
          throw indexError(vm, `index ${it.i} is out of bounds for axis ${axis} with size ${len}`);
        if (i < 0) i += len;
        data += i * strides[axis];
        axis++;
        ints++;
      } else if (it.kind === 'slice') {
        const s = sliceIndices(vm, it.h, shape[axis]);
        if (s.length > 0) data += s.start * strides[axis];
        outShape.push(s.length);
        outStrides.push(s.step * strides[axis]);
        axis++;
      }
    }
    for (; axis < nd; axis++) {
      outShape.push(shape[axis]);
      outStrides.push(strides[axis]);
    }
    return { data, shape: outShape, strides: outStrides, ints };
  }

  /**
   * array_subscript: a basic index makes a view (an object and a dims block) or, when integers
   * select one element, a NumPy scalar (PyArray_Scalar: a 24-byte object; np.bool_'s are
   * static); a fancy index copies (fancy.ts).
   */
  subscript(h: number, key: number): number {
    const A = this.arrays;
    if (this.vm.table.type[key] === T.Str && A.dtype(h).kind === 'V') return this.fieldView(h, key);
    const items = this.items(key);
    if (items.some((x) => x.kind === 'fancy')) return this.fancyGet(h, items);
    const v = this.basic(h, items);
    if (v.shape.length === 0 && v.ints > 0) {
      const d = A.dtype(h);
      if (d === OBJECT) return itemAt(A, h, v.data);
      if (isStringKind(d)) return textItem(A, h, v.data);
      if (d.kind === 'V') return this.voids!.make(h, v.data);
      return this.scalars.make(d, valueAtAddress(A, h, v.data));
    }
    return A.newArray(A.dtype(h), v.shape, { view: { data: v.data, base: h, strides: v.strides } });
  }

  /**
   * array_assign_subscript: one element is written in place (PyArray_Pack); a region gets a view
   * (object + dims block, dropped after) and PyArray_CopyObject: a number becomes a 0-d array
   * first; an array is broadcast into it.
   */
  assignSubscript(h: number, key: number, value: number): void {
    const A = this.arrays;
    const vm = this.vm;
    if (!A.writeable(h)) throw valueError(vm, 'assignment destination is read-only');
    if (vm.table.type[key] === T.Str && A.dtype(h).kind === 'V') {
      // array_assign_subscript with a field name: the field's view, then PyArray_CopyObject
      const view = this.fieldView(h, key);
      try {
        return this.copyInto(view, value);
      } finally {
        vm.decref(view);
      }
    }
    const items = this.items(key);
    if (items.some((x) => x.kind === 'fancy')) return this.fancySet(h, items, value);
    const region = this.basic(h, items);
    const d = A.dtype(h);
    if (region.shape.length === 0 && region.ints > 0) {
      if (d === OBJECT) return setItemAt(A, h, region.data, value);
      const v = this.numberOf(value);
      if (v === null)
        throw new NotSupported('assigning something other than a number into one element of a numpy array');
      this.setitemConversion(value, d);
      A.alloc.write(region.data, d.itemsize);
      writeAt(A, h, region.data, v);
      return;
    }
    const view = A.newArray(d, region.shape, {
      view: { data: region.data, base: h, strides: region.strides },
    });
    try {
      this.copyInto(view, value);
    } finally {
      vm.decref(view);
    }
  }

  /**
   * `a['score']` (_get_field_view): a view with the field's dtype, the data pointer moved by the
   * field's offset and the array's own shape and strides; its base is the array.
   */
  private fieldView(h: number, key: number): number {
    const A = this.arrays;
    const f = fieldNamed(this.vm, A.dtype(h), strValue(this.vm, key));
    return A.newArray(f.dtype, A.shape(h), {
      view: { data: A.data(h) + f.offset, base: h, strides: A.strides(h) },
    });
  }

  /**
   * What the dtype's setitem allocates for a Python number: DOUBLE_setitem of an int goes
   * through PyNumber_Float, LONG_setitem of a float through PyNumber_Long (a temporary each).
   */
  private setitemConversion(value: number, d: DType): void {
    const vm = this.vm;
    const t = vm.table.type[value];
    if (t === T.Int && d.kind === 'f') vm.decref(fromDouble(vm, Number(intValue(vm, value))));
    else if (t === T.Float && (d.kind === 'i' || d.kind === 'u'))
      vm.decref(fromLong(vm, Math.trunc(vm.table.num[value])));
  }

  /** A number's value (Python or NumPy scalar, 0-d array), or null. */
  numberOf(h: number): number | null {
    const vm = this.vm;
    const A = this.arrays;
    const t = vm.table.type[h];
    if (t === T.Int || t === T.Bool) return Number(intValue(vm, h));
    if (t === T.Float) return vm.table.num[h];
    if (this.scalars.isScalar(h)) return vm.table.num[h];
    if (A.isArray(h) && A.nd(h) === 0) return valueAt(A, h, 0);
    return null;
  }

  /**
   * PyArray_CopyObject(dest, src): a number through a 0-d array (PyArray_FromAny), an array
   * broadcast (PyArray_AssignArray), a list or tuple converted first. Every element of dest is
   * written.
   */
  copyInto(dest: number, value: number): void {
    const A = this.arrays;
    const vm = this.vm;
    if (A.dtype(dest) === OBJECT) return this.copyObjectsInto(dest, value);
    let src = value;
    let temp = false;
    if (!A.isArray(value)) {
      const v = this.numberOf(value);
      if (v !== null) {
        // PyArray_Pack into a 0-d array of the destination's dtype
        src = A.newArray(A.dtype(dest), []);
        this.setitemConversion(value, A.dtype(dest));
        A.values.setConst(A.slot(src), v);
        A.writeAll(src);
      } else if (this.asArray) src = this.asArray(value);
      else throw new NotSupported('assigning that into a numpy array');
      temp = true;
    }
    try {
      const ds = A.shape(dest);
      const ss = A.shape(src);
      if (!broadcastsTo(ss, ds))
        throw valueError(
          vm,
          'could not broadcast input array from shape %s into shape %s',
          shapeText(ss),
          shapeText(ds),
        );
      if (A.nd(src) === 0) {
        const c = valueAt(A, src, 0);
        writeValues(
          A,
          dest,
          () => c,
          () => c,
          0,
        );
      } else {
        const vals = broadcastValues(A, src, ds);
        writeValues(A, dest, (k) => vals[k]);
      }
      A.writeAll(dest);
    } finally {
      if (temp) vm.decref(src);
    }
  }

  /**
   * PyArray_CopyObject into an object array: an object that is not a list, tuple or array is
   * stored in every element (one reference each); an object array's items are broadcast.
   */
  private copyObjectsInto(dest: number, value: number): void {
    const A = this.arrays;
    const vm = this.vm;
    const t = vm.table.type[value];
    if (!A.isArray(value) && t !== T.List && t !== T.Tuple) return storeItems(A, dest, () => value);
    if (!A.isArray(value) || A.dtype(value) !== OBJECT)
      throw new NotSupported('assigning a sequence or a numeric array into part of an object array');
    const ds = A.shape(dest);
    const ss = A.shape(value);
    if (!broadcastsTo(ss, ds))
      throw valueError(
        vm,
        'could not broadcast input array from shape %s into shape %s',
        shapeText(ss),
        shapeText(ds),
      );
    const core = ss.slice(ss.findIndex((x) => x !== 1) < 0 ? ss.length : ss.findIndex((x) => x !== 1));
    if (core.join() !== ds.slice(ds.length - core.length).join() && size(ss) !== 1)
      throw new NotSupported('broadcasting an object array along an inner axis');
    const src = itemHandles(A, value);
    const n = src.length;
    const none = vm.s.None;
    // a broadcast source repeats along the leading axes (equal trailing dimensions)
    storeItems(A, dest, (k) => src[k % Math.max(n, 1)] || none);
  }

  // ---- fancy indexing (mapping.c: mapiter) --------------------------------------------------

  /** An index array from a list (PyArray_FromAny) or the array itself; `temp` when made here. */
  private indexArray(h: number): { h: number; temp: boolean } {
    const A = this.arrays;
    if (A.isArray(h)) return { h, temp: false };
    if (!this.asArray) throw new NotSupported('indexing with a list');
    const a = this.asArray(h);
    const d = A.dtype(a);
    if (A.size(a) > 0 && d.kind === 'f') {
      this.vm.decref(a);
      throw indexError(this.vm, 'arrays used as indices must be of integer (or boolean) type');
    }
    return { h: a, temp: true };
  }

  /** The selected flat (C-order) element positions of `h` for a fancy key, and the result shape. */
  private select(h: number, items: IndexItem[]): { shape: number[]; picks: number[] } {
    const A = this.arrays;
    const vm = this.vm;
    const shape = A.shape(h);
    if (items.length !== 1 || items[0].kind !== 'fancy') return selectMixed(vm, A, h, items);
    const ix = items[0].h;
    const ish = A.shape(ix);
    const d = A.dtype(ix);
    const inner = shape.slice(1);
    const innerSize = size(inner);
    const picks: number[] = [];
    if (d.kind === 'b') {
      if (ish.length > shape.length || ish.some((n, i) => n !== shape[i])) {
        const bad = ish.findIndex((n, i) => n !== shape[i]);
        throw indexError(
          vm,
          `boolean index did not match indexed array along dimension ${bad}; dimension is ${shape[bad]} but corresponding boolean dimension is ${ish[bad]}`,
        );
      }
      const rest = size(shape.slice(ish.length));
      const n = size(ish);
      let count = 0;
      for (let k = 0; k < n; k++)
        if (valueAt(A, ix, k)) {
          count++;
          for (let j = 0; j < rest; j++) picks.push(k * rest + j);
        }
      return { shape: [count, ...shape.slice(ish.length)], picks };
    }
    const n = size(ish);
    const len = shape[0];
    for (let k = 0; k < n; k++) {
      let i = valueAt(A, ix, k);
      if (i < -len || i >= len)
        throw indexError(vm, `index ${i} is out of bounds for axis 0 with size ${len}`);
      if (i < 0) i += len;
      for (let j = 0; j < innerSize; j++) picks.push(i * innerSize + j);
    }
    return { shape: [...ish, ...inner], picks };
  }

  /**
   * A fancy read: always a copy. A boolean mask as wide as the array goes through
   * array_boolean_subscript (the result, then an unbuffered 2-operand iterator over the mask);
   * one integer array into a 1-d array is the trivial mapiter path (only the result); anything
   * else builds a PyArrayMapIterObject (PyArray_malloc'd, 1,424 bytes), its subspace iterators
   * and the result.
   */
  private fancyGet(h: number, items: IndexItem[]): number {
    const A = this.arrays;
    const vm = this.vm;
    const conv = items.map((x) =>
      x.kind === 'fancy' ? { ...x, ...this.indexArray(x.h) } : { ...x, temp: false },
    );
    try {
      const its = conv.map((x) =>
        x.kind === 'fancy' ? { kind: 'fancy' as const, h: x.h } : x,
      ) as IndexItem[];
      const { shape, picks } = this.select(h, its);
      const d = A.dtype(h);
      const flat = (k: number): number => valueAt(A, h, picks[k]);
      if (its.length !== 1 || its[0].kind !== 'fancy') {
        // prepare_index: a boolean array beside other indices becomes its nonzero() coordinate
        // arrays (PyArray_Nonzero: an intp array per dimension), released with the index
        const coords: number[] = [];
        for (const x of its)
          if (x.kind === 'fancy' && A.dtype(x.h).kind === 'b') {
            let hits = 0;
            forEachValue(A, x.h, (v) => void (v && hits++));
            for (let k = 0; k < Math.max(A.nd(x.h), 1); k++) coords.push(A.newArray(INT64, [hits]));
          }
        try {
          return this.mixedGet(h, its, shape, flat);
        } finally {
          for (const c of coords) vm.decref(c);
        }
      }
      const ix = its[0].h;
      const bool = A.dtype(ix).kind === 'b';
      if (bool && A.nd(ix) === A.nd(h)) {
        const r = A.newArray(d, shape);
        const it = vm.mem.malloc(iteratorBytes(Math.max(A.nd(h), 1), 2, false));
        writeValues(A, r, flat);
        A.writeAll(r);
        vm.mem.free(it);
        return r;
      }
      if (!bool && A.nd(h) === 1 && A.nd(ix) <= 1) {
        const r = A.newArray(d, shape);
        writeValues(A, r, flat);
        A.writeAll(r);
        return r;
      }
      const libc = A.alloc.libc;
      // the subspace: a view over the axes the index does not consume
      const fancyDims = bool ? A.nd(ix) : 1;
      const subspace =
        A.nd(h) > fancyDims
          ? A.newArray(d, A.shape(h).slice(fancyDims), {
              view: { data: A.data(h), base: h, strides: A.strides(h).slice(fancyDims) },
            })
          : 0;
      const mit = libc.malloc(MAPITER_BYTES);
      if (mit) vm.mem.touch(mit, MAPITER_BYTES);
      try {
        const r = A.newArray(d, shape);
        const iters = [
          vm.mem.malloc(376),
          vm.mem.malloc(iteratorBytes(1, 1, false)),
          vm.mem.malloc(iteratorBytes(1, 2, false)),
        ];
        writeValues(A, r, flat);
        A.writeAll(r);
        vm.mem.free(iters[0]);
        vm.mem.free(iters[2]);
        vm.mem.free(iters[1]);
        return r;
      } finally {
        if (mit) libc.free(mit);
        if (subspace) vm.decref(subspace);
      }
    } finally {
      for (const x of conv) if (x.temp && x.kind === 'fancy') vm.decref(x.h);
    }
  }

  /**
   * A mixed advanced index (arrays with slices, ints, None or Ellipsis), as mapping.c runs it:
   * first a view with the non-array parts applied (get_view_from_index: an object and a dims
   * block), then the PyArrayMapIterObject (PyArray_malloc, 1,424 bytes). With a subspace (axes
   * that slices or None keep): the result (index dimensions first), the subspace iterators, and
   * when the index dimensions belong elsewhere a transposed view of the result
   * (PyArray_MapIterSwapAxes) is what comes back. Without one: an unbuffered iterator, the result
   * and the buffered 2-operand iterator when integers made the view; the one iterator over the
   * index arrays and the result (nop = arrays + 1) otherwise.
   */
  private mixedGet(h: number, items: IndexItem[], shape: number[], flat: (k: number) => number): number {
    const A = this.arrays;
    const vm = this.vm;
    const d = A.dtype(h);
    const { subspace: sub, bDims, bAt } = selectMixed(vm, A, h, items);
    const arrays = items.filter((x) => x.kind === 'fancy').length;
    const basicParts = items.some((x) => x.kind !== 'fancy' && x.kind !== 'ellipsis');
    const viewNd =
      A.nd(h) -
      items.filter((x) => x.kind === 'int').length +
      items.filter((x) => x.kind === 'newaxis').length;
    const view = basicParts
      ? A.newArray(d, new Array<number>(Math.max(viewNd, 0)).fill(1), {
          view: { data: A.data(h), base: h, strides: new Array<number>(Math.max(viewNd, 0)).fill(0) },
        })
      : 0;
    const libc = A.alloc.libc;
    const mit = libc.malloc(MAPITER_BYTES);
    if (mit) vm.mem.touch(mit, MAPITER_BYTES);
    try {
      if (sub.length === 0) {
        const it = vm.mem.malloc(
          view ? iteratorBytes(1, 1, false) : iteratorBytes(Math.max(bDims, 1), arrays + 1),
        );
        if (view) vm.mem.free(it);
        const r = A.newArray(d, shape);
        writeValues(A, r, flat);
        A.writeAll(r);
        if (view) vm.mem.free(vm.mem.malloc(iteratorBytes(Math.max(bDims, 1), 2)));
        else vm.mem.free(it);
        return r;
      }
      // the result with the index dimensions first, then the subspace's
      const Bshape = shape.slice(bAt, bAt + bDims);
      const baseShape = [...Bshape, ...shape.slice(0, bAt), ...shape.slice(bAt + bDims)];
      const r = A.newArray(d, baseShape);
      const iters = [
        vm.mem.malloc(376),
        vm.mem.malloc(iteratorBytes(Math.max(sub.length, 1), 1, false)),
        vm.mem.malloc(iteratorBytes(Math.max(sub.length, 1), 2, false)),
      ];
      let out = r;
      if (bAt > 0) {
        // PyArray_MapIterSwapAxes: the view with the index dimensions moved to where they belong
        const perm: number[] = [];
        for (let k = 0; k < bAt; k++) perm.push(bDims + k);
        for (let k = 0; k < bDims; k++) perm.push(k);
        for (let k = bAt + bDims; k < shape.length; k++) perm.push(k);
        const st = A.strides(r);
        out = A.newArray(d, shape, { view: { data: A.data(r), base: r, strides: perm.map((p) => st[p]) } });
        vm.decref(r);
      }
      writeValues(A, out, flat);
      A.writeAll(out);
      vm.mem.free(iters[0]);
      vm.mem.free(iters[2]);
      vm.mem.free(iters[1]);
      return out;
    } finally {
      if (mit) libc.free(mit);
      if (view) vm.decref(view);
    }
  }

  /** A fancy write: the value (a number through a 0-d array, or an array) into every selected element. */
  private fancySet(h: number, items: IndexItem[], value: number): void {
    const A = this.arrays;
    const vm = this.vm;
    const conv = items.map((x) =>
      x.kind === 'fancy' ? { ...x, ...this.indexArray(x.h) } : { ...x, temp: false },
    );
    let src = value;
    let temp = false;
    try {
      const its = conv.map((x) =>
        x.kind === 'fancy' ? { kind: 'fancy' as const, h: x.h } : x,
      ) as IndexItem[];
      const { shape, picks } = this.select(h, its);
      if (!A.isArray(value)) {
        const v = this.numberOf(value);
        if (v === null) {
          if (!this.asArray) throw new NotSupported('assigning that into a numpy array');
          src = this.asArray(value);
        } else {
          src = A.newArray(A.dtype(h), []);
          A.values.setConst(A.slot(src), v);
          A.writeAll(src);
        }
        temp = true;
      }
      const ss = A.shape(src);
      if (!broadcastsTo(ss, shape) && !(ss.length === 1 && ss[0] === picks.length))
        throw valueError(
          vm,
          `shape mismatch: value array of shape ${shapeText(ss)} could not be broadcast to indexing result of shape ${shapeText(shape)}`,
        );
      const vals =
        ss.length === 1 && ss[0] === picks.length && !broadcastsTo(ss, shape)
          ? broadcastValues(A, src, ss)
          : broadcastValues(A, src, shape);
      const itemsize = A.dtype(h).itemsize;
      const all = A.shape(h);
      const allStrides = A.strides(h);
      for (let k = 0; k < picks.length; k++) {
        let rem = picks[k];
        let addr = A.data(h);
        for (let ax = all.length - 1; ax >= 0; ax--) {
          addr += (rem % all[ax]) * allStrides[ax];
          rem = Math.floor(rem / all[ax]);
        }
        A.alloc.write(addr, itemsize);
        writeAt(A, h, addr, vals[k]);
      }
    } finally {
      if (temp) vm.decref(src);
      for (const x of conv) if (x.temp && x.kind === 'fancy') vm.decref(x.h);
    }
  }
}

/** sizeof(PyArrayMapIterObject) in 1.24 on x86-64 (measured: PyArray_malloc(1424)). */
const MAPITER_BYTES = 1424;

export function fStrides(shape: readonly number[], itemsize: number): number[] {
  const s: number[] = [];
  let acc = itemsize;
  for (const d of shape) {
    s.push(acc);
    acc *= Math.max(d, 1);
  }
  return s;
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

/** The values of `h` broadcast to `shape` (C order). */
export const broadcastValues = readBroadcast;
