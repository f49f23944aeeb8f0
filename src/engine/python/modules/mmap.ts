import { raiseString, typeError, valueError } from '../abstract/errors';
import { NotSupported } from '../errors';
import { bytesNew } from '../objects/bytes';
import { E, exc } from '../objects/exctypes';
import { parseTupleAndKeywords } from '../objects/getargs';
import { fromSsize, intValue } from '../objects/int';
import { moduleData } from '../objects/module';
import { moduleType } from '../objects/modtypes';
import { sliceIndices } from '../objects/slice';
import { tupleItems } from '../objects/tuple';
import { Meth, T, defineType, type MethodDef, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { bytesArg } from './fileobj';
import { staticModule } from './gc';
import type { ModuleSpec } from './registry';
import { simFs, type Inode } from './simfs';

/**
 * mmap (Modules/mmapmodule.c, 3.11) over the kernel model: mmap.mmap(fd, 0) maps the file's pages
 * (a file mapping: its resident pages are RssFile, never anonymous memory), mmap.mmap(-1, n) maps
 * shared anonymous memory (MAP_SHARED|MAP_ANONYMOUS, i.e. shmem: RssShmem, measured: writing 4 MiB
 * into one leaves RssAnon where it was). Pages become resident as the script reads them (find,
 * slices, read, indexing: Kernel.readFault, with the kernel's 64 KiB fault-around for files) or
 * writes them; close() unmaps, so RSS drops back; madvise(MADV_DONTNEED) drops them.
 * Memory (measured): the object is 96 bytes (tp_alloc); mmap(…) with keywords makes
 * vgetargskeywords' temporary keyword strs; a slice is a new bytes; find's result an int.
 * The file stays open through the object's dup'd descriptor until close().
 */
const MMAP_SIZE = 96;
const PAGE = 4096;
const ACCESS = { DEFAULT: 0, READ: 1, WRITE: 2, COPY: 3 };

interface MmapState {
  addr: number;
  size: number;
  pos: number;
  fd: number;
  access: number;
  writable: boolean;
  inode: Inode | null;
  /** The anonymous mapping's bytes (a file mapping reads and writes its inode). */
  anon: Uint8Array | null;
  closed: boolean;
}

const stateOf = (vm: Vm, h: number): MmapState => vm.table.side[h] as MmapState;

function live(vm: Vm, h: number): MmapState {
  const st = stateOf(vm, h);
  if (st.closed) throw valueError(vm, 'mmap closed or invalid');
  return st;
}

/** The bytes [from, to) as the process reads them: their pages fault in. */
function readRange(vm: Vm, st: MmapState, from: number, to: number): Uint8Array {
  if (to > from) vm.kernel.readFault(st.addr + from, to - from);
  return content(st).subarray(from, to);
}

function content(st: MmapState): Uint8Array {
  return st.anon ?? st.inode!.bytes();
}

function mmapNew(vm: Vm, type: TypeSlots, args: number, kwargs: number): number {
  const a = parseTupleAndKeywords(
    vm,
    'mmap',
    Array.from(tupleItems(vm, args)),
    kwargs,
    ['fileno', 'length', 'flags', 'prot', 'access', 'offset'],
    2,
  );
  const fd = Number(intValue(vm, a[0]));
  let size = Number(intValue(vm, a[1]));
  const access = a[4] ? Number(intValue(vm, a[4])) : ACCESS.DEFAULT;
  const offset = a[5] ? Number(intValue(vm, a[5])) : 0;
  if (size < 0) throw raiseString(vm, E.OverflowError, 'memory mapped length must be positive');
  if (offset < 0) throw raiseString(vm, E.OverflowError, 'memory mapped offset must be positive');
  if (access < 0 || access > 3) throw valueError(vm, 'mmap invalid access parameter.');
  if (access !== ACCESS.DEFAULT && (a[2] || a[3]))
    throw valueError(vm, "mmap can't specify both access and flags, prot.");
  if (a[2] || a[3]) throw new NotSupported('mmap.mmap(flags=…, prot=…) (use access=)');
  if (access === ACCESS.COPY)
    throw new NotSupported('mmap.mmap(access=ACCESS_COPY) (private copy-on-write pages)');
  if (offset % PAGE !== 0) throw raiseString(vm, E.OSError, '[Errno 22] Invalid argument');
  let inode: Inode | null = null;
  let dup = -1;
  if (fd !== -1) {
    const fs = simFs(vm);
    const f = fs.file(vm, fd);
    inode = f.inode;
    const st = inode.size;
    if (size === 0) {
      if (st === 0) throw valueError(vm, 'cannot mmap an empty file');
      if (offset >= st) throw valueError(vm, 'mmap offset is greater than file size');
      size = st - offset;
    } else if (offset > st || st - offset < size)
      throw valueError(vm, 'mmap length is greater than file size');
    if (offset !== 0) throw new NotSupported('mmap.mmap(offset=…) of a file');
    // _Py_dup(fd): the object holds its own descriptor on the same file
    dup = fs.open(vm, f.path, {
      read: true,
      write: f.writable,
      create: false,
      truncate: false,
      exclusive: false,
      append: false,
    });
  } else if (size === 0) throw raiseString(vm, E.OSError, '[Errno 22] Invalid argument');
  const h = vm.newObject(type.id, MMAP_SIZE);
  const writable = access !== ACCESS.READ;
  const addr = vm.kernel.mmap(
    size,
    fd === -1 ? 'mmap-shmem' : 'mmap-file',
    fd === -1 ? '/dev/zero (deleted)' : 'file',
    {
      prot: writable ? 'rw' : 'r',
      file: fd !== -1,
      shmem: fd === -1,
    },
  );
  if (addr < 0) {
    vm.objectFree(h);
    if (dup >= 0) simFs(vm).close(vm, dup);
    throw raiseString(vm, E.OSError, '[Errno 12] Cannot allocate memory');
  }
  if (inode) inode.maps++;
  vm.table.side[h] = {
    addr,
    size,
    pos: 0,
    fd: dup,
    access,
    writable,
    inode,
    anon: fd === -1 ? new Uint8Array(size) : null,
    closed: false,
  } satisfies MmapState;
  return h;
}

function close(vm: Vm, st: MmapState): void {
  if (st.closed) return;
  st.closed = true;
  vm.kernel.munmap(st.addr, st.size);
  if (st.inode) st.inode.maps--;
  if (st.fd >= 0 && simFs(vm).fds.has(st.fd)) simFs(vm).close(vm, st.fd);
}

/** start/end as mmap_gfind clamps them (negative counts from the end). */
function clamp(vm: Vm, h: number | undefined, dflt: number, size: number): number {
  if (h === undefined || h === vm.s.None) return dflt;
  let v = Number(intValue(vm, h));
  if (v < 0) v = Math.max(v + size, 0);
  return Math.min(v, size);
}

function indexOf(hay: Uint8Array, needle: Uint8Array, from: number, to: number, reverse: boolean): number {
  const last = to - needle.length;
  const match = (i: number): boolean => {
    for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) return false;
    return true;
  };
  if (reverse) {
    for (let i = last; i >= from; i--) if (match(i)) return i;
  } else for (let i = from; i <= last; i++) if (match(i)) return i;
  return -1;
}

