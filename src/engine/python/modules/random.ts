import { call } from '../abstract/call';
import { raiseString, typeError, valueError } from '../abstract/errors';
import { index as numberIndex } from '../abstract/number';
import { NotSupported } from '../errors';
import { methodNew } from '../objects/classobject';
import { builtinNew, builtinStatic } from '../objects/descr';
import { E } from '../objects/exctypes';
import { fromDouble } from '../objects/float';
import { fromSsize, intValue } from '../objects/int';
import { moduleType } from '../objects/modtypes';
import { moduleData, moduleStatic } from '../objects/module';
import { MersenneTwister } from '../objects/mersenne';
import { getrandbitsC, randomNew, randomState, RandomType, seedC, setGaussNext } from '../objects/randomtype';
import { tupleFromItems, tupleItems } from '../objects/tuple';
import { unpackSequence } from '../abstract/sequence';
import { Meth, NB, T, type Kwargs, type MethodDef } from '../objects/types';
import type { SharedKeys } from '../objects/values';
import type { Vm } from '../runtime/vm';
import { realModuleHas } from '../versions/moduleNames';
import { asDouble } from './math';
import { cCos, cExp, cLog, cSin } from '../../libm/c99';
import { PyFrameSim, pyBinop, pyConstFloat } from './pyframesim';
import { isQuickened, warm } from './pycode';
import type { ModuleSpec } from './registry';
import { choices, sample, shuffle } from './randomseq';
import {
  betavariate,
  binomialvariate,
  gammavariate,
  paretovariate,
  strSeed,
  vonmisesvariate,
  weibullvariate,
} from './randomdist';

/**
 * random (Lib/random.py, 3.11; loaded at start-up, so `import random` costs nothing): the module's
 * functions are the bound methods of a hidden Random instance made at import. Its methods written
 * in Python run here as TypeScript with what their bytecode allocates, measured line by line on
 * 3.11.7: `self.getrandbits` bound (a 72-byte method object) in every _randbelow, the ints of
 * `b + 1`, `istop - istart` and `istart + r`, the floats of uniform/gauss (float free list), the
 * argument tuples the isinstance checks build from global names, `super()`, math.log's argument
 * tuple. The generator is MT19937 seeded as CPython seeds it, so a seeded script draws CPython's
 * numbers. **An unseeded generator (the hidden instance, random.seed(), Random()) is seeded as
 * random.seed(0)**: the simulator has no entropy, and a fixed seed keeps runs repeatable.
 */

export interface RandomModule {
  /** The hidden instance (static: made by the import). */
  inst: number;
  /** Random's shared keys (instances store gauss_next). */
  keys: SharedKeys;
  /** `self._randbelow` as a function to bind (shuffle, sample). */
  randbelowFn: number;
  getrandbitsDef: MethodDef;
  randomDef: MethodDef;
}

const states = new WeakMap<Vm, RandomModule>();

export function randomModuleState(vm: Vm): RandomModule {
  const st = states.get(vm);
  if (st === undefined) throw new Error('internal: random used before import');
  return st;
}

const code = (name: string): string => `random.Random.${name}`;

/** `self.getrandbits` / `self.random`: a bound C method (PyCFunction, 16 + 56 bytes). */
export function boundC(vm: Vm, self: number, def: MethodDef): number {
  return builtinNew(vm, def, self);
}

/** _randbelow_with_getrandbits(n): locals self, n, getrandbits, k, r. */
export function randbelow(vm: Vm, self: number, n: number): number {
  warm(vm, code('_randbelow_with_getrandbits'));
  const st = randomModuleState(vm);
  const f = new PyFrameSim(vm, ['self', 'n', 'getrandbits', 'k', 'r'], [], { self, n });
  try {
    f.set('getrandbits', boundC(vm, self, st.getrandbitsDef));
    const nv = BigInt(intValue(vm, n));
    const k = nv === 0n ? 0 : nv.toString(2).length;
    f.set('k', fromSsize(vm, k));
    f.set('r', getrandbitsC(vm, self, k));
    while (BigInt(intValue(vm, f.get('r'))) >= nv) f.set('r', getrandbitsC(vm, self, k));
    const r = f.get('r');
    vm.incref(r);
    return r;
  } finally {
    f.clear();
  }
}

