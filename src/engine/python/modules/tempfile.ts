import { raiseString } from '../abstract/errors';
import { NotSupported } from '../errors';
import { builtinStatic } from '../objects/descr';
import { exc } from '../objects/exctypes';
import { moduleData, moduleStatic } from '../objects/module';
import { strNew, strValue } from '../objects/str';
import { F_IMMORTAL } from '../objects/table';
import { Meth, type MethodDef } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { fromLong } from '../objects/int';
import { def, staticModule } from './gc';
import { O_FLAGS } from './osfile';
import { partName, runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { absPath, simFs } from './simfs';
import { TEMPFILE_SOURCE } from './tempfileSource';

/**
 * tempfile and shutil's file functions over the simulated file system (simfs.ts). Both modules
 * are loaded at start-up in the recorder's process (site imports them through importlib's
 * machinery), so importing them costs nothing; tempfile's functions run as Python
 * (tempfileSource.ts) through the eval loop. Not allocation-exact: the real first mkstemp() also
 * makes the name sequence's random.Random (2,560 bytes of state, measured) and
 * _get_default_tempdir's probe file, a few KB in all.
 */
const NAMES = [
  'gettempdir',
  'gettempprefix',
  'mkstemp',
  'mkdtemp',
  'NamedTemporaryFile',
  'TemporaryFile',
  'TemporaryDirectory',
  'SpooledTemporaryFile',
];

function rmtree(vm: Vm, path: string): void {
  const fs = simFs(vm);
  const abs = absPath(path);
  if (fs.kind(abs) !== 'dir')
    throw raiseString(vm, exc('FileNotFoundError'), `[Errno 2] No such file or directory: '${path}'`);
  for (const p of [...fs.files.keys()]) if (p.startsWith(abs + '/')) fs.files.delete(p);
  for (const d of [...fs.dirs].sort((a, b) => b.length - a.length))
    if (d === abs || d.startsWith(abs + '/')) fs.dirs.delete(d);
}

const helper = (vm: Vm, d: MethodDef): number => builtinStatic(vm, { ...d, qualname: d.name }, 'tempfile');

export const tempfileModule: ModuleSpec = {
  name: 'tempfile',
  load: (vm, importModule) => {
    const m = moduleStatic(vm, 'tempfile');
    const os = importModule('os');
    const io = importModule('io');
    const was = vm.mem.accounted;
    vm.mem.accounted = true;
    let flags: number;
    try {
      flags = fromLong(
        vm,
        O_FLAGS.O_RDWR | O_FLAGS.O_CREAT | O_FLAGS.O_EXCL | O_FLAGS.O_NOFOLLOW | O_FLAGS.O_CLOEXEC,
      );
      vm.table.flags[flags] |= F_IMMORTAL;
    } finally {
      vm.mem.accounted = was;
    }
    const globals = runPythonPart(vm, 'tempfile', TEMPFILE_SOURCE, {
      _os: os,
      _io: io,
      // text modes spool into a TextIOWrapper over the BytesIO, which is not modelled
      _hw_text_spool: helper(
        vm,
        def('_hw_text_spool', Meth.NoArgs, () => {
          throw new NotSupported('tempfile.SpooledTemporaryFile in a text mode');
        }),
      ),
      _hw_flags: flags,
      _hw_name: helper(
        vm,
        def('_hw_name', Meth.NoArgs, (vm2) => strNew(vm2, simFs(vm2).tempName())),
      ),
      _hw_rmtree: helper(
        vm,
        def('_hw_rmtree', Meth.O, (vm2, _s, a) => (rmtree(vm2, strValue(vm2, a[0])), vm2.s.None)),
      ),
    });
    const attrs = moduleData(vm, m).attrs;
    for (const n of NAMES) attrs.set(n, partName(vm, globals, n));
    attrs.set('TMP_MAX', partName(vm, globals, 'TMP_MAX'));
    attrs.set('template', partName(vm, globals, 'template'));
    attrs.set('tempdir', vm.s.None);
    vm.decref(os);
    vm.decref(io);
    return m;
  },
};

function copyfile(vm: Vm, src: string, dst: string): void {
  const fs = simFs(vm);
  const from = fs.files.get(absPath(src));
  if (from === undefined)
    throw raiseString(vm, exc('FileNotFoundError'), `[Errno 2] No such file or directory: '${src}'`);
  let target = dst;
  if (fs.kind(dst) === 'dir') target = absPath(dst) + '/' + absPath(src).split('/').pop();
  const fd = fs.open(vm, target, {
    read: false,
    write: true,
    create: true,
    truncate: true,
    exclusive: false,
    append: false,
  });
  fs.write(vm, fd, from.bytes());
  fs.close(vm, fd);
}

/**
 * shutil's file functions: the copies are the kernel's (copy_file_range / sendfile on Linux, as
 * shutil uses them), so they allocate nothing in the process beyond their result str.
 */
export const shutilModule: ModuleSpec = {
  name: 'shutil',
  load: (vm) => withCopyfileobj(vm, staticModule(vm, 'shutil', [
      def(
        'rmtree',
        Meth.Fastcall | Meth.Keywords,
        (vm2, _s, a) => (rmtree(vm2, strValue(vm2, a[0])), vm2.s.None),
      ),
      def('copyfile', Meth.Fastcall, (vm2, _s, a) => {
        copyfile(vm2, strValue(vm2, a[0]), strValue(vm2, a[1]));
        vm2.incref(a[1]);
        return a[1];
      }),
      def('copy', Meth.Fastcall, (vm2, _s, a) => {
        copyfile(vm2, strValue(vm2, a[0]), strValue(vm2, a[1]));
        vm2.incref(a[1]);
        return a[1];
      }),
      def('move', Meth.Fastcall, (vm2, _s, a) => {
        const fs = simFs(vm2);
        const src = absPath(strValue(vm2, a[0]));
        const inode = fs.files.get(src);
        if (inode === undefined) throw new NotSupported('shutil.move of something other than a file');
        let dst = absPath(strValue(vm2, a[1]));
        if (fs.kind(dst) === 'dir') dst = dst + '/' + src.split('/').pop();
        fs.files.delete(src);
        fs.files.set(dst, inode);
        return strNew(vm2, dst);
      }),
    ])),
};

/**
 * shutil.copyfileobj is Python (Lib/shutil.py): read(length) from one object and write() to the
 * other until an empty read, COPY_BUFSIZE 64 KiB on Linux: each chunk is a bytes the source makes
 * and the loop drops before the next read. Run as Python so the objects' own read/write allocate.
 */
const COPYFILEOBJ_SOURCE = `
COPY_BUFSIZE = 64 * 1024

def copyfileobj(fsrc, fdst, length=0):
    if not length:
        length = COPY_BUFSIZE
    fsrc_read = fsrc.read
    fdst_write = fdst.write
    while True:
        buf = fsrc_read(length)
        if not buf:
            break
        fdst_write(buf)
`;

function withCopyfileobj(vm: Vm, m: number): number {
  const globals = runPythonPart(vm, 'shutil', COPYFILEOBJ_SOURCE, {});
  const attrs = moduleData(vm, m).attrs;
  for (const name of ['copyfileobj', 'COPY_BUFSIZE']) {
    const v = partName(vm, globals, name);
    vm.incref(v);
    attrs.set(name, v);
  }
  return m;
}
