import { typeError } from '../abstract/errors';
import { NotSupported } from '../errors';
import { bytesNew } from '../objects/bytes';
import { fromDouble } from '../objects/float';
import { fromLong, fromSsize, intAddSub, intMul } from '../objects/int';
import { moduleType } from '../objects/modtypes';
import { strNew, strValue } from '../objects/str';
import { structSeqNew, structSeqType, type StructSeqDesc } from '../objects/structseq';
import { Meth, T, defineType, type Kwargs, type MethodDef, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { cFree, cMalloc } from './clib';
import { def } from './gc';
import { fspath } from './osfile';
import { normalizePath } from './procfs';
import { absPath, osError, simFs, ST_BLKSIZE } from './simfs';
import { wallNs } from './simclock';

/**
 * os.stat / lstat / fstat and os.scandir over the simulated file system (simfs.ts), as
 * Modules/posixmodule.c (3.11) builds their objects:
 * - `stat_result` (_pystat_fromstructstat): a struct sequence of 19 fields (10 visible, measured:
 *   n_fields 19, n_sequence_fields 10), its ints made one by one (st_mode, st_ino, st_dev, st_size
 *   and st_blksize past the small-int cache are new ints), and per time (fill_time) the seconds,
 *   the nanoseconds, their product by 10**9 and its sum (the _ns field), and a float: the product
 *   and the nanoseconds are freed at once.
 * - `ScandirIterator` (os_scandir_impl): the path's bytes first (path_converter's
 *   PyUnicode_EncodeFSDefault, kept until the iterator dies), a 104-byte object (not GC) and glibc's
 *   opendir DIR: malloc(header + 32 KiB) (__alloc_dir: max(st_blksize, 32768)), freed by
 *   closedir at the end of the listing, at close() or __exit__.
 * - `DirEntry` (DirEntry_from_posix_info): 72 bytes (not GC), its name and path strs (the joined
 *   path built first in a PyMem block of len(dir) + len(name) + 2, freed once the path str is
 *   made), is_dir()/is_file() from d_type without a system call, stat() made once and kept on the
 *   entry (DirEntry_fetch_stat frees the path's bytes before building the result; os.stat after).
 * The simulated file system has no symbolic links: lstat is stat and is_symlink() is False.
 * Times: a path's times are the simulated wall clock when it was first asked about.
 */
const STAT: StructSeqDesc = {
  name: 'stat_result',
  module: 'os',
  fields: [
    'st_mode',
    'st_ino',
    'st_dev',
    'st_nlink',
    'st_uid',
    'st_gid',
    'st_size',
    '_st_atime_int',
    '_st_mtime_int',
    '_st_ctime_int',
    'st_atime',
    'st_mtime',
    'st_ctime',
    'st_atime_ns',
    'st_mtime_ns',
    'st_ctime_ns',
    'st_blksize',
    'st_blocks',
    'st_rdev',
  ],
  visible: 10,
};
const StatResultType = structSeqType(STAT);
/** /dev/vda st_dev on this machine (0xfe00 = 65024, measured on /tmp). */
const ST_DEV = 0xfe00;
const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
const SCANDIR_BASIC = 104;
const DIRENTRY_BASIC = 72;
/** sizeof(struct __dirstream) in glibc 2.36 (x86-64) before its buffer. */
const DIR_HEADER = 48;
const DIR_BUFFER = 32768;
/** A linux_dirent64 record as getdents64 fills the DIR's buffer: 19 bytes + name, 8-aligned. */
const direntBytes = (name: string): number => (19 + name.length + 1 + 7) & ~7;

interface PathMeta {
  ino: number;
  ns: bigint;
}
const metas = new WeakMap<Vm, Map<string, PathMeta>>();

function metaOf(vm: Vm, abs: string): PathMeta {
  let m = metas.get(vm);
  if (m === undefined) metas.set(vm, (m = new Map()));
  let meta = m.get(abs);
  if (meta === undefined) m.set(abs, (meta = { ino: 1_310_000 + m.size * 7, ns: wallNs(vm) }));
  return meta;
}

/** What a path is on the simulated file system: a regular file's size, or a directory. */
function lookup(vm: Vm, p: string): { kind: 'file' | 'dir'; size: number; abs: string } {
  const abs = absPath(p);
  if (normalizePath(abs).startsWith('/proc/')) throw new NotSupported('os.stat of a /proc file');
  const fs = simFs(vm);
  const kind = fs.kind(abs);
  if (kind === null) {
    if (p.startsWith('/') && !abs.startsWith('/tmp/') && abs !== '/tmp')
      throw new NotSupported(`os.stat of ${p} (the simulated file system holds only the files the script writes)`);
    throw osError(vm, 'FileNotFoundError', 2, 'No such file or directory', p);
  }
  const size = kind === 'dir' ? ST_BLKSIZE : fs.files.get(abs)!.size;
  return { kind, size, abs };
}

/** fill_time: (seconds int, float, ns int); the ns fraction and seconds × 10**9 are temporaries. */
function fillTime(vm: Vm, ns: bigint): [number, number, number] {
  const sec = ns / 1_000_000_000n;
  const frac = ns % 1_000_000_000n;
  const s = fromLong(vm, sec);
  const nsFractional = fromSsize(vm, frac); // PyLong_FromUnsignedLong: exactly sized
  const sInNs = intMul(vm, sec, 1_000_000_000n);
  const total = intAddSub(vm, sec * 1_000_000_000n, frac, false);
  const f = fromDouble(vm, Number(sec) + Number(frac) * 1e-9);
  vm.decref(nsFractional);
  vm.decref(sInNs);
  return [s, f, total];
}

/** _pystat_fromstructstat: PyStructSequence_New, then each field in order. */
function statResult(vm: Vm, p: string): number {
  const { kind, size, abs } = lookup(vm, p);
  const meta = metaOf(vm, abs);
  const h = structSeqNew(vm, StatResultType, STAT, []);
  const dirs = kind === 'dir' ? simFs(vm).list(abs).filter((n) => simFs(vm).kind(`${abs}/${n}`) === 'dir').length : 0;
  const head = [
    fromLong(vm, kind === 'dir' ? S_IFDIR | 0o755 : S_IFREG | 0o644),
    fromSsize(vm, meta.ino), // PyLong_FromUnsignedLongLong: exactly sized (28), the others PyLong_FromLong(Long)
    fromLong(vm, ST_DEV),
    fromLong(vm, kind === 'dir' ? 2 + dirs : 1),
    fromLong(vm, 0),
    fromLong(vm, 0),
    fromLong(vm, size),
  ];
  const times = [fillTime(vm, meta.ns), fillTime(vm, meta.ns), fillTime(vm, meta.ns)];
  const tail = [fromLong(vm, ST_BLKSIZE), fromLong(vm, Math.ceil(size / 4096) * 8), fromLong(vm, 0)];
  const fields = [...head, ...times.map((t) => t[0]), ...times.map((t) => t[1]), ...times.map((t) => t[2]), ...tail];
  const off = vm.table.ref[h];
  fields.forEach((v, i) => (vm.pool.data[off + i] = v));
  return h;
}

/** path_converter of a str: PyUnicode_EncodeFSDefault's bytes, freed by path_cleanup. */
function withPathBytes<R>(vm: Vm, p: string, body: () => R): R {
  const b = bytesNew(vm, p);
  try {
    return body();
  } finally {
    vm.decref(b);
  }
}

function statCall(vm: Vm, _s: number, a: readonly number[], kw: Kwargs | null, fn: string): number {
  const target = a[0] ?? kw?.get('path');
  if (target === undefined) throw typeError(vm, `${fn}() missing required argument 'path' (pos 1)`);
  if (vm.table.type[target] === T.Int) throw new NotSupported(`os.${fn} of a file descriptor`);
  const p = fspath(vm, target, fn);
  return withPathBytes(vm, p, () => statResult(vm, p));
}

// ---- DirEntry ---------------------------------------------------------------------------

interface DirEntryState {
  name: number;
  path: number;
  isDir: boolean;
  /** The cached stat_result (DirEntry_fetch_stat), 0 until asked. */
  stat: number;
}
const entryOf = (vm: Vm, h: number): DirEntryState => vm.table.side[h] as DirEntryState;

const boolMethod = (name: string, answer: (e: DirEntryState) => boolean): MethodDef =>
  def(name, Meth.Fastcall | Meth.Keywords, (vm, h) => vm.s.bool(answer(entryOf(vm, h))));

const DirEntryType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'DirEntry',
    qualname: 'DirEntry',
    module: 'posix',
    basicsize: DIRENTRY_BASIC,
    flags: 0,
    dealloc: (vm, h) => {
      const e = entryOf(vm, h);
      vm.table.side[h] = undefined;
      vm.decref(e.name);
      vm.decref(e.path);
      if (e.stat) vm.decref(e.stat);
      vm.objectFree(h);
    },
    reprText: (vm, h) => `<DirEntry '${strValue(vm, entryOf(vm, h).name)}'>`,
    getset: {
      name: { name: 'name', get: (vm, h) => (vm.incref(entryOf(vm, h).name), entryOf(vm, h).name) },
      path: { name: 'path', get: (vm, h) => (vm.incref(entryOf(vm, h).path), entryOf(vm, h).path) },
    },
    methods: {
      is_dir: boolMethod('is_dir', (e) => e.isDir),
      is_file: boolMethod('is_file', (e) => !e.isDir),
      is_symlink: def('is_symlink', Meth.NoArgs, (vm) => vm.s.False),
      stat: def('stat', Meth.Fastcall | Meth.Keywords, (vm, h) => {
        const e = entryOf(vm, h);
        if (e.stat === 0) {
          // DirEntry_fetch_stat: PyUnicode_FSConverter's bytes, stat(2), the bytes freed, then the result
          vm.decref(bytesNew(vm, strValue(vm, e.path)));
          e.stat = statResult(vm, strValue(vm, e.path));
        }
        vm.incref(e.stat);
        return e.stat;
      }),
      inode: def('inode', Meth.NoArgs, (vm, h) => fromLong(vm, metaOf(vm, absPath(strValue(vm, entryOf(vm, h).path))).ino)),
      __fspath__: def('__fspath__', Meth.NoArgs, (vm, h) => (vm.incref(entryOf(vm, h).path), entryOf(vm, h).path)),
    },
  });

