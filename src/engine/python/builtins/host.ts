import type { CodeRt } from '../eval/code';
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
  /** compile() of a source string ('exec', 'eval' or 'single'): the code (static, as the script's). */
  compileString(source: string, filename: string, mode: 'exec' | 'eval' | 'single'): CodeRt;
  /** PyEval_EvalCode: the code run to its end with these namespaces; its value (a new reference). */
  runCode(code: CodeRt, globals: number, locals: number): number;
  /** The builtins module (exec/eval put it in a globals dict that lacks `__builtins__`). */
  readonly builtinsModule: number;
  /** "not supported by Highwater yet: …" at the running line. */
  unsupported(what: string): Error;
}
