import { NotSupported, PyError } from '../python/errors';
import { genericGetAttr } from '../python/abstract/attr';
import type { Interpreter } from '../python/eval/interpreter';
import { builtinStatic } from '../python/objects/descr';
import { fromLong } from '../python/objects/int';
import { moduleData, moduleStatic } from '../python/objects/module';
import { hashNotImplemented } from '../python/objects/object';
import { strNew } from '../python/objects/str';
import { readyStaticType } from '../python/objects/typeobject';
import { Cmp, Meth, NB, NB_BINARY_COUNT, TpFlags, defineType, numberSlots, type BinarySlot, type Kwargs, type MethodDef, type TypeSlots } from '../python/objects/types';
import type { Vm } from '../python/runtime/vm';
import type { Libc } from '../libc/libc';
import { NpyAlloc, libcOf } from './alloc';
import { typeError } from './args';
import { ARRAY_OBJECT_SIZE } from './constants';
import { Constructors } from './create';
import { DTYPES, type DType } from './dtypes';
import { Arrays, size } from './ndarray';
import { Ufuncs } from './ufunc';
import { unaryOp } from './unary';
import { Views } from './views';

/** The operator text ufunc.ts keys its loops by, for each BINARY_OP (NB) slot. */
const NB_TEXT: Partial<Record<number, string>> = {
  [NB.Add]: '+',
  [NB.Subtract]: '-',
  [NB.Multiply]: '*',
  [NB.TrueDivide]: '/',
  [NB.FloorDivide]: '//',
  [NB.Remainder]: '%',
  [NB.Power]: '**',
  [NB.And]: '&',
  [NB.Or]: '|',
  [NB.Xor]: '^',
  [NB.Lshift]: '<<',
  [NB.Rshift]: '>>',
  [NB.MatrixMultiply]: '@',
};

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
  private readonly dtypeOf = new Map<number, DType>();
  private readonly dtypeObject = new Map<DType, number>();

  constructor(
    readonly it: Interpreter,
    libc: Libc,
  ) {
    const vm = it.vm;
    this.alloc = new NpyAlloc(libcOf(vm.mem, libc), vm.kernel);
    this.arrays = new Arrays(vm, this.alloc, vm.newTypeId());
    this.ufuncs = new Ufuncs(this.arrays);
    this.ctors = new Constructors(this.arrays, (h) => this.dtypeOf.get(h));
    this.views = new Views(this.arrays);
    this.module = moduleStatic(vm, 'numpy', 'np');
    this.registerTypes(vm);
    this.registerFunctions(vm);
  }

  /** ndarray and dtype as slot tables in the interpreter's type registry (NumPy's PyArray_Type, PyArrayDescr_Type). */
  private registerTypes(vm: Vm): void {
    const A = this.arrays;
    const V = this.views;
    const binary: Record<number, BinarySlot> = {};
    for (const [nb, op] of Object.entries(NB_TEXT)) {
      const k = Number(nb);
      binary[k] = (_vm, a, b) => this.ufuncs.binop(op!, a, b, false) || vm.s.NotImplemented;
      binary[k + NB_BINARY_COUNT] = (_vm, a, b) => this.ufuncs.binop(op!, a, b, true) || vm.s.NotImplemented;
    }
    const method = (name: string, flags: number, impl: MethodDef['impl']): MethodDef => ({ name, flags, impl, qualname: `ndarray.${name}` });
    const getset = (name: string) => ({ name, get: (_vm: Vm, h: number) => V.attribute(h, name, (st) => this.dtypeObject.get(st.dtype)!)! });
    const ndarray = defineType({
      id: A.typeId,
      name: 'ndarray',
      module: 'numpy',
      basicsize: ARRAY_OBJECT_SIZE,
      flags: TpFlags.BaseType,
      dealloc: (_vm, h) => A.dealloc(h),
      sizeof: (_vm, h) => A.sizeof(h),
      getattro: genericGetAttr,
      notModelled: 'ndarray',
      hash: hashNotImplemented,
      richcompare: () => {
        throw new NotSupported('comparing numpy arrays');
      },
      number: numberSlots(binary, {
        negative: (_vm, h) => unaryOp(this.ufuncs, '-', h),
        positive: (_vm, h) => unaryOp(this.ufuncs, '+', h),
        absolute: (_vm, h) => unaryOp(this.ufuncs, 'abs', h),
        invert: () => {
          throw new NotSupported('unary ~ on numpy arrays');
        },
        bool: (_vm, h) => {
          const n = size(A.state(h).shape);
          if (n > 1) throw new PyError('ValueError', 'The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()');
          if (n === 0) return false;
          throw new NotSupported('the truth value of a one-element array (element values are not modelled)');
        },
      }),
      mapping: {
        length: (_vm, h) => {
          const st = A.state(h);
          if (st.shape.length === 0) throw typeError('len() of unsized object');
          return st.shape[0];
        },
        subscript: (_vm, h, key) => V.subscript(h, key),
        assSubscript: (_vm, h, key, v) => {
          if (v === 0) throw new NotSupported('deleting items of a numpy array');
          V.assignSubscript(h, key, v);
        },
      },
      iter: () => {
        throw new NotSupported('iterating over a numpy array');
      },
      reprText: () => {
        throw new NotSupported('printing a numpy array (element values are not modelled)');
      },
      repr: () => {
        throw new NotSupported('printing a numpy array (element values are not modelled)');
      },
      methods: {
        copy: method('copy', Meth.Fastcall | Meth.Keywords, (_vm, self, args) => {
          if (args.length) throw new NotSupported('ndarray.copy(order)');
          return this.views.copy(self);
        }),
        reshape: method('reshape', Meth.Varargs | Meth.Keywords, (_vm, self, args) => this.views.reshape(self, args)),
      },
      getset: Object.fromEntries(['shape', 'strides', 'ndim', 'size', 'nbytes', 'itemsize', 'dtype', 'base'].map((n) => [n, getset(n)])),
    });
    readyStaticType(vm, ndarray);
    const dtype = defineType({
      id: vm.newTypeId(),
      name: 'dtype',
      module: 'numpy',
      basicsize: 88,
      dealloc: () => {
        throw new Error('internal: a static dtype deallocated');
      },
      notModelled: 'dtype',
      reprText: (_vm, h) => `dtype('${this.dtypeOf.get(h)!.name}')`,
      str: (_vm, h) => strNew(vm, this.dtypeOf.get(h)!.name),
      richcompare: (_vm, a, b, op) => {
        if (op !== Cmp.EQ && op !== Cmp.NE) return vm.s.NotImplemented;
        const x = this.dtypeOf.get(a);
        const y = this.dtypeOf.get(b);
        if (x === undefined || y === undefined) return vm.s.NotImplemented;
        return vm.s.bool((x === y) === (op === Cmp.EQ));
      },
      getset: {
        name: { name: 'name', get: (_vm, h) => strNew(vm, this.dtypeOf.get(h)!.name) },
        itemsize: { name: 'itemsize', get: (_vm, h) => fromLong(vm, this.dtypeOf.get(h)!.itemsize) },
        char: { name: 'char', get: (_vm, h) => strNew(vm, this.dtypeOf.get(h)!.char) },
      },
    });
    readyStaticType(vm, dtype);
    this.dtypeType = dtype;
  }
  private dtypeType: TypeSlots | null = null;

  private registerFunctions(vm: Vm): void {
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
      const def: MethodDef = {
        name,
        qualname: `numpy.${name}`,
        flags: Meth.Fastcall | Meth.Keywords,
        impl: (_vm, _self, args, kw) => impls[name]([...args], kw ?? new Map()),
      };
      this.addAttr(name, builtinStatic(vm, def, 'numpy'));
    }
    for (const d of DTYPES) {
      // np.float64 & co are the scalar types; a.dtype is a descr: both convert to the dtype
      const scalar = defineType({
        id: vm.newTypeId(),
        name: d.name,
        module: 'numpy',
        basicsize: 32,
        dealloc: () => {
          throw new Error('internal: a numpy scalar deallocated');
        },
        new: () => {
          throw new NotSupported(`numpy scalars (np.${d.name}(...))`);
        },
      });
      readyStaticType(vm, scalar);
      this.dtypeOf.set(scalar.typeObject, d);
      this.addAttr(d.name, scalar.typeObject);
      const descr = vm.newStatic(this.dtypeType!.id);
      this.dtypeOf.set(descr, d);
      this.dtypeObject.set(d, descr);
    }
    this.addAttr('ndarray', vm.types[this.arrays.typeId].typeObject);
  }

  /** np.<name> (and `from numpy import <name>`): the module's dict. */
  private addAttr(name: string, h: number): void {
    moduleData(this.it.vm, this.module).attrs.set(name, h);
  }
}
