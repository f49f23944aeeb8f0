import { intern, strNew } from '../objects/str';
import { tupleAlloc } from '../objects/tuple';
import type { Kwargs } from '../objects/types';
import type { Vm } from '../runtime/vm';

/**
 * parser_init of an Argument Clinic `_PyArg_Parser` (Python/getargs.c, 3.11): the first call
 * that parses keywords (any call for `*args` functions such as print) builds the parser's
 * kwtuple, once per process: PyTuple_New(number of keyword names), then each name made with
 * PyUnicode_FromString and interned in place (the interned copy already exists, so the new str
 * is freed). The tuple lives as long as the process (the parser is a C static).
 */
const parsers = new WeakMap<Vm, Map<string, number>>();

export function argParserInit(vm: Vm, fname: string, keywords: readonly string[]): void {
  let m = parsers.get(vm);
  if (m === undefined) parsers.set(vm, (m = new Map()));
  if (m.has(fname)) return;
  const tup = tupleAlloc(vm, keywords.length);
  const base = vm.table.ref[tup];
  for (let i = 0; i < keywords.length; i++) {
    const s = strNew(vm, keywords[i], 0);
    vm.decref(s);
    vm.pool.data[base + i] = intern(vm, keywords[i]);
  }
  vm.gc.track(tup);
  m.set(fname, tup);
}

/**
 * vgetargskeywords' lookups (PyArg_ParseTupleAndKeywords, Python/getargs.c 3.11): while keyword
 * arguments remain unmatched, each name of the C kwlist is looked up in the dict with
 * _PyDict_GetItemStringWithError, which makes the name as a str (PyUnicode_FromString) and frees
 * it after the lookup. Positional-only parameters (the first `skip` names) are not looked up.
 */
export function parseKeywordLookups(vm: Vm, kw: Kwargs | null, kwlist: readonly string[], skip = 0): void {
  let remaining = kw?.size ?? 0;
  for (let i = skip; i < kwlist.length && remaining > 0; i++) {
    const s = strNew(vm, kwlist[i], 0);
    vm.decref(s);
    if (kw!.has(kwlist[i])) remaining--;
  }
}
