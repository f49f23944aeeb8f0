import { typeError, valueError } from '../../python/abstract/errors';
import { NotSupported } from '../../python/errors';
import { builtinStatic } from '../../python/objects/descr';
import { fromDouble } from '../../python/objects/float';
import { fromLong, intValue } from '../../python/objects/int';
import { moduleData, moduleStatic } from '../../python/objects/module';
import { readyStaticType } from '../../python/objects/typeobject';
import {
  Meth,
  T,
  TpFlags,
  defineType,
  type Kwargs,
  type MethodDef,
  type TypeSlots,
} from '../../python/objects/types';
import type { Vm } from '../../python/runtime/vm';
import { isNone, parseArgs, sequenceItems, shapeArg } from '../args';
import { FLOAT64, INT64, UINT32, type DType } from '../dtypes';
import { writeValues } from '../elements';
import type { NumpyRuntime } from '../module';
import { castValue } from '../values';
import { MT19937, PCG64, type BitGen } from './bitgen';
import { boundedIntegers, standardNormal } from './distributions';
import { Sampling } from './sampling';
import { chargeLoop, NORMAL_DRAW_NS, UNIFORM_DRAW_NS } from '../loopCost';

/** Object sizes measured on Debian's python3-numpy (sys.getsizeof, GC head included). */
const SIZES = {
  generator: 224,
  pcg64: 176,
  seedSequence: 80,
  lock: 56,
  capsule: 48,
  randomState: 256,
  mt19937: 2608,
};

/** A distribution's draws; `ns`: what one costs on the clock (../loopCost.ts), UNIFORM_DRAW_NS if unset. */
type Draw = ((g: BitGen, n: number) => Float64Array) & { ns?: number };

/**
 * numpy.random: default_rng(seed) → a Generator on PCG64 seeded through SeedSequence, and the
 * legacy functions of the module's RandomState (MT19937): seed, rand, randn, randint, random,
 * random_sample, normal, uniform; np.random.RandomState(seed) too. The numbers are NumPy's for
 * the same seed. default_rng() without a seed and the legacy functions before np.random.seed
 * (both seeded from the OS in NumPy) start from seed 0 here: any stream is a valid one.
 * Allocations: the objects default_rng makes (SeedSequence with its 4-word pool array, PCG64,
 * its lock and capsule, the Generator), the result array (or a Python float / NumPy scalar
 * for a single draw).
 */
export class RandomModule {
  readonly module: number;
  readonly generatorType: TypeSlots;
  readonly randomStateType: TypeSlots;
  private readonly legacy: MT19937 = new MT19937(0);

  private readonly sampling: Sampling;

  constructor(readonly rt: NumpyRuntime) {
    const vm = rt.vm;
    this.sampling = new Sampling(rt, (g, a, k, legacy) => this.integers(g, a, k, legacy));
    this.module = moduleStatic(vm, 'numpy.random', 'np.random');
    this.generatorType = this.makeType('Generator', SIZES.generator, {
      random: (g, a, k) => this.random(g, a, k),
      integers: (g, a, k) => this.integers(g, a, k, false),
      normal: (g, a, k) => this.normal(g, a, k, false),
      standard_normal: (g, a, k) => this.standardNormal(g, a, k, false),
      uniform: (g, a, k) => this.uniform(g, a, k),
      shuffle: (g, a, k) => this.sampling.shuffle(g, a, k, true),
      permutation: (g, a, k) => this.sampling.permutation(g, a, k),
      choice: (g, a, k) => this.sampling.choice(g, a, k, true),
    });
    this.randomStateType = this.makeType('RandomState', SIZES.randomState, {
      rand: (g, a) => this.rand(g, a),
      randn: (g, a) => this.randn(g, a),
      randint: (g, a, k) => this.integers(g, a, k, true),
      random: (g, a, k) => this.random(g, a, k),
      random_sample: (g, a, k) => this.random(g, a, k),
      normal: (g, a, k) => this.normal(g, a, k, true),
      standard_normal: (g, a, k) => this.standardNormal(g, a, k, true),
      uniform: (g, a, k) => this.uniform(g, a, k),
      seed: (g, a) => this.seed(g as MT19937, a),
      shuffle: (g, a, k) => this.sampling.shuffle(g, a, k, false),
      permutation: (g, a, k) => this.sampling.permutation(g, a, k),
      choice: (g, a, k) => this.sampling.choice(g, a, k, false),
    });
    const fn = (name: string, flags: number, impl: (args: number[], kw: Kwargs) => number): void => {
      const def: MethodDef = {
        name,
        flags,
        qualname: `numpy.random.${name}`,
        impl: (_vm, _self, args, kw) => impl([...args], kw ?? new Map()),
      };
      moduleData(vm, this.module).attrs.set(name, builtinStatic(vm, def, 'numpy.random'));
    };
    const FK = Meth.Fastcall | Meth.Keywords;
    fn('default_rng', FK, (a, k) => this.defaultRng(a, k));
    fn('seed', Meth.Varargs, (a) => this.seed(this.legacy, a));
    fn('rand', Meth.Varargs, (a) => this.rand(this.legacy, a));
    fn('randn', Meth.Varargs, (a) => this.randn(this.legacy, a));
    fn('randint', FK, (a, k) => this.integers(this.legacy, a, k, true));
    fn('random', FK, (a, k) => this.random(this.legacy, a, k));
    fn('random_sample', FK, (a, k) => this.random(this.legacy, a, k));
    fn('normal', FK, (a, k) => this.normal(this.legacy, a, k, true));
    fn('standard_normal', FK, (a, k) => this.standardNormal(this.legacy, a, k, true));
    fn('uniform', FK, (a, k) => this.uniform(this.legacy, a, k));
    fn('shuffle', FK, (a, k) => this.sampling.shuffle(this.legacy, a, k, false));
    fn('permutation', FK, (a, k) => this.sampling.permutation(this.legacy, a, k));
    fn('choice', FK, (a, k) => this.sampling.choice(this.legacy, a, k, false));
    moduleData(vm, this.module).attrs.set('Generator', this.generatorType.typeObject);
    moduleData(vm, this.module).attrs.set('RandomState', this.randomStateType.typeObject);
  }

