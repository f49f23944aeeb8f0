import type { Expr, ExprOf } from '../ast';
import * as T from '../tokens';
import { callFromKwargs, collectCallSeqs, type KeywordOrStarred } from './actions';
import type { Parser as P } from './core';
import { assignmentExpression, expression, gather, starredExpression } from './expressions';
import { invalidArguments, invalidKwarg } from './invalidExpr';
import { R } from './rules';

/** arguments (memo): args [','] &')' | invalid_arguments */
export function argumentsRule(p: P): ExprOf<'Call'> | null {
  p.enter();
  if (p.memoized(R.arguments)) return p.leave(p.memoNode as ExprOf<'Call'> | null);
  const mark = p.mark;
  let res: ExprOf<'Call'> | null = null;
  const a = args(p);
  if (a) {
    p.expect(T.COMMA);
    if (p.peek(T.RPAR)) res = a;
  }
  if (!res) {
    p.mark = mark;
    if (p.callInvalidRules) {
      const r = invalidArguments(p);
      if (r) res = r as ExprOf<'Call'>;
      else p.mark = mark;
    }
  }
  p.insertMemo(mark, R.arguments, res);
  return p.leave(res);
}

/**
 * args: ','.(starred_expression | (assignment_expression | expression !':=') !'=')+ [',' kwargs]
 *     | kwargs
 */
export function args(p: P): ExprOf<'Call'> | null {
  p.enter();
  const mark = p.mark;
  const a = gather(p, positionalArg);
  if (a) {
    p.enter(); // _tmp: ',' kwargs
    const m = p.mark;
    let b: KeywordOrStarred[] | null = null;
    if (p.expect(T.COMMA) >= 0) b = kwargs(p);
    if (!b) p.mark = m;
    p.leave(0);
    return p.leave(collectCallSeqs(a, b, p.pos(mark)));
  }
  p.mark = mark;
  const k = kwargs(p);
  if (k) return p.leave(callFromKwargs(k, p.pos(mark)));
  p.mark = mark;
  return p.leave(null);
}

export function positionalArg(p: P): Expr | null {
  p.enter(); // _tmp: starred_expression | (...) !'='
  const mark = p.mark;
  const s = starredExpression(p);
  if (s) return p.leave(s);
  p.mark = mark;
  p.enter(); // _tmp: assignment_expression | expression !':='
  let e = assignmentExpression(p);
  if (!e) {
    p.mark = mark;
    e = expression(p);
    if (e && p.peek(T.COLONEQUAL)) e = null;
  }
  if (!e) p.mark = mark;
  p.leave(0);
  if (e && !p.peek(T.EQUAL)) return p.leave(e);
  p.mark = mark;
  return p.leave(null);
}

/** kwargs: ','.kwarg_or_starred+ ',' ','.kwarg_or_double_starred+ | ','.kwarg_or_starred+ | ','.kwarg_or_double_starred+ */
export function kwargs(p: P): KeywordOrStarred[] | null {
  p.enter();
  const mark = p.mark;
  const a = gather(p, kwargOrStarred);
  let b: KeywordOrStarred[] | null;
  if (a && p.expect(T.COMMA) >= 0 && (b = gather(p, kwargOrDoubleStarred))) return p.leave([...a, ...b]);
  p.mark = mark;
  const a2 = gather(p, kwargOrStarred);
  if (a2) return p.leave(a2);
  p.mark = mark;
  const a3 = gather(p, kwargOrDoubleStarred);
  if (a3) return p.leave(a3);
  p.mark = mark;
  return p.leave(null);
}

/** kwarg_or_starred: invalid_kwarg | NAME '=' expression | starred_expression */
function kwargOrStarred(p: P): KeywordOrStarred | null {
  p.enter();
  const mark = p.mark;
  if (p.callInvalidRules) {
    const r = invalidKwarg(p);
    if (r) return p.leave(r as KeywordOrStarred);
    p.mark = mark;
  }
  const kw = nameEqualsExpression(p, mark);
  if (kw) return p.leave(kw);
  p.mark = mark;
  const s = starredExpression(p);
  if (s) return p.leave({ element: s, isKeyword: false });
  p.mark = mark;
  return p.leave(null);
}

/** kwarg_or_double_starred: invalid_kwarg | NAME '=' expression | '**' expression */
function kwargOrDoubleStarred(p: P): KeywordOrStarred | null {
  p.enter();
  const mark = p.mark;
  if (p.callInvalidRules) {
    const r = invalidKwarg(p);
    if (r) return p.leave(r as KeywordOrStarred);
    p.mark = mark;
  }
  const kw = nameEqualsExpression(p, mark);
  if (kw) return p.leave(kw);
  p.mark = mark;
  let a: Expr | null;
  if (p.expect(T.DOUBLESTAR) >= 0 && (a = expression(p)))
    return p.leave({ element: p.at({ arg: null, value: a }, mark), isKeyword: true });
  p.mark = mark;
  return p.leave(null);
}

function nameEqualsExpression(p: P, mark: number): KeywordOrStarred | null {
  const a = p.expect(T.NAME);
  let b: Expr | null;
  if (a >= 0 && p.expect(T.EQUAL) >= 0 && (b = expression(p)))
    return { element: p.at({ arg: p.identifier(a), value: b }, mark), isKeyword: true };
  return null;
}
