import { argParserInit } from '../abstract/argparser';
import { typeError } from '../abstract/errors';
import { asSsize } from '../abstract/number';
import { NotSupported } from '../errors';
import type { Vm } from '../runtime/vm';
import { BYTES_HEADER, bytesNew } from './bytes';
import { encodeUcs1, handlerOf } from './codecerrors';
import { E } from './exctypes';
import { strKind, strKindOf, strNew, strValue } from './str';
import { substring } from './strsearch';
import { isSpace } from './strsplit';
import { T, type Kwargs } from './types';

/**
 * The str methods that make a transformed copy (unicodeobject.c, 3.11), each with the
 * allocations of its C path:
 * - upper/lower of an ASCII str: ascii_upper_or_lower, one PyUnicode_New of the same length;
 *   otherwise (and title/capitalize/swapcase/casefold always) case_operation: a PyMem_Malloc
 *   scratch of 12 bytes per character (3 UCS-4 code points each), PyUnicode_New of the result,
 *   then the scratch freed;
 * - strip/lstrip/rstrip, removeprefix/suffix: PyUnicode_Substring (the same object when nothing
 *   goes);
 * - center/ljust/rjust/zfill: pad(), the same object when wide enough, else one PyUnicode_New;
 * - is*(): no allocation;
 * - encode: a bytes object (utf-8 of a non-ASCII str through a _PyBytesWriter: a stack buffer
 *   up to 512 bytes, else a bytes object of the worst case resized to the result).
 */

const sameIfExact = (vm: Vm, self: number): number => {
  if (vm.table.type[self] === T.Str) {
    vm.incref(self);
    return self;
  }
  return strNew(vm, strValue(vm, self), strKind(vm, self));
};

/** case_operation: the scratch, the result, the scratch freed. */
function caseOperation(vm: Vm, self: number, perform: (s: string) => string): number {
  const s = strValue(vm, self);
  const n = vm.table.n[self];
  const tmp = vm.mem.malloc(12 * n);
  try {
    return strNew(vm, perform(s));
  } finally {
    vm.mem.free(tmp);
  }
}

function asciiOrCase(vm: Vm, self: number, f: (s: string) => string): number {
  if (strKind(vm, self) === 0) return strNew(vm, f(strValue(vm, self)), 0);
  return caseOperation(vm, self, f);
}

const upper = (s: string): string => s.toUpperCase();
const lower = (s: string): string => s.toLowerCase();
const isCased = (ch: string): boolean => ch.toLowerCase() !== ch.toUpperCase();

// The four Latin digraphs whose title case is neither their upper nor their lower form (Ǆ ǅ ǆ → ǅ).
const DIGRAPH_TITLE: Record<number, number> = {
  0x1c4: 0x1c5,
  0x1c5: 0x1c5,
  0x1c6: 0x1c5,
  0x1c7: 0x1c8,
  0x1c8: 0x1c8,
  0x1c9: 0x1c8, // prettier-ignore
  0x1ca: 0x1cb,
  0x1cb: 0x1cb,
  0x1cc: 0x1cb,
  0x1f1: 0x1f2,
  0x1f2: 0x1f2,
  0x1f3: 0x1f2, // prettier-ignore
};

/**
 * _PyUnicode_ToTitleFull for one character: its full upper mapping with all but the first letter
 * lowered (ß → Ss, ﬁ → Fi, ŉ → ʼN stays as its upper form has it), the digraphs by table. JS has
 * no title-case mapping; this agrees with Unicode's except for the Greek letters with ypogegrammeni.
 */
function titleChar(ch: string): string {
  const d = DIGRAPH_TITLE[ch.codePointAt(0)!];
  if (d !== undefined) return String.fromCodePoint(d);
  const up = ch.toUpperCase();
  if (up.length <= 2 && up.codePointAt(0)! > 0xffff) return up;
  // the first cased letter stays upper, the ones after it are lowered (ß → Ss, ŉ → ʼN)
  for (let i = 0; i < up.length; i++)
    if (isCased(up[i])) return up.slice(0, i + 1) + up.slice(i + 1).toLowerCase();
  return up;
}

