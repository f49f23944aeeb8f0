import { NotSupported, PyError, typeError } from '../python/errors';
import type { Kwargs } from '../python/interp/call';
import type { Interp } from '../python/interp/interp';
import { boundBuiltinNew } from '../python/objects/func';
import { fromLong } from '../python/objects/int';
import { strNew } from '../python/objects/str';
import { T, type ExtensionType } from '../python/objects/types';
import type { Vm } from '../python/runtime/vm';
import type { Libc } from '../libc/libc';
import { NpyAlloc, libcOf } from './alloc';
import { Constructors } from './create';
import { DTYPES, type DType } from './dtypes';
import { NDARRAY, NP_DTYPE, NP_MODULE } from './ids';
import { Arrays, size } from './ndarray';
import { Ufuncs } from './ufunc';
import { unaryOp } from './unary';
import { Views } from './views';

/** The ndarray methods Highwater models (LOAD_METHOD finds them through Interp.extraMethods). */
const METHODS = ['copy', 'reshape'] as const;
/**
 * Hooks ExtensionType does not have yet (INTEGRATION.md): unary - + abs(), and str() (print).
 * The type objects are passed as variables, so the extra members type-check either way.
 */
interface PendingHooks {
  unaryop?(op: string, h: number): number;
  str?(h: number): string;
}

/** np.<name> functions. */
const FUNCTIONS = ['zeros', 'ones', 'empty', 'full', 'arange', 'concatenate'] as const;

/**
 * NumPy inside one simulated process: the allocation layer, the array objects, the module
 * object and its functions, the dtype objects, and the extension types the interpreter
 * dispatches to (ndarray, the numpy module, dtype).
 */
export class NumpyRuntime {
  readonly alloc: NpyAlloc;
  readonly arrays: Arrays;
  readonly ufuncs: Ufuncs;
  readonly ctors: Constructors;
  readonly views: Views;
  /** The module object (static: its memory is part of the import footprint). */
  readonly module: number;
  private readonly attrs = new Map<string, number>();
  private readonly dtypeOf = new Map<number, DType>();
  private readonly dtypeObject = new Map<DType, number>();

  constructor(
    readonly it: Interp,
    libc: Libc,
  ) {
    const vm = it.vm;
    this.alloc = new NpyAlloc(libcOf(vm.mem, libc), vm.kernel);
    this.arrays = new Arrays(vm, this.alloc);
    this.ufuncs = new Ufuncs(this.arrays);
    this.ctors = new Constructors(this.arrays, (h) => this.dtypeOf.get(h));
    this.views = new Views(this.arrays);
    this.module = vm.newStatic(NP_MODULE);
    vm.table.side[this.module] = 'numpy';
    this.registerTypes(vm);
    this.registerFunctions(it);
  }

