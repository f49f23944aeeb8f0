import { raiseFormat, typeError } from '../abstract/errors';
import type { PyError } from '../errors';
import type { Vm } from '../runtime/vm';
import { dictGetItem } from './dict';
import { E } from './exctypes';
import { intern, strNew, strValue } from './str';
import { tupleAlloc } from './tuple';
import type { Kwargs } from './types';
import { keyAt, valueAt, type HashIndex } from './dictindex';

/**
 * Argument parsing as Python/getargs.c does it, for what it allocates: the old
 * PyArg_ParseTupleAndKeywords (vgetargskeywords) looks each keyword up by its C string, which
 * makes a temporary str every time (_PyDict_GetItemStringWithError → PyUnicode_FromString); the
 * Argument Clinic's _PyArg_UnpackKeywords uses interned names, but the first call that passes a
 * keyword initialises its _PyArg_Parser (parser_init: a tuple of the keyword names, each made
 * with PyUnicode_InternFromString: a new str, freed again when the name is already interned).
 */

/** The arguments by position in `kwlist` order (borrowed handles, 0 where not given). */
export type Parsed = number[];

/**
 * vgetargskeywords: `args` positional, `kwargs` a dict handle (0: none). `min` arguments are
 * required. Each kwlist name past the positional ones is looked up while keywords remain (a
 * temporary str each); an unknown keyword is the TypeError CPython raises.
 */
export function parseTupleAndKeywords(
  vm: Vm,
  fname: string,
  args: readonly number[],
  kwargs: number,
  kwlist: readonly string[],
  min: number,
): Parsed {
  const nargs = args.length;
  if (nargs > kwlist.length)
    throw typeError(
      vm,
      '%.200s%s takes %s %d positional argument%s (%zd given)',
      fname,
      '()',
      min < kwlist.length ? 'at most' : 'exactly',
      kwlist.length,
      kwlist.length === 1 ? '' : 's',
      nargs,
    );
  let nkwargs = kwargs === 0 ? 0 : vm.table.n[kwargs];
  const out: Parsed = new Array(kwlist.length).fill(0);
  for (let i = 0; i < kwlist.length; i++) {
    let cur = 0;
    if (i < nargs) cur = args[i];
    else if (nkwargs > 0) {
      cur = getItemString(vm, kwargs, kwlist[i]);
      if (cur !== 0) nkwargs--;
    }
    if (cur !== 0) {
      out[i] = cur;
      continue;
    }
    if (i < min)
      throw typeError(vm, "%.200s() missing required argument '%s' (pos %d)", fname, kwlist[i], i + 1);
    if (nkwargs === 0) return out;
  }
  if (nkwargs > 0) {
    // an argument given by name and position, or a name the function does not have
    for (let i = 0; i < nargs; i++) {
      if (getItemString(vm, kwargs, kwlist[i]) !== 0)
        throw typeError(
          vm,
          "argument for %.200s%s given by name ('%s') and position (%d)",
          fname,
          '()',
          kwlist[i],
          i + 1,
        );
    }
    throw typeError(
      vm,
      "'%s' is an invalid keyword argument for %.200s%s",
      firstUnknown(vm, kwargs, kwlist),
      fname,
      '()',
    );
  }
  return out;
}

/** _PyDict_GetItemStringWithError: a temporary str for the key (borrowed result or 0). */
function getItemString(vm: Vm, dict: number, name: string): number {
  const key = strNew(vm, name);
  const v = dictGetItem(vm, dict, key);
  vm.decref(key);
  return v;
}

function firstUnknown(vm: Vm, kwargs: number, kwlist: readonly string[]): string {
  for (const [k] of kwargsEntries(vm, kwargs)) if (!kwlist.includes(k)) return k;
  return '?';
}

export function* kwargsEntries(vm: Vm, kwargs: number): Generator<[string, number]> {
  const d = vm.table.side[kwargs] as HashIndex & { nentries: number };
  for (let i = 0; i < d.nentries; i++) if (valueAt(d, i) !== 0) yield [strValue(vm, keyAt(d, i)), valueAt(d, i)];
}

/** The parsers (by name) whose keyword tuple exists: initialised on their first keyword call. */
const initialised = new WeakMap<Vm, Set<string>>();

/**
 * parser_init of an Argument Clinic _PyArg_Parser, on the first call with keywords: the keyword
 * names as a tuple (kept for the life of the process), each through PyUnicode_InternFromString
 * (a new str, released when the name is interned already, as every identifier the process's code
 * uses is). From 3.12 clinic gives core parsers a static kwtuple (nothing to build); `handWritten`
 * parsers (no clinic, kwtuple NULL) build theirs on every version.
 */
