import { raiseFormat, raiseString } from '../abstract/errors';
import { builtinStatic } from '../objects/descr';
import { exc } from '../objects/exctypes';
import { strNew } from '../objects/str';
import { bytesContent, bytesNew, byteString } from '../objects/bytes';
import { fromDouble } from '../objects/float';
import { unpackKeywords } from '../objects/getargs';
import { fromLong, intValue } from '../objects/int';
import { Meth, T } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { dataView, releaseView, viewBytes } from './clib';
import { crc32 } from './digests';
import { staticModule } from './gc';
import { moduleData } from '../objects/module';
import { partName, runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { wallSeconds } from './simclock';
import { GZIPFILE_SOURCE } from './gzipfileSource';
import { GZIPREAD_SOURCE } from './gzipreadSource';
import { unsupportedHelper } from './typing';
import { decompressObjectOnce, zlibCompress } from './zlib';

/**
 * gzip.compress / gzip.decompress (Lib/gzip.py, 3.11): compress is a 10-byte header packed with
 * the mtime (time.time() on the simulated clock unless given), the raw DEFLATE stream from
 * zlib.compress(data, level, wbits=-15) and an 8-byte trailer (crc32 and length), joined by two
 * `+` (each a new bytes); decompress reads the header, makes a decompressobj (wbits -15), copies the
 * rest (`data[fp.tell():]`), inflates it through the object and checks the trailer; the object's
 * window, state and lock are freed when the function returns (zlib.ts decompressObjectOnce). The objects made are the real function's (floats, ints,
 * header, trailer, the copies and the joins); its frames and the struct cache's first entries are
 * not modelled. GzipFile and gzip.open in write mode: gzipfileSource.ts.
 */

const le32 = (v: number): string =>
  String.fromCharCode(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);

function compress(vm: Vm, data: number, level: number, mtimeArg: number): number {
  // mtime=0: zlib writes the whole gzip stream (its header has mtime 0 and OS 3)
  if (mtimeArg !== 0 && vm.table.type[mtimeArg] === T.Int && intValue(vm, mtimeArg) == 0)
    return zlibCompress(vm, data, level, 31);
  const made = mtimeArg === 0 || mtimeArg === vm.s.None;
  const mtime = made ? fromDouble(vm, wallSeconds(vm)) : mtimeArg;
  const secs = Math.trunc(
    vm.table.type[mtime] === T.Float ? vm.table.num[mtime] : Number(intValue(vm, mtime)),
  );
  if (made) vm.decref(mtime);
  const xfl = level === 9 ? 2 : level === 1 ? 4 : 0;
  // _create_simple_gzip_header: struct.pack("<BBBBLBB", 0x1f, 0x8b, 8, 0, int(mtime), xfl, 255)
  const whole = fromLong(vm, secs);
  const header = bytesNew(vm, '\x1f\x8b\x08\x00' + le32(secs) + String.fromCharCode(xfl, 255));
  vm.decref(whole);
  const view = dataView(vm, data, null);
  let input: Uint8Array;
  try {
    input = viewBytes(vm, view);
  } finally {
    releaseView(vm, view);
  }
  const crc = crc32(input, 0);
  const crcObj = fromLong(vm, crc);
  const lenObj = fromLong(vm, input.length);
  const trailer = bytesNew(vm, le32(crc) + le32(input.length));
  vm.decref(lenObj);
  vm.decref(crcObj);
  const body = zlibCompress(vm, data, level, -15);
  const join = (a: number, b: number): number =>
    bytesNew(vm, byteString(bytesContent(vm, a))! + byteString(bytesContent(vm, b))!);
  const first = join(header, body);
  vm.decref(body);
  const result = join(first, trailer);
  vm.decref(first);
  vm.decref(header);
  vm.decref(trailer);
  return result;
}

function decompress(vm: Vm, data: number): number {
  const view = dataView(vm, data, null);
  let input: Uint8Array;
  try {
    input = viewBytes(vm, view);
  } finally {
    releaseView(vm, view);
  }
  if (input.length === 0) {
    vm.incref(vm.s.emptyBytes);
    return vm.s.emptyBytes;
  }
  if (input[0] !== 0x1f || input[1] !== 0x8b) {
    const magic = bytesNew(vm, latinSlice(input.subarray(0, 2), 0));
    try {
      throw raiseFormat(vm, vm.slotsOf(badGzipFile(vm)).id, 'Not a gzipped file (%R)', magic);
    } finally {
      vm.decref(magic);
    }
  }
  const hlen = headerLength(vm, input);
  // do = zlib.decompressobj(wbits=-15); do.decompress(data[fp.tell():]): the object's lock and
  // inflate state, then the copy of the member after its 10-byte header, the output; at the end of
  // the stream the 8 bytes after it become do.unused_data (before the copy is released)
  const once = decompressObjectOnce(vm, () => bytesNew(vm, latinSlice(input, hlen)), -15);
  const out = once.out;
  vm.decref(bytesNew(vm, latinSlice(input.subarray(input.length - 8), 0)));
  vm.decref(once.data);
  const t = input.length - 8;
  const crc = (input[t] | (input[t + 1] << 8) | (input[t + 2] << 16) | (input[t + 3] << 24)) >>> 0;
  const outView = dataView(vm, out, null);
  const produced = viewBytes(vm, outView);
  releaseView(vm, outView);
  // `do` lives to the function's return (Decomp_dealloc: its window, state and lock go last)
  once.release();
  if (crc !== crc32(produced, 0)) {
    vm.decref(out);
    throw raiseString(vm, vm.slotsOf(badGzipFile(vm)).id, 'CRC check failed');
  }
  return out;
}

/**
 * _read_gzip_header: the 10 fixed bytes, then FEXTRA's length-prefixed field, FNAME's and FCOMMENT's
 * zero-terminated strings (read a byte at a time: 1-byte bytes are CPython's cached singletons, no
 * allocation) and FHCRC's 2 bytes; the member's deflate stream starts after them.
 */
function headerLength(vm: Vm, input: Uint8Array): number {
  const flags = input[3];
  let at = 10;
  const truncated = (): never => {
    throw raiseString(vm, exc('EOFError'), 'Compressed file ended before the end-of-stream marker was reached');
  };
  if (input.length < 10) truncated();
  if (flags & 4) {
    if (input.length < at + 2) truncated();
    at += 2 + (input[at] | (input[at + 1] << 8));
  }
  for (const bit of [8, 16])
    if (flags & bit) {
      while (at < input.length && input[at] !== 0) at++;
      at++;
    }
  if (flags & 2) at += 2;
  if (at > input.length) truncated();
  return at;
}

function latinSlice(b: Uint8Array, from: number): string {
  let s = '';
  for (let i = from; i < b.length; i += 8192)
    s += String.fromCharCode(...b.subarray(i, Math.min(b.length, i + 8192)));
  return s;
}

/**
 * TextIOWrapper's encoding "locale" (None): _Py_GetLocaleEncodingObject decodes nl_langinfo(CODESET)
 * into a wchar_t string (6 × 4 = 24 bytes from malloc, measured "L m 24" on 3.11.7 under C.UTF-8),
 * makes the str 'UTF-8' of it and frees the wide string.
 */
function localeEncodingHelper(vm: Vm): number {
  return builtinStatic(
    vm,
    {
      name: '_hw_locale_encoding',
      flags: Meth.NoArgs,
      impl: (vm2) => {
        const wide = vm2.mem.rawMalloc(24);
        const name = strNew(vm2, 'UTF-8');
        vm2.mem.rawFree(wide);
        return name;
      },
    },
    'gzip',
  );
}

const badGzip = new WeakMap<Vm, number>();

/** gzip.BadGzipFile (an OSError), made when the module is. */
function badGzipFile(vm: Vm): number {
  let c = badGzip.get(vm);
  if (c === undefined) {
    const globals = runPythonPart(vm, 'gzip', 'class BadGzipFile(OSError):\n    pass\n', {});
    badGzip.set(vm, (c = partName(vm, globals, 'BadGzipFile')));
  }
  return c;
}

export const gzipModule: ModuleSpec = {
  name: 'gzip',
  load: (vm) => {
    const m = staticModule(vm, 'gzip', [
      {
        name: 'compress',
        flags: Meth.Fastcall | Meth.Keywords,
        impl: (vm2, _m, a, kw) => {
          const [data, level, mtime] = unpackKeywords(
            vm2,
            'compress',
            a,
            kw,
            ['data', 'compresslevel', 'mtime'],
            1,
            2,
          );
          return compress(vm2, data, level === 0 ? 9 : Number(intValue(vm2, level)), mtime);
        },
      },
      {
        name: 'decompress',
        flags: Meth.O,
        impl: (vm2, _m, a) => decompress(vm2, a[0]),
      },
    ]);
    moduleData(vm, m).attrs.set('BadGzipFile', badGzipFile(vm));
    // GzipFile and open (gzipfileSource.ts): Python, run as the module's body runs (accounted)
    const globals = runPythonPart(vm, 'gzip', GZIPFILE_SOURCE + GZIPREAD_SOURCE, {
      _hw_unsupported: unsupportedHelper(vm, 'gzip'),
      _hw_locale_encoding: localeEncodingHelper(vm),
      BadGzipFile: badGzipFile(vm),
    });
    for (const name of ['GzipFile', 'open', 'READ', 'WRITE', 'FTEXT', 'FHCRC', 'FEXTRA', 'FNAME', 'FCOMMENT', 'write32u'])
      moduleData(vm, m).attrs.set(name, partName(vm, globals, name));
    return m;
  },
};