/** operator.index: an exact int is itself (a new reference); floats take the deprecated path. */
function pyIndex(vm: Vm, h: number, which: string): number {
  if (vm.table.type[h] === T.Float) {
    const v = vm.table.num[h];
    if (Number.isInteger(v))
      throw new NotSupported(`random.randrange with a float ${which} (deprecated: it warns)`);
    throw valueError(vm, `non-integer ${which} for randrange()`);
  }
  return numberIndex(vm, h);
}

/** randrange(start, stop=None, step=1). */
function randrange(vm: Vm, self: number, args: readonly number[]): number {
  if (args.length < 1 || args.length > 3)
    throw typeError(
      vm,
      'Random.randrange() takes from 2 to 4 positional arguments but %d were given',
      args.length + 1,
    );
  warm(vm, code('randrange'));
  const quick = isQuickened(vm, code('randrange'));
  const one = vm.s.smallInt(1);
  const f = new PyFrameSim(
    vm,
    ['self', 'start', 'stop', 'step', 'istart', 'istop', 'width', 'istep', 'n'],
    [],
    {
      self,
      start: args[0],
      stop: args[1] ?? vm.s.None,
      step: args[2] ?? one,
    },
  );
  try {
    f.set('istart', pyIndex(vm, f.get('start'), 'arg 1'));
    const istart = f.get('istart');
    if (f.get('stop') === vm.s.None) {
      if (f.get('step') !== one) throw typeError(vm, 'Missing a non-None stop argument');
      if (BigInt(intValue(vm, istart)) > 0n) return randbelow(vm, self, istart);
      throw valueError(vm, 'empty range for randrange()');
    }
    f.set('istop', pyIndex(vm, f.get('stop'), 'stop'));
    vm.incref(f.get('istop'));
    vm.incref(istart);
    f.set('width', pyBinop(vm, NB.Subtract, f.get('istop'), istart, quick));
    f.set('istep', pyIndex(vm, f.get('step'), 'step'));
    const width = BigInt(intValue(vm, f.get('width')));
    const istep = BigInt(intValue(vm, f.get('istep')));
    if (istep === 1n) {
      if (width > 0n) {
        const r = randbelow(vm, self, f.get('width'));
        vm.incref(istart);
        return pyBinop(vm, NB.Add, istart, r, quick);
      }
      throw valueError(
        vm,
        `empty range for randrange() (${intValue(vm, istart)}, ${intValue(vm, f.get('istop'))}, ${width})`,
      );
    }
    if (istep === 0n) throw valueError(vm, 'zero step for randrange()');
    // n = (width + istep - 1) // istep   (or + 1 for a negative step)
    vm.incref(f.get('width'));
    vm.incref(f.get('istep'));
    const t1 = pyBinop(vm, NB.Add, f.get('width'), f.get('istep'), quick);
    const t2 = pyBinop(vm, istep > 0n ? NB.Subtract : NB.Add, t1, vm.s.smallInt(1), quick);
    vm.incref(f.get('istep'));
    f.set('n', pyBinop(vm, NB.FloorDivide, t2, f.get('istep'), quick));
    if (BigInt(intValue(vm, f.get('n'))) <= 0n) throw valueError(vm, 'empty range for randrange()');
    const r = randbelow(vm, self, f.get('n'));
    vm.incref(f.get('istep'));
    const p = pyBinop(vm, NB.Multiply, f.get('istep'), r, quick);
    vm.incref(istart);
    return pyBinop(vm, NB.Add, istart, p, quick);
  } finally {
    f.clear();
  }
}

/** randint(a, b): randrange(a, b + 1). */
function randint(vm: Vm, self: number, args: readonly number[]): number {
  if (args.length !== 2)
    throw typeError(vm, 'Random.randint() takes 3 positional arguments but %d were given', args.length + 1);
  warm(vm, code('randint'));
  vm.incref(args[1]);
  const b1 = pyBinop(vm, NB.Add, args[1], vm.s.smallInt(1), isQuickened(vm, code('randint')));
  try {
    return randrange(vm, self, [args[0], b1]);
  } finally {
    vm.decref(b1);
  }
}

