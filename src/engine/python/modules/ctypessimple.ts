import { raiseString, typeError } from '../abstract/errors';
import { isTrue } from '../abstract/object';
import { byteAt, byteLength, bytesContent, bytesNew } from '../objects/bytes';
import { E } from '../objects/exctypes';
import { fromDouble, floatRepr } from '../objects/float';
import { fromLong, intValue } from '../objects/int';
import { tupleItems } from '../objects/tuple';
import { readyStaticType } from '../objects/typeobject';
import { T, TpFlags, defineType, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';

/**
 * ctypes' simple types (Lib/ctypes/__init__.py's classes over _ctypes' _SimpleCData, 3.11.7 on
 * x86-64): each instance is a CDataObject whose value lives inline in b_value (16 bytes), one
 * 136-byte GC block measured (`x = ctypes.c_int(5)`: "m 48" for type_call's argument tuple, then
 * "m 136"); .value reads convert it (no allocation for a small int). The classes themselves are
 * made when ctypes is imported, which the recorder has done before a script runs: static here.
 * Aliases are the same class, as on LP64 (c_size_t is c_ulong, c_longlong is c_long …).
 */
export const CDATA_BASIC = 120; // + 16 GC head = 136, measured

type Kind = 'int' | 'float' | 'bool' | 'char' | 'char_p' | 'void_p';

export interface SimpleInfo {
  name: string;
  code: string;
  size: number;
  kind: Kind;
  signed: boolean;
}

const SIMPLE: readonly SimpleInfo[] = [
  { name: 'c_byte', code: 'b', size: 1, kind: 'int', signed: true },
  { name: 'c_ubyte', code: 'B', size: 1, kind: 'int', signed: false },
  { name: 'c_short', code: 'h', size: 2, kind: 'int', signed: true },
  { name: 'c_ushort', code: 'H', size: 2, kind: 'int', signed: false },
  { name: 'c_int', code: 'i', size: 4, kind: 'int', signed: true },
  { name: 'c_uint', code: 'I', size: 4, kind: 'int', signed: false },
  { name: 'c_long', code: 'l', size: 8, kind: 'int', signed: true },
  { name: 'c_ulong', code: 'L', size: 8, kind: 'int', signed: false },
  { name: 'c_float', code: 'f', size: 4, kind: 'float', signed: true },
  { name: 'c_double', code: 'd', size: 8, kind: 'float', signed: true },
  { name: 'c_longdouble', code: 'g', size: 16, kind: 'float', signed: true },
  { name: 'c_bool', code: '?', size: 1, kind: 'bool', signed: false },
  { name: 'c_char', code: 'c', size: 1, kind: 'char', signed: false },
  { name: 'c_char_p', code: 'z', size: 8, kind: 'char_p', signed: false },
  { name: 'c_void_p', code: 'P', size: 8, kind: 'void_p', signed: false },
];

/** The LP64 aliases ctypes/__init__.py binds (sizeof(long) == sizeof(long long) == 8). */
const ALIASES: readonly [string, string][] = [
  ['c_longlong', 'c_long'],
  ['c_ulonglong', 'c_ulong'],
  ['c_size_t', 'c_ulong'],
  ['c_ssize_t', 'c_long'],
  ['c_int8', 'c_byte'],
  ['c_uint8', 'c_ubyte'],
  ['c_int16', 'c_short'],
  ['c_uint16', 'c_ushort'],
  ['c_int32', 'c_int'],
  ['c_uint32', 'c_uint'],
  ['c_int64', 'c_long'],
  ['c_uint64', 'c_ulong'],
];

/** The value a CDataObject holds: an int (wrapped to its width), a double, or bytes/None for pointers. */
export type CValue = bigint | number | boolean | string | null;

export interface SimpleObj {
  value: CValue;
}

const registry = new WeakMap<Vm, Map<number, SimpleInfo>>();

/** The simple type behind a type id, or null (not a ctypes simple type). */
export function simpleInfo(vm: Vm, typeId: number): SimpleInfo | null {
  return registry.get(vm)?.get(typeId) ?? null;
}

/** The simple types by name, with their aliases: installed on the ctypes module. */
export function installSimpleTypes(vm: Vm): Map<string, number> {
  const byId = new Map<number, SimpleInfo>();
  registry.set(vm, byId);
  const out = new Map<string, number>();
  for (const info of SIMPLE) {
    const s = simpleType(vm.newTypeId(), info);
    readyStaticType(vm, s);
    byId.set(s.id, info);
    out.set(info.name, s.typeObject);
  }
  for (const [alias, of] of ALIASES) out.set(alias, out.get(of)!);
  return out;
}

/** Wrap an int to the C type's width (PyLong_AsUnsignedLongMask and the truncating stores of cfield.c). */
export function wrapInt(info: SimpleInfo, v: bigint): bigint {
  const bits = BigInt(info.size * 8);
  return info.signed ? BigInt.asIntN(Number(bits), v) : BigInt.asUintN(Number(bits), v);
}

const isInt = (vm: Vm, h: number) => vm.table.type[h] === T.Int || vm.table.type[h] === T.Bool;

/** The setfunc of cfield.c for the type's code: a Python object to the stored C value, or a TypeError. */
export function toCValue(vm: Vm, info: SimpleInfo, h: number): CValue {
  const t = vm.table.type[h];
  switch (info.kind) {
    case 'int':
      if (!isInt(vm, h)) throw typeError(vm, "'%.200s' object cannot be interpreted as an integer", vm.types[t].name);
      return wrapInt(info, BigInt(intValue(vm, h)));
    case 'float':
      if (t === T.Float) return info.code === 'f' ? Math.fround(vm.table.num[h]) : vm.table.num[h];
      if (isInt(vm, h)) {
        const v = Number(intValue(vm, h));
        return info.code === 'f' ? Math.fround(v) : v;
      }
      throw typeError(vm, 'must be real number, not %.200s', vm.types[t].name);
    case 'bool':
      return isTrue(vm, h);
    case 'char':
      if (t === T.Bytes && byteLength(bytesContent(vm, h)) === 1)
        return String.fromCharCode(byteAt(bytesContent(vm, h), 0));
      if (isInt(vm, h)) {
        const v = Number(intValue(vm, h));
        if (v >= 0 && v < 256) return String.fromCharCode(v);
      }
      throw typeError(vm, 'one character bytes, bytearray or integer expected');
    case 'char_p':
      if (h === vm.s.None) return null;
      if (t === T.Bytes) return latin1Of(vm, h);
      throw typeError(vm, 'bytes or integer address expected instead of %.200s instance', vm.types[t].name);
    case 'void_p':
      if (h === vm.s.None) return null;
      if (isInt(vm, h)) return BigInt.asUintN(64, BigInt(intValue(vm, h)));
      throw typeError(vm, 'cannot be converted to pointer');
  }
}

function latin1Of(vm: Vm, h: number): string {
  const c = bytesContent(vm, h);
  if (typeof c === 'string') return c;
  let s = '';
  for (let i = 0; i < byteLength(c); i++) s += String.fromCharCode(byteAt(c, i));
  return s;
}

/** The getfunc: the stored value as a new Python object (c_char_p: the bytes up to the NUL). */
export function fromCValue(vm: Vm, info: SimpleInfo, v: CValue): number {
  switch (info.kind) {
    case 'int': {
      // a small value is a number, so the small-int cache answers (no allocation for `.value` of 5)
      const b = v as bigint;
      return fromLong(vm, b >= -(2n ** 53n) && b <= 2n ** 53n ? Number(b) : b);
    }
    case 'float':
      return fromDouble(vm, v as number);
    case 'bool':
      vm.incref(v ? vm.s.True : vm.s.False);
      return v ? vm.s.True : vm.s.False;
    case 'char':
      return bytesNew(vm, v as string);
    case 'char_p': {
      if (v === null) break;
      const s = v as string;
      const nul = s.indexOf('\0');
      return bytesNew(vm, nul < 0 ? s : s.slice(0, nul));
    }
    case 'void_p': {
      if (v === null || v === 0n) break;
      const b = v as bigint;
      return fromLong(vm, b <= 2n ** 53n ? Number(b) : b);
    }
  }
  vm.incref(vm.s.None);
  return vm.s.None;
}

const zeroOf = (info: SimpleInfo): CValue =>
  info.kind === 'int' ? 0n : info.kind === 'float' ? 0 : info.kind === 'bool' ? false : info.kind === 'char' ? '\0' : null;

/** A new instance of a simple type holding `value` (GenericPyCData_new + Simple_init). */
export function simpleNew(vm: Vm, typeId: number, value: CValue): number {
  const h = vm.newGcObject(typeId, CDATA_BASIC);
  vm.table.side[h] = { value } satisfies SimpleObj;
  vm.gc.track(h);
  return h;
}

function reprValue(vm: Vm, info: SimpleInfo, h: number): string {
  const v = (vm.table.side[h] as SimpleObj).value;
  switch (info.kind) {
    case 'float':
      return floatRepr(v as number);
    case 'bool':
      return v ? 'True' : 'False';
    case 'char': {
      const c = (v as string).charCodeAt(0);
      return c >= 0x20 && c < 0x7f && c !== 0x27 && c !== 0x5c ? `b'${v as string}'` : `b'\\x${c.toString(16).padStart(2, '0')}'`;
    }
    case 'char_p':
      // Simple_repr of a pointer type: the address held, not the text
      return v === null ? 'None' : String(vm.id(h) + 32);
    case 'void_p':
      return v === null || v === 0n ? 'None' : String(v);
    default:
      return String(v);
  }
}

const simpleType = (id: number, info: SimpleInfo): TypeSlots =>
  defineType({
    id,
    name: info.name,
    module: 'ctypes',
    basicsize: CDATA_BASIC,
    flags: TpFlags.HaveGc | TpFlags.BaseType,
    new: (vm, type, args) => {
      const items = tupleItems(vm, args);
      if (items.length > 1) throw typeError(vm, 'function takes at most 1 argument (%d given)', items.length);
      const value = items.length ? toCValue(vm, info, items[0]) : zeroOf(info);
      return simpleNew(vm, type.id, value);
    },
    dealloc: (vm, h) => vm.gcDel(h),
    reprText: (vm, h) => `${info.name}(${reprValue(vm, info, h)})`,
    getset: {
      value: {
        name: 'value',
        get: (vm, h) => fromCValue(vm, info, (vm.table.side[h] as SimpleObj).value),
        set: (vm, h, v) => {
          if (v === 0) throw raiseString(vm, E.TypeError, "can't delete attribute");
          (vm.table.side[h] as SimpleObj).value = toCValue(vm, info, v);
        },
      },
    },
  });

/** sizeof() of a simple type or instance; null for anything else. */
export function simpleSize(vm: Vm, h: number): number | null {
  const t = vm.table.type[h];
  const asType = vm.types[t].mro.includes(T.Type) ? simpleInfo(vm, (vm.table.side[h] as TypeSlots).id) : null;
  return (asType ?? simpleInfo(vm, t))?.size ?? null;
}

