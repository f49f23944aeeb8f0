import { argParserInit } from '../abstract/argparser';
import { typeError, valueError } from '../abstract/errors';
import { sequenceFast } from '../abstract/sequence';
import { NotSupported } from '../errors';
import type { Vm } from '../runtime/vm';
import { translateMethods } from './bytestranslate';
import { asSsize } from '../abstract/number';
import {
  BYTES_HEADER,
  byteAt,
  byteLength,
  byteString,
  bytesContent,
  bytesNew,
  latin1Text,
  type ByteContent,
} from './bytes';
import { readAllBytes } from './bytesread';
import { isUniform } from './bytestore';
import { SEARCH_METHODS } from './bytessearch';
import { SPLIT_METHODS } from './bytessplit';
import { decodeWithErrors, handlerOf } from './codecerrors';
import { bytesLikeMethods } from './bytesstr';
import { UnicodeWriter } from './formatwriter';
import { strNew, strValue } from './str';
import { Meth, T, type Kwargs, type MethodDef } from './types';

/**
 * The bytes methods modelled (Objects/bytesobject.c, 3.11). Contents may be a uniform fill
 * (`b"\0" * 4096`): a join of fills of one byte stays a fill, so a 80 MB payload never becomes a
 * JS string.
 */

/** The content of several parts joined by `sep`, a fill when every part is one. */
function joinContent(parts: ByteContent[], sep: ByteContent): ByteContent | null {
  const total =
    parts.reduce((n, p) => n + byteLength(p), 0) + byteLength(sep) * Math.max(0, parts.length - 1);
  const fills = parts.every((p) => isUniform(p));
  if (fills && (byteLength(sep) === 0 || parts.length < 2)) {
    const v = parts.length && byteLength(parts[0]) ? byteAt(parts[0], 0) : 0;
    if (parts.every((p) => byteLength(p) === 0 || byteAt(p, 0) === v)) return { fill: v, length: total };
  }
  if (total > 1 << 28) return null;
  const sepText = byteString(sep);
  const texts = parts.map(byteString);
  if (sepText === null || texts.some((t) => t === null)) return null;
  return texts.join(sepText);
}

/**
 * bytes.join (stringlib/join.h): PySequence_Fast; one exact bytes item is returned as is; more
 * than 10 items need a PyMem array of Py_buffer (80 bytes each) beside the 10 on the C stack,
 * written item by item (so resident); then the result (_PyBytes_FromSize, not zeroed), and the array freed.
 */
function join(vm: Vm, self: number, args: readonly number[]): number {
  const [items, temp] = sequenceFast(vm, args[0], 'can only join an iterable');
  let buffers = 0;
  try {
    const n = items.length;
    if (n === 0) return vm.s.emptyBytes;
    if (n === 1 && vm.table.type[items[0]] === T.Bytes) {
      vm.incref(items[0]);
      return items[0];
    }
    if (n > 10) buffers = vm.mem.malloc(80 * n);
    const parts: ByteContent[] = [];
    for (let i = 0; i < n; i++) {
      const t = vm.table.type[items[i]];
      if (t !== T.Bytes && t !== T.ByteArray) {
        if (buffers) vm.mem.touch(buffers, 80 * i); // the Py_buffers filled before this item
        throw typeError(
          vm,
          'sequence item %zd: expected a bytes-like object, %.80s found',
          i,
          vm.typeOf(items[i]).name,
        );
      }
      parts.push(bytesContent(vm, items[i]));
    }
    // each item's Py_buffer (obj, buf, len; 80 bytes apart) is written: every page of the array is
    // resident (measured: b"\n".join of 100,000 8-byte items on the brk heap adds 8 MB to VmRSS)
    if (buffers) vm.mem.touch(buffers, 80 * n);
    const c = joinContent(parts, bytesContent(vm, self));
    if (c === null) throw new NotSupported('bytes.join of more than 256 MB of mixed bytes');
    const out = bytesNew(vm, c);
    for (let i = 0; i < n; i++) readAllBytes(vm, items[i]); // the memcpy of each item into the result
    return out;
  } finally {
    if (buffers) vm.mem.free(buffers);
    if (temp) vm.decref(temp);
  }
}

