import { setObject } from '../abstract/errors';
import { fromSsize } from '../objects/int';
import { strNew } from '../objects/str';
import { tupleFromItems } from '../objects/tuple';
import { NotSupported } from '../errors';
import { exc } from '../objects/exctypes';
import type { Vm } from '../runtime/vm';

/**
 * The simulated process's file system, per run and deterministic: it starts with `/`, `/tmp` and
 * `/proc` (procfs.ts answers for /proc), and holds the files the script writes. A file the
 * script did not write does not exist here: opening a relative or /tmp path of it for reading raises
 * FileNotFoundError with CPython's message (a fresh run in a fresh directory would); an absolute
 * path elsewhere (a system file the user's machine has) is "not supported", never a fake error. File data lives
 * in the kernel's page cache, not in the process: it counts in no RSS figure until the process
 * maps it (mmap.ts) or copies it into its own memory (a read).
 *
 * Descriptors are numbered as the kernel numbers them: the lowest free one from 3 (0-2 are stdio).
 */
export const CWD = '/';
export const ST_BLKSIZE = 4096; // /tmp on this machine (os.stat('/tmp').st_blksize, measured)

export class Inode {
  data = new Uint8Array(0);
  size = 0;
  /** Live mmap()s of it (a file that is mapped keeps its pages even after unlink). */
  maps = 0;

  bytes(): Uint8Array {
    return this.data.subarray(0, this.size);
  }

  writeAt(pos: number, src: ArrayLike<number>): void {
    const end = pos + src.length;
    if (end > this.data.length) {
      const grown = new Uint8Array(Math.max(end, this.data.length * 2, 4096));
      grown.set(this.data.subarray(0, this.size));
      this.data = grown;
    }
    if (pos > this.size) this.data.fill(0, this.size, pos);
    this.data.set(src, pos);
    this.size = Math.max(this.size, end);
  }

  truncate(n: number): void {
    if (n < this.size) this.data.fill(0, n, this.size);
    else if (n > this.size) this.writeAt(n, []);
    this.size = n;
  }
}

/**
 * /dev/null, a character device: what is written is dropped (the kernel's write_null returns the
 * count and keeps nothing), a read is at end of file. Scripts silence output with it
 * (`print(..., file=open(os.devnull, 'w'))`); its writes cost the process only its own buffers.
 */
export class NullDevice extends Inode {
  override writeAt(): void {}
  override truncate(): void {}
}

export const DEV_NULL = '/dev/null';

export interface OpenFile {
  path: string;
  inode: Inode;
  pos: number;
  readable: boolean;
  writable: boolean;
  append: boolean;
}

export interface OpenFlags {
  read: boolean;
  write: boolean;
  create: boolean;
  truncate: boolean;
  exclusive: boolean;
  append: boolean;
}

export class SimFs {
  readonly files = new Map<string, Inode>([[DEV_NULL, new NullDevice()]]);
  readonly dirs = new Set<string>(['/', '/tmp', '/proc', '/dev']);
  readonly fds = new Map<number, OpenFile>();
  /** tempfile's name sequence (deterministic: the real one draws from random.Random()). */
  tempCounter = 0;

  /** The lowest free descriptor from 3. */
  private nextFd(): number {
    let fd = 3;
    while (this.fds.has(fd)) fd++;
    return fd;
  }

  open(vm: Vm, path: string, flags: OpenFlags): number {
    const abs = absPath(path);
    if (this.dirs.has(abs)) {
      if (flags.write) throw osError(vm, 'IsADirectoryError', 21, 'Is a directory', path);
      throw osError(vm, 'IsADirectoryError', 21, 'Is a directory', path);
    }
    let inode = this.files.get(abs);
    if (inode === undefined) {
      if (!flags.create) {
        // a system file (/etc/passwd, /usr/share/dict/words) exists on the user's machine: saying it
        // does not would be a fake error; the script's own relative or /tmp paths start empty
        if (path.startsWith('/') && !abs.startsWith('/tmp/'))
          throw new NotSupported(
            `reading ${path} (the simulated file system holds only the files the script writes)`,
          );
        throw osError(vm, 'FileNotFoundError', 2, 'No such file or directory', path);
      }
      if (!this.dirs.has(parentOf(abs)))
        throw osError(vm, 'FileNotFoundError', 2, 'No such file or directory', path);
      inode = new Inode();
      this.files.set(abs, inode);
    } else if (flags.exclusive) throw osError(vm, 'FileExistsError', 17, 'File exists', path);
    else if (flags.truncate) inode.truncate(0);
    const fd = this.nextFd();
    this.fds.set(fd, {
      path: abs,
      inode,
      pos: 0,
      readable: flags.read,
      writable: flags.write,
      append: flags.append,
    });
    return fd;
  }

