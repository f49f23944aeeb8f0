import { NotSupported } from '../python/errors';
import type { Kwargs } from '../python/objects/types';
import { boolArg, intArg, isNone, parseArgs } from './args';
import { BOOL } from './dtypes';
import { readBroadcast, writeValues } from './elements';
import type { NumpyRuntime } from './module';
import { isStableKind } from './stableSort';
import { uniqueWithOptions, type UniqueHelpers } from './uniqueOptions';

/** np.sort, np.argsort and np.unique (fromnumeric.py, arraysetops.py) over sort.ts's sorts. */
export class SortFunctions {
  /** cumsum and nonzero for unique's return_* options (set by functions.ts, which owns them). */
  helpers: UniqueHelpers | null = null;

  constructor(readonly rt: NumpyRuntime) {}

  private get vm() {
    return this.rt.vm;
  }

  /** Sorting along the last axis (or, for axis=None, np.sort's flattened copy) is what is modelled. */
  private lastAxisOnly(h: number, axisH: number | undefined, name: string): void {
    const vm = this.vm;
    if (axisH === undefined || isNone(vm, axisH)) return;
    const axis = intArg(vm, axisH, 'axis');
    if (axis !== -1 && axis !== this.rt.arrays.nd(h) - 1)
      throw new NotSupported(`np.${name} along an axis other than the last`);
  }

  /** np.sort(a, axis=-1): a = asanyarray(a).copy(order='K'); a.sort(axis). */
  sort(args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const [a, axisH] = parseArgs(vm, 'sort', ['a', 'axis', 'kind', 'order'], 1, args, kw);
    return this.rt.withArray(a!, (h) => {
      this.lastAxisOnly(h, axisH, 'sort');
      if (isNone(vm, axisH) && axisH !== undefined) {
        const flat = this.rt.views.flatten(h);
        this.rt.sorting.sortInPlace(flat);
        return flat;
      }
      const c = this.rt.views.copy(h, 'K');
      this.rt.sorting.sortInPlace(c);
      return c;
    });
  }

  argsort(args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const [a, axisH, kindH] = parseArgs(vm, 'argsort', ['a', 'axis', 'kind', 'order'], 1, args, kw);
    return this.rt.withArray(a!, (h) => {
      this.lastAxisOnly(h, axisH, 'argsort');
      return this.rt.sorting.argsort(h, isStableKind(vm, kindH));
    });
  }

  /**
   * np.unique (arraysetops._unique1d, no return_* options): ar.flatten(), ar.sort(), a bool mask
   * (np.empty), mask[:1] = True, mask[1:] = aux[1:] != aux[:-1] (two views and a comparison
   * array), aux[mask] (a boolean-index copy).
   */
  unique(args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const rt = this.rt;
    const A = rt.arrays;
    const [a, ri, rinv, rc, axisH] = parseArgs(
      vm,
      'unique',
      ['ar', 'return_index', 'return_inverse', 'return_counts', 'axis', 'equal_nan'],
      1,
      args,
      kw,
    );
    if (!isNone(vm, axisH)) throw new NotSupported('np.unique with axis');
    const opts = {
      index: boolArg(vm, ri, false),
      inverse: boolArg(vm, rinv, false),
      counts: boolArg(vm, rc, false),
    };
    if ((opts.index || opts.inverse || opts.counts) && this.helpers)
      return this.rt.withArray(a!, (h) => uniqueWithOptions(rt, rt.views.flatten(h), opts, this.helpers!));
    return this.rt.withArray(a!, (h) => {
      const aux = rt.views.flatten(h);
      try {
        rt.sorting.sortInPlace(aux);
        const n = A.size(aux);
        const vals = readBroadcast(A, aux, [n]);
        const keep: number[] = [];
        for (let i = 0; i < n; i++)
          if (i === 0 || !(vals[i] === vals[i - 1] || (Number.isNaN(vals[i]) && Number.isNaN(vals[i - 1]))))
            keep.push(vals[i]);
        // mask = np.empty(aux.shape, dtype=bool); mask[:1] = True; mask[1:] = aux[1:] != aux[:-1]
        const m = A.newArray(BOOL, [n]);
        const head = A.newArray(BOOL, [Math.min(1, n)], { view: { data: A.data(m), base: m } });
        vm.decref(head);
        if (n > 1) {
          const tail = A.newArray(A.dtype(aux), [n - 1], {
            view: { data: A.data(aux) + A.dtype(aux).itemsize, base: aux },
          });
          const front = A.newArray(A.dtype(aux), [n - 1], { view: { data: A.data(aux), base: aux } });
          const ne = rt.ufuncs.call('not_equal', [tail, front], 0);
          const dst = A.newArray(BOOL, [n - 1], { view: { data: A.data(m) + 1, base: m } });
          A.writeAll(dst);
          vm.decref(dst);
          vm.decref(ne);
          vm.decref(front);
          vm.decref(tail);
        }
        A.writeAll(m);
        const r = A.newArray(A.dtype(aux), [keep.length]);
        const it = vm.mem.malloc(224);
        writeValues(A, r, (k) => keep[k]);
        A.writeAll(r);
        vm.mem.free(it);
        vm.decref(m);
        return r;
      } finally {
        vm.decref(aux);
      }
    });
  }
}
