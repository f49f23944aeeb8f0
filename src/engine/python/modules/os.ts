import { lookupSpecial } from '../abstract/attr';
import { raiseString, typeError } from '../abstract/errors';
import { NotSupported } from '../errors';
import { bytesNew } from '../objects/bytes';
import { dictGetItem, dictNew, dictSetItem } from '../objects/dict';
import { E, exc } from '../objects/exctypes';
import { fromLong, intValue } from '../objects/int';
import { moduleData } from '../objects/module';
import { intern, strNew, strValue } from '../objects/str';
import { F_IMMORTAL } from '../objects/table';
import { tupleFromItems } from '../objects/tuple';
import { Meth, T, type MethodDef } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { def, staticModule } from './gc';
import { normalizePath, procPathKind, SIM_PID } from './procfs';
import type { ModuleSpec } from './registry';
import { FILE_FUNCTIONS, fspath, O_FLAGS, SEEK_WHENCE } from './osfile';
import { absPath, simFs } from './simfs';
import { STRERROR } from './errnoData';
import { killSelf } from './signalmod';
import { DIR_FUNCTIONS, statAndDrop, statFloatField } from './osdir';
import { OS_SOURCE } from './osSource';
import { partName, runPythonPart } from './pythonpart';

/**
 * os and os.path (posixpath) as memory snippets use them. Both are loaded at start-up in the
 * recorder's process (site imports os), so `import os` allocates nothing and their objects are
 * static. What they answer is the simulated machine's: pid SIM_PID, the recorder's environment
 * (PATH, HOME, LANG, PYTHONHASHSEED, PYTHONDONTWRITEBYTECODE: tools/hw_common.py), 2 CPUs and
 * 24 GiB (this machine, measured), 4 KiB pages. The file system is the simulated /proc
 * (procfs.ts) and the files the script writes (simfs.ts; osfile.ts has open/read/write/close,
 * fdopen, remove/unlink, mkdir/rmdir, listdir; osdir.ts has stat and scandir; osSource.ts the
 * Python half: makedirs, walk, removedirs); what needs a process (system, popen, fork) says it is
 * not supported.
 */
const ENVIRON: [string, string][] = [
  ['PATH', '/usr/local/bin:/usr/bin:/bin'],
  ['HOME', '/nonexistent'],
  ['LANG', 'C.UTF-8'],
  ['PYTHONHASHSEED', '0'],
  ['PYTHONDONTWRITEBYTECODE', '1'],
];
const CWD = '/';
const CPUS = 2;
const PHYS_PAGES = (24 * 1024 ** 3) / 4096;
/** sysconf names (os.sysconf_names on this machine, the ones snippets ask for). */
const SYSCONF: Record<string, number> = {
  SC_PAGE_SIZE: 4096,
  SC_PAGESIZE: 4096,
  SC_PHYS_PAGES: PHYS_PAGES,
  SC_NPROCESSORS_ONLN: CPUS,
  SC_NPROCESSORS_CONF: CPUS,
  SC_CLK_TCK: 100,
};

const str = (vm: Vm, h: number, fn: string): string => fspath(vm, h, fn);

const refuse = (what: string): MethodDef =>
  def(what, Meth.Varargs | Meth.Keywords, () => {
    throw new NotSupported(`os.${what}() (Highwater simulates no file system or other processes)`);
  });

/** A deterministic urandom (xorshift32 from a fixed seed): runs are reproducible. */
let urandomState = 0x9e3779b9;
function urandomBytes(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    urandomState ^= urandomState << 13;
    urandomState ^= urandomState >>> 17;
    urandomState ^= urandomState << 5;
    s += String.fromCharCode(urandomState & 0xff);
  }
  return s;
}

function makeEnviron(vm: Vm): number {
  // made at start-up in the real process: its blocks are outside the simulated heap (Mem.accounted)
  const mem = vm.mem;
  const was = mem.accounted;
  mem.accounted = true;
  try {
    const d = dictNew(vm);
    for (const [k, v] of ENVIRON) {
      const value = strNew(vm, v);
      vm.table.flags[value] |= F_IMMORTAL;
      dictSetItem(vm, d, intern(vm, k), value);
    }
    vm.table.flags[d] |= F_IMMORTAL;
    return d;
  } finally {
    mem.accounted = was;
  }
}

