import { NotSupported } from '../errors';
import { raiseFormat, raiseString, setKeyError, typeError, valueError } from '../abstract/errors';
import {
  floatFormatText,
  format as pyFormat,
  intFormatText,
  pad as padText,
  parseSpec,
} from '../abstract/format';
import { getItem, sequenceGetItem } from '../abstract/item';
import { getAttr } from '../abstract/attr';
import { index as pyIndex } from '../abstract/number';
import { repr as pyRepr, reprText, str as pyStr } from '../abstract/repr';
import type { Vm } from '../runtime/vm';
import { bytesNew } from './bytes';
import { E } from './exctypes';
import { floatBufSize, floatRepr, fromDouble } from './float';
import { fromSsize, intValue } from './int';
import { longBytes, ndigits, type IntValue } from './intsize';
import { strNew, strResult, strValue } from './str';
import { tupleItem } from './tuple';
import { T, TpFlags, type Kwargs } from './types';
import { UnicodeWriter } from './formatwriter';

/**
 * str.format (Objects/stringlib/unicode_format.h) and str % args (PyUnicode_Format), both
 * writing into a _PyUnicodeWriter that over-allocates (min_length: the format's length + 100),
 * with the temporaries 3.11 makes on the way: a field name's str for a keyword or attribute, the
 * converted object for !r/!s/!a, a nested format spec's own string, an int's scratch digits, a
 * float's PyOS_double_to_string buffer, and PyObject_Format's result for other objects.
 */

const isStr = (vm: Vm, h: number): boolean =>
  vm.table.type[h] === T.Str || (vm.typeOf(h).flags & TpFlags.UnicodeSubclass) !== 0;

/** PyObject_ASCII: repr() with the non-ASCII characters escaped (through a bytes object, as 3.11). */
export function asciiOf(vm: Vm, v: number): number {
  const r = pyRepr(vm, v);
  const text = strValue(vm, r);
  // eslint-disable-next-line no-control-regex -- every code point below 128 is ASCII, controls included
  if (/^[\x00-\x7f]*$/.test(text)) return r;
  let escaped = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    escaped +=
      c < 0x80
        ? ch
        : c < 0x100
          ? `\\x${c.toString(16).padStart(2, '0')}`
          : c < 0x10000
            ? `\\u${c.toString(16).padStart(4, '0')}`
            : `\\U${c.toString(16).padStart(8, '0')}`;
  }
  const b = bytesNew(vm, escaped);
  vm.decref(r);
  const out = strNew(vm, escaped, 0);
  vm.decref(b);
  return out;
}

/** PyUnicode_Substring of a str's text (JS indices): the str itself when whole, singletons for 0 and 1 latin-1 character. */
function substring(vm: Vm, h: number, start: number, end: number): number {
  const s = strValue(vm, h);
  if (start === 0 && end === s.length && vm.table.type[h] === T.Str) {
    vm.incref(h);
    return h;
  }
  if (end <= start) return vm.s.emptyStr;
  return strResult(vm, s.slice(start, end));
}

// ---- the number writers ------------------------------------------------------------------------

/** long_to_decimal_string_internal into a writer: the scratch digits, the writer prepared, the scratch freed. */
function writeDecimal(vm: Vm, w: UnicodeWriter, v: IntValue): void {
  const sizeA = ndigits(v);
  const scratch = vm.newObject(T.Int, longBytes(1 + sizeA + Math.floor(sizeA / 99)));
  w.writeText(v.toString());
  vm.objectFree(scratch);
}

/** _PyLong_FormatWriter: base 10 through the scratch; 8 and 16 written straight in (long_format_binary). */
function longFormatWriter(vm: Vm, w: UnicodeWriter, v: IntValue, base: number, alternate: boolean): void {
  if (base === 10) return writeDecimal(vm, w, v);
  const neg = v < 0;
  const abs = neg ? -BigInt(v) : BigInt(v);
  const prefix = alternate ? (base === 16 ? '0x' : base === 8 ? '0o' : '0b') : '';
  w.writeText((neg ? '-' : '') + prefix + abs.toString(base));
}

