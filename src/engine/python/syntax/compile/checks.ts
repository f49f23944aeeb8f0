import type { Arguments, Expr, Module, Stmt } from '../ast';
import { CompileRecursionError, PythonSyntaxError } from '../errors';
import { Codegen } from './codegen';

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
  new Codegen(opts, future, m.body);
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

/**
 * symtable.c's "duplicate argument 'x' in function definition", in the order the symtable meets
 * definitions (pre-order; a function's defaults and decorators before its parameters). Iterative:
 * trees can be 3000 levels deep.
 */
export function checkDuplicateArguments(m: Module, opts: CheckOptions = {}): void {
  const stack: unknown[] = [m.body];
  while (stack.length) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push(node[i]);
      continue;
    }
    const n = node as Record<string, unknown>;
    if ((n.k === 'FunctionDef' || n.k === 'AsyncFunctionDef' || n.k === 'Lambda') && n.args) {
      const a = n.args as Arguments;
      const seen = new Set<string>();
      // symtable_visit_arguments: positional-only, positional, keyword-only, then *args and **kwargs.
      const params = [
        ...a.posonlyargs,
        ...a.args,
        ...a.kwonlyargs,
        ...(a.vararg ? [a.vararg] : []),
        ...(a.kwarg ? [a.kwarg] : []),
      ];
      const dup = params.find((p) => (seen.has(p.arg) ? true : (seen.add(p.arg), false)));
      // Defaults and decorators are visited (in the enclosing scope) before the parameters.
      const annotations = [
        ...a.posonlyargs,
        ...a.args,
        ...(a.vararg ? [a.vararg] : []),
        ...a.kwonlyargs,
        ...(a.kwarg ? [a.kwarg] : []),
      ].map((p) => p.annotation);
      const fn = n as unknown as { decorators: Expr[]; returns: Expr | null };
      const before =
        n.k === 'Lambda'
          ? [a.defaults, a.kwDefaults]
          : [a.defaults, a.kwDefaults, annotations, fn.returns, fn.decorators];
      stack.push(dup ? { dupOf: dup } : n.body);
      for (let i = before.length - 1; i >= 0; i--) stack.push(before[i]);
      continue;
    }
    if (n.dupOf) {
      const p = n.dupOf as Arguments['args'][number];
      throw new PythonSyntaxError(
        'SyntaxError',
        `duplicate argument '${p.arg}' in function definition`,
        p.line,
        p.col + 1,
        p.endLine,
        p.endCol + 1,
        opts.line?.(p.line) ?? null,
      );
    }
    if (n.k === 'ClassDef') {
      const c = n as unknown as { bases: Expr[]; keywords: unknown[]; decorators: Expr[]; body: unknown[] };
      stack.push(c.body, c.decorators, c.keywords, c.bases);
      continue;
    }
    const keys = Object.keys(n);
    for (let i = keys.length - 1; i >= 0; i--)
      if (keys[i] !== 'value' || n.k !== 'Constant') stack.push(n[keys[i]]);
  }
}