  private registerTypes(vm: Vm): void {
    const A = this.arrays;
    const V = this.views;
    const ndarray: ExtensionType & PendingHooks = {
      id: NDARRAY,
      name: 'ndarray',
      gc: false,
      dealloc: (h) => A.dealloc(h),
      sizeof: (h) => A.sizeof(h),
      getattr: (h, name) => {
        const v = V.attribute(h, name, (st) => this.dtypeObject.get(st.dtype)!);
        if (v !== undefined) return v;
        if ((METHODS as readonly string[]).includes(name)) return boundBuiltinNew(vm, h, name);
        throw new NotSupported(`ndarray.${name}`, this.it.line);
      },
      binop: (op: string, a: number, b: number, inplace = false) => this.ufuncs.binop(op, a, b, inplace),
      subscript: (h, key) => V.subscript(h, key),
      assignSubscript: (h, key, v) => V.assignSubscript(h, key, v),
      len: (h) => {
        const st = A.state(h);
        if (st.shape.length === 0) throw typeError('len() of unsized object');
        return st.shape[0];
      },
      truthy: (h) => {
        const n = size(A.state(h).shape);
        if (n > 1) throw new PyError('ValueError', 'The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()');
        if (n === 0) return false;
        throw new NotSupported('the truth value of a one-element array (element values are not modelled)');
      },
      iter: () => {
        throw new NotSupported('iterating over a numpy array');
      },
      repr: () => {
        throw new NotSupported('printing a numpy array (element values are not modelled)');
      },
      unaryop: (op, h) => unaryOp(this.ufuncs, op, h),
    };
    vm.registerType(ndarray);
    vm.registerType({
      id: NP_MODULE,
      name: 'module',
      gc: false,
      dealloc: () => {},
      getattr: (_h, name) => {
        const f = this.attrs.get(name);
        if (f === undefined) throw new NotSupported(`np.${name}`, this.it.line);
        return f;
      },
      repr: () => "<module 'numpy' from '/usr/lib/python3/dist-packages/numpy/__init__.py'>",
    });
    const dtype: ExtensionType & PendingHooks = {
      id: NP_DTYPE,
      name: 'dtype',
      gc: false,
      dealloc: () => {},
      repr: (h) => `dtype('${this.dtypeOf.get(h)!.name}')`,
      str: (h) => this.dtypeOf.get(h)!.name,
      getattr: (h, name) => {
        const d = this.dtypeOf.get(h)!;
        if (name === 'name') return strNew(vm, d.name);
        if (name === 'itemsize') return fromLong(vm, d.itemsize);
        if (name === 'char') return strNew(vm, d.char);
        throw new NotSupported(`dtype.${name}`, this.it.line);
      },
      binop: (op, a, b) => {
        if (op !== '==' && op !== '!=') return 0;
        const x = this.dtypeOf.get(a);
        const y = this.dtypeOf.get(b);
        if (x === undefined || y === undefined) return 0;
        return vm.s.bool((x === y) === (op === '=='));
      },
    };
    vm.registerType(dtype);
  }

  private registerFunctions(it: Interp): void {
    const vm = it.vm;
    const C = this.ctors;
    const impls: Record<(typeof FUNCTIONS)[number], (args: number[], kw: Kwargs) => number> = {
      zeros: (a, k) => C.zeros(a, k),
      ones: (a, k) => C.ones(a, k),
      empty: (a, k) => C.empty(a, k),
      full: (a, k) => C.full(a, k),
      arange: (a, k) => C.arange(a, k),
      concatenate: (a, k) => C.concatenate(a, k),
    };
    for (const name of FUNCTIONS) {
      const f = vm.newStatic(T.Builtin);
      vm.table.side[f] = `numpy.${name}`;
      it.builtinImpls.set(`numpy.${name}`, (_it, args, kw) => impls[name](args, kw));
      this.addAttr(it, name, f);
    }
    for (const d of DTYPES) {
      // np.float64 & co are the scalar types; a.dtype is a descr: both convert to the dtype
      const type = vm.newStatic(T.Type);
      vm.table.side[type] = d.name;
      this.dtypeOf.set(type, d);
      this.addAttr(it, d.name, type);
      const descr = vm.newStatic(NP_DTYPE);
      this.dtypeOf.set(descr, d);
      this.dtypeObject.set(d, descr);
    }
    const ndarray = vm.newStatic(T.Type);
    vm.table.side[ndarray] = 'ndarray';
    this.addAttr(it, 'ndarray', ndarray);
    it.extraMethods.set(`${NDARRAY}:copy`, (_it, self, args) => {
      if (args.length) throw new NotSupported('ndarray.copy(order)');
      return this.views.copy(self);
    });
    it.extraMethods.set(`${NDARRAY}:reshape`, (_it, self, args) => this.views.reshape(self, args));
  }

  /** np.<name>, and `from numpy import <name>` (Interp.moduleAttrs). */
  private addAttr(it: Interp, name: string, h: number): void {
    this.attrs.set(name, h);
    it.moduleAttrs.set(`numpy.${name}`, h);
  }
}
