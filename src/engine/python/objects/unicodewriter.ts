import type { Vm } from '../runtime/vm';
import { codePoints, strBytes, strKindOf, strValue, type StrKind } from './str';
import { T } from './types';

/** OVERALLOCATE_FACTOR on Linux: a growing buffer takes a quarter more than it needs. */
const OVERALLOCATE_FACTOR = 4;

/** PyUnicode_MAX_CHAR_VALUE of a str of each kind (what the writer compares maxchars with). */
const KIND_MAXCHAR: Record<StrKind, number> = { 0: 127, 1: 255, 2: 0xffff, 4: 0x10ffff };

/** The kind PyUnicode_New(n, maxchar) makes. */
export function kindForMaxchar(maxchar: number): StrKind {
  return maxchar < 128 ? 0 : maxchar < 256 ? 1 : maxchar < 0x10000 ? 2 : 4;
}

/** The largest code point of a JS string (0 when empty). */
export function maxCharOf(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i)!;
    if (c > m) m = c;
    if (c > 0xffff) i++;
  }
  return m;
}

/**
 * _PyUnicodeWriter (Objects/unicodeobject.c, 3.11), the buffer C code builds strings in (the JSON
 * decoder's strings with escapes, StringIO's accumulator, format()): a str object allocated by
 * PyUnicode_New and grown in place (resize_compact: PyObject_Realloc) or replaced by a wider one
 * when a character does not fit its kind. With `overallocate`, every growth asks for a quarter
 * more (newlen + newlen / 4); `minLength` is a floor. Finish resizes the buffer to the text
 * (a 1-character latin-1 or empty result is the cached singleton, the buffer freed).
 * Lengths are in code points. The buffer's address is its str object's block.
 */
export class UnicodeWriter {
  /** The buffer's block (0: none yet). */
  addr = 0;
  /** The buffer's length in characters and its kind. */
  size = 0;
  kind: StrKind = 0;
  /** The text written (pos = its length in code points). */
  text = '';
  pos = 0;
  overallocate: boolean;
  minLength: number;
  /** _PyUnicodeWriter.readonly: the buffer is a caller's str shared as is (WriteStr without overallocate). */
  private shared = 0;

  constructor(
    private readonly vm: Vm,
    overallocate = false,
    minLength = 0,
  ) {
    this.overallocate = overallocate;
    this.minLength = minLength;
  }

  get maxchar(): number {
    return this.addr === 0 && this.shared === 0 ? 0 : KIND_MAXCHAR[this.kind];
  }

  /** _PyUnicodeWriter_Prepare (the macro, then _PyUnicodeWriter_PrepareInternal). */
  prepare(length: number, maxchar: number): void {
    if (maxchar <= this.maxchar && length <= this.size - this.pos) return;
    if (length === 0) return;
    const vm = this.vm;
    let newlen = this.pos + length;
    if (this.addr === 0 && this.shared === 0) {
      if (this.overallocate) newlen += Math.floor(newlen / OVERALLOCATE_FACTOR);
      if (newlen < this.minLength) newlen = this.minLength;
      this.alloc(newlen, kindForMaxchar(maxchar));
    } else if (newlen > this.size) {
      if (this.overallocate) newlen += Math.floor(newlen / OVERALLOCATE_FACTOR);
      if (newlen < this.minLength) newlen = this.minLength;
      if (maxchar > this.maxchar || this.shared !== 0) {
        // resize + widen: a new buffer, the characters copied, the old one released
        const old = this.addr;
        const wasShared = this.shared;
        this.shared = 0;
        this.alloc(newlen, kindForMaxchar(Math.max(maxchar, this.maxcharOfKind())));
        if (wasShared) vm.decref(wasShared);
        else vm.mem.free(old);
      } else {
        // resize_compact
        this.addr = vm.mem.realloc(this.addr, strBytes(vm, newlen, this.kind));
        this.size = newlen;
      }
    } else if (maxchar > this.maxchar) {
      const old = this.addr;
      this.alloc(this.size, kindForMaxchar(maxchar));
      vm.mem.free(old);
    }
  }

  private maxcharOfKind(): number {
    return KIND_MAXCHAR[this.kind];
  }

