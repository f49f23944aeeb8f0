import { indexError, valueError } from '../../python/abstract/errors';
import { NotSupported } from '../../python/errors';
import { fromLong } from '../../python/objects/int';
import { listItem, listPut } from '../../python/objects/list';
import { T, type Kwargs } from '../../python/objects/types';
import type { Vm } from '../../python/runtime/vm';
import { boolArg, intArg, isNone, parseArgs, shapeArg } from '../args';
import { INT8, INT64 } from '../dtypes';
import { readBroadcast, requireValues, valueAt, writeValues } from '../elements';
import { cStrides } from '../ndarray';
import type { NumpyRuntime } from '../module';
import type { BitGen } from './bitgen';

/**
 * random_interval (distributions.c): a value in [0, max] by rejection on the smallest all-ones
 * mask covering max, from next_uint32 when max fits in 32 bits, else next_uint64.
 */
export function randomInterval(g: BitGen, max: number): number {
  if (max === 0) return 0;
  let mask = max;
  // smallest 2^k − 1 ≥ max (max < 2^53 here)
  let m = 1;
  while (m - 1 < mask) m *= 2;
  mask = m - 1;
  if (max <= 0xffffffff) {
    let v: number;
    do v = g.next32() % (mask + 1);
    while (v > max);
    return v;
  }
  const u = { hi: 0, lo: 0 };
  let v: number;
  do {
    g.next64(u);
    v = (u.hi % Math.floor((mask + 1) / 2 ** 32)) * 2 ** 32 + u.lo;
  } while (v > max);
  return v;
}

/**
 * shuffle, permutation and choice of RandomState (mtrand.pyx) and Generator (_generator.pyx):
 * Fisher–Yates from the last index down, j = random_interval(i), with a one-item byte buffer
 * (np.empty(itemsize, int8)) for the swaps of a 1-d array; rows of an n-d array swap through
 * np.empty_like(x[0]); a list swaps its items.
 */
export class Sampling {
  constructor(
    readonly rt: NumpyRuntime,
    /** randint (legacy) / Generator.integers, as the module runs them */
    private readonly integers: (g: BitGen, args: number[], kw: Kwargs, legacy: boolean) => number,
  ) {}

  private get vm(): Vm {
    return this.rt.vm;
  }