  private get vm(): Vm {
    return this.rt.vm;
  }

  /** A GC-tracked extension type whose instances hold a bit generator (side data). */
  private makeType(
    name: string,
    size: number,
    methods: Record<string, (g: BitGen, args: number[], kw: Kwargs) => number>,
  ): TypeSlots {
    const vm = this.vm;
    const s = defineType({
      id: vm.newTypeId(),
      name,
      module: 'numpy.random',
      basicsize: size - 16,
      flags: TpFlags.HaveGc,
      notModelled: `np.random.${name}`,
      dealloc: (v, h) => {
        v.gc.untrack(h);
        const parts = (v.table.side[h] as { parts?: number[] } | undefined)?.parts ?? [];
        for (const p of parts) v.decref(p);
        v.gcDel(h);
      },
      reprText: (_v, h) =>
        (name === 'Generator' ? 'Generator(PCG64)' : 'RandomState(MT19937)') +
        ` at 0x${this.vm.id(h).toString(16).toUpperCase()}`,
      methods: Object.fromEntries(
        Object.entries(methods).map(([m, impl]) => [
          m,
          {
            name: m,
            flags: Meth.Fastcall | Meth.Keywords,
            qualname: `${name}.${m}`,
            impl: (_vm: Vm, self: number, args: readonly number[], kw: Kwargs | null) =>
              impl((vm.table.side[self] as { g: BitGen }).g, [...args], kw ?? new Map()),
          },
        ]),
      ),
      typeVectorcall:
        name === 'RandomState'
          ? (v, _t, args) => {
              const g = new MT19937(0);
              if (args.length && !isNone(v, args[0])) this.seed(g, [args[0]]);
              const h = v.newGcObject(s.id, size - 16);
              v.table.side[h] = { g, parts: [] };
              v.gc.track(h);
              return h;
            }
          : null,
    });
    readyStaticType(vm, s);
    return s;
  }

  /** A seed argument as a non-negative bigint (None: 0, see the class comment). */
  private seedValue(h: number | undefined, max: bigint | null): bigint {
    const vm = this.vm;
    if (h === undefined || isNone(vm, h)) return 0n;
    const t = vm.table.type[h];
    if (t !== T.Int && t !== T.Bool) {
      if (sequenceItems(vm, h) !== null) throw new NotSupported('seeding numpy.random with a sequence');
      throw typeError(vm, 'SeedSequence expects int or sequence of ints for entropy not %R', h);
    }
    const v = BigInt(intValue(vm, h));
    if (v < 0n)
      throw valueError(
        vm,
        max === null ? 'expected non-negative integer' : 'Seed must be between 0 and 2**32 - 1',
      );
    if (max !== null && v > max) throw valueError(vm, 'Seed must be between 0 and 2**32 - 1');
    return v;
  }

