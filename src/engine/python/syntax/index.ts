import { NotSupported } from '../errors';
import type { Module, Stmt } from './ast';
import { checkModule, type CheckOptions } from './compile/checks';
import { Parser } from './parser/core';
import { runParser } from './parser/run';
import { file } from './parser/statements';
import { fileLineText, prepareSource, type PreparedSource, type SourceOptions } from './source';

export type { SourceOptions } from './source';
export { PythonSyntaxError, ParserMemoryError, CompileRecursionError, type SyntaxErrorType } from './errors';
export {
  checkModule,
  checkFuture,
  checkDepth,
  checkDuplicateArguments,
  COMPILE_DEPTH_LIMIT,
} from './compile/checks';

/**
 * Parse a script as CPython 3.11 does (`python3 script.py` unless `mode: 'string'`): the Module,
 * or the error 3.11 raises: PythonSyntaxError (SyntaxError, IndentationError, TabError) or
 * ParserMemoryError (past 6000 nested rule levels). Nothing after parsing is checked here.
 */
export function parse(input: string | Uint8Array, opts: SourceOptions = {}): Module {
  return parsePrepared(prepareSource(input, opts));
}

function parsePrepared(src: PreparedSource): Module {
  const p = new Parser(src);
  try {
    return { body: runParser(p, file) };
  } catch (e) {
    // The chains a program can nest thousands deep run on explicit stacks; what is left (e.g.
    // hundreds of lambdas nested in each other's default values) can exhaust a small JS stack.
    if (e instanceof RangeError && /call stack/i.test(e.message))
      throw new NotSupported(
        'code nested this deeply (the JavaScript stack ran out while parsing it)',
        p.lineno[p.fill - 1] ?? 0,
      );
    throw e;
  }
}

/** One top-level statement, as tools/record.py splits a script into steps. */
export interface ParsedStatement {
  /** Its source: the segment for a one-line statement, whole lines (decorators included) otherwise. */
  code: string;
  /** First line (a decorator's, for decorated definitions), 1-based. */
  line: number;
  endLine: number;
  stmt: Stmt;
}

export interface ParsedModule {
  module: Module;
  statements: ParsedStatement[];
}

/**
 * What `python3 script.py` does before running anything: parse, then the compile-time checks
 * (future imports, the AST depth limit, duplicate parameters, compile.c's checks; the symtable's
 * other errors are the compiler's), and the script cut into its top-level statements.
 */
export function parseModule(input: string | Uint8Array, opts: SourceOptions = {}): ParsedModule {
  const src = prepareSource(input, opts);
  const module = parsePrepared(src);
  const lines = new SourceLines(src.text);
  // The compiler reads the offending line back from the file; compile() of a string has none.
  const check: CheckOptions = {
    line: (n) => {
      if (src.mode === 'string') return null;
      const l = lines.line(n, src.noFinalNewline);
      return l === null ? null : fileLineText(l);
    },
  };
  checkModule(module, check);
  return { module, statements: module.body.map((s) => lines.statement(s)) };
}

/** Line access and byte-column slicing over the prepared text. */
class SourceLines {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** The text of line n (1-based) with its newline, as a file read gives it; null past the end. */
  line(n: number, noFinalNewline = false): string | null {
    if (n < 1 || n > this.starts.length || this.starts[n - 1] >= this.text.length) return null;
    const s = this.starts[n - 1];
    const e = n < this.starts.length ? this.starts[n] : this.text.length;
    const l = this.text.slice(s, e);
    return noFinalNewline && e === this.text.length ? l.replace(/\n$/, '') : l;
  }

  /** The string index of UTF-8 byte column `col` on line n. */
  index(n: number, col: number): number {
    const s = this.starts[n - 1];
    let bytes = 0;
    let i = s;
    while (bytes < col && i < this.text.length) {
      const c = this.text.charCodeAt(i);
      if (c < 0x80) bytes += 1;
      else if (c < 0x800) bytes += 2;
      else if (c >= 0xd800 && c < 0xdc00) {
        bytes += 4;
        i++;
      } else bytes += 3;
      i++;
    }
    return i;
  }

  /** record.py's split_statements for one top-level statement. */
  statement(s: Stmt): ParsedStatement {
    const decorators =
      s.k === 'FunctionDef' || s.k === 'AsyncFunctionDef' || s.k === 'ClassDef' ? s.decorators : [];
    const first = Math.min(s.line, ...decorators.map((d) => d.line));
    let code: string;
    if (first === s.line && s.line === s.endLine)
      code = this.text.slice(this.index(s.line, s.col), this.index(s.endLine, s.endCol));
    else {
      const end = s.endLine < this.starts.length ? this.starts[s.endLine] - 1 : this.text.length;
      code = this.text.slice(this.starts[first - 1], end);
    }
    return { code: code.trimEnd(), line: first, endLine: s.endLine, stmt: s };
  }
}