// ---- ScandirIterator ----------------------------------------------------------------------

interface ScandirState {
  dir: string;
  /** The path as given ('' for scandir() of '.': entries' paths are then their names). */
  prefix: string;
  pathBytes: number;
  /** glibc's DIR (0 once closedir ran). */
  dirp: number;
  names: string[];
  next: number;
}
const scanOf = (vm: Vm, h: number): ScandirState => vm.table.side[h] as ScandirState;

function closeDir(vm: Vm, st: ScandirState): void {
  if (st.dirp === 0) return;
  cFree(vm, st.dirp);
  st.dirp = 0;
}

/** DirEntry_from_posix_info: the entry, its name, the joined path (a PyMem block, freed) as a str. */
function newEntry(vm: Vm, st: ScandirState, name: string): number {
  const h = vm.newObject(moduleType(vm, DirEntryType).id, DIRENTRY_BASIC);
  // measured order: the joined path's block, the name, the path, the block freed
  let block = 0;
  if (st.prefix !== '') {
    const joinedLen = st.prefix.length + name.length + 2;
    block = vm.mem.malloc(joinedLen);
    vm.mem.touch(block, joinedLen);
  }
  const nameObj = strNew(vm, name);
  let pathObj: number;
  if (block === 0) {
    vm.incref(nameObj);
    pathObj = nameObj;
  } else {
    pathObj = strNew(vm, st.prefix.endsWith('/') ? st.prefix + name : `${st.prefix}/${name}`);
    vm.mem.free(block);
  }
  const isDir = simFs(vm).kind(`${st.dir === '/' ? '' : st.dir}/${name}`) === 'dir';
  vm.table.side[h] = { name: nameObj, path: pathObj, isDir, stat: 0 } satisfies DirEntryState;
  return h;
}

