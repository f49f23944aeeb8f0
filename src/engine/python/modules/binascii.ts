import { raiseString, typeError, valueError } from '../abstract/errors';
import { NotSupported } from '../errors';
import { getBuffer, hasBuffer, releaseBuffer, bufferString } from '../objects/buffer';
import { bytesCopy } from '../objects/bytes';
import { BytesWriter } from '../objects/byteswriter';
import { fromSsize, intValue } from '../objects/int';
import { isMemoryview, memoryviewBuffer } from '../objects/memoryview';
import { strValue } from '../objects/str';
import { unpackKeywords } from '../objects/getargs';
import { Meth, T, type Kwargs, type MethodDef } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { crc32 } from './digests';
import { makeModule } from './module';
import { partName, runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';

/**
 * binascii (Modules/binascii.c, 3.11), the C half of base64: loaded at start-up by 3.11.7 (its
 * import costs nothing). Results are built as the C code builds them: b2a_base64 and a2b_base64
 * through a _PyBytesWriter (512 bytes on the stack, else a bytes object of the reserved size, cut
 * to what was written: a realloc from b2a's 2n + 2 or a2b's ((n + 3) / 4) * 3), hexlify and
 * unhexlify with one PyBytes_FromStringAndSize(NULL, n) of the exact size, crc32 a new int
 * (PyLong_FromUnsignedLong). Not modelled: hexlify's sep, the uu/qp/hqx codecs, crc_hqx.
 */
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map([...B64].map((c, i) => [c.charCodeAt(0), i]));

const errors = new WeakMap<Vm, number>();
function binasciiError(vm: Vm, message: string): never {
  throw raiseString(vm, vm.slotsOf(errors.get(vm)!).id, message);
}

/** The bytes of a buffer argument (Py_buffer "y*"), read through the buffer protocol. */
function bufferArg(vm: Vm, h: number, fname: string): string {
  if (isMemoryview(vm, h)) return bufferString(vm, memoryviewBuffer(vm, h));
  if (!hasBuffer(vm, h))
    throw typeError(vm, "a bytes-like object is required, not '%.100s'", vm.typeOf(h).name);
  const view = getBuffer(vm, h);
  try {
    if (view.len > 1 << 26) throw new NotSupported(`binascii.${fname} of over 64 MiB`);
    return bufferString(vm, view);
  } finally {
    releaseBuffer(vm, view);
  }
}

/** ascii_buffer_converter: a str of ASCII characters, or a buffer. */
function asciiArg(vm: Vm, h: number, fname: string): string {
  if (vm.table.type[h] === T.Str || vm.typeOf(h).mro.includes(T.Str)) {
    const s = strValue(vm, h);
    // eslint-disable-next-line no-control-regex
    if (/[^\x00-\x7f]/.test(s)) throw valueError(vm, 'string argument should contain only ASCII characters');
    return s;
  }
  if (!hasBuffer(vm, h) && !isMemoryview(vm, h))
    throw typeError(vm, "argument should be bytes, buffer or ASCII string, not '%.100s'", vm.typeOf(h).name);
  return bufferArg(vm, h, fname);
}

// unpackKeywords gives 0 for an argument not passed
const truthy = (vm: Vm, h: number | undefined, dflt: boolean): boolean =>
  !h ? dflt : !(h === vm.s.False || h === vm.s.None || (vm.table.type[h] === T.Int && intValue(vm, h) == 0));

/** binascii_b2a_base64_impl: ((n + 2) / 3) * 4 characters (+ '\n'), reserved at once. */
function b2aBase64(vm: Vm, a: readonly number[], kw: Kwargs | null): number {
  const [data, newlineObj] = unpackKeywords(vm, 'b2a_base64', a, kw, ['', 'newline'], 1, 1);
  const bin = bufferArg(vm, data, 'b2a_base64');
  const newline = truthy(vm, newlineObj, true);
  const out: string[] = [];
  for (let i = 0; i < bin.length; i += 3) {
    const n = (bin.charCodeAt(i) << 16) | ((bin.charCodeAt(i + 1) || 0) << 8) | (bin.charCodeAt(i + 2) || 0);
    const left = bin.length - i;
    out.push(
      B64[(n >> 18) & 63] +
        B64[(n >> 12) & 63] +
        (left > 1 ? B64[(n >> 6) & 63] : '=') +
        (left > 2 ? B64[n & 63] : '='),
    );
  }
  if (newline) out.push('\n');
  const w = new BytesWriter(vm);
  // "allocate too much, fixed up later": 2n + 2 reserved (measured: 16,384 bytes in → a 32,803-byte
  // block, then a realloc to the 21,881 of the result); up to 255 bytes in, the stack buffer
  w.alloc(bin.length * 2 + 2);
  w.write(out.join(''));
  return w.finish();
}

/** binascii_a2b_base64_impl: non-alphabet characters skipped (strict_mode: refused), '=' ends a quad. */
function a2bBase64(vm: Vm, a: readonly number[], kw: Kwargs | null): number {
  const [data, strictObj] = unpackKeywords(vm, 'a2b_base64', a, kw, ['', 'strict_mode'], 1, 1);
  const text = asciiArg(vm, data, 'a2b_base64');
  const strict = truthy(vm, strictObj, false);
  if (strict) throw new NotSupported('binascii.a2b_base64(…, strict_mode=True)');
  const w = new BytesWriter(vm);
  w.alloc(Math.floor((text.length + 3) / 4) * 3);
  const out: number[] = [];
  let quad = 0;
  let left = 0;
  let pads = 0;
  let done = false;
  for (let i = 0; i < text.length && !done; i++) {
    const c = text.charCodeAt(i);
    if (c === 61) {
      if (quad >= 2 && quad + ++pads >= 4) done = true;
      continue;
    }
    const v = B64_INDEX.get(c);
    if (v === undefined) continue;
    pads = 0;
    if (quad === 0) {
      left = v;
      quad = 1;
    } else if (quad === 1) {
      out.push(((left << 2) | (v >> 4)) & 0xff);
      left = v & 0x0f;
      quad = 2;
    } else if (quad === 2) {
      out.push(((left << 4) | (v >> 2)) & 0xff);
      left = v & 0x03;
      quad = 3;
    } else {
      out.push(((left << 6) | v) & 0xff);
      quad = 0;
    }
  }
  if (!done && quad !== 0) {
    w.dealloc();
    if (quad === 1) {
      const chars = [...text].filter((ch) => B64_INDEX.has(ch.charCodeAt(0))).length;
      binasciiError(
        vm,
        `Invalid base64-encoded string: number of data characters (${chars}) cannot be 1 more than a multiple of 4`,
      );
    }
    binasciiError(vm, 'Incorrect padding');
  }
  let s = '';
  for (let i = 0; i < out.length; i += 8192) s += String.fromCharCode(...out.slice(i, i + 8192));
  w.write(s);
  return w.finish();
}

/** _Py_strhex_bytes_with_sep without a separator: 2n hex digits in one new bytes. */
function hexlify(vm: Vm, a: readonly number[], kw: Kwargs | null, name: string): number {
  const [data, sep] = unpackKeywords(vm, name, a, kw, ['data', 'sep', 'bytes_per_sep'], 1, 3);
  if (sep) throw new NotSupported(`binascii.${name}(…, sep=…)`);
  const bin = bufferArg(vm, data, name);
  let hex = '';
  for (let i = 0; i < bin.length; i++) hex += bin.charCodeAt(i).toString(16).padStart(2, '0');
  return bytesCopy(vm, hex);
}

/** binascii_a2b_hex_impl: PyBytes_FromStringAndSize(NULL, n / 2), then the digits in pairs. */
function unhexlify(vm: Vm, a: readonly number[], name: string): number {
  if (a.length !== 1) throw typeError(vm, `${name}() takes exactly one argument (${a.length} given)`);
  const text = asciiArg(vm, a[0], name);
  if (text.length % 2) binasciiError(vm, 'Odd-length string');
  let s = '';
  for (let i = 0; i < text.length; i += 2) {
    const hi = parseInt(text[i], 16);
    const lo = parseInt(text[i + 1], 16);
    if (Number.isNaN(hi) || Number.isNaN(lo)) binasciiError(vm, 'Non-hexadecimal digit found');
    s += String.fromCharCode(hi * 16 + lo);
  }
  return bytesCopy(vm, s);
}

function crc32Fn(vm: Vm, a: readonly number[]): number {
  if (a.length < 1 || a.length > 2)
    throw typeError(
      vm,
      `crc32 expected ${a.length < 1 ? 'at least 1' : 'at most 2'} arguments, got ${a.length}`,
    );
  const bin = bufferArg(vm, a[0], 'crc32');
  const start = a[1] === undefined ? 0 : Number(BigInt.asUintN(32, BigInt(intValue(vm, a[1]))));
  const u8 = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) u8[i] = bin.charCodeAt(i);
  return fromSsize(vm, crc32(u8, start));
}