/** choice(seq): len(seq) twice (ints past 256 are made), _randbelow, seq[r]. */
function choice(vm: Vm, self: number, args: readonly number[]): number {
  warm(vm, code('choice'));
  const seq = args[0];
  const len = (): number => {
    const fn = vm.typeOf(seq).sequence?.length ?? vm.typeOf(seq).mapping?.length;
    if (!fn) throw typeError(vm, "object of type '%.200s' has no len()", vm.typeOf(seq).name);
    return fromSsize(vm, fn(vm, seq));
  };
  const n0 = len();
  const empty = Number(intValue(vm, n0)) === 0;
  vm.decref(n0);
  if (empty) throw raiseString(vm, E.IndexError, 'Cannot choose from an empty sequence');
  const n = len();
  let r: number;
  try {
    r = randbelow(vm, self, n);
  } finally {
    vm.decref(n);
  }
  try {
    return getItemOf(vm, seq, r);
  } finally {
    vm.decref(r);
  }
}

import { getItem as getItemOf } from '../abstract/item';

/** uniform(a, b): a + (b - a) * self.random(). */
function uniform(vm: Vm, self: number, args: readonly number[]): number {
  warm(vm, code('uniform'));
  const q = isQuickened(vm, code('uniform'));
  const [a, b] = args;
  vm.incref(a);
  vm.incref(b);
  vm.incref(a);
  const d = pyBinop(vm, NB.Subtract, b, a, q);
  const r = fromDouble(vm, randomState(vm, self).mt.random());
  const p = pyBinop(vm, NB.Multiply, d, r, q);
  return pyBinop(vm, NB.Add, a, p, q);
}

/** _sqrt/_log/_cos/_sin of math on `x` (borrowed): one float each (math.log also packs its 1-tuple). */
const mathFloat = (vm: Vm, x: number, f: (v: number) => number, varargs = false): number => {
  if (varargs) vm.incref(x);
  const t = varargs ? tupleFromItems(vm, [x]) : 0;
  try {
    const v = f(asDouble(vm, x));
    if (Number.isNaN(v)) throw raiseString(vm, E.ValueError, 'math domain error');
    return fromDouble(vm, v);
  } finally {
    if (t) vm.decref(t);
  }
};

/** gauss(mu=0.0, sigma=1.0): locals self, mu, sigma, random, z, x2pi, g2rad. */
function gauss(vm: Vm, self: number, args: readonly number[]): number {
  warm(vm, code('gauss'));
  const q = isQuickened(vm, code('gauss'));
  const st = randomModuleState(vm);
  const f = new PyFrameSim(vm, ['self', 'mu', 'sigma', 'random', 'z', 'x2pi', 'g2rad'], [], {
    self,
    mu: args[0] ?? pyConstFloat(vm, 0),
    sigma: args[1] ?? pyConstFloat(vm, 1),
  });
  const mt = randomState(vm, self).mt;
  try {
    f.set('random', boundC(vm, self, st.randomDef));
    const gn = randomState(vm, self).gaussNext || vm.s.None;
    vm.incref(gn);
    f.set('z', gn);
    setGaussNext(vm, self, st.keys, vm.s.None);
    if (f.get('z') === vm.s.None) {
      f.set('x2pi', pyBinop(vm, NB.Multiply, fromDouble(vm, mt.random()), pyConstFloat(vm, Math.PI * 2), q));
      const u = pyBinop(vm, NB.Subtract, pyConstFloat(vm, 1), fromDouble(vm, mt.random()), q);
      const lg = mathFloat(vm, u, cLog, true);
      vm.decref(u);
      const m2 = pyBinop(vm, NB.Multiply, pyConstFloat(vm, -2), lg, q);
      f.set('g2rad', mathFloat(vm, m2, Math.sqrt));
      vm.decref(m2);
      vm.incref(f.get('g2rad'));
      f.set('z', pyBinop(vm, NB.Multiply, mathFloat(vm, f.get('x2pi'), cCos), f.get('g2rad'), q));
      vm.incref(f.get('g2rad'));
      const next = pyBinop(vm, NB.Multiply, mathFloat(vm, f.get('x2pi'), cSin), f.get('g2rad'), q);
      setGaussNext(vm, self, st.keys, next);
      vm.decref(next);
    }
    vm.incref(f.get('z'));
    vm.incref(f.get('sigma'));
    const zs = pyBinop(vm, NB.Multiply, f.get('z'), f.get('sigma'), q);
    vm.incref(f.get('mu'));
    return pyBinop(vm, NB.Add, f.get('mu'), zs, q);
  } finally {
    f.clear();
  }
}

