import type { CPythonVersion } from '../versions';
import { PyError, PySyntaxError } from '../errors';
import { tracebackEntries } from './traceback';
import { compileModule } from '../compiler';
import { CompileError } from '../compiler/errors';
import type { CodeObject } from '../compiler/code';
import type { CompileProbe } from '../compiler/probe';
import type { ConstValue, Expr, Module, Stmt } from '../syntax/ast';
import { ConstLoader, type FoldEvent } from './consts';
import type { CodeRt } from './code';
import type { Frame } from './frame';
import type { Interpreter } from './interpreter';
import { PAUSED } from './loop';

/** The name of the recorder's step marker (tools/hw_child.py puts it in builtins). */
export const STEP_MARKER = '__hw_step__';

/** One top-level statement as the report shows it (tools/record.py split_statements). */
export interface ScriptStatement {
  code: string;
  line: number;
  endLine: number;
}

/**
 * A script run as the recorder runs it (tools/hw_child.py): compiled as ONE module code object
 * with a call `__hw_step__(i)` after each top-level statement (and `__hw_step__(0)` before the
 * first), so the constants of every statement exist from the start, module-level code warms up
 * and quickens across statements as it does in the real run, and a step is exactly "run the
 * module frame to the next marker". The module frame is paused at each marker (the loop returns
 * PAUSED) and resumed for the next statement.
 */
export class Script {
  readonly statements: ScriptStatement[];
  readonly code: CodeRt;
  private readonly frame: Frame;
  private next = 0;
  private finished = false;

  constructor(
    private readonly it: Interpreter,
    tree: Module,
    source: string,
    filename: string,
    /** The recorder's compile seen by the start-up (startup/compileTail.ts), finished before the constants are made. */
    startup?: { probe: CompileProbe; compiled(): void },
  ) {
    this.statements = tree.body.map((s) => statementText(source, s));
    const folds: FoldEvent[] = [];
    const compiled = compile(withMarkers(tree), filename, folds, it.vm.py, startup?.probe);
    startup?.compiled();
    const loader = new ConstLoader(it.vm);
    loader.fold(folds);
    this.code = loader.load(compiled);
    loader.finish();
    this.frame = it.moduleFrame(this.code);
  }

  /**
   * Run the module to `__hw_step__(0)`: everything before it is part of `<start>`. The process
   * calls this after its gc.collect() (PythonProcess.settle), as hw_child.py execs the module after
   * its own: a `from __future__` lead's objects are then young at `<start>` (the real 3.11.7's gc
   * count 65 there, 1 without a lead) instead of collected into generation 2.
   */
  begin(): void {
    this.resume(0);
  }

  /** The statement a replay's pause stopped inside (Interpreter.pauseAt), or -1. */
  pausedIn = -1;

  /**
   * Run top-level statement i (0-based): to the marker after it, or on from where a replay's
   * pause stopped it. False when it paused again before its end (Interpreter.pauseAt). Throws PyError.
   */
  runStatement(i: number): boolean {
    if (i !== this.next) throw new Error(`internal: statement ${i} run out of order (next is ${this.next})`);
    this.it.statement = i;
    return this.resume(i + 1);
  }

  private resume(marker: number): boolean {
    if (this.finished) throw new Error('internal: the module already finished');
    const it = this.it;
    it.stepReached = -1;
    let r: number;
    try {
      r = it.runModule(this.frame);
    } catch (e) {
      this.finished = true;
      // the line a reader of the error sees: where the innermost traceback entry points
      if (e instanceof PyError && e.excType >= 0 && e.traceback !== 0 && !e.line) {
        const entries = tracebackEntries(it.vm, e.traceback);
        if (entries.length) e.line = entries[entries.length - 1].line;
      }
      throw e;
    }
    if (r === PAUSED && it.eventPaused) {
      // a replay's pause inside the statement: the frames stay as they are, to be resumed
      it.eventPaused = false;
      this.pausedIn = marker - 1;
      return false;
    }
    this.pausedIn = -1;
    if (r !== PAUSED) {
      // the module returned: only past the last marker
      this.finished = true;
      it.vm.decref(r);
    } else if (it.stepReached !== marker)
      throw new Error(`internal: reached step ${it.stepReached}, expected ${marker}`);
    this.next = marker;
    return true;
  }
}

