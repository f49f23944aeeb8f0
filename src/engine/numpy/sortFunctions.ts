import { NotSupported } from '../python/errors';
import type { Kwargs } from '../python/objects/types';
import { boolArg, intArg, isNone, parseArgs } from './args';
import { tupleItems } from '../python/objects/tuple';
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
   * np.unique (arraysetops.unique → _unique1d, uniqueOptions.ts: one path for every option):
   * `ar = np.asanyarray(ar).flatten()`, then _unique1d's tuple; `_unpack_tuple` returns its only
   * item when no return_* option is asked for.
   */
  unique(args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const rt = this.rt;
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
    const helpers = this.helpers;
    if (!helpers) throw new Error('np.unique: the runtime did not set its helpers');
    return this.rt.withArray(a!, (h) => {
      const t = uniqueWithOptions(rt, rt.views.flatten(h), opts, helpers);
      if (opts.index || opts.inverse || opts.counts) return t;
      // _unpack_tuple: x[0] of a 1-tuple (the tuple dies after the frame's return)
      const only = tupleItems(vm, t)[0];
      vm.incref(only);
      vm.decref(t);
      return only;
    });
  }
}