  /** The permutation Fisher–Yates draws for n items: perm[k] is the item that ends at k. */
  private order(g: BitGen, n: number): Int32Array | Float64Array {
    const perm = n < 2 ** 31 ? new Int32Array(n) : new Float64Array(n);
    for (let i = 0; i < n; i++) perm[i] = i;
    for (let i = n - 1; i >= 1; i--) {
      const j = randomInterval(g, i);
      const t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    return perm;
  }

  shuffle(g: BitGen, args: number[], kw: Kwargs, generator: boolean): number {
    const vm = this.vm;
    const A = this.rt.arrays;
    const [x, axisH] = parseArgs(vm, 'shuffle', generator ? ['x', 'axis'] : ['x'], 1, args, kw);
    if (!isNone(vm, axisH) && intArg(vm, axisH!, 'axis') !== 0)
      throw new NotSupported('Generator.shuffle along an axis other than 0');
    if (A.isArray(x!)) this.shuffleArray(g, x!);
    else if (vm.table.type[x!] === T.List) {
      const n = vm.table.n[x!];
      const items = Array.from({ length: n }, (_, i) => listItem(vm, x!, i));
      const perm = this.order(g, n);
      for (let k = 0; k < n; k++) listPut(vm, x!, k, items[perm[k]]);
    } else throw new NotSupported(`shuffling a ${vm.typeOf(x!).name}`);
    vm.incref(vm.s.None);
    return vm.s.None;
  }

  private shuffleArray(g: BitGen, x: number): void {
    const vm = this.vm;
    const A = this.rt.arrays;
    const shape = A.shape(x);
    if (shape.length === 0) throw new NotSupported('shuffling a 0-d array');
    const n = shape[0];
    if (n === 0 || A.size(x) === 0) return;
    requireValues(A, x, 'np.random.shuffle');
    const row = A.size(x) / n;
    // the swap buffer: np.empty(itemsize, dtype=np.int8) for 1-d, np.empty_like(x[0, ...]) else
    const buf =
      shape.length === 1 ? A.newArray(INT8, [A.dtype(x).itemsize]) : A.newArray(A.dtype(x), shape.slice(1));
    try {
      const vals = readBroadcast(A, x, shape);
      const perm = this.order(g, n);
      writeValues(A, x, (k) => vals[perm[Math.floor(k / row)] * row + (k % row)]);
      A.writeAll(x);
    } finally {
      vm.decref(buf);
    }
  }

  /**
   * permutation(x): an int n shuffles np.arange(n); a 1-d array is copied (np.array: it shares
   * memory with x) and shuffled; an n-d one is indexed by a shuffled np.arange(len(x)) (a copy).
   */
  permutation(g: BitGen, args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const A = this.rt.arrays;
    const [x] = parseArgs(vm, 'permutation', ['x', 'axis'], 1, args, kw);
    if (this.isInteger(x!)) {
      const arr = this.rt.ctors.arange([x!], new Map());
      this.shuffleArray(g, arr);
      return arr;
    }
    const arr = A.isArray(x!) ? (vm.incref(x!), x!) : this.rt.fromList.fromObject(x!, null, false);
    try {
      if (A.nd(arr) < 1) throw indexError(vm, 'x must be an integer or at least 1-dimensional');
      if (A.nd(arr) === 1) {
        const c = A.isArray(x!) ? this.rt.views.copy(arr, 'K') : (vm.incref(arr), arr);
        this.shuffleArray(g, c);
        return c;
      }
      const n = fromLong(vm, A.shape(arr)[0]);
      const idx = this.rt.ctors.arange([n], new Map());
      vm.decref(n);
      try {
        this.shuffleArray(g, idx);
        return this.rt.views.subscript(arr, idx);
      } finally {
        vm.decref(idx);
      }
    } finally {
      vm.decref(arr);
    }
  }

  private isInteger(h: number): boolean {
    const vm = this.vm;
    const t = vm.table.type[h];
    if (t === T.Int || t === T.Bool) return true;
    const d = this.rt.scalars.dtypeOf(h);
    return d !== undefined && d.kind !== 'f';
  }

  /**
   * choice(a, size=None, replace=True, p=None): with replacement, indices from randint(0, n)
   * (RandomState: masked rejection) or integers(0, n) (Generator: Lemire); without, the first
   * `size` of a permutation of n (RandomState). a[idx] when a is an array or a list.
   */
  choice(g: BitGen, args: number[], kw: Kwargs, generator: boolean): number {
    const vm = this.vm;
    const A = this.rt.arrays;
    const [aH, sizeH, replaceH, pH] = parseArgs(
      vm,
      'choice',
      generator ? ['a', 'size', 'replace', 'p', 'axis', 'shuffle'] : ['a', 'size', 'replace', 'p'],
      1,
      args,
      kw,
    );
    if (!isNone(vm, pH)) throw new NotSupported('np.random.choice with p=');
    const replace = boolArg(vm, replaceH, true);
    if (!replace && generator) throw new NotSupported('Generator.choice(replace=False)');
    // a = np.array(a, copy=False): a 0-d array for a count
    const isCount = this.isInteger(aH!);
    const arr = A.isArray(aH!) ? (vm.incref(aH!), aH!) : this.rt.fromList.fromObject(aH!, null, false);
    try {
      if (A.nd(arr) > 1) throw valueError(vm, 'a must be 1-dimensional');
      if (A.nd(arr) === 0 && !isCount) throw valueError(vm, 'a must be 1-dimensional or an integer');
      const pop = isCount ? intArg(vm, aH!, 'a') : A.shape(arr)[0];
      const shape = isNone(vm, sizeH) ? null : shapeArg(vm, sizeH!).shape;
      let size = 1;
      if (shape !== null) {
        // size = np.prod(shape, dtype=np.intp): a 0-d array of the shape and its product
        size = shape.reduce((x, y) => x * y, 1);
        const z = this.rt.ctors.asArrayOrScalar(sizeH!);
        try {
          vm.decref(this.rt.reductions.reduce('multiply', z, null, INT64, false));
        } finally {
          vm.decref(z);
        }
      }
      if (pop <= 0 && size !== 0)
        throw valueError(
          vm,
          isCount
            ? 'a must be greater than 0 unless no samples are taken'
            : "'a' cannot be empty unless no samples are taken",
        );
      let idxH: number;
      if (replace) {
        const hi = fromLong(vm, pop);
        try {
          const kwargs: Kwargs = new Map();
          if (shape !== null) kwargs.set('size', sizeH!);
          const zero = fromLong(vm, 0);
          try {
            idxH = this.integers(g, [zero, hi], kwargs, !generator);
          } finally {
            vm.decref(zero);
          }
        } finally {
          vm.decref(hi);
        }
      } else {
        if (size > pop)
          throw valueError(vm, "Cannot take a larger sample than population when 'replace=False'");
        // idx = self.permutation(pop_size)[:size] (a view), then idx.shape = shape or idx.item(0)
        const popH = fromLong(vm, pop);
        const perm = this.rt.ctors.arange([popH], new Map());
        vm.decref(popH);
        this.shuffleArray(g, perm);
        const view = A.newArray(INT64, [size], { view: { data: A.data(perm), base: perm } });
        vm.decref(perm);
        if (shape === null) {
          idxH = fromLong(vm, valueAt(A, view, 0));
          vm.decref(view);
        } else {
          if (shape.length !== 1) A.t.setShape(A.slot(view), shape, cStrides(shape, 8));
          idxH = view;
        }
      }
      if (isCount) return idxH;
      try {
        return this.rt.views.subscript(arr, idxH);
      } finally {
        vm.decref(idxH);
      }
    } finally {
      if (arr) vm.decref(arr);
    }
  }
}