/** _PyLong_Format(v, base): a new str (base 10 through the scratch; other bases with their 0x/0o/0b prefix). */
function longFormat(vm: Vm, v: IntValue, base: number): number {
  if (base === 10) {
    const sizeA = ndigits(v);
    const scratch = vm.newObject(T.Int, longBytes(1 + sizeA + Math.floor(sizeA / 99)));
    const h = strNew(vm, v.toString(), 0);
    vm.objectFree(scratch);
    return h;
  }
  const neg = v < 0;
  const abs = neg ? -BigInt(v) : BigInt(v);
  const prefix = base === 16 ? '0x' : base === 8 ? '0o' : '0b';
  return strNew(vm, (neg ? '-' : '') + prefix + abs.toString(base), 0);
}

/** The digits PyOS_double_to_string puts in its buffer for a formatted float text. */
export function floatDigits(text: string): string {
  return text
    .trim()
    .replace(/^[+\- ]/, '')
    .replace(/[,_%]/g, '');
}

/** PyFloat_AsDouble: a float's value, nb_float's result, or an index's value. */
export function asDouble(vm: Vm, v: number): number {
  if (vm.table.type[v] === T.Float) return vm.table.num[v];
  const nb = vm.typeOf(v).number;
  if (nb?.float) {
    const r = nb.float(vm, v);
    const x = vm.table.num[r];
    vm.decref(r);
    return x;
  }
  if (nb?.index) {
    const i = pyIndex(vm, v);
    const x = Number(intValue(vm, i));
    vm.decref(i);
    return x;
  }
  throw typeError(vm, 'must be real number, not %.50s', vm.typeOf(v).name);
}

// ---- str.format --------------------------------------------------------------------------------

interface AutoNumber {
  state: 0 | 1 | 2; // ANS_INIT, ANS_AUTO, ANS_MANUAL
  next: number;
}

interface Ctx {
  vm: Vm;
  fmt: number;
  args: readonly number[];
  kw: Kwargs | null;
  /** format_map's mapping: a named field is PyObject_GetItem(mapping, key) (0 for str.format). */
  mapping: number;
  auto: AutoNumber;
}

/** str.format(*args, **kwargs) (do_string_format). */
export function strFormatMethod(vm: Vm, self: number, args: readonly number[], kw: Kwargs | null): number {
  const ctx: Ctx = { vm, fmt: self, args, kw, mapping: 0, auto: { state: 0, next: 0 } };
  return buildString(ctx, 0, strValue(vm, self).length, 2);
}

/**
 * str.format_map(mapping) (do_string_format_map): build_string with no positional args and the
 * mapping itself as kwargs, so each named field is a new key str looked up by PyObject_GetItem
 * (a dict subclass's __missing__ answers what the dict lacks).
 */
export function strFormatMapMethod(vm: Vm, self: number, mapping: number): number {
  const ctx: Ctx = { vm, fmt: self, args: [], kw: null, mapping, auto: { state: 0, next: 0 } };
  return buildString(ctx, 0, strValue(vm, self).length, 2);
}

/** build_string: a writer over one (sub)string of the format. */
function buildString(ctx: Ctx, start: number, end: number, depth: number): number {
  const vm = ctx.vm;
  if (depth <= 0) throw valueError(vm, 'Max string recursion exceeded');
  const w = new UnicodeWriter(vm);
  w.overallocate = true;
  w.minLength = vm.table.n[ctx.fmt] + 100;
  try {
    outputMarkup(ctx, w, start, end, depth);
  } catch (e) {
    w.dealloc();
    throw e;
  }
  return w.finish();
}

