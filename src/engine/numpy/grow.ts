import { valueError } from '../python/abstract/errors';
import { getIter, iterNext, lengthHint } from '../python/abstract/iter';
import { NotSupported, PyError } from '../python/errors';
import { fromDouble } from '../python/objects/float';
import { fromLong, intValue } from '../python/objects/int';
import { T } from '../python/objects/types';
import { boolArg, intArg, isNone, parseArgs, shapeArg, type Kw } from './args';
import { OBJECT, type DType } from './dtypes';
import type { DTypeObjects } from './dtypeType';
import { forEachValue } from './elements';
import { AF } from './arrayTable';
import { cStrides, type Arrays } from './ndarray';
import type { Views } from './views';

/**
 * The two NumPy 1.24.2 calls that grow or shrink an array's buffer with realloc
 * (PyDataMem_UserRENEW → default_realloc → realloc, no data cache): np.fromiter and
 * ndarray.resize. Both checked call by call against Debian's NumPy (allocation cases).
 */
export class Growth {
  constructor(
    readonly arrays: Arrays,
    readonly dtypes: DTypeObjects,
    readonly views: Views,
  ) {}

  private get vm() {
    return this.arrays.vm;
  }

  /**
   * PyArray_FromIter: a 1-d array of `count` elements, or of the iterable's length hint when
   * count is -1 (0 for a generator: a 1-byte buffer); past the end of the buffer it is
   * realloc'd to 4, 8, 14, 23, 36, 56… elements (i + i/2 + 2, +4 below 4); each item is stored
   * through the dtype's setitem (a Python int into a float array makes a float first); at the
   * end the buffer is realloc'd to exactly the items stored (even when that is its size).
   */
  fromiter(args: number[], kw: Kw): number {
    const vm = this.vm;
    const A = this.arrays;
    const [iterable, dt, countH] = parseArgs(vm, 'fromiter', ['iter', 'dtype', 'count', 'like'], 2, args, kw);
    const d = this.dtypes.convert(dt, null);
    if (d === OBJECT) throw new NotSupported('np.fromiter with dtype=object');
    const count = countH === undefined ? -1 : intArg(vm, countH, 'count');
    const it = getIter(vm, iterable!);
    const values: number[] = [];
    let r = 0;
    try {
      let cap = count < 0 ? lengthHint(vm, iterable!, 0) : count;
      r = A.newArray(d, [cap]);
      const s = A.slot(r);
      for (let i = 0; count < 0 || i < count; i++) {
        const item = iterNext(vm, it);
        if (item === 0) break;
        try {
          if (i >= cap) {
            cap = (i >> 1) + (i < 4 ? 4 : 2) + i;
            A.t.data[s] = this.realloc(A.t.data[s], cap * d.itemsize);
          }
          values.push(this.setitemValue(item, d));
          A.alloc.write(A.t.data[s] + i * d.itemsize, d.itemsize);
        } finally {
          vm.decref(item);
        }
      }
      if (count >= 0 && values.length < count)
        throw valueError(
          vm,
          'iterator too short: Expected %zd but iterator had only %zd items.',
          count,
          values.length,
        );
      if (values.length > 0) A.t.data[s] = this.realloc(A.t.data[s], values.length * d.itemsize);
      A.t.setShape(s, [values.length], [d.itemsize]);
      vm.table.ptr[r] = A.t.data[s];
      const out = A.values.setData(s, values.length);
      if (out) out.set(values);
    } catch (e) {
      if (r) {
        // the array's size is what was stored so far (array_dealloc frees that many bytes)
        A.t.setShape(A.slot(r), [values.length], [d.itemsize]);
        vm.decref(r);
      }
      throw e;
    } finally {
      vm.decref(it);
    }
    return r;
  }

  /** PyDataMem_UserRENEW: realloc, a MemoryError when it fails. */
  private realloc(p: number, nbytes: number): number {
    const q = this.arrays.alloc.libc.realloc(p, nbytes);
    if (q === 0) throw new PyError('MemoryError', 'cannot allocate array memory');
    return q;
  }

