import type { Arguments, Comprehension, Expr, Keyword, Module, Pos, Stmt, StmtOf } from '../ast';
import { CompileRecursionError, PythonSyntaxError } from '../errors';
import { checkPatterns } from './patterns';
import { scopeFacts, type ScopeFacts } from './scopes';
import { exprCheck, stmtCheck } from './visit';

/**
 * The SyntaxErrors CPython 3.11 raises after parsing, in its order: future.c (future_parse), the
 * AST optimizer's depth limit (ast_opt.c: RecursionError past 3000 statement and expression
 * levels), then compile.c's checks in code-generation order. (The symtable's errors, which CPython
 * raises between the last two, belong to the compiler; `checkDuplicateArguments` is its one
 * check done here.)
 */
export interface CheckOptions {
  /** The source lines (1-based index), for the error's text. */
  line?: (n: number) => string | null;
}

/** Fixed by CPython: recursion limit 1000 × COMPILER_STACK_FRAME_SCALE 3. */
export const COMPILE_DEPTH_LIMIT = 3000;

export function checkModule(m: Module, opts: CheckOptions = {}): void {
  const future = checkFuture(m, opts);
  checkDepth(m);
  checkDuplicateArguments(m, opts);
  new Codegen(opts, future).module(m);
}

export interface Future {
  /** Line of the last `from __future__` import at the top (ff_lineno), 0 if none. */
  lineno: number;
  annotations: boolean;
}

const FEATURES = new Set([
  'nested_scopes',
  'generators',
  'division',
  'absolute_import',
  'with_statement',
  'print_function',
  'unicode_literals',
  'barry_as_FLUFL',
  'generator_stop',
  'annotations',
]);

/** future.c: future_parse and future_check_features. */
export function checkFuture(m: Module, opts: CheckOptions = {}): Future {
  const f: Future = { lineno: 0, annotations: false };
  let i = isDocstring(m.body[0]) ? 1 : 0;
  let done = false;
  let prevLine = 0;
  for (; i < m.body.length; i++) {
    const s = m.body[i];
    if (done && s.line > prevLine) return f;
    prevLine = s.line;
    if (s.k === 'ImportFrom' && s.module === '__future__') {
      if (done)
        throw located('from __future__ imports must occur at the beginning of the file', s.line, s.col, opts);
      for (const a of s.names) {
        if (a.name === 'annotations') f.annotations = true;
        else if (a.name === 'braces') throw located('not a chance', s.line, s.col + 1, opts);
        else if (!FEATURES.has(a.name))
          throw located(`future feature ${a.name} is not defined`, s.line, s.col + 1, opts);
      }
      f.lineno = s.line;
    } else done = true;
  }
  return f;
}

function isDocstring(s: Stmt | undefined): boolean {
  return !!s && s.k === 'Expr' && s.value.k === 'Constant' && s.value.value.t === 'str';
}

/** PyErr_SyntaxLocationObject: a line and an offset, no end. */
function located(msg: string, line: number, offset: number, opts: CheckOptions): PythonSyntaxError {
  return new PythonSyntaxError('SyntaxError', msg, line, offset, line, 0, opts.line?.(line) ?? null);
}

/**
 * ast_opt.c's guard: each statement and expression visited counts one level; past 3000 (the
 * default limit 1000 × 3, at depth 0 when a script is compiled) → RecursionError. Iterative: the
 * tree may be nested deeper than the JS stack could recurse.
 */
export function checkDepth(m: Module): void {
  const stack: { node: unknown; depth: number }[] = m.body.map((s) => ({ node: s, depth: 1 }));
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    const n = node as Record<string, unknown> | null;
    if (!n || typeof n !== 'object') continue;
    const counts = Array.isArray(n)
      ? 0
      : typeof n.k === 'string' && !PATTERN_KINDS.has(n.k as string)
        ? 1
        : 0;
    const d = depth + counts - 1;
    if (d > COMPILE_DEPTH_LIMIT) throw new CompileRecursionError();
    for (const key in n) {
      if (key === 'value' && (n.k === 'Constant' || n.k === 'MatchSingleton')) continue;
      const v = n[key];
      if (v && typeof v === 'object') stack.push({ node: v, depth: d + 1 });
    }
  }
}

const PATTERN_KINDS = new Set([
  'MatchValue',
  'MatchSingleton',
  'MatchSequence',
  'MatchMapping',
  'MatchClass',
  'MatchStar',
  'MatchAs',
  'MatchOr',
]);