/** The MarkupIterator loop: literal text, then a field. */
function outputMarkup(ctx: Ctx, w: UnicodeWriter, start: number, end: number, depth: number): void {
  const vm = ctx.vm;
  const s = strValue(vm, ctx.fmt);
  let pos = start;
  while (pos < end) {
    const litStart = pos;
    let c = '';
    let markup = false;
    while (pos < end) {
      c = s[pos++];
      if (c === '{' || c === '}') {
        markup = true;
        break;
      }
    }
    const atEnd = pos >= end;
    let len = pos - litStart;
    if (c === '}' && markup && (atEnd || s[pos] !== '}'))
      throw valueError(vm, "Single '}' encountered in format string");
    if (atEnd && c === '{' && markup) throw valueError(vm, "Single '{' encountered in format string");
    if (!atEnd && markup) {
      if (s[pos] === c) {
        pos++;
        markup = false;
      } else len--;
    }
    if (len > 0) {
      if (!markup && pos >= end) w.overallocate = false;
      w.writeSubstring(ctx.fmt, litStart, litStart + len);
    }
    if (!markup) continue;
    // parse_field
    const nameStart = pos;
    c = '';
    while (pos < end) {
      c = s[pos++];
      if (c === '{') throw valueError(vm, "unexpected '{' in field name");
      if (c === '[') {
        while (pos < end && s[pos] !== ']') pos++;
        c = '';
        continue;
      }
      if (c === '}' || c === ':' || c === '!') break;
      c = '';
    }
    const nameEnd = c === '' ? pos : pos - 1;
    let conversion = '';
    let specStart = -1;
    let specEnd = -1;
    let expand = false;
    if (c === '!' || c === ':') {
      let done = false;
      if (c === '!') {
        if (pos >= end) throw valueError(vm, 'end of string while looking for conversion specifier');
        conversion = s[pos++];
        if (pos < end) {
          const c2 = s[pos++];
          if (c2 === '}') done = true;
          else if (c2 !== ':') throw valueError(vm, "expected ':' after conversion specifier");
        }
      }
      if (!done) {
        specStart = pos;
        let count = 1;
        while (pos < end) {
          const c3 = s[pos++];
          if (c3 === '{') {
            expand = true;
            count++;
          } else if (c3 === '}') {
            count--;
            if (count === 0) {
              specEnd = pos - 1;
              break;
            }
          }
        }
        if (specEnd < 0) throw valueError(vm, "unmatched '{' in format spec");
      }
    } else if (c !== '}') throw valueError(vm, "expected '}' before end of string");
    if (pos >= end) w.overallocate = false;
    outputField(ctx, w, nameStart, nameEnd, conversion, specStart, specEnd, expand, depth);
  }
}

/** output_markup for one field: the object, its conversion, the (expanded) spec, render_field. */
function outputField(
  ctx: Ctx,
  w: UnicodeWriter,
  nameStart: number,
  nameEnd: number,
  conversion: string,
  specStart: number,
  specEnd: number,
  expand: boolean,
  depth: number,
): void {
  const vm = ctx.vm;
  let obj = getFieldObject(ctx, nameStart, nameEnd);
  let tmp = 0;
  try {
    if (conversion !== '') {
      const conv =
        conversion === 'r'
          ? pyRepr(vm, obj)
          : conversion === 's'
            ? pyStr(vm, obj)
            : conversion === 'a'
              ? asciiOf(vm, obj)
              : (() => {
                  const code = conversion.codePointAt(0)!;
                  throw code > 32 && code < 127
                    ? valueError(vm, 'Unknown conversion specifier %c', code)
                    : valueError(vm, 'Unknown conversion specifier \\x%x', code);
                })();
      vm.decref(obj);
      obj = conv;
    }
    let spec: number; // the str the spec lives in
    let sStart = specStart;
    let sEnd = specEnd;
    if (expand) {
      tmp = buildString(ctx, specStart, specEnd, depth - 1);
      spec = tmp;
      sStart = 0;
      sEnd = strValue(vm, tmp).length;
    } else spec = ctx.fmt;
    renderField(vm, w, obj, specStart < 0 ? null : spec, sStart, sEnd);
  } finally {
    vm.decref(obj);
    if (tmp !== 0) vm.decref(tmp);
  }
}

/** get_integer: a run of decimal digits, else -1. */
function getInteger(vm: Vm, s: string): number {
  if (s === '' || !/^[0-9]+$/.test(s)) return -1;
  const n = Number(s);
  if (!Number.isSafeInteger(n) || n > 2 ** 63 - 1)
    throw valueError(vm, 'Too many decimal digits in format string');
  return n;
}

