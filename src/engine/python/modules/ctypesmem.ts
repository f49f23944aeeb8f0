import { raiseString } from '../abstract/errors';
import { NotSupported } from '../errors';
import { E } from '../objects/exctypes';
import { TpFlags } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { CDATA_BASIC, fromCValue, toCValue, type CValue, type SimpleInfo } from './ctypessimple';

/**
 * The C bytes behind an array or a structure instance (CDataObject's b_ptr): inline in b_value
 * when they fit its 16 bytes, else a PyMem_Malloc'd block that GenericPyCData_new zeroes (memset:
 * every page of it becomes resident) and frees with the object. The bytes themselves are kept
 * here, so memmove/memset/string_at and field reads see what was written.
 */
export interface CBuffer {
  bytes: Uint8Array;
  /** The PyMem buffer (0: inline in b_value, or a view into b_base's bytes). */
  block: number;
  /** b_base: the object whose bytes a field or `.contents` view shares (0: its own bytes). */
  base?: number;
  /** A view's address (b_ptr inside its base). */
  address?: number;
}

/** b_value's size: a CDataObject holds up to 16 bytes of C data itself (measured: `c_int * 4` makes no buffer, `* 10` a 40-byte one). */
export const INLINE = 16;

/** The byte at which b_value sits in the object (past the GC head and CDataObject's fields). */
export const INLINE_OFFSET = 80;

const buffers = new WeakMap<Vm, Map<number, number>>();

/** The live C buffers by address (b_ptr → object), so an address from addressof() finds its bytes again. */
function bufferMap(vm: Vm): Map<number, number> {
  let m = buffers.get(vm);
  if (m === undefined) buffers.set(vm, (m = new Map()));
  return m;
}

export const cbufferOf = (vm: Vm, h: number): CBuffer | null => {
  const d = vm.table.side[h] as CBuffer | undefined;
  return d !== undefined && d !== null && d.bytes instanceof Uint8Array && typeof d.block === 'number' ? d : null;
};

/** b_ptr: the buffer, or b_value inside the object. */
export const bufferAddress = (vm: Vm, h: number): number => {
  const d = cbufferOf(vm, h)!;
  return d.address ?? (d.block !== 0 ? d.block : vm.id(h) + INLINE_OFFSET);
};

/** The object itself (not yet tracked). */
function cdataObject(vm: Vm, typeId: number): number {
  const s = vm.types[typeId];
  // a class's instance is the same 136-byte block as a built-in one's (measured: `MI()` of a
  // Structure subclass: "m 136"); it holds its class, which subtype_dealloc releases
  if (s.flags & TpFlags.HeapType) vm.incref(s.typeObject);
  return vm.newGcObject(typeId, CDATA_BASIC);
}

/**
 * PyCData_FromBaseObj: an object of `typeId` over `size` bytes at `offset` in `base`'s buffer (a
 * structure's array or structure field): no buffer of its own, writes land in the base's bytes.
 */
export function cdataView(vm: Vm, typeId: number, base: number, offset: number, size: number): number {
  const h = cdataObject(vm, typeId);
  const b = cbufferOf(vm, base)!;
  vm.incref(base);
  vm.table.side[h] = {
    bytes: b.bytes.subarray(offset, offset + size),
    block: 0,
    base,
    address: bufferAddress(vm, base) + offset,
  } satisfies CBuffer;
  vm.gc.track(h);
  return h;
}

/** GenericPyCData_new: a CDataObject of `typeId` with `size` bytes of C data (zeroed). */
export function cdataNew(vm: Vm, typeId: number, size: number): number {
  const h = cdataObject(vm, typeId);
  let block = 0;
  if (size > INLINE) {
    block = vm.mem.malloc(size);
    if (block === 0) {
      vm.gcDel(h);
      throw raiseString(vm, E.MemoryError, '');
    }
    vm.mem.touch(block, size);
  }
  vm.table.side[h] = { bytes: new Uint8Array(size), block } satisfies CBuffer;
  bufferMap(vm).set(block !== 0 ? block : vm.id(h) + INLINE_OFFSET, h);
  vm.gc.track(h);
  return h;
}

