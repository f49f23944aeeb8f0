import { NotSupported } from '../python/errors';
import { bytesNew, bytesRepr } from '../python/objects/bytes';
import { nestedLists } from './tolist';
import { strNew, strRepr, strValue } from '../python/objects/str';
import { T } from '../python/objects/types';
import type { Vm } from '../python/runtime/vm';
import { rawMalloc } from './alloc';
import { stringChars, stringDType, type DType } from './dtypes';
import { forEachOffset } from './elements';
import type { Arrays } from './ndarray';

/**
 * The string dtypes' elements ('<U n': UCS4 text, '|S n': bytes), as NumPy 1.24's
 * arraytypes.c.src stores and reads them. An owner keeps each element's text (ValueStore's
 * string map); views read it through their data pointer and strides, as for numbers.
 */

/** A str or bytes leaf met while np.array discovers: its dtype ('<U len' / '|S len') and text. */
export function stringLeaf(vm: Vm, h: number): { dtype: DType; text: string } | null {
  const t = vm.table.type[h];
  if (t === T.Str) {
    const text = strValue(vm, h);
    // string_discover_descr_from_pyobject: PyUnicode_GetLength, code points (not UTF-16 units)
    return { dtype: stringDType('U', codePointCount(text)), text };
  }
  if (t === T.Bytes) {
    const c = vm.table.side[h];
    if (typeof c !== 'string') throw new NotSupported('numpy arrays of bytes over 1 MiB');
    return { dtype: stringDType('S', c.length), text: c };
  }
  return null;
}

export function codePointCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

/** The first `chars` code points of `s` (a store into a narrower dtype truncates). */
function clip(s: string, chars: number): string {
  if (s.length <= chars) return s;
  return Array.from(s).slice(0, chars).join('');
}

/**
 * UNICODE_setitem / STRING_setitem: what storing one str or bytes costs, and the text stored.
 * For '<U n' NumPy 1.24 converts the str to UCS4 in a temporary PyArray_malloc'd buffer of
 * 4·len bytes (measured: `L m 12`, `L f 12` per 3-character string) and copies it in; bytes are
 * copied straight into the array (a longer one cut to the element). A NUL byte pads the rest of the element; trailing NULs do not
 * read back (getitem strips them).
 */
export function storeText(A: Arrays, d: DType, text: string): string {
  const t = clip(text, stringChars(d));
  if (d.kind === 'U') {
    // a longer str is cut first: PyUnicode_Substring makes the shorter str (measured: `m 51` for
    // 'abc' into '<U2'), released once its UCS4 copy is stored
    const sub = t === text ? 0 : strNew(A.vm, t);
    const libc = A.alloc.libc;
    const p = rawMalloc(libc, 4 * codePointCount(t));
    libc.free(p);
    if (sub) A.vm.decref(sub);
  }
  return t.replace(/\0+$/, '');
}

/** The owner slot of `h`'s texts and `h`'s element offsets in it (C order). */
function forEachText(
  A: Arrays,
  h: number,
  fn: (text: string, k: number, owner: string[], i: number) => void,
): void {
  const t = A.t;
  const s = A.slot(h);
  const owner = t.vslot[s];
  const texts = A.values.strings(owner);
  const w = t.dt(owner).itemsize;
  forEachOffset(t.shape(s), t.strides(s), t.data[s] - t.data[owner], (o, k) =>
    fn(texts[o / w], k, texts, o / w),
  );
}

/** Every element's text, C order. */
export function textsOf(A: Arrays, h: number): string[] {
  const out: string[] = [];
  forEachText(A, h, (x, k) => (out[k] = x));
  return out;
}

/** Every element of `h` set to get(k) (C order), through the dtype's setitem. */
export function writeTexts(A: Arrays, h: number, get: (k: number) => string): void {
  const d = A.dtype(h);
  forEachText(A, h, (_x, k, owner, i) => (owner[i] = storeText(A, d, get(k))));
  A.writeAll(h);
}

/** The text of the element at byte address `addr` of `h`. */
export function textAt(A: Arrays, h: number, addr: number): string {
  const t = A.t;
  const owner = t.vslot[A.slot(h)];
  return A.values.strings(owner)[(addr - t.data[owner]) / t.dt(owner).itemsize];
}

/**
 * UNICODE_getitem / STRING_getitem: a new str (bytes) of the element's text. NumPy returns an
 * np.str_ / np.bytes_ scalar (a str subclass); the model returns the str itself, whose size is
 * the same but for np.str_'s hash/dict-less header (the scalar types are not modelled).
 */
export function textItem(A: Arrays, h: number, addr: number): number {
  const text = textAt(A, h, addr);
  return A.dtype(h).kind === 'U' ? strNew(A.vm, text) : bytesNew(A.vm, text);
}

/** The element's repr as arrayprint writes it ('id0', b'ab'). */
export function textRepr(d: DType, text: string): string {
  return d.kind === 'U' ? strRepr(text) : bytesRepr(text);
}

/** tolist of a string array: nested lists of str (bytes), each element's text. */
export function textsToList(A: Arrays, h: number): number {
  const vm = A.vm;
  const shape = A.shape(h);
  const texts = textsOf(A, h);
  const isText = A.dtype(h).kind === 'U';
  const item = (k: number): number => (isText ? strNew(vm, texts[k]) : bytesNew(vm, texts[k]));
  return nestedLists(vm, shape, item);
}
