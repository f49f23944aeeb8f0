import type { Expr, Pattern } from '../ast';
import * as T from '../tokens';
import { exprName } from './actions';
import { list, tuple } from './atoms';
import { argumentsRule } from './calls';
import { block, exceptLoop } from './compound';
import type { Parser as P } from './core';
import {
  expression,
  expressions,
  gather,
  namedExpression,
  starExpressions,
  starNamedExpression,
  starNamedExpressions,
  yieldExpr,
} from './expressions';
import { raiseInvalidTarget } from './invalidExpr';
import {
  guard,
  keywordPatterns,
  nameOrAttr,
  orPattern,
  patterns,
  positionalPatterns,
  subjectExpr,
} from './match';
import { params } from './params';
import { augassign, importFromAsNames } from './statements';
import { starTarget as starTargetOnly, starTargets } from './targets';

/** The invalid_* rules about statements (second pass only); each throws when it applies. */

const K = T.KW;

function peekAny(p: P, ...types: number[]): boolean {
  p.enter();
  p.ensure();
  const t = p.type[p.mark];
  return p.leave(types.includes(t));
}

/** `NEWLINE !INDENT` after a ':' — the body is missing. */
function noBody(p: P): boolean {
  return p.expect(T.NEWLINE) >= 0 && !p.peek(T.INDENT);
}

function indentError(p: P, what: string, line: number): never {
  throw p.raise('IndentationError', `expected an indented block after ${what} on line ${line}`);
}

/** invalid_assignment */
export function invalidAssignment(p: P): unknown {
  p.enter();
  const mark = p.mark;
  let a: Expr | null;
  if ((a = invalidAnnAssignTarget(p)) && p.expect(T.COLON) >= 0 && expression(p))
    throw p.errorAt(a, `only single target (not ${exprName(a)}) can be annotated`);
  p.mark = mark;
  if ((a = starNamedExpression(p)) && p.expect(T.COMMA) >= 0) {
    p.enter(); // _loop0 of star_named_expressions
    let m = p.mark;
    while (starNamedExpressions(p)) m = p.mark;
    p.mark = m;
    p.leave(0);
    if (p.expect(T.COLON) >= 0 && expression(p))
      throw p.errorAt(a, 'only single target (not tuple) can be annotated');
  }
  p.mark = mark;
  if ((a = expression(p)) && p.expect(T.COLON) >= 0 && expression(p))
    throw p.errorAt(a, 'illegal target for annotation');
  p.mark = mark;
  targetsEqLoop(p);
  if ((a = starExpressions(p)) && p.expect(T.EQUAL) >= 0) return p.leave(raiseInvalidTarget(p, 'star', a));
  p.mark = mark;
  targetsEqLoop(p);
  if ((a = yieldExpr(p)) && p.expect(T.EQUAL) >= 0)
    throw p.errorAt(a, 'assignment to yield expression not possible');
  p.mark = mark;
  if ((a = starExpressions(p)) && augassign(p)) {
    p.enter(); // _tmp: yield_expr | star_expressions
    const m = p.mark;
    let v = yieldExpr(p);
    if (!v) {
      p.mark = m;
      v = starExpressions(p);
    }
    p.leave(0);
    if (v) throw p.errorAt(a, `'${exprName(a)}' is an illegal expression for augmented assignment`);
  }
  p.mark = mark;
  return p.leave(null);
}

/** `(star_targets '=')*` */
function targetsEqLoop(p: P): void {
  p.enter();
  let m = p.mark;
  for (;;) {
    p.enter();
    const s = p.mark;
    const ok = starTargets(p) !== null && p.expect(T.EQUAL) >= 0;
    if (!ok) p.mark = s;
    p.leave(0);
    if (!ok) break;
    m = p.mark;
  }
  p.mark = m;
  p.leave(0);
}

/** invalid_ann_assign_target: list | tuple | '(' invalid_ann_assign_target ')' */
function invalidAnnAssignTarget(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  let a = list(p);
  if (a) return p.leave(a);
  p.mark = mark;
  a = tuple(p);
  if (a) return p.leave(a);
  p.mark = mark;
  if (p.expect(T.LPAR) >= 0 && (a = invalidAnnAssignTarget(p)) && p.expect(T.RPAR) >= 0) return p.leave(a);
  p.mark = mark;
  return p.leave(null);
}

