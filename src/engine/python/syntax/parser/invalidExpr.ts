import type { Comprehension, Expr, ExprOf } from '../ast';
import * as T from '../tokens';
import {
  exprName,
  invalidTarget,
  isLegacyStmt,
  lastComprehensionItem,
  type KeywordOrStarred,
  type TargetsType,
} from './actions';
import { doubleStarredKvpair, forIfClauses, genexp, list, tuple } from './atoms';
import { args, kwargs, positionalArg } from './calls';
import type { Parser as P } from './core';
import {
  bitwiseOr,
  disjunction,
  expression,
  expressionWithoutInvalid,
  gather,
  starExpressions,
  starNamedExpression,
  starNamedExpressions,
  starredExpression,
} from './expressions';
import { R } from './rules';

/**
 * The invalid_* rules about expressions (Grammar/python.gram, second pass only). Each returns
 * null when it does not apply; when it applies it throws the specialised SyntaxError.
 * A rule whose action yields NULL without raising still ends the rule (`goto done` in C): later
 * alternatives are not tried, as in CPython.
 */

/** RAISE_SYNTAX_ERROR_INVALID_TARGET: null when every part can be a target. */
export function raiseInvalidTarget(p: P, type: TargetsType, e: Expr | null): null {
  const t = invalidTarget(e, type);
  if (t) throw p.errorAt(t, `${type === 'del' ? 'cannot delete' : 'cannot assign to'} ${exprName(t)}`);
  return null;
}

/** A lookahead on a group of tokens (a _tmp rule). */
function peekAny(p: P, ...types: number[]): boolean {
  p.enter();
  p.ensure();
  const t = p.type[p.mark];
  return p.leave(types.includes(t));
}

