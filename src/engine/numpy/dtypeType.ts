import { raiseString, typeError } from '../python/abstract/errors';
import { E } from '../python/objects/exctypes';
import { mappingProxyNew } from '../python/objects/mappingproxy';
import { DescrParts } from './voidItems';
import { structuredFromList, structuredText } from './records';
import { fieldsOf } from './recordRows';
import { NotSupported } from '../python/errors';
import { fromLong } from '../python/objects/int';
import { intern, strNew, strValue } from '../python/objects/str';
import { readyStaticType } from '../python/objects/typeobject';
import { Cmp, T, defineType, type TypeSlots } from '../python/objects/types';
import type { Vm } from '../python/runtime/vm';
import {
  BOOL,
  DTYPES,
  FLOAT64,
  INT64,
  OBJECT,
  dtypeByName,
  flexibleString,
  isStringKind,
  stringDType,
  type DType,
} from './dtypes';
import type { Scalars } from './scalars';

/** sizeof(PyArray_Descr) on 1.24 (np.dtype.__basicsize__). */
const DESCR_BASICSIZE = 88;
/** A new string descriptor's request, measured: `m 96` per str leaf while np.array discovers. */
const STRING_DESCR_BYTES = 96;

/**
 * np.dtype: the built-in descriptors are static objects (PyArray_DescrFromType hands out the
 * same one every time, no allocation); `a.dtype`, `np.dtype('f8')` and dtype= arguments all
 * resolve to them (PyArray_DescrConverter).
 */
export class DTypeObjects {
  readonly type: TypeSlots;
  private readonly byHandle = new Map<number, DType>();
  private readonly handles: number[] = [];
  /** A structured descriptor's names tuple and fields dict (voidItems.ts). */
  readonly parts: DescrParts;

  constructor(
    readonly vm: Vm,
    readonly scalars: Scalars,
  ) {
    this.parts = new DescrParts(vm, (d) => this.handle(d));
    this.type = defineType({
      id: vm.newTypeId(),
      name: 'dtype',
      module: 'numpy',
      basicsize: DESCR_BASICSIZE,
      // only string descriptors are objects of their own (newDescr); the built-in ones are static
      dealloc: (v, h) => {
        if (this.handles[this.of(h).code] === h) throw new Error('internal: a static dtype deallocated');
        this.byHandle.delete(h);
        v.objectFree(h);
      },
      // arraydescr_repr: dtype('O') for objects (its str stays 'object'); dtype('<U3') for text
      reprText: (_vm, h) =>
        this.of(h).kind === 'V'
          ? `dtype(${structuredText(this.of(h))})`
          : `dtype('${this.of(h) === OBJECT ? 'O' : this.text(this.of(h))}')`,
      str: (v, h) => strNew(v, this.text(this.of(h))),
      hash: (_vm, h) => `dtype:${this.of(h).name}`,
      richcompare: (v, a, b, op) => {
        if (op !== Cmp.EQ && op !== Cmp.NE) return v.s.NotImplemented;
        const x = this.lookup(a);
        let y: DType | undefined;
        try {
          y = this.lookup(b);
        } catch {
          y = undefined;
        }
        if (x === undefined || y === undefined) return v.s.bool(op === Cmp.NE);
        return v.s.bool((x === y) === (op === Cmp.EQ));
      },
      typeVectorcall: (v, _t, args) => {
        if (args.length !== 1) throw typeError(v, 'dtype() takes 1 positional argument');
        const d = this.convert(args[0], null);
        const h = this.handle(d);
        v.incref(h);
        return h;
      },
      notModelled: 'dtype',
      // descr_length / descr_subscript: a structured dtype's fields by name or position
      mapping: {
        length: (_v, h) => (this.of(h).kind === 'V' ? fieldsOf(this.of(h)).length : 0),
        subscript: (v, h, key) => {
          const d = this.of(h);
          if (d.kind !== 'V') throw raiseString(v, E.KeyError, `There are no fields in dtype ${d.name}.`);
          return this.parts.fieldDescr(d, key);
        },
      },
      sequence: { length: (_v, h) => (this.of(h).kind === 'V' ? fieldsOf(this.of(h)).length : 0) },
      getset: {
        name: { name: 'name', get: (v, h) => strNew(v, this.of(h).name) },
        itemsize: { name: 'itemsize', get: (v, h) => fromLong(v, this.of(h).itemsize) },
        char: { name: 'char', get: (v, h) => strNew(v, this.of(h).char) },
        kind: { name: 'kind', get: (v, h) => strNew(v, this.of(h).kind) },
        str: { name: 'str', get: (v, h) => strNew(v, this.of(h).typestr) },
        num: { name: 'num', get: (v, h) => fromLong(v, this.of(h).num) },
        // NPY_ITEM_HASOBJECT: object, or a structured dtype with an object field
        hasobject: {
          name: 'hasobject',
          get: (v, h) => {
            const d = this.of(h);
            const has = d.kind === 'O' || (d.kind === 'V' && fieldsOf(d).some((f) => f.dtype.kind === 'O'));
            return v.s.bool(has);
          },
        },
        names: {
          name: 'names',
          get: (v, h) => {
            const d = this.of(h);
            if (d.kind !== 'V') return (v.incref(v.s.None), v.s.None);
            const names = this.parts.namesOf(d);
            v.incref(names);
            return names;
          },
        },
        // arraydescr_fields_get: a new mappingproxy over descr->fields (None without fields)
        fields: {
          name: 'fields',
          get: (v, h) => {
            const d = this.of(h);
            if (d.kind !== 'V') return (v.incref(v.s.None), v.s.None);
            return mappingProxyNew(v, this.parts.fieldsDictOf(d));
          },
        },
        type: {
          name: 'type',
          get: (v, h) => {
            if (this.of(h).kind === 'V') throw new NotSupported('dtype.type of a structured dtype (np.void)');
            const t = this.scalars.types[this.of(h).code].typeObject;
            v.incref(t);
            return t;
          },
        },
      },
    });
    readyStaticType(vm, this.type);
    for (const d of DTYPES) {
      const h = vm.newStatic(this.type.id);
      this.byHandle.set(h, d);
      this.handles[d.code] = h;
    }
  }