/** invalid_del_stmt: 'del' star_expressions */
export function invalidDelStmt(p: P): unknown {
  p.enter();
  const mark = p.mark;
  let a: Expr | null;
  if (p.expect(K.del) >= 0 && (a = starExpressions(p))) return p.leave(raiseInvalidTarget(p, 'del', a));
  p.mark = mark;
  return p.leave(null);
}

/** invalid_block: NEWLINE !INDENT */
export function invalidBlock(p: P): unknown {
  p.enter();
  const mark = p.mark;
  if (noBody(p)) throw p.raise('IndentationError', 'expected an indented block');
  p.mark = mark;
  return p.leave(null);
}

/** invalid_import_from_targets: import_from_as_names ',' NEWLINE */
export function invalidImportFromTargets(p: P): unknown {
  p.enter();
  const mark = p.mark;
  if (importFromAsNames(p) && p.expect(T.COMMA) >= 0 && p.expect(T.NEWLINE) >= 0)
    throw p.raise('SyntaxError', 'trailing comma not allowed without surrounding parentheses');
  p.mark = mark;
  return p.leave(null);
}

/** invalid_with_stmt: a with statement without its ':' */
export function invalidWithStmt(p: P): unknown {
  p.enter();
  const mark = p.mark;
  p.expect(T.ASYNC);
  if (p.expect(K.with) >= 0 && withItemsLoose(p, false) && p.expect(T.NEWLINE) >= 0)
    throw p.raise('SyntaxError', "expected ':'");
  p.mark = mark;
  p.expect(T.ASYNC);
  if (p.expect(K.with) >= 0 && p.expect(T.LPAR) >= 0 && withItemsLoose(p, true)) {
    p.expect(T.COMMA);
    if (p.expect(T.RPAR) >= 0 && p.expect(T.NEWLINE) >= 0) throw p.raise('SyntaxError', "expected ':'");
  }
  p.mark = mark;
  return p.leave(null);
}

/** invalid_with_stmt_indent */
export function invalidWithStmtIndent(p: P): unknown {
  p.enter();
  const mark = p.mark;
  let a: number;
  p.expect(T.ASYNC);
  if ((a = p.expect(K.with)) >= 0 && withItemsLoose(p, false) && p.expect(T.COLON) >= 0 && noBody(p))
    indentError(p, "'with' statement", p.lineno[a]);
  p.mark = mark;
  p.expect(T.ASYNC);
  if ((a = p.expect(K.with)) >= 0 && p.expect(T.LPAR) >= 0 && withItemsLoose(p, true)) {
    p.expect(T.COMMA);
    if (p.expect(T.RPAR) >= 0 && p.expect(T.COLON) >= 0 && noBody(p))
      indentError(p, "'with' statement", p.lineno[a]);
  }
  p.mark = mark;
  return p.leave(null);
}

/** invalid_try_stmt */
export function invalidTryStmt(p: P): unknown {
  p.enter();
  const mark = p.mark;
  let a: number, b: number;
  if ((a = p.expect(K.try)) >= 0 && p.expect(T.COLON) >= 0 && noBody(p))
    indentError(p, "'try' statement", p.lineno[a]);
  p.mark = mark;
  if (p.expect(K.try) >= 0 && p.expect(T.COLON) >= 0 && block(p) && !peekAny(p, K.except, K.finally))
    throw p.raise('SyntaxError', "expected 'except' or 'finally' block");
  p.mark = mark;
  if (p.expect(K.try) >= 0 && p.expect(T.COLON) >= 0) {
    blocksLoop(p);
    if (
      exceptLoop(p, false) &&
      (a = p.expect(K.except)) >= 0 &&
      (b = p.expect(T.STAR)) >= 0 &&
      expression(p)
    ) {
      asNameOpt(p);
      if (p.expect(T.COLON) >= 0)
        throw p.errorRange(
          p.tokPos(a),
          p.tokPos(b),
          "cannot have both 'except' and 'except*' on the same 'try'",
        );
    }
  }
  p.mark = mark;
  if (p.expect(K.try) >= 0 && p.expect(T.COLON) >= 0) {
    blocksLoop(p);
    if (exceptLoop(p, true) && (a = p.expect(K.except)) >= 0) {
      // [expression ['as' NAME]]
      p.enter();
      const m = p.mark;
      if (expression(p)) asNameOpt(p);
      else p.mark = m;
      p.leave(0);
      if (p.expect(T.COLON) >= 0)
        throw p.errorAtToken(a, "cannot have both 'except' and 'except*' on the same 'try'");
    }
  }
  p.mark = mark;
  return p.leave(null);
}

