import type { Kwargs } from '../python/objects/types';
import { raiseString, typeError, valueError } from '../python/abstract/errors';
import { floatFormat, intFormat } from '../python/abstract/format';
import { NotSupported } from '../python/errors';
import { E } from '../python/objects/exctypes';
import { floatRepr, fromDouble } from '../python/objects/float';
import { fromLong, intValue } from '../python/objects/int';
import { strNew, strValue } from '../python/objects/str';
import { readyStaticType } from '../python/objects/typeobject';
import { tupleItems } from '../python/objects/tuple';
import {
  Cmp,
  Meth,
  NB,
  T,
  TpFlags,
  defineType,
  numberSlots,
  type BinarySlot,
  type TypeSlots,
} from '../python/objects/types';
import type { Vm } from '../python/runtime/vm';
import { BOOL, DTYPES, FLOAT32, FLOAT64, INT64, UINT64, promote, type DType } from './dtypes';
import { COMPARISONS, kernel, type UfuncName } from './loops';
import { castValue } from './values';

/** sizeof(PyDoubleScalarObject) & co: PyObject_HEAD and the value; every scalar type's tp_basicsize is 24. */
export const SCALAR_BASICSIZE = 24;

/** The shortest decimal digits that read back as this float32 (dragon4's unique mode). */
export function float32Repr(v: number): string {
  if (!Number.isFinite(v) || v === 0) return floatRepr(v);
  let p = 1;
  while (p < 9 && Math.fround(Number(v.toPrecision(p))) !== v) p++;
  return floatRepr(Number(v.toPrecision(p)));
}

/** repr()/str() of a scalar of dtype d holding v (1.24: no "np.float64(...)" wrapper). */
export function scalarText(d: DType, v: number): string {
  if (d.kind === 'b') return v ? 'True' : 'False';
  if (d.kind === 'f') return d === FLOAT32 ? float32Repr(v) : floatRepr(v);
  return Number.isSafeInteger(v) ? String(v) : BigInt(v).toString();
}

const NB_UFUNC: Partial<Record<number, UfuncName>> = {
  [NB.Add]: 'add',
  [NB.Subtract]: 'subtract',
  [NB.Multiply]: 'multiply',
  [NB.TrueDivide]: 'true_divide',
  [NB.FloorDivide]: 'floor_divide',
  [NB.Remainder]: 'remainder',
  [NB.Power]: 'power',
  [NB.And]: 'bitwise_and',
  [NB.Or]: 'bitwise_or',
  [NB.Xor]: 'bitwise_xor',
  [NB.Lshift]: 'left_shift',
  [NB.Rshift]: 'right_shift',
};
const CMP_UFUNC: UfuncName[] = ['less', 'less_equal', 'equal', 'not_equal', 'greater', 'greater_equal'];

/**
 * NumPy's scalar types (scalartypes.c.src, scalarmath.c.src): np.bool_, the integers, float32 and
 * float64 (a subclass of Python's float), under np.generic, np.number, np.integer,
 * np.signedinteger, np.unsignedinteger, np.inexact and np.floating. A scalar is a 24-byte object
 * (PyObject_Malloc through gentype_alloc, not tracked by the collector) whose value is kept in
 * the object table's `num` column. np.True_ and np.False_ are static. Arithmetic between scalars
 * and Python numbers is scalar math: plain promotion (a Python int counts as int64, a float as
 * float64), one new scalar; with an array the array's operator answers.
 */
export class Scalars {
  /** DType.code → the scalar type's slots. */
  readonly types: TypeSlots[] = [];
  readonly abstract = new Map<string, TypeSlots>();
  readonly byId = new Map<number, DType>();
  true_ = 0;
  false_ = 0;
  /** A scalar made through a 0-d array (set by the runtime: arrays live above this file). */
  zeroD: ((d: DType, v: number) => number) | null = null;
  /**
   * PyArray_FromAny(obj, d, NPY_ARRAY_FORCECAST) then PyArray_Return, for a scalar type called
   * with a sequence or an array (`np.float32([1, 2])` is an array); set by the runtime.
   */
  fromAny: ((d: DType, h: number) => number) | null = null;
  /** gentype_dtype_get: the dtype's static descriptor (dtypeType.ts DTypeObjects.handle), set by the runtime. */
  descr: ((d: DType) => number) | null = null;
  /** gentype round (round.ts), set by the runtime. */
  round: ((self: number, args: readonly number[], kw: Kwargs | null) => number) | null = null;

