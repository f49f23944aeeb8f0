import { EventKind } from '../../trace/events';
import type { EventLog } from '../../trace/eventLog';
import { raiseFormat } from '../abstract/errors';
import { normalize } from '../abstract/errors';
import { ConstCompiler } from '../compile/consts';
import { SymbolTable, type Scope } from '../compile/scope';
import { FRAME_SPECIALS_SIZE, bodyDepth, comprehensionDepth } from '../compile/stackdepth';
import { NotSupported, PyError, StepBudgetExceeded } from '../errors';
import { dictDelItem, dictGetItem, dictSetItem } from '../objects/dict';
import { excState } from '../objects/exceptions';
import { E } from '../objects/exctypes';
import { intern } from '../objects/str';
import type { Kwargs } from '../objects/types';
import type { Comprehension, Expr, Stmt } from '../parse/ast';
import { DataStack } from '../runtime/datastack';
import type { Evaluator, Vm } from '../runtime/vm';
import { installBuiltins } from './builtins';
import { callFunctionBorrowed } from './call';
import { evalExpr } from './expr';
import { execStmt } from './statements';

/**
 * Include/internal/pycore_code.h: a code object is quickened after 8 RESUMEs and JUMP_BACKWARDs;
 * its adaptive instructions then specialize on their first run. That changes allocations:
 * UNPACK_SEQUENCE stops making an iterator, str(x) stops packing an argument tuple, and the
 * int/float BINARY_OPs release their right operand first.
 */
export const QUICKENING_WARMUP_DELAY = 8;

/** Names Python's builtins module has that Highwater does not model: NotSupported, not NameError. */
const PYTHON_BUILTINS = new Set(
  ('all any ascii bin breakpoint callable chr classmethod compile complex delattr dir divmod eval exec ' +
    'filter format getattr globals hasattr hash help hex input issubclass locals map memoryview oct open ord pow ' +
    'property round setattr slice staticmethod super type vars __import__ exit quit')
    .split(' '),
);

export const enum Flow {
  Normal = 0,
  Break = 1,
  Continue = 2,
  Return = 3,
}

/** One compiled code object: a function body or a comprehension (3.11 runs both as functions). */
export interface CodeUnit {
  scope: Scope;
  /** co_warmup: -8, +1 at every RESUME and JUMP_BACKWARD; at 0 the code is quickened (specialized). */
  warmup: number;
  name: string;
  /** co_nlocalsplus + co_stacksize + FRAME_SPECIALS_SIZE: the frame's size in words. */
  framesize: number;
  body: Stmt[] | null;
  comp: { kind: string; elts: Expr[]; generators: Comprehension[] } | null;
}

export interface Frame {
  unit: CodeUnit | null;
  /** localsplus: owned references (0 = unbound). */
  fast: Int32Array;
  retval: number;
}

/**
 * The interpreter: runs the syntax tree with CPython 3.11's evaluation order, reference counts
 * and allocations (ceval.c's instructions, one function per construct in statements.ts, expr.ts,
 * call.ts, comprehension.ts). Module-level names live in a real dict (the recorder's globals).
 */
export class Interp implements Evaluator {
  readonly st: SymbolTable;
  readonly units = new Map<number, CodeUnit>();
  readonly globals: number;
  /** The builtins module's names (its dict): the fallback of LOAD_GLOBAL / LOAD_NAME. */
  readonly builtins: Map<string, number>;
  /** sys.modules: the modules imported so far, by name. */
  readonly modules = new Map<string, number>();
  /** Modules a higher layer provides (numpy): called on first import, returns the module object. */
  readonly moduleProviders = new Map<string, (it: Interp) => number>();
  readonly consts: ConstCompiler;
  readonly moduleFrame: Frame;
  readonly output: string[] = [];
  steps = 0;
  line = 0;
  /** The module code's co_warmup (RESUME at the top of the module already counted). */
  moduleWarmup = -QUICKENING_WARMUP_DELAY + 1;
  /** A value stack for temporaries (saves a JS array per BUILD_LIST). */
  stack = new Int32Array(1024);
  sp = 0;

  constructor(
    readonly vm: Vm,
    readonly dataStack: DataStack,
    readonly body: Stmt[],
    readonly stepBudget: number,
    readonly events: EventLog | null,
    globals: number,
    /** glibc's malloc_trim(pad) in the simulated process. */
    readonly mallocTrim: (pad: number) => number,
  ) {
    this.globals = globals;
    vm.eval = this;
    this.builtins = installBuiltins(this);
    this.consts = new ConstCompiler(vm);
    this.consts.statements(body);
    this.st = SymbolTable.build(body);
    this.moduleFrame = { unit: null, fast: new Int32Array(0), retval: 0 };
  }