/** do_title: a character after a cased one is lowered, any other title-cased. */
function title(s: string): string {
  let out = '';
  let prevCased = false;
  const chars = Array.from(s);
  chars.forEach((ch, i) => {
    // a capital sigma lowered at the end of a word is the final form (handle_capital_sigma)
    if (prevCased && ch === '\u03a3')
      out += i + 1 < chars.length && isCased(chars[i + 1]) ? '\u03c3' : '\u03c2';
    else out += prevCased ? ch.toLowerCase() : titleChar(ch);
    prevCased = isCased(ch);
  });
  return out;
}

/** do_capitalize (3.8+): the first character title-cased, the rest lowered. */
function capitalize(s: string): string {
  const first = s.codePointAt(0)!;
  const n = first > 0xffff ? 2 : 1;
  return titleChar(s.slice(0, n)) + s.slice(n).toLowerCase();
}

/**
 * _PyUnicode_ToFoldedFull per character: the lower form of the upper form (ß → ss, ﬁ → fi,
 * ς → σ, ſ → s, İ → i̇), except Cherokee, which folds to its capitals (U+13F8–13FD, U+AB70–ABBF).
 */
function casefold(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out += ch.toLowerCase();
    else if ((c >= 0x13a0 && c <= 0x13f5) || (c >= 0x13f8 && c <= 0x13fd) || (c >= 0xab70 && c <= 0xabbf))
      out += ch.toUpperCase();
    else out += ch.toUpperCase().toLowerCase();
  }
  return out;
}

function swapcase(s: string): string {
  let out = '';
  for (const ch of s) out += ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase();
  return out;
}

/** do_strip / _PyUnicode_XStrip: 0 left, 1 right, 2 both. */
function strip(vm: Vm, self: number, args: readonly number[], side: 0 | 1 | 2, fname: string): number {
  if (args.length > 1) throw typeError(vm, '%s expected at most 1 argument, got %zd', fname, args.length);
  const s = strValue(vm, self);
  let test: (c: number) => boolean = isSpace;
  if (args.length && vm.table.type[args[0]] !== T.None) {
    if (!vm.typeOf(args[0]).mro.includes(T.Str)) throw typeError(vm, '%s arg must be None or str', fname);
    const set = new Set(Array.from(strValue(vm, args[0]), (c) => c.charCodeAt(0)));
    test = (c) => set.has(c);
  }
  let a = 0;
  let b = s.length;
  if (side !== 1) while (a < b && test(s.charCodeAt(a))) a++;
  if (side !== 0) while (b > a && test(s.charCodeAt(b - 1))) b--;
  return substring(vm, self, a, b);
}

/** pad(): PyUnicode_New(left + len + right, max(maxchar, fill)), or the same object. */
function pad(vm: Vm, self: number, args: readonly number[], fname: string, where: 'l' | 'r' | 'c'): number {
  if (args.length < 1 || args.length > 2)
    throw typeError(
      vm,
      '%s expected %s, got %zd',
      fname,
      args.length < 1 ? 'at least 1 argument' : 'at most 2 arguments',
      args.length,
    );
  const width = asSsize(vm, args[0], E.OverflowError);
  let fill = ' ';
  if (args.length > 1) {
    const f = args[1];
    if (!vm.typeOf(f).mro.includes(T.Str) || vm.table.n[f] !== 1)
      throw typeError(vm, 'The fill character must be exactly one character long');
    fill = strValue(vm, f);
  }
  const len = vm.table.n[self];
  if (len >= width) return sameIfExact(vm, self);
  const marg = width - len;
  // center: left = marg / 2 + (marg & width & 1)
  const left = where === 'l' ? 0 : where === 'r' ? marg : (marg >> 1) + (marg & width & 1);
  const s = strValue(vm, self);
  return strNew(vm, fill.repeat(left) + s + fill.repeat(marg - left));
}