/**
 * bytes.decode(encoding='utf-8', errors='strict'). UTF-8 (unicode_decode_utf8): one ASCII byte is
 * the cached character; otherwise PyUnicode_New(size, 127) and ascii_decode into it, which is the
 * result when every byte is ASCII. Past the first non-ASCII byte a _PyUnicodeWriter takes that
 * buffer (InitWithBuffer, min_length = size): each character wider than the buffer's kind widens
 * it into a new PyUnicode_New(size, ch) (the old one freed), and _PyUnicodeWriter_Finish cuts it
 * to the characters decoded (resize_compact: a realloc). Latin-1 (_PyUnicode_FromUCS1): one str
 * of the data's widest kind, the cached character for one byte. Errors (invalid UTF-8, non-ASCII
 * under 'ascii') are not modelled.
 */
function decode(vm: Vm, self: number, args: readonly number[], kw: Kwargs | null): number {
  if (kw !== null && kw.size > 0) argParserInit(vm, 'bytes.decode', ['encoding', 'errors']);
  const encArg = args[0] ?? kw?.get('encoding');
  const enc = encArg === undefined ? 'utf-8' : strValue(vm, encArg).toLowerCase().replace(/_/g, '-');
  const latin1 = ['latin-1', 'latin1', 'iso-8859-1'].includes(enc);
  const ascii = ['ascii', 'us-ascii'].includes(enc);
  if (!latin1 && !ascii && !['utf-8', 'utf8'].includes(enc)) throw new NotSupported(`bytes.decode('${enc}')`);
  const c = bytesContent(vm, self);
  const n = byteLength(c);
  if (n === 0) return vm.s.emptyStr;
  // a big store (bytes(n), a slice of one) is spelled out up to BYTE_TEXT_LIMIT (64 MiB)
  const raw = byteString(c);
  if (raw === null) throw new NotSupported('bytes.decode of more than 64 MiB');
  readAllBytes(vm, self); // the decoder's loop (ascii_decode, ucs1lib) reads every byte
  if (n === 1 && (latin1 || raw.charCodeAt(0) < 128)) return vm.s.char(raw.charCodeAt(0));
  if (latin1) return strNew(vm, raw);
  // eslint-disable-next-line no-control-regex -- ASCII is every code below 128, controls included
  const prefix = raw.search(/[^\x00-\x7f]/);
  if (prefix < 0) return strNew(vm, raw, 0);
  let text: string;
  try {
    if (ascii) throw new Error('non-ASCII');
    text = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(raw, (ch) => ch.charCodeAt(0)));
  } catch {
    // an error handler's path (unicode_decode_utf8 / ascii_decode then the handler)
    const errArg = args[1] ?? kw?.get('errors');
    const errors = handlerOf(
      errArg === undefined ? 'strict' : strValue(vm, errArg),
      `bytes.decode('${enc}')`,
    );
    text = decodeWithErrors(vm, self, raw, !ascii, errors);
  }
  const w = new UnicodeWriter(vm);
  w.initWithNewBuffer(n, 127, text.slice(0, prefix), prefix);
  // runs of characters that fit the buffer's kind go straight in; a wider one widens it
  let runStart = prefix;
  for (let i = prefix; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (cp > w.maxchar) {
      w.writeText(text.slice(runStart, i));
      w.writeChar(String.fromCodePoint(cp));
      runStart = i + width;
    }
    i += width;
  }
  w.writeText(text.slice(runStart));
  return w.finish();
}

/**
 * bytes.hex(), bytearray.hex(), memoryview.hex() (_Py_strhex_impl): one PyUnicode_New(2 × len +
 * separators, 127) filled with the digits (the empty str for no bytes). `sep` is one ASCII
 * character (str or bytes), inserted every `bytes_per_sep` bytes counted from the right (from
 * the left when negative).
 */
export function hexText(vm: Vm, data: string, args: readonly number[], kw: Kwargs | null): number {
  if (kw !== null && kw.size > 0) argParserInit(vm, 'hex', ['sep', 'bytes_per_sep']);
  if (args.length > 2) throw typeError(vm, 'hex() takes at most 2 arguments (%zd given)', args.length);
  const sepArg = args[0] ?? kw?.get('sep');
  const perArg = args[1] ?? kw?.get('bytes_per_sep');
  let sep = '';
  if (sepArg !== undefined) {
    const t = vm.table.type[sepArg];
    if (t !== T.Str && t !== T.Bytes) throw typeError(vm, 'sep must be str or bytes.');
    sep = t === T.Str ? strValue(vm, sepArg) : (byteString(bytesContent(vm, sepArg)) ?? '');
    if (sep.length !== 1) throw valueError(vm, 'sep must be length 1.');
    if (sep.charCodeAt(0) > 127) throw valueError(vm, 'sep must be ASCII.');
  }
  const per = perArg === undefined ? 1 : asSsize(vm, perArg, 0);
  const n = data.length;
  if (n === 0) return vm.s.emptyStr;
  const digit = (i: number): string => data.charCodeAt(i).toString(16).padStart(2, '0');
  let out = '';
  if (sep === '' || per === 0) for (let i = 0; i < n; i++) out += digit(i);
  else {
    const group = Math.abs(per);
    for (let i = 0; i < n; i++) {
      // groups counted from the end for a positive bytes_per_sep, from the start for a negative one
      const boundary = per > 0 ? (n - i) % group === 0 : i % group === 0;
      if (i > 0 && boundary) out += sep;
      out += digit(i);
    }
  }
  return strNew(vm, out, 0);
}