  /** Runs top-level statement `s` (statement `index` of the script). Throws PyError. */
  runTopLevel(s: Stmt, index: number): void {
    this.events?.record(EventKind.StatementStart, 0, index, 0);
    this.line = s.line;
    this.sp = 0;
    this.dataStack.peak = this.dataStack.depth;
    try {
      const flow = execStmt(this, s, this.moduleFrame);
      if (flow === Flow.Return) throw new PyError('SyntaxError', "'return' outside function", s.line);
      if (flow !== Flow.Normal) throw new PyError('SyntaxError', `'${flow === Flow.Break ? 'break' : 'continue'}' outside loop`, s.line);
    } catch (e) {
      if (e instanceof RangeError && /call stack/.test(e.message)) {
        // The JS stack ran out before CPython's recursion limit would have (about 9 JS frames per
        // Python call): say so rather than fail with an engine error.
        throw new PyError('RecursionError', `maximum recursion depth exceeded (the simulator's own stack ran out at ${this.dataStack.peak} nested calls)`, this.line);
      }
      if (e instanceof PyError && !e.line) e.line = this.line;
      throw e;
    }
  }

  push(v: number): void {
    if (this.sp === this.stack.length) {
      const s = new Int32Array(this.stack.length * 2);
      s.set(this.stack);
      this.stack = s;
    }
    this.stack[this.sp++] = v;
  }

  /** RESUME / JUMP_BACKWARD: _PyCode_Warmup of the frame's code. */
  warm(f: Frame): void {
    if (f.unit) {
      if (f.unit.warmup !== 0) f.unit.warmup++;
    } else if (this.moduleWarmup !== 0) this.moduleWarmup++;
  }

  /** Has the frame's code been quickened (its instructions adaptive/specialized)? */
  quickened(f: Frame): boolean {
    return (f.unit ? f.unit.warmup : this.moduleWarmup) === 0;
  }

  /** Count one unit of work at `line`; the budget stops endless loops. */
  tickAt(line: number): void {
    this.line = line;
    if (++this.steps > this.stepBudget) throw new StepBudgetExceeded(this.stepBudget, line);
  }

  /** Evaluator.tick: a unit of work done in C code (an item of list(range(n))). */
  tick(): void {
    if (++this.steps > this.stepBudget) throw new StepBudgetExceeded(this.stepBudget, this.line);
  }

  /** Evaluator.callFunction: a Python function called from C code (arguments borrowed). */
  callFunction(fn: number, args: readonly number[], kw: Kwargs | null): number {
    return callFunctionBorrowed(this, fn, args, kw);
  }

  execBlock(body: Stmt[], f: Frame): Flow {
    for (const s of body) {
      const flow = execStmt(this, s, f);
      if (flow !== Flow.Normal) return flow;
    }
    return Flow.Normal;
  }

  eval(e: Expr, f: Frame): number {
    return evalExpr(this, e, f);
  }

  /** The code unit of a def or comprehension scope (its frame size from co_stacksize). */
  unit(id: number, name: string, body: Stmt[] | null, comp: CodeUnit['comp']): CodeUnit {
    let u = this.units.get(id);
    if (!u) {
      const scope = this.st.scope(id);
      const stack = body ? bodyDepth(body) : comprehensionDepth(comp!.kind, comp!.generators, comp!.elts);
      u = { scope, name, warmup: -QUICKENING_WARMUP_DELAY, framesize: scope.localsplus.length + stack + FRAME_SPECIALS_SIZE, body, comp };
      this.units.set(id, u);
    }
    return u;
  }

  /** An interned identifier (made when the module was compiled: static here). */
  name(s: string): number {
    return intern(this.vm, s);
  }

  // ---- module-level and global names --------------------------------------------------

  /** LOAD_NAME / LOAD_GLOBAL: globals, then builtins. A new reference. */
  loadGlobal(name: string): number {
    const v = dictGetItem(this.vm, this.globals, this.name(name));
    if (v) {
      this.vm.incref(v);
      return v;
    }
    const b = this.builtins.get(name);
    if (b !== undefined) return b;
    if (PYTHON_BUILTINS.has(name)) throw new NotSupported(`${name}()`, this.line);
    throw this.nameError(name);
  }

  /**
   * format_exc_check_arg: NameError through PyErr_Format, then normalized at once and given the
   * name (for the "Did you mean" hint).
   */
  nameError(name: string, type: number = E.NameError, fmt = "name '%.200s' is not defined"): PyError {
    const err = raiseFormat(this.vm, type, fmt, name);
    normalize(this.vm, err);
    const st = excState(this.vm, err.value);
    if (st.fields.name === 0) {
      st.fields.name = intern(this.vm, name);
    }
    return err;
  }

  /** STORE_NAME / STORE_GLOBAL (consumes `v`). */
  storeGlobal(name: string, v: number): void {
    dictSetItem(this.vm, this.globals, this.name(name), v);
    this.vm.decref(v);
  }

  /** DELETE_NAME / DELETE_GLOBAL. */
  deleteGlobal(name: string): void {
    if (!this.hasGlobal(name)) throw this.nameError(name);
    dictDelItem(this.vm, this.globals, this.name(name));
  }

  hasGlobal(name: string): boolean {
    return dictGetItem(this.vm, this.globals, this.name(name)) !== 0;
  }

  unsupported(what: string): NotSupported {
    return new NotSupported(what, this.line);
  }
}
