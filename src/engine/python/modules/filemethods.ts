import { raiseString, valueError } from '../abstract/errors';
import { memoryError, NotSupported } from '../errors';
import { BYTES_HEADER } from '../objects/bytes';
import { exc } from '../objects/exctypes';
import { fromSsize, intValue } from '../objects/int';
import { listAppend, listExtend, listNew, listPut } from '../objects/list';
import { strKindOf, strNew, strResult, strValue } from '../objects/str';
import { Meth, T, type MethodDef } from '../objects/types';
import type { Vm } from '../runtime/vm';
import {
  bufferedWrite,
  writesThrough,
  bytesArg,
  rawCall,
  bytesResult,
  checkOpen,
  closeFile,
  flushBuffer,
  stateOf,
  type FileState,
} from './fileobj';
import { simFs } from './simfs';
import { readAllBytes as readBufferWhole } from '../objects/bytesread';
import { fileReadinto } from './filereadinto';
import { decodeNewlines, lineEnd, mallocOrFail, readsUniversal, translateWrite } from './textnewline';

/**
 * The methods of the simulated files (fileobj.ts), with the blocks 3.11.7 makes (measured,
 * testdata/files_cases.json):
 *  - readall (read() of a binary file, and under text read()): a transient 72-byte block, the bytes
 *    object of size + 1 (FileIO.readall's guess from fstat), shrunk to what was read.
 *  - text read(): that, decoded into one str, the bytes freed; a 56-byte block the wrapper keeps.
 *  - read_chunk (readline, iteration, readlines): the size as an int (8192 > 256: 28 bytes), read1's
 *    bytes of 33 + 8192 (shrunk, or freed at the end of the file), the decoder call's 128/184/28
 *    blocks, the decoded chunk (a str the wrapper holds until the next chunk); readline keeps the
 *    bytes as the snapshot, iteration (telling off) frees them. Each line is a new str cut from the
 *    chunk; a line across two chunks is joined from a list of its two parts.
 *  - text write: an ASCII str is kept as it is in pending_bytes (one object, then a list of them:
 *    PyList_New(2) and appends), joined into one bytes when pending reaches 8192 (chunk_size) and
 *    written to the buffer; close() and flush() do the same first.
 *  - binary write: copied into the 4096-byte buffer (no allocation), written through when bigger.
 */
const CHUNK_SIZE = 8192;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

/** A call's transients: all allocated, then freed in the same order (or last first, `lifo`). */
function transients(vm: Vm, sizes: number[], lifo = false): void {
  const ps = sizes.map((n) => mallocOrFail(vm, n));
  if (lifo) ps.reverse();
  for (const p of ps) vm.mem.free(p);
}

/** The bytes still to read from the file (and the read buffer). */
export function readRaw(vm: Vm, st: FileState, n: number): Uint8Array {
  if (st.pending) flushText(vm, st);
  flushBuffer(vm, st);
  return simFs(vm).read(vm, st.fd, n);
}

/** FileIO.readall under BufferedReader.read(): bytes of size + 1, shrunk to size. */
function readAllBytes(vm: Vm, st: FileState): { data: Uint8Array; block: number } {
  const tmp = mallocOrFail(vm, 72);
  const f = simFs(vm).file(vm, st.fd);
  const guess = Math.max(f.inode.size - f.pos, 0) + 1;
  let block = mallocOrFail(vm, BYTES_HEADER + guess);
  const data = readRaw(vm, st, guess);
  vm.mem.touch(block, BYTES_HEADER + data.length);
  if (data.length < guess) {
    const q = vm.mem.realloc(block, BYTES_HEADER + data.length);
    if (q === 0) throw memoryError();
    block = q;
  }
  vm.mem.free(tmp);
  return { data, block };
}