/** mmap_gfind: the search reads from start to the match's end (or to end): those pages fault in. */
function find(vm: Vm, h: number, a: readonly number[], reverse: boolean): number {
  const st = live(vm, h);
  if (a.length < 1) throw typeError(vm, 'find expected at least 1 argument, got 0');
  const needle = bytesArg(vm, a[0]);
  const start = clamp(vm, a[1], st.pos, st.size);
  const end = clamp(vm, a[2], st.size, st.size);
  const data = content(st);
  const i = indexOf(data, needle, start, end, reverse);
  if (reverse) readRange(vm, st, i < 0 ? start : i, end);
  else readRange(vm, st, start, i < 0 ? end : i + needle.length);
  return fromSsize(vm, i);
}

function bytesOf(vm: Vm, data: Uint8Array): number {
  let s = '';
  for (let i = 0; i < data.length; i += 8192) s += String.fromCharCode(...data.subarray(i, i + 8192));
  return bytesNew(vm, s);
}

function writeAt(vm: Vm, st: MmapState, at: number, data: Uint8Array): void {
  if (!st.writable) throw raiseString(vm, exc('TypeError'), "mmap can't modify a readonly memory map.");
  if (at + data.length > st.size) throw valueError(vm, 'data out of range');
  if (st.anon) st.anon.set(data, at);
  else st.inode!.writeAt(at, data);
  vm.kernel.touch(st.addr + at, data.length);
}