  /** Whether `fd` is open on /dev/null (its writes read nothing: write_null returns the count). */
  isNullDevice(fd: number): boolean {
    return this.fds.get(fd)?.inode instanceof NullDevice;
  }

  file(vm: Vm, fd: number): OpenFile {
    const f = this.fds.get(fd);
    if (f === undefined) throw osError(vm, 'OSError', 9, 'Bad file descriptor');
    return f;
  }

  read(vm: Vm, fd: number, n: number): Uint8Array {
    const f = this.file(vm, fd);
    if (!f.readable) throw osError(vm, 'OSError', 9, 'Bad file descriptor');
    const out = f.inode.bytes().slice(f.pos, f.pos + n);
    f.pos += out.length;
    return out;
  }

  write(vm: Vm, fd: number, data: ArrayLike<number>): number {
    const f = this.file(vm, fd);
    if (!f.writable) throw osError(vm, 'OSError', 9, 'Bad file descriptor');
    if (f.append) f.pos = f.inode.size;
    f.inode.writeAt(f.pos, data);
    f.pos += data.length;
    return data.length;
  }

  close(vm: Vm, fd: number): void {
    this.file(vm, fd);
    this.fds.delete(fd);
  }

  unlink(vm: Vm, path: string): void {
    const abs = absPath(path);
    if (this.dirs.has(abs)) throw osError(vm, 'IsADirectoryError', 21, 'Is a directory', path);
    // /dev belongs to root's devtmpfs; a user's script gets EACCES (run as root it would succeed and
    // break the machine: no script means to)
    if (abs.startsWith('/dev/')) throw osError(vm, 'PermissionError', 13, 'Permission denied', path);
    if (!this.files.delete(abs)) throw osError(vm, 'FileNotFoundError', 2, 'No such file or directory', path);
  }

  /** rename(2) of a file: the destination file is replaced; descriptors open on either keep their inode. */
  rename(vm: Vm, from: string, to: string): void {
    const src = absPath(from);
    const dst = absPath(to);
    const inode = this.files.get(src);
    if (inode === undefined) {
      if (this.dirs.has(src)) throw new NotSupported('os.rename of a directory');
      throw osError(vm, 'FileNotFoundError', 2, 'No such file or directory', from, to);
    }
    if (this.dirs.has(dst)) throw osError(vm, 'IsADirectoryError', 21, 'Is a directory', from, to);
    if (!this.dirs.has(parentOf(dst)))
      throw osError(vm, 'FileNotFoundError', 2, 'No such file or directory', from, to);
    if (src === dst) return;
    this.files.delete(src);
    this.files.set(dst, inode);
  }

  mkdir(vm: Vm, path: string): void {
    const abs = absPath(path);
    if (this.dirs.has(abs) || this.files.has(abs))
      throw osError(vm, 'FileExistsError', 17, 'File exists', path);
    if (!this.dirs.has(parentOf(abs)))
      throw osError(vm, 'FileNotFoundError', 2, 'No such file or directory', path);
    this.dirs.add(abs);
  }

  rmdir(vm: Vm, path: string): void {
    const abs = absPath(path);
    if (!this.dirs.has(abs)) throw osError(vm, 'FileNotFoundError', 2, 'No such file or directory', path);
    // the machine's own directories hold what other processes put there (os.removedirs climbs to them)
    if (abs === '/') throw osError(vm, 'OSError', 16, 'Device or resource busy', path);
    if (abs === '/tmp' || abs === '/proc' || abs === '/dev' || this.list(abs).length) throw osError(vm, 'OSError', 39, 'Directory not empty', path);
    this.dirs.delete(abs);
  }

