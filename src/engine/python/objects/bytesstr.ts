import { argParserInit } from '../abstract/argparser';
import { typeError, valueError } from '../abstract/errors';
import { asSsize } from '../abstract/number';
import { typeName } from '../abstract/object';
import { NotSupported } from '../errors';
import type { Vm } from '../runtime/vm';
import { bytesContent, bytesNew, byteString } from './bytes';
import { bytearrayFromString } from './bytearray';
import { readAllBytes } from './bytesread';
import { E } from './exctypes';
import { listAppend, listNew } from './list';
import { Pieces } from './strsplit';
import { tupleAlloc } from './tuple';
import { Meth, T, type Kwargs, type MethodDef } from './types';

/**
 * The bytes and bytearray methods shared with str's algorithms (Objects/bytes_methods.c and
 * stringlib, 3.11) beyond bytessearch.ts and bytessplit.ts (find/count/startswith, split/strip/
 * upper/lower): rsplit/splitlines/partition/rpartition, replace, title/capitalize/swapcase and the
 * ASCII predicates, center/ljust/rjust/zfill,
 * removeprefix/suffix, expandtabs. Each result is a new bytes (PyBytes_FromStringAndSize, the
 * empty and one-byte singletons included) or bytearray; an exact bytes that would come back
 * unchanged is returned itself (return_self, the whole as split's only piece) as CPython does; a
 * bytearray is always copied. Whitespace and case are ASCII only (Py_ISSPACE, Py_TOUPPER).
 */

const isBytes = (vm: Vm, h: number): boolean => vm.table.type[h] === T.Bytes;
const isExact = isBytes;

/** The data of self as a latin-1 string. */
function data(vm: Vm, h: number): string {
  const s = byteString(bytesContent(vm, h));
  if (s === null) throw new NotSupported('a bytes method on bytes over 64 MiB');
  return s;
}

/**
 * The data of self for a method whose C loop reads every byte (a scan to the end, then the pieces
 * copied out of it: rsplit, splitlines, partition, replace, the case methods, the paddings' memcpy):
 * every page of a calloc'd bytes(n) faults in (docs/read-faults.md).
 */
function readData(vm: Vm, h: number): string {
  const s = data(vm, h);
  readAllBytes(vm, h);
  return s;
}

/** A bytes-like argument (bytes, bytearray): its data, else TypeError as the buffer protocol says. */
function bufferArg(vm: Vm, h: number): string {
  const t = vm.table.type[h];
  if (t !== T.Bytes && t !== T.ByteArray && !vm.typeOf(h).mro.includes(T.Bytes))
    throw typeError(vm, "a bytes-like object is required, not '%.100s'", typeName(vm, h));
  return data(vm, h);
}

/** A new result of self's type: bytes (with its singletons) or bytearray. */
const maker =
  (vm: Vm, self: number) =>
  (_vm: Vm, text: string): number =>
    vm.table.type[self] === T.ByteArray ? bytearrayFromString(vm, text) : bytesNew(vm, text);

/** The same object for an exact bytes (return_self), else a copy. */
function selfOrCopy(vm: Vm, self: number, s: string): number {
  if (isExact(vm, self)) {
    vm.incref(self);
    return self;
  }
  return maker(vm, self)(vm, s);
}

const SPACE = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);
const LINEBREAK = (c: number): boolean => c === 10 || c === 13;

function splitArgs(vm: Vm, fname: string, args: readonly number[], kw: Kwargs | null) {
  if (kw !== null && kw.size > 0) argParserInit(vm, `bytes.${fname}`, ['sep', 'maxsplit']);
  const sepArg = args[0] ?? kw?.get('sep');
  const maxArg = args[1] ?? kw?.get('maxsplit');
  let sep: string | null = null;
  if (sepArg !== undefined && sepArg !== vm.s.None) {
    sep = bufferArg(vm, sepArg);
    if (sep === '') throw valueError(vm, 'empty separator');
  }
  let maxcount = maxArg !== undefined ? asSsize(vm, maxArg, E.OverflowError) : -1;
  if (maxcount < 0) maxcount = Number.MAX_SAFE_INTEGER;
  return { sep, maxcount };
}

