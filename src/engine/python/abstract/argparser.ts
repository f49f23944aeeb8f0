import { parserInit } from '../objects/getargs';
import { strNew } from '../objects/str';
import type { Kwargs } from '../objects/types';
import type { Vm } from '../runtime/vm';

/**
 * parser_init of an Argument Clinic `_PyArg_Parser` (Python/getargs.c, 3.11): the first call
 * that parses keywords (any call for `*args` functions such as print) builds the parser's
 * kwtuple, once per process (objects/getargs.ts parserInit: PyTuple_New, each name made and
 * interned in place). `fname` names the parser ("print", "str.split").
 */
export function argParserInit(vm: Vm, fname: string, keywords: readonly string[], handWritten = false): void {
  parserInit(vm, fname, keywords, handWritten);
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
