import { clearError, errorMatches, typeError, valueError } from '../abstract/errors';
import { getItem } from '../abstract/item';
import { PyError } from '../errors';
import type { Vm } from '../runtime/vm';
import { dictEntries, dictNew, dictSetItem } from './dict';
import { EXCEPTION_IDS } from './exctypes';
import { fromSsize } from './int';
import { strKind, strValue } from './str';
import { T } from './types';
import { UnicodeWriter } from './unicodewriter';

/**
 * str.translate and str.maketrans (unicodeobject.c, 3.11).
 *
 * translate(table) is _PyUnicode_TranslateCharmap: a _PyUnicodeWriter prepared for the input's
 * length at maxchar 127 (one PyUnicode_New), then, for an ASCII input, unicode_fast_translate:
 * each distinct character looked up once (its result cached in a 128-entry table) with
 * PyObject_GetItem(table, ord) — a missing key is the table's LookupError (a dict's KeyError and
 * its key tuple), cleared, and the character kept; None deletes it; a 1-character ASCII result
 * (an int or a str) is written in place. The first result that does not fit (a longer or non-ASCII
 * str, a big int) leaves the fast path; from there, and for a non-ASCII input from the start,
 * charmaptranslate_output looks each character up again and writes what it maps to (the writer
 * widening or growing as needed). _PyUnicodeWriter_Finish cuts the buffer to the text.
 *
 * maketrans (a static method in CPython; here a class method, which binds a method object on
 * each `str.maketrans` lookup where the real one does not): one dict, keys turned to ordinals
 * (PyLong_FromLong), values ordinals for the two-string form, None for the third string's characters.
 */

type Lookup = { kind: 'keep' } | { kind: 'delete' } | { kind: 'value'; h: number };

/** charmaptranslate_lookup: the table's item for ordinal c (a new reference), or keep on LookupError. */
function lookup(vm: Vm, table: number, c: number): Lookup {
  const key = fromSsize(vm, c);
  let v: number;
  try {
    v = getItem(vm, table, key);
  } catch (e) {
    if (e instanceof PyError && errorMatches(vm, e, EXCEPTION_IDS.get('LookupError')!)) {
      clearError(vm, e);
      return { kind: 'keep' };
    }
    throw e;
  } finally {
    vm.decref(key);
  }
  if (v === vm.s.None) {
    vm.decref(v);
    return { kind: 'delete' };
  }
  const t = vm.typeOf(v);
  if (!t.mro.includes(T.Int) && !t.mro.includes(T.Str)) {
    vm.decref(v);
    throw typeError(vm, 'character mapping must return integer, None or str');
  }
  if (t.mro.includes(T.Int)) {
    const n = vm.table.num[v];
    if (!(n >= 0 && n <= 0x10ffff)) {
      vm.decref(v);
      throw valueError(vm, 'character mapping must be in range(0x110000)');
    }
  }
  return { kind: 'value', h: v };
}

/** The text a looked-up value stands for. */
const valueText = (vm: Vm, h: number): string =>
  vm.typeOf(h).mro.includes(T.Int) ? String.fromCodePoint(vm.table.num[h]) : strValue(vm, h);

export function strTranslate(vm: Vm, self: number, args: readonly number[]): number {
  const table = args[0];
  const s = strValue(vm, self);
  const n = vm.table.n[self];
  const w = new UnicodeWriter(vm);
  try {
    w.prepare(n, 127);
    const cps = Array.from(s, (ch) => ch.codePointAt(0)!);
    let i = 0;
    if (strKind(vm, self) === 0) {
      // unicode_fast_translate: one lookup per distinct character
      const cache = new Map<number, string | null>();
      for (; i < cps.length; i++) {
        const c = cps[i];
        let out = cache.get(c);
        if (out === undefined) {
          const r = lookup(vm, table, c);
          if (r.kind === 'keep') out = String.fromCharCode(c);
          else if (r.kind === 'delete') out = null;
          else {
            const text = valueText(vm, r.h);
            vm.decref(r.h);
            if (text.length !== 1 || text.charCodeAt(0) > 127) break; // leave the fast path at i
            out = text;
          }
          cache.set(c, out);
        }
        if (out !== null) w.writeText(out);
      }
    }
    for (; i < cps.length; i++) {
      const r = lookup(vm, table, cps[i]);
      if (r.kind === 'keep') w.writeChar(cps[i]);
      else if (r.kind === 'value') {
        try {
          if (vm.typeOf(r.h).mro.includes(T.Int)) w.writeChar(vm.table.num[r.h]);
          else w.writeStr(r.h);
        } finally {
          vm.decref(r.h);
        }
      }
    }
    return w.finish();
  } catch (e) {
    w.dealloc();
    throw e;
  }
}

/** unicode_maketrans_impl. */
export function strMaketrans(vm: Vm, _type: number, args: readonly number[]): number {
  if (args.length < 1 || args.length > 3)
    throw typeError(vm, 'maketrans expected at most 3 arguments, got %zd', args.length);
  const [x, y, z] = args;
  const d = dictNew(vm);
  const put = (k: number, v: number) => {
    const key = fromSsize(vm, k);
    try {
      dictSetItem(vm, d, key, v);
    } finally {
      vm.decref(key);
    }
  };
  try {
    if (y === undefined) {
      if (vm.table.type[x] !== T.Dict)
        throw typeError(vm, 'if you give only one argument to maketrans it must be a dict');
      for (const [k, v] of Array.from(dictEntries(vm, x))) {
        if (vm.typeOf(k).mro.includes(T.Str)) {
          if (vm.table.n[k] !== 1) throw valueError(vm, 'string keys in translate table must be of length 1');
          put(strValue(vm, k).codePointAt(0)!, v);
        } else if (vm.typeOf(k).mro.includes(T.Int)) dictSetItem(vm, d, k, v);
        else throw typeError(vm, 'keys in translate table must be strings or integers');
      }
      return d;
    }
    if (!vm.typeOf(x).mro.includes(T.Str))
      throw typeError(vm, 'maketrans() argument 1 must be str, not %.50s', vm.typeOf(x).name);
    if (!vm.typeOf(y).mro.includes(T.Str))
      throw typeError(vm, 'maketrans() argument 2 must be str, not %.50s', vm.typeOf(y).name);
    const xs = Array.from(strValue(vm, x));
    const ys = Array.from(strValue(vm, y));
    if (xs.length !== ys.length)
      throw valueError(vm, 'the first two maketrans arguments must have equal length');
    for (let i = 0; i < xs.length; i++) {
      const v = fromSsize(vm, ys[i].codePointAt(0)!);
      try {
        put(xs[i].codePointAt(0)!, v);
      } finally {
        vm.decref(v);
      }
    }
    if (z !== undefined) {
      if (!vm.typeOf(z).mro.includes(T.Str))
        throw typeError(vm, 'maketrans() argument 3 must be str, not %.50s', vm.typeOf(z).name);
      for (const ch of strValue(vm, z)) put(ch.codePointAt(0)!, vm.s.None);
    }
    return d;
  } catch (e) {
    vm.decref(d);
    throw e;
  }
}