/** bytes.rsplit (rsplit_whitespace, rsplit_char, rsplit): pieces made from the right, the list reversed. */
function rsplit(vm: Vm, self: number, args: readonly number[], kw: Kwargs | null): number {
  const s = readData(vm, self);
  const { sep, maxcount } = splitArgs(vm, 'rsplit', args, kw);
  const out = new Pieces(vm, maxcount, maker(vm, self));
  const whole = (): void => {
    vm.incref(self);
    out.put(self);
  };
  const n = s.length;
  let left = maxcount;
  if (sep === null) {
    let i = n - 1;
    while (left-- > 0) {
      while (i >= 0 && SPACE(s.charCodeAt(i))) i--;
      if (i < 0) break;
      const j = i--;
      while (i >= 0 && !SPACE(s.charCodeAt(i))) i--;
      if (j === n - 1 && i < 0 && isExact(vm, self)) {
        whole();
        break;
      }
      out.add(s.slice(i + 1, j + 1));
    }
    if (i >= 0) {
      while (i >= 0 && SPACE(s.charCodeAt(i))) i--;
      if (i >= 0) out.add(s.slice(0, i + 1));
    }
    return out.done(true);
  }
  let j = n;
  while (left-- > 0) {
    const pos = j - sep.length < 0 ? -1 : s.lastIndexOf(sep, j - sep.length);
    if (pos < 0) break;
    out.add(s.slice(pos + sep.length, j));
    j = pos;
  }
  if (out.count === 0 && isExact(vm, self)) whole();
  else out.add(s.slice(0, j));
  return out.done(true);
}

function splitlines(vm: Vm, self: number, args: readonly number[], kw: Kwargs | null): number {
  if (kw !== null && kw.size > 0) argParserInit(vm, 'bytes.splitlines', ['keepends']);
  const keArg = args[0] ?? kw?.get('keepends');
  const keepends = keArg !== undefined && asSsize(vm, keArg, E.OverflowError) !== 0;
  const s = readData(vm, self);
  const make = maker(vm, self);
  const n = s.length;
  const list = listNew(vm, 0);
  let i = 0;
  let j = 0;
  while (i < n) {
    while (i < n && !LINEBREAK(s.charCodeAt(i))) i++;
    let eol = i;
    if (i < n) {
      i += s.charCodeAt(i) === 13 && i + 1 < n && s.charCodeAt(i + 1) === 10 ? 2 : 1;
      if (keepends) eol = i;
    }
    if (j === 0 && eol === n && isExact(vm, self)) {
      vm.incref(self);
      listAppend(vm, list, self);
      break;
    }
    listAppend(vm, list, make(vm, s.slice(j, eol)));
    j = i;
  }
  return list;
}

function partition(vm: Vm, self: number, sepObj: number, right: boolean): number {
  const s = readData(vm, self);
  const sep = bufferArg(vm, sepObj);
  if (sep === '') throw valueError(vm, 'empty separator');
  const make = maker(vm, self);
  const pos = right ? s.lastIndexOf(sep) : s.indexOf(sep);
  const parts =
    pos < 0 ? (right ? ['', '', null] : [null, '', '']) : [s.slice(0, pos), sep, s.slice(pos + sep.length)];
  const out = tupleAlloc(vm, 3);
  const base = vm.table.ref[out];
  parts.forEach((p, i) => {
    let h: number;
    if (p === null) h = selfOrCopy(vm, self, s);
    else if (i === 1 && pos >= 0 && isBytes(vm, sepObj) && isExact(vm, self)) {
      vm.incref(sepObj);
      h = sepObj;
    } else h = make(vm, p);
    vm.pool.data[base + i] = h;
  });
  return out;
}