/** `block*` */
function blocksLoop(p: P): void {
  p.enter();
  let m = p.mark;
  while (block(p)) m = p.mark;
  p.mark = m;
  p.leave(0);
}

/** `['as' NAME]` (a _tmp) */
function asNameOpt(p: P): void {
  p.enter();
  const m = p.mark;
  if (!(p.expect(K.as) >= 0 && p.name())) p.mark = m;
  p.leave(0);
}

/** invalid_except_stmt */
export function invalidExceptStmt(p: P): unknown {
  p.enter();
  const mark = p.mark;
  let a: Expr | null;
  if (p.expect(K.except) >= 0) {
    p.expect(T.STAR);
    if ((a = expression(p)) && p.expect(T.COMMA) >= 0 && expressions(p)) {
      asNameOpt(p);
      if (p.expect(T.COLON) >= 0) throw p.errorFrom(a, 'multiple exception types must be parenthesized');
    }
  }
  p.mark = mark;
  if (p.expect(K.except) >= 0) {
    p.expect(T.STAR);
    if (expression(p)) {
      asNameOpt(p);
      if (p.expect(T.NEWLINE) >= 0) throw p.raise('SyntaxError', "expected ':'");
    }
  }
  p.mark = mark;
  if (p.expect(K.except) >= 0 && p.expect(T.NEWLINE) >= 0) throw p.raise('SyntaxError', "expected ':'");
  p.mark = mark;
  if (p.expect(K.except) >= 0 && p.expect(T.STAR) >= 0 && peekAnyConsume(p, T.NEWLINE, T.COLON))
    throw p.raise('SyntaxError', 'expected one or more exception types');
  p.mark = mark;
  return p.leave(null);
}

/** A (A | B) group that consumes the token it matches. */
function peekAnyConsume(p: P, ...types: number[]): boolean {
  p.enter();
  p.ensure();
  const ok = types.includes(p.type[p.mark]);
  if (ok) p.mark++;
  return p.leave(ok);
}

/** invalid_finally_stmt */
export function invalidFinallyStmt(p: P): unknown {
  p.enter();
  const mark = p.mark;
  let a: number;
  if ((a = p.expect(K.finally)) >= 0 && p.expect(T.COLON) >= 0 && noBody(p))
    indentError(p, "'finally' statement", p.lineno[a]);
  p.mark = mark;
  return p.leave(null);
}

/** invalid_except_stmt_indent */
export function invalidExceptStmtIndent(p: P): unknown {
  p.enter();
  const mark = p.mark;
  let a: number;
  if ((a = p.expect(K.except)) >= 0 && expression(p)) {
    asNameOpt(p);
    if (p.expect(T.COLON) >= 0 && noBody(p)) indentError(p, "'except' statement", p.lineno[a]);
  }
  p.mark = mark;
  if ((a = p.expect(K.except)) >= 0 && p.expect(T.COLON) >= 0 && noBody(p))
    indentError(p, "'except' statement", p.lineno[a]);
  p.mark = mark;
  return p.leave(null);
}

/** invalid_except_star_stmt_indent */
export function invalidExceptStarStmtIndent(p: P): unknown {
  p.enter();
  const mark = p.mark;
  let a: number;
  if ((a = p.expect(K.except)) >= 0 && p.expect(T.STAR) >= 0 && expression(p)) {
    asNameOpt(p);
    if (p.expect(T.COLON) >= 0 && noBody(p)) indentError(p, "'except*' statement", p.lineno[a]);
  }
  p.mark = mark;
  return p.leave(null);
}