const ScandirIteratorType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'ScandirIterator',
    qualname: 'ScandirIterator',
    module: 'posix',
    basicsize: SCANDIR_BASIC,
    flags: 0,
    dealloc: (vm, h) => {
      const st = scanOf(vm, h);
      vm.table.side[h] = undefined;
      closeDir(vm, st);
      vm.decref(st.pathBytes);
      vm.objectFree(h);
    },
    iter: (vm, h) => (vm.incref(h), h),
    // ScandirIterator_iternext: readdir until a name other than . and ..; at the end closedir
    iternext: (vm, h) => {
      const st = scanOf(vm, h);
      if (st.dirp === 0) return 0;
      if (st.next >= st.names.length) {
        closeDir(vm, st);
        return 0;
      }
      return newEntry(vm, st, st.names[st.next++]);
    },
    methods: {
      close: def('close', Meth.NoArgs, (vm, h) => (closeDir(vm, scanOf(vm, h)), vm.s.None)),
      __enter__: def('__enter__', Meth.NoArgs, (vm, h) => (vm.incref(h), h)),
      __exit__: def('__exit__', Meth.Varargs, (vm, h) => (closeDir(vm, scanOf(vm, h)), vm.s.None)),
    },
  });

/** os_scandir_impl: the iterator, the path's bytes, opendir's DIR (the whole listing read into it). */
function scandir(vm: Vm, _s: number, a: readonly number[], kw: Kwargs | null): number {
  const target = a[0] ?? kw?.get('path');
  if (target !== undefined && vm.table.type[target] === T.Int) throw new NotSupported('os.scandir of a file descriptor');
  const given = target === undefined || target === vm.s.None ? '' : fspath(vm, target, 'scandir');
  const dir = absPath(given === '' ? '.' : given);
  if (dir === '/proc' || dir.startsWith('/proc/')) throw new NotSupported('os.scandir of /proc');
  const fs = simFs(vm);
  const kind = fs.kind(dir);
  if (kind === 'file') throw osError(vm, 'NotADirectoryError', 20, 'Not a directory', given);
  if (kind === null) {
    if (given.startsWith('/') && !dir.startsWith('/tmp/'))
      throw new NotSupported(`os.scandir of ${given} (the simulated file system holds only the files the script writes)`);
    throw osError(vm, 'FileNotFoundError', 2, 'No such file or directory', given);
  }
  const pathBytes = given === '' ? vm.s.None : bytesNew(vm, given);
  if (pathBytes === vm.s.None) vm.incref(pathBytes);
  const h = vm.newObject(moduleType(vm, ScandirIteratorType).id, SCANDIR_BASIC);
  const names = fs.list(dir);
  const filled = ['.', '..', ...names].reduce((n, name) => n + direntBytes(name), 0);
  const dirp = cMalloc(vm, DIR_HEADER + DIR_BUFFER, DIR_HEADER + Math.min(DIR_BUFFER, filled));
  vm.table.side[h] = { dir, prefix: given, pathBytes, dirp, names, next: 0 } satisfies ScandirState;
  return h;
}