const M = (name: string, flags: number, impl: MethodDef['impl']): [string, MethodDef] => [
  name,
  { name, flags, impl },
];

const METHODS: Record<string, MethodDef> = Object.fromEntries([
  M('close', Meth.NoArgs, (vm, h) => (close(vm, stateOf(vm, h)), vm.s.None)),
  M('find', Meth.Varargs, (vm, h, a) => find(vm, h, a, false)),
  M('rfind', Meth.Varargs, (vm, h, a) => find(vm, h, a, true)),
  M('size', Meth.NoArgs, (vm, h) => {
    const st = live(vm, h);
    return fromSsize(vm, st.inode ? st.inode.size : st.size);
  }),
  M('tell', Meth.NoArgs, (vm, h) => fromSsize(vm, live(vm, h).pos)),
  M('seek', Meth.Varargs, (vm, h, a) => {
    const st = live(vm, h);
    const off = Number(intValue(vm, a[0]));
    const how = a.length > 1 ? Number(intValue(vm, a[1])) : 0;
    const where = how === 0 ? off : how === 1 ? st.pos + off : st.size + off;
    if (where < 0 || where > st.size) throw valueError(vm, 'seek out of range');
    st.pos = where;
    return vm.s.None;
  }),
  M('read', Meth.Varargs, (vm, h, a) => {
    const st = live(vm, h);
    const n = a.length && a[0] !== vm.s.None ? Number(intValue(vm, a[0])) : -1;
    const end = n < 0 ? st.size : Math.min(st.size, st.pos + n);
    const out = bytesOf(vm, readRange(vm, st, st.pos, end));
    st.pos = end;
    return out;
  }),
  M('read_byte', Meth.NoArgs, (vm, h) => {
    const st = live(vm, h);
    if (st.pos >= st.size) throw valueError(vm, 'read byte out of range');
    return fromSsize(vm, readRange(vm, st, st.pos, ++st.pos)[0]);
  }),
  M('readline', Meth.NoArgs, (vm, h) => {
    const st = live(vm, h);
    const data = content(st);
    let end = data.indexOf(10, st.pos);
    end = end < 0 || end >= st.size ? st.size : end + 1;
    const out = bytesOf(vm, readRange(vm, st, st.pos, end));
    st.pos = end;
    return out;
  }),
  M('write', Meth.O, (vm, h, a) => {
    const st = live(vm, h);
    const data = bytesArg(vm, a[0]);
    writeAt(vm, st, st.pos, data);
    st.pos += data.length;
    return fromSsize(vm, data.length);
  }),
  M('flush', Meth.Varargs, (vm, h) => (live(vm, h), vm.s.None)),
  M('madvise', Meth.Varargs, (vm, h, a) => {
    const st = live(vm, h);
    const option = Number(intValue(vm, a[0]));
    const start = a.length > 1 ? Number(intValue(vm, a[1])) : 0;
    const length = a.length > 2 ? Number(intValue(vm, a[2])) : st.size - start;
    if (start < 0 || start >= st.size) throw valueError(vm, 'madvise start out of bounds');
    if (start % PAGE !== 0) throw raiseString(vm, E.OSError, '[Errno 22] Invalid argument');
    // MADV_DONTNEED: the pages leave RSS (a file's come back from the page cache when read again)
    if (option === 4) vm.kernel.madviseDontneed(st.addr + start, Math.min(length, st.size - start));
    else if (![0, 1, 2, 3, 14, 15].includes(option)) throw new NotSupported(`mmap.madvise(${option})`);
    return vm.s.None;
  }),
  M('resize', Meth.Varargs, () => {
    throw new NotSupported('mmap.resize()');
  }),
  M('__enter__', Meth.NoArgs, (vm, h) => {
    live(vm, h);
    vm.incref(h);
    return h;
  }),
  M('__exit__', Meth.Varargs, (vm, h) => (close(vm, stateOf(vm, h)), vm.s.None)),
]);

