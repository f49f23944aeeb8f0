import { typeError, valueError } from '../python/abstract/errors';
import { NotSupported } from '../python/errors';
import { fromLong } from '../python/objects/int';
import { strNew } from '../python/objects/str';
import { tupleFromItems } from '../python/objects/tuple';
import { readyStaticType } from '../python/objects/typeobject';
import {
  Meth,
  TpFlags,
  defineType,
  type Kwargs,
  type MethodDef,
  type TypeSlots,
} from '../python/objects/types';
import type { Vm } from '../python/runtime/vm';
import { axisArg, boolArg, isNone, parseArgs } from './args';
import { BOOL, type DType } from './dtypes';
import type { UfuncName, UnaryName } from './loops';
import type { NumpyRuntime } from './module';
import { reduceDtype, type ReduceOp } from './reduce';
import { ufuncAt } from './ufuncAt';

/** What one ufunc object is: its C name, arity, identity (None: reorderable without one). */
export interface UfuncInfo {
  name: UfuncName | UnaryName;
  nin: number;
  /** The function behind `ufunc(...)` (functions.ts: argument parsing, then ufunc.ts). */
  call: (args: number[], kw: Kwargs) => number;
}

/** The ufuncs ufunc.reduce runs (reduce.ts's folds); the others say "not supported". */
const REDUCIBLE = new Set<string>(['add', 'multiply', 'maximum', 'minimum', 'logical_or', 'logical_and']);
/** ufunc->identity (PyUFunc_Zero, _One, _MinusOne, _None…) as `ufunc.identity` returns it. */
const IDENTITY: Record<string, number | boolean> = {
  add: 0,
  multiply: 1,
  logical_or: false,
  logical_and: true,
  logical_xor: false,
  bitwise_or: 0,
  bitwise_xor: 0,
  bitwise_and: -1,
};
/** The ufuncs whose __name__ differs from the simulator's loop name (1.24: `np.true_divide is np.divide`). */
const PUBLIC_NAME: Record<string, string> = { true_divide: 'divide' };

/**
 * numpy.ufunc (ufunc_object.c of 1.24.2): the objects behind `np.add`, `np.sqrt`… Calling one is
 * ufunc_generic_fastcall (vectorcall: no argument tuple); the methods are reduce / accumulate
 * (METH_FASTCALL | METH_KEYWORDS), outer (METH_VARARGS | METH_KEYWORDS) and at (METH_VARARGS: the
 * 64-byte tuple of its three arguments, measured). The objects are static: they are made by the
 * import (its recorded footprint).
 */
export class UfuncObjects {
  readonly type: TypeSlots;
  private readonly info = new Map<number, UfuncInfo>();

  constructor(readonly rt: NumpyRuntime) {
    const vm = rt.vm;
    const self = (h: number): UfuncInfo => this.of(h);
    const method = (
      name: string,
      flags: number,
      fn: (u: UfuncInfo, args: number[], kw: Kwargs | null) => number,
    ): MethodDef => ({
      name,
      flags,
      qualname: `ufunc.${name}`,
      impl: (_v, h, args, kw) => fn(self(h), [...args], kw),
    });
    const FK = Meth.Fastcall | Meth.Keywords;
    this.type = defineType({
      id: vm.newTypeId(),
      name: 'ufunc',
      module: 'numpy',
      basicsize: 224,
      flags: TpFlags.HaveVectorcall,
      // every ufunc is made by the import and lives as long as the module
      dealloc: () => {
        throw new Error('internal: a static ufunc deallocated');
      },
      reprText: (_v, h) => `<ufunc '${publicName(self(h))}'>`,
      vectorcall: (_v, h, args, kw) => self(h).call([...args], kw ?? new Map()),
      methods: {
        reduce: method('reduce', FK, (u, a, k) => this.reduce(u, a, k)),
        accumulate: method('accumulate', FK, (u, a, k) => this.accumulate(u, a, k)),
        outer: method('outer', Meth.Varargs | Meth.Keywords, (u, a, k) => this.outer(u, a, k)),
        at: method('at', Meth.Varargs, (u, a) => ufuncAt(rt, u.name, u.nin, a)),
        reduceat: method('reduceat', FK, (u) => {
          throw new NotSupported(`np.${publicName(u)}.reduceat`);
        }),
      },
      getset: {
        __name__: { name: '__name__', get: (v, h) => strNew(v, publicName(self(h))) },
        nin: { name: 'nin', get: (v, h) => fromLong(v, self(h).nin) },
        nout: { name: 'nout', get: (v) => fromLong(v, 1) },
        nargs: { name: 'nargs', get: (v, h) => fromLong(v, self(h).nin + 1) },
        identity: {
          name: 'identity',
          get: (v, h) => {
            const id = IDENTITY[self(h).name];
            if (typeof id === 'boolean') return v.s.bool(id);
            if (id === undefined || self(h).nin !== 2) return (v.incref(v.s.None), v.s.None);
            return fromLong(v, id);
          },
        },
      },
    });
    readyStaticType(vm, this.type);
  }

