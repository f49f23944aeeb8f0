import { valueError } from '../python/abstract/errors';
import { NotSupported } from '../python/errors';
import { builtinStatic } from '../python/objects/descr';
import { moduleData, moduleStatic } from '../python/objects/module';
import { intern, strValue } from '../python/objects/str';
import { Meth, T, type Kwargs } from '../python/objects/types';
import { axisArg, boolArg, isNone, parseArgs } from './args';
import { FLOAT32, FLOAT64 } from './dtypes';
import { readBroadcast, writeValues } from './elements';
import { LinalgSolvers } from './linalgSolve';
import { LinalgEigen } from './linalgEigen';
import type { NumpyRuntime } from './module';

const FK = Meth.Fastcall | Meth.Keywords;

/**
 * numpy.linalg: `norm` as linalg.py (1.24.2) computes it, through the same primitives: x =
 * asarray(x), cast to float when not inexact (`x.astype(float)`: a new array); without an axis
 * and with ord None: `x.ravel(order='K')` and `sqrt(x.dot(x))` (BLAS ddot: the sum in index
 * order); with an axis: ord None/2 → `sqrt(add.reduce(x * x, axis))`, 1 → `add.reduce(abs(x),
 * axis)`, inf/−inf → `abs(x).max/min(axis)`; a 2-d x with ord 'fro' and no axis as the
 * ravel path. Other orders (matrix 2-norms need the SVD, nuc) say "not supported".
 * inv, solve and det are linalgSolve.ts's, eigh and eigvalsh linalgEigen.ts's; numpy.linalg.LinAlgError is errors.ts's.
 */
export class Linalg {
  readonly module: number;

  constructor(readonly rt: NumpyRuntime) {
    const vm = rt.vm;
    this.module = moduleStatic(vm, 'numpy.linalg', 'np.linalg');
    const solvers = new LinalgSolvers(rt);
    const eigen = new LinalgEigen(solvers);
    const fns: Record<string, (args: number[], kw: Kwargs) => number> = {
      norm: (a, k) => this.norm(a, k),
      inv: (a, k) => solvers.inv(a, k),
      solve: (a, k) => solvers.solve(a, k),
      det: (a, k) => solvers.det(a, k),
      eigh: (a, k) => eigen.eigh(a, k),
      eigvalsh: (a, k) => eigen.eigvalsh(a, k),
      svd: (a, k) => eigen.svd(a, k),
    };
    const attrs = moduleData(vm, this.module).attrs;
    for (const [name, fn] of Object.entries(fns)) {
      const def = {
        name,
        qualname: `numpy.linalg.${name}`,
        flags: FK,
        impl: (_v: unknown, _s: unknown, args: readonly number[], kw: Kwargs | null) =>
          fn([...args], kw ?? new Map()),
      };
      attrs.set(name, builtinStatic(vm, def, 'numpy.linalg'));
    }
    attrs.set('LinAlgError', rt.errors.linAlgError.typeObject);
  }

  private get vm() {
    return this.rt.vm;
  }

  norm(args: number[], kw: Kwargs): number {
    const vm = this.vm;
    const A = this.rt.arrays;
    const U = this.rt.ufuncs;
    const [xH, ordH, axisH, keepH] = parseArgs(vm, 'norm', ['x', 'ord', 'axis', 'keepdims'], 1, args, kw);
    if (boolArg(vm, keepH, false)) throw new NotSupported('np.linalg.norm(keepdims=True)');
    let ord: number | 'fro' | null = null;
    if (!isNone(vm, ordH)) {
      const t = vm.table.type[ordH!];
      if (t === T.Str) {
        const s = strValue(vm, ordH!);
        if (s !== 'fro') throw new NotSupported(`np.linalg.norm(ord='${s}')`);
        ord = 'fro';
      } else ord = this.rt.ctors.numberArg(ordH!, 'a norm order').v;
    }
    let x = A.isArray(xH!) ? (vm.incref(xH!), xH!) : this.rt.ctors.asArrayOrScalar(xH!);
    try {
      const d = A.dtype(x);
      if (d.kind === 'O' || d.kind === 'b') throw new NotSupported(`np.linalg.norm of a ${d.name} array`);
      if (d.kind !== 'f') {
        // x = x.astype(float)
        const c = A.newArray(FLOAT64, A.shape(x));
        const vals = readBroadcast(A, x, A.shape(x));
        writeValues(A, c, (k) => vals[k]);
        A.writeAll(c);
        vm.decref(x);
        x = c;
      }
      const nd = A.nd(x);
      const axis = this.rt.reductions.axis(axisArg(vm, axisH), nd);
      if (axis === null && (ord === null || (ord === 'fro' && nd === 2) || (ord === 2 && nd === 1))) {
        const flat = this.rt.layout.ravel(x, intern(vm, 'K'));
        try {
          if (A.dtype(flat) === FLOAT32) {
            // cblas_sdot (netlib: a float accumulator, index order), then sqrt of the float32 scalar
            const v = readBroadcast(A, flat, A.shape(flat));
            let acc = 0;
            for (let i = 0; i < v.length; i++) acc = Math.fround(acc + Math.fround(v[i] * v[i]));
            const sq = this.rt.scalars.make(FLOAT32, acc);
            try {
              return U.unary('sqrt', sq);
            } finally {
              vm.decref(sq);
            }
          }
          const sq = this.rt.products.dotFunction([flat, flat], new Map());
          try {
            return U.unary('sqrt', sq);
          } finally {
            vm.decref(sq);
          }
        } finally {
          vm.decref(flat);
        }
      }
      if (axis === null && nd !== 1) throw new NotSupported('np.linalg.norm of a matrix with ord=');
      if (ord === 'fro') throw valueError(vm, "Invalid norm order 'fro' for vectors");
      const ax = axis ?? 0;
      return this.vectorNorm(x, ord, ax);
    } finally {
      vm.decref(x);
    }
  }

  /** linalg.norm's vector branch along one axis. */
  private vectorNorm(x: number, ord: number | null, ax: number): number {
    const vm = this.vm;
    const U = this.rt.ufuncs;
    const R = this.rt.reductions;
    if (ord === Infinity || ord === -Infinity) {
      const ab = U.unary('absolute', x);
      try {
        return R.reduce(ord > 0 ? 'maximum' : 'minimum', ab, ax, null);
      } finally {
        vm.decref(ab);
      }
    }
    if (ord === 1) {
      const ab = U.unary('absolute', x);
      try {
        return R.reduce('add', ab, ax, null);
      } finally {
        vm.decref(ab);
      }
    }
    if (ord === null || ord === 2) {
      // s = (x.conj() * x).real stays alive until norm returns: sqrt's result is made first
      const sq = U.call('multiply', [x, x], 0);
      try {
        const s = R.reduce('add', sq, ax, null);
        try {
          return U.unary('sqrt', s);
        } finally {
          vm.decref(s);
        }
      } finally {
        vm.decref(sq);
      }
    }
    throw new NotSupported(`np.linalg.norm(ord=${ord})`);
  }
}