/** get_field_object: the argument, then each .attr and [key] of the field name. */
function getFieldObject(ctx: Ctx, start: number, end: number): number {
  const vm = ctx.vm;
  const s = strValue(vm, ctx.fmt);
  let i = start;
  while (i < end && s[i] !== '.' && s[i] !== '[') i++;
  const first = s.slice(start, i);
  let idx = getInteger(vm, first);
  const empty = first === '';
  const numeric = empty || idx !== -1;
  const a = ctx.auto;
  if (a.state === 0 && numeric) a.state = empty ? 1 : 2;
  if (numeric) {
    if (a.state === 2 && empty)
      throw valueError(vm, 'cannot switch from manual field specification to automatic field numbering');
    if (a.state === 1 && !empty)
      throw valueError(vm, 'cannot switch from automatic field numbering to manual field specification');
    if (empty) idx = a.next++;
  }
  let obj: number;
  if (idx === -1) {
    const key = substring(vm, ctx.fmt, start, i);
    try {
      if (ctx.mapping !== 0) obj = getItem(vm, ctx.mapping, key);
      else {
        const v = ctx.kw?.get(first);
        if (v === undefined) throw raiseKeyError(vm, key);
        vm.incref(v);
        obj = v;
      }
    } finally {
      vm.decref(key);
    }
  } else {
    // get_field_object: format_map has no positional args tuple at all
    if (ctx.mapping !== 0) throw valueError(vm, 'Format string contains positional fields');
    if (idx >= ctx.args.length)
      throw raiseFormat(
        vm,
        E.IndexError,
        'Replacement index %zd out of range for positional args tuple',
        idx,
      );
    obj = ctx.args[idx];
    vm.incref(obj);
  }
  // FieldNameIterator
  while (i < end) {
    const c = s[i++];
    let nameStart: number;
    let nameEnd: number;
    let isAttr: boolean;
    if (c === '.') {
      isAttr = true;
      nameStart = i;
      while (i < end && s[i] !== '.' && s[i] !== '[') i++;
      nameEnd = i;
    } else if (c === '[') {
      isAttr = false;
      nameStart = i;
      while (i < end && s[i] !== ']') i++;
      if (i >= end) {
        vm.decref(obj);
        throw valueError(vm, "Missing ']' in format string");
      }
      nameEnd = i++;
    } else {
      vm.decref(obj);
      throw valueError(vm, "Only '.' or '[' may follow ']' in format field specifier");
    }
    if (nameStart === nameEnd) {
      vm.decref(obj);
      throw valueError(vm, 'Empty attribute in format string');
    }
    let next: number;
    try {
      if (isAttr) {
        const name = substring(vm, ctx.fmt, nameStart, nameEnd);
        try {
          next = getAttr(vm, obj, strValue(vm, name));
        } finally {
          vm.decref(name);
        }
      } else {
        const n = getInteger(vm, s.slice(nameStart, nameEnd));
        if (n === -1) {
          const key = substring(vm, ctx.fmt, nameStart, nameEnd);
          try {
            next = getItem(vm, obj, key);
          } finally {
            vm.decref(key);
          }
        } else if (isSequence(vm, obj)) next = sequenceGetItem(vm, obj, n);
        else {
          const io = fromSsize(vm, n);
          try {
            next = getItem(vm, obj, io);
          } finally {
            vm.decref(io);
          }
        }
      }
    } finally {
      vm.decref(obj);
    }
    obj = next;
  }
  return obj;
}

/** PySequence_Check: sq_item and not a dict. */
function isSequence(vm: Vm, h: number): boolean {
  const tp = vm.typeOf(h);
  if (tp.mro.includes(T.Dict)) return false;
  return tp.sequence?.item !== undefined;
}

function raiseKeyError(vm: Vm, key: number) {
  return setKeyError(vm, key, reprText(vm, key));
}

/**
 * render_field: exact str, int and float are formatted straight into the writer; anything else
 * goes through PyObject_Format with the spec as a new str, and the result is copied in.
 */
function renderField(
  vm: Vm,
  w: UnicodeWriter,
  obj: number,
  specStr: number | null,
  start: number,
  end: number,
): void {
  const t = vm.table.type[obj];
  const spec = specStr === null ? '' : strValue(vm, specStr).slice(start, end);
  if (t === T.Str) return strFormatWriter(vm, w, obj, spec);
  if (t === T.Int) return intFormatWriter(vm, w, obj, spec);
  if (t === T.Float) return floatFormatWriter(vm, w, vm.table.num[obj], spec);
  const specObj = specStr === null ? vm.s.emptyStr : substring(vm, specStr, start, end);
  try {
    const r = pyFormat(vm, obj, specObj);
    w.writeStr(r);
    vm.decref(r);
  } finally {
    vm.decref(specObj);
  }
}