  /** A static ufunc object for `info`. */
  make(info: UfuncInfo): number {
    const h = this.rt.vm.newStatic(this.type.id);
    this.info.set(h, info);
    return h;
  }

  of(h: number): UfuncInfo {
    const u = this.info.get(h);
    if (!u) throw new NotSupported('a ufunc object Highwater did not make');
    return u;
  }

  private get vm(): Vm {
    return this.rt.vm;
  }

  private binaryOnly(u: UfuncInfo, what: string): void {
    if (u.nin !== 2) throw valueError(this.vm, '%s only supported for binary functions', what);
  }

  /** ufunc.reduce(array, axis=0, dtype=None, out=None, keepdims=False): PyUFunc_Reduce. */
  private reduce(u: UfuncInfo, args: number[], kw: Kwargs | null): number {
    const vm = this.vm;
    this.binaryOnly(u, 'reduce');
    const [arr, axisH, dtH, outH, keepH, initialH, whereH] = parseArgs(
      vm,
      'reduce',
      ['array', 'axis', 'dtype', 'out', 'keepdims', 'initial', 'where'],
      1,
      args,
      kw,
    );
    if (!isNone(vm, outH) || initialH !== undefined || whereH !== undefined)
      throw new NotSupported(`np.${publicName(u)}.reduce with out=, initial= or where=`);
    if (!REDUCIBLE.has(u.name)) throw new NotSupported(`np.${publicName(u)}.reduce`);
    const axis = axisH === undefined ? 0 : axisArg(vm, axisH);
    const dtype = isNone(vm, dtH) ? null : this.rt.dtypes.convert(dtH, null);
    const keep = boolArg(vm, keepH, false);
    return this.rt.withArray(arr!, (a) =>
      this.rt.reductions.reduce(u.name as ReduceOp, a, axis, dtype, keep),
    );
  }

  /** ufunc.accumulate(array, axis=0, dtype=None, out=None): PyUFunc_Accumulate. */
  private accumulate(u: UfuncInfo, args: number[], kw: Kwargs | null): number {
    const vm = this.vm;
    this.binaryOnly(u, 'accumulate');
    const [arr, axisH, dtH, outH] = parseArgs(
      vm,
      'accumulate',
      ['array', 'axis', 'dtype', 'out'],
      1,
      args,
      kw,
    );
    if (!isNone(vm, outH)) throw new NotSupported(`np.${publicName(u)}.accumulate(out=)`);
    const axis = axisH === undefined || isNone(vm, axisH) ? 0 : axisArg(vm, axisH);
    const name = u.name as UfuncName;
    return this.rt.withArray(arr!, (a) => {
      const src = this.rt.arrays.dtype(a);
      const dtype = isNone(vm, dtH) ? accumulateDtype(name, src) : this.rt.dtypes.convert(dtH, null);
      if (this.rt.arrays.nd(a) === 0) throw typeError(vm, 'cannot accumulate on a scalar');
      // PyUFunc_GenericReduction: full_args.in = PyTuple_Pack(1, op), made and dropped (48 bytes)
      vm.incref(a);
      vm.decref(tupleFromItems(vm, [a]));
      return this.rt.reductions.accumulate(name, a, axis, dtype);
    });
  }

  /**
   * ufunc.outer(A, B) (ufunc_outer): both as arrays, A reshaped to A.shape + (1,)·B.ndim (a view:
   * an object and its dims), then the ufunc on the pair, which broadcasts to A.shape + B.shape.
   */
  private outer(u: UfuncInfo, args: number[], kw: Kwargs | null): number {
    const vm = this.vm;
    this.binaryOnly(u, 'outer');
    if (args.length !== 2) throw typeError(vm, 'exactly two arguments expected');
    if (kw && kw.size) throw new NotSupported(`np.${publicName(u)}.outer with keywords`);
    const rt = this.rt;
    return rt.withArray(args[0], (a) =>
      rt.withArray(args[1], (b) => {
        const A = rt.arrays;
        const aNew = rt.views.newshape(a, [...A.shape(a), ...A.shape(b).map(() => 1)]);
        try {
          return u.call([aNew, b], new Map());
        } finally {
          vm.decref(aNew);
        }
      }),
    );
  }
}

/** __name__ as NumPy 1.24 spells it. */
function publicName(u: UfuncInfo): string {
  return PUBLIC_NAME[u.name] ?? u.name;
}

/**
 * The dtype accumulate runs in (reduce_type_resolver): add/multiply widen small integers and bools
 * to int64 (as reduce does), logical ufuncs are boolean, the others keep the input's dtype.
 */
function accumulateDtype(name: UfuncName, d: DType): DType {
  if (name === 'add' || name === 'multiply') return reduceDtype(name, d);
  if (name === 'logical_and' || name === 'logical_or' || name === 'logical_xor') return BOOL;
  return d;
}
