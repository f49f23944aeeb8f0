import { raiseString } from '../python/abstract/errors';
import { E } from '../python/objects/exctypes';
import { diagonal, trace } from './diagonal';
import { npDelete } from './deleteItems';
import { npTake } from './take';
import { npPad } from './pad';
import { frombuffer } from './frombuffer';
import { fromfile } from './npyFile';
import { einsum } from './einsum';
import { where } from './where';
import { npSplit } from './split';
import { clipFunction } from './clip';
import { meshgrid } from './grids';
import { SortFunctions } from './sortFunctions';
import { lexsort } from './lexsort';
import { histogram } from './histogram';
import { NanFunctions } from './nanFunctions';
import { bincount } from './counting';
import { resultTypeFunction } from './closeness';
import { typeError } from '../python/abstract/errors';
import { NotSupported } from '../python/errors';
import { fromLong } from '../python/objects/int';
import { tupleFromItems, tupleItem } from '../python/objects/tuple';
import { Meth, type Kwargs } from '../python/objects/types';
import { axisArg, boolArg, intArg, isInt, isNone, parseArgs, sequenceItems } from './args';
import { INT64 } from './dtypes';
import { readBroadcast, requireValues, writeValues } from './elements';
import type { UfuncName, UnaryName } from './loops';
import { computeMethods, Methods } from './methods';
import type { NumpyRuntime } from './module';

type Fn = { flags: number; fn: (args: number[], kw: Kwargs) => number };

const FK = Meth.Fastcall | Meth.Keywords;
const VK = Meth.Varargs | Meth.Keywords;

export const UNARY: UnaryName[] = [
  'sqrt',
  'exp',
  'log',
  'log10',
  'log2',
  'sin',
  'cos',
  'tan',
  'floor',
  'ceil',
  'rint',
  'square',
  'absolute',
  'negative',
  'positive',
  'invert',
  'sign',
  'isnan',
  'isfinite',
  'isinf',
  'signbit',
  'logical_not',
];
export const BINARY: UfuncName[] = [
  'logical_and',
  'logical_or',
  'logical_xor',
  'add',
  'subtract',
  'multiply',
  'true_divide',
  'floor_divide',
  'remainder',
  'power',
  'maximum',
  'minimum',
  'bitwise_and',
  'bitwise_or',
  'bitwise_xor',
  'left_shift',
  'right_shift',
  'less',
  'less_equal',
  'equal',
  'not_equal',
  'greater',
  'greater_equal',
];

/**
 * The numpy module's functions. Those NumPy writes in C (array, asarray, zeros, empty, arange,
 * concatenate, where, frombuffer, the ufuncs) allocate as the C code does; those it writes in
 * Python (ones, full, *_like, stack, vstack, hstack, sum, mean, std, sort, unique, linspace…) do
 * what their Python code does with arrays, through the same primitives, so their array
 * allocations match NumPy's; the small objects their Python frames make and drop (argument
 * tuples, keyword dicts) are not modelled.
 */
export class Functions {
  private cache: Record<string, Fn> | null = null;
  private readonly methods: Methods;
  private readonly sorts: SortFunctions;
  private readonly nans: NanFunctions;

  constructor(readonly rt: NumpyRuntime) {
    this.methods = computeMethods(rt);
    this.sorts = new SortFunctions(rt);
    this.sorts.helpers = { cumsum: (h) => this.methods.cumsum(h, [], null), nonzero: (h) => this.nonzero(h) };
    this.nans = new NanFunctions(rt, this.methods);
  }

  private get vm() {
    return this.rt.vm;
  }