/** symtable.c's "duplicate argument 'x' in function definition", in definition order. */
export function checkDuplicateArguments(m: Module, opts: CheckOptions = {}): void {
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    const n = node as Record<string, unknown>;
    if ((n.k === 'FunctionDef' || n.k === 'AsyncFunctionDef' || n.k === 'Lambda') && n.args) {
      const a = n.args as Arguments;
      // symtable visits defaults and annotations first (in the enclosing scope), then the parameters.
      visit(a.defaults);
      visit(a.kwDefaults);
      if (n.k !== 'Lambda') visit((n as unknown as { decorators: Expr[] }).decorators);
      const seen = new Set<string>();
      // symtable_visit_arguments: positional-only, positional, keyword-only, then *args and **kwargs.
      for (const p of [
        ...a.posonlyargs,
        ...a.args,
        ...a.kwonlyargs,
        ...(a.vararg ? [a.vararg] : []),
        ...(a.kwarg ? [a.kwarg] : []),
      ]) {
        if (seen.has(p.arg))
          throw new PythonSyntaxError(
            'SyntaxError',
            `duplicate argument '${p.arg}' in function definition`,
            p.line,
            p.col + 1,
            p.endLine,
            p.endCol + 1,
            opts.line?.(p.line) ?? null,
          );
        seen.add(p.arg);
      }
      visit(n.body);
      return;
    }
    for (const key in n) if (key !== 'value' || n.k !== 'Constant') visit(n[key]);
  };
  visit(m.body);
}

/** fblock kinds (compile.c's fblocktype) that matter to break, continue and return. */
export const enum Block {
  WhileLoop,
  ForLoop,
  TryExcept,
  FinallyTry,
  FinallyEnd,
  With,
  AsyncWith,
  HandlerCleanup,
  ExceptionHandler,
  ExceptionGroupHandler,
}
const CO_MAXBLOCKS = 20;

/** A compiler unit (compile.c's compiler_unit): its scope kind, symtable facts and block stack. */
interface Unit {
  scope: 'module' | 'class' | 'function' | 'async' | 'lambda' | 'comprehension';
  facts: ScopeFacts;
  blocks: { kind: Block; finalbody?: Stmt[] }[];
}

/**
 * compile.c's checks, visiting in code-generation order, with compile.c's "current location"
 * (SET_LOC; compiler_visit_expr restores it after each expression).
 */
export class Codegen {
  unit!: Unit;
  loc: Pos = { line: 1, col: 0, endLine: 1, endCol: 0 };

  constructor(
    readonly opts: CheckOptions,
    readonly future: Future,
  ) {}

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

  module(m: Module): void {
    this.unit = { scope: 'module', facts: scopeFacts(m.body, 'module'), blocks: [] };
    for (const s of m.body) this.stmt(s);
  }

  inUnit(scope: Unit['scope'], facts: ScopeFacts, f: () => void): void {
    const saved = this.unit;
    const savedLoc = this.loc;
    this.unit = { scope, facts, blocks: [] };
    try {
      f();
    } finally {
      this.unit = saved;
      this.loc = savedLoc;
    }
  }

  pushBlock(kind: Block, finalbody?: Stmt[]): void {
    if (this.unit.blocks.length >= CO_MAXBLOCKS) throw this.error('too many statically nested blocks');
    this.unit.blocks.push({ kind, finalbody });
  }

  popBlock(): void {
    this.unit.blocks.pop();
  }

  stmts(b: Stmt[]): void {
    for (const s of b) this.stmt(s);
  }

  stmt(s: Stmt): void {
    this.setLoc(s);
    stmtCheck(this, s);
  }

  /** compiler_visit_expr: the location is the expression's while it is compiled, then restored. */
  expr(e: Expr | null): void {
    if (!e) return;
    const saved = this.loc;
    this.setLoc(e);
    exprCheck(this, e);
    this.loc = saved;
  }

  exprs(es: (Expr | null)[]): void {
    for (const e of es) this.expr(e);
  }

  /** compiler_unwind_fblock_stack for break/continue (loop) or return (no loop). */
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

  /** compiler_call_helper: keywords checked, then the arguments and keyword values. */
  callHelper(args: Expr[], kws: Keyword[]): void {
    this.keywords(kws);
    for (const a of args) this.expr(a.k === 'Starred' ? a.value : a);
    for (const k of kws) this.expr(k.value);
  }

  /** compiler_comprehension */
  comprehension(e: Expr & { generators: Comprehension[] }, elt: Expr | null, value: Expr | null): void {
    const enclosing = this.unit.scope;
    const facts = scopeFacts(e, 'comprehension');
    this.inUnit('comprehension', facts, () => {
      this.setLoc(e);
      if (facts.coroutine && e.k !== 'GeneratorExp' && enclosing !== 'async' && enclosing !== 'comprehension')
        throw this.error('asynchronous comprehension outside of an asynchronous function');
      e.generators.forEach((g, i) => {
        if (i > 0) this.expr(g.iter);
        this.expr(g.target);
        this.exprs(g.ifs);
      });
      if (value) {
        this.expr(elt);
        this.expr(value);
      } else this.expr(elt);
    });
    this.expr(e.generators[0].iter);
  }

  patterns(s: StmtOf<'Match'>): void {
    checkPatterns(this, s);
  }
}
