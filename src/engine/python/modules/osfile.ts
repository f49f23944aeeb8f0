import { lookupSpecial } from '../abstract/attr';
import { call } from '../abstract/call';
import { raiseString, typeError } from '../abstract/errors';
import { NotSupported } from '../errors';
import { exc } from '../objects/exctypes';
import { fromSsize, intValue } from '../objects/int';
import { listAppend, listNew } from '../objects/list';
import { strNew, strValue } from '../objects/str';
import { Meth, T, type Kwargs, type MethodDef } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { bytesArg, bytesResult, openArgs, openFile } from './fileobj';
import { def } from './gc';
import { absPath, simFs } from './simfs';

/**
 * os's file functions over the simulated file system (simfs.ts): os.open with the O_* flags,
 * read/write/close on descriptors, fdopen (io.open of the fd), remove/unlink, mkdir/rmdir, listdir.
 * A descriptor's reads and writes are system calls: they allocate only their bytes result (read)
 * or the int they return.
 */
/** os.SEEK_SET / SEEK_CUR / SEEK_END (and io's): lseek's whence. */
export const SEEK_WHENCE: [string, number][] = [
  ['SEEK_SET', 0],
  ['SEEK_CUR', 1],
  ['SEEK_END', 2],
];

export const O_FLAGS: Record<string, number> = {
  O_RDONLY: 0,
  O_WRONLY: 1,
  O_RDWR: 2,
  O_CREAT: 0o100,
  O_EXCL: 0o200,
  O_TRUNC: 0o1000,
  O_APPEND: 0o2000,
  O_CLOEXEC: 0o2000000,
  O_NOFOLLOW: 0o400000,
  // the rest of x86-64 Linux's <fcntl.h> as 3.11's os has them (measured): flags os.open passes on
  O_ACCMODE: 3,
  O_NOCTTY: 0o400,
  O_NONBLOCK: 0o4000,
  O_NDELAY: 0o4000,
  O_DSYNC: 0o10000,
  O_ASYNC: 0o20000,
  O_DIRECT: 0o40000,
  O_LARGEFILE: 0,
  O_DIRECTORY: 0o200000,
  O_NOATIME: 0o1000000,
  O_PATH: 0o10000000,
  O_SYNC: 0o4010000,
  O_FSYNC: 0o4010000,
  O_RSYNC: 0o4010000,
  O_TMPFILE: 0o20200000,
};

/** os.fspath: a str, or what an os.PathLike's __fspath__ returns (pathlib.Path). */
export function fspath(vm: Vm, h: number, fn: string): string {
  if (vm.table.type[h] === T.Str || vm.typeOf(h).mro.includes(T.Str)) return strValue(vm, h);
  const meth = lookupSpecial(vm, h, '__fspath__');
  if (meth !== 0) {
    const r = call(vm, meth, [], null);
    vm.decref(meth);
    try {
      if (vm.table.type[r] === T.Str) return strValue(vm, r);
    } finally {
      vm.decref(r);
    }
  }
  throw typeError(vm, `${fn}: path should be string, bytes or os.PathLike, not ${vm.typeOf(h).name}`);
}

const path = fspath;

const fdArg = (vm: Vm, h: number): number => Number(intValue(vm, h));

function osOpen(vm: Vm, _s: number, a: readonly number[]): number {
  if (a.length < 2) throw typeError(vm, "open() missing required argument 'flags' (pos 2)");
  const p = path(vm, a[0], 'open');
  const flags = fdArg(vm, a[1]);
  const acc = flags & 3;
  return fromSsize(
    vm,
    simFs(vm).open(vm, p, {
      read: acc === 0 || acc === 2,
      write: acc === 1 || acc === 2,
      create: (flags & O_FLAGS.O_CREAT) !== 0,
      truncate: (flags & O_FLAGS.O_TRUNC) !== 0,
      exclusive: (flags & O_FLAGS.O_EXCL) !== 0 && (flags & O_FLAGS.O_CREAT) !== 0,
      append: (flags & O_FLAGS.O_APPEND) !== 0,
    }),
  );
}

/**
 * os.fdopen(fd, mode='r', buffering=-1, encoding=None, *args, **kwargs) (os.py): checks that fd is an
 * int, then io.open(fd, mode, buffering, encoding, *args, **kwargs): every io.open keyword (newline=,
 * closefd=, errors=, …) passes through with io.open's own checks.
 */
function fdopen(vm: Vm, _s: number, a: readonly number[], kw: Kwargs | null): number {
  if (a.length < 1) throw typeError(vm, "fdopen() missing 1 required positional argument: 'fd'");
  if (vm.table.type[a[0]] !== T.Int)
    throw typeError(vm, `invalid fd type (<class '${vm.typeOf(a[0]).name}'>, expected integer)`);
  return openFile(vm, openArgs(vm, a, kw));
}

export const FILE_FUNCTIONS: MethodDef[] = [
  def('fspath', Meth.O, (vm, _s, a) => {
    if (vm.table.type[a[0]] === T.Str) {
      vm.incref(a[0]);
      return a[0];
    }
    return strNew(vm, fspath(vm, a[0], 'fspath'));
  }),
  def('open', Meth.Fastcall, osOpen),
  def('fdopen', Meth.Fastcall | Meth.Keywords, fdopen),
  def('read', Meth.Fastcall, (vm, _s, a) =>
    bytesResult(vm, simFs(vm).read(vm, fdArg(vm, a[0]), fdArg(vm, a[1]))),
  ),
  def('write', Meth.Fastcall, (vm, _s, a) =>
    fromSsize(vm, simFs(vm).write(vm, fdArg(vm, a[0]), bytesArg(vm, a[1]))),
  ),
  def('close', Meth.O, (vm, _s, a) => (simFs(vm).close(vm, fdArg(vm, a[0])), vm.s.None)),
  def('remove', Meth.O, (vm, _s, a) => (simFs(vm).unlink(vm, path(vm, a[0], 'remove')), vm.s.None)),
  def('unlink', Meth.O, (vm, _s, a) => (simFs(vm).unlink(vm, path(vm, a[0], 'unlink')), vm.s.None)),
  ...['rename', 'replace'].map((name) =>
    def(name, Meth.Fastcall, (vm, _s, a) => {
      if (a.length !== 2) throw typeError(vm, `${name}() takes exactly 2 positional arguments (${a.length} given)`);
      simFs(vm).rename(vm, path(vm, a[0], name), path(vm, a[1], name));
      return vm.s.None;
    }),
  ),
  def('mkdir', Meth.Fastcall, (vm, _s, a) => (simFs(vm).mkdir(vm, path(vm, a[0], 'mkdir')), vm.s.None)),
  def('rmdir', Meth.O, (vm, _s, a) => (simFs(vm).rmdir(vm, path(vm, a[0], 'rmdir')), vm.s.None)),
  def('listdir', Meth.Fastcall, (vm, _s, a) => {
    const p = a.length ? path(vm, a[0], 'listdir') : '.';
    const fs = simFs(vm);
    const abs = absPath(p);
    if (fs.kind(p) !== 'dir') {
      if (fs.kind(p) === 'file')
        throw raiseString(vm, exc('NotADirectoryError'), `[Errno 20] Not a directory: '${p}'`);
      throw raiseString(vm, exc('FileNotFoundError'), `[Errno 2] No such file or directory: '${p}'`);
    }
    if (abs.startsWith('/proc')) throw new NotSupported('os.listdir of /proc');
    const out = listNew(vm, 0);
    for (const n of fs.list(abs)) listAppend(vm, out, strNew(vm, n));
    return out;
  }),
];