/** invalid_match_stmt */
export function invalidMatchStmt(p: P): unknown {
  p.enter();
  const mark = p.mark;
  if (p.expectSoftKeyword('match') && subjectExpr(p) && p.expect(T.NEWLINE) >= 0)
    throw p.raise('SyntaxError', "expected ':'");
  p.mark = mark;
  let a: Expr | null;
  if ((a = p.expectSoftKeyword('match')) && subjectExpr(p) && p.expect(T.COLON) >= 0 && noBody(p))
    indentError(p, "'match' statement", a.line);
  p.mark = mark;
  return p.leave(null);
}

/** invalid_case_block */
export function invalidCaseBlock(p: P): unknown {
  p.enter();
  const mark = p.mark;
  if (p.expectSoftKeyword('case') && patterns(p)) {
    guard(p);
    if (p.expect(T.NEWLINE) >= 0) throw p.raise('SyntaxError', "expected ':'");
  }
  p.mark = mark;
  let a: Expr | null;
  if ((a = p.expectSoftKeyword('case')) && patterns(p)) {
    guard(p);
    if (p.expect(T.COLON) >= 0 && noBody(p)) indentError(p, "'case' statement", a.line);
  }
  p.mark = mark;
  return p.leave(null);
}

/** invalid_as_pattern */
export function invalidAsPattern(p: P): unknown {
  p.enter();
  const mark = p.mark;
  let a: Expr | null;
  if (orPattern(p) && p.expect(K.as) >= 0 && (a = p.expectSoftKeyword('_')))
    throw p.errorAt(a, "cannot use '_' as a target");
  p.mark = mark;
  if (orPattern(p) && p.expect(K.as) >= 0) {
    const m = p.mark;
    const isName = p.expect(T.NAME) >= 0;
    p.mark = m;
    if (!isName && (a = expression(p))) throw p.errorAt(a, 'invalid pattern target');
  }
  p.mark = mark;
  return p.leave(null);
}

/** invalid_class_pattern: name_or_attr '(' invalid_class_argument_pattern */
export function invalidClassPattern(p: P): unknown {
  p.enter();
  const mark = p.mark;
  let a: Pattern[] | null;
  if (nameOrAttr(p) && p.expect(T.LPAR) >= 0 && (a = invalidClassArgumentPattern(p)))
    throw p.errorRange(a[0], a[a.length - 1], 'positional patterns follow keyword patterns');
  p.mark = mark;
  return p.leave(null);
}

/** invalid_class_argument_pattern: [positional_patterns ','] keyword_patterns ',' positional_patterns */
function invalidClassArgumentPattern(p: P): Pattern[] | null {
  p.enter();
  const mark = p.mark;
  p.enter(); // _tmp
  const m = p.mark;
  if (!(positionalPatterns(p) && p.expect(T.COMMA) >= 0)) p.mark = m;
  p.leave(0);
  let a: Pattern[] | null;
  if (keywordPatterns(p) && p.expect(T.COMMA) >= 0 && (a = positionalPatterns(p))) return p.leave(a);
  p.mark = mark;
  return p.leave(null);
}

/** invalid_if_stmt / invalid_elif_stmt / invalid_while_stmt */
function invalidCondStmt(p: P, kw: number, what: string): unknown {
  p.enter();
  const mark = p.mark;
  if (p.expect(kw) >= 0 && namedExpression(p) && p.expect(T.NEWLINE) >= 0)
    throw p.raise('SyntaxError', "expected ':'");
  p.mark = mark;
  let a: number;
  if ((a = p.expect(kw)) >= 0 && namedExpression(p) && p.expect(T.COLON) >= 0 && noBody(p))
    indentError(p, what, p.lineno[a]);
  p.mark = mark;
  return p.leave(null);
}

export const invalidIfStmt = (p: P): unknown => invalidCondStmt(p, K.if, "'if' statement");
export const invalidElifStmt = (p: P): unknown => invalidCondStmt(p, K.elif, "'elif' statement");
export const invalidWhileStmt = (p: P): unknown => invalidCondStmt(p, K.while, "'while' statement");

/** invalid_else_stmt */
export function invalidElseStmt(p: P): unknown {
  p.enter();
  const mark = p.mark;
  let a: number;
  if ((a = p.expect(K.else)) >= 0 && p.expect(T.COLON) >= 0 && noBody(p))
    indentError(p, "'else' statement", p.lineno[a]);
  p.mark = mark;
  return p.leave(null);
}