/** normalvariate(mu=0.0, sigma=1.0): Kinderman and Monahan's method. */
function normalvariate(vm: Vm, self: number, args: readonly number[]): number {
  warm(vm, code('normalvariate'));
  const q = isQuickened(vm, code('normalvariate'));
  const st = randomModuleState(vm);
  const mt = randomState(vm, self).mt;
  const f = new PyFrameSim(vm, ['self', 'mu', 'sigma', 'random', 'u1', 'u2', 'z', 'zz'], [], {
    self,
    mu: args[0] ?? pyConstFloat(vm, 0),
    sigma: args[1] ?? pyConstFloat(vm, 1),
  });
  const NV = (4 * cExp(-0.5)) / Math.sqrt(2.0);
  try {
    f.set('random', boundC(vm, self, st.randomDef));
    for (;;) {
      f.set('u1', fromDouble(vm, mt.random()));
      f.set('u2', pyBinop(vm, NB.Subtract, pyConstFloat(vm, 1), fromDouble(vm, mt.random()), q));
      vm.incref(f.get('u1'));
      const a = pyBinop(vm, NB.Subtract, f.get('u1'), pyConstFloat(vm, 0.5), q);
      const b = pyBinop(vm, NB.Multiply, pyConstFloat(vm, NV), a, q);
      vm.incref(f.get('u2'));
      f.set('z', pyBinop(vm, NB.TrueDivide, b, f.get('u2'), q));
      vm.incref(f.get('z'));
      vm.incref(f.get('z'));
      const zz2 = pyBinop(vm, NB.Multiply, f.get('z'), f.get('z'), q);
      f.set('zz', pyBinop(vm, NB.TrueDivide, zz2, pyConstFloat(vm, 4), q));
      const lg = mathFloat(vm, f.get('u2'), cLog, true);
      const neg = fromDouble(vm, -vm.table.num[lg]);
      vm.decref(lg);
      const done = vm.table.num[f.get('zz')] <= vm.table.num[neg];
      vm.decref(neg);
      if (done) break;
      warm(vm, code('normalvariate'));
    }
    vm.incref(f.get('z'));
    vm.incref(f.get('sigma'));
    const zs = pyBinop(vm, NB.Multiply, f.get('z'), f.get('sigma'), q);
    vm.incref(f.get('mu'));
    return pyBinop(vm, NB.Add, f.get('mu'), zs, q);
  } finally {
    f.clear();
  }
}

/** expovariate(lambd): -_log(1.0 - self.random()) / lambd. */
function expovariate(vm: Vm, self: number, args: readonly number[]): number {
  warm(vm, code('expovariate'));
  const q = isQuickened(vm, code('expovariate'));
  const u = pyBinop(
    vm,
    NB.Subtract,
    pyConstFloat(vm, 1),
    fromDouble(vm, randomState(vm, self).mt.random()),
    q,
  );
  const lg = mathFloat(vm, u, cLog, true);
  vm.decref(u);
  const neg = fromDouble(vm, -vm.table.num[lg]);
  vm.decref(lg);
  vm.incref(args[0]);
  return pyBinop(vm, NB.TrueDivide, neg, args[0], q);
}

/** lognormvariate(mu, sigma): `_exp(self.normalvariate(mu, sigma))` (the normal draw freed after the exp). */
function lognormvariate(vm: Vm, self: number, args: readonly number[]): number {
  warm(vm, code('lognormvariate'));
  if (args.length < 2) {
    const missing =
      args.length === 0
        ? "2 required positional arguments: 'mu' and 'sigma'"
        : "1 required positional argument: 'sigma'";
    throw typeError(vm, 'Random.lognormvariate() missing %s', missing);
  }
  const z = normalvariate(vm, self, args);
  try {
    return mathFloat(vm, z, cExp, true);
  } finally {
    vm.decref(z);
  }
}

