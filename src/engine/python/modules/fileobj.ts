import { raiseString, typeError, valueError } from '../abstract/errors';
import { memoryError, NotSupported } from '../errors';
import { byteAt, byteLength, bytesContent, bytesNew, BYTES_HEADER } from '../objects/bytes';
import { readAllBytes } from '../objects/bytesread';
import { exc } from '../objects/exctypes';
import { unpackKeywords } from '../objects/getargs';
import { fromSsize, intValue } from '../objects/int';
import { moduleType } from '../objects/modtypes';
import { strNew, strValue } from '../objects/str';
import { T, TpFlags, defineType, type Kwargs, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { FILE_METHODS, textIter } from './filemethods';
import { fspath } from './osfile';
import { absPath, parseMode, simFs, ST_BLKSIZE } from './simfs';
import { LEGAL_NEWLINES, readsUniversal, type Newline } from './textnewline';
import { lookupSpecial } from '../abstract/attr';

/**
 * open() of a file on the simulated file system (simfs.ts): _io.open's stack as 3.11 builds it, a
 * FileIO, a BufferedReader/Writer/Random over it with a buffer of st_blksize (4096 on /tmp, as
 * _io.open picks it), and in text mode a TextIOWrapper (utf-8) over that. What open() allocates is
 * replayed from the measured sequence (3.11.7, testdata/files_cases.json): the three objects, their
 * __dict__s and name/mode strs, the codec objects, the buffer; what outlives open() is held by the
 * file object and freed when it is deallocated, the buffer when it is closed.
 * Reading and writing (filemethods.ts, filetext.ts) make the blocks the real ones make: readall's
 * bytes (size + 1, shrunk), read_chunk's 8192-byte read1 and decoded str, each line's str, the
 * pending-bytes list of text writes joined and written when it reaches 8192 bytes (chunk_size).
 */
export type FileKind = 'FileIO' | 'BufferedReader' | 'BufferedWriter' | 'BufferedRandom' | 'TextIOWrapper';

export interface FileState {
  kind: FileKind;
  fd: number;
  /** What `name` gives: the path str given to open(), or the fd for os.fdopen. */
  name: string | number;
  mode: string;
  closefd: boolean;
  readable: boolean;
  writable: boolean;
  closed: boolean;
  /** Blocks open() left alive (freed at deallocation, last first). */
  keeps: number[];
  /** The Buffered* buffer (PyMem_Malloc(buffer_size)), 0 when unbuffered or closed. */
  buffer: number;
  /** Bytes written into the buffer and not yet flushed to the file. */
  wbuf: number[];
  // text mode (filetext.ts)
  /** The decoded chunk (a str handle) and what of it is not consumed yet. */
  decoded: number;
  rest: string;
  /** Bytes read but not decoded (the snapshot's next_input), a bytes handle or 0. */
  snapshot: number;
  /** pending_bytes: 0, one str/bytes, or a list; and pending_bytes_count. */
  pending: number;
  pendingCount: number;
  /** Bytes read into the read buffer and not consumed (binary reads). */
  eof: boolean;
  /** text read() and read_chunk keep a 56-byte block (measured) once each. */
  readKept: boolean;
  chunkKept: boolean;
  /** open()'s newline (textnewline.ts) and the newline decoder's held-back '\r'. */
  newline: Newline;
  pendingCr: boolean;
}

export const stateOf = (vm: Vm, h: number): FileState => vm.table.side[h] as FileState;

/**
 * The blocks open() makes, measured on 3.11.7 for a path of `pathLen` characters ('P' is the
 * fs-encoded path, 33 + length; 'B' the buffer; 'r' a transient realloc, replayed as a block).
 */
const OPEN_BINARY = 'm72 m64 m200 m52 f52 m97 f97 mP m64 m120 fP m51 m28 f28 m32 m56 m168 B f32 f51';
const OPEN_TEXT =
  'm72 m64 m200 m52 f52 m97 f97 mP m64 m120 fP m28 f28 m32 m56 m168 B f32 m80 m208 m54 m6 m54 f6 f54 m67 m55 m48 m56 m240';
/** Read modes: the IncrementalNewlineDecoder (40 bytes) only when newline is None or '' (readuniversal). */
const OPEN_TEXT_READ = OPEN_TEXT + ' m40 m72 f72 m64 m120';
const OPEN_TEXT_READ_EXACT_NL = OPEN_TEXT + ' m72 f72 m64 m120';
const OPEN_TEXT_WRITE = OPEN_TEXT + ' m72 f72 m64 m120';
/** 'a': the lseek()s to the end make their position ints (32 and 28 bytes) on the way. */
const OPEN_TEXT_APPEND =
  'm72 m64 m200 m52 f52 m97 f97 mP m64 m120 m32 f32 fP m28 f28 m32 m56 m168 B m32 f32 f32 m80 m208 m54 m6 m54 f6 f54 m67 m55 m48 m56 m240 m72 f72 m32 f32 m28 f28 m64 m120';

/**
 * newline='\r\n': the readnl str (51 bytes) the wrapper keeps, made before it, and a transient
 * copy made after the codec lookup, freed after the first tell (measured, files_cases.json); the
 * other legal values are cached one-character or empty strs and change nothing.
 */
function withNewlineStr(seq: string): string {
  return seq
    .replace(' m80 m208', ' m51 m80 m208')
    .replace('f6 f54', 'f6 f54 m51')
    .replace(' m240 m72 f72', ' m240 m72 f72 f51');
}

/** Replay a measured sequence: 'mN' allocates, 'fN' frees the latest live block of that size. */
function replay(
  vm: Vm,
  seq: string,
  pathLen: number,
  bufferSize: number,
): { keeps: number[]; sizes: number[]; buffer: number } {
  const live: [number, number][] = [];
  let buffer = 0;
  for (const op of seq.split(' ')) {
    if (op === 'B') {
      if (bufferSize > 0) {
        buffer = vm.mem.malloc(bufferSize);
        if (buffer === 0) throw memoryError();
      }
      continue;
    }
    const size = op[1] === 'P' ? BYTES_HEADER + pathLen : Number(op.slice(1));
    if (op[0] === 'm') {
      const p = vm.mem.malloc(size);
      if (p === 0) throw memoryError();
      vm.mem.touch(p, Math.min(size, 64));
      live.push([p, size]);
    } else {
      for (let i = live.length - 1; i >= 0; i--)
        if (live[i][1] === size) {
          vm.mem.free(live[i][0]);
          live.splice(i, 1);
          break;
        }
    }
  }
  return { keeps: live.map(([p]) => p), sizes: live.map(([, n]) => n), buffer };
}

export interface OpenArgs {
  file: number;
  /** The path (a str, or an os.PathLike's __fspath__), null for an fd. */
  path: string | null;
  mode: string;
  buffering: number;
  closefd: boolean;
  /** newline=…: null for None (os.fdopen passes none). */
  newline?: Newline;
}

/** _io.open over the simulated file system (a str path or an fd from os.open / tempfile.mkstemp). */
export function openFile(vm: Vm, a: OpenArgs): number {
  const parsed = parseMode(a.mode);
  if (typeof parsed === 'string') throw valueError(vm, parsed);
  if (!parsed.binary && a.buffering === 0) throw valueError(vm, "can't have unbuffered text I/O");
  if (parsed.binary && a.newline != null) throw valueError(vm, "binary mode doesn't take a newline argument");
  const fs = simFs(vm);
  let fd: number;
  let name: string | number;
  if (a.path === null) {
    fd = Number(intValue(vm, a.file));
    fs.file(vm, fd);
    name = fd;
  } else {
    name = a.path;
    fd = fs.open(vm, name, parsed.flags);
  }
  const binary = parsed.binary;
  const kind: FileKind =
    a.buffering === 0
      ? 'FileIO'
      : !binary
        ? 'TextIOWrapper'
        : parsed.plus
          ? 'BufferedRandom'
          : parsed.kind === 'r'
            ? 'BufferedReader'
            : 'BufferedWriter';
  const newline = a.newline ?? null;
  if (newline !== null && !LEGAL_NEWLINES.includes(newline)) {
    // validate_newline runs in TextIOWrapper's __init__, after the file was opened (and made)
    fs.close(vm, fd);
    throw valueError(vm, `illegal newline value: ${newline}`);
  }
  const textSeq = !binary
    ? parsed.kind === 'r'
      ? readsUniversal(newline)
        ? OPEN_TEXT_READ
        : OPEN_TEXT_READ_EXACT_NL
      : parsed.kind === 'a'
        ? OPEN_TEXT_APPEND
        : OPEN_TEXT_WRITE
    : '';
  const seq = binary ? OPEN_BINARY : newline === '\r\n' ? withNewlineStr(textSeq) : textSeq;
  const bufferSize = a.buffering === 0 ? 0 : a.buffering > 1 ? a.buffering : ST_BLKSIZE;
  const pathLen = typeof name === 'string' ? new TextEncoder().encode(name).length : 0;
  const { keeps, sizes, buffer } = replay(vm, seq, pathLen, bufferSize);
  // the outermost object is one of the replayed blocks (TextIOWrapper 192, Buffered* 152, FileIO 48; + the GC head)
  const objSize = kind === 'TextIOWrapper' ? 208 : kind === 'FileIO' ? 64 : 168;
  const at = kind === 'FileIO' ? sizes.indexOf(objSize) : sizes.lastIndexOf(objSize);
  const h = vm.table.newHandle(moduleType(vm, FILE_TYPES[kind]).id);
  vm.table.addr[h] = keeps[at];
  keeps.splice(at, 1);
  vm.gc.linked(); // gc_alloc's count for the object, made among the blocks above
  vm.table.side[h] = {
    kind,
    fd,
    name,
    mode: a.mode,
    closefd: a.closefd,
    readable: parsed.flags.read,
    writable: parsed.flags.write,
    closed: false,
    keeps,
    buffer,
    wbuf: [],
    decoded: 0,
    rest: '',
    snapshot: 0,
    pending: 0,
    pendingCount: 0,
    eof: false,
    readKept: false,
    chunkKept: false,
    newline,
    pendingCr: false,
  } satisfies FileState;
  vm.gc.track(h);
  return h;
}

/** builtins.open / io.open for a path outside /proc. */
export function openArgs(vm: Vm, args: readonly number[], kw: Kwargs | null): OpenArgs {
  const [file, mode, buffering, encoding, errors, newline, closefd, opener] = unpackKeywords(
    vm,
    'open',
    args,
    kw,
    ['file', 'mode', 'buffering', 'encoding', 'errors', 'newline', 'closefd', 'opener'],
    1,
    8,
  );
  const none = (h: number): boolean => h === 0 || h === vm.s.None;
  if (!none(encoding)) {
    const enc = strValue(vm, encoding).toLowerCase().replace('_', '-');
    // 'locale' (io.text_encoding(None)'s answer) is what None does: the locale's UTF-8
    if (enc !== 'utf-8' && enc !== 'utf8' && enc !== 'locale')
      throw new NotSupported(`open(encoding='${strValue(vm, encoding)}')`);
  }
  if (!none(errors)) throw new NotSupported('open(errors=…)');
  let nl: Newline = null;
  if (!none(newline)) {
    if (vm.table.type[newline] !== T.Str)
      throw typeError(
        vm,
        "open() argument 'newline' must be str or None, not %.200s",
        vm.typeOf(newline).name,
      );
    nl = strValue(vm, newline) as Newline;
  }
  if (!none(opener)) throw new NotSupported('open(opener=…)');
  let path: string | null = null;
  if (vm.table.type[file] !== T.Str && vm.table.type[file] !== T.Int) {
    if (lookupSpecial(vm, file, '__fspath__') === 0)
      throw typeError(vm, 'expected str, bytes or os.PathLike object, not %.200s', vm.typeOf(file).name);
    path = fspath(vm, file, 'open');
    if (absPath(path).startsWith('/proc/'))
      throw new NotSupported(`open() of /proc given as a path object ('${path}')`);
  } else if (vm.table.type[file] === T.Str) path = strValue(vm, file);
  return {
    file,
    path,
    mode: mode === 0 ? 'r' : strValue(vm, mode),
    buffering: buffering === 0 ? -1 : Number(intValue(vm, buffering)),
    closefd: closefd === 0 ? true : closefd !== vm.s.False,
    newline: nl,
  };
}

export function checkOpen(vm: Vm, st: FileState): void {
  if (st.closed) throw valueError(vm, 'I/O operation on closed file.');
}

/** The buffered bytes go to the file (_bufferedwriter_flush_unlocked: raw writes, no allocation). */
export function flushBuffer(vm: Vm, st: FileState): void {
  if (st.wbuf.length) {
    rawWrite(vm, st, st.wbuf);
    st.wbuf = [];
  }
}

/**
 * A raw read or write by a Buffered* object: raw.readinto/write(memoryview) called as a method
 * (its 128- and 184-byte transients, measured) returning the count (an int of 28 bytes past the
 * small ones), all freed in order.
 */
export function rawCall<R>(vm: Vm, count: (r: R) => number, io: () => R): R {
  const ps = [vm.mem.malloc(128), vm.mem.malloc(184)];
  if (ps.includes(0)) throw memoryError();
  const r = io();
  if (count(r) > 256) ps.push(vm.mem.malloc(28));
  for (const p of ps) vm.mem.free(p);
  return r;
}

function rawWrite(vm: Vm, st: FileState, data: ArrayLike<number>): void {
  rawCall(
    vm,
    () => data.length,
    () => simFs(vm).write(vm, st.fd, data),
  );
}

/**
 * Whether BufferedWriter.write hands `n` bytes straight to the kernel (they neither fit beside what
 * is buffered nor are smaller than the buffer) rather than copying them into its buffer.
 */
export function writesThrough(st: FileState, n: number): boolean {
  const size = st.buffer ? ST_BLKSIZE : 0;
  return st.wbuf.length + n > size && n >= size;
}

/** BufferedWriter.write: copied into the buffer, which is flushed first when it cannot take the data; big writes go straight through. */
export function bufferedWrite(vm: Vm, st: FileState, data: ArrayLike<number>): void {
  const size = st.buffer ? ST_BLKSIZE : 0;
  if (st.wbuf.length + data.length <= size) {
    const at = st.wbuf.length;
    for (let i = 0; i < data.length; i++) st.wbuf.push(data[i]);
    vm.mem.touch(st.buffer + at, data.length);
    return;
  }
  flushBuffer(vm, st);
  if (data.length >= size) rawWrite(vm, st, data);
  else {
    for (let i = 0; i < data.length; i++) st.wbuf.push(data[i]);
    vm.mem.touch(st.buffer, data.length);
  }
}

/**
 * The content of a bytes-like argument, read whole by its consumer (a write's memcpy into the buffer
 * or the kernel's copy_from_user) unless `read` is false (the caller decides: /dev/null's write_null
 * reads nothing).
 */
export function bytesArg(vm: Vm, h: number, read = true): Uint8Array {
  const t = vm.table.type[h];
  if (t !== T.Bytes && t !== T.ByteArray)
    throw typeError(vm, `a bytes-like object is required, not '${vm.typeOf(h).name}'`);
  const c = bytesContent(vm, h);
  const n = t === T.ByteArray ? vm.table.n[h] : byteLength(c);
  if (read) readAllBytes(vm, h);
  const out = new Uint8Array(n);
  if (typeof c === 'string') for (let i = 0; i < n; i++) out[i] = c.charCodeAt(i);
  else for (let i = 0; i < n; i++) out[i] = byteAt(c, i);
  return out;
}

export function bytesResult(vm: Vm, data: Uint8Array): number {
  let s = '';
  for (let i = 0; i < data.length; i += 8192) s += String.fromCharCode(...data.subarray(i, i + 8192));
  return bytesNew(vm, s);
}

/** close(): text flushes its pending bytes, the buffer is flushed and freed, the fd closed (closefd). */
export function closeFile(vm: Vm, st: FileState, flushText: (vm: Vm, st: FileState) => void): void {
  if (st.closed) return;
  if (st.kind === 'TextIOWrapper') flushText(vm, st);
  flushBuffer(vm, st);
  st.closed = true;
  if (st.buffer) vm.mem.free(st.buffer);
  st.buffer = 0;
  if (st.closefd && simFs(vm).fds.has(st.fd)) simFs(vm).close(vm, st.fd);
}

export function deallocFile(vm: Vm, h: number, flushText: (vm: Vm, st: FileState) => void): void {
  vm.gc.untrack(h);
  const st = stateOf(vm, h);
  closeFile(vm, st, flushText);
  if (st.decoded) vm.decref(st.decoded);
  if (st.snapshot) vm.decref(st.snapshot);
  for (let i = st.keeps.length - 1; i >= 0; i--) vm.mem.free(st.keeps[i]);
  vm.table.side[h] = undefined;
  vm.gcDel(h);
}

const fileType =
  (kind: FileKind) =>
  (_vm: Vm, id: number): TypeSlots =>
    defineType({
      id,
      name: kind,
      module: '_io',
      basicsize: 0,
      flags: TpFlags.HaveGc,
      dealloc: (vm, h) => deallocFile(vm, h, FILE_METHODS.flushText),
      reprText: (vm, h) => {
        const st = stateOf(vm, h);
        const name = typeof st.name === 'string' ? `'${st.name}'` : String(st.name);
        if (kind === 'TextIOWrapper')
          return `<_io.TextIOWrapper name=${name} mode='${st.mode}' encoding='UTF-8'>`;
        if (kind === 'FileIO')
          return `<_io.FileIO name=${name} mode='${rawMode(st.mode)}' closefd=${st.closefd ? 'True' : 'False'}>`;
        return `<_io.${kind} name=${name}>`;
      },
      iter: (vm, h) => {
        checkOpen(vm, stateOf(vm, h));
        vm.incref(h);
        return h;
      },
      iternext: textIter,
      // TextIOWrapper has no readinto (hasattr is False on 3.11.7)
      methods:
        kind === 'TextIOWrapper'
          ? Object.fromEntries(Object.entries(FILE_METHODS.methods).filter(([n]) => n !== 'readinto'))
          : FILE_METHODS.methods,
      getset: {
        closed: { name: 'closed', get: (vm, h) => vm.s.bool(stateOf(vm, h).closed) },
        name: {
          name: 'name',
          get: (vm, h) => {
            const n = stateOf(vm, h).name;
            return typeof n === 'string' ? strNew(vm, n) : fromSsize(vm, n);
          },
        },
        mode: {
          name: 'mode',
          get: (vm, h) => {
            const st = stateOf(vm, h);
            return strNew(vm, st.kind === 'TextIOWrapper' ? st.mode : rawMode(st.mode));
          },
        },
        encoding: {
          name: 'encoding',
          get: (vm, h) => {
            if (stateOf(vm, h).kind !== 'TextIOWrapper')
              throw raiseString(
                vm,
                exc('AttributeError'),
                `'_io.${kind}' object has no attribute 'encoding'`,
              );
            return strNew(vm, 'UTF-8');
          },
        },
      },
    });

export const FILE_TYPES: Record<FileKind, (vm: Vm, id: number) => TypeSlots> = {
  FileIO: fileType('FileIO'),
  BufferedReader: fileType('BufferedReader'),
  BufferedWriter: fileType('BufferedWriter'),
  BufferedRandom: fileType('BufferedRandom'),
  TextIOWrapper: fileType('TextIOWrapper'),
};

/**
 * A binary file's mode as FileIO's mode_string spells it (a Buffered* object's .mode is its raw
 * FileIO's): 'xb'/'ab'/'rb'/'wb', with '+' when readable and writable ('w+b' reads back 'rb+').
 * A TextIOWrapper's .mode is the string given to open().
 */
export function rawMode(mode: string): string {
  const plus = mode.includes('+');
  if (mode.includes('x')) return plus ? 'xb+' : 'xb';
  if (mode.includes('a')) return plus ? 'ab+' : 'ab';
  if (plus) return 'rb+';
  return mode.includes('w') ? 'wb' : 'rb';
}
