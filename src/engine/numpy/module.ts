import { NotSupported } from '../python/errors';
import { builtinStatic } from '../python/objects/descr';
import { moduleData, moduleStatic } from '../python/objects/module';
import { intern } from '../python/objects/str';
import { T, type Kwargs, type MethodDef, type TypeSlots } from '../python/objects/types';
import type { Vm } from '../python/runtime/vm';
import type { Libc } from '../libc/libc';
import { NpyAlloc, libcOf } from './alloc';
import { DTYPES } from './dtypes';
import { DTypeObjects } from './dtypeType';
import { NumpyErrors } from './errors';
import { FromList } from './fromlist';
import { Constructors } from './create';
import { Joining } from './joining';
import { BINARY, Functions, UNARY } from './functions';
import type { UfuncName, UnaryName } from './loops';
import { UfuncObjects } from './ufuncObject';
import { installCloseness } from './closeness';
import { installNpyFormat } from './npyFormat';
import { VoidScalars } from './records';
import { VoidIndexing } from './voidItems';
import { Arrays } from './ndarray';
import { makeNdarrayType } from './ndarrayType';
import { Reductions } from './reduce';
import { RandomModule } from './random/module';
import { Scalars } from './scalars';
import { Sorting } from './sort';
import { Ufuncs } from './ufunc';
import { Views } from './views';
import { Growth } from './grow';
import { Layout } from './layout';
import { Rounding } from './round';
import { NumericFunctions } from './numericFunctions';
import { MatrixProducts } from './matmul';
import { ShapeFunctions } from './shapeFunctions';
import { Builders } from './builders';
import { Quantiles } from './quantiles';
import { clipMethod } from './clip';
import { Linalg } from './linalg';
import { NUMPY_VERSION } from './constants';

/**
 * NumPy inside one simulated process: the allocation layer, the array objects and their value
 * store, the scalar and dtype types, the ufunc machinery, and the `numpy` module object with its
 * functions and `numpy.random`. Made by the first `import numpy` (install.ts), after the
 * import's recorded footprint.
 */
export class NumpyRuntime {
  readonly alloc: NpyAlloc;
  readonly arrays: Arrays;
  readonly scalars: Scalars;
  readonly dtypes: DTypeObjects;
  readonly errors: NumpyErrors;
  readonly ufuncs: Ufuncs;
  readonly views: Views;
  readonly fromList: FromList;
  readonly ctors: Constructors;
  readonly joins: Joining;
  readonly reductions: Reductions;
  readonly sorting: Sorting;
  readonly functions: Functions;
  readonly random: RandomModule;
  readonly layout: Layout;
  readonly rounding: Rounding;
  readonly numeric: NumericFunctions;
  readonly products: MatrixProducts;
  readonly shapes: ShapeFunctions;
  readonly builders: Builders;
  readonly quantiles: Quantiles;
  readonly linalg: Linalg;
  readonly growth: Growth;
  readonly ndarrayType: TypeSlots;
  /** The module object (static: its memory is part of the import footprint). */
  readonly module: number;

  /** An argument as an array: itself, or PyArray_FROM_O of it (a temporary, released after `fn`). */
  withArray<R>(h: number, fn: (a: number) => R): R {
    if (this.arrays.isArray(h)) return fn(h);
    const a = this.ctors.asArrayOrScalar(h);
    try {
      return fn(a);
    } finally {
      this.vm.decref(a);
    }
  }