/** _PyUnicode_FormatAdvancedWriter (format_string_internal). */
function strFormatWriter(vm: Vm, w: UnicodeWriter, h: number, spec: string): void {
  if (spec === '') return w.writeStr(h);
  const f = parseSpec(vm, spec, 's', '<');
  if (f.type !== 's')
    throw raiseFormat(
      vm,
      E.ValueError,
      "Unknown format code '%c' for object of type '%.200s'",
      f.type.codePointAt(0)!,
      'str',
    );
  if (f.sign) throw valueError(vm, 'Sign not allowed in string format specifier');
  if (f.alternate) throw valueError(vm, 'Alternate form (#) not allowed in string format specifier');
  if (f.align === '=') throw valueError(vm, "'=' alignment not allowed in string format specifier");
  const s = strValue(vm, h);
  const len = vm.table.n[h];
  if ((f.width < 0 || f.width <= len) && (f.precision < 0 || f.precision >= len)) return w.writeStr(h);
  const cut = f.precision >= 0 ? [...s].slice(0, f.precision).join('') : s;
  w.writeText(padText(f, '', cut));
}

/** _PyLong_FormatAdvancedWriter (format_long_internal). */
function intFormatWriter(vm: Vm, w: UnicodeWriter, h: number, spec: string): void {
  const v = intValue(vm, h);
  if (spec === '') return writeDecimal(vm, w, v);
  const f = parseSpec(vm, spec, 'd', '>');
  if ('eEfFgG%'.includes(f.type)) {
    // PyNumber_Float, then format_float_internal
    const fl = fromDouble(vm, Number(v));
    try {
      return floatFormatWriter(vm, w, vm.table.num[fl], spec);
    } finally {
      vm.decref(fl);
    }
  }
  const text = intFormatText(vm, v, f);
  if (f.type === 'c') return w.writeText(text);
  const base = f.type === 'b' ? 2 : f.type === 'o' ? 8 : f.type === 'x' || f.type === 'X' ? 16 : 10;
  const tmp = longFormat(vm, v, base);
  w.writeText(text);
  vm.decref(tmp);
}

/** _PyFloat_FormatAdvancedWriter: format_obj (str()) for an empty spec, else format_float_internal. */
function floatFormatWriter(vm: Vm, w: UnicodeWriter, x: number, spec: string): void {
  if (spec === '') {
    const text = floatRepr(x);
    const buf = vm.mem.malloc(floatBufSize(text));
    vm.mem.touch(buf, text.length + 1);
    const s = strNew(vm, text, 0);
    vm.mem.free(buf);
    w.writeStr(s);
    vm.decref(s);
    return;
  }
  const f = parseSpec(vm, spec, '', '>');
  const text = floatFormatText(vm, x, f);
  const digits = floatDigits(text);
  const buf = vm.mem.malloc(floatBufSize(digits));
  vm.mem.touch(buf, digits.length + 1);
  if (f.sign !== '+' && f.sign !== ' ' && f.width < 0 && f.type !== 'n' && f.grouping === '') {
    w.writeASCII(text);
    vm.mem.free(buf);
    return;
  }
  const tmp = strNew(vm, digits + (text.endsWith('%') ? '%' : ''), 0);
  vm.mem.free(buf);
  w.writeText(text);
  vm.decref(tmp);
}

// ---- str % args ----------------------------------------------------------------------------

const F_LJUST = 1;
const F_SIGN = 2;
const F_BLANK = 4;
const F_ALT = 8;
const F_ZERO = 16;

interface Arg {
  ch: string;
  flags: number;
  width: number;
  prec: number;
  sign: boolean;
}