  /** @TYPE@_setitem of a Python object: its value, with the temporary a conversion makes. */
  private setitemValue(item: number, d: DType): number {
    const vm = this.vm;
    const t = vm.table.type[item];
    if (t === T.Int && d.kind === 'f') vm.decref(fromDouble(vm, Number(intValue(vm, item))));
    else if (t === T.Float && (d.kind === 'i' || d.kind === 'u'))
      vm.decref(fromLong(vm, Math.trunc(vm.table.num[item])));
    const v = this.views.numberOf(item);
    if (v === null) throw new NotSupported(`np.fromiter of ${vm.typeOf(item).name} items`);
    return v;
  }

  /**
   * array_resize → PyArray_Resize(self, newshape, refcheck): the shape through
   * PyArray_IntpConverter (a dims-cache block for its length, returned after); a new size needs
   * OWNDATA and, with refcheck, no other reference (refcount ≤ 2: the name and the call's
   * self), no base; then the buffer is realloc'd (the elements past the old end zeroed: pages
   * written), and a new ndim reallocs the dims block to 3·nd npy_intp (PyDimMem_RENEW).
   */
  resize(self: number, args: readonly number[], kw: Kw): number {
    const vm = this.vm;
    const A = this.arrays;
    const [refcheckH] = parseArgs(vm, 'resize', ['refcheck'], 0, [], kw);
    const refcheck = boolArg(vm, refcheckH, true);
    if (args.length === 0 || (args.length === 1 && isNone(vm, args[0]))) {
      vm.incref(vm.s.None);
      return vm.s.None;
    }
    const { shape, tempLen } =
      args.length === 1
        ? shapeArg(vm, args[0])
        : { shape: args.map((x) => intArg(vm, x, 'shape')), tempLen: args.length };
    const p = tempLen > 0 ? A.alloc.dimMalloc(tempLen) : 0;
    try {
      this.resizeTo(self, shape, refcheck);
    } finally {
      if (p) A.alloc.dimFree(p, tempLen);
    }
    vm.incref(vm.s.None);
    return vm.s.None;
  }

  private resizeTo(self: number, shape: number[], refcheck: boolean): void {
    const vm = this.vm;
    const A = this.arrays;
    const t = A.t;
    const s = A.slot(self);
    const d = t.dt(s);
    if (d === OBJECT) throw new NotSupported('resizing an object array');
    if (shape.some((x) => x < 0)) throw valueError(vm, 'negative dimensions not allowed');
    const oldNd = t.nd[s];
    const oldSize = t.size(s);
    const newSize = shape.reduce((a, b) => a * b, 1);
    if (newSize !== oldSize) {
      if (!(t.flags[s] & AF.OwnData))
        throw valueError(vm, 'cannot resize this array: it does not own its data');
      if (t.base[s] !== 0 || (refcheck && vm.table.refcnt[self] > 2))
        throw valueError(
          vm,
          'cannot resize an array that references or is referenced\nby another array in this way.\nUse the np.resize function or refcheck=False',
        );
      const old: number[] = [];
      forEachValue(A, self, (v) => old.push(v));
      const oldBytes = oldSize * d.itemsize;
      const newBytes = newSize * d.itemsize;
      t.data[s] = this.realloc(t.data[s], newBytes === 0 ? d.itemsize : newBytes);
      vm.table.ptr[self] = t.data[s];
      if (newBytes > oldBytes) A.alloc.write(t.data[s] + oldBytes, newBytes - oldBytes);
      t.setShape(s, [newSize], [d.itemsize]);
      const vals = A.values.setData(s, newSize);
      if (vals) for (let i = 0; i < Math.min(old.length, newSize); i++) vals[i] = old[i];
    }
    if (shape.length !== oldNd) {
      if (shape.length === 0 || oldNd === 0) throw new NotSupported('resizing to or from a 0-d array');
      const q = A.alloc.libc.realloc(t.dims[s], 8 * 3 * shape.length);
      if (q === 0) throw new PyError('MemoryError', '');
      t.dims[s] = q;
    }
    t.setShape(s, shape, cStrides(shape, d.itemsize));
  }
}