  constructor(readonly vm: Vm) {
    this.makeTypes();
  }

  isScalar(h: number): boolean {
    return this.byId.has(this.vm.table.type[h]);
  }

  dtypeOf(h: number): DType | undefined {
    return this.byId.get(this.vm.table.type[h]);
  }

  value(h: number): number {
    return this.vm.table.num[h];
  }

  /** PyArrayScalar_New + the value: a new reference (np.bool_'s are the two singletons). */
  make(d: DType, v: number): number {
    const vm = this.vm;
    if (d.kind === 'O') throw new NotSupported('a numpy scalar made from an object array this way');
    const x = castValue(d, v);
    if (d === BOOL) {
      const h = x ? this.true_ : this.false_;
      vm.incref(h);
      return h;
    }
    const h = vm.newObject(this.types[d.code].id, SCALAR_BASICSIZE);
    vm.table.num[h] = x;
    return h;
  }

  private makeTypes(): void {
    const vm = this.vm;
    const abstractType = (name: string, base: number): TypeSlots => {
      const s = defineType({
        id: vm.newTypeId(),
        name,
        module: 'numpy',
        basicsize: SCALAR_BASICSIZE,
        base,
        flags: TpFlags.BaseType,
        dealloc: (v, h) => v.objectFree(h),
        new: () => {
          throw typeError(vm, "cannot create 'numpy.%s' instances", name);
        },
      });
      readyStaticType(vm, s);
      this.abstract.set(name, s);
      return s;
    };
    const generic = abstractType('generic', T.Object);
    const number = abstractType('number', generic.id);
    const integer = abstractType('integer', number.id);
    const signed = abstractType('signedinteger', integer.id);
    const unsigned = abstractType('unsignedinteger', integer.id);
    const inexact = abstractType('inexact', number.id);
    const floating = abstractType('floating', inexact.id);
    for (const d of DTYPES) {
      if (d.kind === 'O') {
        this.types[d.code] = this.objectType(generic.id);
        this.byId.set(this.types[d.code].id, d);
        continue;
      }
      const parent =
        d.kind === 'b' ? generic : d.kind === 'f' ? floating : d.kind === 'i' ? signed : unsigned;
      const s = this.concrete(d, d === FLOAT64 ? T.Float : parent.id);
      if (d === FLOAT64) {
        // float64(floating, float): its MRO runs through NumPy's hierarchy, then Python's float
        s.mro = [s.id, floating.id, inexact.id, number.id, generic.id, T.Float, T.Object];
        s.bases = [floating.id, T.Float];
      }
      this.types[d.code] = s;
      this.byId.set(s.id, d);
    }
    // np.True_ and np.False_: static singletons (PyArrayScalar_RETURN_TRUE never allocates)
    this.true_ = vm.newStatic(this.types[BOOL.code].id);
    vm.table.num[this.true_] = 1;
    this.false_ = vm.newStatic(this.types[BOOL.code].id);
  }

  /**
   * np.object_: a scalar type no instance ever has (an object array's item is the object
   * itself); calling it returns its argument (object_arrtype_new), None without one.
   */
  private objectType(base: number): TypeSlots {
    const vm = this.vm;
    const s = defineType({
      id: vm.newTypeId(),
      name: 'object_',
      module: 'numpy',
      basicsize: SCALAR_BASICSIZE,
      base,
      flags: TpFlags.BaseType,
      dealloc: (v, h) => v.objectFree(h),
      new: (v, _type, argsTuple) => {
        const args = Array.from(tupleItems(v, argsTuple));
        if (args.length > 1) throw new NotSupported('np.object_ with more than one argument');
        const o = args.length ? args[0] : v.s.None;
        v.incref(o);
        return o;
      },
    });
    readyStaticType(vm, s);
    return s;
  }

