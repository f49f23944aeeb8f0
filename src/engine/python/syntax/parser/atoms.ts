import type { Comprehension, Expr } from '../ast';
import { numberToken } from '../numbers';
import { concatenateStrings } from '../strings';
import * as T from '../tokens';
import { emptyArguments, type KeyValuePair } from './actions';
import type { Parser as P } from './core';
import {
  assignmentExpression,
  bitwiseOr,
  disjunction,
  expression,
  gather,
  namedExpression,
  starNamedExpression,
  starNamedExpressions,
  yieldExpr,
} from './expressions';
import {
  invalidComprehension,
  invalidDictComprehension,
  invalidDoubleStarredKvpairs,
  invalidForTarget,
  invalidGroup,
} from './invalidExpr';
import { lambdaParams } from './params';
import { rules } from './chains';
import { R } from './rules';
import { starTargets } from './targets';

const K = T.KW;

/** atom: NAME, True/False/None, strings, NUMBER, ( ), [ ], { }, '...' */
export function atom(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  p.ensure();
  const type = p.type[mark];
  if (type === T.NAME) {
    p.mark++;
    return p.leave(p.nameNode(mark));
  }
  if (type === K.True || type === K.False || type === K.None) {
    p.mark++;
    const value = type === K.None ? ({ t: 'none' } as const) : ({ t: 'bool', v: type === K.True } as const);
    return p.leave(p.ex({ k: 'Constant', value, kind: null }, mark));
  }
  if (type === T.STRING) {
    const s = strings(p);
    if (s) return p.leave(s);
    p.mark = mark;
  }
  if (type === T.NUMBER) {
    p.mark++;
    return p.leave(numberToken(p, mark));
  }
  let e: Expr | null = null;
  if (type === T.LPAR) {
    p.enter(); // _tmp: tuple | group | genexp
    e = tuple(p) ?? ((p.mark = mark), group(p)) ?? ((p.mark = mark), genexp(p));
    p.leave(0);
  } else if (type === T.LSQB) {
    p.enter();
    e = list(p) ?? ((p.mark = mark), listcomp(p));
    p.leave(0);
  } else if (type === T.LBRACE) {
    p.enter();
    e =
      dict(p) ?? ((p.mark = mark), set(p)) ?? ((p.mark = mark), dictcomp(p)) ?? ((p.mark = mark), setcomp(p));
    p.leave(0);
  } else if (type === T.ELLIPSIS) {
    p.mark++;
    return p.leave(p.ex({ k: 'Constant', value: { t: 'ellipsis' }, kind: null }, mark));
  }
  if (!e) p.mark = mark;
  return p.leave(e);
}

/** strings (memo): STRING+, concatenated (and f-strings parsed) by _PyPegen_concatenate_strings. */
export function strings(p: P): Expr | null {
  p.enter();
  if (p.memoized(R.strings)) return p.leave(p.memoNode as Expr | null);
  const mark = p.mark;
  p.enter(); // _loop1
  const toks: number[] = [];
  for (let t = p.expect(T.STRING); t >= 0; t = p.expect(T.STRING)) toks.push(t);
  p.leave(0);
  const res = toks.length ? concatenateStrings(p, toks) : null;
  if (!res) p.mark = mark;
  p.insertMemo(mark, R.strings, res);
  return p.leave(res);
}

/** group: '(' (yield_expr | named_expression) ')' | invalid_group */
function group(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  if (p.expect(T.LPAR) >= 0) {
    p.enter(); // _tmp
    const m = p.mark;
    let a = yieldExpr(p);
    if (!a) {
      p.mark = m;
      a = namedExpression(p);
    }
    if (!a) p.mark = m;
    p.leave(0);
    if (a && p.expect(T.RPAR) >= 0) return p.leave(a);
  }
  p.mark = mark;
  if (p.callInvalidRules) {
    const r = invalidGroup(p);
    if (r) return p.leave(r as Expr);
    p.mark = mark;
  }
  return p.leave(null);
}