  /**
   * default_rng(seed): SeedSequence(seed) (an object and its pool, a uint32 array of 4), PCG64
   * (the object, a threading lock, a capsule), then the Generator.
   */
  private defaultRng(args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const A = this.rt.arrays;
    const [seedH] = parseArgs(vm, 'default_rng', ['seed'], 0, args, kw);
    const g = new PCG64(this.seedValue(seedH, null));
    const ss = vm.newGcObject(T.Object, SIZES.seedSequence - 16);
    const pool = A.newArray(UINT32, [4]);
    A.writeAll(pool);
    const pcg = vm.newGcObject(T.Object, SIZES.pcg64 - 16);
    const lock = vm.newObject(T.Object, SIZES.lock);
    const capsule = vm.newObject(T.Object, SIZES.capsule);
    const gen = vm.newGcObject(this.generatorType.id, SIZES.generator - 16);
    vm.table.side[gen] = { g, parts: [pcg, lock, capsule, ss, pool] };
    void lock;
    vm.gc.track(gen);
    return gen;
  }

  /** RandomState.seed(seed): mt19937_seed (the gauss cache cleared); nothing allocated. */
  private seed(g: MT19937, args: number[]): number {
    const vm = this.vm;
    g.seed(Number(this.seedValue(args[0], 0xffffffffn)));
    vm.incref(vm.s.None);
    return vm.s.None;
  }

  /** size= (None, an int or a tuple) as a shape, or null for one draw. */
  private size(h: number | undefined): number[] | null {
    const vm = this.vm;
    if (h === undefined || isNone(vm, h)) return null;
    return shapeArg(vm, h).shape;
  }

  /** The draws as a new array of `dtype`, or one Python float / NumPy scalar / int. */
  private result(
    g: BitGen,
    shape: number[] | null,
    dtype: DType,
    draw: Draw,
    single: 'float' | 'scalar' | 'int',
  ): number {
    const vm = this.vm;
    const A = this.rt.arrays;
    if (shape === null) {
      const v = draw(g, 1)[0];
      if (single === 'float') return fromDouble(vm, v);
      if (single === 'int') return fromLong(vm, v);
      return this.rt.scalars.make(dtype, v);
    }
    const r = A.newArray(dtype, shape);
    const n = A.size(r);
    const values = draw(g, n);
    chargeLoop(vm, n * (draw.ns ?? UNIFORM_DRAW_NS)); // the draws (../loopCost.ts)
    writeValues(A, r, (k) => castValue(dtype, values[k]));
    A.writeAll(r);
    return r;
  }

  private uniformDraw(): Draw {
    return (g, n) => Float64Array.from({ length: n }, () => g.nextDouble());
  }

  /** random(size) / random_sample(size): doubles in [0, 1). */
  private random(g: BitGen, args: number[], kw: Kwargs): number {
    const [sizeH] = parseArgs(this.vm, 'random', ['size', 'dtype', 'out'], 0, args, kw);
    return this.result(g, this.size(sizeH), FLOAT64, this.uniformDraw(), 'float');
  }

  /** rand(d0, d1, …): random_sample with those dimensions. */
  private rand(g: BitGen, args: number[]): number {
    const vm = this.vm;
    const shape = args.length ? args.map((h) => Number(intValue(vm, h))) : null;
    return this.result(g, shape, FLOAT64, this.uniformDraw(), 'float');
  }

  private normalDraw(g: BitGen, legacy: boolean, loc: number, scale: number): Draw {
    const draw: Draw = (_g, n) =>
      Float64Array.from(
        { length: n },
        () => loc + scale * (legacy ? (g as MT19937).legacyGauss() : standardNormal(g)),
      );
    draw.ns = NORMAL_DRAW_NS;
    return draw;
  }

  private randn(g: BitGen, args: number[]): number {
    const vm = this.vm;
    const shape = args.length ? args.map((h) => Number(intValue(vm, h))) : null;
    return this.result(g, shape, FLOAT64, this.normalDraw(g, true, 0, 1), 'float');
  }

  private standardNormal(g: BitGen, args: number[], kw: Kwargs, legacy: boolean): number {
    const [sizeH] = parseArgs(this.vm, 'standard_normal', ['size', 'dtype', 'out'], 0, args, kw);
    return this.result(g, this.size(sizeH), FLOAT64, this.normalDraw(g, legacy, 0, 1), 'float');
  }

  private number(h: number | undefined, dflt: number): number {
    const vm = this.vm;
    if (h === undefined || isNone(vm, h)) return dflt;
    const t = vm.table.type[h];
    if (t === T.Int || t === T.Bool) return Number(intValue(vm, h));
    if (t === T.Float || this.rt.scalars.isScalar(h)) return vm.table.num[h];
    throw new NotSupported('numpy.random with array-valued parameters');
  }

