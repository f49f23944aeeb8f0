import type { Module } from './ast';
import { Parser } from './parser/core';
import { runParser } from './parser/run';
import { file } from './parser/statements';
import { prepareSource, type SourceOptions } from './source';

export type { SourceOptions } from './source';
export { PythonSyntaxError, ParserMemoryError, CompileRecursionError } from './errors';

/**
 * Parse a whole script as CPython 3.11 does (`python3 script.py`): the Module, or the
 * SyntaxError / IndentationError / TabError (PythonSyntaxError) or MemoryError 3.11 raises.
 */
export function parse(input: string | Uint8Array, opts: SourceOptions = {}): Module {
  const src = prepareSource(input, opts);
  const p = new Parser(src);
  return { body: runParser(p, file) };
}
