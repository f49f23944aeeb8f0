import type { Expr } from '../ast';
import * as T from '../tokens';
import { setExprContext } from './actions';
import { atom, genexp, lambdef } from './atoms';
import { argumentsRule } from './calls';
import type { Parser as P } from './core';
import { invalidExpression, invalidLegacyExpression, invalidNamedExpression } from './invalidExpr';
import { R } from './rules';
import { expression, factor, inversion, rules } from './chains';
import { bitwiseOr, bitwiseXor, comparison, sum } from './operators';

export { expression, factor, inversion, bitwiseOr, bitwiseXor, comparison, sum };

const K = T.KW;

/** expressions: expression (',' expression)+ [','] | expression ',' | expression */
export function expressions(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  const a = expression(p);
  if (a) {
    const b = commaLoop1(p, expression);
    if (b) {
      p.expect(T.COMMA);
      return p.leave(p.ex({ k: 'Tuple', elts: [a, ...b], ctx: 'load' }, mark));
    }
  }
  p.mark = mark;
  const a2 = expression(p);
  if (a2 && p.expect(T.COMMA) >= 0) return p.leave(p.ex({ k: 'Tuple', elts: [a2], ctx: 'load' }, mark));
  p.mark = mark;
  const e = expression(p);
  if (!e) p.mark = mark;
  return p.leave(e);
}

/** `(',' x)+` as a _loop1 over a _tmp group: levels as the generated helpers count them. */
export function commaLoop1(p: P, rule: (p: P) => Expr | null): Expr[] | null {
  p.enter();
  let out: Expr[] | null = null;
  let m = p.mark;
  for (;;) {
    p.enter();
    let c: Expr | null = null;
    if (p.expect(T.COMMA) >= 0) c = rule(p);
    p.leave(0);
    if (!c) break;
    (out ??= []).push(c);
    m = p.mark;
  }
  p.mark = m;
  return p.leave(out);
}

/** `a=disjunction 'if' b=disjunction 'else' c=expression` (shared with expression_without_invalid). */
export function ifExp(p: P, mark: number): Expr | null {
  let a: Expr | null, b: Expr | null, c: Expr | null;
  if (
    (a = disjunction(p)) &&
    p.expect(K.if) >= 0 &&
    (b = disjunction(p)) &&
    p.expect(K.else) >= 0 &&
    (c = expression(p))
  )
    return p.ex({ k: 'IfExp', test: b, body: a, orelse: c }, mark);
  return null;
}

/** expression_without_invalid: expression's alternatives with the invalid rules off beneath it. */
export function expressionWithoutInvalid(p: P): Expr | null {
  p.enter();
  const saved = p.callInvalidRules;
  p.callInvalidRules = false;
  const mark = p.mark;
  let res = ifExp(p, mark);
  if (!res) {
    p.mark = mark;
    res = disjunction(p);
  }
  if (!res) {
    p.mark = mark;
    res = lambdef(p);
  }
  if (!res) p.mark = mark;
  p.callInvalidRules = saved;
  return p.leave(res);
}

/** yield_expr: 'yield' 'from' expression | 'yield' [star_expressions] */
export function yieldExpr(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  let a: Expr | null;
  if (p.expect(K.yield) >= 0 && p.expect(K.from) >= 0 && (a = expression(p)))
    return p.leave(p.ex({ k: 'YieldFrom', value: a }, mark));
  p.mark = mark;
  if (p.expect(K.yield) >= 0) {
    const v = starExpressions(p);
    return p.leave(p.ex({ k: 'Yield', value: v }, mark));
  }
  p.mark = mark;
  return p.leave(null);
}

/** star_expressions: like expressions, over star_expression. */
export function starExpressions(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  const a = starExpression(p);
  if (a) {
    const b = commaLoop1(p, starExpression);
    if (b) {
      p.expect(T.COMMA);
      return p.leave(p.ex({ k: 'Tuple', elts: [a, ...b], ctx: 'load' }, mark));
    }
  }
  p.mark = mark;
  const a2 = starExpression(p);
  if (a2 && p.expect(T.COMMA) >= 0) return p.leave(p.ex({ k: 'Tuple', elts: [a2], ctx: 'load' }, mark));
  p.mark = mark;
  const e = starExpression(p);
  if (!e) p.mark = mark;
  return p.leave(e);
}

/** star_expression (memo): '*' bitwise_or | expression */
export function starExpression(p: P): Expr | null {
  p.enter();
  if (p.memoized(R.star_expression)) return p.leave(p.memoNode as Expr | null);
  const mark = p.mark;
  let res: Expr | null;
  let a: Expr | null;
  if (p.expect(T.STAR) >= 0 && (a = bitwiseOr(p))) res = p.ex({ k: 'Starred', value: a, ctx: 'load' }, mark);
  else {
    p.mark = mark;
    res = expression(p);
    if (!res) p.mark = mark;
  }
  p.insertMemo(mark, R.star_expression, res);
  return p.leave(res);
}

