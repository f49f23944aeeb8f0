import { getAttr } from '../abstract/attr';
import { readAllBytes } from '../objects/bytesread';
import { call } from '../abstract/call';
import { raiseString, typeError } from '../abstract/errors';
import { NotSupported } from '../errors';
import { byteAt, byteLength, bytesContent } from '../objects/bytes';
import { exc } from '../objects/exctypes';
import { unpackKeywords } from '../objects/getargs';
import { fromSsize, intValue } from '../objects/int';
import { moduleData } from '../objects/module';
import { T, Meth, type Kwargs } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { def, staticModule } from './gc';
import { pickleErrors, Unpickler } from './pickleload';
import { Pickler } from './picklesave';
import { partName, runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';

/**
 * pickle over _pickle (3.11): dumps/loads/dump/load are the C functions (pickle.py imports them
 * from _pickle), modelled in picklesave.ts and pickleload.ts. `import pickle` replays the captured
 * footprints of _compat_pickle, _pickle and pickle (registry.ts). The Pickler/Unpickler classes,
 * persistent ids, reducers (instances of classes, functions) and protocols 0 and 1 say "not
 * supported".
 */
const HIGHEST_PROTOCOL = 5;
const DEFAULT_PROTOCOL = 4;

function protocolOf(vm: Vm, h: number): number {
  if (h === 0 || h === vm.s.None) return DEFAULT_PROTOCOL;
  let p = Number(intValue(vm, h));
  if (p < 0) p = HIGHEST_PROTOCOL;
  else if (p > HIGHEST_PROTOCOL)
    throw raiseString(vm, exc('ValueError'), `pickle protocol must be <= ${HIGHEST_PROTOCOL}`);

  return p;
}

function checkKeywords(kw: Kwargs | null, allowed: string[], fname: string): void {
  if (kw === null) return;
  for (const k of kw.keys()) if (!allowed.includes(k)) throw new NotSupported(`pickle.${fname}(${k}=…)`);
}

/** A bytes object over the block the pickler's buffer became (latin-1 content, as bytes.ts keeps it). */
function bytesFromBlock(vm: Vm, p: number, data: Uint8Array): number {
  const h = vm.table.newHandle(T.Bytes);
  vm.table.addr[h] = p;
  vm.table.n[h] = data.length;
  vm.table.side[h] = latin1(data);
  return h;
}

function latin1(data: Uint8Array): string {
  let s = '';
  for (let i = 0; i < data.length; i += 8192) s += String.fromCharCode(...data.subarray(i, i + 8192));
  return s;
}

function bytesOf(vm: Vm, h: number, fname: string): Uint8Array {
  const t = vm.table.type[h];
  if (t !== T.Bytes && t !== T.ByteArray)
    throw typeError(vm, `a bytes-like object is required, not '${vm.typeOf(h).name}'`);
  const c = bytesContent(vm, h);
  const n = t === T.ByteArray ? vm.table.n[h] : byteLength(c);
  readAllBytes(vm, h); // the unpickler reads the whole input
  const out = new Uint8Array(n);
  if (typeof c === 'string') for (let i = 0; i < n; i++) out[i] = c.charCodeAt(i);
  else for (let i = 0; i < n; i++) out[i] = byteAt(c, i);
  void fname;
  return out;
}

/** _pickle.dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None). */
function dumps(vm: Vm, _s: number, args: readonly number[], kw: Kwargs | null): number {
  const [obj, protocol] = unpackKeywords(
    vm,
    'dumps',
    args,
    kw,
    ['obj', 'protocol', 'fix_imports', 'buffer_callback'],
    1,
    2,
  );
  checkKeywords(kw, ['protocol', 'fix_imports'], 'dumps');
  const pickler = new Pickler(vm, protocolOf(vm, protocol));
  try {
    pickler.dump(obj);
    const data = pickler.takeBytes();
    return bytesFromBlock(vm, pickler.buffer, data);
  } catch (e) {
    vm.mem.free(pickler.buffer);
    throw e;
  } finally {
    pickler.free();
  }
}

/** _pickle.dump(obj, file, protocol=None, …): each 64 KiB frame written to file.write as it closes, the rest at the end. */
function dump(vm: Vm, _s: number, args: readonly number[], kw: Kwargs | null): number {
  const [obj, file, protocol] = unpackKeywords(
    vm,
    'dump',
    args,
    kw,
    ['obj', 'file', 'protocol', 'fix_imports', 'buffer_callback'],
    2,
    3,
  );
  checkKeywords(kw, ['protocol', 'fix_imports'], 'dump');
  const proto = protocolOf(vm, protocol);
  const pickler = new Pickler(vm, proto);
  // _Pickler_SetOutputStream: the file's bound write method, held by the pickler
  let write = 0;
  try {
    write = getAttr(vm, file, 'write');
    pickler.flush = (data) => {
      const b = bytesFromBlock(vm, pickler.buffer, data);
      pickler.buffer = 0;
      try {
        vm.decref(call(vm, write, [b], null));
      } finally {
        vm.decref(b);
      }
    };
    pickler.dump(obj);
    pickler.flushFrame();
    return vm.s.None;
  } finally {
    if (pickler.buffer) vm.mem.free(pickler.buffer);
    if (write) vm.decref(write);
    pickler.free();
  }
}

/** _pickle.loads(data, /, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=()). */
function loads(vm: Vm, _s: number, args: readonly number[], kw: Kwargs | null): number {
  const [data] = unpackKeywords(
    vm,
    'loads',
    args,
    kw,
    ['', 'fix_imports', 'encoding', 'errors', 'buffers'],
    1,
    1,
  );
  checkKeywords(kw, ['fix_imports'], 'loads');
  const input = bytesOf(vm, data, 'loads');
  const u = new Unpickler(vm, input);
  try {
    return u.load();
  } finally {
    u.free();
  }
}

/**
 * _pickle.load(file, …): _Unpickler_SetInputStream takes the file's read and readline (bound
 * methods the unpickler holds); the opcodes outside frames are read as needed and each frame with
 * one read(frame_len) (a bytes of up to 64 KiB + opcode, released at the next read), as
 * _Unpickler_ReadFromFile does. Not modelled: peek()'s prefetch of the buffered bytes.
 */
function load(vm: Vm, _s: number, args: readonly number[], kw: Kwargs | null): number {
  const [file] = unpackKeywords(
    vm,
    'load',
    args,
    kw,
    ['file', 'fix_imports', 'encoding', 'errors', 'buffers'],
    1,
    1,
  );
  checkKeywords(kw, ['fix_imports'], 'load');
  const read = getAttr(vm, file, 'read');
  const readline = getAttr(vm, file, 'readline');
  let current = 0;
  try {
    const more = (n: number): Uint8Array => {
      const size = fromSsize(vm, n);
      let chunk: number;
      try {
        chunk = call(vm, read, [size], null);
      } finally {
        vm.decref(size);
      }
      if (current) vm.decref(current);
      current = chunk;
      return bytesOf(vm, chunk, 'load');
    };
    const u = new Unpickler(vm, new Uint8Array(0), more);
    try {
      return u.load();
    } finally {
      u.free();
    }
  } finally {
    if (current) vm.decref(current);
    vm.decref(readline);
    vm.decref(read);
  }
}

const ERRORS_SOURCE = [
  'class PickleError(Exception):',
  '    pass',
  '',
  'class PicklingError(PickleError):',
  '    pass',
  '',
  'class UnpicklingError(PickleError):',
  '    pass',
  '',
].join('\n');

function makeCModule(vm: Vm): number {
  const m = staticModule(vm, '_pickle', [
    def('dumps', Meth.Fastcall | Meth.Keywords, dumps),
    def('dump', Meth.Fastcall | Meth.Keywords, dump),
    def('loads', Meth.Fastcall | Meth.Keywords, loads),
    def('load', Meth.Fastcall | Meth.Keywords, load),
  ]);
  const attrs = moduleData(vm, m).attrs;
  const globals = runPythonPart(vm, '_pickle', ERRORS_SOURCE, {});
  for (const e of ['PickleError', 'PicklingError', 'UnpicklingError']) attrs.set(e, partName(vm, globals, e));
  pickleErrors.set(vm, { unpickling: attrs.get('UnpicklingError')!, pickling: attrs.get('PicklingError')! });
  return m;
}

const protocols = new WeakMap<Vm, [number, number]>();

/** pickle.py takes the C functions and the exception classes from _pickle. */
const FROM_C = ['dumps', 'dump', 'loads', 'load', 'PickleError', 'PicklingError', 'UnpicklingError'];

export const pickleModules: ModuleSpec[] = [
  { name: '_compat_pickle', load: (vm) => staticModule(vm, '_compat_pickle', []) },
  { name: '_pickle', load: (vm) => makeCModule(vm) },
  {
    name: 'pickle',
    load: (vm, importModule) => {
      const c = importModule('_pickle');
      const m = staticModule(vm, 'pickle', []);
      const attrs = moduleData(vm, m).attrs;
      const cattrs = moduleData(vm, c).attrs;
      for (const n of FROM_C) attrs.set(n, cattrs.get(n)!);
      vm.decref(c);
      let ints = protocols.get(vm);
      if (ints === undefined) {
        ints = [staticInt(vm, HIGHEST_PROTOCOL), staticInt(vm, DEFAULT_PROTOCOL)];
        protocols.set(vm, ints);
      }
      attrs.set('HIGHEST_PROTOCOL', ints[0]);
      attrs.set('DEFAULT_PROTOCOL', ints[1]);
      return m;
    },
  },
];

/** Small ints are the interpreter's cached ones (5 and 4 are < 257). */
function staticInt(vm: Vm, v: number): number {
  return vm.s.smallInt(v);
}
