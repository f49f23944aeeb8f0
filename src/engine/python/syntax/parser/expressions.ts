import type { BinOpName, CmpOpName, Expr } from '../ast';
import * as T from '../tokens';
import { setExprContext, type CmpopExprPair } from './actions';
import { atom, genexp, lambdef } from './atoms';
import { argumentsRule } from './calls';
import type { Parser as P } from './core';
import { invalidExpression, invalidLegacyExpression, invalidNamedExpression } from './invalidExpr';
import { R } from './rules';
import { expression, factor, inversion, rules } from './chains';

export { expression, factor, inversion };

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

function boolOp(p: P, type: number, kw: number, op: 'and' | 'or', next: (p: P) => Expr | null): Expr | null {
  p.enter();
  if (p.memoized(type)) return p.leave(p.memoNode as Expr | null);
  const mark = p.mark;
  let res: Expr | null = null;
  const a = next(p);
  if (a) {
    // _loop1 of the _tmp group (kw next)
    p.enter();
    let values: Expr[] | null = null;
    let m = p.mark;
    for (;;) {
      p.enter();
      let c: Expr | null = null;
      if (p.expect(kw) >= 0) c = next(p);
      p.leave(0);
      if (!c) break;
      (values ??= [a]).push(c);
      m = p.mark;
    }
    p.mark = m;
    p.leave(0);
    if (values) res = p.ex({ k: 'BoolOp', op, values }, mark);
  }
  if (!res) {
    p.mark = mark;
    res = next(p);
    if (!res) p.mark = mark;
  }
  p.insertMemo(mark, type, res);
  return p.leave(res);
}

/** disjunction (memo): conjunction ('or' conjunction)+ | conjunction */
export function disjunction(p: P): Expr | null {
  return boolOp(p, R.disjunction, K.or, 'or', conjunction);
}

/** conjunction (memo): inversion ('and' inversion)+ | inversion */
export function conjunction(p: P): Expr | null {
  return boolOp(p, R.conjunction, K.and, 'and', inversion);
}

/** comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or */
export function comparison(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  const a = bitwiseOr(p);
  if (a) {
    p.enter(); // _loop1
    let pairs: CmpopExprPair[] | null = null;
    let m = p.mark;
    for (;;) {
      const pr = compareOpPair(p);
      if (!pr) break;
      (pairs ??= []).push(pr);
      m = p.mark;
    }
    p.mark = m;
    p.leave(0);
    if (pairs)
      return p.leave(
        p.ex(
          {
            k: 'Compare',
            left: a,
            ops: pairs.map((x) => x.op),
            comparators: pairs.map((x) => x.expr),
          },
          mark,
        ),
      );
  }
  p.mark = mark;
  const e = bitwiseOr(p);
  if (!e) p.mark = mark;
  return p.leave(e);
}

/** compare_op_bitwise_or_pair and its ten alternatives (each a rule of its own). */
function compareOpPair(p: P): CmpopExprPair | null {
  p.enter();
  const mark = p.mark;
  p.ensure();
  if (!CMP_START[p.type[mark]]) {
    // No alternative can match: their rules would each enter and fail on the first token.
    p.enter();
    p.level--;
    return p.leave(null);
  }
  const r =
    cmp1(p, T.EQEQUAL, '==') ??
    noteq(p) ??
    cmp1(p, T.LESSEQUAL, '<=') ??
    cmp1(p, T.LESS, '<') ??
    cmp1(p, T.GREATEREQUAL, '>=') ??
    cmp1(p, T.GREATER, '>') ??
    cmp2(p, K.not, K.in, 'not in') ??
    cmp1(p, K.in, 'in') ??
    cmp2(p, K.is, K.not, 'is not') ??
    cmp1(p, K.is, 'is');
  if (!r) p.mark = mark;
  return p.leave(r);
}

const CMP_START: boolean[] = [];
for (const t of [
  T.EQEQUAL,
  T.NOTEQUAL,
  T.LESSEQUAL,
  T.LESS,
  T.GREATEREQUAL,
  T.GREATER,
  T.KW.not,
  T.KW.in,
  T.KW.is,
])
  CMP_START[t] = true;

function cmp1(p: P, tok: number, op: CmpOpName): CmpopExprPair | null {
  p.enter();
  const mark = p.mark;
  let a: Expr | null;
  if (p.expect(tok) >= 0 && (a = bitwiseOr(p))) return p.leave({ op, expr: a });
  p.mark = mark;
  return p.leave(null);
}