const environs = new WeakMap<Vm, number>();
function environOf(vm: Vm): number {
  let e = environs.get(vm);
  if (e === undefined) environs.set(vm, (e = makeEnviron(vm)));
  return e;
}

export const osModule: ModuleSpec = {
  name: 'os',
  load: (vm, importModule) => {
    const m = staticModule(vm, 'os', [
      def('getpid', Meth.NoArgs, (vm2) => fromLong(vm2, SIM_PID)),
      def('getppid', Meth.NoArgs, (vm2) => fromLong(vm2, SIM_PID - 4)),
      def('getcwd', Meth.NoArgs, (vm2) => strNew(vm2, CWD)),
      def('cpu_count', Meth.NoArgs, (vm2) => fromLong(vm2, CPUS)),
      def('getenv', Meth.Fastcall, (vm2, _s, a) => {
        if (a.length < 1 || a.length > 2) throw typeError(vm2, 'getenv() takes 1 or 2 arguments');
        const v = dictGetItem(vm2, environOf(vm2), a[0]);
        const out = v !== 0 ? v : (a[1] ?? vm2.s.None);
        vm2.incref(out);
        return out;
      }),
      def('urandom', Meth.O, (vm2, _s, a) => {
        const n = Number(intValue(vm2, a[0]));
        if (n < 0) throw raiseString(vm2, E.ValueError, 'negative argument not allowed');
        return bytesNew(vm2, urandomBytes(n));
      }),
      // os_strerror_impl: glibc's strerror text (measured: tools/modules/errno_names.py)
      def('strerror', Meth.O, (vm2, _s, a) => {
        if (!vm2.typeOf(a[0]).mro.includes(T.Int))
          throw typeError(vm2, "'%.200s' object cannot be interpreted as an integer", vm2.typeOf(a[0]).name);
        const code = Number(intValue(vm2, a[0]));
        return strNew(vm2, STRERROR[code] ?? `Unknown error ${code}`);
      }),
      def('sysconf', Meth.O, (vm2, _s, a) => {
        if (vm2.table.type[a[0]] === T.Str) {
          const v = SYSCONF[strValue(vm2, a[0])];
          if (v === undefined) throw new NotSupported(`os.sysconf('${strValue(vm2, a[0])}')`);
          return fromLong(vm2, v);
        }
        throw new NotSupported('os.sysconf of a number');
      }),
      def('getloadavg', Meth.NoArgs, (vm2) => {
        throw new NotSupported('os.getloadavg() (the machine is not simulated)');
        void vm2;
      }),
      ...FILE_FUNCTIONS,
      ...DIR_FUNCTIONS,
      refuse('system'),
      refuse('popen'),
      refuse('fork'),
      def('kill', Meth.Fastcall, (vm2, _m, a) => {
        if (a.length !== 2) throw typeError(vm2, 'kill expected 2 arguments, got %zd', a.length);
        return killSelf(vm2, Number(intValue(vm2, a[0])), Number(intValue(vm2, a[1])), SIM_PID);
      }),
      refuse('chdir'),
    ]);
    const attrs = moduleData(vm, m).attrs;
    attrs.set('environ', environOf(vm));
    attrs.set('sep', intern(vm, '/'));
    attrs.set('altsep', vm.s.None);
    attrs.set('extsep', intern(vm, '.'));
    attrs.set('pathsep', intern(vm, ':'));
    attrs.set('linesep', intern(vm, '\n'));
    attrs.set('curdir', intern(vm, '.'));
    attrs.set('pardir', intern(vm, '..'));
    attrs.set('devnull', intern(vm, '/dev/null'));
    attrs.set('name', intern(vm, 'posix'));
    // lseek's whence values (0, 1, 2: small ints, cached, no allocation), also io.SEEK_*
    for (const [k, v] of SEEK_WHENCE) attrs.set(k, fromLong(vm, v));
    // made at start-up in the real process: outside the simulated heap, as environ is
    const was = vm.mem.accounted;
    vm.mem.accounted = true;
    try {
      for (const [k, v] of Object.entries(O_FLAGS)) {
        const n = fromLong(vm, v);
        vm.table.flags[n] |= F_IMMORTAL;
        attrs.set(k, n);
      }
    } finally {
      vm.mem.accounted = was;
    }
    const path = importModule('os.path');
    attrs.set('path', path);
    // the Python half (osSource.ts) runs in a globals dict that sees os's names, as os.py's do
    const names: Record<string, number> = {};
    for (const [k, v] of attrs) names[k] = v;
    const globals = runPythonPart(vm, 'os', OS_SOURCE, names);
    for (const n of ['makedirs', 'removedirs', 'walk', '_walk']) attrs.set(n, partName(vm, globals, n));
    return m;
  },
};