/** PyCData_traverse: a view holds its base. */
export function cdataTraverse(vm: Vm, h: number, visit: (ref: number) => void): void {
  const b = cbufferOf(vm, h)?.base;
  if (b) visit(b);
}

/** PyCData_dealloc: the buffer goes back with the object. */
export function cdataDealloc(vm: Vm, h: number): void {
  const d = cbufferOf(vm, h)!;
  vm.gc.untrack(h);
  if (d.base) vm.decref(d.base);
  else bufferMap(vm).delete(d.block !== 0 ? d.block : vm.id(h) + INLINE_OFFSET);
  if (d.block !== 0) vm.mem.free(d.block);
  vm.gcDel(h);
}

/** The bytes at a raw address, when it lies inside a live ctypes buffer: [bytes, offset] or null. */
export function bytesAtAddress(vm: Vm, address: number): [Uint8Array, number] | null {
  for (const [start, h] of bufferMap(vm)) {
    const d = cbufferOf(vm, h);
    if (d !== null && address >= start && address <= start + d.bytes.length) return [d.bytes, address - start];
  }
  return null;
}

/** A C scalar at `offset` read as the simple type's stored value (little-endian, x86-64). */
export function readScalar(info: SimpleInfo, bytes: Uint8Array, offset: number): CValue {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (info.kind) {
    case 'int':
      switch (info.size) {
        case 1:
          return BigInt(info.signed ? dv.getInt8(offset) : dv.getUint8(offset));
        case 2:
          return BigInt(info.signed ? dv.getInt16(offset, true) : dv.getUint16(offset, true));
        case 4:
          return BigInt(info.signed ? dv.getInt32(offset, true) : dv.getUint32(offset, true));
        default:
          return info.signed ? dv.getBigInt64(offset, true) : dv.getBigUint64(offset, true);
      }
    case 'float':
      if (info.size === 4) return dv.getFloat32(offset, true);
      if (info.size === 8) return dv.getFloat64(offset, true);
      break;
    case 'bool':
      return bytes[offset] !== 0;
    case 'char':
      return String.fromCharCode(bytes[offset]);
    case 'void_p': {
      const v = dv.getBigUint64(offset, true);
      return v === 0n ? null : v;
    }
    case 'char_p':
      break;
  }
  throw new NotSupported(`ctypes ${info.name} fields and array items`);
}

/** Store a value of the simple type at `offset`. */
export function writeScalar(info: SimpleInfo, bytes: Uint8Array, offset: number, v: CValue): void {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (info.kind) {
    case 'int': {
      const b = v as bigint;
      if (info.size === 1) dv.setUint8(offset, Number(BigInt.asUintN(8, b)));
      else if (info.size === 2) dv.setUint16(offset, Number(BigInt.asUintN(16, b)), true);
      else if (info.size === 4) dv.setUint32(offset, Number(BigInt.asUintN(32, b)), true);
      else dv.setBigUint64(offset, BigInt.asUintN(64, b), true);
      return;
    }
    case 'float':
      if (info.size === 4) return dv.setFloat32(offset, v as number, true);
      if (info.size === 8) return dv.setFloat64(offset, v as number, true);
      break;
    case 'bool':
      bytes[offset] = v ? 1 : 0;
      return;
    case 'char':
      bytes[offset] = (v as string).charCodeAt(0);
      return;
    case 'void_p':
      dv.setBigUint64(offset, v === null ? 0n : BigInt.asUintN(64, v as bigint), true);
      return;
    case 'char_p':
      break;
  }
  throw new NotSupported(`ctypes ${info.name} fields and array items`);
}

/** A field or item as a Python object (the getfunc of cfield.c for the type's code). */
export const getScalar = (vm: Vm, info: SimpleInfo, bytes: Uint8Array, offset: number): number =>
  fromCValue(vm, info, readScalar(info, bytes, offset));

/** A Python object stored into a field or item (the setfunc: TypeError for the wrong kind, ints wrapped). */
export function setScalar(vm: Vm, info: SimpleInfo, bytes: Uint8Array, offset: number, h: number): void {
  if (info.kind === 'char_p') throw new NotSupported(`ctypes ${info.name} fields and array items`);
  writeScalar(info, bytes, offset, toCValue(vm, info, h));
}
