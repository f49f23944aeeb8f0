import type { Vm } from '../runtime/vm';

/**
 * What the builtins need from the interpreter they run in: the C library (malloc_trim), the
 * process's stdout (print), the running frame's namespaces (locals, globals, vars) and running a
 * class body in a namespace (__build_class__).
 */
export interface BuiltinsHost {
  readonly vm: Vm;
  /** glibc's malloc_trim(pad) in the simulated process. */
  mallocTrim(pad: number): number;
  /** sys.stdout.write(text) as print calls it: the str is borrowed. */
  writeStdout(text: number): void;
  /** PyEval_GetLocals: the running frame's locals mapping (borrowed; a function's is made and updated). */
  frameLocals(): number;
  /** PyEval_GetGlobals (borrowed). */
  frameGlobals(): number;
  /** _PyEval_Vector(func, locals): a class body run in its namespace; a new reference. */
  runWithLocals(func: number, locals: number): number;
  /** "not supported by Highwater yet: …" at the running line. */
  unsupported(what: string): Error;
}