/** An exact str returned as it is (a new reference). */
function sameStr(vm: Vm, h: number): number {
  if (vm.table.type[h] !== T.Str) return strNew(vm, strValue(vm, h));
  vm.incref(h);
  return h;
}

const splitLast = (p: string): [string, string] => {
  const i = p.lastIndexOf('/') + 1;
  let head = p.slice(0, i);
  if (head && head !== '/'.repeat(head.length)) head = head.replace(/\/+$/, '');
  return [head, p.slice(i)];
};

/** posixpath.splitext: the last dot after the last slash, leading dots not counted. */
function splitext(p: string): [string, string] {
  const sep = p.lastIndexOf('/');
  const dot = p.lastIndexOf('.');
  if (dot > sep) {
    let i = sep + 1;
    while (i < dot) {
      if (p[i] !== '.') return [p.slice(0, dot), p.slice(dot)];
      i++;
    }
  }
  return [p, ''];
}

/** posixpath.normpath (an initial '//' is kept, as POSIX allows). */
function normpath(p: string): string {
  if (p === '') return '.';
  const initial = p.startsWith('/') ? (p.startsWith('//') && !p.startsWith('///') ? 2 : 1) : 0;
  const out: string[] = [];
  for (const c of p.split('/')) {
    if (c === '' || c === '.') continue;
    if (c !== '..' || (!initial && !out.length) || (out.length && out[out.length - 1] === '..')) out.push(c);
    else if (out.length) out.pop();
  }
  const s = '/'.repeat(initial) + out.join('/');
  return s || '.';
}

function existsKind(vm: Vm, h: number, fn: string): 'file' | 'dir' | null {
  const p = str(vm, h, fn);
  const abs = p.startsWith('/') ? p : CWD + p;
  if (normalizePath(abs).startsWith('/proc/')) return procPathKind(abs);
  const kind = simFs(vm).kind(abs);
  // the real function's os.stat: a stat_result built and dropped (a missing path raises inside, not modelled)
  if (kind !== null) statAndDrop(vm, p);
  return kind;
}