/** read_chunk: read1(8192) into a bytes object, decoded into the chunk str the wrapper holds. */
function readChunk(vm: Vm, st: FileState, telling: boolean): string {
  // the consumed chunk is dropped first (textiowrapper_set_decoded_chars(self, NULL))
  if (st.decoded) vm.decref(st.decoded);
  st.decoded = 0;
  // a 56-byte block the wrapper makes once and keeps (measured: before the first chunk when
  // telling, after the first chunk's decode when iterating)
  const keepOnce = (): void => {
    if (!st.chunkKept) {
      st.chunkKept = true;
      st.keeps.push(mallocOrFail(vm, 56));
    }
  };
  if (telling) keepOnce();
  const size = mallocOrFail(vm, 28);
  let block = mallocOrFail(vm, BYTES_HEADER + CHUNK_SIZE);
  const data = rawCall(
    vm,
    (d: Uint8Array) => d.length,
    () => readRaw(vm, st, CHUNK_SIZE),
  );
  if (data.length === 0) {
    vm.mem.free(block);
    block = 0;
  } else if (data.length < CHUNK_SIZE) {
    const q = vm.mem.realloc(block, BYTES_HEADER + data.length);
    if (q === 0) throw memoryError();
    block = q;
  }
  if (block) vm.mem.touch(block, BYTES_HEADER + data.length);
  vm.mem.free(size);
  let text = decoder.decode(data, { stream: data.length > 0 });
  st.decoded = text.length ? strNew(vm, text) : 0;
  if (block) {
    if (!telling) keepOnce();
    transients(vm, [32, 48], true);
    if (readsUniversal(st.newline)) {
      const out = decodeNewlines(vm, st, text, st.decoded, data.length === 0);
      text = out.text;
      st.decoded = out.output;
    }
    if (st.snapshot) vm.decref(st.snapshot);
    st.snapshot = 0;
    if (telling) st.snapshot = rawBytesHandle(vm, block, data);
    else vm.mem.free(block);
  } else if (st.pendingCr) {
    // the end of the file: the held '\r' comes out on the final call
    const out = decodeNewlines(vm, st, text, st.decoded, true);
    text = out.text;
    st.decoded = out.output;
  }
  if (data.length === 0) st.eof = true;
  return text;
}

/** A bytes object over a block already allocated (the snapshot's next_input). */
function rawBytesHandle(vm: Vm, block: number, data: Uint8Array): number {
  const h = vm.table.newHandle(T.Bytes);
  vm.table.addr[h] = block;
  vm.table.n[h] = data.length;
  let s = '';
  for (let i = 0; i < data.length; i += 8192) s += String.fromCharCode(...data.subarray(i, i + 8192));
  vm.table.side[h] = s;
  return h;
}

/** _textiowrapper_readline: the line from the held chunk, or joined across chunks. Returns a str ('' at the end). */
function readLine(vm: Vm, st: FileState, telling: boolean): number {
  checkOpen(vm, st);
  if (!st.readable) throw raiseString(vm, exc('UnsupportedOperation'), 'not readable');
  let end = lineEnd(st.newline, st.rest);
  if (end >= 0) return cut(vm, st, end);
  if (st.rest === '') {
    if (st.eof) return strNew(vm, '');
    st.rest = readChunk(vm, st, telling);
    end = lineEnd(st.newline, st.rest);
    if (end >= 0) return cut(vm, st, end);
    if (st.rest === '') return strNew(vm, '');
  }
  // a line across chunks: its parts in a list, joined
  const parts = listNew(vm, 0);
  for (;;) {
    // newline='\r\n' reads without the newline decoder: its '\r' may end one chunk, its '\n' begin the next
    const crBefore = st.newline === '\r\n' && st.rest.endsWith('\r');
    listAppend(vm, parts, strNew(vm, st.rest));
    st.rest = st.eof ? '' : readChunk(vm, st, telling);
    end = crBefore && st.rest.startsWith('\n') ? 1 : lineEnd(st.newline, st.rest);
    if (end >= 0 || st.rest === '') break;
  }
  const tail = end >= 0 ? st.rest.slice(0, end) : '';
  st.rest = end >= 0 ? st.rest.slice(end) : '';
  if (tail) listAppend(vm, parts, strResult(vm, tail)); // PyUnicode_Substring: one latin-1 character is the cached one
  let text = '';
  for (let i = 0; i < vm.table.n[parts]; i++) text += strValue(vm, vm.pool.data[vm.table.ref[parts] + i]);
  const line = strNew(vm, text);
  vm.decref(parts);
  return line;
}

function cut(vm: Vm, st: FileState, n: number): number {
  const line = st.rest.slice(0, n);
  st.rest = st.rest.slice(n);
  return strResult(vm, line);
}

/** tp_iternext of a text file (telling off), or of a binary one (IOBase's readline). */
export function textIter(vm: Vm, h: number): number {
  const st = stateOf(vm, h);
  const line = st.kind === 'TextIOWrapper' ? readLine(vm, st, false) : binaryReadline(vm, st);
  if (vm.table.n[line] === 0) {
    vm.decref(line);
    return 0;
  }
  return line;
}

function binaryReadline(vm: Vm, st: FileState): number {
  checkOpen(vm, st);
  const f = simFs(vm).file(vm, st.fd);
  const all = f.inode.bytes();
  let end = all.indexOf(10, f.pos);
  end = end < 0 ? all.length : end + 1;
  const data = readRaw(vm, st, end - f.pos);
  return bytesResult(vm, data);
}

