import type { Vm } from '../runtime/vm';
import { T, type TypeSlots } from '../objects/types';
import { simpleInfo, type SimpleInfo } from './ctypessimple';

/**
 * What _ctypes keeps in a ctypes class's StgDictObject, for the classes this model makes:
 * its size and alignment (x86-64 SysV: a scalar aligns to its size, long double to 16), and
 * what it is made of (a simple type, an array of another ctypes type, or a structure/union).
 */
export interface CType {
  typeId: number;
  name: string;
  size: number;
  align: number;
  simple: SimpleInfo | null;
  array: { item: CType; length: number } | null;
  struct: StructLayout | null;
}

export interface CFieldInfo {
  name: string;
  type: CType;
  offset: number;
}

export interface StructLayout {
  union: boolean;
  /** Every field, the bases' first (Struct_init fills them in this order). */
  fields: CFieldInfo[];
}

interface Registry {
  arrays: Map<number, { item: CType; length: number }>;
  structs: Map<number, StructLayout & { size: number; align: number }>;
}

const registries = new WeakMap<Vm, Registry>();

function registry(vm: Vm): Registry {
  let r = registries.get(vm);
  if (r === undefined) registries.set(vm, (r = { arrays: new Map(), structs: new Map() }));
  return r;
}

export function registerArray(vm: Vm, typeId: number, item: CType, length: number): void {
  registry(vm).arrays.set(typeId, { item, length });
}

export function registerStruct(vm: Vm, typeId: number, layout: StructLayout, size: number, align: number): void {
  registry(vm).structs.set(typeId, { ...layout, size, align });
}

/** The CType of a type id (a class deriving from a registered one shares its storage info). */
export function ctypeOfId(vm: Vm, typeId: number): CType | null {
  const s = vm.types[typeId];
  if (s === undefined) return null;
  for (const id of s.mro) {
    const simple = simpleInfo(vm, id);
    if (simple !== null)
      return { typeId, name: s.name, size: simple.size, align: simple.size, simple, array: null, struct: null };
    const a = registry(vm).arrays.get(id);
    if (a !== undefined)
      return { typeId, name: s.name, size: a.item.size * a.length, align: a.item.align, simple: null, array: a, struct: null };
    const st = registry(vm).structs.get(id);
    if (st !== undefined)
      return { typeId, name: s.name, size: st.size, align: st.align, simple: null, array: null, struct: st };
  }
  return null;
}

/** The CType of a class object (a handle of a ctypes metatype), or null. */
export function ctypeOfClass(vm: Vm, h: number): CType | null {
  if (!vm.typeOf(h).mro.includes(T.Type)) return null;
  return ctypeOfId(vm, (vm.table.side[h] as TypeSlots).id);
}

/** The ctypes metatypes' ids (PyCSimpleType, PyCArrayType, PyCStructType, UnionType), set when ctypes loads. */
export type MetaName = 'PyCSimpleType' | 'PyCArrayType' | 'PyCStructType' | 'UnionType' | 'PyCPointerType';
const metas = new WeakMap<Vm, Map<MetaName, number>>();

export function setMeta(vm: Vm, name: MetaName, typeId: number): void {
  let m = metas.get(vm);
  if (m === undefined) metas.set(vm, (m = new Map()));
  m.set(name, typeId);
}

/** Make a ready static class an instance of a ctypes metatype (what `type(c_int)` answers). */
export function giveMeta(vm: Vm, s: TypeSlots, name: MetaName): void {
  const id = metas.get(vm)?.get(name);
  if (id !== undefined) vm.table.type[s.typeObject] = id;
}
