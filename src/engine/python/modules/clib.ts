import { byteAt, type ByteContent } from '../objects/bytes';
import { bufferByte, getBuffer, hasBuffer, releaseBuffer, type BufferView } from '../objects/buffer';
import { readBytes } from '../objects/bytesread';
import { isMemoryview, memoryviewBuffer } from '../objects/memoryview';
import { typeError } from '../abstract/errors';
import { typeName } from '../abstract/object';
import { T } from '../objects/types';
import type { Vm } from '../runtime/vm';

/**
 * What a C library linked into an extension (OpenSSL for _hashlib, zlib, libmpdec, libuuid) asks
 * glibc for: plain malloc/free, outside CPython's allocator domains, so neither the PyMem log nor
 * tracemalloc sees them (the recorder logs them as "L m SIZE"). `written` bytes become resident.
 */
export function cMalloc(vm: Vm, size: number, written = size): number {
  const p = vm.mem.pymalloc.rawMalloc(size);
  vm.mem.touch(p, Math.min(size, written));
  return p;
}

export function cFree(vm: Vm, p: number): void {
  if (p !== 0) vm.mem.pymalloc.rawFree(p);
}

/**
 * PyObject_GetBuffer(obj, PyBUF_SIMPLE) as _hashlib, zlib and binascii take their data (GET_BUFFER_VIEW_OR_ERROUT):
 * a str is "Strings must be encoded before hashing" where `strMessage` says so, anything without the
 * buffer protocol "object supporting the buffer API required".
 */
export function dataView(vm: Vm, h: number, strMessage: string | null): BufferView {
  if (strMessage !== null && vm.table.type[h] === T.Str) throw typeError(vm, strMessage);
  if (isMemoryview(vm, h)) return { ...memoryviewBuffer(vm, h) };
  if (!hasBuffer(vm, h)) {
    if (strMessage !== null) throw typeError(vm, 'object supporting the buffer API required');
    throw typeError(vm, "a bytes-like object is required, not '%.100s'", typeName(vm, h));
  }
  return getBuffer(vm, h);
}

export function releaseView(vm: Vm, view: BufferView): void {
  if (!isMemoryview(vm, view.obj)) releaseBuffer(vm, view);
}

const CHUNK = 1 << 16;

/** The view's bytes, 64 KiB at a time (a 100 MB bytes(n) is never spelled out at once). */
export function forEachChunk(vm: Vm, view: BufferView, fn: (chunk: Uint8Array) => void): void {
  const t = vm.table.type[view.obj];
  const content = t === T.Bytes || t === T.ByteArray ? (vm.table.side[view.obj] as ByteContent) : null;
  const buf = new Uint8Array(Math.min(CHUNK, view.len));
  for (let off = 0; off < view.len; off += CHUNK) {
    const n = Math.min(CHUNK, view.len - off);
    const base = view.offset + off;
    if (content !== null) readBytes(vm, view.obj, base, n); // the C loop's reads: fresh pages fault in
    if (typeof content === 'string') for (let i = 0; i < n; i++) buf[i] = content.charCodeAt(base + i);
    else if (content !== null) for (let i = 0; i < n; i++) buf[i] = byteAt(content, base + i);
    else for (let i = 0; i < n; i++) buf[i] = bufferByte(vm, view.obj, base + i);
    fn(n === buf.length ? buf : buf.subarray(0, n));
  }
}

/** The whole view as bytes (for the small inputs: uuid's 16 bytes, a digest key). */
export function viewBytes(vm: Vm, view: BufferView): Uint8Array {
  const out = new Uint8Array(view.len);
  let at = 0;
  forEachChunk(vm, view, (c) => {
    out.set(c, at);
    at += c.length;
  });
  return out;
}

/** A byte array as the latin-1 string bytes objects hold. */
export function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}