  table(): Record<string, Fn> {
    if (this.cache) return this.cache;
    const rt = this.rt;
    const C = rt.ctors;
    const J = rt.joins;
    const vm = this.vm;
    const t: Record<string, Fn> = {
      zeros: { flags: FK, fn: (a, k) => C.zeros(a, k) },
      ones: { flags: FK, fn: (a, k) => C.ones(a, k) },
      empty: { flags: FK, fn: (a, k) => C.empty(a, k) },
      full: { flags: FK, fn: (a, k) => C.full(a, k) },
      arange: { flags: FK, fn: (a, k) => C.arange(a, k) },
      zeros_like: { flags: FK, fn: (a, k) => C.like('zeros', a, k) },
      ones_like: { flags: FK, fn: (a, k) => C.like('ones', a, k) },
      empty_like: { flags: FK, fn: (a, k) => C.like('empty', a, k) },
      full_like: { flags: FK, fn: (a, k) => C.like('full', a, k) },
      concatenate: { flags: FK, fn: (a, k) => J.concatenate(a, k) },
      stack: { flags: FK, fn: (a, k) => J.stack(a, k) },
      vstack: { flags: FK, fn: (a, k) => J.vstack(a, k) },
      row_stack: { flags: FK, fn: (a, k) => J.vstack(a, k) },
      hstack: { flags: FK, fn: (a, k) => J.hstack(a, k) },
      column_stack: { flags: FK, fn: (a, k) => J.columnStack(a, k) },
      frombuffer: { flags: VK, fn: (a, k) => frombuffer(C, a, k) },
      fromiter: { flags: VK, fn: (a, k) => rt.growth.fromiter(a, k) },
      fromfile: { flags: FK, fn: (a, k) => fromfile(rt, a, k) },
      einsum: { flags: FK, fn: (a, k) => einsum(rt, a, k) },
      where: { flags: Meth.Varargs, fn: (a, k) => where(C, a, k, (h) => this.nonzero(h)) },
      nonzero: { flags: FK, fn: (a) => this.rt.withArray(a[0], (h) => this.nonzero(h)) },
      array: { flags: FK, fn: (a, k) => this.array(a, k, true) },
      asarray: { flags: FK, fn: (a, k) => this.array(a, k, false) },
      asanyarray: { flags: FK, fn: (a, k) => this.array(a, k, false, true) },
      ascontiguousarray: { flags: FK, fn: (a, k) => rt.layout.asOrder('C', a, k) },
      asfortranarray: { flags: FK, fn: (a, k) => rt.layout.asOrder('F', a, k) },
      shares_memory: { flags: FK, fn: (a, k) => rt.layout.overlap(true, a, k) },
      may_share_memory: { flags: FK, fn: (a, k) => rt.layout.overlap(false, a, k) },
      diff: { flags: FK, fn: (a, k) => rt.numeric.diff(a, k) },
      eye: { flags: FK, fn: (a, k) => rt.numeric.eye(a, k) },
      identity: { flags: FK, fn: (a, k) => rt.numeric.identity(a, k) },
      count_nonzero: { flags: FK, fn: (a, k) => rt.numeric.countNonzero(a, k) },
      dot: { flags: FK, fn: (a, k) => rt.products.dotFunction(a, k) },
      matmul: { flags: FK, fn: (a, k) => rt.products.matmulFunction(a, k) },
      flip: { flags: FK, fn: (a, k) => rt.shapes.flip(a, k) },
      broadcast_to: { flags: FK, fn: (a, k) => rt.shapes.broadcastTo(a, k) },
      outer: { flags: FK, fn: (a, k) => rt.shapes.outer(a, k) },
      tile: { flags: FK, fn: (a, k) => rt.builders.tile(a, k) },
      argwhere: { flags: FK, fn: (a, k) => this.argwhere(a, k) },
      flatnonzero: { flags: FK, fn: (a, k) => this.flatnonzero(a, k) },
      split: { flags: FK, fn: (a, k) => npSplit(rt, a, k, true, (h) => this.methods.cumsum(h, [], null)) },
      // shape_base.py hsplit/vsplit: split on axis 1 (axis 0 for 1-d) / axis 0 of an array of 2+ dimensions
      hsplit: { flags: FK, fn: (a, k) => this.axisSplit('hsplit', a, k) },
      vsplit: { flags: FK, fn: (a, k) => this.axisSplit('vsplit', a, k) },
      array_split: {
        flags: FK,
        fn: (a, k) => npSplit(rt, a, k, false, (h) => this.methods.cumsum(h, [], null)),
      },
      diag: { flags: FK, fn: (a, k) => rt.builders.diag(a, k) },
      diagonal: { flags: FK, fn: (a, k) => diagonal(rt, 0, a, k) },
      trace: { flags: FK, fn: (a, k) => trace(rt, 0, a, k) },
      clip: { flags: FK, fn: (a, k) => clipFunction(rt, a, k) },
      meshgrid: { flags: FK, fn: (a, k) => meshgrid(rt, a, k) },
      median: { flags: FK, fn: (a, k) => rt.quantiles.median(a, k) },
      percentile: { flags: FK, fn: (a, k) => rt.quantiles.quantile('percentile', a, k) },
      quantile: { flags: FK, fn: (a, k) => rt.quantiles.quantile('quantile', a, k) },
      searchsorted: {
        flags: FK,
        fn: (a, k) => {
          const [x, v, side, sorter] = parseArgs(vm, 'searchsorted', ['a', 'v', 'side', 'sorter'], 2, a, k);
          return this.rt.withArray(x!, (h) => rt.builders.searchsorted(h, v!, side, sorter));
        },
      },
      repeat: {
        flags: FK,
        fn: (a, k) => {
          const [x, reps, axis] = parseArgs(vm, 'repeat', ['a', 'repeats', 'axis'], 2, a, k);
          return this.rt.withArray(x!, (h) => rt.shapes.repeat(h, reps!, axis));
        },
      },
      round: { flags: FK, fn: (a, k) => rt.rounding.function(a, k) },
      around: { flags: FK, fn: (a, k) => rt.rounding.function(a, k) },
      round_: { flags: FK, fn: (a, k) => rt.rounding.function(a, k) },
      append: { flags: FK, fn: (a, k) => rt.layout.append(a, k) },
      delete: { flags: FK, fn: (a, k) => npDelete(rt, a, k) },
      take: { flags: FK, fn: (a, k) => npTake(rt, a, k) },
      pad: { flags: FK, fn: (a, k) => npPad(rt, a, k) },
      array_equal: { flags: FK, fn: (a, k) => rt.layout.arrayEqual(a, k) },
      result_type: { flags: FK, fn: (a) => resultTypeFunction(rt, a) },
      expand_dims: { flags: FK, fn: (a, k) => rt.layout.expandDims(a, k) },
      squeeze: { flags: FK, fn: (a, k) => this.squeeze(a, k) },
      swapaxes: { flags: FK, fn: (a, k) => this.swapaxes(a, k) },
      copy: { flags: FK, fn: (a, k) => this.copy(a, k) },
      reshape: { flags: FK, fn: (a, k) => this.reshape(a, k) },
      ravel: {
        flags: FK,
        fn: (a, k) => {
          const [x, order] = parseArgs(vm, 'ravel', ['a', 'order'], 1, a, k);
          return this.rt.withArray(x!, (h) => rt.layout.ravel(h, order));
        },
      },
      transpose: { flags: FK, fn: (a, k) => this.transpose(a, k) },
      sum: { flags: FK, fn: (a, k) => this.reduction('sum', a, k) },
      prod: { flags: FK, fn: (a, k) => this.reduction('prod', a, k) },
      max: { flags: FK, fn: (a, k) => this.reduction('max', a, k) },
      amax: { flags: FK, fn: (a, k) => this.reduction('max', a, k) },
      min: { flags: FK, fn: (a, k) => this.reduction('min', a, k) },
      amin: { flags: FK, fn: (a, k) => this.reduction('min', a, k) },
      any: { flags: FK, fn: (a, k) => this.reduction('any', a, k) },
      all: { flags: FK, fn: (a, k) => this.reduction('all', a, k) },
      mean: {
        flags: FK,
        fn: (a, k) => this.rt.withArray(a[0], (h) => this.methods.mean(h, a.slice(1), k, false)),
      },
      std: {
        flags: FK,
        fn: (a, k) => this.rt.withArray(a[0], (h) => this.methods.variance('std', h, a.slice(1), k)),
      },
      var: {
        flags: FK,
        fn: (a, k) => this.rt.withArray(a[0], (h) => this.methods.variance('var', h, a.slice(1), k)),
      },
      argmax: {
        flags: FK,
        fn: (a, k) => this.rt.withArray(a[0], (h) => this.methods.argExtreme('argmax', h, a.slice(1), k)),
      },
      argmin: {
        flags: FK,
        fn: (a, k) => this.rt.withArray(a[0], (h) => this.methods.argExtreme('argmin', h, a.slice(1), k)),
      },
      cumsum: {
        flags: FK,
        fn: (a, k) => this.rt.withArray(a[0], (h) => this.methods.cumsum(h, a.slice(1), k)),
      },
      cumprod: {
        flags: FK,
        fn: (a, k) => this.rt.withArray(a[0], (h) => this.methods.cumsum(h, a.slice(1), k, 'multiply')),
      },
      sort: { flags: FK, fn: (a, k) => this.sorts.sort(a, k) },
      argsort: { flags: FK, fn: (a, k) => this.sorts.argsort(a, k) },
      unique: { flags: FK, fn: (a, k) => this.sorts.unique(a, k) },
      lexsort: { flags: FK, fn: (a, k) => lexsort(rt, a, k) },
      histogram: { flags: FK, fn: (a, k) => histogram(rt, a, k) },
      linspace: { flags: FK, fn: (a, k) => rt.numeric.linspace(a, k) },
      ...this.nans.table(),
      bincount: { flags: FK, fn: (a, k) => bincount(rt, a, k) },
      shape: {
        flags: FK,
        fn: (a) => this.rt.withArray(a[0], (h) => Methods.intTuple(vm, rt.arrays.shape(h))),
      },
      size: { flags: FK, fn: (a) => this.rt.withArray(a[0], (h) => fromLong(vm, rt.arrays.size(h))) },
      ndim: { flags: FK, fn: (a) => this.rt.withArray(a[0], (h) => fromLong(vm, rt.arrays.nd(h))) },
    };
    for (const name of UNARY) t[name] = { flags: FK, fn: (a, k) => this.unary(name, a, k) };
    t.abs = t.absolute;
    for (const name of BINARY) t[name] = { flags: FK, fn: (a, k) => this.binary(name, a, k) };
    t.divide = t.true_divide;
    t.mod = t.remainder;
    this.cache = t;
    return t;
  }

