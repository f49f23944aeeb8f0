import { memoryError } from '../errors';
import type { Vm } from '../runtime/vm';
import { T } from './types';

/**
 * bytes (Objects/bytesobject.c): one allocation of PyBytesObject_SIZE = 33 + n bytes
 * (_PyBytes_FromSize: PyObject_Malloc, or PyObject_Calloc for bytes(n)). bytearray
 * (Objects/bytearrayobject.c): a 56-byte object plus a buffer grown by PyByteArray_Resize with
 * PyObject_Realloc. Contents are kept as a latin-1 JS string, or as a uniform fill for the big
 * zero-filled ones (bytes(10**8) must not become a 100 MB JS string).
 */
export const BYTES_HEADER = 33;
export const BYTEARRAY_SIZE = 56;

export type ByteContent = string | { fill: number; length: number; patches?: Map<number, number> };

export function byteLength(c: ByteContent): number {
  return typeof c === 'string' ? c.length : c.length;
}

export function byteAt(c: ByteContent, i: number): number {
  if (typeof c === 'string') return c.charCodeAt(i);
  return c.patches?.get(i) ?? c.fill;
}

/** The content as a string, when small enough to spell out. */
export function byteString(c: ByteContent): string | null {
  if (typeof c === 'string') return c;
  if (c.length > 1 << 20) return null;
  let s = String.fromCharCode(c.fill).repeat(c.length);
  if (c.patches) for (const [i, b] of c.patches) s = s.slice(0, i) + String.fromCharCode(b) + s.slice(i + 1);
  return s;
}

export function bytesContent(vm: Vm, h: number): ByteContent {
  return vm.table.side[h] as ByteContent;
}

/** A new bytes object (empty and 1-byte values are the singletons, as _PyBytes_FromSize returns). */
export function bytesNew(vm: Vm, c: ByteContent, zeroed = false): number {
  const n = byteLength(c);
  if (n === 0) return vm.s.emptyBytes;
  if (n === 1) return vm.s.byteChar(byteAt(c, 0));
  const size = BYTES_HEADER + n;
  const p = zeroed ? vm.mem.calloc(1, size) : vm.mem.malloc(size);
  if (p === 0) throw memoryError();
  // PyObject_Calloc leaves the zeroing to the allocator; a copy writes every byte.
  vm.mem.touch(p, zeroed ? BYTES_HEADER : size);
  const h = vm.table.newHandle(T.Bytes);
  vm.table.addr[h] = p;
  vm.table.n[h] = n;
  vm.table.side[h] = c;
  return h;
}

/** bytearray(n) (PyType_GenericAlloc + bytearray___init__): the object, then the zeroed buffer. */
export function bytearrayNew(vm: Vm, count: number): number {
  const h = vm.newObject(T.ByteArray, BYTEARRAY_SIZE);
  vm.table.side[h] = { fill: 0, length: 0 };
  if (count > 0) {
    bytearrayResize(vm, h, count);
    vm.mem.touch(vm.table.ptr[h], count); // memset(..., 0, count)
    vm.table.side[h] = { fill: 0, length: count };
  }
  return h;
}

/** PyByteArray_Resize: over-allocates by 1/8 (+3 or +6) on moderate growth, else exact size + 1. */
export function bytearrayResize(vm: Vm, h: number, size: number): void {
  const t = vm.table;
  if (size === t.n[h]) return;
  let alloc = t.cap[h];
  if (size + 1 <= alloc) {
    if (size < Math.floor(alloc / 2)) alloc = size + 1;
    else {
      t.n[h] = size;
      vm.mem.touch(t.ptr[h] + size, 1);
      return;
    }
  } else if (size <= alloc * 1.125) alloc = size + (size >> 3) + (size < 9 ? 3 : 6);
  else alloc = size + 1;
  const p = vm.mem.realloc(t.ptr[h], alloc);
  if (p === 0) throw memoryError();
  t.ptr[h] = p;
  t.n[h] = size;
  t.cap[h] = alloc;
  vm.mem.touch(p + size, 1); // the trailing NUL
}

/** bytearray_dealloc: the buffer, then the object. */
export function bytearrayDealloc(vm: Vm, h: number): void {
  vm.mem.free(vm.table.ptr[h]);
  vm.objectFree(h);
}

/** b[i] = v */
export function bytearraySet(vm: Vm, h: number, i: number, v: number): void {
  const t = vm.table;
  let c = t.side[h] as ByteContent;
  if (typeof c === 'string') c = c.slice(0, i) + String.fromCharCode(v) + c.slice(i + 1);
  else (c.patches ??= new Map()).set(i, v);
  t.side[h] = c;
  vm.mem.touch(t.ptr[h] + i, 1);
}