  private concrete(d: DType, base: number): TypeSlots {
    const vm = this.vm;
    const binary: Record<number, BinarySlot> = {};
    for (const [nb, name] of Object.entries(NB_UFUNC)) {
      binary[Number(nb)] = (_vm, a, b) => this.binop(name!, a, b);
    }
    const s = defineType({
      id: vm.newTypeId(),
      name: d.scalarName,
      module: 'numpy',
      basicsize: SCALAR_BASICSIZE,
      base,
      flags: TpFlags.BaseType,
      dealloc: (v, h) => v.objectFree(h),
      sizeof: () => SCALAR_BASICSIZE + d.itemsize,
      repr: (v, h) => strNew(v, scalarText(d, v.table.num[h])),
      str: (v, h) => strNew(v, scalarText(d, v.table.num[h])),
      reprText: (v, h) => scalarText(d, v.table.num[h]),
      // gentype_format: a float scalar formats as a Python float, an integer as a Python int
      format: (v, h, spec) => {
        if (spec === '') return strNew(v, scalarText(d, v.table.num[h]));
        return d.kind === 'f' ? floatFormat(v, h, spec) : intFormat(v, h, spec);
      },
      hash: (v, h) => {
        const x = v.table.num[h];
        return Number.isInteger(x) && !Number.isSafeInteger(x) ? BigInt(x) : Object.is(x, -0) ? 0 : x;
      },
      richcompare: (_v, a, b, op) => this.compare(a, b, op),
      number: numberSlots(binary, {
        negative: (v, h) => {
          if (d === BOOL)
            throw typeError(
              v,
              'The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.',
            );
          return this.make(d, -v.table.num[h]);
        },
        positive: (v, h) => this.make(d, v.table.num[h]),
        absolute: (v, h) => this.make(d, Math.abs(v.table.num[h])),
        bool: (v, h) => v.table.num[h] !== 0,
        int: (v, h) => {
          const x = v.table.num[h];
          if (!Number.isFinite(x))
            throw raiseString(
              v,
              Number.isNaN(x) ? E.ValueError : E.OverflowError,
              Number.isNaN(x)
                ? 'cannot convert float NaN to integer'
                : 'cannot convert float infinity to integer',
            );
          return fromLong(v, Number.isSafeInteger(Math.trunc(x)) ? Math.trunc(x) : BigInt(Math.trunc(x)));
        },
        float: (v, h) => fromDouble(v, v.table.num[h]),
        index: d.kind === 'f' ? undefined : (v, h) => fromLong(v, v.table.num[h]),
      }),
      typeVectorcall: (v, _t, args) => {
        if (args.length === 0) return this.make(d, 0);
        const x = args[0];
        const t = v.table.type[x];
        // an integer scalar type goes through PyArray_FromAny: a 0-d array, then PyArray_Return
        if ((t === T.Int || t === T.Bool) && d.kind !== 'f' && this.zeroD)
          return this.zeroD(d, Number(intValue(v, x)));
        if (t === T.Int || t === T.Bool) return this.make(d, Number(intValue(v, x)));
        if (t === T.Float || this.isScalar(x)) return this.make(d, v.table.num[x]);
        if (t === T.Str) {
          const text = strValue(v, x);
          const n = Number(text);
          if (Number.isNaN(n)) throw valueError(v, "could not convert string to float: '%s'", text);
          return this.make(d, n);
        }
        if (this.fromAny) return this.fromAny(d, x);
        throw new NotSupported(`np.${d.scalarName}() of that argument`);
      },
      methods: {
        round: {
          name: 'round',
          flags: Meth.Fastcall | Meth.Keywords,
          qualname: `${d.scalarName}.round`,
          impl: (_v, self, args, kw) => this.round!(self, args, kw),
        },
        item: {
          name: 'item',
          flags: Meth.NoArgs,
          qualname: `${d.scalarName}.item`,
          impl: (v, self) => this.toPython(d, v.table.num[self]),
        },
      },
      getset: {
        itemsize: { name: 'itemsize', get: (v) => fromLong(v, d.itemsize) },
        // gentype_nbytes_get / gentype_size_get: a scalar is one element of its dtype
        nbytes: { name: 'nbytes', get: (v) => fromLong(v, d.itemsize) },
        size: { name: 'size', get: (v) => fromLong(v, 1) },
        ndim: { name: 'ndim', get: (v) => fromLong(v, 0) },
        shape: { name: 'shape', get: (v) => (v.incref(v.s.emptyTuple), v.s.emptyTuple) },
        strides: { name: 'strides', get: (v) => (v.incref(v.s.emptyTuple), v.s.emptyTuple) },
        dtype: {
          name: 'dtype',
          get: (v) => {
            const h = this.descr!(d);
            v.incref(h);
            return h;
          },
        },
        real: { name: 'real', get: (v, h) => this.make(d, v.table.num[h]) },
      },
    });
    readyStaticType(vm, s);
    return s;
  }