  /**
   * _array_fromobject_generic (np.array: copy=True by default; np.asarray: copy=False): an array
   * passes through or is copied/cast; anything else goes through discovery (fromlist.ts).
   */
  private array(args: number[], kw: Kwargs, copyDefault: boolean, anyArray = false): number {
    const vm = this.vm;
    const [obj, dt, copyH, orderH, subokH, ndminH] = parseArgs(
      vm,
      copyDefault ? 'array' : 'asarray',
      copyDefault
        ? ['object', 'dtype', 'copy', 'order', 'subok', 'ndmin', 'like']
        : ['a', 'dtype', 'order', 'like'],
      1,
      args,
      kw,
    );
    void orderH;
    const dtype = isNone(vm, dt) ? null : this.rt.dtypes.convert(dt, null);
    const copy = copyDefault ? boolArg(vm, copyH, true) : false;
    const ndmin = copyDefault && !isNone(vm, ndminH) ? intArg(vm, ndminH!, 'ndmin') : 0;
    const subok = anyArray || (copyDefault && boolArg(vm, subokH, false));
    const A = this.rt.arrays;
    // np.array(t, subok=True): a copy keeps the subclass (PyArray_NewLikeArray with subok)
    if (subok && copy && A.isArray(obj!) && !A.isExact(obj!) && (dtype === null || dtype === A.dtype(obj!))) {
      return this.rt.views.copy(obj!, 'K', true);
    }
    return this.rt.fromList.fromObject(obj!, dtype, copy, ndmin, subok);
  }