  /** Names directly inside `dir`, sorted (the order tmpfs gives is creation order reversed; sorted is stable). */
  list(dir: string): string[] {
    const prefix = dir === '/' ? '/' : dir + '/';
    const out = new Set<string>();
    for (const p of [...this.files.keys(), ...this.dirs])
      if (p !== dir && p.startsWith(prefix) && !p.slice(prefix.length).includes('/'))
        out.add(p.slice(prefix.length));
    return [...out].sort();
  }

  kind(path: string): 'file' | 'dir' | null {
    const abs = absPath(path);
    if (this.dirs.has(abs)) return 'dir';
    return this.files.has(abs) ? 'file' : null;
  }

  /** tempfile's next 8-character name (letters, digits and '_', as _RandomNameSequence draws them). */
  tempName(): string {
    const chars = 'abcdefghijklmnopqrstuvwxyz0123456789_';
    let x = (++this.tempCounter * 2654435761) >>> 0;
    let s = '';
    for (let i = 0; i < 8; i++) {
      s += chars[x % chars.length];
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    }
    return s;
  }
}

const filesystems = new WeakMap<Vm, SimFs>();

export function simFs(vm: Vm): SimFs {
  let fs = filesystems.get(vm);
  if (fs === undefined) filesystems.set(vm, (fs = new SimFs()));
  return fs;
}

/** The path made absolute against the working directory and normalized (no '.', '..', '//'). */
export function absPath(p: string): string {
  const parts: string[] = [];
  for (const c of (p.startsWith('/') ? p : CWD + '/' + p).split('/')) {
    if (c === '' || c === '.') continue;
    if (c === '..') parts.pop();
    else parts.push(c);
  }
  return '/' + parts.join('/');
}

function parentOf(abs: string): string {
  const i = abs.lastIndexOf('/');
  return i <= 0 ? '/' : abs.slice(0, i);
}

/** OSError subclasses as CPython formats them: "[Errno 2] No such file or directory: 'x'". */
export function osError(
  vm: Vm,
  type: string,
  errno: number,
  text: string,
  path?: string,
  path2?: string,
): Error {
  let msg = path === undefined ? `[Errno ${errno}] ${text}` : `[Errno ${errno}] ${text}: '${path}'`;
  if (path2 !== undefined) msg += ` -> '${path2}'`;
  // PyErr_SetFromErrnoWithFilenameObjects: the value is (errno, strerror[, filename[, 0, filename2]]),
  // so the exception has its errno, strerror and filenames when normalized (os.rename names both)
  const items = [fromSsize(vm, errno), strNew(vm, text)];
  if (path !== undefined) items.push(strNew(vm, path));
  if (path !== undefined && path2 !== undefined) items.push(fromSsize(vm, 0), strNew(vm, path2));
  const args = tupleFromItems(vm, items);
  try {
    return setObject(vm, exc(type), args, msg);
  } finally {
    vm.decref(args);
  }
}

/** open()'s mode string parsed as _io.open checks it (the messages are 3.11's). */
export function parseMode(
  mode: string,
): { flags: OpenFlags; binary: boolean; plus: boolean; kind: string } | string {
  const seen = new Set<string>();
  for (const c of mode) {
    if (!'rwxabt+'.includes(c) || seen.has(c)) return `invalid mode: '${mode}'`;
    seen.add(c);
  }
  const creating = seen.has('x');
  const reading = seen.has('r');
  const writing = seen.has('w');
  const appending = seen.has('a');
  const plus = seen.has('+');
  if (seen.has('t') && seen.has('b')) return "can't have text and binary mode at once";
  if (Number(creating) + Number(reading) + Number(writing) + Number(appending) > 1)
    return 'must have exactly one of create/read/write/append mode';
  if (!(creating || reading || writing || appending))
    return 'Must have exactly one of create/read/write/append mode and at most one plus';
  const kind = creating ? 'x' : reading ? 'r' : writing ? 'w' : 'a';
  return {
    flags: {
      read: reading || plus,
      write: !reading || plus,
      create: !reading,
      truncate: writing,
      exclusive: creating,
      append: appending,
    },
    binary: seen.has('b'),
    plus,
    kind,
  };
}
