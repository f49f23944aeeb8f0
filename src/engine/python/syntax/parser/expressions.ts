import type { BinOpName, CmpOpName, Expr } from '../ast';
import * as T from '../tokens';
import { setExprContext, type CmpopExprPair } from './actions';
import { atom, genexp, lambdef } from './atoms';
import { argumentsRule } from './calls';
import type { BinFrame, Parser as P } from './core';
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

/** comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or */
export function comparison(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  const a = binLevel(p, 0);
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
  const e = binLevel(p, 0);
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

/** bitwise_or, bitwise_xor, bitwise_and, shift_expr, sum, term: their memo ids, tokens and operators. */
const BIN_TYPE = [R.bitwise_or, R.bitwise_xor, R.bitwise_and, R.shift_expr, R.sum, R.term];
const BIN_TOKS: readonly (readonly number[])[] = [
  [T.VBAR],
  [T.CIRCUMFLEX],
  [T.AMPER],
  [T.LEFTSHIFT, T.RIGHTSHIFT],
  [T.PLUS, T.MINUS],
  [T.STAR, T.SLASH, T.DOUBLESLASH, T.PERCENT, T.AT],
];
const BIN_OPS: readonly (readonly BinOpName[])[] = [
  ['|'],
  ['^'],
  ['&'],
  ['<<', '>>'],
  ['+', '-'],
  ['*', '/', '//', '%', '@'],
];

/**
 * The six left-recursive binary rules (level 0 bitwise_or ... 5 term), each a generated `*_rule`
 * that grows its seed through `*_raw` with the memo, as pegen does. They run on an explicit stack,
 * one JS frame for the whole chain instead of twelve: brackets nest 200 deep and every bracket
 * passes through all six levels, which a browser worker's stack could not hold as recursion.
 * The frames live in the parser's pool (Parser.binFrames); inside the raw rule, the rule at its own
 * mark is a memo hit (updateMemo has just stored the seed).
 */
const FACTOR = -2;

function binLevel(p: P, level: number): Expr | null {
  const base = p.binTop;
  const stack = p.binFrames;
  let v: Expr | null = null;
  let want = level; // the level to call, FACTOR, or -1 when `v` goes to the top frame
  for (;;) {
    if (want === FACTOR) {
      v = factor(p);
      want = -1;
    } else if (want >= 0) {
      const i = want;
      want = -1;
      p.enter();
      if (p.memoized(BIN_TYPE[i])) {
        v = p.memoNode as Expr | null;
        p.leave(0);
      } else {
        const mark = p.mark;
        pushFrame(p, false, i, mark);
        p.updateMemo(mark, BIN_TYPE[i], null);
        p.mark = mark;
        want = startRaw(p, i, mark);
        continue;
      }
    }
    if (p.binTop === base) return v;
    const f = stack[p.binTop - 1];
    if (f.raw) {
      if (f.k < BIN_TOKS[f.i].length) {
        if (v) {
          v = p.ex({ k: 'BinOp', op: BIN_OPS[f.i][f.k], left: f.left!, right: v }, f.mark);
          popFrame(p, f);
          p.leave(0);
          continue;
        }
        p.mark = f.mark;
        want = advance(p, f, f.k + 1);
        continue;
      }
      if (!v) p.mark = f.mark;
      popFrame(p, f);
      p.leave(0);
      continue;
    }
    // The rule's loop: grow the seed while the raw rule gets further.
    if (v === null || p.mark <= f.resmark) {
      p.mark = f.resmark;
      v = f.seed;
      popFrame(p, f);
      p.leave(0);
      continue;
    }
    f.resmark = p.mark;
    f.seed = v;
    p.updateMemo(f.mark, BIN_TYPE[f.i], v);
    p.mark = f.mark;
    want = startRaw(p, f.i, f.mark);
  }
}

function pushFrame(p: P, raw: boolean, i: number, mark: number): BinFrame {
  let f = p.binFrames[p.binTop];
  if (f === undefined) {
    f = { raw, i, mark, seed: null, resmark: mark, k: 0, left: null };
    p.binFrames.push(f);
  } else {
    f.raw = raw;
    f.i = i;
    f.mark = mark;
    f.resmark = mark;
    f.k = 0;
  }
  p.binTop++;
  return f;
}

/** Pop the top frame, dropping its nodes (a pooled frame must not keep a finished tree alive). */
function popFrame(p: P, f: BinFrame): void {
  f.seed = null;
  f.left = null;
  p.binTop--;
}

/** Enter the raw rule of level i at mark; returns what its first `next` call is. */
function startRaw(p: P, i: number, mark: number): number {
  p.enter();
  return advance(p, pushFrame(p, true, i, mark), 0);
}

/**
 * The raw rule's alternatives from `from`: `self op next` for each operator (self is a memo
 * hit), then `next`. Returns the level `next` is (or FACTOR), with f.k and f.left set.
 */
function advance(p: P, f: BinFrame, from: number): number {
  const toks = BIN_TOKS[f.i];
  if (from < toks.length) {
    // Every `self op next` alternative starts with the same memo hit: look it up once.
    p.enter();
    const a = p.leave(p.memoized(BIN_TYPE[f.i]) ? (p.memoNode as Expr | null) : null);
    if (a)
      for (let k = from; k < toks.length; k++)
        if (p.expect(toks[k]) >= 0) {
          f.k = k;
          f.left = a;
          return f.i === 5 ? FACTOR : f.i + 1;
        }
    p.mark = f.mark;
  }
  f.k = toks.length;
  return f.i === 5 ? FACTOR : f.i + 1;
}

export function bitwiseOr(p: P): Expr | null {
  return binLevel(p, 0);
}
export function bitwiseXor(p: P): Expr | null {
  return binLevel(p, 1);
}
export function sum(p: P): Expr | null {
  return binLevel(p, 4);
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