/** triangular(low=0.0, high=1.0, mode=None). */
function triangular(vm: Vm, self: number, args: readonly number[]): number {
  warm(vm, code('triangular'));
  let low = args[0] !== undefined ? asDouble(vm, args[0]) : 0;
  let high = args[1] !== undefined ? asDouble(vm, args[1]) : 1;
  const mode = args[2] !== undefined && args[2] !== vm.s.None ? asDouble(vm, args[2]) : null;
  let u = randomState(vm, self).mt.random();
  if (high === low) return fromDouble(vm, low);
  let c = mode === null ? 0.5 : (mode - low) / (high - low);
  if (u > c) {
    u = 1 - u;
    c = 1 - c;
    [low, high] = [high, low];
  }
  // u, c, the differences and the product are floats made on the way (the float free list reuses them)
  const tmp = [fromDouble(vm, u), fromDouble(vm, high - low), fromDouble(vm, u * c)];
  const r = fromDouble(vm, low + (high - low) * Math.sqrt(u * c));
  for (const t of tmp) vm.decref(t);
  return r;
}

/** seed(a=None, version=2): the isinstance tuples built from global names, then super().seed(a). */
export function seed(vm: Vm, self: number, args: readonly number[], kw: Kwargs | null): number {
  warm(vm, code('seed'));
  let a = args[0] ?? kw?.get('a') ?? vm.s.None;
  const version = args[1] ?? kw?.get('version');
  const v = version === undefined ? 2 : Number(intValue(vm, version));
  const t = vm.table.type[a];
  if (v === 1 && (t === T.Str || t === T.Bytes)) throw new NotSupported('random.seed(…, version=1)');
  // isinstance(a, (str, bytes, bytearray)): a 3-tuple of globals
  vm.decref(
    tupleFromItems(
      vm,
      [T.Str, T.Bytes, T.ByteArray].map((x) => vm.types[x].typeObject),
    ),
  );
  let owned = 0;
  if (v === 2 && (t === T.Str || t === T.Bytes || t === T.ByteArray)) {
    a = owned = strSeed(vm, a);
  } else {
    // not isinstance(a, (type(None), int, float, str, bytes, bytearray)): a 6-tuple
    vm.decref(
      tupleFromItems(
        vm,
        [T.None, T.Int, T.Float, T.Str, T.Bytes, T.ByteArray].map((x) => vm.types[x].typeObject),
      ),
    );
    if (
      ![T.None, T.Int, T.Bool, T.Float, T.Str, T.Bytes, T.ByteArray].includes(t) &&
      !vm.typeOf(a).mro.includes(T.Int)
    )
      throw typeError(vm, 'The only supported seed types are: None,\nint, float, str, bytes, and bytearray.');
  }
  try {
    // super().seed(a)
    vm.decref(superCall(vm, self, 'seed_c', [a]));
  } finally {
    if (owned) vm.decref(owned);
  }
  setGaussNext(vm, self, randomModuleState(vm).keys, vm.s.None);
  return vm.s.None;
}

/** _random.Random.seed (clinic, METH_FASTCALL). */
const SEED_C: MethodDef = {
  name: 'seed',
  flags: Meth.Fastcall,
  qualname: 'Random.seed',
  impl: (vm, self, a) => {
    seedC(vm, self, a[0] ?? 0);
    return vm.s.None;
  },
};

/** randbytes(n): self.getrandbits(n * 8).to_bytes(n, 'little'). */
function randbytes(vm: Vm, self: number, args: readonly number[]): number {
  warm(vm, code('randbytes'));
  const n = Number(intValue(vm, args[0]));
  const bits = fromSsize(vm, n * 8);
  const r = getrandbitsC(vm, self, n * 8);
  vm.decref(bits);
  try {
    const v = BigInt(intValue(vm, r));
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(Number((v >> BigInt(8 * i)) & 0xffn));
    return bytesOf(vm, s);
  } finally {
    vm.decref(r);
  }
}