  /** The Python object a scalar's .item() / .tolist() gives: bool, int or float. */
  toPython(d: DType, v: number): number {
    const vm = this.vm;
    if (d.kind === 'b') return vm.s.bool(v !== 0);
    if (d.kind === 'f') return fromDouble(vm, v);
    return fromLong(vm, Number.isSafeInteger(v) ? v : BigInt(v));
  }

  /** An operand of scalar math: its dtype and value, or null (an array, or not a number). */
  private operand(h: number): { d: DType; v: number } | null {
    const vm = this.vm;
    const d = this.dtypeOf(h);
    if (d) return { d, v: vm.table.num[h] };
    const t = vm.table.type[h];
    if (t === T.Bool) return { d: BOOL, v: Number(intValue(vm, h)) };
    if (t === T.Int) {
      const v = intValue(vm, h);
      return { d: typeof v === 'bigint' && v >= 2n ** 63n ? UINT64 : INT64, v: Number(v) };
    }
    if (t === T.Float) return { d: FLOAT64, v: vm.table.num[h] };
    return null;
  }

  /** scalarmath: both operands scalars or Python numbers; otherwise NotImplemented. */
  private binop(name: UfuncName, a: number, b: number): number {
    const vm = this.vm;
    const x = this.operand(a);
    const y = this.operand(b);
    if (x === null || y === null) return vm.s.NotImplemented;
    let d = promote(x.d, y.d);
    if (name === 'true_divide' && d.kind !== 'f') d = FLOAT64;
    if ((name === 'power' || name === 'floor_divide' || name === 'remainder') && d === BOOL) d = DTYPES[1];
    if (name === 'subtract' && d === BOOL)
      throw typeError(
        vm,
        'numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.',
      );
    if (name === 'power' && d.kind !== 'f' && y.v < 0)
      throw valueError(vm, 'Integers to negative integer powers are not allowed.');
    if (name.startsWith('bitwise') || name.endsWith('shift')) {
      if (d.kind === 'f')
        throw typeError(
          vm,
          "ufunc '%s' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''",
          name,
        );
    }
    return this.make(d, kernel(name, d)(castValue(d, x.v), castValue(d, y.v)));
  }

  private compare(a: number, b: number, op: Cmp): number {
    const vm = this.vm;
    const x = this.operand(a);
    const y = this.operand(b);
    if (x === null || y === null) return vm.s.NotImplemented;
    const name = CMP_UFUNC[op];
    if (!COMPARISONS.has(name)) return vm.s.NotImplemented;
    const d = promote(x.d, y.d);
    return this.make(BOOL, kernel(name, d)(castValue(d, x.v), castValue(d, y.v)));
  }
}