  /**
   * The static descriptor of a dtype (borrowed). A string dtype has none: its one made here
   * stands for `np.dtype('U3')` written in a script (each real conversion makes a new one).
   */
  handle(d: DType): number {
    if (this.handles[d.code] === undefined) {
      const h = this.vm.newStatic(this.type.id);
      this.byHandle.set(h, d);
      this.handles[d.code] = h;
    }
    return this.handles[d.code];
  }

  /** PyArray_DescrNewFromType(NPY_UNICODE/NPY_STRING) with its elsize set: a new 96-byte object. */
  newDescr(d: DType): number {
    const h = this.vm.newObject(this.type.id, STRING_DESCR_BYTES);
    this.byHandle.set(h, d);
    return h;
  }

  /** str(dtype): the name, but the type string for flexible dtypes ('<U3', '|S2'). */
  private text(d: DType): string {
    if (d.kind === 'V') return structuredText(d);
    return isStringKind(d) ? d.typestr : d.name;
  }

  of(h: number): DType {
    return this.byHandle.get(h)!;
  }

  /** A dtype object, a scalar type, `float`/`int`/`bool`, or a dtype name; undefined for anything else. */
  lookup(h: number): DType | undefined {
    const vm = this.vm;
    const d = this.byHandle.get(h);
    if (d) return d;
    const t = vm.table.type[h];
    if (t === T.Str) return dtypeByName(strValue(vm, h)) ?? stringByName(strValue(vm, h));
    if (t === T.Type) {
      if (h === vm.types[T.Str].typeObject) return flexibleString('U');
      if (h === vm.types[T.Bytes].typeObject) return flexibleString('S');
      if (h === vm.types[T.Float].typeObject) return FLOAT64;
      if (h === vm.types[T.Int].typeObject) return INT64;
      if (h === vm.types[T.Bool].typeObject) return BOOL;
      if (h === vm.types[T.Object].typeObject) return OBJECT;
      const id = vm.slotsOf(h).id;
      return this.scalars.byId.get(id);
    }
    return undefined;
  }

  /**
   * PyArray_DescrConverter for dtype= arguments: None gives `fallback` (null: float64, as
   * np.dtype(None) does); anything not a modelled dtype is "not supported" or NumPy's TypeError.
   */
  convert(h: number | undefined, fallback: DType | null): DType {
    const vm = this.vm;
    if (h === undefined || vm.table.type[h] === T.None) return fallback ?? FLOAT64;
    const d = this.lookup(h);
    if (d) return d;
    const t = vm.table.type[h];
    if (t === T.Str) {
      const s = strValue(vm, h);
      if (/^[<>|=]?[UuSacmMVG]|^(str|complex|datetime|timedelta|unicode|bytes)/.test(s))
        throw new NotSupported(`dtype '${s}'`);
      throw typeError(vm, "data type '%s' not understood", s);
    }
    if (t === T.Type) throw new NotSupported(`dtype=${vm.slotsOf(h).name}`);
    if (t === T.List) return structuredFromList(vm, h, (x) => this.convert(x, null));
    throw typeError(vm, 'Cannot interpret %R as a data type', h);
  }

  /** dtype names as module attributes need static strs: interned at import. */
  static name(vm: Vm, s: string): number {
    return intern(vm, s);
  }
}

/** 'U10', '<U10', '|S5', 'S', 'str', 'bytes', 'unicode': the string dtypes a dtype= text names. */
function stringByName(s: string): DType | undefined {
  if (s === 'str' || s === 'unicode' || s === 'str_' || s === 'U' || s === '<U') return flexibleString('U');
  if (s === 'bytes' || s === 'bytes_' || s === 'S' || s === '|S') return flexibleString('S');
  const m = /^([<|=]?)([US])(\d+)$/.exec(s);
  if (!m || (m[2] === 'S' && m[1] === '<')) return undefined;
  const n = Number(m[3]);
  return n === 0 ? flexibleString(m[2] as 'U' | 'S') : stringDType(m[2] as 'U' | 'S', n);
}