export const DIR_FUNCTIONS: MethodDef[] = [
  def('stat', Meth.Fastcall | Meth.Keywords, (vm, s, a, kw) => statCall(vm, s, a, kw, 'stat')),
  def('lstat', Meth.Fastcall | Meth.Keywords, (vm, s, a, kw) => statCall(vm, s, a, kw, 'lstat')),
  def('scandir', Meth.Fastcall | Meth.Keywords, scandir),
];

/**
 * genericpath's exists/isfile/isdir/getsize and posixpath's islink/lexists call os.stat or os.lstat
 * and read one field: the whole stat_result is built (with the path's bytes) and freed at once.
 */
export function statAndDrop(vm: Vm, p: string): void {
  vm.decref(withPathBytes(vm, p, () => statResult(vm, p)));
}

/** os.path.getmtime and friends read st_mtime (genericpath: os.stat(p).st_mtime: the whole result, freed). */
export function statFloatField(vm: Vm, target: number, field: 'st_mtime' | 'st_atime' | 'st_ctime', fn: string): number {
  const p = fspath(vm, target, fn);
  const st = withPathBytes(vm, p, () => statResult(vm, p));
  const i = STAT.fields.indexOf(field);
  const v = vm.pool.data[vm.table.ref[st] + i];
  vm.incref(v);
  vm.decref(st);
  return v;
}