/** PyUnicode_Format (unicode_mod: str % args). */
export function unicodeFormat(vm: Vm, format: number, args: number): number {
  const s = strValue(vm, format);
  const w = new UnicodeWriter(vm);
  w.minLength = vm.table.n[format] + 100;
  w.overallocate = true;
  const isTuple = vm.table.type[args] === T.Tuple || vm.typeOf(args).mro.includes(T.Tuple);
  let arglen = isTuple ? vm.table.n[args] : -1;
  let argidx = isTuple ? 0 : -2;
  const tp = vm.typeOf(args);
  const dict = tp.mapping?.subscript !== undefined && !isTuple && !isStr(vm, args) ? args : 0;
  let cur = args;
  let owned = false;
  const n = s.length;
  let pos = 0;
  const nextArg = (): number => {
    if (argidx < arglen) {
      const i = argidx++;
      if (arglen < 0) return cur;
      return tupleItem(vm, cur, i);
    }
    throw typeError(vm, 'not enough arguments for format string');
  };
  try {
    while (pos < n) {
      if (s[pos] !== '%') {
        const from = pos;
        while (pos < n && s[pos] !== '%') pos++;
        if (pos >= n) w.overallocate = false;
        w.writeSubstring(format, from, pos);
        continue;
      }
      pos++;
      // unicode_format_arg
      if (pos < n && s[pos] === '%') {
        pos++;
        w.writeChar('%');
        continue;
      }
      const arg: Arg = { ch: '', flags: 0, width: -1, prec: -1, sign: false };
      // unicode_format_arg_parse
      if (s[pos] === '(') {
        if (dict === 0) throw typeError(vm, 'format requires a mapping');
        pos++;
        const keyStart = pos;
        let pcount = 1;
        while (pcount > 0 && pos < n) {
          if (s[pos] === ')') pcount--;
          else if (s[pos] === '(') pcount++;
          pos++;
        }
        if (pcount > 0 || pos >= n) throw valueError(vm, 'incomplete format key');
        const key = substring(vm, format, keyStart, pos - 1);
        if (owned) {
          owned = false;
          vm.decref(cur);
        }
        try {
          cur = getItem(vm, dict, key);
        } finally {
          vm.decref(key);
        }
        owned = true;
        arglen = -1;
        argidx = -2;
      }
      const read = (): boolean => {
        if (pos >= n) return false;
        arg.ch = s[pos++];
        return true;
      };
      let more = read();
      while (more) {
        const fl =
          arg.ch === '-'
            ? F_LJUST
            : arg.ch === '+'
              ? F_SIGN
              : arg.ch === ' '
                ? F_BLANK
                : arg.ch === '#'
                  ? F_ALT
                  : arg.ch === '0'
                    ? F_ZERO
                    : 0;
        if (fl === 0) break;
        arg.flags |= fl;
        more = read();
      }
      if (more && arg.ch === '*') {
        const v = nextArg();
        if (!vm.typeOf(v).mro.includes(T.Int)) throw typeError(vm, '* wants int');
        arg.width = Number(intValue(vm, v));
        if (arg.width < 0) {
          arg.flags |= F_LJUST;
          arg.width = -arg.width;
        }
        more = read();
      } else if (more && arg.ch >= '0' && arg.ch <= '9') {
        arg.width = Number(arg.ch);
        while ((more = read()) && arg.ch >= '0' && arg.ch <= '9') arg.width = arg.width * 10 + Number(arg.ch);
      }
      if (more && arg.ch === '.') {
        arg.prec = 0;
        more = read();
        if (more && (arg.ch as string) === '*') {
          const v = nextArg();
          if (!vm.typeOf(v).mro.includes(T.Int)) throw typeError(vm, '* wants int');
          arg.prec = Math.max(0, Number(intValue(vm, v)));
          more = read();
        } else if (more && arg.ch >= '0' && arg.ch <= '9') {
          arg.prec = Number(arg.ch);
          while ((more = read()) && arg.ch >= '0' && arg.ch <= '9') arg.prec = arg.prec * 10 + Number(arg.ch);
        }
      }
      if (more && (arg.ch === 'h' || arg.ch === 'l' || arg.ch === 'L')) more = read();
      if (!more) throw valueError(vm, 'incomplete format');
      // unicode_format_arg_format
      if (pos >= n) w.overallocate = false;
      const v = nextArg();
      const str = formatArg(vm, w, arg, v, pos - 1);
      if (str !== 0) {
        try {
          formatArgOutput(vm, w, arg, str);
        } finally {
          vm.decref(str);
        }
      }
      if (dict !== 0 && argidx < arglen)
        throw typeError(vm, 'not all arguments converted during string formatting');
    }
    if (argidx < arglen && dict === 0)
      throw typeError(vm, 'not all arguments converted during string formatting');
  } catch (e) {
    w.dealloc();
    if (owned) vm.decref(cur);
    throw e;
  }
  if (owned) vm.decref(cur);
  return w.finish();
}