  /** normal(loc, scale, size): loc + scale · standard normal (legacy_gauss for RandomState). */
  private normal(g: BitGen, args: number[], kw: Kwargs, legacy: boolean): number {
    const vm = this.vm;
    const [locH, scaleH, sizeH] = parseArgs(vm, 'normal', ['loc', 'scale', 'size'], 0, args, kw);
    const scale = this.number(scaleH, 1);
    if (scale < 0) throw valueError(vm, 'scale < 0');
    return this.result(
      g,
      this.size(sizeH),
      FLOAT64,
      this.normalDraw(g, legacy, this.number(locH, 0), scale),
      'float',
    );
  }

  /** uniform(low, high, size): low + (high − low) · next_double. */
  private uniform(g: BitGen, args: number[], kw: Kwargs): number {
    const [lowH, highH, sizeH] = parseArgs(this.vm, 'uniform', ['low', 'high', 'size'], 0, args, kw);
    const low = this.number(lowH, 0);
    const range = this.number(highH, 1) - low;
    return this.result(
      g,
      this.size(sizeH),
      FLOAT64,
      (gg, n) => Float64Array.from({ length: n }, () => low + range * gg.nextDouble()),
      'float',
    );
  }

  /**
   * Generator.integers(low, high=None, size=None, dtype=int64, endpoint=False) (Lemire) and
   * RandomState.randint(low, high=None, size=None, dtype=int) (masked rejection): [low, high).
   */
  integers(g: BitGen, args: number[], kw: Kwargs, legacy: boolean): number {
    const vm = this.vm;
    const [lowH, highH, sizeH, dtH, endH] = parseArgs(
      vm,
      legacy ? 'randint' : 'integers',
      ['low', 'high', 'size', 'dtype', 'endpoint'],
      1,
      args,
      kw,
    );
    let low = BigInt(Math.trunc(this.number(lowH, 0)));
    let high: bigint;
    if (highH === undefined || isNone(vm, highH)) {
      high = low;
      low = 0n;
    } else high = BigInt(Math.trunc(this.number(highH, 0)));
    const endpoint = !legacy && endH !== undefined && !isNone(vm, endH) && Number(intValue(vm, endH)) !== 0;
    if (!endpoint) high -= 1n;
    if (low > high) throw valueError(vm, 'low >= high');
    const dtype = isNone(vm, dtH) ? INT64 : this.rt.dtypes.convert(dtH, INT64);
    const bits = dtype.kind === 'b' ? 1 : ((dtype.itemsize * 8) as 8 | 16 | 32 | 64);
    const draw: Draw = (gg, n) => boundedIntegers(gg, Number(low), high - low, n, legacy, bits);
    const shape = this.size(sizeH);
    const A = this.rt.arrays;
    const R = this.rt.reductions;
    // _rand_<type> (_bounded_integers.pyx): np.prod(size) == 0 first (a 0-d array and its product)
    if (shape !== null) {
      const z = this.rt.ctors.asArrayOrScalar(sizeH!);
      try {
        vm.decref(R.reduce('multiply', z, null, null, false));
      } finally {
        vm.decref(z);
      }
    }
    // low_arr = np.array(low), high_arr = np.array(high): 0-d arrays held until the return
    const bound = (h: number | undefined): number => {
      if (h !== undefined && !isNone(vm, h) && A.isArray(h)) return (vm.incref(h), h);
      const x = h === undefined || isNone(vm, h) ? fromLong(vm, 0) : (vm.incref(h), h);
      try {
        return this.rt.ctors.asArrayOrScalar(x);
      } finally {
        vm.decref(x);
      }
    };
    const highGiven = highH !== undefined && !isNone(vm, highH);
    const lowArr = highGiven ? bound(lowH) : bound(undefined);
    const highArr = highGiven ? bound(highH) : bound(lowH);
    let r: number;
    try {
      r = this.result(g, shape, dtype, draw, 'scalar');
    } finally {
      vm.decref(lowArr);
      vm.decref(highArr);
    }
    // size None and dtype int or bool: np.array(ret).shape == () → dtype(ret), a Python int
    if (shape === null && isNone(vm, dtH) && legacy) {
      const z = this.rt.ctors.asArrayOrScalar(r);
      vm.decref(z);
      const v = this.rt.scalars.value(r);
      vm.decref(r);
      return fromLong(vm, v);
    }
    return r;
  }
}
