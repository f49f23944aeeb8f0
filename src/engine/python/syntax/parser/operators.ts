import type { BinOpName, CmpOpName, Expr } from '../ast';
import * as T from '../tokens';
import type { CmpopExprPair } from './actions';
import { factor } from './chains';
import type { BinFrame, Parser as P } from './core';
import { R } from './rules';

const K = T.KW;

/**
 * The operator rules between `not` and the unary ones: comparison with its ten compare_op pairs,
 * and the six left-recursive binary levels (bitwise_or ... term) on an explicit stack.
 */

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