/** lambdef: 'lambda' [lambda_params] ':' expression */
export function lambdef(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  if (p.expect(K.lambda) >= 0) {
    const a = lambdaParams(p);
    let b: Expr | null;
    if (p.expect(T.COLON) >= 0 && (b = expression(p)))
      return p.leave(p.ex({ k: 'Lambda', args: a ?? emptyArguments(), body: b }, mark));
  }
  p.mark = mark;
  return p.leave(null);
}

/** list: '[' [star_named_expressions] ']' */
export function list(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  if (p.expect(T.LSQB) >= 0) {
    const a = starNamedExpressions(p);
    if (p.expect(T.RSQB) >= 0) return p.leave(p.ex({ k: 'List', elts: a ?? [], ctx: 'load' }, mark));
  }
  p.mark = mark;
  return p.leave(null);
}

/** tuple: '(' [star_named_expression ',' [star_named_expressions]] ')' */
export function tuple(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  if (p.expect(T.LPAR) >= 0) {
    p.enter(); // _tmp
    const m = p.mark;
    let elts: Expr[] | null = null;
    const y = starNamedExpression(p);
    if (y && p.expect(T.COMMA) >= 0) elts = [y, ...(starNamedExpressions(p) ?? [])];
    else p.mark = m;
    p.leave(0);
    if (p.expect(T.RPAR) >= 0) return p.leave(p.ex({ k: 'Tuple', elts: elts ?? [], ctx: 'load' }, mark));
  }
  p.mark = mark;
  return p.leave(null);
}

/** set: '{' star_named_expressions '}' */
function set(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  let a: Expr[] | null;
  if (p.expect(T.LBRACE) >= 0 && (a = starNamedExpressions(p)) && p.expect(T.RBRACE) >= 0)
    return p.leave(p.ex({ k: 'Set', elts: a }, mark));
  p.mark = mark;
  return p.leave(null);
}

/** dict: '{' [double_starred_kvpairs] '}' | '{' invalid_double_starred_kvpairs '}' */
function dict(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  if (p.expect(T.LBRACE) >= 0) {
    const a = doubleStarredKvpairs(p);
    if (p.expect(T.RBRACE) >= 0) {
      const kv = a ?? [];
      return p.leave(p.ex({ k: 'Dict', keys: kv.map((x) => x.key), values: kv.map((x) => x.value) }, mark));
    }
  }
  p.mark = mark;
  if (p.expect(T.LBRACE) >= 0 && invalidDoubleStarredKvpairs(p) !== null && p.expect(T.RBRACE) >= 0) {
    // The invalid rule raised or matched without raising: C returns NULL from the action.
    return p.leave(null);
  }
  p.mark = mark;
  return p.leave(null);
}

/** double_starred_kvpairs: ','.double_starred_kvpair+ [','] */
function doubleStarredKvpairs(p: P): KeyValuePair[] | null {
  p.enter();
  const mark = p.mark;
  const a = gather(p, doubleStarredKvpair);
  if (a) {
    p.expect(T.COMMA);
    return p.leave(a);
  }
  p.mark = mark;
  return p.leave(null);
}

/** double_starred_kvpair: '**' bitwise_or | kvpair */
export function doubleStarredKvpair(p: P): KeyValuePair | null {
  p.enter();
  const mark = p.mark;
  let a: Expr | null;
  if (p.expect(T.DOUBLESTAR) >= 0 && (a = bitwiseOr(p))) return p.leave({ key: null, value: a });
  p.mark = mark;
  const kv = kvpair(p);
  if (!kv) p.mark = mark;
  return p.leave(kv);
}

/** kvpair: expression ':' expression */
export function kvpair(p: P): KeyValuePair | null {
  p.enter();
  const mark = p.mark;
  let a: Expr | null, b: Expr | null;
  if ((a = expression(p)) && p.expect(T.COLON) >= 0 && (b = expression(p)))
    return p.leave({ key: a, value: b });
  p.mark = mark;
  return p.leave(null);
}

/** for_if_clauses: for_if_clause+ */
export function forIfClauses(p: P): Comprehension[] | null {
  p.enter();
  p.enter(); // _loop1
  const out: Comprehension[] = [];
  let m = p.mark;
  for (let c = forIfClause(p); c; c = forIfClause(p)) {
    out.push(c);
    m = p.mark;
  }
  p.mark = m;
  p.leave(0);
  return p.leave(out.length ? out : null);
}