/** star_named_expressions: ','.star_named_expression+ [','] */
export function starNamedExpressions(p: P): Expr[] | null {
  p.enter();
  const mark = p.mark;
  const a = gather(p, starNamedExpression);
  if (a) {
    p.expect(T.COMMA);
    return p.leave(a);
  }
  p.mark = mark;
  return p.leave(null);
}

/** `sep.elem+` as _gather + _loop0. */
export function gather<X>(p: P, elem: (p: P) => X | null, sep = T.COMMA): X[] | null {
  p.enter();
  const mark = p.mark;
  const first = elem(p);
  if (first === null) {
    p.mark = mark;
    return p.leave(null);
  }
  p.enter();
  const out = [first];
  let m = p.mark;
  while (p.expect(sep) >= 0) {
    const e = elem(p);
    if (e === null) break;
    out.push(e);
    m = p.mark;
  }
  p.mark = m;
  p.leave(0);
  return p.leave(out);
}

/** star_named_expression: '*' bitwise_or | named_expression */
export function starNamedExpression(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  let a: Expr | null;
  if (p.expect(T.STAR) >= 0 && (a = bitwiseOr(p)))
    return p.leave(p.ex({ k: 'Starred', value: a, ctx: 'load' }, mark));
  p.mark = mark;
  const e = namedExpression(p);
  if (!e) p.mark = mark;
  return p.leave(e);
}

/** assignment_expression: NAME ':=' ~ expression */
export function assignmentExpression(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  const a = p.expect(T.NAME);
  if (a >= 0 && p.expect(T.COLONEQUAL) >= 0) {
    // The cut: once ':=' is seen, no other alternative is tried.
    const b = expression(p);
    if (b)
      return p.leave(
        p.ex({ k: 'NamedExpr', target: setExprContext(p.nameNode(a), 'store'), value: b }, mark),
      );
    p.mark = mark;
    return p.leave(null);
  }
  p.mark = mark;
  return p.leave(null);
}

/** named_expression: assignment_expression | invalid_named_expression | expression !':=' */
export function namedExpression(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  const a = assignmentExpression(p);
  if (a) return p.leave(a);
  p.mark = mark;
  if (p.callInvalidRules) {
    const r = invalidNamedExpression(p);
    if (r) return p.leave(r as Expr);
    p.mark = mark;
  }
  const e = expression(p);
  if (e && !p.peek(T.COLONEQUAL)) return p.leave(e);
  p.mark = mark;
  return p.leave(null);
}

/**
 * disjunction (memo): conjunction ('or' conjunction)+ | conjunction, and conjunction (memo):
 * inversion ('and' inversion)+ | inversion, as one function that calls itself for the
 * conjunction: one JS frame per rule level (brackets nest 200 deep, ~28 rule levels each).
 */
function boolLevel(p: P, isOr: boolean): Expr | null {
  p.enter();
  const type = isOr ? R.disjunction : R.conjunction;
  if (p.memoized(type)) return p.leave(p.memoNode as Expr | null);
  const mark = p.mark;
  const kw = isOr ? K.or : K.and;
  let res: Expr | null = null;
  const a = isOr ? boolLevel(p, false) : inversion(p);
  if (a) {
    // _loop1 of the _tmp group (kw next)
    p.enter();
    let values: Expr[] | null = null;
    let m = p.mark;
    for (;;) {
      p.enter();
      let c: Expr | null = null;
      if (p.expect(kw) >= 0) c = isOr ? boolLevel(p, false) : inversion(p);
      p.leave(0);
      if (!c) break;
      (values ??= [a]).push(c);
      m = p.mark;
    }
    p.mark = m;
    p.leave(0);
    if (values) res = p.ex({ k: 'BoolOp', op: isOr ? 'or' : 'and', values }, mark);
  }
  if (!res) {
    p.mark = mark;
    res = isOr ? boolLevel(p, false) : inversion(p);
    if (!res) p.mark = mark;
  }
  p.insertMemo(mark, type, res);
  return p.leave(res);
}

/** disjunction (memo): conjunction ('or' conjunction)+ | conjunction */
export function disjunction(p: P): Expr | null {
  return boolLevel(p, true);
}

/** conjunction (memo): inversion ('and' inversion)+ | inversion */
export function conjunction(p: P): Expr | null {
  return boolLevel(p, false);
}

/** power: await_primary '**' factor | await_primary (the chains' machine drives deep ones) */
function power(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  let a: Expr | null, b: Expr | null;
  if ((a = awaitPrimary(p)) && p.expect(T.DOUBLESTAR) >= 0 && (b = factor(p)))
    return p.leave(p.ex({ k: 'BinOp', op: '**', left: a, right: b }, mark));
  p.mark = mark;
  const e = awaitPrimary(p);
  if (!e) p.mark = mark;
  return p.leave(e);
}

