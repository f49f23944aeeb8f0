import type { Arguments, Expr, Stmt } from '../ast';
import * as T from '../tokens';
import { emptyArguments } from './actions';
import type { Parser as P } from './core';

/**
 * The rules through which a program can nest thousands deep without brackets (3.11 allows up to
 * 6000 rule levels before its MemoryError): `-x` and `~x` prefixes with `**` (factor/power),
 * `not` (inversion), `a if b else ...` and `lambda: ...` (expression), `elif` chains (if_stmt).
 * A recursive descent would need a JS frame per level, more than a browser worker's stack holds;
 * these run the same rules with an explicit stack instead. Every rule entry, memo lookup, memo
 * insert, mark reset and level change happens in the order the recursive rules (and pegen's
 * generated C) do them.
 */

/** The rules these machines call; set by the modules that define them (avoids import cycles at load). */
export interface ChainRules {
  awaitPrimary(p: P): Expr | null;
  power(p: P): Expr | null;
  comparison(p: P): Expr | null;
  disjunction(p: P): Expr | null;
  invalidExpression(p: P): unknown;
  invalidLegacyExpression(p: P): unknown;
  lambdaParams(p: P): Arguments | null;
  namedExpression(p: P): Expr | null;
  block(p: P): Stmt[] | null;
  elseBlock(p: P): Stmt[] | null;
  invalidIfStmt(p: P): unknown;
  invalidElifStmt(p: P): unknown;
}
export const rules = {} as ChainRules;

const K = T.KW;
const FACTOR_OP = 0; // factor at m matched '+', '-' or '~': waiting for the inner factor
const FACTOR_POWER = 1; // factor at m is in its `power` alternative
const POWER_STAR = 2; // power at m matched `await_primary '**'`: waiting for the factor

/** factor (memo): '+' factor | '-' factor | '~' factor | power — with power: await_primary '**' factor | await_primary */
export function factor(p: P): Expr | null {
  const kinds: number[] = [];
  const marks: number[] = [];
  const lefts: (Expr | null)[] = [];
  let res: Expr | null;
  descend: for (;;) {
    // factor entry
    p.enter();
    if (p.memoized(R_FACTOR)) {
      res = p.memoNode as Expr | null;
      p.leave(0);
      break;
    }
    let m = p.mark;
    const t = p.type[m];
    if (t === T.PLUS || t === T.MINUS || t === T.TILDE) {
      p.mark = m + 1;
      kinds.push(FACTOR_OP);
      marks.push(m);
      lefts.push(null);
      continue;
    }
    kinds.push(FACTOR_POWER);
    marks.push(m);
    lefts.push(null);
    // power entry
    for (;;) {
      p.enter();
      m = p.mark;
      const a = rules.awaitPrimary(p);
      if (a && p.expect(T.DOUBLESTAR) >= 0) {
        kinds.push(POWER_STAR);
        marks.push(m);
        lefts.push(a);
        continue descend;
      }
      p.mark = m;
      res = rules.awaitPrimary(p);
      if (!res) p.mark = m;
      p.leave(0);
      break descend;
    }
  }
  while (kinds.length) {
    const kind = kinds.pop()!;
    const m = marks.pop()!;
    const a = lefts.pop()!;
    if (kind === POWER_STAR) {
      if (res) res = p.ex({ k: 'BinOp', op: '**', left: a!, right: res }, m);
      else {
        p.mark = m;
        res = rules.awaitPrimary(p);
        if (!res) p.mark = m;
      }
      p.leave(0);
      continue;
    }
    if (kind === FACTOR_OP) {
      if (res) {
        const t = p.type[m];
        res = p.ex({ k: 'UnaryOp', op: t === T.PLUS ? '+' : t === T.MINUS ? '-' : '~', operand: res }, m);
      } else {
        // The operator's alternative failed; the others fail on their first token, then `power`
        // (which cannot descend: an operator is no primary).
        p.mark = m;
        res = rules.power(p);
        if (!res) p.mark = m;
      }
    } else if (!res) p.mark = m;
    p.insertMemo(m, R_FACTOR, res);
    p.leave(0);
  }
  return res;
}

/** inversion (memo): 'not' inversion | comparison */
export function inversion(p: P): Expr | null {
  const marks: number[] = [];
  let res: Expr | null;
  for (;;) {
    p.enter();
    if (p.memoized(R_INVERSION)) {
      res = p.memoNode as Expr | null;
      p.leave(0);
      break;
    }
    const m = p.mark;
    if (p.expect(K.not) >= 0) {
      marks.push(m);
      continue;
    }
    res = rules.comparison(p);
    if (!res) p.mark = m;
    p.insertMemo(m, R_INVERSION, res);
    p.leave(0);
    break;
  }
  while (marks.length) {
    const m = marks.pop()!;
    if (res) res = p.ex({ k: 'UnaryOp', op: 'not', operand: res }, m);
    else {
      p.mark = m;
      res = rules.comparison(p);
      if (!res) p.mark = m;
    }
    p.insertMemo(m, R_INVERSION, res);
    p.leave(0);
  }
  return res;
}

const IF_BODY = 0; // expression at m parsed `a if b else`: waiting for the orelse expression
const LAMBDA_BODY = 1; // expression at m entered lambdef, which parsed `lambda [params]:`