  /** np.copy(a) = array(a, order='K', copy=True). */
  private copy(args: number[], kw: Kwargs): number {
    const [a] = parseArgs(this.vm, 'copy', ['a', 'order', 'subok'], 1, args, kw);
    if (this.rt.arrays.isArray(a!)) return this.rt.views.copy(a!, 'K');
    return this.rt.fromList.fromObject(a!, null, true);
  }

  /** np.squeeze (fromnumeric.py): a.squeeze(axis) (a list through asarray first). */
  private squeeze(args: number[], kw: Kwargs): number {
    const [a, axis] = parseArgs(this.vm, 'squeeze', ['a', 'axis'], 1, args, kw);
    return this.rt.withArray(a!, (h) => this.rt.layout.squeeze(h, axis));
  }

  /** np.swapaxes (fromnumeric.py): a.swapaxes(axis1, axis2). */
  private swapaxes(args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const [a, a1, a2] = parseArgs(vm, 'swapaxes', ['a', 'axis1', 'axis2'], 3, args, kw);
    return this.rt.withArray(a!, (h) =>
      this.rt.layout.swapaxes(h, intArg(vm, a1!, 'axis1'), intArg(vm, a2!, 'axis2')),
    );
  }

  private reshape(args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const [a, shapeH] = parseArgs(vm, 'reshape', ['a', 'newshape', 'order'], 2, args, kw);
    return this.rt.withArray(a!, (h) => {
      const items = isInt(vm, shapeH!) ? [shapeH!] : sequenceItems(vm, shapeH!);
      if (items === null)
        throw typeError(vm, "'%s' object cannot be interpreted as an integer", vm.typeOf(shapeH!).name);
      return this.rt.views.newshape(
        h,
        items.map((x) => intArg(vm, x, 'shape')),
      );
    });
  }