/** invalid_for_stmt */
export function invalidForStmt(p: P): unknown {
  p.enter();
  const mark = p.mark;
  p.expect(T.ASYNC);
  if (
    p.expect(K.for) >= 0 &&
    starTargets(p) &&
    p.expect(K.in) >= 0 &&
    starExpressions(p) &&
    p.expect(T.NEWLINE) >= 0
  )
    throw p.raise('SyntaxError', "expected ':'");
  p.mark = mark;
  p.expect(T.ASYNC);
  let a: number;
  if (
    (a = p.expect(K.for)) >= 0 &&
    starTargets(p) &&
    p.expect(K.in) >= 0 &&
    starExpressions(p) &&
    p.expect(T.COLON) >= 0 &&
    noBody(p)
  )
    indentError(p, "'for' statement", p.lineno[a]);
  p.mark = mark;
  return p.leave(null);
}

/** invalid_def_raw */
export function invalidDefRaw(p: P): unknown {
  p.enter();
  const mark = p.mark;
  p.expect(T.ASYNC);
  let a: number;
  if ((a = p.expect(K.def)) >= 0 && p.name() && p.expect(T.LPAR) >= 0) {
    params(p);
    if (p.expect(T.RPAR) >= 0) {
      p.enter(); // ['->' expression]
      const m = p.mark;
      if (!(p.expect(T.RARROW) >= 0 && expression(p))) p.mark = m;
      p.leave(0);
      if (p.expect(T.COLON) >= 0 && noBody(p)) indentError(p, 'function definition', p.lineno[a]);
    }
  }
  p.mark = mark;
  return p.leave(null);
}

/** invalid_class_def_raw */
export function invalidClassDefRaw(p: P): unknown {
  p.enter();
  const mark = p.mark;
  if (p.expect(K.class) >= 0 && p.name()) {
    optArguments(p);
    if (p.expect(T.NEWLINE) >= 0) throw p.raise('SyntaxError', "expected ':'");
  }
  p.mark = mark;
  let a: number;
  if ((a = p.expect(K.class)) >= 0 && p.name()) {
    optArguments(p);
    if (p.expect(T.COLON) >= 0 && noBody(p)) indentError(p, 'class definition', p.lineno[a]);
  }
  p.mark = mark;
  return p.leave(null);
}

/** ['(' [arguments] ')'] */
function optArguments(p: P): void {
  p.enter();
  const m = p.mark;
  let ok = false;
  if (p.expect(T.LPAR) >= 0) {
    argumentsRule(p);
    ok = p.expect(T.RPAR) >= 0;
  }
  if (!ok) p.mark = m;
  p.leave(0);
}

/** invalid_with_item: expression 'as' expression &(',' | ')' | ':') */
export function invalidWithItem(p: P): unknown {
  p.enter();
  const mark = p.mark;
  let a: Expr | null;
  if (expression(p) && p.expect(K.as) >= 0 && (a = expression(p)) && peekAny(p, T.COMMA, T.RPAR, T.COLON))
    return p.leave(raiseInvalidTarget(p, 'star', a));
  p.mark = mark;
  return p.leave(null);
}

/** invalid_double_type_comments: never matches (the tokenizer makes no TYPE_COMMENT tokens). */
export function invalidDoubleTypeComments(p: P): unknown {
  p.enter();
  p.ensure();
  return p.leave(null);
}

/** `','.(expression ['as' star_target])+` (or `expressions` inside parentheses). */
function withItemsLoose(p: P, paren: boolean): boolean {
  return gather(p, (q) => looseItem(q, paren)) !== null;
}

function looseItem(p: P, paren: boolean): true | null {
  p.enter(); // _tmp
  const mark = p.mark;
  if (!(paren ? expressions(p) : expression(p))) {
    p.mark = mark;
    return p.leave(null);
  }
  p.enter(); // ['as' star_target]
  const m = p.mark;
  if (!(p.expect(K.as) >= 0 && starTargetOnly(p))) p.mark = m;
  p.leave(0);
  return p.leave(true);
}
