import { indexError, valueError } from '../python/abstract/errors';
import { NotSupported } from '../python/errors';
import { fromDouble } from '../python/objects/float';
import { fromLong, intValue } from '../python/objects/int';
import { OBJECT, isStringKind, type DType } from './dtypes';
import { textItem } from './strings';
import { copyElements, itemAt, itemHandles, setItemAt, storeItems } from './objectItems';
import { sliceIndices } from '../python/objects/slice';
import { tupleItems } from '../python/objects/tuple';
import { T } from '../python/objects/types';
import { strValue } from '../python/objects/str';
import { isInt, sequenceItems } from './args';
import { readBroadcast, valueAt, valueAtAddress, writeAt, writeValues } from './elements';
import { fieldNamed, type VoidScalars } from './records';
import type { NumpyErrors } from './errors';
import { shapeText, size, type Arrays } from './ndarray';
import type { Scalars } from './scalars';
import { iteratorBytes } from './nditer';
import { FancyIndexing } from './mapIter';
import { broadcastsTo, fixUnknownDimension, nocopyReshape } from './reshape';

/** One item of an index after prepare_index. */
export type IndexItem =
  | { kind: 'int'; i: number }
  | { kind: 'slice'; h: number }
  | { kind: 'newaxis' }
  | { kind: 'ellipsis' }
  | { kind: 'fancy'; h: number };

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

  /** Integer-array and boolean-mask indexing (mapIter.ts). */
  readonly fancy: FancyIndexing;

  constructor(
    readonly arrays: Arrays,
    readonly scalars: Scalars,
    readonly errors: NumpyErrors,
  ) {
    this.fancy = new FancyIndexing(this);
  }

  private get vm() {
    return this.arrays.vm;
  }

  /** PyArray_View(self, NULL, NULL): same shape and strides, base = self. */
  view(h: number, subtype?: number): number {
    const A = this.arrays;
    return A.newArray(A.dtype(h), A.shape(h), {
      view: { data: A.data(h), base: h, strides: A.strides(h) },
      subtype,
    });
  }

  /**
   * PyArray_NewCopy(self, order): PyArray_NewLikeArray (C order, or K: the source's layout when
   * it is F-contiguous) + PyArray_AssignArray: a new buffer, every element written.
   */
  copy(h: number, order: 'C' | 'K' | 'F' = 'C', subok = false): number {
    const A = this.arrays;
    const shape = A.shape(h);
    const d = A.dtype(h);
    const fortran =
      shape.length > 1 && (order === 'F' || (order === 'K' && A.fContiguous(h) && !A.cContiguous(h)));
    // ndarray.copy keeps a subclass (subok), np.copy does not
    const c = A.newArray(d, shape, subok ? { subtype: this.vm.table.type[h], finalizeFrom: h } : {});
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
    // PyArray_Flatten: PyArray_NewFromDescr(Py_TYPE(a), …) (a subclass stays one)
    const c = A.newArray(A.dtype(h), [n], A.isExact(h) ? {} : { subtype: vm.table.type[h], finalizeFrom: h });
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
  items(key: number): IndexItem[] {
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
    if (this.vm.table.type[key] === T.List && A.dtype(h).kind === 'V') {
      const first = sequenceItems(this.vm, key)?.[0];
      if (first !== undefined && this.vm.table.type[first] === T.Str)
        throw new NotSupported("a multi-field index of a structured array (a[['x', 'y']])");
    }
    const items = this.items(key);
    if (items.some((x) => x.kind === 'fancy')) return this.fancy.fancyGet(h, items);
    const v = this.basic(h, items);
    if (v.shape.length === 0 && v.ints > 0) return this.itemAtAddress(h, v.data);
    return A.newArray(A.dtype(h), v.shape, { view: { data: v.data, base: h, strides: v.strides } });
  }

  /** The element of `h` at `data` as PyArray_Scalar makes it (a NumPy scalar, a void, an object, a str). */
  private itemAtAddress(h: number, data: number): number {
    const A = this.arrays;
    const d = A.dtype(h);
    if (d === OBJECT) return itemAt(A, h, data);
    if (isStringKind(d)) return textItem(A, h, data);
    if (d.kind === 'V') return this.voids!.make(h, data);
    return this.scalars.make(d, valueAtAddress(A, h, data));
  }

  /** PyArray_Return of a 0-d array: its element as a scalar (a new reference). */
  zeroDimItem(h: number): number {
    return this.itemAtAddress(h, this.arrays.data(h));
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
    if (items.some((x) => x.kind === 'fancy')) return this.fancy.fancySet(h, items, value);
    const region = this.basic(h, items);
    const d = A.dtype(h);
    if (region.shape.length === 0 && region.ints > 0) return this.packInto(h, region.data, value);
    const view = A.newArray(d, region.shape, {
      view: { data: region.data, base: h, strides: region.strides },
    });
    try {
      this.copyInto(view, value);
    } finally {
      vm.decref(view);
    }
  }

  /** PyArray_Pack: `value` written into the one element of `h` at `data`, in place. */
  packInto(h: number, data: number, value: number): void {
    const A = this.arrays;
    const d = A.dtype(h);
    if (d === OBJECT) return setItemAt(A, h, data, value);
    const v = this.numberOf(value);
    if (v === null)
      throw new NotSupported('assigning something other than a number into one element of a numpy array');
    this.setitemConversion(value, d);
    A.alloc.write(data, d.itemsize);
    writeAt(A, h, data, v);
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
        const vals = readBroadcast(A, src, ds);
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
}

export function fStrides(shape: readonly number[], itemsize: number): number[] {
  const s: number[] = [];
  let acc = itemsize;
  for (const d of shape) {
    s.push(acc);
    acc *= Math.max(d, 1);
  }
  return s;
}