  private transpose(args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const [a, axesH] = parseArgs(vm, 'transpose', ['a', 'axes'], 1, args, kw);
    return this.rt.withArray(a!, (h) => {
      if (isNone(vm, axesH)) return this.rt.views.transpose(h, null);
      const items = sequenceItems(vm, axesH!);
      if (items === null) throw typeError(vm, 'axes must be a sequence');
      return this.rt.views.transpose(
        h,
        items.map((x) => intArg(vm, x, 'axes')),
      );
    });
  }

  /** np.sum & co (fromnumeric._wrapreduction): ufunc.reduce on the array, without forwarding. */
  private reduction(
    name: 'sum' | 'prod' | 'max' | 'min' | 'any' | 'all',
    args: number[],
    kw: Kwargs,
  ): number {
    const vm = this.vm;
    const [a, axisH, dtH, outH, keepH] = parseArgs(
      vm,
      name,
      ['a', 'axis', 'dtype', 'out', 'keepdims', 'initial', 'where'],
      1,
      args,
      kw,
    );
    if (!isNone(vm, outH)) throw new NotSupported(`np.${name}(out=)`);
    const op = (
      {
        sum: 'add',
        prod: 'multiply',
        max: 'maximum',
        min: 'minimum',
        any: 'logical_or',
        all: 'logical_and',
      } as const
    )[name];
    return this.rt.withArray(a!, (h) =>
      this.rt.reductions.reduce(
        op,
        h,
        axisArg(vm, axisH),
        name === 'max' || name === 'min' || isNone(vm, dtH) ? null : this.rt.dtypes.convert(dtH, null),
        boolArg(vm, keepH, false),
      ),
    );
  }

  /**
   * PyArray_Nonzero: an intp array of shape (count, ndim) (its dims and data), then a tuple of
   * one view per dimension (its column).
   */
  /**
   * argwhere(a) (numeric.py): transpose(nonzero(a)) — fromnumeric's _wrapit: asarray of the
   * tuple of index arrays (a (ndim, N) intp array), then its .T view; the index arrays go after.
   */
  /** hsplit/vsplit: `split(ary, indices_or_sections, axis)` with the axis their dimensions give. */
  private axisSplit(name: 'hsplit' | 'vsplit', args: number[], kw: Kwargs): number {
    const rt = this.rt;
    const vm = rt.vm;
    if (args.length !== 2) throw new NotSupported(`np.${name} with other than 2 positional arguments`);
    if (!rt.arrays.isArray(args[0])) throw new NotSupported(`np.${name} of a list (only arrays are modelled)`);
    const nd = rt.arrays.nd(args[0]);
    if (name === 'hsplit' && nd === 0)
      throw raiseString(vm, E.ValueError, 'hsplit only works on arrays of 1 or more dimensions');
    if (name === 'vsplit' && nd < 2)
      throw raiseString(vm, E.ValueError, 'vsplit only works on arrays of 2 or more dimensions');
    const axis = vm.s.smallInt(name === 'hsplit' && nd > 1 ? 1 : 0);
    return npSplit(rt, [args[0], args[1], axis], kw, true, (h) => this.methods.cumsum(h, [], null));
  }