function replace(vm: Vm, self: number, args: readonly number[]): number {
  if (args.length < 2 || args.length > 3) throw typeError(vm, 'replace expected 2 or 3 arguments');
  const s = readData(vm, self);
  const from = bufferArg(vm, args[0]);
  const to = bufferArg(vm, args[1]);
  let count = args.length > 2 ? asSsize(vm, args[2], E.OverflowError) : -1;
  if (count < 0) count = Number.MAX_SAFE_INTEGER;
  let out = '';
  let done = 0;
  let i = 0;
  if (from === '') {
    // every gap between bytes, up to count
    for (; i <= s.length && done < count; i++, done++) out += to + (i < s.length ? s[i] : '');
    out += s.slice(i);
  } else {
    for (; done < count; done++) {
      const pos = s.indexOf(from, i);
      if (pos < 0) break;
      out += s.slice(i, pos) + to;
      i = pos + from.length;
    }
    out += s.slice(i);
  }
  if (done === 0 || (from === to && from !== '')) return selfOrCopy(vm, self, s);
  return maker(vm, self)(vm, out);
}

const upperB = (s: string): string => s.replace(/[a-z]+/g, (m) => m.toUpperCase());
const lowerB = (s: string): string => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
const isLower = (c: number): boolean => c >= 97 && c <= 122;
const isUpper = (c: number): boolean => c >= 65 && c <= 90;

function titleB(s: string): string {
  let out = '';
  let prevCased = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += prevCased ? lowerB(s[i]) : upperB(s[i]);
    prevCased = isLower(c) || isUpper(c);
  }
  return out;
}

/** A case method: always a new object of the same length (PyBytes_FromStringAndSize(NULL, n)). */
const caseMethod =
  (f: (s: string) => string) =>
  (vm: Vm, self: number): number =>
    maker(vm, self)(vm, f(readData(vm, self)));

const predicate =
  (test: (s: string) => boolean) =>
  (vm: Vm, self: number): number =>
    vm.s.bool(test(data(vm, self)));

function pad(vm: Vm, self: number, args: readonly number[], where: 'l' | 'r' | 'c', fname: string): number {
  const width = asSsize(vm, args[0], E.OverflowError);
  let fill = ' ';
  if (args.length > 1) {
    const f = args[1];
    const t = vm.table.type[f];
    if ((t !== T.Bytes && t !== T.ByteArray) || vm.table.n[f] !== 1)
      throw typeError(
        vm,
        '%s() argument 2 must be a byte string of length 1, not %s',
        fname,
        typeName(vm, f),
      );
    fill = data(vm, f);
  }
  const s = data(vm, self);
  if (s.length >= width) return selfOrCopy(vm, self, s);
  const marg = width - s.length;
  const left = where === 'l' ? 0 : where === 'r' ? marg : (marg >> 1) + (marg & width & 1);
  return maker(vm, self)(vm, fill.repeat(left) + s + fill.repeat(marg - left));
}

function zfill(vm: Vm, self: number, args: readonly number[]): number {
  const width = asSsize(vm, args[0], E.OverflowError);
  const s = data(vm, self);
  if (s.length >= width) return selfOrCopy(vm, self, s);
  const sign = s[0] === '+' || s[0] === '-' ? s[0] : '';
  return maker(vm, self)(vm, sign + '0'.repeat(width - s.length) + s.slice(sign.length));
}

function affix(vm: Vm, self: number, args: readonly number[], suffix: boolean): number {
  const s = data(vm, self);
  const x = bufferArg(vm, args[0]);
  const has = x !== '' && (suffix ? s.endsWith(x) : s.startsWith(x));
  if (!has) return selfOrCopy(vm, self, s);
  return maker(vm, self)(vm, suffix ? s.slice(0, s.length - x.length) : s.slice(x.length));
}

