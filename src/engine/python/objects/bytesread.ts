import type { Vm } from '../runtime/vm';
import { T, TpFlags } from './types';

/**
 * Where the C code reads a bytes or bytearray buffer (memchr/fastsearch, memcmp, _Py_HashBytes, a
 * decoder's loop, a memcpy's source): the pages it covers fault in (Mem.read, Kernel.readAnon).
 * Only bytes(n) can hold unwritten pages: _PyBytes_FromSize(n, use_calloc=1) leaves the zeroing
 * to calloc, which writes nothing of a fresh mmap (n >= 128 KiB) or of the brk top it grows into.
 * Measured on 3.11.7, this machine (docs/read-faults.md): bytes(8_000_000).count(b'x') +7,812 KB
 * VmRSS, b[:4_000_000] +3,904 KB beyond its copy, b.endswith(b'x') +4 KB (one page).
 */

/** PyBytesObject's ob_sval: after ob_refcnt, ob_type, ob_size and ob_shash. */
const OB_SVAL = 32;
/** A buffer this small is a pymalloc block, written whole when it was made (pymalloc_calloc's memset). */
const SMALL_OBJECT = 512;

/** The address of byte 0 of a bytes (or subclass) or bytearray buffer; 0 for other types. */
function dataAddress(vm: Vm, h: number): number {
  const t = vm.table.type[h];
  if (t === T.Bytes || (t !== T.ByteArray && vm.types[t].flags & TpFlags.BytesSubclass))
    return vm.table.n[h] + OB_SVAL + 1 <= SMALL_OBJECT ? 0 : vm.table.addr[h] + OB_SVAL;
  if (t === T.ByteArray) return vm.table.n[h] < SMALL_OBJECT ? 0 : vm.table.ptr[h] + vm.table.num[h]; // ob_start
  return 0;
}

/** The C code reads bytes [from, from + len) of `h`'s buffer. */
export function readBytes(vm: Vm, h: number, from: number, len: number): void {
  if (len <= 0) return;
  const base = dataAddress(vm, h);
  if (base !== 0) vm.mem.read(base + from, len);
}

/** All of `h`'s buffer is read (a hash, a decode, a copy, a search that finds nothing). */
export function readAllBytes(vm: Vm, h: number): void {
  readBytes(vm, h, 0, vm.table.n[h]);
}

/**
 * A strided read of `count` bytes from `start`, `step` apart (a slice with a step): every page the
 * span crosses is read when a step is under a page, else one page per byte read.
 */
export function readBytesStrided(vm: Vm, h: number, start: number, step: number, count: number): void {
  if (count <= 0) return;
  if (Math.abs(step) < 4096) {
    const last = start + (count - 1) * step;
    readBytes(vm, h, Math.min(start, last), Math.abs(last - start) + 1);
    return;
  }
  for (let k = 0; k < count; k++) readBytes(vm, h, start + k * step, 1);
}

/**
 * Byte `i` is read on its own (an iterator's next, an index): only the first byte read and a byte
 * that starts a page can fault a page in, so the rest cost nothing here.
 */
export function readByteAt(vm: Vm, h: number, i: number, first: boolean): void {
  const base = dataAddress(vm, h);
  if (base === 0) return;
  const at = base + i;
  if (first || at % 4096 === 0) vm.mem.read(at, 1);
}