function subscript(vm: Vm, h: number, key: number): number {
  const st = live(vm, h);
  if (vm.table.type[key] === T.Int) {
    let i = Number(intValue(vm, key));
    if (i < 0) i += st.size;
    if (i < 0 || i >= st.size) throw raiseString(vm, E.IndexError, 'mmap index out of range');
    return fromSsize(vm, readRange(vm, st, i, i + 1)[0]);
  }
  if (vm.table.type[key] !== T.Slice) throw typeError(vm, 'mmap indices must be integers');
  const { start, stop, step, length } = sliceIndices(vm, key, st.size);
  if (step === 1) return bytesOf(vm, readRange(vm, st, start, stop));
  const out = new Uint8Array(Math.max(length, 0));
  const data = content(st);
  for (let k = 0; k < length; k++) {
    const at = start + k * step;
    vm.kernel.readFault(st.addr + at, 1);
    out[k] = data[at];
  }
  return bytesOf(vm, out);
}

function assSubscript(vm: Vm, h: number, key: number, value: number): void {
  const st = live(vm, h);
  if (value === 0) throw typeError(vm, "mmap object doesn't support item deletion");
  if (vm.table.type[key] === T.Int) {
    let i = Number(intValue(vm, key));
    if (i < 0) i += st.size;
    if (i < 0 || i >= st.size) throw raiseString(vm, E.IndexError, 'mmap index out of range');
    return writeAt(vm, st, i, new Uint8Array([Number(intValue(vm, value))]));
  }
  const { start, stop, step } = sliceIndices(vm, key, st.size);
  if (step !== 1) throw new NotSupported('extended slice assignment to an mmap');
  const data = bytesArg(vm, value);
  if (data.length !== stop - start)
    throw raiseString(vm, E.IndexError, 'mmap slice assignment is wrong size');
  writeAt(vm, st, start, data);
}

const MmapType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'mmap',
    module: 'mmap',
    basicsize: MMAP_SIZE - 16,
    new: mmapNew,
    dealloc: (vm, h) => {
      close(vm, stateOf(vm, h));
      vm.table.side[h] = undefined;
      vm.objectFree(h);
    },
    methods: METHODS,
    getset: { closed: { name: 'closed', get: (vm, h) => vm.s.bool(stateOf(vm, h).closed) } },
    sequence: { length: (vm, h) => live(vm, h).size },
    mapping: { length: (vm, h) => live(vm, h).size, subscript, assSubscript },
  });

const CONSTANTS: Record<string, number> = {
  ACCESS_DEFAULT: 0,
  ACCESS_READ: 1,
  ACCESS_WRITE: 2,
  ACCESS_COPY: 3,
  MAP_SHARED: 1,
  MAP_PRIVATE: 2,
  MAP_ANON: 0x20,
  MAP_ANONYMOUS: 0x20,
  PROT_READ: 1,
  PROT_WRITE: 2,
  PROT_EXEC: 4,
  MADV_NORMAL: 0,
  MADV_RANDOM: 1,
  MADV_SEQUENTIAL: 2,
  MADV_WILLNEED: 3,
  MADV_DONTNEED: 4,
  MADV_FREE: 8,
};

export const mmapModule: ModuleSpec = {
  name: 'mmap',
  load: (vm) => {
    const m = staticModule(vm, 'mmap', []);
    const attrs = moduleData(vm, m).attrs;
    attrs.set('mmap', moduleType(vm, MmapType).typeObject);
    for (const [k, v] of Object.entries(CONSTANTS)) attrs.set(k, vm.s.smallInt(v));
    // PAGESIZE and ALLOCATIONGRANULARITY (4096) are ints past the small-int cache: made at import, in its footprint
    const was = vm.mem.accounted;
    vm.mem.accounted = true;
    try {
      attrs.set('PAGESIZE', fromSsize(vm, PAGE));
      attrs.set('ALLOCATIONGRANULARITY', fromSsize(vm, PAGE));
    } finally {
      vm.mem.accounted = was;
    }
    attrs.set('error', vm.types[E.OSError].typeObject);
    return m;
  },
};