function expandtabs(vm: Vm, self: number, args: readonly number[], kw: Kwargs | null): number {
  if (kw !== null && kw.size > 0) argParserInit(vm, 'bytes.expandtabs', ['tabsize']);
  const ts = args[0] ?? kw?.get('tabsize');
  const tabsize = ts === undefined ? 8 : asSsize(vm, ts, E.OverflowError);
  const s = readData(vm, self);
  let out = '';
  let col = 0;
  for (const ch of s) {
    if (ch === '\t') {
      if (tabsize > 0) {
        const n = tabsize - (col % tabsize);
        out += ' '.repeat(n);
        col += n;
      }
    } else {
      out += ch;
      col = ch === '\n' || ch === '\r' ? 0 : col + 1;
    }
  }
  return maker(vm, self)(vm, out);
}

const KW = Meth.Fastcall | Meth.Keywords;

/** The method table, qualified by the type (bytes or bytearray). */
export function bytesLikeMethods(type: 'bytes' | 'bytearray'): Record<string, MethodDef> {
  const def = (name: string, flags: number, impl: MethodDef['impl']): MethodDef => ({
    name,
    flags,
    impl,
    qualname: `${type}.${name}`,
  });
  return {
    rsplit: def('rsplit', KW, rsplit),
    splitlines: def('splitlines', KW, splitlines),
    partition: def('partition', Meth.O, (vm, h, a) => partition(vm, h, a[0], false)),
    rpartition: def('rpartition', Meth.O, (vm, h, a) => partition(vm, h, a[0], true)),
    replace: def('replace', Meth.Fastcall, replace),
    title: def('title', Meth.NoArgs, caseMethod(titleB)),
    capitalize: def(
      'capitalize',
      Meth.NoArgs,
      caseMethod((s) => upperB(s.slice(0, 1)) + lowerB(s.slice(1))),
    ),
    swapcase: def(
      'swapcase',
      Meth.NoArgs,
      caseMethod((s) =>
        s.replace(/[a-zA-Z]/g, (c) => (isLower(c.charCodeAt(0)) ? c.toUpperCase() : c.toLowerCase())),
      ),
    ),
    isalpha: def(
      'isalpha',
      Meth.NoArgs,
      predicate((s) => /^[a-zA-Z]+$/.test(s)),
    ),
    isdigit: def(
      'isdigit',
      Meth.NoArgs,
      predicate((s) => /^[0-9]+$/.test(s)),
    ),
    isalnum: def(
      'isalnum',
      Meth.NoArgs,
      predicate((s) => /^[a-zA-Z0-9]+$/.test(s)),
    ),
    isspace: def(
      'isspace',
      Meth.NoArgs,
      predicate((s) => s.length > 0 && Array.from(s).every((c) => SPACE(c.charCodeAt(0)))),
    ),
    isascii: def(
      'isascii',
      Meth.NoArgs,
      predicate((s) => Array.from(s).every((c) => c.charCodeAt(0) < 128)),
    ),
    islower: def(
      'islower',
      Meth.NoArgs,
      predicate((s) => /[a-z]/.test(s) && !/[A-Z]/.test(s)),
    ),
    isupper: def(
      'isupper',
      Meth.NoArgs,
      predicate((s) => /[A-Z]/.test(s) && !/[a-z]/.test(s)),
    ),
    istitle: def(
      'istitle',
      Meth.NoArgs,
      predicate((s) => s.length > 0 && titleB(s) === s && /[a-zA-Z]/.test(s)),
    ),
    center: def('center', Meth.Fastcall, (vm, h, a) => pad(vm, h, a, 'c', 'center')),
    ljust: def('ljust', Meth.Fastcall, (vm, h, a) => pad(vm, h, a, 'l', 'ljust')),
    rjust: def('rjust', Meth.Fastcall, (vm, h, a) => pad(vm, h, a, 'r', 'rjust')),
    zfill: def('zfill', Meth.O, zfill),
    removeprefix: def('removeprefix', Meth.O, (vm, h, a) => affix(vm, h, a, false)),
    removesuffix: def('removesuffix', Meth.O, (vm, h, a) => affix(vm, h, a, true)),
    expandtabs: def('expandtabs', KW, expandtabs),
  };
}