import { bytesNew } from '../objects/bytes';
const bytesOf = (vm: Vm, s: string): number => bytesNew(vm, s);

/** `super().name`: the super object, the bound C method it finds (super released), for one call. */
function superCall(vm: Vm, self: number, name: string, args: readonly number[]): number {
  const sup = vm.newGcObject(T.Super, 40);
  const bound = builtinNew(vm, vm.typeOf(self).methods[name], self);
  vm.gcDel(sup);
  try {
    return call(vm, bound, args, null);
  } finally {
    vm.decref(bound);
  }
}

/** getstate(): (VERSION, super().getstate(), self.gauss_next). */
function getstate(vm: Vm, self: number): number {
  warm(vm, code('getstate'));
  const inner = superCall(vm, self, 'getstate_c', []);
  const gn = randomState(vm, self).gaussNext || vm.s.None;
  vm.incref(gn);
  return tupleFromItems(vm, [vm.s.smallInt(3), inner, gn]);
}

/** setstate(state): `version, internalstate, self.gauss_next = state`, super().setstate(internalstate). */
function setstate(vm: Vm, self: number, args: readonly number[]): number {
  const quick = warm(vm, code('setstate'));
  const state = args[0];
  const version = getItemOf(vm, state, vm.s.smallInt(0));
  const v = Number(intValue(vm, version));
  vm.decref(version);
  if (v !== 3) throw new NotSupported('Random.setstate of a version-2 state');
  vm.incref(state);
  const [ver, internal, gn] = unpackSequence(vm, state, 3, quick || isQuickened(vm, code('setstate')));
  setGaussNext(vm, self, randomModuleState(vm).keys, gn);
  vm.decref(gn);
  vm.decref(ver);
  try {
    vm.decref(superCall(vm, self, 'setstate_c', [internal]));
  } finally {
    vm.decref(internal);
  }
  return vm.s.None;
}

const m = (name: string, flags: number, impl: MethodDef['impl']): MethodDef => ({
  name,
  flags,
  impl,
  qualname: `Random.${name}`,
});
const fast = (name: string, impl: (vm: Vm, self: number, args: readonly number[]) => number): MethodDef =>
  m(name, Meth.Fastcall, (vm, self, args) => impl(vm, self, args));

type PyMethod = (vm: Vm, self: number, args: readonly number[]) => number;