  private argwhere(args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const [aH] = parseArgs(vm, 'argwhere', ['a'], 1, args, kw);
    return this.rt.withArray(aH!, (h) => {
      if (this.rt.arrays.nd(h) === 0) throw new NotSupported('np.argwhere of a 0-d array');
      const nz = this.nonzero(h);
      try {
        const stacked = this.rt.fromList.fromObject(nz, null, false);
        try {
          return this.rt.views.transpose(stacked, null);
        } finally {
          vm.decref(stacked);
        }
      } finally {
        vm.decref(nz);
      }
    });
  }

  /**
   * flatnonzero(a) (numeric.py): `np.nonzero(np.ravel(a))[0]`: the ravel (a view when
   * C-contiguous, else a copy), PyArray_Nonzero's (N, 1) intp array and its tuple, of which the
   * one column view is kept (its base the (N, 1) array); the tuple and the ravel go.
   */
  private flatnonzero(args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const [aH] = parseArgs(vm, 'flatnonzero', ['a'], 1, args, kw);
    return this.rt.withArray(aH!, (h) => {
      const flat = this.rt.views.ravel(h);
      try {
        const nz = this.nonzero(flat);
        const col = tupleItem(vm, nz, 0);
        vm.incref(col);
        vm.decref(nz);
        return col;
      } finally {
        vm.decref(flat);
      }
    });
  }

  nonzero(h: number): number {
    const vm = this.vm;
    const A = this.rt.arrays;
    requireValues(A, h, 'np.nonzero');
    const shape = A.shape(h);
    const nd = Math.max(shape.length, 1);
    const vals = readBroadcast(A, h, shape);
    const hits: number[] = [];
    vals.forEach((v, k) => {
      if (v) hits.push(k);
    });
    const all = A.newArray(INT64, [hits.length, nd]);
    const coords = new Float64Array(hits.length * nd);
    hits.forEach((k, i) => {
      let rem = k;
      for (let ax = nd - 1; ax >= 0; ax--) {
        const len = shape.length ? shape[ax] : 1;
        coords[i * nd + ax] = rem % len;
        rem = Math.floor(rem / len);
      }
    });
    writeValues(A, all, (k) => coords[k]);
    A.writeAll(all);
    const cols: number[] = [];
    for (let ax = 0; ax < nd; ax++)
      cols.push(
        A.newArray(INT64, [hits.length], {
          view: { data: A.data(all) + 8 * ax, base: all, strides: [8 * nd] },
        }),
      );
    vm.decref(all);
    return tupleFromItems(vm, cols);
  }

  private unary(name: UnaryName, args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const [x, outH] = parseArgs(vm, name, ['x', 'out', 'where', 'casting', 'order', 'dtype'], 1, args, kw);
    const out = isNone(vm, outH) ? 0 : outH!;
    if (out && !this.rt.arrays.isArray(out)) throw typeError(vm, 'return arrays must be of ArrayType');
    const r = this.rt.ufuncs.unaryMath(name, x!, out);
    return r;
  }

  private binary(name: UfuncName, args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const [x, y, outH] = parseArgs(
      vm,
      name,
      ['x1', 'x2', 'out', 'where', 'casting', 'order', 'dtype'],
      2,
      args,
      kw,
    );
    const out = isNone(vm, outH) ? 0 : outH!;
    if (out && !this.rt.arrays.isArray(out)) throw typeError(vm, 'return arrays must be of ArrayType');
    return this.rt.ufuncs.call(name, [x!, y!], out);
  }
}