/** unicode_format_arg_format: 0 when written into the writer, else the str to output. */
function formatArg(vm: Vm, w: UnicodeWriter, arg: Arg, v: number, at: number): number {
  const t = vm.table.type[v];
  switch (arg.ch) {
    case 's':
    case 'r':
    case 'a':
      if (t === T.Int && arg.width === -1 && arg.prec === -1) {
        longFormatWriter(vm, w, intValue(vm, v), 10, false);
        return 0;
      }
      if (t === T.Str && arg.ch === 's') {
        vm.incref(v);
        return v;
      }
      return arg.ch === 's' ? pyStr(vm, v) : arg.ch === 'r' ? pyRepr(vm, v) : asciiOf(vm, v);
    case 'i':
    case 'd':
    case 'u':
    case 'o':
    case 'x':
    case 'X': {
      const r = mainFormatLong(vm, w, arg, v);
      if (r === 0) return 0;
      arg.sign = true;
      return r;
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
      const x = asDouble(vm, v);
      const text = floatFormatText(vm, x, {
        fill: ' ',
        align: '>',
        sign: '',
        alternate: (arg.flags & F_ALT) !== 0,
        zero: false,
        width: -1,
        grouping: '',
        precision: arg.prec < 0 ? 6 : arg.prec,
        type: arg.ch,
      });
      const buf = vm.mem.malloc(floatBufSize(floatDigits(text)));
      vm.mem.touch(buf, text.length + 1);
      if (arg.width === -1 && arg.prec === -1 && !(arg.flags & (F_SIGN | F_BLANK))) {
        w.writeASCII(text);
        vm.mem.free(buf);
        return 0;
      }
      arg.sign = true;
      const s = strNew(vm, text, 0);
      vm.mem.free(buf);
      return s;
    }
    case 'c': {
      let ch: number;
      if (isStr(vm, v)) {
        const s = strValue(vm, v);
        if (vm.table.n[v] !== 1) throw typeError(vm, '%%c requires int or char');
        ch = s.codePointAt(0)!;
      } else {
        if (!vm.typeOf(v).mro.includes(T.Int)) throw typeError(vm, '%%c requires int or char');
        const x = intValue(vm, v);
        if (x < 0 || x > 0x10ffff) throw raiseString(vm, E.OverflowError, '%c arg not in range(0x110000)');
        ch = Number(x);
      }
      const c = String.fromCodePoint(ch);
      if (arg.width === -1 && arg.prec === -1) {
        w.writeChar(c);
        return 0;
      }
      return strResult(vm, c);
    }
    default: {
      const code = arg.ch.codePointAt(0)!;
      throw valueError(
        vm,
        "unsupported format character '%c' (0x%x) at index %zd",
        code >= 31 && code <= 126 ? code : 63,
        code,
        at,
      );
    }
  }
}