/** A Python method's required positional parameters: the TypeError a call without them raises. */
function required(name: string, params: readonly string[], impl: PyMethod): PyMethod {
  return (vm, self, args) => {
    if (args.length > params.length)
      throw typeError(
        vm,
        'Random.%s() takes %d positional arguments but %d were given',
        name,
        params.length + 1,
        args.length + 1,
      );
    const missing = params.slice(args.length).map((p) => `'${p}'`);
    if (missing.length) {
      const list =
        missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}`;
      throw typeError(
        vm,
        'Random.%s() missing %d required positional argument%s: %s',
        name,
        missing.length,
        missing.length === 1 ? '' : 's',
        list,
      );
    }
    return impl(vm, self, args);
  };
}

/** The Python methods of Random (on its type; the module binds them to the hidden instance). */
export const PY_METHODS: Record<string, MethodDef> = {
  seed: m('seed', Meth.Fastcall | Meth.Keywords, seed),
  randrange: fast('randrange', randrange),
  randint: fast('randint', randint),
  choice: fast('choice', choice),
  shuffle: fast('shuffle', shuffle),
  sample: m('sample', Meth.Fastcall | Meth.Keywords, sample),
  choices: m('choices', Meth.Fastcall | Meth.Keywords, choices),
  uniform: fast('uniform', uniform),
  triangular: fast('triangular', triangular),
  gauss: fast('gauss', gauss),
  normalvariate: fast('normalvariate', normalvariate),
  expovariate: fast('expovariate', expovariate),
  lognormvariate: fast('lognormvariate', lognormvariate),
  gammavariate: fast('gammavariate', required('gammavariate', ['alpha', 'beta'], gammavariate)),
  betavariate: fast('betavariate', required('betavariate', ['alpha', 'beta'], betavariate)),
  paretovariate: fast('paretovariate', required('paretovariate', ['alpha'], paretovariate)),
  weibullvariate: fast('weibullvariate', required('weibullvariate', ['alpha', 'beta'], weibullvariate)),
  vonmisesvariate: fast('vonmisesvariate', required('vonmisesvariate', ['mu', 'kappa'], vonmisesvariate)),
  binomialvariate: fast('binomialvariate', binomialvariate),
  randbytes: fast('randbytes', randbytes),
  getstate: m('getstate', Meth.NoArgs, getstate),
  setstate: fast('setstate', setstate),
  _randbelow: fast('_randbelow', (vm, self, a) => randbelow(vm, self, a[0])),
};

const C_REF = RandomType({});
let typeFactory: ReturnType<typeof RandomType> | null = null;
const randomTypeFactory = (): ReturnType<typeof RandomType> =>
  (typeFactory ??= (vm, id) => {
    const t = RandomType(PY_METHODS)(vm, id);
    const c = C_REF(vm, id).methods;
    // the C getstate/setstate under names of their own: the Python ones wrap them
    t.methods.getstate_c = c.getstate;
    t.methods.seed_c = SEED_C;
    t.methods.setstate_c = c.setstate;
    t.methods.getstate = PY_METHODS.getstate;
    t.methods.setstate = PY_METHODS.setstate;
    t.new = (vm2, type, args, kwargs) => {
      void args;
      void kwargs;
      return randomNew(vm2, type);
    };
    // Random.__init__(self, x=None): self.seed(x); self.gauss_next = None (through slot_tp_init)
    t.init = (vm2, self, args, kwargs) => {
      if (kwargs !== 0 && vm2.table.n[kwargs] > 0) throw new NotSupported('random.Random(…) with keywords');
      const a = tupleItems(vm2, args);
      warm(vm2, code('__init__'));
      seed(vm2, self, a.length ? [a[0]] : [], null);
      setGaussNext(vm2, self, randomModuleState(vm2).keys, vm2.s.None);
    };
    return t;
  });

/** The module-level function for a method: the method called on the hidden instance. */
const moduleFunction = (name: string, def: MethodDef): MethodDef => ({
  name,
  flags: def.flags,
  qualname: `Random.${name}`,
  impl: (vm, _m, args, kw, tup) => def.impl(vm, randomModuleState(vm).inst, args, kw, tup),
});

function loadRandom(vm: Vm): number {
  const type = moduleType(vm, randomTypeFactory());
  const inst = vm.newStatic(type.id);
  vm.table.side[inst] = { mt: new MersenneTwister(), dict: 0, gaussNext: vm.s.None };
  randomState(vm, inst).mt.initByArray(MersenneTwister.keyOf(0n));
  const keys: SharedKeys = { addr: 0, names: ['gauss_next'], usable: 29, refcnt: 1 };
  const st: RandomModule = {
    inst,
    keys,
    randbelowFn: builtinStatic(
      vm,
      { name: '_randbelow', flags: Meth.Fastcall, impl: (vm2, _s, a) => randbelow(vm2, a[0], a[1]) },
      null,
    ),
    getrandbitsDef: type.methods.getrandbits,
    randomDef: type.methods.random,
  };
  states.set(vm, st);
  const mod = moduleStatic(vm, 'random');
  const attrs = moduleData(vm, mod).attrs;
  for (const name of [
    'random',
    'getrandbits',
    ...Object.keys(PY_METHODS).filter((n) => n !== '_randbelow'),
  ]) {
    // a name the release's real module lacks (binomialvariate before 3.12) is its AttributeError
    if (realModuleHas(vm.py.release, 'random', name) === false) continue;
    const def = type.methods[name];
    attrs.set(name, builtinStatic(vm, moduleFunction(name, def), 'random'));
  }
  attrs.set('Random', type.typeObject);
  return mod;
}

export const randomModule: ModuleSpec = { name: 'random', load: (vm) => loadRandom(vm) };

/** `self._randbelow` bound for a loop (shuffle, sample): a PyMethodObject. */
export function boundRandbelow(vm: Vm, self: number): number {
  return methodNew(vm, randomModuleState(vm).randbelowFn, self);
}
