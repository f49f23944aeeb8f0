import { memoryError } from '../errors';
import type { Vm } from '../runtime/vm';
import { bytearrayFromString, bytearrayResize, BYTEARRAY_SIZE } from './bytearray';
import { BYTES_HEADER, bytesNew, bytesUninit } from './bytes';
import { T } from './types';

/** _PyBytesWriter's small_buffer: 512 bytes on the C stack, no allocation until it overflows. */
export const WRITER_SMALL_BUFFER = 512;

/**
 * _PyBytesWriter (Objects/bytesobject.c), the builder behind bytes %, bytes(iterable) and
 * bytes.fromhex: the bytes go to a 512-byte stack buffer until a Prepare asks for more; then a
 * bytes object (or, for bytearray %, a bytearray) of the needed size is allocated, over-allocated
 * by a quarter when `overallocate` is set (Linux's OVERALLOCATE_FACTOR 4), and later grown with
 * _PyBytes_Resize / PyByteArray_Resize. Finish makes the result from the stack buffer
 * (PyBytes_FromStringAndSize: the 1-byte singletons) or cuts the object to the bytes written.
 * `minSize` is what Prepare has reserved; the text written so far is kept as a JS string.
 */
export class BytesWriter {
  allocated = WRITER_SMALL_BUFFER;
  minSize = 0;
  overallocate = false;
  text = '';
  private buffer = 0;

  constructor(
    private readonly vm: Vm,
    private readonly useBytearray = false,
  ) {}

  /** _PyBytesWriter_Alloc: the stack buffer, with `size` bytes reserved. */
  alloc(size: number): void {
    this.allocated = WRITER_SMALL_BUFFER;
    this.prepare(size);
  }

  /** _PyBytesWriter_Prepare: reserve `size` more bytes, resizing when past what is allocated. */
  prepare(size: number): void {
    if (size <= 0) return;
    const need = this.minSize + size;
    if (need > this.allocated) this.resize(need);
    this.minSize = need;
  }

  /** _PyBytesWriter_Resize. */
  resize(size: number): void {
    const vm = this.vm;
    let allocated = size;
    if (this.overallocate) allocated += Math.floor(allocated / 4);
    if (this.buffer !== 0) {
      if (this.useBytearray) bytearrayResize(vm, this.buffer, allocated);
      else bytesResizeInPlace(vm, this.buffer, allocated);
    } else {
      // the stack buffer's bytes move to a new object (PyBytes_FromStringAndSize(NULL, n))
      this.buffer = this.useBytearray ? bytearrayFromSize(vm, allocated) : bytesUninit(vm, allocated);
      const at = this.useBytearray ? vm.table.ptr[this.buffer] : vm.table.addr[this.buffer] + BYTES_HEADER;
      vm.mem.touch(at, this.text.length);
    }
    this.allocated = allocated;
  }

  /** Bytes written (memcpy into the reserved room: no allocation). */
  write(s: string): void {
    this.text += s;
  }

  /** _PyBytesWriter_Finish. */
  finish(): number {
    const vm = this.vm;
    const size = this.text.length;
    if (size === 0 && !this.useBytearray) {
      this.dealloc();
      return vm.s.emptyBytes;
    }
    if (this.buffer === 0)
      return this.useBytearray ? bytearrayFromString(vm, this.text) : bytesNew(vm, this.text);
    const out = this.buffer;
    this.buffer = 0;
    const t = vm.table;
    if (this.useBytearray) {
      if (size !== this.allocated) bytearrayResize(vm, out, size);
      vm.mem.touch(t.ptr[out], size);
    } else {
      if (size !== this.allocated) bytesResizeInPlace(vm, out, size);
      vm.mem.touch(t.addr[out] + BYTES_HEADER, size);
    }
    t.side[out] = size ? this.text : { fill: 0, length: 0 };
    return out;
  }

  /** _PyBytesWriter_Dealloc: the object, if one was made. */
  dealloc(): void {
    if (this.buffer !== 0) this.vm.decref(this.buffer);
    this.buffer = 0;
  }
}

/** _PyBytes_Resize of a bytes object nobody else holds: PyObject_Realloc of the whole object. */
export function bytesResizeInPlace(vm: Vm, h: number, size: number): void {
  const t = vm.table;
  const p = vm.mem.realloc(t.addr[h], BYTES_HEADER + size);
  if (p === 0) throw memoryError();
  t.addr[h] = p;
  t.n[h] = size;
}

/** PyByteArray_FromStringAndSize(NULL, n): the 56-byte object and n + 1 bytes not yet written. */
export function bytearrayFromSize(vm: Vm, n: number): number {
  const h = vm.newObject(T.ByteArray, BYTEARRAY_SIZE);
  const t = vm.table;
  t.side[h] = { fill: 0, length: n };
  t.num[h] = 0;
  if (n > 0) {
    const p = vm.mem.malloc(n + 1);
    if (p === 0) {
      vm.decref(h);
      throw memoryError();
    }
    t.ptr[h] = p;
    t.n[h] = n;
    t.cap[h] = n + 1;
  }
  return h;
}
