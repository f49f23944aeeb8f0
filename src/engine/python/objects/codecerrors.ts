import { call } from '../abstract/call';
import { setObject } from '../abstract/errors';
import { NotSupported, type PyError } from '../errors';
import type { Vm } from '../runtime/vm';
import { BYTES_HEADER, bytesNew } from './bytes';
import { EXCEPTION_IDS } from './exctypes';
import { fromSsize } from './int';
import { strNew } from './str';

/**
 * The codecs' error paths (Python/codecs.c, unicodeobject.c 3.11) for the encodings the simulator
 * has: a character ascii or latin-1 cannot encode, bytes that are not ASCII or not UTF-8.
 * 'strict' raises the exception the real one makes (make_encode_exception / make_decode_exception:
 * the type called with encoding, object, start, end, reason, set at once); 'replace', 'ignore',
 * 'xmlcharrefreplace', 'backslashreplace' write what the
 * handlers write. Any other handler name is not supported.
 */

// not 'surrogateescape': the simulator's str does not hold lone surrogates yet
type Handler = 'strict' | 'replace' | 'ignore' | 'xmlcharrefreplace' | 'backslashreplace';
const HANDLERS = new Set(['strict', 'replace', 'ignore', 'xmlcharrefreplace', 'backslashreplace']);

export function handlerOf(name: string, what: string): Handler {
  if (!HANDLERS.has(name)) throw new NotSupported(`${what} with errors='${name}'`);
  return name as Handler;
}

/** make_encode_exception / make_decode_exception, then PyCodec_StrictErrors (PyErr_SetObject). */
function codecError(
  vm: Vm,
  type: string,
  enc: string,
  object: number,
  start: number,
  end: number,
  reason: string,
): PyError {
  const tp = EXCEPTION_IDS.get(type)!;
  const args = [strNew(vm, enc), object, fromSsize(vm, start), fromSsize(vm, end), strNew(vm, reason)];
  vm.incref(object);
  let exc: number;
  try {
    exc = call(vm, vm.types[tp].typeObject, args, null);
  } finally {
    for (const a of args) vm.decref(a);
  }
  const err = setObject(vm, tp, exc);
  vm.decref(exc);
  return err;
}

const esc = (c: number): string =>
  c < 0x100 ? `\\x${hex(c, 2)}` : c < 0x10000 ? `\\u${hex(c, 4)}` : `\\U${hex(c, 8)}`;
const hex = (c: number, n: number): string => c.toString(16).padStart(n, '0');

/**
 * unicode_encode_ucs1 (ascii: limit 128, latin-1: 256) of a str holding a character at or past the
 * limit: runs of such characters go to the handler. The result is one bytes object, made as the
 * _PyBytesWriter makes it: from its 512-byte stack buffer for a short str, else a bytes object of
 * the str's length resized to the result.
 */
export function encodeUcs1(
  vm: Vm,
  self: number,
  s: string,
  limit: number,
  enc: string,
  errors: Handler,
): number {
  const cps = Array.from(s, (c) => c.codePointAt(0)!);
  let out = '';
  for (let i = 0; i < cps.length;) {
    if (cps[i] < limit) {
      out += String.fromCharCode(cps[i++]);
      continue;
    }
    let j = i;
    while (j < cps.length && cps[j] >= limit) j++;
    if (errors === 'strict')
      throw codecError(vm, 'UnicodeEncodeError', enc, self, i, j, `ordinal not in range(${limit})`);
    for (let k = i; k < j; k++) {
      if (errors === 'replace') out += '?';
      else if (errors === 'xmlcharrefreplace') out += `&#${cps[k]};`;
      else if (errors === 'backslashreplace') out += esc(cps[k]);
    }
    i = j;
  }
  if (cps.length <= 512) return bytesNew(vm, out);
  const h = bytesNew(vm, { fill: 0, length: cps.length });
  const p = vm.mem.realloc(vm.table.addr[h], BYTES_HEADER + out.length);
  vm.table.addr[h] = p;
  vm.table.n[h] = out.length;
  vm.table.side[h] = out;
  vm.mem.touch(p, BYTES_HEADER + out.length);
  return h;
}

