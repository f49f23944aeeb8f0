import type {
  Arg,
  Arguments,
  CmpOpName,
  Comprehension,
  Expr,
  ExprContext,
  ExprOf,
  Keyword,
  Pos,
  Stmt,
} from '../ast';

/** Helpers the grammar's actions call (Parser/action_helpers.c), written for this AST. */

export interface NameDefault {
  arg: Arg;
  value: Expr | null;
}
export interface SlashWithDefault {
  plainNames: Arg[];
  namesWithDefaults: NameDefault[];
}
export interface StarEtc {
  vararg: Arg | null;
  kwonlyargs: NameDefault[] | null;
  kwarg: Arg | null;
}
/** A call argument after the first keyword: `name=value`, `**value` or `*value`. */
export interface KeywordOrStarred {
  element: Keyword | Expr;
  isKeyword: boolean;
}
export interface CmpopExprPair {
  op: CmpOpName;
  expr: Expr;
}
export interface KeyValuePair {
  key: Expr | null;
  value: Expr;
}

export function pos(p: Pos): Pos {
  return { line: p.line, col: p.col, endLine: p.endLine, endCol: p.endCol };
}

/** _PyPegen_set_expr_context: a copy with ctx set, through tuples, lists and starred. */
export function setExprContext(e: Expr, ctx: ExprContext): Expr {
  switch (e.k) {
    case 'Name':
    case 'Subscript':
    case 'Attribute':
      return { ...e, ctx };
    case 'Tuple':
    case 'List':
      return { ...e, ctx, elts: e.elts.map((x) => setExprContext(x, ctx)) };
    case 'Starred':
      return { ...e, ctx, value: setExprContext(e.value, ctx) };
    default:
      return e;
  }
}

/** _PyPegen_get_expr_name: how error messages name an expression. */
export function exprName(e: Expr): string {
  switch (e.k) {
    case 'Attribute':
      return 'attribute';
    case 'Subscript':
      return 'subscript';
    case 'Starred':
      return 'starred';
    case 'Name':
      return 'name';
    case 'List':
      return 'list';
    case 'Tuple':
      return 'tuple';
    case 'Lambda':
      return 'lambda';
    case 'Call':
      return 'function call';
    case 'BoolOp':
    case 'BinOp':
    case 'UnaryOp':
      return 'expression';
    case 'GeneratorExp':
      return 'generator expression';
    case 'Yield':
    case 'YieldFrom':
      return 'yield expression';
    case 'Await':
      return 'await expression';
    case 'ListComp':
      return 'list comprehension';
    case 'SetComp':
      return 'set comprehension';
    case 'DictComp':
      return 'dict comprehension';
    case 'Dict':
      return 'dict literal';
    case 'Set':
      return 'set display';
    case 'JoinedStr':
    case 'FormattedValue':
      return 'f-string expression';
    case 'Constant': {
      const v = e.value;
      if (v.t === 'none') return 'None';
      if (v.t === 'bool') return v.v ? 'True' : 'False';
      if (v.t === 'ellipsis') return 'ellipsis';
      return 'literal';
    }
    case 'Compare':
      return 'comparison';
    case 'IfExp':
      return 'conditional expression';
    case 'NamedExpr':
      return 'named expression';
    case 'Slice':
      return 'slice';
  }
}

export type TargetsType = 'star' | 'del' | 'for';

/** _PyPegen_get_invalid_target: the first sub-expression that cannot be a target, or null. */
export function invalidTarget(e: Expr | null, type: TargetsType): Expr | null {
  if (e === null) return null;
  switch (e.k) {
    case 'List':
    case 'Tuple':
      for (const x of e.elts) {
        const c = invalidTarget(x, type);
        if (c) return c;
      }
      return null;
    case 'Starred':
      if (type === 'del') return e;
      return invalidTarget(e.value, type);
    case 'Compare':
      // `a in b` in `for a in b` parses as a comparison: search its left side.
      if (type === 'for') return e.ops[0] === 'in' ? invalidTarget(e.left, type) : null;
      return e;
    case 'Name':
    case 'Subscript':
    case 'Attribute':
      return null;
    default:
      return e;
  }
}

/** _PyPegen_check_legacy_stmt: `print` and `exec` as Python 2 statements. */
export function isLegacyStmt(e: Expr): boolean {
  return e.k === 'Name' && (e.id === 'print' || e.id === 'exec');
}

export function lastComprehensionItem(c: Comprehension): Expr {
  return c.ifs.length ? c.ifs[c.ifs.length - 1] : c.iter;
}

/** _PyPegen_make_arguments */
export function makeArguments(
  slashNoDefault: Arg[] | null,
  slashWithDefault: SlashWithDefault | null,
  plainNames: Arg[] | null,
  namesWithDefault: NameDefault[] | null,
  starEtc: StarEtc | null,
): Arguments {
  let posonlyargs: Arg[];
  if (slashNoDefault) posonlyargs = slashNoDefault;
  else if (slashWithDefault)
    posonlyargs = [...slashWithDefault.plainNames, ...slashWithDefault.namesWithDefaults.map((n) => n.arg)];
  else posonlyargs = [];
  const args = [...(plainNames ?? []), ...(namesWithDefault ?? []).map((n) => n.arg)];
  const defaults = [
    ...(slashWithDefault ? slashWithDefault.namesWithDefaults.map((n) => n.value as Expr) : []),
    ...(namesWithDefault ?? []).map((n) => n.value as Expr),
  ];
  return {
    posonlyargs,
    args,
    vararg: starEtc?.vararg ?? null,
    kwonlyargs: starEtc?.kwonlyargs ? starEtc.kwonlyargs.map((n) => n.arg) : [],
    kwDefaults: starEtc?.kwonlyargs ? starEtc.kwonlyargs.map((n) => n.value) : [],
    kwarg: starEtc?.kwarg ?? null,
    defaults,
  };
}

export function emptyArguments(): Arguments {
  return makeArguments(null, null, null, null, null);
}

/** _PyPegen_collect_call_seqs: starred arguments written after keywords join the positional ones. */
export function collectCallSeqs(a: Expr[], b: KeywordOrStarred[] | null, p: Pos): ExprOf<'Call'> {
  const dummy: Expr = { k: 'Name', id: '', ctx: 'load', line: 1, col: 0, endLine: 1, endCol: 0 };
  if (b === null) return { k: 'Call', func: dummy, args: a, keywords: [], ...p };
  const starreds = b.filter((x) => !x.isKeyword).map((x) => x.element as Expr);
  const keywords = b.filter((x) => x.isKeyword).map((x) => x.element as Keyword);
  return { k: 'Call', func: dummy, args: [...a, ...starreds], keywords, ...p };
}

/** The Call built for `kwargs` alone (`args: kwargs`). */
export function callFromKwargs(b: KeywordOrStarred[], p: Pos): ExprOf<'Call'> {
  return collectCallSeqs([], b, p);
}

export function stmtWithDecorators(decorators: Expr[], s: Stmt): Stmt {
  if (s.k === 'FunctionDef' || s.k === 'AsyncFunctionDef' || s.k === 'ClassDef') return { ...s, decorators };
  return s;
}

export function constant(value: Expr & { k: 'Constant' }): Expr {
  return value;
}