export function parserInit(vm: Vm, parser: string, keywords: readonly string[], handWritten = false): void {
  if (!handWritten && vm.py.clinicKwtuples === 'static') return;
  let set = initialised.get(vm);
  if (set === undefined) initialised.set(vm, (set = new Set()));
  if (set.has(parser)) return;
  set.add(parser);
  const named = keywords.filter((k) => k !== '');
  const tup = tupleAlloc(vm, named.length);
  for (let i = 0; i < named.length; i++) {
    const tmp = strNew(vm, named[i]);
    vm.decref(tmp);
    vm.pool.data[vm.table.ref[tup] + i] = intern(vm, named[i]);
  }
  // the tuple lives in the static parser from now on
}

/**
 * _PyArg_UnpackKeywords (vectorcall with kwnames, or a tp_new's kwargs dict): positional
 * arguments, then keywords by name. Only a call with keywords (or a wrong count) leaves the
 * inline fast path and runs parser_init. `keywords` lists every parameter ('' = positional-only).
 */
export function unpackKeywords(
  vm: Vm,
  fname: string,
  args: readonly number[],
  kw: Kwargs | null,
  keywords: readonly string[],
  minpos: number,
  maxpos: number,
): Parsed {
  const nargs = args.length;
  const hasKw = kw !== null && kw.size > 0;
  if (hasKw || nargs < minpos || nargs > maxpos) parserInit(vm, fname, keywords);
  // more arguments than parameters: _PyArg_UnpackKeywords says so before the positional count
  const given = nargs + (kw?.size ?? 0);
  if (given > keywords.length)
    throw typeError(
      vm,
      '%.200s%s takes at most %d %sargument%s (%zd given)',
      fname,
      '()',
      keywords.length,
      nargs === 0 ? 'keyword ' : '',
      keywords.length === 1 ? '' : 's',
      given,
    );
  if (nargs > maxpos)
    throw typeError(
      vm,
      '%.200s%s takes %s %d positional argument%s (%zd given)',
      fname,
      '()',
      minpos < maxpos ? 'at most' : 'exactly',
      maxpos,
      maxpos === 1 ? '' : 's',
      nargs,
    );
  const out: Parsed = new Array(keywords.length).fill(0);
  for (let i = 0; i < nargs; i++) out[i] = args[i];
  if (hasKw) {
    for (const [name, v] of kw) {
      const i = keywords.indexOf(name);
      if (i < 0 || name === '') throw unexpectedKeyword(vm, fname, name);
      if (i < nargs)
        throw typeError(
          vm,
          "argument for %.200s%s given by name ('%s') and position (%d)",
          fname,
          '()',
          name,
          i + 1,
        );
      out[i] = v;
    }
  }
  for (let i = 0; i < minpos; i++)
    if (out[i] === 0)
      throw raiseFormat(
        vm,
        E.TypeError,
        "%.200s() missing required argument '%s' (pos %d)",
        fname,
        keywords[i] || `${i + 1}`,
        i + 1,
      );
  return out;
}

/** _PyArg_NoKeywords: a type whose constructor takes none. */
export function noKeywords(vm: Vm, fname: string, kwargs: number): void {
  if (kwargs !== 0 && vm.table.n[kwargs] > 0)
    throw typeError(vm, '%.200s() takes no keyword arguments', fname);
}

/** _PyArg_CheckPositional. */
export function checkPositional(vm: Vm, fname: string, n: number, min: number, max: number): void {
  if (n < min)
    throw typeError(
      vm,
      '%.200s expected %s%zd argument%s, got %zd',
      fname,
      min === max ? '' : 'at least ',
      min,
      min === 1 ? '' : 's',
      n,
    );
  if (n > max)
    throw typeError(
      vm,
      '%.200s expected %s%zd argument%s, got %zd',
      fname,
      min === max ? '' : 'at most ',
      max,
      max === 1 ? '' : 's',
      n,
    );
}

/**
 * getargs.c's error for a keyword the parser does not know (error_unexpected_keyword_arg): 3.11
 * and 3.12 say `'x' is an invalid keyword argument for open()`, 3.13 `open() got an unexpected
 * keyword argument 'x'` (measured on 3.11.7, 3.12.1, 3.13.0 with open('f', x=1) and 'a'.split(x=1)).
 */
export function unexpectedKeyword(vm: Vm, fname: string, name: string): PyError {
  return vm.py.name === '3.13'
    ? typeError(vm, "%.200s() got an unexpected keyword argument '%U'", fname, name)
    : typeError(vm, "'%U' is an invalid keyword argument for %.200s()", name, fname);
}
