import { setAttr } from '../abstract/attr';
import { raiseString, typeError } from '../abstract/errors';
import { NotSupported } from '../errors';
import { byteAt, byteLength, bytesContent, bytesNew, latin1Text } from '../objects/bytes';
import { dictEntries, dictGetItem, dictSetItem } from '../objects/dict';
import { E } from '../objects/exctypes';
import { fromLong, intValue } from '../objects/int';
import { listItem } from '../objects/list';
import { strValue, intern } from '../objects/str';
import { tupleItems } from '../objects/tuple';
import { readyStaticType } from '../objects/typeobject';
import { T, TpFlags, defineType, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { arrayTypeOf } from './ctypesarray';
import { cbufferOf, cdataDealloc, cdataNew, cdataTraverse, cdataView, getScalar, setScalar } from './ctypesmem';
import { CDATA_BASIC } from './ctypessimple';
import {
  ctypeOfClass,
  ctypeOfId,
  giveMeta,
  registerStruct,
  setMeta,
  type CFieldInfo,
  type MetaName,
} from './ctypestypes';

/**
 * ctypes.Structure and ctypes.Union (_ctypes' Struct_Type/Union_Type with their metatypes
 * PyCStructType/UnionType). A subclass's `_fields_` is laid out when the class is made
 * (PyCStructUnionType_update_stgdict / PyCField_FromDesc, x86-64 SysV): each field aligned to its
 * type's alignment (capped by `_pack_`), the size rounded up to the largest; a union's fields all
 * at offset 0. Each field becomes a CField descriptor in the class dict; an instance is a
 * CDataObject whose bytes are inline up to 16 (ctypesmem.ts). The metatypes' sq_repeat
 * (`T * n`) makes the array class.
 */

interface CFieldObj {
  field: CFieldInfo;
  index: number;
}

/** The metatypes: subclasses of type whose instances are ctypes classes; `T * n` makes an array class. */
function metaType(vm: Vm, name: MetaName): TypeSlots {
  const s = defineType({
    id: vm.newTypeId(),
    name,
    module: '_ctypes',
    basicsize: 904,
    itemsize: 40,
    base: T.Type,
    flags: TpFlags.HaveGc | TpFlags.BaseType | TpFlags.TypeSubclass,
    dealloc: (vm2, h) => vm2.types[T.Type].dealloc(vm2, h),
    traverse: (vm2, h, visit) => vm2.types[T.Type].traverse?.(vm2, h, visit),
    clear: (vm2, h) => vm2.types[T.Type].clear?.(vm2, h),
    sequence: {
      repeat: (vm2, cls, n) => {
        const item = ctypeOfClass(vm2, cls);
        if (item === null) throw typeError(vm2, 'abstract class');
        const a = arrayTypeOf(vm2, item, n);
        vm2.incref(a.typeObject);
        return a.typeObject;
      },
    },
  });
  if (name === 'PyCStructType' || name === 'UnionType')
    s.new = (vm2, type, args, kwargs) => {
      const cls = vm2.types[T.Type].new!(vm2, type, args, kwargs);
      try {
        layOut(vm2, vm2.slotsOf(cls), name === 'UnionType');
      } catch (e) {
        vm2.decref(cls);
        throw e;
      }
      return cls;
    };
  readyStaticType(vm, s);
  setMeta(vm, name, s.id);
  return s;
}

const align = (n: number, a: number): number => Math.ceil(n / a) * a;

/** PyCStructUnionType_update_stgdict: `_fields_` of the new class, after the base's fields. */
function layOut(vm: Vm, s: TypeSlots, union: boolean): void {
  const fieldsObj = dictGetItem(vm, s.dict, intern(vm, '_fields_'));
  if (fieldsObj === 0) return; // no _fields_: the base's layout (or an abstract class) stays
  const base = vm.types[s.base] !== undefined ? ctypeOfId(vm, s.base) : null;
  const inherited = base?.struct?.fields ?? [];
  const t = vm.table.type[fieldsObj];
  let items: number[];
  if (t === T.List) items = Array.from({ length: vm.table.n[fieldsObj] }, (_, i) => listItem(vm, fieldsObj, i));
  else if (t === T.Tuple) items = [...tupleItems(vm, fieldsObj)];
  else throw typeError(vm, "'_fields_' must be a sequence of pairs");
  const packObj = dictGetItem(vm, s.dict, intern(vm, '_pack_'));
  const pack = packObj !== 0 ? Number(intValue(vm, packObj)) : 0;
  let offset = union ? 0 : (base?.size ?? 0);
  let size = offset;
  let maxAlign = base?.align ?? 1;
  const fields: CFieldInfo[] = [...inherited];
  items.forEach((pair, index) => {
    const parts = vm.table.type[pair] === T.Tuple ? tupleItems(vm, pair) : [];
    if (parts.length < 2 || vm.table.type[parts[0]] !== T.Str)
      throw typeError(vm, "'_fields_' must be a sequence of (name, C type) pairs");
    if (parts.length > 2) throw new NotSupported('ctypes bit fields');
    const ft = ctypeOfClass(vm, parts[1]);
    if (ft === null) throw typeError(vm, 'second item in _fields_ tuple (index %d) must be a C type', index);
    const a = pack > 0 ? Math.min(pack, ft.align) : ft.align;
    const at = union ? 0 : align(offset, a);
    fields.push({ name: strValue(vm, parts[0]), type: ft, offset: at });
    offset = at + ft.size;
    size = union ? Math.max(size, ft.size) : offset;
    maxAlign = Math.max(maxAlign, a);
  });
  registerStruct(vm, s.id, { union, fields }, align(size, maxAlign), maxAlign);
  fields.slice(inherited.length).forEach((field, i) => {
    const d = vm.newObject(cfieldId(vm), 72);
    vm.table.side[d] = { field, index: inherited.length + i } satisfies CFieldObj;
    dictSetItem(vm, s.dict, intern(vm, field.name), d);
    vm.decref(d);
  });
}

/** A field read (PyCField_get): a scalar as a Python object, a char array as its bytes up to the NUL, anything else a view. */
function getField(vm: Vm, h: number, f: CFieldInfo): number {
  const buf = cbufferOf(vm, h)!;
  if (f.type.simple !== null) return getScalar(vm, f.type.simple, buf.bytes, f.offset);
  if (f.type.array?.item.simple?.kind === 'char') {
    const b = buf.bytes.subarray(f.offset, f.offset + f.type.size);
    const nul = b.indexOf(0);
    return bytesNew(vm, latin1Text(nul < 0 ? b : b.subarray(0, nul)));
  }
  // an array or structure field: a CDataObject over the same bytes, keeping this one alive (b_base)
  return cdataView(vm, f.type.typeId, h, f.offset, f.type.size);
}

/** A field write (PyCField_set): the scalar's setfunc, bytes into a char array, a same-typed instance copied in. */
function setField(vm: Vm, h: number, f: CFieldInfo, v: number): void {
  const buf = cbufferOf(vm, h)!;
  if (f.type.simple !== null) return setScalar(vm, f.type.simple, buf.bytes, f.offset, v);
  if (f.type.array?.item.simple?.kind === 'char' && vm.table.type[v] === T.Bytes) {
    const c = bytesContent(vm, v);
    const n = byteLength(c);
    if (n > f.type.size) throw raiseString(vm, E.ValueError, `bytes too long (${n}, maximum length ${f.type.size})`);
    for (let i = 0; i < n; i++) buf.bytes[f.offset + i] = byteAt(c, i);
    if (n < f.type.size) buf.bytes[f.offset + n] = 0;
    return;
  }
  const src = cbufferOf(vm, v);
  if (src !== null && ctypeOfId(vm, vm.table.type[v])?.typeId === f.type.typeId) {
    buf.bytes.set(src.bytes.subarray(0, f.type.size), f.offset);
    return;
  }
  throw typeError(vm, 'incompatible types, %s instance instead of %s instance', vm.typeOf(v).name, f.type.name);
}

const cfieldIds = new WeakMap<Vm, number>();
const cfieldId = (vm: Vm): number => cfieldIds.get(vm)!;

const cfieldType = (id: number): TypeSlots =>
  defineType({
    id,
    name: 'CField',
    module: '_ctypes',
    basicsize: 72,
    flags: 0,
    dealloc: (vm, h) => vm.objectFree(h),
    reprText: (vm, h) => {
      const { field } = vm.table.side[h] as CFieldObj;
      return `<Field type=${field.type.name}, ofs=${field.offset}, size=${field.type.size}>`;
    },
    descrGet: (vm, d, obj) => {
      if (obj === 0 || obj === vm.s.None) {
        vm.incref(d);
        return d;
      }
      return getField(vm, obj, (vm.table.side[d] as CFieldObj).field);
    },
    descrSet: (vm, d, obj, v) => {
      if (v === 0) throw typeError(vm, "can't delete attribute");
      setField(vm, obj, (vm.table.side[d] as CFieldObj).field, v);
    },
    getset: {
      offset: { name: 'offset', get: (vm, h) => fromLong(vm, (vm.table.side[h] as CFieldObj).field.offset) },
      size: { name: 'size', get: (vm, h) => fromLong(vm, (vm.table.side[h] as CFieldObj).field.type.size) },
    },
  });

/** Struct_init: positional values fill the fields in order (the bases' first), keywords by name. */
function structInit(vm: Vm, h: number, args: number, kwargs: number): void {
  const c = ctypeOfId(vm, vm.table.type[h]);
  const fields = c?.struct?.fields ?? [];
  const items = tupleItems(vm, args);
  if (items.length > 0) {
    // _init_pos_args reads the class's "_fields_" by a C-string name: a transient str (measured "m 57 f 57")
    vm.mem.free(vm.mem.malloc(vm.py.sizes.strAscii + '_fields_'.length + 1));
  }
  if (items.length > fields.length) throw typeError(vm, 'too many initializers');
  items.forEach((v, i) => setField(vm, h, fields[i], v));
  if (kwargs !== 0) for (const [k, v] of kwargPairs(vm, kwargs)) setAttr(vm, h, k, v);
}

function kwargPairs(vm: Vm, kwargs: number): [string, number][] {
  return Array.from(dictEntries(vm, kwargs)).map(([k, v]) => [strValue(vm, k), v] as [string, number]);
}

const structBase = (id: number, name: 'Structure' | 'Union'): TypeSlots =>
  defineType({
    id,
    name,
    module: '_ctypes',
    basicsize: CDATA_BASIC,
    flags: TpFlags.HaveGc | TpFlags.BaseType,
    new: (vm, type) => {
      const c = ctypeOfId(vm, type.id);
      if (c === null || c.struct === null) throw typeError(vm, 'abstract class');
      return cdataNew(vm, type.id, c.size);
    },
    init: structInit,
    dealloc: cdataDealloc,
    traverse: cdataTraverse,
  });

/** Install Structure, Union and the metatypes; the simple classes become PyCSimpleType instances. */
export function installStructTypes(vm: Vm, simple: Map<string, number>, attrs: Map<string, number>): void {
  metaType(vm, 'PyCSimpleType');
  metaType(vm, 'PyCArrayType');
  metaType(vm, 'PyCStructType');
  metaType(vm, 'UnionType');
  for (const t of new Set(simple.values())) giveMeta(vm, vm.slotsOf(t), 'PyCSimpleType');
  const cf = cfieldType(vm.newTypeId());
  readyStaticType(vm, cf);
  cfieldIds.set(vm, cf.id);
  for (const [name, meta] of [
    ['Structure', 'PyCStructType'],
    ['Union', 'UnionType'],
  ] as const) {
    const s = structBase(vm.newTypeId(), name);
    readyStaticType(vm, s);
    giveMeta(vm, s, meta);
    attrs.set(name, s.typeObject);
  }
}
