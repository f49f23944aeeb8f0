import { PyError, PySyntaxError } from '../errors';

/** The three classes CPython's parser raises (IndentationError and TabError are SyntaxError subclasses). */
export type SyntaxErrorType = 'SyntaxError' | 'IndentationError' | 'TabError';

/**
 * A SyntaxError as CPython 3.11 reports it for `python3 script.py`: `lineno`, `offset` (1-based;
 * UTF-8 bytes for parser errors, characters for tokenizer errors, as 3.11 does), `endLineno`,
 * `endOffset` (CPython's raw values, including its 0 and -1 for "unknown") and the source `text`.
 * Errors without a location (e.g. "encoding problem: x") carry lineno 0 and text null.
 */
export class PythonSyntaxError extends PySyntaxError {
  constructor(
    readonly errorType: SyntaxErrorType,
    message: string,
    readonly lineno: number,
    readonly offset: number,
    readonly endLineno: number,
    readonly endOffset: number,
    readonly text: string | null,
  ) {
    // A PySyntaxError (line, column) for the code that already handles those; the class name
    // CPython reports is errorType, and pyType says the same.
    super(message, lineno, offset);
    (this as { pyType: string }).pyType = errorType;
  }

  /** The fields the differential test compares with CPython's exception. */
  toJSON(): {
    type: SyntaxErrorType;
    msg: string;
    lineno: number;
    offset: number;
    endLineno: number;
    endOffset: number;
  } {
    return {
      type: this.errorType,
      msg: this.message,
      lineno: this.lineno,
      offset: this.offset,
      endLineno: this.endLineno,
      endOffset: this.endOffset,
    };
  }
}

/** CPython's parser stack ran past MAXSTACK (6000 rule levels): 3.11 raises a bare MemoryError. */
export class ParserMemoryError extends PyError {
  constructor() {
    super('MemoryError', '');
  }
}

/** The compiler's AST recursion guard (ast_opt.c, symtable.c): 3000 levels for the default limit. */
export class CompileRecursionError extends PyError {
  constructor(line = 0) {
    super('RecursionError', 'maximum recursion depth exceeded during compilation', line);
  }
}
