import { raiseString, valueError } from '../abstract/errors';
import { NotSupported } from '../errors';
import { E, exc } from '../objects/exctypes';
import { unpackKeywords } from '../objects/getargs';
import { fromSsize, intValue } from '../objects/int';
import { listAppend, listNew } from '../objects/list';
import { moduleType } from '../objects/modtypes';
import { strNew, strValue } from '../objects/str';
import { Meth, T, TpFlags, defineType, type Kwargs, type MethodDef, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { openArgs, openFile } from './fileobj';
import { normalizePath, procFileText, procPathKind } from './procfs';
import { absPath } from './simfs';

/**
 * open() of a simulated /proc file in text mode: an _io.TextIOWrapper over a BufferedReader over a
 * FileIO (Modules/_io/textio.c, bufferedio.c, fileio.c, 3.11). Only /proc/self/{status,statm,
 * smaps_rollup} (and /proc/<getpid()>/…) exist: Highwater simulates no other file.
 *
 * Memory, as measured on 3.11.7 with the PyMem hooks (a warm open of /proc/self/status):
 *  - open() leaves 22 blocks alive: the three objects (FileIO 16+48, BufferedReader 168 and its
 *    buffer PyMem_Malloc(st_blksize = 1024 on procfs), TextIOWrapper 16+192), their __dict__s
 *    ('name', 'mode'), the encoding and errors strs, the utf-8 IncrementalDecoder and the
 *    IncrementalNewlineDecoder (40) with its state; a few transients on the way (the path's
 *    fs-encoded bytes 33 + len, the mode parse). Their sizes in order are OPEN_KEEPS below.
 *  - close() frees the buffer (the only PyMem block of BufferedReader); deallocation the rest.
 *  - read(): FileIO.readall's bytes (PyBytes 33 + 8192, shrunk to 33 + n), decoded into a str
 *    (48 + n + 1, ASCII), the bytes freed.
 *  - iteration / readline(): textiowrapper_read_chunk reads 8192 bytes the same way, keeps the
 *    decoded chunk (a str) in the object, and each line is a new str cut from it; at the end one
 *    more read_chunk finds nothing.
 * Not allocation-exact call by call (the transients of the codec lookups are left out); every
 * block that outlives a call is.
 */
const OPEN_KEEPS = [72, 64, 56, 56, 64, 120, 56, 168, 80, 208, 54, 55, 67, 55, 48, 56, 40, 64, 120];
const BUFFER_SIZE = 1024;
const DECODER_STATE = 232;
const TEXTIO_BASIC = 192;
const CHUNK = 8192;
const BYTES_HEADER = 33;

interface FileState {
  path: string;
  mode: string;
  /** The file's text, read from /proc at the first read (seq_file fills its buffer then). */
  text: string | null;
  pos: number;
  closed: boolean;
  /** The blocks the three objects own (obj domain), the PyMem ones (buffer, decoder state). */
  keeps: number[];
  memKeeps: number[];
  buffer: number;
  /** The decoded chunk the wrapper holds (a str), or 0. */
  chunk: number;
}

const stateOf = (vm: Vm, h: number): FileState => vm.table.side[h] as FileState;

/** PyObject_Malloc / PyMem_Malloc (both pymalloc in 3.11), the block written. */
function alloc(vm: Vm, size: number, _mem: boolean): number {
  const p = vm.mem.malloc(size);
  if (p === 0) throw raiseString(vm, E.MemoryError, '');
  vm.mem.wroteObject(p, size);
  return p;
}

/** builtins.open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None). */
export function openBuiltin(vm: Vm, _s: number, args: readonly number[], kw: Kwargs | null): number {
  const [file, mode] = unpackKeywords(
    vm,
    'open',
    args,
    kw,
    ['file', 'mode', 'buffering', 'encoding', 'errors', 'newline', 'closefd', 'opener'],
    1,
    8,
  );
  if (vm.table.type[file] !== T.Str) {
    // an fd, or an os.PathLike (openArgs asks its __fspath__, or raises CPython's TypeError)
    return openFile(vm, openArgs(vm, args, kw));
  }
  const path = strValue(vm, file);
  // every path outside /proc is on the simulated file system (simfs.ts)
  if (!normalizePath(absPath(path)).startsWith('/proc')) return openFile(vm, openArgs(vm, args, kw));
  const m = mode === 0 ? 'r' : strValue(vm, mode);
  if (kw !== null)
    for (const k of kw.keys()) if (k !== 'mode' && k !== 'encoding') throw new NotSupported(`open(${k}=…)`);
  if (/[wax+]/.test(m)) {
    if (procPathKind(path) !== null || path.startsWith('/proc/'))
      throw raiseString(vm, exc('PermissionError'), `[Errno 13] Permission denied: '${path}'`);
    throw new NotSupported(`open() for writing ('${path}': Highwater simulates no files)`);
  }
  if (m.includes('b')) throw new NotSupported(`open() in binary mode ('${path}')`);
  const kind = procPathKind(path);
  if (kind === 'dir') throw raiseString(vm, exc('IsADirectoryError'), `[Errno 21] Is a directory: '${path}'`);
  if (kind === null || procFileText(vm, path) === null) {
    if (
      path.startsWith('/proc/self/') ||
      path.startsWith('/proc/thread-self/') ||
      /^\/proc\/\d+\//.test(path)
    )
      throw new NotSupported(`open('${path}') (the simulated /proc has status, statm and smaps_rollup)`);
    throw new NotSupported(
      `open('${path}') (Highwater simulates no files but /proc/self/status, statm, smaps_rollup)`,
    );
  }
  // the path's fs-encoded bytes (PyUnicode_FSConverter), freed once the fd is open
  const fsPath = alloc(vm, BYTES_HEADER + path.length, false);
  vm.mem.free(fsPath);
  const keeps: number[] = [];
  const memKeeps: number[] = [];
  for (const size of OPEN_KEEPS) keeps.push(alloc(vm, size, false));
  const buffer = alloc(vm, BUFFER_SIZE, true);
  memKeeps.push(alloc(vm, DECODER_STATE, true));
  const h = vm.newGcObject(moduleType(vm, TextIOWrapperType).id, TEXTIO_BASIC);
  vm.table.side[h] = {
    path,
    mode: m,
    text: null,
    pos: 0,
    closed: false,
    keeps,
    memKeeps,
    buffer,
    chunk: 0,
  } satisfies FileState;
  vm.gc.track(h);
  return h;
}

function checkOpen(vm: Vm, st: FileState): void {
  if (st.closed) throw valueError(vm, 'I/O operation on closed file.');
}

/** FileIO reads into a PyBytes of 33 + size (shrunk to what it got), decoded into a str; the bytes freed. */
function readBytes(vm: Vm, st: FileState, want: number): string {
  if (st.text === null) st.text = procFileText(vm, st.path) ?? '';
  const got = st.text.slice(st.pos, st.pos + want);
  const b = alloc(vm, BYTES_HEADER + want, false);
  const b2 = got.length < want ? vm.mem.realloc(b, BYTES_HEADER + got.length) : b;
  st.pos += got.length;
  vm.mem.free(b2);
  return got;
}

/** textiowrapper_read_chunk: the next 8192 bytes decoded; the wrapper keeps the str. */
function readChunk(vm: Vm, st: FileState): string {
  const text = readBytes(vm, st, CHUNK);
  if (st.chunk) vm.decref(st.chunk);
  st.chunk = text.length ? strNew(vm, text) : 0;
  return text;
}

/** The text left from the chunk the wrapper holds, then the file (lines cut from it). */
interface LineCursor {
  rest: string;
}
const cursors = new WeakMap<FileState, LineCursor>();

function readline(vm: Vm, st: FileState, limit: number): number {
  checkOpen(vm, st);
  let cur = cursors.get(st);
  if (cur === undefined) cursors.set(st, (cur = { rest: '' }));
  let line = '';
  for (;;) {
    const nl = cur.rest.indexOf('\n');
    if (nl >= 0) {
      line += cur.rest.slice(0, nl + 1);
      cur.rest = cur.rest.slice(nl + 1);
      break;
    }
    line += cur.rest;
    cur.rest = readChunk(vm, st);
    if (cur.rest === '') break;
  }
  if (limit >= 0 && line.length > limit) {
    cur.rest = line.slice(limit) + cur.rest;
    line = line.slice(0, limit);
  }
  return strNew(vm, line);
}

function readAll(vm: Vm, st: FileState): number {
  checkOpen(vm, st);
  const cur = cursors.get(st);
  const before = cur?.rest ?? '';
  if (cur) cur.rest = '';
  let text = '';
  for (;;) {
    if (st.text === null) st.text = procFileText(vm, st.path) ?? '';
    const left = st.text.length - st.pos;
    if (left <= 0 && text !== '') break;
    // FileIO.readall: a buffer of 8192 (grown for more), shrunk to what was read
    const piece = readBytes(vm, st, Math.max(CHUNK, left));
    text += piece;
    if (piece === '') break;
  }
  return strNew(vm, before + text);
}

function close(vm: Vm, st: FileState): void {
  if (st.closed) return;
  st.closed = true;
  vm.mem.free(st.buffer);
  st.buffer = 0;
}

function dealloc(vm: Vm, h: number): void {
  vm.gc.untrack(h);
  const st = stateOf(vm, h);
  close(vm, st);
  if (st.chunk) vm.decref(st.chunk);
  for (const p of st.memKeeps) vm.mem.free(p);
  for (const p of st.keeps) vm.mem.free(p);
  vm.table.side[h] = undefined;
  vm.gcDel(h);
}

const M = (name: string, flags: number, impl: MethodDef['impl']): [string, MethodDef] => [
  name,
  { name, flags, impl },
];

const METHODS: Record<string, MethodDef> = Object.fromEntries([
  M('read', Meth.Fastcall, (vm, h, a) => {
    const st = stateOf(vm, h);
    const n = a.length && a[0] !== vm.s.None ? Number(intValue(vm, a[0])) : -1;
    if (n >= 0) throw new NotSupported('read(size) of a /proc file');
    return readAll(vm, st);
  }),
  M('readline', Meth.Fastcall, (vm, h, a) => {
    const n = a.length && a[0] !== vm.s.None ? Number(intValue(vm, a[0])) : -1;
    return readline(vm, stateOf(vm, h), n);
  }),
  M('readlines', Meth.Fastcall, (vm, h) => {
    const st = stateOf(vm, h);
    // IOBase.readlines: list.extend over the iterator (list_extend's appends)
    const out = listNew(vm, 0);
    for (;;) {
      const l = readline(vm, st, -1);
      if (vm.table.n[l] === 0) {
        vm.decref(l);
        break;
      }
      listAppend(vm, out, l);
    }
    return out;
  }),
  M('close', Meth.NoArgs, (vm, h) => (close(vm, stateOf(vm, h)), vm.s.None)),
  M('readable', Meth.NoArgs, (vm, h) => (checkOpen(vm, stateOf(vm, h)), vm.s.True)),
  M('writable', Meth.NoArgs, (vm, h) => (checkOpen(vm, stateOf(vm, h)), vm.s.False)),
  M('seekable', Meth.NoArgs, (vm, h) => (checkOpen(vm, stateOf(vm, h)), vm.s.False)),
  M('fileno', Meth.NoArgs, (vm, h) => (checkOpen(vm, stateOf(vm, h)), fromSsize(vm, 3))),
  M('__enter__', Meth.NoArgs, (vm, h) => {
    checkOpen(vm, stateOf(vm, h));
    vm.incref(h);
    return h;
  }),
  M('__exit__', Meth.Varargs, (vm, h) => (close(vm, stateOf(vm, h)), vm.s.None)),
]);

export const TextIOWrapperType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'TextIOWrapper',
    module: '_io',
    basicsize: TEXTIO_BASIC,
    flags: TpFlags.HaveGc,
    dealloc,
    reprText: (vm, h) => {
      const st = stateOf(vm, h);
      return `<_io.TextIOWrapper name='${st.path}' mode='${st.mode}' encoding='UTF-8'>`;
    },
    iter: (vm, h) => {
      checkOpen(vm, stateOf(vm, h));
      vm.incref(h);
      return h;
    },
    // textiowrapper_iternext: a line, none at the end
    iternext: (vm, h) => {
      const line = readline(vm, stateOf(vm, h), -1);
      if (vm.table.n[line] === 0) {
        vm.decref(line);
        return 0;
      }
      return line;
    },
    methods: METHODS,
    getset: {
      closed: { name: 'closed', get: (vm, h) => vm.s.bool(stateOf(vm, h).closed) },
      name: { name: 'name', get: (vm, h) => strNew(vm, stateOf(vm, h).path) },
      mode: { name: 'mode', get: (vm, h) => strNew(vm, stateOf(vm, h).mode) },
      encoding: { name: 'encoding', get: (vm) => strNew(vm, 'UTF-8') },
    },
  });
