import { EXCEPTION_IDS, EXCEPTION_NAMES } from './objects/exctypes';

/**
 * How a Python exception travels through the simulator's JS code: the thrown PyError is
 * CPython's "current exception" (tstate->curexc_type / curexc_value / curexc_traceback).
 *
 * CPython raises lazily: C code sets a type and a value (PyErr_SetString's message str,
 * _PyErr_SetKeyError's 1-tuple, or nothing at all for PyErr_SetNone) and the exception instance
 * is made only when something needs it (an `except` clause, chaining, printing): that is
 * "normalization" (abstract/errors.ts normalize). Until then `normalized` is false and `value` is
 * the raw value. The object handles are owned by the carrier; abstract/errors.ts clear() releases
 * them when C code swallows the error.
 *
 * `pyType` and `message` are what the report prints: the type's name and str(exception) as
 * CPython words it. Stops that are not Python exceptions (NotSupported, the step budget) have
 * `excType` -1: no `except` clause may catch them.
 */
export class PyError extends Error {
  /** The exception type's id (objects/exceptions.ts, or a class's), -1 for a simulator stop. */
  excType: number;
  /** curexc_value: 0 (PyErr_SetNone or not made yet), the raw value, or the exception instance once normalized. */
  value = 0;
  normalized = false;
  /** curexc_traceback: the traceback objects the unwinding frames added (0: none yet). */
  traceback = 0;
  /** Made by code that does not reach the simulated heap (the parser, a legacy raise): the message str is made at normalization. */
  lazyMessage: boolean;
  /** The type's name as the report prints it ('KeyError', 'ctypes.ArgumentError'). */
  pyType: string;

  constructor(
    pyType: string,
    message: string,
    public line = 0,
  ) {
    super(message);
    this.name = 'PyError';
    this.pyType = pyType;
    this.excType = EXCEPTION_IDS.get(pyType) ?? -1;
    this.lazyMessage = true;
  }

  /** A raised exception of type id `excType` whose value objects abstract/errors.ts made. */
  static raised(excType: number, typeName: string, message: string): PyError {
    const e = new PyError(typeName, message);
    e.excType = excType;
    e.lazyMessage = false;
    return e;
  }

  /** "TypeError: ... (line 3)": how the report and the CLI print it. */
  describe(): string {
    return `${this.pyType}${this.message ? `: ${this.message}` : ''}${this.line ? ` (line ${this.line})` : ''}`;
  }
}

/** SyntaxError with CPython's 1-based line and column. */
export class PySyntaxError extends PyError {
  constructor(
    message: string,
    line: number,
    readonly column: number,
  ) {
    super('SyntaxError', message, line);
  }
}

/** A construct outside Highwater's Python subset: never a wrong answer, always this. Not catchable by Python code. */
export class NotSupported extends PyError {
  constructor(what: string, line = 0) {
    super('NotSupported', `not supported by Highwater yet: ${what}`, line);
  }
  override describe(): string {
    return `${this.message}${this.line ? ` (line ${this.line})` : ''}`;
  }
}

/**
 * Errors made without the simulated heap at hand (the parser, compile-time folding): their
 * message str is allocated when they are normalized, not when they are raised. Code that has the
 * Vm raises through abstract/errors.ts instead, which allocates as CPython does.
 */
export const memoryError = (): PyError => new PyError('MemoryError', '');
export const nameError = (name: string): PyError => new PyError('NameError', `name '${name}' is not defined`);

/** The type name of a built-in exception id (for messages made before a Vm exists). */
export const exceptionName = (id: number): string =>
  EXCEPTION_NAMES[id - EXCEPTION_IDS.get('BaseException')!] ?? 'Exception';