/** The length of the UTF-8 sequence starting at i, or where and why it is invalid (decode_utf8's checks). */
function utf8At(b: string, i: number): { len: number } | { bad: number; reason: string } {
  const c = b.charCodeAt(i);
  if (c < 0x80) return { len: 1 };
  const need = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
  if (need === 0) return { bad: 1, reason: 'invalid start byte' };
  for (let k = 1; k < need; k++) {
    if (i + k >= b.length) return { bad: b.length - i, reason: 'unexpected end of data' };
    const d = b.charCodeAt(i + k);
    // the second byte's range narrows after E0, ED, F0, F4 (no overlongs, surrogates, past U+10FFFF)
    const lo = k === 1 && c === 0xe0 ? 0xa0 : k === 1 && c === 0xf0 ? 0x90 : 0x80;
    const hi = k === 1 && c === 0xed ? 0x9f : k === 1 && c === 0xf4 ? 0x8f : 0xbf;
    if (d < lo || d > hi) return { bad: k, reason: 'invalid continuation byte' };
  }
  return { len: need };
}

/**
 * The text of bytes decoded as UTF-8 (utf8 true) or ASCII under an error handler: each invalid
 * run (decode_utf8's maximal invalid prefix, or one non-ASCII byte) replaced by U+FFFD, dropped,
 * or escaped (\xNN); 'strict' raises UnicodeDecodeError
 * with the bytes object, the run's positions and the reason.
 */
export function decodeWithErrors(vm: Vm, self: number, raw: string, utf8: boolean, errors: Handler): string {
  const enc = utf8 ? 'utf-8' : 'ascii';
  let out = '';
  for (let i = 0; i < raw.length;) {
    const r = utf8
      ? utf8At(raw, i)
      : raw.charCodeAt(i) < 0x80
        ? { len: 1 }
        : { bad: 1, reason: 'ordinal not in range(128)' };
    if ('len' in r) {
      out +=
        r.len === 1
          ? raw[i]
          : new TextDecoder('utf-8').decode(
              Uint8Array.from(raw.slice(i, i + r.len), (ch) => ch.charCodeAt(0)),
            );
      i += r.len;
      continue;
    }
    if (errors === 'xmlcharrefreplace')
      throw new NotSupported("bytes.decode with errors='xmlcharrefreplace'");
    if (errors === 'strict') throw codecError(vm, 'UnicodeDecodeError', enc, self, i, i + r.bad, r.reason);
    if (errors === 'replace') out += '\ufffd';
    else if (errors === 'backslashreplace') for (let k = 0; k < r.bad; k++) out += esc(raw.charCodeAt(i + k));
    i += r.bad;
  }
  return out;
}

/**
 * The (object, encoding, errors) arguments of bytes(), bytearray() and str() when an encoding or
 * errors is given (positionally or by keyword): the object (args[0] or the keyword `objectName`),
 * then what to hand str.encode / bytes.decode: the encoding positionally and errors by keyword.
 * Null when neither is given (the one-argument constructors).
 */
export function encodingArgs(
  _vm: Vm,
  args: readonly number[],
  kwargs: Map<string, number> | null,
  objectName: string,
): { x: number; args: number[]; kw: Map<string, number> | null } | null {
  const kw = kwargs ?? new Map<string, number>();
  for (const k of kw.keys())
    if (k !== objectName && k !== 'encoding' && k !== 'errors') throw new NotSupported(`the keyword ${k}`);
  const x = args[0] ?? kw.get(objectName);
  const enc = args[1] ?? kw.get('encoding');
  const errors = args[2] ?? kw.get('errors');
  if (enc === undefined && errors === undefined) return null;
  if (x === undefined) throw new NotSupported('an encoding without an object to encode');
  return {
    x,
    args: enc !== undefined ? [enc] : [],
    kw: errors !== undefined ? new Map([['errors', errors]]) : null,
  };
}
