import { NotSupported, PyError } from '../python/errors';
import { fromLong } from '../python/objects/int';
import { tupleFromItems } from '../python/objects/tuple';
import { T } from '../python/objects/types';
import { sliceIndices } from '../python/objects/slice';
import { intArg, isInt, sequenceItems } from './args';
import { isCContiguous, shapeText, size, type Arrays, type ArrayState } from './ndarray';
import { broadcast } from './ufunc';

/** One axis of a basic index: a slice (start, step, length) or an integer (the axis goes). */
type AxisIndex = { kind: 'slice'; start: number; step: number; length: number } | { kind: 'int'; i: number };

/**
 * _attempt_nocopy_reshape (shape.c, 1.24.2, C order): new strides for `newdims` over the same
 * memory, or null when the old axes cannot be combined (then reshape copies).
 */
export function nocopyReshape(st: ArrayState, newdims: readonly number[]): number[] | null {
  const olddims: number[] = [];
  const oldstrides: number[] = [];
  st.shape.forEach((d, i) => {
    if (d !== 1) {
      olddims.push(d);
      oldstrides.push(st.strides[i]);
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
    for (let ok = oi; ok < oj - 1; ok++) if (oldstrides[ok] !== olddims[ok + 1] * oldstrides[ok + 1]) return null;
    newstrides[nj - 1] = oldstrides[oj - 1];
    for (let nk = nj - 1; nk > ni; nk--) newstrides[nk - 1] = newstrides[nk] * newdims[nk];
    ni = nj++;
    oi = oj++;
  }
  const last = ni >= 1 ? newstrides[ni - 1] : st.dtype.itemsize;
  for (let nk = ni; nk < newdims.length; nk++) newstrides[nk] = last;
  return newstrides;
}

/** ndarray methods and indexing (methods.c array_copy / array_reshape, mapping.c subscripts). */
export class Views {
  constructor(readonly arrays: Arrays) {}

  private get vm() {
    return this.arrays.vm;
  }

  /** PyArray_View(self, NULL, NULL): same shape and strides, base = self. */
  view(h: number): number {
    const st = this.arrays.state(h);
    return this.arrays.newArray(st.dtype, st.shape, { view: { data: st.data, base: h, strides: st.strides } });
  }

  /** PyArray_NewCopy(self, NPY_CORDER) → PyArray_NewLikeArray + PyArray_AssignArray: a new buffer, all written. */
  copy(h: number): number {
    const st = this.arrays.state(h);
    const c = this.arrays.newArray(st.dtype, st.shape);
    this.arrays.writeAll(c);
    return c;
  }

  /**
   * array_reshape (METH_VARARGS: the call packs its arguments into a tuple, callCFunction) → PyArray_IntpConverter
   * (a dim-cache block of len(shape)) → PyArray_Newshape: the same shape is PyArray_View; a
   * C-contiguous array, or one _attempt_nocopy_reshape can restride, becomes a view
   * (PyArray_NewFromDescr_int with base = self); otherwise PyArray_NewCopy and a view of the copy.
   */
  reshape(h: number, args: readonly number[]): number {
    const vm = this.vm;
    const A = this.arrays;
    if (args.length === 0) throw new PyError('TypeError', 'reshape() takes exactly 1 argument (0 given)');
    const items = args.length === 1 ? (isInt(vm, args[0]) ? [args[0]] : sequenceItems(vm, args[0])) : args;
    if (items === null) throw new NotSupported('reshape with that shape argument');
    const dims = items.map((x) => intArg(vm, x, 'shape'));
    const tempLen = dims.length;
    const p = tempLen > 0 ? A.alloc.dimMalloc(tempLen) : 0;
    if (p) vm.mem.touch(p, 8 * tempLen);
    try {
      return this.newshape(h, dims);
    } finally {
      if (p) A.alloc.dimFree(p, tempLen);
    }
  }

  private newshape(h: number, dimsIn: number[]): number {
    const A = this.arrays;
    const st = A.state(h);
    if (dimsIn.length === st.shape.length && dimsIn.every((d, i) => d === st.shape[i])) return this.view(h);
    const dims = fixUnknownDimension(dimsIn, size(st.shape));
    let strides: number[] | undefined;
    let src = h;
    if (!isCContiguous(st)) {
      const s = nocopyReshape(st, dims);
      if (s) strides = s;
      else src = this.copy(h);
    }
    try {
      return A.newArray(st.dtype, dims, { view: { data: A.state(src).data, base: src, strides } });
    } finally {
      if (src !== h) this.vm.decref(src);
    }
  }

  /** array_subscript for basic indexes: a view (an object and a dims block); one element is not modelled. */
  subscript(h: number, key: number): number {
    const A = this.arrays;
    const st = A.state(h);
    const idx = this.prepareIndex(st, key);
    const { data, shape, strides } = applyIndex(st, idx);
    if (shape.length === 0)
      throw new NotSupported('indexing a numpy array down to one element (numpy scalars are not modelled)');
    return A.newArray(st.dtype, shape, { view: { data, base: h, strides } });
  }

  /**
   * array_assign_subscript: a view of the indexed region (object + dims block, dropped after),
   * then PyArray_CopyObject / PyArray_AssignArray writes every element of it.
   */
  assignSubscript(h: number, key: number, value: number): void {
    const vm = this.vm;
    const A = this.arrays;
    const st = A.state(h);
    const t = vm.table.type[value];
    if (!(A.isArray(value) || t === T.Int || t === T.Bool || t === T.Float)) throw new NotSupported('assigning something other than a number or an array into a numpy array');
    const idx = this.prepareIndex(st, key);
    const region = applyIndex(st, idx);
    if (A.isArray(value) && broadcast(A.state(value).shape, region.shape)?.join() !== region.shape.join())
      throw new PyError('ValueError', `could not broadcast input array from shape ${shapeText(A.state(value).shape)} into shape ${shapeText(region.shape)}`);
    if (region.shape.length === 0) {
      A.alloc.write(region.data, st.dtype.itemsize); // PyArray_Pack into the item
      return;
    }
    const view = A.newArray(st.dtype, region.shape, { view: { data: region.data, base: h, strides: region.strides } });
    A.writeAll(view);
    vm.decref(view);
  }

  /** prepare_index: an int, a slice, or a tuple of them; anything else is fancy indexing. */
  private prepareIndex(st: ArrayState, key: number): AxisIndex[] {
    const vm = this.vm;
    const parts = vm.table.type[key] === T.Tuple ? sequenceItems(vm, key)! : [key];
    if (parts.length > st.shape.length) throw new PyError('IndexError', `too many indices for array: array is ${st.shape.length}-dimensional, but ${parts.length} were indexed`);
    return parts.map((p, axis) => {
      const len = st.shape[axis];
      if (vm.table.type[p] === T.Slice) {
        const s = sliceIndices(vm, p, len);
        return { kind: 'slice', start: s.start, step: s.step, length: s.length };
      }
      if (isInt(vm, p)) {
        let i = intArg(vm, p, 'index');
        if (i < 0) i += len;
        if (i < 0 || i >= len) throw new PyError('IndexError', `index ${intArg(vm, p, 'index')} is out of bounds for axis ${axis} with size ${len}`);
        return { kind: 'int', i };
      }
      throw new NotSupported('numpy indexing other than ints and slices (fancy indexing, None, Ellipsis)');
    });
  }

  /** The attributes: new references (shape is a new tuple of ints, size and nbytes new ints). */
  attribute(h: number, name: string, dtypeObject: (st: ArrayState) => number): number | undefined {
    const vm = this.vm;
    const st = this.arrays.state(h);
    switch (name) {
      case 'shape':
        return st.shape.length ? tupleFromItems(vm, st.shape.map((d) => fromLong(vm, d))) : vm.s.emptyTuple;
      case 'strides':
        return st.shape.length ? tupleFromItems(vm, st.strides.map((d) => fromLong(vm, d))) : vm.s.emptyTuple;
      case 'ndim':
        return fromLong(vm, st.shape.length);
      case 'size':
        return fromLong(vm, size(st.shape));
      case 'nbytes':
        return fromLong(vm, size(st.shape) * st.dtype.itemsize);
      case 'itemsize':
        return fromLong(vm, st.dtype.itemsize);
      case 'dtype':
        return dtypeObject(st);
      case 'base': {
        const b = st.base || vm.s.None;
        vm.incref(b);
        return b;
      }
      default:
        return undefined;
    }
  }
}

/** _fix_unknown_dimension: one -1 is inferred; the sizes must agree. */
function fixUnknownDimension(dims: number[], total: number): number[] {
  const out = [...dims];
  let unknown = -1;
  let known = 1;
  out.forEach((d, i) => {
    if (d < 0) {
      if (unknown >= 0) throw new PyError('ValueError', 'can only specify one unknown dimension');
      unknown = i;
    } else known *= d;
  });
  if (unknown >= 0 && known !== 0 && total % known === 0) out[unknown] = total / known;
  else if (unknown >= 0 || known !== total) throw new PyError('ValueError', `cannot reshape array of size ${total} into shape ${shapeText(dims)}`);
  return out;
}

/** get_view_from_index: the data pointer, shape and strides basic indexing selects. */
function applyIndex(st: ArrayState, idx: AxisIndex[]): { data: number; shape: number[]; strides: number[] } {
  let data = st.data;
  const shape: number[] = [];
  const strides: number[] = [];
  for (let axis = 0; axis < st.shape.length; axis++) {
    const ix = idx[axis];
    if (ix === undefined) {
      shape.push(st.shape[axis]);
      strides.push(st.strides[axis]);
    } else if (ix.kind === 'int') data += ix.i * st.strides[axis];
    else {
      if (ix.length > 0) data += ix.start * st.strides[axis];
      shape.push(ix.length);
      strides.push(ix.length > 1 ? ix.step * st.strides[axis] : st.strides[axis] * ix.step);
    }
  }
  return { data, shape, strides };
}