function cmp2(p: P, t1: number, t2: number, op: CmpOpName): CmpopExprPair | null {
  p.enter();
  const mark = p.mark;
  let a: Expr | null;
  if (p.expect(t1) >= 0 && p.expect(t2) >= 0 && (a = bitwiseOr(p))) return p.leave({ op, expr: a });
  p.mark = mark;
  return p.leave(null);
}

/** noteq_bitwise_or: `!=` (`<>` tokenizes as NOTEQUAL too but is refused: _PyPegen_check_barry_as_flufl). */
function noteq(p: P): CmpopExprPair | null {
  p.enter();
  const mark = p.mark;
  p.enter(); // _tmp group with its action
  let t = p.expect(T.NOTEQUAL);
  if (t >= 0 && p.text(t) !== '!=') t = -1;
  p.leave(0);
  let a: Expr | null;
  if (t >= 0 && (a = bitwiseOr(p))) return p.leave({ op: '!=', expr: a });
  p.mark = mark;
  return p.leave(null);
}

/**
 * A left-recursive binary rule (bitwise_or, bitwise_xor, bitwise_and, shift_expr, sum, term):
 * the generated `*_rule` grows the seed through `*_raw` with the memo, as pegen does.
 */
function leftRec(p: P, type: number, raw: (p: P) => Expr | null): Expr | null {
  p.enter();
  if (p.memoized(type)) return p.leave(p.memoNode as Expr | null);
  const mark = p.mark;
  let res: Expr | null = null;
  let resmark = p.mark;
  for (;;) {
    p.updateMemo(mark, type, res);
    p.mark = mark;
    const r = raw(p);
    if (r === null || p.mark <= resmark) break;
    resmark = p.mark;
    res = r;
  }
  p.mark = resmark;
  return p.leave(res);
}

function binRaw(
  p: P,
  self: (p: P) => Expr | null,
  toks: readonly number[],
  ops: readonly BinOpName[],
  next: (p: P) => Expr | null,
): Expr | null {
  p.enter();
  const mark = p.mark;
  for (let i = 0; i < toks.length; i++) {
    let a: Expr | null, b: Expr | null;
    if ((a = self(p)) && p.expect(toks[i]) >= 0 && (b = next(p)))
      return p.leave(p.ex({ k: 'BinOp', op: ops[i], left: a, right: b }, mark));
    p.mark = mark;
  }
  const e = next(p);
  if (!e) p.mark = mark;
  return p.leave(e);
}

const OR_T = [T.VBAR];
const OR_O: BinOpName[] = ['|'];
const XOR_T = [T.CIRCUMFLEX];
const XOR_O: BinOpName[] = ['^'];
const AND_T = [T.AMPER];
const AND_O: BinOpName[] = ['&'];
const SHIFT_T = [T.LEFTSHIFT, T.RIGHTSHIFT];
const SHIFT_O: BinOpName[] = ['<<', '>>'];
const SUM_T = [T.PLUS, T.MINUS];
const SUM_O: BinOpName[] = ['+', '-'];
const TERM_T = [T.STAR, T.SLASH, T.DOUBLESLASH, T.PERCENT, T.AT];
const TERM_O: BinOpName[] = ['*', '/', '//', '%', '@'];

export const bitwiseOr = (p: P): Expr | null => leftRec(p, R.bitwise_or, bitwiseOrRaw);
const bitwiseOrRaw = (p: P): Expr | null => binRaw(p, bitwiseOr, OR_T, OR_O, bitwiseXor);
export const bitwiseXor = (p: P): Expr | null => leftRec(p, R.bitwise_xor, bitwiseXorRaw);
const bitwiseXorRaw = (p: P): Expr | null => binRaw(p, bitwiseXor, XOR_T, XOR_O, bitwiseAnd);
const bitwiseAnd = (p: P): Expr | null => leftRec(p, R.bitwise_and, bitwiseAndRaw);
const bitwiseAndRaw = (p: P): Expr | null => binRaw(p, bitwiseAnd, AND_T, AND_O, shiftExpr);
const shiftExpr = (p: P): Expr | null => leftRec(p, R.shift_expr, shiftExprRaw);
const shiftExprRaw = (p: P): Expr | null => binRaw(p, shiftExpr, SHIFT_T, SHIFT_O, sum);
export const sum = (p: P): Expr | null => leftRec(p, R.sum, sumRaw);
const sumRaw = (p: P): Expr | null => binRaw(p, sum, SUM_T, SUM_O, term);
const term = (p: P): Expr | null => leftRec(p, R.term, termRaw);
const termRaw = (p: P): Expr | null => binRaw(p, term, TERM_T, TERM_O, factor);

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
  return leftRec(p, R.primary, primaryRaw);
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