/** for_if_clause: [ASYNC] 'for' star_targets 'in' ~ disjunction ('if' disjunction)* | invalid_for_target */
function forIfClause(p: P): Comprehension | null {
  p.enter();
  const mark = p.mark;
  for (const isAsync of [true, false]) {
    if ((!isAsync || p.expect(T.ASYNC) >= 0) && p.expect(K.for) >= 0) {
      const a = starTargets(p);
      if (a && p.expect(K.in) >= 0) {
        // Cut: past 'in', this rule fails rather than try another alternative.
        const b = disjunction(p);
        if (!b) {
          p.mark = mark;
          return p.leave(null);
        }
        p.enter(); // _loop0 of the _tmp ('if' disjunction)
        const ifs: Expr[] = [];
        let m = p.mark;
        for (;;) {
          p.enter();
          let z: Expr | null = null;
          if (p.expect(K.if) >= 0) z = disjunction(p);
          p.leave(0);
          if (!z) break;
          ifs.push(z);
          m = p.mark;
        }
        p.mark = m;
        p.leave(0);
        return p.leave({ target: a, iter: b, ifs, isAsync });
      }
    }
    p.mark = mark;
  }
  if (p.callInvalidRules) {
    const r = invalidForTarget(p);
    if (r) return p.leave(r as Comprehension);
    p.mark = mark;
  }
  return p.leave(null);
}

/** listcomp: '[' named_expression for_if_clauses ']' | invalid_comprehension */
function listcomp(p: P): Expr | null {
  return comp(p, T.LSQB, T.RSQB, 'ListComp');
}

/** setcomp: '{' named_expression for_if_clauses '}' | invalid_comprehension */
function setcomp(p: P): Expr | null {
  return comp(p, T.LBRACE, T.RBRACE, 'SetComp');
}

function comp(p: P, open: number, close: number, k: 'ListComp' | 'SetComp'): Expr | null {
  p.enter();
  const mark = p.mark;
  let a: Expr | null, b: Comprehension[] | null;
  if (p.expect(open) >= 0 && (a = namedExpression(p)) && (b = forIfClauses(p)) && p.expect(close) >= 0)
    return p.leave(p.ex({ k, elt: a, generators: b }, mark));
  p.mark = mark;
  if (p.callInvalidRules) {
    const r = invalidComprehension(p);
    if (r) return p.leave(r as Expr);
    p.mark = mark;
  }
  return p.leave(null);
}

/** genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')' | invalid_comprehension */
export function genexp(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  if (p.expect(T.LPAR) >= 0) {
    p.enter(); // _tmp
    const m = p.mark;
    let a = assignmentExpression(p);
    if (!a) {
      p.mark = m;
      a = expression(p);
      if (a && p.peek(T.COLONEQUAL)) a = null;
    }
    if (!a) p.mark = m;
    p.leave(0);
    let b: Comprehension[] | null;
    if (a && (b = forIfClauses(p)) && p.expect(T.RPAR) >= 0)
      return p.leave(p.ex({ k: 'GeneratorExp', elt: a, generators: b }, mark));
  }
  p.mark = mark;
  if (p.callInvalidRules) {
    const r = invalidComprehension(p);
    if (r) return p.leave(r as Expr);
    p.mark = mark;
  }
  return p.leave(null);
}

/** dictcomp: '{' kvpair for_if_clauses '}' | invalid_dict_comprehension */
function dictcomp(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  let a: KeyValuePair | null, b: Comprehension[] | null;
  if (p.expect(T.LBRACE) >= 0 && (a = kvpair(p)) && (b = forIfClauses(p)) && p.expect(T.RBRACE) >= 0)
    return p.leave(p.ex({ k: 'DictComp', key: a.key as Expr, value: a.value, generators: b }, mark));
  p.mark = mark;
  if (p.callInvalidRules) {
    const r = invalidDictComprehension(p);
    if (r) return p.leave(r as Expr);
    p.mark = mark;
  }
  return p.leave(null);
}

rules.lambdaParams = lambdaParams;
