import { raiseString } from '../abstract/errors';
import { bufferWrite, getWritableBuffer, releaseBuffer } from '../objects/buffer';
import { E, exc } from '../objects/exctypes';
import { fromSsize } from '../objects/int';
import { isMemoryview, memoryviewBuffer } from '../objects/memoryview';
import type { Vm } from '../runtime/vm';
import { checkOpen, rawCall, stateOf, type FileState } from './fileobj';
import { readRaw } from './filemethods';
import { simFs, ST_BLKSIZE } from './simfs';

/**
 * Bytes the real BufferedReader holds past the logical position after a readinto (its read-ahead),
 * valid while the file's position is where that readinto left it. The simulated file is read only as
 * far as the caller consumed, so this decides only whether a later readinto calls the raw file.
 */
const readAhead = new WeakMap<FileState, { bytes: number; pos: number }>();

/**
 * _buffered_readinto_generic (BufferedReader/BufferedRandom.readinto): the writable buffer first
 * ("w*"), served from the read-ahead when it holds enough; otherwise each remaining part over the
 * buffer size is read straight into the caller's memory by one raw readinto, a smaller rest fills the
 * buffer (a raw read of 8192) and is copied out; a raw read of 0 ends it. Each raw call costs its
 * 128/184-byte transients and the count's int (rawCall, measured). FileIO.readinto is one read.
 */
export function fileReadinto(vm: Vm, h: number, b: number): number {
  const st = stateOf(vm, h);
  if (st.kind === 'TextIOWrapper')
    throw raiseString(vm, E.AttributeError, "'_io.TextIOWrapper' object has no attribute 'readinto'");
  const mv = isMemoryview(vm, b);
  const view = getWritableBuffer(vm, b, mv ? memoryviewBuffer(vm, b) : null, 'readinto');
  try {
    checkOpen(vm, st);
    if (!st.readable) throw raiseString(vm, exc('UnsupportedOperation'), 'File not open for reading');
    const fs = simFs(vm);
    const file = fs.file(vm, st.fd);
    const left = (): number => Math.max(0, file.inode.size - file.pos);
    let written = 0;
    /** The next n bytes of the file copied into the caller's buffer (memcpy): how many there were. */
    const take = (n: number): number => {
      const data = readRaw(vm, st, n);
      bufferWrite(vm, view, written, data);
      written += data.length;
      return data.length;
    };
    if (st.kind === 'FileIO') return fromSsize(vm, take(view.len));
    const ra = readAhead.get(st);
    let held = ra && ra.pos === file.pos ? ra.bytes : 0;
    if (held > 0) {
      held -= take(Math.min(held, view.len));
    }
    while (written < view.len) {
      const remaining = view.len - written;
      if (remaining > ST_BLKSIZE) {
        if (rawCall(vm, (k: number) => k, () => take(remaining)) === 0) break;
        continue;
      }
      // _bufferedreader_fill_buffer: a raw read of the whole buffer, `remaining` of it copied out
      const got = rawCall(vm, (k: number) => k, () => Math.min(ST_BLKSIZE, left()));
      if (got === 0) break;
      held = got - take(Math.min(got, remaining));
    }
    readAhead.set(st, { bytes: held, pos: file.pos });
    return fromSsize(vm, written);
  } finally {
    if (!mv) releaseBuffer(vm, view);
  }
}