/** _PyAST_Compile; a compile-time SyntaxError becomes a PySyntaxError with CPython's position. */
export function compile(
  tree: Module,
  filename: string,
  folds?: FoldEvent[],
  py?: Pick<CPythonVersion, 'comprehensions' | 'classBodyAttributes' | 'generatorHandlers'>,
  probe?: CompileProbe,
  evalMode = false,
): CodeObject {
  try {
    const onFold = folds
      ? (op: string, operands: ConstValue[], result: ConstValue) => void folds.push([op, operands, result])
      : undefined;
    // the version's code generation: 3.12 inlines comprehensions (PEP 709)
    const inlineComprehensions = py?.comprehensions === 'inlined';
    // and 3.13 stores __firstlineno__ and __static_attributes__ in class bodies
    const classBodyAttributes = py?.classBodyAttributes ?? false;
    const generatorHandlers = py?.generatorHandlers ?? false; // 3.12's co_stacksize of generators
    return compileModule(tree, {
      filename,
      onFold,
      inlineComprehensions,
      classBodyAttributes,
      generatorHandlers,
      probe,
      evalMode,
    }).code;
  } catch (e) {
    if (e instanceof CompileError) throw new PySyntaxError(e.message, e.line, e.col + 1);
    throw e;
  }
}

/**
 * The module with `__hw_step__(i)` after each statement, positioned as hw_child.py positions them.
 * `from __future__ import …` must open the file (future.c's future_parse stops at the first other
 * statement, a docstring aside), so a script that starts with them keeps them, and its docstring,
 * ahead of `__hw_step__(0)`: they run as part of `<start>` (an import of a module the start-up
 * already loaded and a name stored) and their steps follow `__hw_step__(0)` at once, empty.
 */
export function withMarkers(tree: Module): Module {
  const lead = futurePrefix(tree.body);
  const body: Stmt[] = [...tree.body.slice(0, lead), marker(0, 1)];
  tree.body.forEach((s, i) => {
    if (i >= lead) body.push(s);
    body.push(marker(i + 1, s.endLine));
  });
  return { body };
}

/** How many statements open the module as future.c allows: a docstring, then future imports (0 when none). */
export function futurePrefix(stmts: readonly Stmt[]): number {
  let i = 0;
  const first = stmts[0];
  if (first?.k === 'Expr' && first.value.k === 'Constant' && first.value.value.t === 'str') i = 1;
  let n = i;
  while (n < stmts.length) {
    const s = stmts[n];
    if (s.k !== 'ImportFrom' || s.module !== '__future__') break;
    n++;
  }
  return n > i ? n : 0;
}

function marker(i: number, line: number): Stmt {
  const at = { line, col: 0, endLine: line, endCol: 0 };
  const func: Expr = { k: 'Name', id: STEP_MARKER, ctx: 'load', ...at };
  const arg: Expr = { k: 'Constant', value: { t: 'int', v: BigInt(i) }, kind: null, ...at };
  const call: Expr = { k: 'Call', func, args: [arg], keywords: [], ...at };
  return { k: 'Expr', value: call, ...at };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * split_statements (tools/record.py): the statement's source segment; whole lines when it spans
 * several lines or has decorators (the first line being the first decorator's), right-trimmed.
 */
export function statementText(source: string, s: Stmt): ScriptStatement {
  const lines = source.split(/\r?\n/);
  const decorators =
    s.k === 'FunctionDef' || s.k === 'AsyncFunctionDef' || s.k === 'ClassDef' ? s.decorators : [];
  const first = Math.min(s.line, ...decorators.map((d) => d.line));
  let text: string;
  if (first !== s.line || s.endLine !== s.line) text = lines.slice(first - 1, s.endLine).join('\n');
  else {
    const bytes = encoder.encode(lines[s.line - 1] ?? '');
    text = decoder.decode(bytes.subarray(s.col, s.endCol));
  }
  return { code: text.trimEnd(), line: first, endLine: s.endLine };
}
