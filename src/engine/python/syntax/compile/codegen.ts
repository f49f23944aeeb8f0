import type { Arguments, Comprehension, Expr, Keyword, Pos, Stmt } from '../ast';
import { PythonSyntaxError } from '../errors';
import type { CheckOptions, Future } from './checks';
import { scopeFacts, type ScopeFacts } from './scopes';
import { exprPlan, stmtPlan } from './visit';

/** fblock kinds (compile.c's fblocktype) that matter to break, continue and return. */
export const enum Block {
  WhileLoop,
  ForLoop,
  TryExcept,
  FinallyTry,
  With,
  AsyncWith,
  HandlerCleanup,
  ExceptionHandler,
  ExceptionGroupHandler,
}
const CO_MAXBLOCKS = 20;

export type Scope = 'module' | 'class' | 'function' | 'async' | 'lambda' | 'comprehension';

/** A compiler unit (compile.c's compiler_unit): its scope, symtable facts (made when first asked) and block stack. */
interface Unit {
  scope: Scope;
  facts: () => ScopeFacts;
  blocks: { kind: Block; finalbody?: Stmt[] }[];
  /** The location when the unit was entered, put back when it is left. */
  outerLoc: Pos;
  outer: Unit | null;
}

/** A step of the visit: an expression, a statement, a location to restore, or an action. */
export type Task = { k: 0; e: Expr } | { k: 1; s: Stmt } | { k: 2; loc: Pos } | { k: 3; f: () => void };

/**
 * compile.c's checks, visiting in code-generation order with its "current location" (SET_LOC;
 * compiler_visit_expr puts the location back after each expression). The visit runs on an
 * explicit stack of tasks: trees may nest 3000 levels, more than a JS stack could recurse.
 */
export class Codegen {
  unit: Unit;
  loc: Pos = { line: 1, col: 0, endLine: 1, endCol: 0 };
  private readonly tasks: Task[] = [];

  constructor(
    readonly opts: CheckOptions,
    readonly future: Future,
    body: Stmt[],
  ) {
    this.unit = {
      scope: 'module',
      facts: () => ({ generator: false, coroutine: false }),
      blocks: [],
      outerLoc: this.loc,
      outer: null,
    };
    this.stmts(body);
  }

  /** compiler_error: at the current location, byte columns + 1, the file's line as text. */
  error(msg: string, at: Pos = this.loc): PythonSyntaxError {
    return new PythonSyntaxError(
      'SyntaxError',
      msg,
      at.line,
      at.col + 1,
      at.endLine,
      at.endCol + 1,
      this.opts.line?.(at.line) ?? null,
    );
  }

  setLoc(p: Pos): void {
    this.loc = { line: p.line, col: p.col, endLine: p.endLine, endCol: p.endCol };
  }

  /** forbidden_name */
  forbidden(name: string, ctx: 'store' | 'del' | 'load'): void {
    if (name !== '__debug__') return;
    if (ctx === 'store') throw this.error('cannot assign to __debug__');
    if (ctx === 'del') throw this.error('cannot delete __debug__');
  }

  // ---- the task machine ---------------------------------------------------------------

  E = (e: Expr | null): Task | null => (e ? { k: 0, e } : null);
  S = (s: Stmt): Task => ({ k: 1, s });
  R = (loc: Pos): Task => ({ k: 2, loc });
  F = (f: () => void): Task => ({ k: 3, f });

  /** Schedule tasks to run in this order, before anything scheduled earlier. */
  later(...items: (Task | null | (Task | null)[])[]): void {
    const flat: (Task | null)[] = [];
    for (const x of items) {
      if (Array.isArray(x)) for (const t of x) flat.push(t);
      else flat.push(x);
    }
    for (let i = flat.length - 1; i >= 0; i--) {
      const t = flat[i];
      if (t) this.tasks.push(t);
    }
  }

  /** Visit an expression now (the machine runs until it is done). */
  expr(e: Expr | null): void {
    if (!e) return;
    const base = this.tasks.length;
    this.tasks.push({ k: 0, e });
    this.run(base);
  }

  /** Visit statements now. */
  stmts(b: Stmt[]): void {
    const base = this.tasks.length;
    for (let i = b.length - 1; i >= 0; i--) this.tasks.push({ k: 1, s: b[i] });
    this.run(base);
  }

