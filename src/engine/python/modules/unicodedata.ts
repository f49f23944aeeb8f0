import { raiseString, setObject, typeError } from '../abstract/errors';
import { E } from '../objects/exctypes';
import { fromDouble } from '../objects/float';
import { fromSsize } from '../objects/int';
import { intern, strKind, strNew, strResult, strValue } from '../objects/str';
import { Meth, T } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { fn, makeModule } from './module';
import type { ModuleSpec } from './registry';
import { UCD_VERSION } from './unicodedataData';
import {
  canonicalOrder,
  charName,
  codeOfName,
  composeCanonical,
  decomposeFull,
  decompositionText,
  numericValue,
  ucdRecord,
} from './unicodedataDb';

/**
 * unicodedata (Modules/unicodedata.c, 3.11: Unicode 14.0.0; the database is unicodedataDb.ts).
 * Its import replays the footprint recorded on 3.11.7 (footprints/3.11.7/unicodedata.*).
 *
 * What the functions allocate: category/bidirectional/east_asian_width/decomposition/name make
 * their answer with PyUnicode_FromString (a one-character answer is the Latin-1 singleton);
 * numeric makes a float; the int answers are small ints. normalize first runs the quick check
 * (an ASCII string, or one whose every character is "yes" for the form, is returned as is);
 * otherwise nfd_nfkd fills a PyMem buffer of UCS-4 (the input's length + 10, or twice it when
 * that is at most 10; 10 more whenever fewer than 3 are free), makes the result str
 * (PyUnicode_FromKindAndData), frees the buffer and sorts the marks in the str; nfc_nfkc then
 * composes into a second buffer of the decomposed length, releases the decomposed str, makes the
 * result and frees its buffer. The 3.2.0 database (`ucd_3_2_0`) is not modelled.
 */

/** The METH_O / positional argument a function takes as "a unicode character". */
function charArg(vm: Vm, name: string, h: number): number {
  if (vm.table.type[h] !== T.Str && !vm.typeOf(h).mro.includes(T.Str))
    throw typeError(vm, '%s() argument must be a unicode character, not %.50s', name, vm.typeOf(h).name);
  const s = strValue(vm, h);
  const cps = Array.from(s);
  if (cps.length !== 1)
    throw typeError(vm, '%s() argument must be a unicode character, not %.50s', name, vm.typeOf(h).name);
  return cps[0].codePointAt(0)!;
}

function positional(vm: Vm, name: string, a: readonly number[], min: number, max: number): void {
  if (a.length < min || a.length > max) {
    if (min === max)
      throw typeError(vm, '%s expected %d argument%s, got %zd', name, min, min === 1 ? '' : 's', a.length);
    throw typeError(
      vm,
      '%s expected %s %d argument%s, got %zd',
      name,
      a.length < min ? 'at least' : 'at most',
      a.length < min ? min : max,
      (a.length < min ? min : max) === 1 ? '' : 's',
      a.length,
    );
  }
}

function withDefault(vm: Vm, a: readonly number[], message: string): number {
  if (a.length < 2) throw raiseString(vm, E.ValueError, message);
  vm.incref(a[1]);
  return a[1];
}

const FORMS: Record<string, { compose: boolean; compat: boolean; shift: number }> = {
  NFC: { compose: true, compat: false, shift: 4 },
  NFKC: { compose: true, compat: true, shift: 6 },
  NFD: { compose: false, compat: false, shift: 0 },
  NFKD: { compose: false, compat: true, shift: 2 },
};

function formArg(vm: Vm, name: string, a: readonly number[]) {
  positional(vm, name, a, 2, 2);
  if (vm.table.type[a[0]] !== T.Str && !vm.typeOf(a[0]).mro.includes(T.Str))
    throw typeError(vm, '%s() argument 1 must be str, not %.50s', name, vm.typeOf(a[0]).name);
  if (vm.table.type[a[1]] !== T.Str && !vm.typeOf(a[1]).mro.includes(T.Str))
    throw typeError(vm, '%s() argument 2 must be str, not %.50s', name, vm.typeOf(a[1]).name);
  const form = FORMS[strValue(vm, a[0])];
  if (form === undefined) throw raiseString(vm, E.ValueError, 'invalid normalization form');
  return form;
}

/** is_normalized_quickcheck: 'yes', 'maybe' or 'no' (yesOnly: anything not yes is maybe). */
function quickCheck(vm: Vm, h: number, shift: number, yesOnly: boolean): 'yes' | 'maybe' | 'no' {
  if (strKind(vm, h) === 0) return 'yes';
  let prev = 0;
  let result: 'yes' | 'maybe' = 'yes';
  for (const ch of strValue(vm, h)) {
    const rec = ucdRecord(ch.codePointAt(0)!);
    if (rec.combining && prev > rec.combining) return 'no';
    prev = rec.combining;
    const qc = (rec.quickCheck >> shift) & 3;
    if (yesOnly) {
      if (qc) return 'maybe';
    } else if (qc === 1) return 'no';
    else if (qc === 2) result = 'maybe';
  }
  return result;
}

const fromCodePoints = (vm: Vm, cps: readonly number[]): number =>
  cps.length === 1 && cps[0] < 256 ? vm.s.char(cps[0]) : strNew(vm, String.fromCodePoint(...cps));

