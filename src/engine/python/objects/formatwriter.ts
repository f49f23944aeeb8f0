import { memoryError } from '../errors';
import type { Vm } from '../runtime/vm';
import { strBytes, strKind, strValue, type StrKind } from './str';
import { T } from './types';

/**
 * (Two branches wrote a _PyUnicodeWriter at once: this one serves str.format, `%` and container
 * reprs; unicodewriter.ts serves the JSON scanner and StringIO. Same allocations; to be made one.)
 *
 * _PyUnicodeWriter (Objects/unicodeobject.c, 3.11): the buffer str.format, `%` and the number
 * formatters write into. The buffer is a str object from PyUnicode_New, made at the first write
 * (at least min_length characters, 25 % more when over-allocating: OVERALLOCATE_FACTOR 4 off
 * Windows), resized with PyObject_Realloc (resize_compact) when it fills up, copied into a new
 * one when a wider character arrives, and cut to its length by _PyUnicodeWriter_Finish.
 * Characters are kept as JS text; the simulated memory sees the buffer's allocations.
 */
export class UnicodeWriter {
  /** The buffer (a str handle), 0 before the first write. */
  buffer = 0;
  /** Capacity in characters. */
  size = 0;
  pos = 0;
  /** The buffer's kind's largest character (127, 255, 0xffff, 0x10ffff); 0 without a buffer. */
  maxchar = 0;
  minChar = 127;
  minLength = 0;
  overallocate = false;
  /** The buffer is a str that was handed in (WriteStr into an empty, non-over-allocating writer). */
  readonly = false;
  private text = '';

  constructor(private readonly vm: Vm) {}

  /**
   * _PyUnicodeWriter_InitWithBuffer on a fresh PyUnicode_New(size, maxchar) whose first `pos`
   * characters (`text`) are already written (unicode_decode_utf8 after its ASCII fast path).
   */
  initWithNewBuffer(size: number, maxchar: number, text: string, pos: number): void {
    this.buffer = newStr(this.vm, size, maxchar);
    this.update();
    this.minLength = this.size;
    this.text = text;
    this.pos = pos;
  }

  /** _PyUnicodeWriter_Prepare: room for `length` more characters up to `maxchar`. */
  prepare(length: number, maxchar: number): void {
    if (maxchar <= this.maxchar && length <= this.size - this.pos) return;
    if (length === 0) return;
    this.prepareInternal(length, maxchar);
  }

  private prepareInternal(length: number, maxchar: number): void {
    const vm = this.vm;
    let newlen = this.pos + length;
    maxchar = Math.max(maxchar, this.minChar);
    if (this.buffer === 0) {
      if (this.overallocate) newlen += Math.floor(newlen / 4);
      if (newlen < this.minLength) newlen = this.minLength;
      this.buffer = newStr(vm, newlen, maxchar);
    } else if (newlen > this.size) {
      if (this.overallocate) newlen += Math.floor(newlen / 4);
      if (newlen < this.minLength) newlen = this.minLength;
      if (maxchar > this.maxchar || this.readonly) {
        // resize + widen: a new buffer, the characters copied, the old one released
        const nb = newStr(vm, newlen, Math.max(maxchar, this.maxchar));
        touchChars(vm, nb, 0, this.pos); // _PyUnicode_FastCopyCharacters
        vm.decref(this.buffer);
        this.buffer = nb;
        this.readonly = false;
      } else resizeCompact(vm, this.buffer, newlen);
    } else if (maxchar > this.maxchar) {
      const nb = newStr(vm, this.size, maxchar);
      touchChars(vm, nb, 0, this.pos); // _PyUnicode_FastCopyCharacters
      vm.decref(this.buffer);
      this.buffer = nb;
    }
    this.update();
  }

  /** _PyUnicodeWriter_Update: size and maxchar from the buffer. */
  private update(): void {
    const t = this.vm.table;
    this.size = t.n[this.buffer];
    this.maxchar = kindMax(t.cap[this.buffer] as StrKind);
  }

  /** Characters written into the buffer (after a prepare). */
  private put(s: string, len: number): void {
    if (!this.readonly) touchChars(this.vm, this.buffer, this.pos, len);
    this.text += s;
    this.pos += len;
  }

  /** _PyUnicodeWriter_WriteStr. */
  writeStr(h: number): void {
    const vm = this.vm;
    const len = vm.table.n[h];
    if (len === 0) return;
    const maxchar = kindMax(strKind(vm, h));
    if (maxchar > this.maxchar || len > this.size - this.pos) {
      if (this.buffer === 0 && !this.overallocate) {
        this.readonly = true;
        vm.incref(h);
        this.buffer = h;
        this.update();
        this.put(strValue(vm, h), len);
        return;
      }
      this.prepareInternal(len, maxchar);
    }
    this.put(strValue(vm, h), len);
  }

  /** _PyUnicodeWriter_WriteSubstring (start/end in JS string units of an exact str's text). */
  writeSubstring(h: number, start: number, end: number): void {
    const vm = this.vm;
    if (end === 0) return;
    const s = strValue(vm, h);
    if (start === 0 && end === s.length) return this.writeStr(h);
    const sub = s.slice(start, end);
    const maxchar = kindMax(strKind(vm, h)) > this.maxchar ? maxCharOf(sub) : this.maxchar;
    const len = codePointCount(sub);
    this.prepare(len, maxchar);
    this.put(sub, len);
  }