  private run(base: number): void {
    const tasks = this.tasks;
    while (tasks.length > base) {
      const t = tasks.pop()!;
      switch (t.k) {
        case 0: {
          const saved = this.loc;
          this.setLoc(t.e);
          exprPlan(this, t.e, saved);
          break;
        }
        case 1:
          this.setLoc(t.s);
          stmtPlan(this, t.s);
          break;
        case 2:
          this.loc = t.loc;
          break;
        case 3:
          t.f();
          break;
      }
    }
  }

  // ---- units and blocks -----------------------------------------------------------------

  enterUnit(scope: Scope, facts: () => ScopeFacts): void {
    let cached: ScopeFacts | null = null;
    this.unit = {
      scope,
      facts: () => (cached ??= facts()),
      blocks: [],
      outerLoc: this.loc,
      outer: this.unit,
    };
  }

  exitUnit(): void {
    this.loc = this.unit.outerLoc;
    this.unit = this.unit.outer!;
  }

  pushBlock(kind: Block, finalbody?: Stmt[]): void {
    if (this.unit.blocks.length >= CO_MAXBLOCKS) throw this.error('too many statically nested blocks');
    this.unit.blocks.push({ kind, finalbody });
  }

  popBlock(): void {
    this.unit.blocks.pop();
  }

  /** compiler_unwind_fblock_stack for break/continue (forLoop) or return; true when a loop is found. */
  unwind(forLoop: boolean): boolean {
    const blocks = this.unit.blocks;
    for (let i = blocks.length - 1; i >= 0; i--) {
      const b = blocks[i];
      if (b.kind === Block.ExceptionGroupHandler)
        throw this.error("'break', 'continue' and 'return' cannot appear in an except* block");
      if (forLoop && (b.kind === Block.WhileLoop || b.kind === Block.ForLoop)) return true;
      if (b.kind === Block.FinallyTry && b.finalbody) {
        // The finally body is compiled here, with the blocks above it popped.
        const saved = blocks.splice(i);
        try {
          this.stmts(b.finalbody);
        } finally {
          blocks.push(...saved);
        }
      }
    }
    return false;
  }

  // ---- shared checks --------------------------------------------------------------------

  /** compiler_check_debug_args */
  debugArgs(a: Arguments): void {
    for (const p of [...a.posonlyargs, ...a.args]) this.forbidden(p.arg, 'store');
    if (a.vararg) this.forbidden(a.vararg.arg, 'store');
    for (const p of a.kwonlyargs) this.forbidden(p.arg, 'store');
    if (a.kwarg) this.forbidden(a.kwarg.arg, 'store');
  }

  /** validate_keywords */
  keywords(kws: Keyword[]): void {
    for (let i = 0; i < kws.length; i++) {
      const k = kws[i];
      if (k.arg === null) continue;
      this.forbidden(k.arg, 'store');
      for (let j = i + 1; j < kws.length; j++) {
        const o = kws[j];
        if (o.arg === k.arg) {
          this.setLoc(o);
          throw this.error(`keyword argument repeated: ${k.arg}`);
        }
      }
    }
  }

  /** compiler_call_helper's tasks: keywords checked, then the arguments and keyword values. */
  callTasks(args: Expr[], kws: Keyword[]): Task[] {
    const out: Task[] = [this.F(() => this.keywords(kws))];
    for (const a of args) out.push(this.E(a.k === 'Starred' ? a.value : a)!);
    for (const k of kws) out.push(this.E(k.value)!);
    return out;
  }

  /** compiler_comprehension's tasks (the expression's location is current). */
  comprehensionTasks(
    e: Expr & { generators: Comprehension[] },
    elt: Expr,
    value: Expr | null,
  ): (Task | null)[] {
    const enclosing = this.unit.scope;
    const out: (Task | null)[] = [
      this.F(() => {
        this.enterUnit('comprehension', () => scopeFacts(e, 'comprehension'));
        this.setLoc(e);
        if (
          this.unit.facts().coroutine &&
          e.k !== 'GeneratorExp' &&
          enclosing !== 'async' &&
          enclosing !== 'comprehension'
        )
          throw this.error('asynchronous comprehension outside of an asynchronous function');
      }),
    ];
    e.generators.forEach((g, i) => {
      if (i > 0) out.push(this.E(g.iter));
      out.push(this.E(g.target));
      for (const x of g.ifs) out.push(this.E(x));
    });
    out.push(
      this.E(elt),
      this.E(value),
      this.F(() => this.exitUnit()),
      this.E(e.generators[0].iter),
    );
    return out;
  }
}