/** nfd_nfkd (then nfc_nfkc's composition when `compose`): the allocations as unicodedata.c makes them. */
function normalizeFull(vm: Vm, h: number, compat: boolean, compose: boolean): number {
  const input = Array.from(strValue(vm, h), (c) => c.codePointAt(0)!);
  const d = decomposeFull(input, compat);
  let buf = vm.mem.malloc(4 * d.initial);
  for (const size of d.grows) buf = vm.mem.realloc(buf, 4 * size);
  canonicalOrder(d.out);
  const decomposed = fromCodePoints(vm, d.out);
  vm.mem.free(buf);
  if (!compose) return decomposed;
  const out = vm.mem.malloc(4 * d.out.length);
  const composed = composeCanonical(d.out);
  vm.decref(decomposed);
  const result = fromCodePoints(vm, composed);
  vm.mem.free(out);
  return result;
}

function normalize(vm: Vm, a: readonly number[]): number {
  const form = formArg(vm, 'normalize', a);
  const h = a[1];
  if (vm.table.n[h] === 0 || quickCheck(vm, h, form.shift, true) === 'yes') {
    vm.incref(h);
    return h;
  }
  return normalizeFull(vm, h, form.compat, form.compose);
}

function isNormalized(vm: Vm, a: readonly number[]): number {
  const form = formArg(vm, 'is_normalized', a);
  const h = a[1];
  if (vm.table.n[h] === 0) return vm.s.True;
  const qc = quickCheck(vm, h, form.shift, false);
  if (qc !== 'maybe') return vm.s.bool(qc === 'yes');
  const cmp = normalizeFull(vm, h, form.compat, form.compose);
  const same = strValue(vm, cmp) === strValue(vm, h);
  vm.decref(cmp);
  return vm.s.bool(same);
}

const charFn = (name: string, answer: (vm: Vm, cp: number) => number) =>
  fn(name, Meth.O, (vm, _m, a) => answer(vm, charArg(vm, name, a[0])));

function functions() {
  return [
    charFn('category', (vm, cp) => strResult(vm, ucdRecord(cp).category)),
    charFn('bidirectional', (vm, cp) => strResult(vm, ucdRecord(cp).bidirectional)),
    charFn('east_asian_width', (vm, cp) => strResult(vm, ucdRecord(cp).eastAsianWidth)),
    charFn('combining', (vm, cp) => fromSsize(vm, ucdRecord(cp).combining)),
    charFn('mirrored', (vm, cp) => fromSsize(vm, ucdRecord(cp).mirrored)),
    charFn('decomposition', (vm, cp) => strResult(vm, decompositionText(cp))),
    fn('name', Meth.Fastcall, (vm, _m, a) => {
      positional(vm, 'name', a, 1, 2);
      const n = charName(charArg(vm, 'name', a[0]));
      return n === null ? withDefault(vm, a, 'no such name') : strResult(vm, n);
    }),
    fn('lookup', Meth.O, (vm, _m, a) => {
      if (vm.table.type[a[0]] !== T.Str && !vm.typeOf(a[0]).mro.includes(T.Str))
        throw typeError(
          vm,
          "lookup() argument must be str or read-only bytes-like object, not '%.50s'",
          vm.typeOf(a[0]).name,
        );
      const name = strValue(vm, a[0]);
      if (name.length > 256) throw setObject(vm, E.KeyError, strNew(vm, 'name too long'));
      const cp = codeOfName(name);
      if (cp === null) {
        const msg = strNew(vm, `undefined character name '${name}'`);
        const err = setObject(vm, E.KeyError, msg);
        vm.decref(msg);
        throw err;
      }
      return fromCodePoints(vm, [cp]);
    }),
    fn('decimal', Meth.Fastcall, (vm, _m, a) => {
      positional(vm, 'decimal', a, 1, 2);
      const v = numericValue(charArg(vm, 'decimal', a[0]))?.decimal ?? null;
      return v === null ? withDefault(vm, a, 'not a decimal') : fromSsize(vm, v);
    }),
    fn('digit', Meth.Fastcall, (vm, _m, a) => {
      positional(vm, 'digit', a, 1, 2);
      const v = numericValue(charArg(vm, 'digit', a[0]))?.digit ?? null;
      return v === null ? withDefault(vm, a, 'not a digit') : fromSsize(vm, v);
    }),
    fn('numeric', Meth.Fastcall, (vm, _m, a) => {
      positional(vm, 'numeric', a, 1, 2);
      const v = numericValue(charArg(vm, 'numeric', a[0]));
      return v === null ? withDefault(vm, a, 'not a numeric character') : fromDouble(vm, v.numeric);
    }),
    fn('normalize', Meth.Fastcall, (vm, _m, a) => normalize(vm, a)),
    fn('is_normalized', Meth.Fastcall, (vm, _m, a) => isNormalized(vm, a)),
  ];
}

export const unicodedataModule: ModuleSpec = {
  name: 'unicodedata',
  load: (vm: Vm) => makeModule(vm, 'unicodedata', functions(), { unidata_version: intern(vm, UCD_VERSION) }),
};
