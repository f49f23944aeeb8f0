import { indexError, valueError } from '../python/abstract/errors';
import { NotSupported } from '../python/errors';
import { INT64, OBJECT } from './dtypes';
import { itemHandles, storeItems } from './objectItems';
import { flatAddress, forEachValue, readBroadcast, valueAt, writeAt, writeValues } from './elements';
import { selectMixed } from './fancyIndex';
import { shapeText, size } from './ndarray';
import { iteratorBytes } from './nditer';
import { broadcastsTo } from './reshape';
import type { IndexItem, Views } from './views';

/** sizeof(PyArrayMapIterObject) in 1.24 on x86-64 (measured: PyArray_malloc(1424)). */
const MAPITER_BYTES = 1424;

/**
 * Fancy indexing (mapping.c of 1.24.2: the mapiter): integer index arrays and boolean masks,
 * alone or mixed with basic indices, read (a new array) and assigned through.
 */
export class FancyIndexing {
  constructor(readonly views: Views) {}

  private get arrays() {
    return this.views.arrays;
  }

  private get vm() {
    return this.views.arrays.vm;
  }

  private get asArray() {
    return this.views.asArray;
  }

  private numberOf(h: number): number | null {
    return this.views.numberOf(h);
  }

  /** An index array from a list (PyArray_FromAny) or the array itself; `temp` when made here. */
  indexArray(h: number): { h: number; temp: boolean } {
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
  select(h: number, items: IndexItem[]): { shape: number[]; picks: number[] } {
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
  fancyGet(h: number, items: IndexItem[]): number {
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
      // the copy into the result: numbers by value, an object array's items as the same objects
      // with one more reference each (OBJECT_copyswapn through the mapiter's copy)
      const fill = (r: number): void => {
        if (d !== OBJECT) {
          writeValues(A, r, flat);
          A.writeAll(r);
          return;
        }
        const items = itemHandles(A, h);
        storeItems(A, r, (k) => items[picks[k]] || vm.s.None);
      };
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
        fill(r);
        vm.mem.free(it);
        return r;
      }
      if (!bool && A.nd(h) === 1 && A.nd(ix) <= 1) {
        const r = A.newArray(d, shape);
        fill(r);
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
        fill(r);
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
  fancySet(h: number, items: IndexItem[], value: number): void {
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
          ? readBroadcast(A, src, ss)
          : readBroadcast(A, src, shape);
      const itemsize = A.dtype(h).itemsize;
      for (let k = 0; k < picks.length; k++) {
        const addr = flatAddress(A, h, picks[k]);
        A.alloc.write(addr, itemsize);
        writeAt(A, h, addr, vals[k]);
      }
    } finally {
      if (temp) vm.decref(src);
      for (const x of conv) if (x.temp && x.kind === 'fancy') vm.decref(x.h);
    }
  }
}
