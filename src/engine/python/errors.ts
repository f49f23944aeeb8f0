/**
 * The errors a simulated run can end with. Python-level exceptions carry CPython 3.11's type name
 * and message wording; `line` is the 1-based source line (0 when unknown).
 */
export class PyError extends Error {
  constructor(
    readonly pyType: string,
    message: string,
    public line = 0,
  ) {
    super(message);
    this.name = 'PyError';
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

/** A construct outside Highwater's Python subset: never a wrong answer, always this. */
export class NotSupported extends PyError {
  constructor(what: string, line = 0) {
    super('NotSupported', `not supported by Highwater yet: ${what}`, line);
  }
  override describe(): string {
    return `${this.message}${this.line ? ` (line ${this.line})` : ''}`;
  }
}

/** The step budget ran out (e.g. `while True: pass`). */
export class StepBudgetExceeded extends PyError {
  constructor(budget: number, line: number) {
    super('StepBudgetExceeded', `the step budget of ${budget.toLocaleString('en-US')} steps ran out (an endless loop?)`, line);
  }
}

export const typeError = (msg: string): PyError => new PyError('TypeError', msg);
export const valueError = (msg: string): PyError => new PyError('ValueError', msg);
export const indexError = (msg: string): PyError => new PyError('IndexError', msg);
export const keyError = (msg: string): PyError => new PyError('KeyError', msg);
export const memoryError = (): PyError => new PyError('MemoryError', '');
export const zeroDivision = (msg = 'division by zero'): PyError => new PyError('ZeroDivisionError', msg);
export const overflowError = (msg: string): PyError => new PyError('OverflowError', msg);
export const nameError = (name: string): PyError => new PyError('NameError', `name '${name}' is not defined`);
export const attributeError = (tp: string, attr: string): PyError =>
  new PyError('AttributeError', `'${tp}' object has no attribute '${attr}'`);