/** mainformatlong: 0 when written into the writer, else the digits as a new str (_PyUnicode_FormatLong). */
function mainFormatLong(vm: Vm, w: UnicodeWriter, arg: Arg, v: number): number {
  const type = arg.ch;
  const nb = vm.typeOf(v).number;
  const isInt = vm.typeOf(v).mro.includes(T.Int);
  const wrong = () =>
    type === 'o' || type === 'x' || type === 'X'
      ? typeError(
          vm,
          '%%%c format: an integer is required, not %.200s',
          type.codePointAt(0)!,
          vm.typeOf(v).name,
        )
      : typeError(
          vm,
          '%%%c format: a real number is required, not %.200s',
          type.codePointAt(0)!,
          vm.typeOf(v).name,
        );
  if (!isInt && !(nb?.index || nb?.int || nb?.float)) throw wrong();
  let iobj: number;
  if (!isInt) {
    if (type === 'o' || type === 'x' || type === 'X') {
      if (!nb?.index) throw wrong();
      iobj = pyIndex(vm, v);
    } else {
      if (!nb?.int) throw new NotSupported(`%${type} of a ${vm.typeOf(v).name}`);
      iobj = nb.int(vm, v);
    }
  } else {
    vm.incref(v);
    iobj = v;
  }
  const base = type === 'o' ? 8 : type === 'x' || type === 'X' ? 16 : 10;
  const value = intValue(vm, iobj);
  try {
    if (
      vm.table.type[v] === T.Int &&
      arg.width === -1 &&
      arg.prec === -1 &&
      !(arg.flags & (F_SIGN | F_BLANK)) &&
      type !== 'X'
    ) {
      longFormatWriter(vm, w, value, base, (arg.flags & F_ALT) !== 0);
      return 0;
    }
    return formatLong(vm, value, (arg.flags & F_ALT) !== 0, arg.prec, type, base);
  } finally {
    vm.decref(iobj);
  }
}

/** _PyUnicode_FormatLong: PyNumber_ToBase's str, re-made when digits are padded or the prefix dropped. */
export function formatLong(
  vm: Vm,
  v: IntValue,
  alt: boolean,
  prec: number,
  type: string,
  base: number,
): number {
  let result = longFormat(vm, v, base);
  const neg = v < 0;
  const abs = (neg ? -BigInt(v) : BigInt(v)).toString(base);
  const prefix = base === 10 || !alt ? '' : base === 16 ? '0' + type : '0o';
  let digits = abs;
  let remade = base !== 10 && !alt;
  if (prec > digits.length) {
    const b = bytesNew(
      vm,
      ' '.repeat((neg ? 1 : 0) + (base === 10 ? 0 : 2) + prec - (alt || base === 10 ? 0 : 2)),
    );
    vm.decref(result);
    result = b;
    digits = '0'.repeat(prec - digits.length) + digits;
    remade = true;
  }
  if (type === 'X') digits = digits.toUpperCase();
  const text = (neg ? '-' : '') + prefix + digits;
  if (remade) {
    const u = strNew(vm, text, 0);
    vm.decref(result);
    return u;
  }
  if (type === 'X') vm.table.side[result] = text;
  return result;
}

/** unicode_format_arg_output: the str copied in, with its sign, padding and 0x prefix. */
function formatArgOutput(vm: Vm, w: UnicodeWriter, arg: Arg, str: number): void {
  const fill = arg.sign && arg.flags & F_ZERO ? '0' : ' ';
  let text = strValue(vm, str);
  let len = vm.table.n[str];
  if (
    (arg.width === -1 || arg.width <= len) &&
    (arg.prec === -1 || arg.prec >= len) &&
    !(arg.flags & (F_SIGN | F_BLANK))
  )
    return w.writeStr(str);
  if ((arg.ch === 's' || arg.ch === 'r' || arg.ch === 'a') && arg.prec >= 0 && len > arg.prec) {
    text = [...text].slice(0, arg.prec).join('');
    len = arg.prec;
  }
  let sign = '';
  if (arg.sign) {
    if (text[0] === '-' || text[0] === '+') {
      sign = text[0];
      text = text.slice(1);
      len--;
    } else if (arg.flags & F_SIGN) sign = '+';
    else if (arg.flags & F_BLANK) sign = ' ';
  }
  let prefix = '';
  if (arg.flags & F_ALT && (arg.ch === 'x' || arg.ch === 'X' || arg.ch === 'o')) {
    prefix = text.slice(0, 2);
    text = text.slice(2);
    len -= 2;
  }
  const width = Math.max(arg.width, 0);
  const padLen = Math.max(0, width - sign.length - prefix.length - len);
  let out: string;
  if (arg.flags & F_LJUST) out = sign + prefix + text + ' '.repeat(padLen);
  else if (fill === '0') out = sign + prefix + '0'.repeat(padLen) + text;
  else out = ' '.repeat(padLen) + sign + prefix + text;
  // one _PyUnicodeWriter_Prepare for the whole field, then the characters
  w.writeText(out);
}
