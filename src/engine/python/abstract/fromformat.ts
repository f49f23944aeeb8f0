import { strBytes, strKindOf, maxKind, type StrKind, strValue } from '../objects/str';
import { T } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { repr, str } from './repr';

/**
 * An argument of PyUnicode_FromFormat: a JS string for %s and %U (a str's text), a number for
 * %d/%i/%zd/%u/%x/%c and %p (an address), an object handle for %R, %S and %A.
 */
export type FormatArg = string | number;

/** OVERALLOCATE_FACTOR of _PyUnicodeWriter on Linux: a growing buffer takes a quarter more. */
const OVERALLOCATE_FACTOR = 4;

/**
 * PyUnicode_FromFormatV as 3.11 runs it: a _PyUnicodeWriter whose min_length is strlen(format)
 * + 100, over-allocating, so the first write allocates a str of that capacity (195 bytes for
 * int()'s "invalid literal for int() with base %d: %.200R"); %R and %S make the argument's
 * repr/str and free it once copied; %s decodes the C string into a temporary str first
 * (unicode_fromformat_write_cstr), %d prints into a stack buffer; the end resizes the buffer to
 * the text (_PyUnicodeWriter_Finish: a realloc). Returns the new str.
 */
export function unicodeFromFormat(vm: Vm, fmt: string, args: readonly FormatArg[]): number {
  const w = new Writer(vm, fmt.length + 100);
  let argi = 0;
  for (let i = 0; i < fmt.length;) {
    const pct = fmt.indexOf('%', i);
    if (pct < 0) {
      w.write(fmt.slice(i));
      break;
    }
    if (pct > i) w.write(fmt.slice(i, pct));
    const m = /^%(\d*)(?:\.(\d+))?(l|ll|z)?([sdiuxcpRSUAV%])/.exec(fmt.slice(pct));
    if (!m) throw new Error(`internal: bad format ${fmt}`);
    i = pct + m[0].length;
    const precision = m[2] === undefined ? -1 : Number(m[2]);
    const conv = m[4];
    if (conv === '%') {
      w.write('%');
      continue;
    }
    const arg = args[argi++];
    switch (conv) {
      case 's': {
        let s = String(arg);
        if (precision >= 0) s = s.slice(0, precision);
        // PyUnicode_DecodeUTF8Stateful: a temporary str (a 1-character one is the cached singleton)
        const tmp = s.length > 1 || (s.length === 1 && s.charCodeAt(0) >= 128) ? allocTemp(vm, s) : 0;
        w.write(s);
        if (tmp) vm.mem.free(tmp);
        break;
      }
      case 'U':
        w.write(typeof arg === 'number' ? strValue(vm, arg) : arg);
        break;
      case 'R':
      case 'S':
      case 'A': {
        const h = conv === 'S' ? str(vm, arg as number) : repr(vm, arg as number);
        let text = strValue(vm, h);
        if (precision >= 0) text = text.slice(0, precision);
        w.write(text);
        vm.decref(h);
        break;
      }
      case 'c':
        w.write(String.fromCodePoint(arg as number));
        break;
      case 'x':
        w.write((arg as number).toString(16));
        break;
      case 'p':
        w.write(`0x${(arg as number).toString(16)}`);
        break;
      default: {
        // %d & co.: the precision zero-pads the digits, the width pads with spaces (sprintf)
        let digits = String(Math.abs(Number(arg)));
        if (precision >= 0) digits = digits.padStart(precision, '0');
        let text = (Number(arg) < 0 ? '-' : '') + digits;
        // a width written with a leading 0 ("%04d", datetime's isoformat) pads with zeros after the sign
        if (m[1] && m[1].startsWith('0') && m[1].length > 1)
          text = (Number(arg) < 0 ? '-' : '') + digits.padStart(Number(m[1]) - (Number(arg) < 0 ? 1 : 0), '0');
        else if (m[1]) text = text.padStart(Number(m[1]), ' ');
        w.write(text);
      }
    }
  }
  return w.finish();
}

/** A str's worth of memory for a temporary that is freed right after (its handle never needed). */
function allocTemp(vm: Vm, s: string): number {
  const kind = strKindOf(s);
  const size = strBytes(vm, s.length, kind);
  const p = vm.mem.malloc(size);
  vm.mem.wroteObject(p, size);
  return p;
}

/** _PyUnicodeWriter with overallocate = 1. */
class Writer {
  private addr = 0;
  private size = 0;
  private kind: StrKind = 0;
  private text = '';

  constructor(
    private readonly vm: Vm,
    private readonly minLength: number,
  ) {}

  write(s: string): void {
    if (s.length === 0) return;
    const mem = this.vm.mem;
    const kind = maxKind(this.kind, strKindOf(s));
    const need = this.text.length + s.length;
    if (this.addr === 0) {
      let newlen = need + Math.floor(need / OVERALLOCATE_FACTOR);
      if (newlen < this.minLength) newlen = this.minLength;
      this.alloc(newlen, kind);
    } else if (need > this.size) {
      let newlen = need + Math.floor(need / OVERALLOCATE_FACTOR);
      if (newlen < this.minLength) newlen = this.minLength;
      if (kind > this.kind || (this.kind === 0 && kind !== 0)) this.widen(newlen, kind);
      else {
        this.addr = mem.realloc(this.addr, strBytes(this.vm, newlen, kind));
        this.size = newlen;
      }
    } else if (kind !== this.kind) this.widen(this.size, kind);
    this.text += s;
    mem.touch(this.addr, strBytes(this.vm, this.text.length, this.kind));
  }

  private alloc(len: number, kind: StrKind): void {
    const size = strBytes(this.vm, len, kind);
    this.addr = this.vm.mem.malloc(size);
    this.vm.mem.wroteObject(this.addr, Math.min(size, 64));
    this.size = len;
    this.kind = kind;
  }

  /** A wider kind: a new buffer, the characters copied, the old one freed. */
  private widen(len: number, kind: StrKind): void {
    const old = this.addr;
    this.alloc(len, kind);
    this.vm.mem.free(old);
  }

  /** _PyUnicodeWriter_Finish: '' and 1-character results are the singletons; else a resize to the text. */
  finish(): number {
    const vm = this.vm;
    const n = this.text.length;
    if (n === 0) {
      if (this.addr) vm.mem.free(this.addr);
      return vm.s.emptyStr;
    }
    if (n === 1 && this.text.charCodeAt(0) < 256) {
      vm.mem.free(this.addr);
      return vm.s.char(this.text.charCodeAt(0));
    }
    if (this.size !== n) this.addr = vm.mem.realloc(this.addr, strBytes(vm, n, this.kind));
    const h = vm.table.newHandle(T.Str);
    vm.table.addr[h] = this.addr;
    vm.table.side[h] = this.text;
    vm.table.n[h] = n;
    vm.table.cap[h] = this.kind;
    return h;
  }
}
