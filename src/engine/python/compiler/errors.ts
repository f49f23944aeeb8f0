import { NotSupported, PySyntaxError } from '../errors';
import type { Pos } from '../syntax/ast';

/**
 * A SyntaxError raised after parsing, by the symbol table or the code generator, worded as
 * CPython 3.11 words it. `col`/`endCol` are 0-based like the AST's (CPython reports them +1).
 */
export class CompileError extends PySyntaxError {
  readonly col: number;
  readonly endLine: number;
  readonly endCol: number;

  constructor(message: string, at: Pos) {
    super(message, at.line, at.col + 1);
    this.col = at.col;
    this.endLine = at.endLine;
    this.endCol = at.endCol;
  }
}

/** A construct the compiler does not translate yet: never a fake Python error. */
export const notSupported = (what: string, at: Pos): NotSupported => new NotSupported(what, at.line);