function hex(vm: Vm, self: number, args: readonly number[], kw: Kwargs | null): number {
  const data = byteString(bytesContent(vm, self));
  if (data === null) throw new NotSupported('hex() of bytes over 64 MiB');
  readAllBytes(vm, self); // _Py_strhex reads every byte
  return hexText(vm, data, args, kw);
}

const HEX_SPACE = /[ \t\n\r\f\v]/;

/**
 * bytes.fromhex(string) (_PyBytes_FromHex): a _PyBytesWriter sized for len/2 bytes: up to 512
 * they go to its stack buffer and the result is made at the end (PyBytes_FromStringAndSize: the
 * cached object for one byte); past that a bytes object of len/2 is allocated at once, and cut
 * (_PyBytes_Resize) when whitespace made the result shorter.
 */
function fromhex(vm: Vm, _type: number, args: readonly number[]): number {
  const h = args[0];
  if (vm.table.type[h] !== T.Str)
    throw typeError(vm, 'fromhex() argument must be str, not %.50s', vm.typeOf(h).name);
  const s = strValue(vm, h);
  const out = new Uint8Array(s.length >> 1);
  let n = 0;
  for (let i = 0; i < s.length;) {
    if (HEX_SPACE.test(s[i])) {
      i++;
      continue;
    }
    const hi = parseInt(s[i], 16);
    const lo = i + 1 < s.length ? parseInt(s[i + 1], 16) : NaN;
    if (Number.isNaN(hi) || Number.isNaN(lo)) {
      const at = Number.isNaN(hi) ? i : i + 1;
      throw valueError(vm, 'non-hexadecimal number found in fromhex() arg at position %zd', at);
    }
    out[n++] = hi * 16 + lo;
    i += 2;
  }
  // latin1Text in 8 KiB pieces: one fromCharCode(...) over 800 KB overran the JS stack (RecursionError)
  const text = latin1Text(out.subarray(0, n));
  const allocated = s.length >> 1;
  if (allocated <= 512) return bytesNew(vm, text);
  const b = bytesNew(vm, { fill: 0, length: allocated });
  if (n !== allocated) {
    // _PyBytes_Resize: the empty bytes for 0 (the buffer freed), else a realloc
    if (n === 0) {
      vm.decref(b);
      return vm.s.emptyBytes;
    }
    const t = vm.table;
    t.addr[b] = vm.mem.realloc(t.addr[b], BYTES_HEADER + n);
    t.n[b] = n;
  }
  vm.table.side[b] = text;
  return b;
}

const def = (name: string, flags: number, impl: MethodDef['impl']): MethodDef => ({
  name,
  flags,
  impl,
  qualname: `bytes.${name}`,
});

/** bytes___bytes___impl: exact bytes are themselves, a subclass's are copied into exact bytes. */
function dunderBytes(vm: Vm, self: number): number {
  if (vm.table.type[self] === T.Bytes) {
    vm.incref(self);
    return self;
  }
  return bytesNew(vm, bytesContent(vm, self));
}

export const BYTES_METHODS: Record<string, MethodDef> = {
  // the str-like methods (bytesstr.ts); the ones below, with their own allocation cases, win
  ...bytesLikeMethods('bytes'),
  __bytes__: def('__bytes__', Meth.NoArgs, (vm, self) => dunderBytes(vm, self)),
  join: def('join', Meth.O, join),
  decode: def('decode', Meth.Fastcall | Meth.Keywords, decode),
  hex: def('hex', Meth.Fastcall | Meth.Keywords, hex),
  fromhex: def('fromhex', Meth.O | Meth.Class, fromhex),
  ...SEARCH_METHODS('bytes'),
  ...SPLIT_METHODS('bytes'),
  ...translateMethods('bytes'),
};