export const osPathModule: ModuleSpec = {
  name: 'os.path',
  load: (vm) =>
    staticModule(vm, 'posixpath', [
      def('join', Meth.Varargs, (vm2, _s, a) => {
        if (a.length === 0) throw typeError(vm2, "join() missing 1 required positional argument: 'a'");
        let path = str(vm2, a[0], 'join');
        for (const h of a.slice(1)) {
          const b = str(vm2, h, 'join');
          if (b.startsWith('/')) path = b;
          else if (path === '' || path.endsWith('/')) path += b;
          else path += '/' + b;
        }
        return strNew(vm2, path);
      }),
      // p[i:] with i == 0 is p itself (unicode_subscript returns an exact str unsliced)
      def('basename', Meth.O, (vm2, _s, a) => {
        const p = str(vm2, a[0], 'basename');
        const tail = splitLast(p)[1];
        return tail === p ? sameStr(vm2, a[0]) : strNew(vm2, tail);
      }),
      def('dirname', Meth.O, (vm2, _s, a) => strNew(vm2, splitLast(str(vm2, a[0], 'dirname'))[0])),
      def('split', Meth.O, (vm2, _s, a) => {
        const [h, t] = splitLast(str(vm2, a[0], 'split'));
        return tupleFromItems(vm2, [strNew(vm2, h), strNew(vm2, t)]);
      }),
      def('splitext', Meth.O, (vm2, _s, a) => {
        // genericpath._splitext: no extension is (p, p[:0]), p itself and the empty str
        const p = str(vm2, a[0], 'splitext');
        const [r, e] = splitext(p);
        return tupleFromItems(vm2, [r === p ? sameStr(vm2, a[0]) : strNew(vm2, r), strNew(vm2, e)]);
      }),
      def('normpath', Meth.O, (vm2, _s, a) => strNew(vm2, normpath(str(vm2, a[0], 'normpath')))),
      def('abspath', Meth.O, (vm2, _s, a) => {
        const p = str(vm2, a[0], 'abspath');
        return strNew(vm2, normpath(p.startsWith('/') ? p : CWD + p));
      }),
      // posixpath.relpath: both made absolute, the common leading components dropped, '..' for each of start's left
      def('relpath', Meth.Fastcall, (vm2, _s, a) => {
        if (a.length < 1 || a.length > 2) throw typeError(vm2, 'relpath() takes from 1 to 2 positional arguments');
        const p = str(vm2, a[0], 'relpath');
        if (!p) throw raiseString(vm2, E.ValueError, 'no path specified');
        const start = a.length > 1 && a[1] !== vm2.s.None ? str(vm2, a[1], 'relpath') : '.';
        const parts = (x: string): string[] => normpath(x.startsWith('/') ? x : CWD + x).split('/').filter(Boolean);
        const to = parts(p);
        const from = parts(start);
        let i = 0;
        while (i < to.length && i < from.length && to[i] === from[i]) i++;
        const rel = [...Array<string>(from.length - i).fill('..'), ...to.slice(i)];
        return strNew(vm2, rel.length ? rel.join('/') : '.');
      }),
      def('isabs', Meth.O, (vm2, _s, a) => vm2.s.bool(str(vm2, a[0], 'isabs').startsWith('/'))),
      def('exists', Meth.O, (vm2, _s, a) => vm2.s.bool(existsKind(vm2, a[0], 'exists') !== null)),
      // the simulated file system has no symbolic links: lstat succeeds exactly where stat does
      def('lexists', Meth.O, (vm2, _s, a) => vm2.s.bool(existsKind(vm2, a[0], 'lstat') !== null)),
      // posixpath.splitdrive: no drives on POSIX, (p[:0], p): the empty str and p itself
      def('splitdrive', Meth.O, (vm2, _s, a) => {
        // os.fspath(p) first: its own message for anything else
        if (vm2.table.type[a[0]] !== T.Str && !vm2.typeOf(a[0]).mro.includes(T.Str)) {
          const m = lookupSpecial(vm2, a[0], '__fspath__');
          if (m === 0)
            throw typeError(vm2, 'expected str, bytes or os.PathLike object, not %.200s', vm2.typeOf(a[0]).name);
          vm2.decref(m);
        }
        const s = str(vm2, a[0], 'splitdrive');
        const p = vm2.table.type[a[0]] === T.Str ? sameStr(vm2, a[0]) : strNew(vm2, s);
        vm2.incref(vm2.s.emptyStr);
        return tupleFromItems(vm2, [vm2.s.emptyStr, p]);
      }),
      // no symbolic links on the simulated file system (lstat's S_ISLNK is never true)
      def('islink', Meth.O, (vm2, _s, a) => (existsKind(vm2, a[0], 'islink'), vm2.s.False)),
      def('getmtime', Meth.O, (vm2, _s, a) => statFloatField(vm2, a[0], 'st_mtime', 'getmtime')),
      def('getatime', Meth.O, (vm2, _s, a) => statFloatField(vm2, a[0], 'st_atime', 'getatime')),
      def('getctime', Meth.O, (vm2, _s, a) => statFloatField(vm2, a[0], 'st_ctime', 'getctime')),
      def('isfile', Meth.O, (vm2, _s, a) => vm2.s.bool(existsKind(vm2, a[0], 'isfile') === 'file')),
      def('isdir', Meth.O, (vm2, _s, a) => vm2.s.bool(existsKind(vm2, a[0], 'isdir') === 'dir')),
      // st_size of a /proc file is 0 (procfs files have no size until read); a directory's is 4096 (measured on /tmp: 4096 × blocks)
      def('getsize', Meth.O, (vm2, _s, a) => {
        const k = existsKind(vm2, a[0], 'getsize');
        if (k === null)
          throw raiseString(
            vm2,
            exc('FileNotFoundError'),
            `[Errno 2] No such file or directory: '${str(vm2, a[0], 'getsize')}'`,
          );
        const p = str(vm2, a[0], 'getsize');
        if (normalizePath(p.startsWith('/') ? p : CWD + p).startsWith('/proc/')) return fromLong(vm2, 0);
        return fromLong(vm2, k === 'dir' ? 4096 : simFs(vm2).files.get(absPath(p))!.size);
      }),
      def('expanduser', Meth.O, (vm2, _s, a) => {
        const p = str(vm2, a[0], 'expanduser');
        return strNew(vm2, p === '~' || p.startsWith('~/') ? '/nonexistent' + p.slice(1) : p);
      }),
    ]),
};