function zfill(vm: Vm, self: number, args: readonly number[]): number {
  const width = asSsize(vm, args[0], E.OverflowError);
  const len = vm.table.n[self];
  if (len >= width) return sameIfExact(vm, self);
  const s = strValue(vm, self);
  const sign = s[0] === '+' || s[0] === '-' ? s[0] : '';
  return strNew(vm, sign + '0'.repeat(width - len) + s.slice(sign.length), strKind(vm, self));
}

/** str.expandtabs(tabsize=8): the same object without tabs, else one new str. */
function expandtabs(vm: Vm, self: number, args: readonly number[], kw: Kwargs | null): number {
  if (kw !== null && kw.size > 0) argParserInit(vm, 'str.expandtabs', ['tabsize']);
  const tsArg = args[0] ?? kw?.get('tabsize');
  const tabsize = tsArg === undefined ? 8 : asSsize(vm, tsArg, E.OverflowError);
  const s = strValue(vm, self);
  if (!s.includes('\t')) return sameIfExact(vm, self);
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
  return strNew(vm, out);
}

/** str.encode(encoding='utf-8', errors='strict'): utf-8, ascii and latin-1 (the codecs without a lookup). */
function encode(vm: Vm, self: number, args: readonly number[], kw: Kwargs | null): number {
  if (kw !== null && kw.size > 0) argParserInit(vm, 'str.encode', ['encoding', 'errors']);
  const encArg = args[0] ?? kw?.get('encoding');
  const enc = encArg === undefined ? 'utf-8' : strValue(vm, encArg).toLowerCase().replace(/_/g, '-');
  const s = strValue(vm, self);
  const kind = strKind(vm, self);
  if (enc === 'utf-8' || enc === 'utf8') {
    // an ASCII str's UTF-8 is its own data: PyBytes_FromStringAndSize
    if (kind === 0) return bytesNew(vm, s);
    const bytes = unescape(encodeURIComponent(s));
    const worst = vm.table.n[self] * (kind === 1 ? 2 : kind === 2 ? 3 : 4);
    if (worst <= 512 || bytes.length <= 1) return bytesNew(vm, bytes);
    // _PyBytesWriter past its stack buffer: the worst case, then _PyBytes_Resize to the result
    const h = bytesNew(vm, { fill: 0, length: worst });
    const p = vm.mem.realloc(vm.table.addr[h], BYTES_HEADER + bytes.length);
    vm.table.addr[h] = p;
    vm.table.n[h] = bytes.length;
    vm.table.side[h] = bytes;
    vm.mem.touch(p, BYTES_HEADER + bytes.length);
    return h;
  }
  const limit =
    enc === 'ascii' || enc === 'us-ascii'
      ? 128
      : enc === 'latin-1' || enc === 'latin1' || enc === 'iso-8859-1'
        ? 256
        : 0;
  if (limit === 0) throw new NotSupported(`str.encode('${enc}')`);
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= limit) {
      const errArg = args[1] ?? kw?.get('errors');
      const errors = handlerOf(
        errArg === undefined ? 'strict' : strValue(vm, errArg),
        `str.encode('${enc}')`,
      );
      return encodeUcs1(vm, self, s, limit, limit === 128 ? 'ascii' : 'latin-1', errors);
    }
  }
  return bytesNew(vm, s);
}

const pred =
  (test: (s: string) => boolean) =>
  (vm: Vm, self: number): number =>
    vm.s.bool(test(strValue(vm, self)));

