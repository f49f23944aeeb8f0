import type { Vm } from '../runtime/vm';
import { bufferWrite, getWritableBuffer, releaseBuffer } from './buffer';
import { bytesioBytes, bytesioState } from './bytesio';
import { E } from './exctypes';
import { raiseString } from '../abstract/errors';
import { fromSsize } from './int';
import { isMemoryview, memoryviewBuffer } from './memoryview';

/**
 * _io_BytesIO_readinto_impl: the argument taken writable first ("w*", so bytes is a TypeError
 * even on a closed file), then min(len(b), string_size − pos) bytes memcpy'd from pos into it.
 * Nothing is allocated but the count (a small int up to 256).
 */
export function bytesioReadinto(vm: Vm, self: number, b: number): number {
  const mv = isMemoryview(vm, b);
  const view = getWritableBuffer(vm, b, mv ? memoryviewBuffer(vm, b) : null, 'readinto');
  try {
    const st = bytesioState(vm, self);
    if (st.buf === 0 || st.closed) throw raiseString(vm, E.ValueError, 'I/O operation on closed file.');
    const n = Math.max(0, Math.min(view.len, st.stringSize - st.pos));
    const bytes = bytesioBytes(vm, st, st.pos, st.pos + n);
    bufferWrite(vm, view, 0, bytes);
    st.pos += n;
    return fromSsize(vm, n);
  } finally {
    if (!mv) releaseBuffer(vm, view);
  }
}
