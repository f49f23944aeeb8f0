/**
 * The exception half of PyThreadState (3.11): `exc_info`, the chain of exceptions being handled.
 * Each `except` block pushes the exception it handles (PUSH_EXC_INFO) and pops it when it ends
 * (POP_EXCEPT); a generator's frame brings its own item while it runs. The exception in flight
 * (curexc_type/value/traceback) is not kept here: it travels as the thrown PyError (errors.ts).
 */
export class ThreadState {
  /** exc_info's values, innermost last: exception handles (owned references), 0 for None. */
  readonly excInfo: number[] = [];
  /** PyThreadState.dict (PyThreadState_GetDict): made on first use (Py_ReprEnter's 'Py_Repr' list lives there), 0 before. */
  dict = 0;

  /** _PyErr_GetTopmostException(tstate)->exc_value: the innermost exception being handled, or 0. */
  topmostException(): number {
    const s = this.excInfo;
    for (let i = s.length - 1; i >= 0; i--) if (s[i] !== 0) return s[i];
    return 0;
  }
}