/** invalid_arguments */
export function invalidArguments(p: P): unknown {
  p.enter();
  const mark = p.mark;
  let a: ExprOf<'Call'> | null, e: Expr | null, b: Comprehension[] | null;
  let star: number;
  // ((','.positional+ ',' kwargs) | kwargs) ',' '*'   (3.11.7: keyword arguments, then a '*')
  p.enter();
  let kw = gather(p, positionalArg) !== null && p.expect(T.COMMA) >= 0 && kwargs(p) !== null;
  if (!kw) {
    p.mark = mark;
    kw = kwargs(p) !== null;
  }
  if (!kw) p.mark = mark;
  p.leave(0);
  if (kw && p.expect(T.COMMA) >= 0 && (star = p.expect(T.STAR)) >= 0)
    throw p.errorAtToken(star, 'iterable argument unpacking follows keyword argument unpacking');
  p.mark = mark;
  if ((e = expression(p)) && (b = forIfClauses(p)) && p.expect(T.COMMA) >= 0) {
    // [args | expression for_if_clauses]: an optional _tmp
    p.enter();
    const m = p.mark;
    if (!args(p)) {
      p.mark = m;
      if (!(expression(p) && forIfClauses(p))) p.mark = m;
    }
    p.leave(0);
    throw p.errorRange(
      e,
      lastComprehensionItem(b[b.length - 1]),
      'Generator expression must be parenthesized',
    );
  }
  p.mark = mark;
  let n: Expr | null;
  let eq: number;
  if ((n = p.name()) && (eq = p.expect(T.EQUAL)) >= 0 && expression(p) && forIfClauses(p))
    throw p.errorRange(n, p.tokPos(eq), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
  p.mark = mark;
  if ((a = args(p)) && (b = forIfClauses(p))) {
    // _PyPegen_nonparen_genexp_in_call
    if (a.args.length <= 1) return p.leave(null);
    throw p.errorRange(
      a.args[a.args.length - 1],
      lastComprehensionItem(b[b.length - 1]),
      'Generator expression must be parenthesized',
    );
  }
  p.mark = mark;
  if (args(p) && p.expect(T.COMMA) >= 0 && (e = expression(p)) && (b = forIfClauses(p)))
    throw p.errorRange(
      e,
      lastComprehensionItem(b[b.length - 1]),
      'Generator expression must be parenthesized',
    );
  p.mark = mark;
  if ((a = args(p)) && p.expect(T.COMMA) >= 0 && args(p)) {
    // _PyPegen_arguments_parsing_error
    const unpacking = a.keywords.some((k) => k.arg === null);
    throw p.raise(
      'SyntaxError',
      unpacking
        ? 'positional argument follows keyword argument unpacking'
        : 'positional argument follows keyword argument',
    );
  }
  p.mark = mark;
  return p.leave(null);
}

/** invalid_kwarg */
export function invalidKwarg(p: P): KeywordOrStarred | null {
  p.enter();
  const mark = p.mark;
  p.enter(); // _tmp: 'True' | 'False' | 'None'
  p.ensure();
  const t0 = p.type[p.mark];
  const isConst = t0 === T.KW.True || t0 === T.KW.False || t0 === T.KW.None;
  p.leave(0);
  let eq: number;
  if (isConst) {
    const a = p.mark++;
    if ((eq = p.expect(T.EQUAL)) >= 0)
      throw p.errorRange(p.tokPos(a), p.tokPos(eq), `cannot assign to ${p.text(a)}`);
  }
  p.mark = mark;
  let n: Expr | null;
  if ((n = p.name()) && (eq = p.expect(T.EQUAL)) >= 0 && expression(p) && forIfClauses(p))
    throw p.errorRange(n, p.tokPos(eq), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
  p.mark = mark;
  // !(NAME '=') expression '='
  p.enter();
  const isNameEq = p.name() !== null && p.expect(T.EQUAL) >= 0;
  p.mark = mark;
  p.leave(0);
  let a: Expr | null;
  if (!isNameEq && (a = expression(p)) && (eq = p.expect(T.EQUAL)) >= 0)
    throw p.errorRange(a, p.tokPos(eq), 'expression cannot contain assignment, perhaps you meant "=="?');
  p.mark = mark;
  return p.leave(null);
}

/** invalid_legacy_expression: `print x` and `exec x` */
export function invalidLegacyExpression(p: P): unknown {
  p.enter();
  const mark = p.mark;
  let a: Expr | null, b: Expr | null;
  if ((a = p.name()) && !p.peek(T.LPAR) && (b = starExpressions(p))) {
    if (isLegacyStmt(a)) {
      const id = (a as { id: string }).id;
      throw p.errorRange(a, b, `Missing parentheses in call to '${id}'. Did you mean ${id}(...)?`);
    }
    return p.leave(null);
  }
  p.mark = mark;
  return p.leave(null);
}

/** invalid_expression: a missing comma, or a conditional expression without 'else' */
export function invalidExpression(p: P): unknown {
  p.enter();
  const mark = p.mark;
  // !(NAME STRING | SOFT_KEYWORD)
  p.enter();
  let ahead = p.expect(T.NAME) >= 0 && p.expect(T.STRING) >= 0;
  if (!ahead) {
    p.mark = mark;
    ahead = p.softKeywordToken() >= 0;
  }
  p.mark = mark;
  p.leave(0);
  let a: Expr | null, b: Expr | null;
  if (!ahead && (a = disjunction(p)) && (b = expressionWithoutInvalid(p))) {
    if (isLegacyStmt(a) || p.tokLevel[p.mark - 1] === 0) return p.leave(null);
    throw p.errorRange(a, b, 'invalid syntax. Perhaps you forgot a comma?');
  }
  p.mark = mark;
  if (
    (a = disjunction(p)) &&
    p.expect(T.KW.if) >= 0 &&
    (b = disjunction(p)) &&
    !peekAny(p, T.KW.else, T.COLON)
  )
    throw p.errorRange(a, b, "expected 'else' after 'if' expression");
  p.mark = mark;
  return p.leave(null);
}

/** invalid_named_expression (memo) */
export function invalidNamedExpression(p: P): unknown {
  p.enter();
  if (p.memoized(R.invalid_named_expression)) return p.leave(p.memoNode);
  const mark = p.mark;
  let a: Expr | null, b: Expr | null;
  if ((a = expression(p)) && p.expect(T.COLONEQUAL) >= 0 && expression(p))
    throw p.errorAt(a, `cannot use assignment expressions with ${exprName(a)}`);
  p.mark = mark;
  if ((a = p.name()) && p.expect(T.EQUAL) >= 0 && (b = bitwiseOr(p)) && !peekAny(p, T.EQUAL, T.COLONEQUAL))
    throw p.errorRange(a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
  p.mark = mark;
  // !(list|tuple|genexp|'True'|'None'|'False') bitwise_or '=' bitwise_or !('='|':=')
  if (
    !excludedAssignTarget(p) &&
    (a = bitwiseOr(p)) &&
    p.expect(T.EQUAL) >= 0 &&
    bitwiseOr(p) &&
    !peekAny(p, T.EQUAL, T.COLONEQUAL)
  )
    throw p.errorAt(a, `cannot assign to ${exprName(a)} here. Maybe you meant '==' instead of '='?`);
  p.mark = mark;
  p.insertMemo(mark, R.invalid_named_expression, null);
  return p.leave(null);
}

/** The lookahead group (list|tuple|genexp|'True'|'None'|'False'): parses, then puts the mark back. */
function excludedAssignTarget(p: P): boolean {
  const mark = p.mark;
  p.enter();
  let r = list(p) !== null;
  if (!r) {
    p.mark = mark;
    r = tuple(p) !== null;
  }
  if (!r) {
    p.mark = mark;
    r = genexp(p) !== null;
  }
  if (!r) {
    p.mark = mark;
    p.ensure();
    const t = p.type[mark];
    r = t === T.KW.True || t === T.KW.None || t === T.KW.False;
  }
  p.mark = mark;
  p.leave(0);
  return r;
}

/** invalid_comprehension */
export function invalidComprehension(p: P): unknown {
  p.enter();
  const mark = p.mark;
  let a: Expr | null, b: Expr[] | null;
  let comma: number;
  if (openBracket(p, true) && (a = starredExpression(p)) && forIfClauses(p))
    throw p.errorAt(a, 'iterable unpacking cannot be used in comprehension');
  p.mark = mark;
  if (
    openBracket(p, false) &&
    (a = starNamedExpression(p)) &&
    p.expect(T.COMMA) >= 0 &&
    (b = starNamedExpressions(p)) &&
    forIfClauses(p)
  )
    throw p.errorRange(a, b[b.length - 1], 'did you forget parentheses around the comprehension target?');
  p.mark = mark;
  if (
    openBracket(p, false) &&
    (a = starNamedExpression(p)) &&
    (comma = p.expect(T.COMMA)) >= 0 &&
    forIfClauses(p)
  )
    throw p.errorRange(a, p.tokPos(comma), 'did you forget parentheses around the comprehension target?');
  p.mark = mark;
  return p.leave(null);
}

/** ('[' | '(' | '{') or ('[' | '{') as a _tmp group */
function openBracket(p: P, paren: boolean): boolean {
  p.enter();
  p.ensure();
  const t = p.type[p.mark];
  const ok = t === T.LSQB || t === T.LBRACE || (paren && t === T.LPAR);
  if (ok) p.mark++;
  return p.leave(ok);
}

/** invalid_dict_comprehension: '{' '**' bitwise_or for_if_clauses '}' */
export function invalidDictComprehension(p: P): unknown {
  p.enter();
  const mark = p.mark;
  let a: number;
  if (
    p.expect(T.LBRACE) >= 0 &&
    (a = p.expect(T.DOUBLESTAR)) >= 0 &&
    bitwiseOr(p) &&
    forIfClauses(p) &&
    p.expect(T.RBRACE) >= 0
  )
    throw p.errorAtToken(a, 'dict unpacking cannot be used in dict comprehension');
  p.mark = mark;
  return p.leave(null);
}

/** invalid_group: '(' starred_expression ')' | '(' '**' expression ')' */
export function invalidGroup(p: P): unknown {
  p.enter();
  const mark = p.mark;
  let a: Expr | null;
  if (p.expect(T.LPAR) >= 0 && (a = starredExpression(p)) && p.expect(T.RPAR) >= 0)
    throw p.errorAt(a, 'cannot use starred expression here');
  p.mark = mark;
  let t: number;
  if (p.expect(T.LPAR) >= 0 && (t = p.expect(T.DOUBLESTAR)) >= 0 && expression(p) && p.expect(T.RPAR) >= 0)
    throw p.errorAtToken(t, 'cannot use double starred expression here');
  p.mark = mark;
  return p.leave(null);
}

/** invalid_for_target: ASYNC? 'for' star_expressions */
export function invalidForTarget(p: P): unknown {
  p.enter();
  const mark = p.mark;
  p.expect(T.ASYNC);
  let a: Expr | null;
  if (p.expect(T.KW.for) >= 0 && (a = starExpressions(p))) return p.leave(raiseInvalidTarget(p, 'for', a));
  p.mark = mark;
  return p.leave(null);
}

/** invalid_double_starred_kvpairs */
export function invalidDoubleStarredKvpairs(p: P): unknown {
  p.enter();
  const mark = p.mark;
  if (gather(p, doubleStarredKvpair) && p.expect(T.COMMA) >= 0 && invalidKvpair(p)) return p.leave(true);
  p.mark = mark;
  let t: number;
  if (expression(p) && p.expect(T.COLON) >= 0 && (t = p.expect(T.STAR)) >= 0 && bitwiseOr(p))
    throw p.errorFrom(p.tokPos(t), 'cannot use a starred expression in a dictionary value');
  p.mark = mark;
  if (expression(p) && (t = p.expect(T.COLON)) >= 0 && peekAny(p, T.RBRACE, T.COMMA))
    throw p.errorAtToken(t, "expression expected after dictionary key and ':'");
  p.mark = mark;
  return p.leave(null);
}

/** invalid_kvpair */
function invalidKvpair(p: P): unknown {
  p.enter();
  const mark = p.mark;
  let a: Expr | null;
  if ((a = expression(p)) && !p.peek(T.COLON))
    throw p.knownLocation(
      'SyntaxError',
      a.line,
      a.endCol - 1,
      a.endLine,
      -1,
      "':' expected after dictionary key",
    );
  p.mark = mark;
  let t: number;
  if (expression(p) && p.expect(T.COLON) >= 0 && (t = p.expect(T.STAR)) >= 0 && bitwiseOr(p))
    throw p.errorFrom(p.tokPos(t), 'cannot use a starred expression in a dictionary value');
  p.mark = mark;
  if (expression(p) && (t = p.expect(T.COLON)) >= 0 && peekAny(p, T.RBRACE, T.COMMA))
    throw p.errorAtToken(t, "expression expected after dictionary key and ':'");
  p.mark = mark;
  return p.leave(null);
}