/** _textiowrapper_writeflush: pending joined into one bytes, written to the buffer (write()'s int result), freed. */
function flushText(vm: Vm, st: FileState): void {
  if (!st.pending) return;
  const pending = st.pending;
  const count = st.pendingCount;
  st.pending = 0;
  st.pendingCount = 0;
  let data: Uint8Array;
  let joined = 0;
  if (vm.table.type[pending] === T.Bytes) data = bytesArg(vm, pending);
  else {
    const items: number[] =
      vm.table.type[pending] === T.List
        ? Array.from(
            vm.pool.data.subarray(vm.table.ref[pending], vm.table.ref[pending] + vm.table.n[pending]),
          )
        : [pending];
    const parts = items.map((it) =>
      vm.table.type[it] === T.Str ? encoder.encode(strValue(vm, it)) : bytesArg(vm, it),
    );
    data = new Uint8Array(count);
    let at = 0;
    for (const p of parts) {
      data.set(p, at);
      at += p.length;
    }
    joined = mallocOrFail(vm, BYTES_HEADER + count);
    vm.mem.touch(joined, BYTES_HEADER + count);
  }
  vm.decref(pending);
  bufferedWrite(vm, st, data);
  // buffer.write's result: an int past the small ones
  const result = count > 256 ? mallocOrFail(vm, 28) : 0;
  if (joined) vm.mem.free(joined);
  if (result) vm.mem.free(result);
}

/** textiowrapper_write: ASCII kept as the str, else encoded; pending flushed at 8192 bytes or on '\n' when line-buffered (never here). */
function textWrite(vm: Vm, st: FileState, text: number): number {
  if (vm.table.type[text] !== T.Str)
    throw raiseString(vm, exc('TypeError'), `write() argument must be str, not ${vm.typeOf(text).name}`);
  const written = strValue(vm, text);
  // newline '\r' or '\r\n': the text written is text.replace('\n', writenl), a new str
  const translated = translateWrite(vm, st.newline, written);
  const s = translated.text;
  let b: number;
  let n: number;
  if (strKindOf(s) === 0) {
    if (translated.handle) b = translated.handle;
    else {
      vm.incref(text);
      b = text;
    }
    n = s.length;
  } else {
    const data = encoder.encode(s);
    b = bytesResult(vm, data);
    n = data.length;
    if (translated.handle) vm.decref(translated.handle);
  }
  if (st.pendingCount + n > CHUNK_SIZE) {
    // never more than chunk_size joined: what is pending goes first
    flushText(vm, st);
    st.pending = b;
  } else if (st.pending === 0) st.pending = b;
  else if (vm.table.type[st.pending] !== T.List) {
    // PyList_New(2) holding the two
    const l = listNew(vm, 2);
    listPut(vm, l, 0, st.pending);
    listPut(vm, l, 1, b);
    st.pending = l;
  } else listAppend(vm, st.pending, b);
  st.pendingCount += n;
  if (st.pendingCount >= CHUNK_SIZE) flushText(vm, st);
  return fromSsize(vm, written.length);
}

const M = (name: string, flags: number, impl: MethodDef['impl']): [string, MethodDef] => [
  name,
  { name, flags, impl },
];

function notReadable(vm: Vm): never {
  throw raiseString(vm, exc('UnsupportedOperation'), 'not readable');
}

function read(vm: Vm, h: number, a: readonly number[]): number {
  const st = stateOf(vm, h);
  checkOpen(vm, st);
  if (!st.readable) notReadable(vm);
  const n = a.length && a[0] !== vm.s.None ? Number(intValue(vm, a[0])) : -1;
  if (st.kind !== 'TextIOWrapper') {
    if (n >= 0) return bytesResult(vm, readRaw(vm, st, n));
    const { data, block } = readAllBytes(vm, st);
    return rawBytesHandle(vm, block, data);
  }
  if (n >= 0) throw new NotSupported('read(size) of a text file');
  const { data, block } = readAllBytes(vm, st);
  let fresh = decoder.decode(data);
  const universal = readsUniversal(st.newline);
  if (universal && st.pendingCr && st.rest !== '') {
    // the '\r' held back from the last chunk goes after what of it is left
    fresh = '\r' + fresh;
    st.pendingCr = false;
  }
  const text = st.rest + fresh;
  st.rest = '';
  let out = strNew(vm, text);
  if (!st.readKept) {
    st.readKept = true;
    st.keeps.push(mallocOrFail(vm, 56));
  }
  transients(vm, [32, 48], true);
  if (universal) {
    // decode(final=True) under the newline decoder: '\r\n' and '\r' translated when newline is None
    out = decodeNewlines(vm, st, text, out, true).output || strNew(vm, '');
  }
  vm.mem.free(block);
  return out;
}