  private alloc(len: number, kind: StrKind): void {
    const bytes = strBytes(this.vm, len, kind);
    const p = this.vm.mem.malloc(bytes);
    this.vm.mem.wroteObject(p, Math.min(bytes, 72));
    this.addr = p;
    this.size = len;
    this.kind = kind;
  }

  private wrote(s: string, n: number): void {
    const unit = this.kind === 0 ? 1 : this.kind;
    const z = this.vm.py.sizes;
    const header = this.kind === 0 ? z.strAscii : z.strCompact;
    this.vm.mem.touch(this.addr + header + this.pos * unit, n * unit);
    this.text += s;
    this.pos += n;
  }

  /** _PyUnicodeWriter_WriteChar. */
  writeChar(cp: number): void {
    this.prepare(1, cp);
    this.wrote(String.fromCodePoint(cp), 1);
  }

  /** _PyUnicodeWriter_WriteASCIIString / WriteLatin1String / a C string of known characters. */
  writeText(s: string): void {
    const n = codePoints(s, strKindOf(s));
    if (n === 0) return;
    this.prepare(n, maxCharOf(s));
    this.wrote(s, n);
  }

  /**
   * _PyUnicodeWriter_WriteStr: an empty writer without over-allocation shares the str itself
   * (readonly); otherwise the characters are copied in.
   */
  writeStr(h: number): void {
    const vm = this.vm;
    const s = strValue(vm, h);
    const n = vm.table.n[h];
    if (n === 0) return;
    const maxchar = KIND_MAXCHAR[vm.table.cap[h] as StrKind];
    if (maxchar > this.maxchar || n > this.size - this.pos) {
      if (this.addr === 0 && this.shared === 0 && !this.overallocate) {
        vm.incref(h);
        this.shared = h;
        this.kind = vm.table.cap[h] as StrKind;
        this.size = n;
        this.text = s;
        this.pos = n;
        return;
      }
      this.prepare(n, maxchar);
    }
    this.wrote(s, n);
  }

  /**
   * _PyUnicodeWriter_WriteSubstring of a str whose text is `src` and kind `srcKind`, code points
   * [start, end): the substring's own maximum is looked for only when the source's kind is wider
   * than the buffer's (_PyUnicode_FindMaxChar).
   */
  writeSubstring(src: string, srcKind: StrKind, start: number, end: number): void {
    if (end <= start) return;
    const piece = srcKind === 4 ? Array.from(src).slice(start, end).join('') : src.slice(start, end);
    const maxchar = KIND_MAXCHAR[srcKind] > this.maxchar ? maxCharOf(piece) : this.maxchar;
    this.prepare(end - start, maxchar);
    this.wrote(piece, end - start);
  }

  /** _PyUnicodeWriter_Finish: the str (a new reference). */
  finish(): number {
    const vm = this.vm;
    if (this.shared !== 0) {
      const h = this.shared;
      this.reset();
      return h;
    }
    if (this.pos === 0) {
      if (this.addr) vm.mem.free(this.addr);
      this.reset();
      return vm.s.emptyStr;
    }
    let addr = this.addr;
    if (this.size !== this.pos) addr = vm.mem.realloc(addr, strBytes(vm, this.pos, this.kind));
    const text = this.text;
    const kind = this.kind;
    const n = this.pos;
    this.reset();
    // unicode_result_ready: a 1-character latin-1 string is the singleton
    if (n === 1 && text.charCodeAt(0) < 256) {
      vm.mem.free(addr);
      return vm.s.char(text.charCodeAt(0));
    }
    const h = vm.table.newHandle(T.Str);
    vm.table.addr[h] = addr;
    vm.table.side[h] = text;
    vm.table.n[h] = n;
    vm.table.cap[h] = kind;
    return h;
  }

  /** _PyUnicodeWriter_Dealloc. */
  dealloc(): void {
    if (this.shared !== 0) this.vm.decref(this.shared);
    else if (this.addr !== 0) this.vm.mem.free(this.addr);
    this.reset();
  }

  private reset(): void {
    this.addr = 0;
    this.shared = 0;
    this.size = 0;
    this.kind = 0;
    this.text = '';
    this.pos = 0;
  }
}