/**
 * expression (memo): invalid_expression | invalid_legacy_expression (second pass) |
 * disjunction 'if' disjunction 'else' expression | disjunction | lambdef,
 * with lambdef: 'lambda' [lambda_params] ':' expression.
 */
export function expression(p: P): Expr | null {
  const kinds: number[] = [];
  const marks: number[] = [];
  const as: (Expr | Arguments | null)[] = [];
  const bs: (Expr | null)[] = [];
  let res: Expr | null;
  for (;;) {
    p.enter();
    if (p.memoized(R_EXPRESSION)) {
      res = p.memoNode as Expr | null;
      p.leave(0);
      break;
    }
    const m = p.mark;
    if (p.callInvalidRules) {
      const r = rules.invalidExpression(p) ?? ((p.mark = m), rules.invalidLegacyExpression(p));
      if (r) {
        res = r as Expr;
        p.insertMemo(m, R_EXPRESSION, res);
        p.leave(0);
        break;
      }
      p.mark = m;
    }
    let a: Expr | null, b: Expr | null;
    if (
      (a = rules.disjunction(p)) &&
      p.expect(K.if) >= 0 &&
      (b = rules.disjunction(p)) &&
      p.expect(K.else) >= 0
    ) {
      kinds.push(IF_BODY);
      marks.push(m);
      as.push(a);
      bs.push(b);
      continue;
    }
    p.mark = m;
    res = rules.disjunction(p);
    if (res) {
      p.insertMemo(m, R_EXPRESSION, res);
      p.leave(0);
      break;
    }
    // lambdef
    p.mark = m;
    p.enter();
    if (p.expect(K.lambda) >= 0) {
      const params = rules.lambdaParams(p);
      if (p.expect(T.COLON) >= 0) {
        kinds.push(LAMBDA_BODY);
        marks.push(m);
        as.push(params);
        bs.push(null);
        continue;
      }
    }
    p.mark = m;
    p.leave(0); // lambdef fails
    p.insertMemo(m, R_EXPRESSION, null);
    p.leave(0);
    res = null;
    break;
  }
  while (kinds.length) {
    const kind = kinds.pop()!;
    const m = marks.pop()!;
    const a = as.pop()!;
    const b = bs.pop()!;
    if (kind === IF_BODY) {
      if (res) res = p.ex({ k: 'IfExp', test: b!, body: a as Expr, orelse: res }, m);
      else {
        p.mark = m;
        res = rules.disjunction(p);
        if (!res) {
          // lambdef cannot match here (a disjunction started at m), but it is tried.
          p.mark = m;
          p.enter();
          p.expect(K.lambda);
          p.leave(0);
          p.mark = m;
        }
      }
    } else {
      // lambdef returns (then expression's `lambdef` alternative ends the rule)
      if (res) res = p.ex({ k: 'Lambda', args: (a as Arguments | null) ?? emptyArguments(), body: res }, m);
      else p.mark = m;
      p.leave(0);
    }
    p.insertMemo(m, R_EXPRESSION, res);
    p.leave(0);
  }
  return res;
}

/**
 * if_stmt / elif_stmt: invalid_if_stmt or invalid_elif_stmt (second pass) |
 * kw named_expression ':' block elif_stmt | kw named_expression ':' block [else_block]
 */
export function condStmt(p: P, kw: number): Stmt | null {
  const marks: number[] = [];
  const kws: number[] = [];
  const tests: Expr[] = [];
  const bodies: Stmt[][] = [];
  let res: Stmt | null;
  for (;;) {
    p.enter();
    const m = p.mark;
    if (p.callInvalidRules) {
      const r = kw === K.if ? rules.invalidIfStmt(p) : rules.invalidElifStmt(p);
      if (r) {
        res = r as Stmt;
        p.leave(0);
        break;
      }
      p.mark = m;
    }
    let a: Expr | null, b: Stmt[] | null;
    if (
      p.expect(kw) >= 0 &&
      (a = rules.namedExpression(p)) &&
      p.expect(T.COLON) >= 0 &&
      (b = rules.block(p))
    ) {
      marks.push(m);
      kws.push(kw);
      tests.push(a);
      bodies.push(b);
      kw = K.elif;
      continue;
    }
    p.mark = m;
    res = elseAlternative(p, kw, m);
    p.leave(0);
    break;
  }
  while (marks.length) {
    const m = marks.pop()!;
    const k = kws.pop()!;
    const a = tests.pop()!;
    const b = bodies.pop()!;
    if (res) res = p.st({ k: 'If', test: a, body: b, orelse: [res] }, m);
    else {
      p.mark = m;
      res = elseAlternative(p, k, m);
    }
    p.leave(0);
  }
  return res;
}

/** The second alternative: kw named_expression ':' block [else_block] */
function elseAlternative(p: P, kw: number, m: number): Stmt | null {
  let a: Expr | null, b: Stmt[] | null;
  if (p.expect(kw) >= 0 && (a = rules.namedExpression(p)) && p.expect(T.COLON) >= 0 && (b = rules.block(p))) {
    const e = rules.elseBlock(p);
    return p.st({ k: 'If', test: a, body: b, orelse: e ?? [] }, m);
  }
  p.mark = m;
  return null;
}

// Memo ids (parser/rules.ts), repeated here to keep this module free of load-order cycles.
const R_EXPRESSION = 3;
const R_INVERSION = 7;
const R_FACTOR = 14;