export const FILE_METHODS = {
  flushText,
  methods: Object.fromEntries([
    M('read', Meth.Fastcall, read),
    M('readinto', Meth.O, (vm, h, a) => fileReadinto(vm, h, a[0])),
    M('readline', Meth.Fastcall, (vm, h, a) => {
      const st = stateOf(vm, h);
      if (a.length && a[0] !== vm.s.None && Number(intValue(vm, a[0])) >= 0)
        throw new NotSupported('readline(size)');
      return st.kind === 'TextIOWrapper' ? readLine(vm, st, true) : binaryReadline(vm, st);
    }),
    M('readlines', Meth.Fastcall, (vm, h, a) => {
      if (a.length && a[0] !== vm.s.None && Number(intValue(vm, a[0])) > 0)
        throw new NotSupported('readlines(hint)');
      checkOpen(vm, stateOf(vm, h));
      // _io__IOBase_readlines_impl: list.extend(self) (list_extend over the iterator)
      const out = listNew(vm, 0);
      listExtend(vm, out, h);
      return out;
    }),
    M('write', Meth.O, (vm, h, a) => {
      const st = stateOf(vm, h);
      checkOpen(vm, st);
      if (!st.writable) throw raiseString(vm, exc('UnsupportedOperation'), 'not writable');
      if (st.kind === 'TextIOWrapper') return textWrite(vm, st, a[0]);
      const data = bytesArg(vm, a[0], false);
      // what is copied into the buffer is read by the memcpy; what goes straight to the kernel is
      // read by copy_from_user, except /dev/null's write_null, which reads nothing (reads-14
      // measured +12 KB real for 2 MB of calloc'd bytes written there, +7,824 KB to a file)
      const direct = st.kind === 'FileIO' || writesThrough(st, data.length);
      if (!direct || !simFs(vm).isNullDevice(st.fd)) readBufferWhole(vm, a[0]);
      if (st.kind === 'FileIO') simFs(vm).write(vm, st.fd, data);
      else bufferedWrite(vm, st, data);
      return fromSsize(vm, data.length);
    }),
    M('writelines', Meth.O, () => {
      throw new NotSupported('writelines() of a file');
    }),
    M('flush', Meth.NoArgs, (vm, h) => {
      const st = stateOf(vm, h);
      checkOpen(vm, st);
      if (st.kind === 'TextIOWrapper') flushText(vm, st);
      flushBuffer(vm, st);
      return vm.s.None;
    }),
    M('close', Meth.NoArgs, (vm, h) => (closeFile(vm, stateOf(vm, h), flushText), vm.s.None)),
    M('fileno', Meth.NoArgs, (vm, h) => (checkOpen(vm, stateOf(vm, h)), fromSsize(vm, stateOf(vm, h).fd))),
    M(
      'readable',
      Meth.NoArgs,
      (vm, h) => (checkOpen(vm, stateOf(vm, h)), vm.s.bool(stateOf(vm, h).readable)),
    ),
    M(
      'writable',
      Meth.NoArgs,
      (vm, h) => (checkOpen(vm, stateOf(vm, h)), vm.s.bool(stateOf(vm, h).writable)),
    ),
    M('seekable', Meth.NoArgs, (vm, h) => (checkOpen(vm, stateOf(vm, h)), vm.s.True)),
    M('tell', Meth.NoArgs, (vm, h) => {
      const st = stateOf(vm, h);
      checkOpen(vm, st);
      if (st.kind === 'TextIOWrapper' && st.rest !== '')
        throw new NotSupported('tell() of a text file part-way through a chunk');
      return fromSsize(vm, simFs(vm).file(vm, st.fd).pos + st.wbuf.length);
    }),
    M('seek', Meth.Fastcall, (vm, h, a) => {
      const st = stateOf(vm, h);
      checkOpen(vm, st);
      const off = Number(intValue(vm, a[0]));
      const whence = a.length > 1 ? Number(intValue(vm, a[1])) : 0;
      if (st.kind === 'TextIOWrapper') {
        // _io_TextIOWrapper_seek_impl: seek(0) and seek(0, 2) (SEEK_END: flush, reset the decoder,
        // the buffer's seek) need no cookie; other cookies are opaque positions not modelled
        if (off !== 0 || (whence !== 0 && whence !== 2))
          throw new NotSupported('seek() of a text file other than seek(0) and seek(0, 2)');
        flushText(vm, st);
        st.rest = '';
        st.eof = false;
      }
      flushBuffer(vm, st);
      const f = simFs(vm).file(vm, st.fd);
      const pos = whence === 0 ? off : whence === 1 ? f.pos + off : f.inode.size + off;
      if (pos < 0) throw valueError(vm, `negative seek position ${pos}`);
      f.pos = pos;
      st.eof = false;
      return fromSsize(vm, pos);
    }),
    M('__enter__', Meth.NoArgs, (vm, h) => {
      checkOpen(vm, stateOf(vm, h));
      vm.incref(h);
      return h;
    }),
    M('__exit__', Meth.Varargs, (vm, h) => (closeFile(vm, stateOf(vm, h), flushText), vm.s.None)),
  ]) as Record<string, MethodDef>,
};