// Numeric_Type=Digit outside Nd (superscripts, subscripts, circled and dingbat digits…): what
// str.isdigit accepts beside the decimal digits; the other No characters (½, ⅓) are only numeric.
const DIGIT_RANGES = [
  0xb2,
  0xb3,
  0xb9,
  0xb9,
  0x1369,
  0x1371,
  0x19da,
  0x19da,
  0x2070,
  0x2070,
  0x2074,
  0x2079,
  0x2080,
  0x2089, // prettier-ignore
  0x2460,
  0x2468,
  0x2474,
  0x247c,
  0x2488,
  0x2490,
  0x24ea,
  0x24ea,
  0x24f5,
  0x24fd,
  0x24ff,
  0x24ff, // prettier-ignore
  0x2776,
  0x277e,
  0x2780,
  0x2788,
  0x278a,
  0x2792,
  0x10a40,
  0x10a43,
  0x10e60,
  0x10e68,
  0x11052,
  0x1105a, // prettier-ignore
  0x1f100,
  0x1f10a, // prettier-ignore
];
function isDigitChar(ch: string): boolean {
  if (/\p{Nd}/u.test(ch)) return true;
  const c = ch.codePointAt(0)!;
  for (let i = 0; i < DIGIT_RANGES.length; i += 2)
    if (c >= DIGIT_RANGES[i] && c <= DIGIT_RANGES[i + 1]) return true;
  return false;
}
// The CJK ideographs with a numeric value (Numeric_Type=Numeric though their category is Lo).
const CJK_NUMERALS = new Set(
  Array.from('〇一二三四五六七八九十百千万萬億兆零廿卅卌壹貳贰參叁肆伍陸陆柒捌玖拾佰仟兩两弌弍弎', (c) =>
    c.codePointAt(0)!,
  ),
);
const isNumericChar = (ch: string): boolean =>
  /[\p{Nd}\p{No}\p{Nl}]/u.test(ch) || CJK_NUMERALS.has(ch.codePointAt(0)!);

const every = (re: RegExp) => (s: string) => s.length > 0 && re.test(s);

export const STR_CASE_METHODS = {
  upper: (vm: Vm, self: number) => asciiOrCase(vm, self, upper),
  lower: (vm: Vm, self: number) => asciiOrCase(vm, self, lower),
  casefold: (vm: Vm, self: number) =>
    strKind(vm, self) === 0 ? asciiOrCase(vm, self, lower) : caseOperation(vm, self, casefold),
  title: (vm: Vm, self: number) => caseOperation(vm, self, title),
  capitalize: (vm: Vm, self: number) =>
    vm.table.n[self] === 0 ? sameIfExact(vm, self) : caseOperation(vm, self, capitalize),
  swapcase: (vm: Vm, self: number) => caseOperation(vm, self, swapcase),
  strip: (vm: Vm, self: number, a: readonly number[]) => strip(vm, self, a, 2, 'strip'),
  lstrip: (vm: Vm, self: number, a: readonly number[]) => strip(vm, self, a, 0, 'lstrip'),
  rstrip: (vm: Vm, self: number, a: readonly number[]) => strip(vm, self, a, 1, 'rstrip'),
  center: (vm: Vm, self: number, a: readonly number[]) => pad(vm, self, a, 'center', 'c'),
  ljust: (vm: Vm, self: number, a: readonly number[]) => pad(vm, self, a, 'ljust', 'l'),
  rjust: (vm: Vm, self: number, a: readonly number[]) => pad(vm, self, a, 'rjust', 'r'),
  zfill,
  expandtabs,
  encode,
  isdigit: pred((x) => x.length > 0 && Array.from(x).every(isDigitChar)),
  isdecimal: pred(every(/^\p{Nd}+$/u)),
  isnumeric: pred((x) => x.length > 0 && Array.from(x).every(isNumericChar)),
  isalpha: pred(every(/^\p{L}+$/u)),
  isalnum: pred(every(/^[\p{L}\p{Nd}\p{No}\p{Nl}]+$/u)),
  isspace: pred((s) => s.length > 0 && Array.from(s).every((c) => isSpace(c.codePointAt(0)!))),
  isascii: pred((s) => strKindOf(s) === 0),
  isidentifier: pred((s) => /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u.test(s)),
  isprintable: pred((s) => !/[\p{C}\p{Z}]/u.test(s.replace(/ /g, ''))),
  isupper: pred((s) => s !== s.toLowerCase() && s === s.toUpperCase()),
  islower: pred((s) => s !== s.toUpperCase() && s === s.toLowerCase()),
  istitle: pred((s) => {
    let cased = false;
    let prev = false;
    for (const ch of s) {
      const up = ch !== ch.toLowerCase();
      const lo = ch !== ch.toUpperCase();
      if (up) {
        if (prev) return false;
        prev = cased = true;
      } else if (lo) {
        if (!prev) return false;
        prev = cased = true;
      } else prev = false;
    }
    return cased;
  }),
};
