import { typeError, valueError } from '../python/abstract/errors';
import { memoryError, NotSupported } from '../python/errors';
import { T, type Kwargs } from '../python/objects/types';
import { strNew, strValue } from '../python/objects/str';
import type { Vm } from '../python/runtime/vm';
import { checkOpen, flushBuffer, openArgs, openFile, type FileState } from '../python/modules/fileobj';
import { simFs } from '../python/modules/simfs';
import { intArg, isNone, parseArgs } from './args';
import { FLOAT64, type DType } from './dtypes';
import { readScalar } from './bufferBacking';
import { encode } from './layout';
import type { NumpyRuntime } from './module';
import { valueAt } from './elements';

/** sizeof(struct locked_FILE): what glibc's fdopen mallocs (472 bytes on x86-64). */
const LOCKED_FILE_BYTES = 472;
/** _IO_file_doallocate: the stdio buffer is st_blksize bytes (4096 on /tmp, measured). */
const STDIO_BUFFER_BYTES = 4096;

/** The state of a simulated _io file object, or null for anything else (BytesIO, sockets…). */
export function fileStateOf(vm: Vm, h: number): FileState | null {
  const t = vm.typeOf(h);
  if (t.module !== '_io') return null;
  const st = vm.table.side[h] as FileState | undefined;
  return st !== undefined && st.kind === t.name ? st : null;
}

/**
 * npy_PyFile_Dup2 … npy_PyFile_DupClose2 (npy_3kcompat.h) around `io`: the Python file is flushed,
 * its fd dup()ed and fdopen()ed (a FILE of 472 bytes), stdio's buffer of st_blksize is malloc'ed on
 * the first fread/fwrite, both freed by fclose; the dup shares the file position, which the Python
 * file is seeked to afterwards. A path is opened with io.open first and closed after.
 */
function withStdioFile<R>(rt: NumpyRuntime, file: number, mode: 'rb' | 'wb', io: (fd: number) => R): R {
  const vm = rt.vm;
  let owned = 0;
  let h = file;
  if (vm.table.type[file] === T.Str) {
    const m = strNew(vm, mode);
    try {
      h = owned = openFile(vm, openArgs(vm, [file, m], null));
    } finally {
      vm.decref(m);
    }
  }
  try {
    const st = fileStateOf(vm, h);
    if (st === null) throw new NotSupported(`reading or writing an array through a ${vm.typeOf(h).name}`);
    checkOpen(vm, st);
    flushBuffer(vm, st);
    const libc = rt.alloc.libc;
    const FILE = libc.malloc(LOCKED_FILE_BYTES);
    if (FILE === 0) throw memoryError();
    vm.mem.touch(FILE, LOCKED_FILE_BYTES);
    const buffer = libc.malloc(STDIO_BUFFER_BYTES);
    if (buffer === 0) {
      libc.free(FILE);
      throw memoryError();
    }
    try {
      return io(st.fd);
    } finally {
      libc.free(buffer);
      libc.free(FILE);
    }
  } finally {
    if (owned) vm.decref(owned);
  }
}

/**
 * ndarray.tofile(fid) in binary (sep=''): PyArray_ToFile's one fwrite of a contiguous array's data
 * (the kernel reads every page: write(2) copies from it); other layouts go through an iterator
 * (PyArray_malloc'ed, 2632 bytes) writing element by element. Text output (sep) is not modelled.
 */
export function tofile(rt: NumpyRuntime, self: number, args: readonly number[], kw: Kwargs | null): number {
  const vm = rt.vm;
  const A = rt.arrays;
  const [fid, sep] = parseArgs(vm, 'tofile', ['file', 'sep', 'format'], 1, args, kw);
  if (!isNone(vm, sep) && strValue(vm, sep!) !== '')
    throw new NotSupported('ndarray.tofile(sep=...) (text output)');
  const d = A.dtype(self);
  if (d.kind === 'O' || d.kind === 'V' || d.kind === 'U' || d.kind === 'S')
    throw new NotSupported(`ndarray.tofile of a ${d.name} array`);
  const n = A.size(self);
  const bytes = contentBytes(encode(d, n, (k) => valueAt(A, self, k)));
  withStdioFile(rt, fid!, 'wb', (fd) => {
    A.readAll(self);
    const iter = A.cContiguous(self) ? 0 : rt.alloc.libc.malloc(2632);
    simFs(vm).write(vm, fd, bytes);
    if (iter) rt.alloc.libc.free(iter);
  });
  vm.incref(vm.s.None);
  return vm.s.None;
}

/**
 * np.fromfile(file, dtype=float, count=-1, sep='', offset=0) in binary: array_fromfile_binary
 * sizes the array from the bytes left (fseek/ftell) when count < 0, makes it
 * (PyArray_NewFromDescr) and fread()s into it: stdio reads a big request straight into the data,
 * so the kernel writes every page. Text input (sep) is not modelled; a short read (NumPy shrinks
 * the array with realloc) is refused rather than guessed.
 */
export function fromfile(rt: NumpyRuntime, args: readonly number[], kw: Kwargs | null): number {
  const vm = rt.vm;
  const A = rt.arrays;
  const [file, dt, countH, sep, offsetH] = parseArgs(
    vm,
    'fromfile',
    ['file', 'dtype', 'count', 'sep', 'offset', 'like'],
    1,
    args,
    kw,
  );
  if (!isNone(vm, sep) && strValue(vm, sep!) !== '')
    throw new NotSupported('np.fromfile(sep=...) (text input)');
  const dtype = rt.dtypes.convert(dt, FLOAT64);
  if (dtype.kind === 'O') throw valueError(vm, 'Cannot read into object array');
  if (dtype.kind === 'V' || dtype.kind === 'U' || dtype.kind === 'S')
    throw new NotSupported(`np.fromfile of a ${dtype.name} dtype`);
  if (vm.table.type[file!] !== T.Str && fileStateOf(vm, file!) === null)
    throw typeError(vm, 'fromfile: file must be a str, a path or an open file');
  let count = isNone(vm, countH) ? -1 : intArg(vm, countH!, 'count');
  const offset = isNone(vm, offsetH) ? 0 : intArg(vm, offsetH!, 'offset');
  return withStdioFile(rt, file!, 'rb', (fd) => {
    const f = simFs(vm).file(vm, fd);
    f.pos += offset;
    const avail = Math.max(f.inode.size - f.pos, 0);
    if (count < 0) count = Math.floor(avail / dtype.itemsize);
    if (count * dtype.itemsize > avail)
      throw new NotSupported('np.fromfile of more items than the file holds (a short read)');
    const data = simFs(vm).read(vm, fd, count * dtype.itemsize);
    const r = A.newArray(dtype, [count]);
    A.writeAll(r);
    storeRead(rt, r, dtype, data, count);
    return r;
  });
}

/** The values fread() put into the array. */
function storeRead(rt: NumpyRuntime, r: number, d: DType, data: Uint8Array, count: number): void {
  const arr = rt.arrays.values.setData(rt.arrays.slot(r), count);
  if (!arr) return;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let i = 0; i < count; i++) arr[i] = readScalar(view, i * d.itemsize, d);
}

/** encode()'s bytes content as the bytes themselves. */
function contentBytes(c: string | { fill: number; length: number }): Uint8Array {
  if (typeof c !== 'string') return new Uint8Array(c.length).fill(c.fill);
  const out = new Uint8Array(c.length);
  for (let i = 0; i < c.length; i++) out[i] = c.charCodeAt(i);
  return out;
}