  /**
   * _PyUnicodeWriter_WriteASCIIString: into an empty writer that does not over-allocate, the
   * text becomes a str of its own (the writer's buffer, handed back by Finish).
   */
  writeASCII(s: string): void {
    if (s.length === 0) return;
    if (this.buffer === 0 && !this.overallocate) {
      const vm = this.vm;
      const h = vm.newObject(T.Str, strBytes(vm, s.length, 0));
      vm.table.side[h] = s;
      vm.table.n[h] = s.length;
      vm.table.cap[h] = 0;
      this.readonly = true;
      this.buffer = h;
      this.update();
      this.put(s, s.length);
      return;
    }
    this.writeText(s);
  }

  /** Characters after a _PyUnicodeWriter_Prepare for them (fill, padding, digits, latin-1 text). */
  writeText(s: string): void {
    if (s.length === 0) return;
    const len = codePointCount(s);
    this.prepare(len, maxCharOf(s));
    this.put(s, len);
  }

  /** _PyUnicodeWriter_WriteChar. */
  writeChar(ch: string): void {
    this.prepare(1, ch.codePointAt(0)!);
    this.put(ch, 1);
  }

  /** _PyUnicodeWriter_Finish: the buffer cut to its length (the singletons for 0 and 1 latin-1 character). */
  finish(): number {
    const vm = this.vm;
    const t = vm.table;
    if (this.pos === 0) {
      if (this.buffer !== 0) vm.decref(this.buffer);
      this.buffer = 0;
      return vm.s.emptyStr;
    }
    let str = this.buffer;
    this.buffer = 0;
    if (this.readonly) return str;
    if (t.n[str] !== this.pos) resizeCompact(vm, str, this.pos);
    t.side[str] = this.text;
    // unicode_result_ready: one latin-1 character is the cached one
    if (this.pos === 1 && (t.cap[str] as StrKind) <= 1) {
      const c = vm.s.char(this.text.charCodeAt(0));
      vm.decref(str);
      str = c;
    }
    return str;
  }

  /** _PyUnicodeWriter_Dealloc (on an error). */
  dealloc(): void {
    if (this.buffer !== 0) {
      const t = this.vm.table;
      if (!this.readonly) t.side[this.buffer] = '';
      this.vm.decref(this.buffer);
    }
    this.buffer = 0;
  }
}

export const kindMax = (k: StrKind): number => (k === 0 ? 127 : k === 1 ? 255 : k === 2 ? 0xffff : 0x10ffff);

const kindFor = (maxchar: number): StrKind =>
  maxchar < 128 ? 0 : maxchar < 256 ? 1 : maxchar < 0x10000 ? 2 : 4;

/** The largest code point of a text (_PyUnicode_FindMaxChar). */
export function maxCharOf(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i)!;
    if (c > 0xffff) i++;
    if (c > m) m = c;
  }
  return m;
}

function codePointCount(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00) n--;
  }
  return n;
}

/** PyUnicode_New(size, maxchar) for a buffer (the text arrives later). */
function newStr(vm: Vm, size: number, maxchar: number): number {
  const kind = kindFor(maxchar);
  const bytes = strBytes(vm, size, kind);
  let h: number;
  if (bytes <= 512) h = vm.newObject(T.Str, bytes);
  else {
    // PyUnicode_New writes the header and the terminating NUL (data[size]) of a C-library chunk;
    // the characters' pages become resident as they are written (touchChars)
    const p = vm.mem.malloc(bytes);
    if (p === 0) throw memoryError();
    vm.mem.touch(p, dataOffset(vm, kind));
    vm.mem.touch(p + bytes - charWidth(kind), charWidth(kind));
    h = vm.table.newHandle(T.Str);
    vm.table.addr[h] = p;
  }
  const t = vm.table;
  t.side[h] = '';
  t.n[h] = size;
  t.cap[h] = kind;
  return h;
}

const charWidth = (k: StrKind): number => (k === 0 ? 1 : k);
const dataOffset = (vm: Vm, k: StrKind): number => (k === 0 ? vm.py.sizes.strAscii : vm.py.sizes.strCompact);

/** Characters [from, from + count) of a writer's buffer written (only a C-library chunk's pages are tracked here). */
function touchChars(vm: Vm, h: number, from: number, count: number): void {
  const t = vm.table;
  const kind = t.cap[h] as StrKind;
  if (count <= 0 || strBytes(vm, t.n[h], kind) <= 512) return;
  const w = charWidth(kind);
  vm.mem.touch(t.addr[h] + dataOffset(vm, kind) + from * w, count * w);
}

/** resize_compact: PyObject_Realloc of the str to `length` characters. */
function resizeCompact(vm: Vm, h: number, length: number): void {
  const t = vm.table;
  const p = vm.mem.realloc(t.addr[h], strBytes(vm, length, t.cap[h] as StrKind));
  if (p === 0) throw memoryError();
  t.addr[h] = p;
  t.n[h] = length;
}