const KW = Meth.Fastcall | Meth.Keywords;
const FUNCTIONS: MethodDef[] = [
  { name: 'b2a_base64', flags: KW, impl: (vm, _m, a, kw) => b2aBase64(vm, a, kw) },
  { name: 'a2b_base64', flags: KW, impl: (vm, _m, a, kw) => a2bBase64(vm, a, kw) },
  { name: 'hexlify', flags: KW, impl: (vm, _m, a, kw) => hexlify(vm, a, kw, 'hexlify') },
  { name: 'b2a_hex', flags: KW, impl: (vm, _m, a, kw) => hexlify(vm, a, kw, 'b2a_hex') },
  { name: 'unhexlify', flags: Meth.O, impl: (vm, _m, a) => unhexlify(vm, a, 'unhexlify') },
  { name: 'a2b_hex', flags: Meth.O, impl: (vm, _m, a) => unhexlify(vm, a, 'a2b_hex') },
  { name: 'crc32', flags: Meth.Fastcall, impl: (vm, _m, a) => crc32Fn(vm, a) },
];

export const binasciiModule: ModuleSpec = {
  name: 'binascii',
  load: (vm) => {
    const globals = runPythonPart(
      vm,
      'binascii',
      'class Error(ValueError):\n    pass\n\n\nclass Incomplete(Exception):\n    pass\n',
      {},
    );
    const err = partName(vm, globals, 'Error');
    const incomplete = partName(vm, globals, 'Incomplete');
    errors.set(vm, err);
    return makeModule(vm, 'binascii', FUNCTIONS, { Error: err, Incomplete: incomplete });
  },
};