/** await_primary (memo): AWAIT primary | primary */
function awaitPrimary(p: P): Expr | null {
  p.enter();
  if (p.memoized(R.await_primary)) return p.leave(p.memoNode as Expr | null);
  const mark = p.mark;
  let res: Expr | null;
  let a: Expr | null;
  if (p.expect(T.AWAIT) >= 0 && (a = primary(p))) res = p.ex({ k: 'Await', value: a }, mark);
  else {
    p.mark = mark;
    res = primary(p);
    if (!res) p.mark = mark;
  }
  p.insertMemo(mark, R.await_primary, res);
  return p.leave(res);
}

/** primary (left-recursive): attribute, genexp call, call, subscript, atom. */
export function primary(p: P): Expr | null {
  p.enter();
  if (p.memoized(R.primary)) return p.leave(p.memoNode as Expr | null);
  const mark = p.mark;
  let res: Expr | null = null;
  let resmark = p.mark;
  for (;;) {
    p.updateMemo(mark, R.primary, res);
    p.mark = mark;
    const r = primaryRaw(p);
    if (r === null || p.mark <= resmark) break;
    resmark = p.mark;
    res = r;
  }
  p.mark = resmark;
  return p.leave(res);
}

function primaryRaw(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  let a: Expr | null, b: Expr | null;
  let n: Expr | null;
  if ((a = primary(p)) && p.expect(T.DOT) >= 0 && (n = p.name()))
    return p.leave(p.ex({ k: 'Attribute', value: a, attr: (n as { id: string }).id, ctx: 'load' }, mark));
  p.mark = mark;
  if ((a = primary(p)) && (b = genexp(p)))
    return p.leave(p.ex({ k: 'Call', func: a, args: [b], keywords: [] }, mark));
  p.mark = mark;
  if ((a = primary(p)) && p.expect(T.LPAR) >= 0) {
    const args = argumentsRule(p);
    if (p.expect(T.RPAR) >= 0)
      return p.leave(
        p.ex(
          {
            k: 'Call',
            func: a,
            args: args ? args.args : [],
            keywords: args ? args.keywords : [],
          },
          mark,
        ),
      );
  }
  p.mark = mark;
  if ((a = primary(p)) && p.expect(T.LSQB) >= 0 && (b = slices(p)) && p.expect(T.RSQB) >= 0)
    return p.leave(p.ex({ k: 'Subscript', value: a, slice: b, ctx: 'load' }, mark));
  p.mark = mark;
  const e = atom(p);
  if (!e) p.mark = mark;
  return p.leave(e);
}

/** slices: slice !',' | ','.(slice | starred_expression)+ [','] */
export function slices(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  const a = slice(p);
  if (a && !p.peek(T.COMMA)) return p.leave(a);
  p.mark = mark;
  const b = gather(p, sliceOrStarred);
  if (b) {
    p.expect(T.COMMA);
    return p.leave(p.ex({ k: 'Tuple', elts: b, ctx: 'load' }, mark));
  }
  p.mark = mark;
  return p.leave(null);
}

function sliceOrStarred(p: P): Expr | null {
  p.enter(); // _tmp group
  const mark = p.mark;
  let e = slice(p);
  if (!e) {
    p.mark = mark;
    e = starredExpression(p);
  }
  if (!e) p.mark = mark;
  return p.leave(e);
}

/** slice: [expression] ':' [expression] [':' [expression]] | named_expression */
function slice(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  const a = expression(p);
  if (p.expect(T.COLON) >= 0) {
    const b = expression(p);
    let c: Expr | null = null;
    // [':' d=[expression]] is a _tmp group
    p.enter();
    const m2 = p.mark;
    if (p.expect(T.COLON) >= 0) c = expression(p);
    else p.mark = m2;
    p.leave(0);
    return p.leave(p.ex({ k: 'Slice', lower: a, upper: b, step: c }, mark));
  }
  p.mark = mark;
  const e = namedExpression(p);
  if (!e) p.mark = mark;
  return p.leave(e);
}

/** starred_expression: '*' expression */
export function starredExpression(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  let a: Expr | null;
  if (p.expect(T.STAR) >= 0 && (a = expression(p)))
    return p.leave(p.ex({ k: 'Starred', value: a, ctx: 'load' }, mark));
  p.mark = mark;
  return p.leave(null);
}

rules.awaitPrimary = awaitPrimary;
rules.power = power;
rules.comparison = comparison;
rules.disjunction = disjunction;
rules.invalidExpression = invalidExpression;
rules.invalidLegacyExpression = invalidLegacyExpression;
rules.namedExpression = namedExpression;