  constructor(
    readonly vm: Vm,
    libc: Libc,
  ) {
    this.alloc = new NpyAlloc(libcOf(vm.mem, libc), vm.kernel);
    this.arrays = new Arrays(vm, this.alloc, vm.newTypeId());
    this.scalars = new Scalars(vm);
    this.dtypes = new DTypeObjects(vm, this.scalars);
    this.scalars.descr = (d) => this.dtypes.handle(d);
    this.arrays.newDescr = (d) => this.dtypes.newDescr(d);
    this.errors = new NumpyErrors(vm);
    this.ufuncs = new Ufuncs(this.arrays, this.scalars, this.errors);
    this.views = new Views(this.arrays, this.scalars, this.errors);
    this.fromList = new FromList(this.arrays, this.scalars);
    this.ctors = new Constructors(this.arrays, this.dtypes, this.scalars, this.fromList, this.errors);
    this.joins = new Joining(this.arrays, this.dtypes, this.fromList, this.errors);
    this.reductions = new Reductions(this.arrays, this.scalars, this.errors);
    this.sorting = new Sorting(this.arrays);
    this.ufuncs.fromSequence = (h) => this.fromList.fromObject(h, null, false);
    this.scalars.zeroD = (d, v) => {
      const z = this.arrays.newArray(d, []);
      this.arrays.values.setConst(this.arrays.slot(z), v);
      this.arrays.writeAll(z);
      return this.reductions.toScalar(z);
    };
    // scalar_new (scalartypes.c): an array of the type, a 0-d result becomes the scalar
    this.scalars.fromAny = (d, h) => {
      const a = this.fromList.fromObject(h, d, false);
      return this.arrays.nd(a) === 0 ? this.reductions.toScalar(a) : a;
    };
    this.views.asArray = (h) => this.fromList.fromObject(h, null, false);
    this.views.voids = new VoidScalars(vm, this.arrays, new VoidIndexing(this.views, this.dtypes.parts));
    this.growth = new Growth(this.arrays, this.dtypes, this.views);
    this.layout = new Layout(this);
    this.rounding = new Rounding(this);
    this.numeric = new NumericFunctions(this);
    this.products = new MatrixProducts(this);
    this.shapes = new ShapeFunctions(this);
    this.builders = new Builders(this);
    this.quantiles = new Quantiles(this);
    this.scalars.round = (self, args, kw) => this.rounding.scalarMethod(self, args, kw);
    const types = makeNdarrayType({
      layout: this.layout,
      rounding: this.rounding,
      products: this.products,
      shapes: this.shapes,
      builders: this.builders,
      clip: (self, args, kw) => clipMethod(this, self, args, kw),
      vm,
      arrays: this.arrays,
      views: this.views,
      ufuncs: this.ufuncs,
      reductions: this.reductions,
      sorting: this.sorting,
      scalars: this.scalars,
      dtypes: this.dtypes,
    });
    this.ndarrayType = types.ndarray;
    // what holds an array can find its runtime (owners, tests): PyArray_Type's state
    this.ndarrayType.extra = this;
    this.functions = new Functions(this);
    this.module = moduleStatic(vm, 'numpy', 'np');
    this.random = new RandomModule(this);
    this.linalg = new Linalg(this);
    this.fillModule();
  }

  /** np.<name>: the functions, types, constants and submodules. */
  private fillModule(): void {
    const vm = this.vm;
    const add = (name: string, h: number): void => {
      moduleData(vm, this.module).attrs.set(name, h);
    };
    // the ufuncs are numpy.ufunc objects (np.abs is np.absolute, np.divide is np.true_divide)
    const ufuncs = new UfuncObjects(this);
    const ufuncAlias: Record<string, string> = { abs: 'absolute', divide: 'true_divide', mod: 'remainder' };
    const table = this.functions.table();
    const made = new Map<string, number>();
    const ufuncOf = (name: UfuncName | UnaryName, nin: number): number => {
      if (!made.has(name)) made.set(name, ufuncs.make({ name, nin, call: table[name].fn }));
      return made.get(name)!;
    };
    for (const name of UNARY) add(name, ufuncOf(name, 1));
    for (const name of BINARY) add(name, ufuncOf(name, 2));
    for (const [alias, name] of Object.entries(ufuncAlias)) add(alias, made.get(name)!);
    for (const [name, impl] of Object.entries(table)) {
      if (made.has(name) || name in ufuncAlias) continue;
      const def: MethodDef = {
        name,
        qualname: `numpy.${name}`,
        flags: impl.flags,
        impl: (_vm, _self, args, kw) => impl.fn([...args], kw ?? new Map()),
      };
      add(name, builtinStatic(vm, def, 'numpy'));
    }
    for (const d of DTYPES) add(d.scalarName, this.scalars.types[d.code].typeObject);
    for (const [name, s] of this.scalars.abstract) add(name, s.typeObject);
    const alias: Record<string, string> = {
      bool8: 'bool_',
      int_: 'int64',
      float_: 'float64',
      double: 'float64',
      single: 'float32',
      intp: 'int64',
      uint: 'uint64',
      byte: 'int8',
      ubyte: 'uint8',
      short: 'int16',
      ushort: 'uint16',
      intc: 'int32',
      uintc: 'uint32',
      longlong: 'int64',
    };
    for (const [a, n] of Object.entries(alias))
      add(a, this.scalars.types[DTYPES.find((d) => d.scalarName === n)!.code].typeObject);
    add('ndarray', this.ndarrayType.typeObject);
    add('dtype', this.dtypes.type.typeObject);
    add('AxisError', this.errors.axisError.typeObject);
    add('newaxis', vm.s.None);
    add('True_', this.scalars.true_);
    add('False_', this.scalars.false_);
    add('__version__', intern(vm, NUMPY_VERSION));
    const constant = (v: number): number => {
      const h = vm.newStatic(T.Float);
      vm.table.num[h] = v;
      return h;
    };
    add('nan', constant(NaN));
    add('NaN', constant(NaN));
    add('inf', constant(Infinity));
    add('Inf', constant(Infinity));
    add('pi', constant(Math.PI));
    add('e', constant(Math.E));
    add('random', this.random.module);
    add('linalg', this.linalg.module);
    // last: the Python part reads the functions above from the module's attributes
    installCloseness(this, add);
    installNpyFormat(this, add);
  }

  /** Call a module function by name from TypeScript (tests, benchmarks). */
  call(name: string, args: number[], kw: Kwargs = new Map()): number {
    const f = this.functions.table()[name];
    if (!f) throw new NotSupported(`np.${name}`);
    return f.fn(args, kw);
  }
}
