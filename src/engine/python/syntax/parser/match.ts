import type { Expr, MatchCase, Pattern, Stmt } from '../ast';
import { numberToken } from '../numbers';
import * as T from '../tokens';
import { block } from './compound';
import type { Parser as P } from './core';
import { gather, namedExpression, starNamedExpression, starNamedExpressions } from './expressions';
import { strings } from './atoms';
import { invalidAsPattern, invalidCaseBlock, invalidClassPattern, invalidMatchStmt } from './invalidStmt';
import { R } from './rules';

const K = T.KW;
type KeyPattern = { key: Expr; pattern: Pattern };

function inv<X>(p: P, mark: number, rule: (p: P) => unknown): X | null {
  if (!p.callInvalidRules) return null;
  const r = rule(p);
  if (r) return r as X;
  p.mark = mark;
  return null;
}

/** A lookahead on a group of tokens (a _tmp rule). */
function peekAny(p: P, ...types: number[]): boolean {
  p.enter();
  p.ensure();
  const t = p.type[p.mark];
  return p.leave(types.includes(t));
}

/** match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT | invalid_match_stmt */
export function matchStmt(p: P): Stmt | null {
  p.enter();
  const mark = p.mark;
  let subject: Expr | null;
  if (
    p.expectSoftKeyword('match') &&
    (subject = subjectExpr(p)) &&
    p.expect(T.COLON) >= 0 &&
    p.expect(T.NEWLINE) >= 0 &&
    p.expect(T.INDENT) >= 0
  ) {
    p.enter(); // _loop1
    const cases: MatchCase[] = [];
    let m = p.mark;
    for (let c = caseBlock(p); c; c = caseBlock(p)) {
      cases.push(c);
      m = p.mark;
    }
    p.mark = m;
    p.leave(0);
    if (cases.length && p.expect(T.DEDENT) >= 0) return p.leave(p.st({ k: 'Match', subject, cases }, mark));
  }
  p.mark = mark;
  const r = inv<Stmt>(p, mark, invalidMatchStmt);
  if (r) return p.leave(r);
  return p.leave(null);
}

/** subject_expr: star_named_expression ',' star_named_expressions? | named_expression */
export function subjectExpr(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  const v = starNamedExpression(p);
  if (v && p.expect(T.COMMA) >= 0) {
    const vs = starNamedExpressions(p);
    return p.leave(p.ex({ k: 'Tuple', elts: [v, ...(vs ?? [])], ctx: 'load' }, mark));
  }
  p.mark = mark;
  const e = namedExpression(p);
  if (!e) p.mark = mark;
  return p.leave(e);
}

/** case_block: invalid_case_block | "case" patterns guard? ':' block */
function caseBlock(p: P): MatchCase | null {
  p.enter();
  const mark = p.mark;
  const r = inv<MatchCase>(p, mark, invalidCaseBlock);
  if (r) return p.leave(r);
  let pattern: Pattern | null;
  if (p.expectSoftKeyword('case') && (pattern = patterns(p))) {
    const g = guard(p);
    let body: Stmt[] | null;
    if (p.expect(T.COLON) >= 0 && (body = block(p))) return p.leave({ pattern, guard: g, body });
  }
  p.mark = mark;
  return p.leave(null);
}

/** guard: 'if' named_expression */
export function guard(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  let g: Expr | null;
  if (p.expect(K.if) >= 0 && (g = namedExpression(p))) return p.leave(g);
  p.mark = mark;
  return p.leave(null);
}

/** patterns: open_sequence_pattern | pattern */
export function patterns(p: P): Pattern | null {
  p.enter();
  const mark = p.mark;
  const s = openSequencePattern(p);
  if (s) return p.leave(p.pat({ k: 'MatchSequence', patterns: s }, mark));
  p.mark = mark;
  const r = pattern(p);
  if (!r) p.mark = mark;
  return p.leave(r);
}

/** pattern: as_pattern | or_pattern */
export function pattern(p: P): Pattern | null {
  p.enter();
  const mark = p.mark;
  const a = asPattern(p) ?? ((p.mark = mark), orPattern(p));
  if (!a) p.mark = mark;
  return p.leave(a);
}

/** as_pattern: or_pattern 'as' pattern_capture_target | invalid_as_pattern */
function asPattern(p: P): Pattern | null {
  p.enter();
  const mark = p.mark;
  let pat: Pattern | null, target: Expr | null;
  if ((pat = orPattern(p)) && p.expect(K.as) >= 0 && (target = patternCaptureTarget(p)))
    return p.leave(p.pat({ k: 'MatchAs', pattern: pat, name: (target as { id: string }).id }, mark));
  p.mark = mark;
  const r = inv<Pattern>(p, mark, invalidAsPattern);
  if (r) return p.leave(r);
  return p.leave(null);
}

/** or_pattern: '|'.closed_pattern+ */
export function orPattern(p: P): Pattern | null {
  p.enter();
  const mark = p.mark;
  const ps = gather(p, closedPattern, T.VBAR);
  if (ps) return p.leave(ps.length === 1 ? ps[0] : p.pat({ k: 'MatchOr', patterns: ps }, mark));
  p.mark = mark;
  return p.leave(null);
}

/** closed_pattern (memo) */
function closedPattern(p: P): Pattern | null {
  p.enter();
  if (p.memoized(R.closed_pattern)) return p.leave(p.memoNode as Pattern | null);
  const mark = p.mark;
  let res: Pattern | null = null;
  for (const rule of CLOSED) {
    res = rule(p);
    if (res) break;
    p.mark = mark;
  }
  p.insertMemo(mark, R.closed_pattern, res);
  return p.leave(res);
}

/** literal_pattern */
function literalPattern(p: P): Pattern | null {
  p.enter();
  const mark = p.mark;
  let v: Expr | null;
  if ((v = signedNumber(p)) && !peekAny(p, T.PLUS, T.MINUS))
    return p.leave(p.pat({ k: 'MatchValue', value: v }, mark));
  p.mark = mark;
  if ((v = complexNumber(p))) return p.leave(p.pat({ k: 'MatchValue', value: v }, mark));
  p.mark = mark;
  if ((v = strings(p))) return p.leave(p.pat({ k: 'MatchValue', value: v }, mark));
  p.mark = mark;
  p.ensure();
  const t = p.type[mark];
  if (t === K.None || t === K.True || t === K.False) {
    p.mark++;
    const value = t === K.None ? ({ t: 'none' } as const) : ({ t: 'bool', v: t === K.True } as const);
    return p.leave(p.pat({ k: 'MatchSingleton', value }, mark));
  }
  return p.leave(null);
}

/** literal_expr: the keys a mapping pattern allows */
function literalExpr(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  let v: Expr | null;
  if ((v = signedNumber(p)) && !peekAny(p, T.PLUS, T.MINUS)) return p.leave(v);
  p.mark = mark;
  if ((v = complexNumber(p))) return p.leave(v);
  p.mark = mark;
  if ((v = strings(p))) return p.leave(v);
  p.mark = mark;
  p.ensure();
  const t = p.type[mark];
  if (t === K.None || t === K.True || t === K.False) {
    p.mark++;
    const value = t === K.None ? ({ t: 'none' } as const) : ({ t: 'bool', v: t === K.True } as const);
    return p.leave(p.ex({ k: 'Constant', value, kind: null }, mark));
  }
  return p.leave(null);
}

/** complex_number: signed_real_number ('+' | '-') imaginary_number */
function complexNumber(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  for (const [tok, op] of [
    [T.PLUS, '+'],
    [T.MINUS, '-'],
  ] as const) {
    let real: Expr | null, imag: Expr | null;
    if ((real = signedRealNumber(p)) && p.expect(tok) >= 0 && (imag = imaginaryNumber(p)))
      return p.leave(p.ex({ k: 'BinOp', op, left: real, right: imag }, mark));
    p.mark = mark;
  }
  return p.leave(null);
}

/** signed_number: NUMBER | '-' NUMBER */
function signedNumber(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  let t = p.expect(T.NUMBER);
  if (t >= 0) return p.leave(numberToken(p, t));
  if (p.expect(T.MINUS) >= 0 && (t = p.expect(T.NUMBER)) >= 0)
    return p.leave(p.ex({ k: 'UnaryOp', op: '-', operand: numberToken(p, t) }, mark));
  p.mark = mark;
  return p.leave(null);
}

/** signed_real_number: real_number | '-' real_number */
function signedRealNumber(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  let r = realNumber(p);
  if (r) return p.leave(r);
  p.mark = mark;
  if (p.expect(T.MINUS) >= 0 && (r = realNumber(p)))
    return p.leave(p.ex({ k: 'UnaryOp', op: '-', operand: r }, mark));
  p.mark = mark;
  return p.leave(null);
}

/** real_number: NUMBER, which must not be imaginary (_PyPegen_ensure_real raises). */
function realNumber(p: P): Expr | null {
  p.enter();
  const t = p.expect(T.NUMBER);
  if (t < 0) return p.leave(null);
  const e = numberToken(p, t);
  if (e.k !== 'Constant' || e.value.t === 'complex')
    throw p.errorAt(e, 'real number required in complex literal');
  return p.leave(e);
}

/** imaginary_number: NUMBER, which must be imaginary (_PyPegen_ensure_imaginary raises). */
function imaginaryNumber(p: P): Expr | null {
  p.enter();
  const t = p.expect(T.NUMBER);
  if (t < 0) return p.leave(null);
  const e = numberToken(p, t);
  if (e.k !== 'Constant' || e.value.t !== 'complex')
    throw p.errorAt(e, 'imaginary number required in complex literal');
  return p.leave(e);
}

/** capture_pattern: pattern_capture_target */
function capturePattern(p: P): Pattern | null {
  p.enter();
  const mark = p.mark;
  const t = patternCaptureTarget(p);
  if (t) return p.leave(p.pat({ k: 'MatchAs', pattern: null, name: (t as { id: string }).id }, mark));
  p.mark = mark;
  return p.leave(null);
}

/** pattern_capture_target: !"_" NAME !('.' | '(' | '=') */
export function patternCaptureTarget(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  const isWildcard = p.expectSoftKeyword('_') !== null;
  p.mark = mark;
  if (!isWildcard) {
    const n = p.name();
    if (n && !peekAny(p, T.DOT, T.LPAR, T.EQUAL)) return p.leave({ ...n, ctx: 'store' } as Expr);
  }
  p.mark = mark;
  return p.leave(null);
}

/** wildcard_pattern: "_" */
function wildcardPattern(p: P): Pattern | null {
  p.enter();
  const mark = p.mark;
  if (p.expectSoftKeyword('_')) return p.leave(p.pat({ k: 'MatchAs', pattern: null, name: null }, mark));
  p.mark = mark;
  return p.leave(null);
}

/** value_pattern: attr !('.' | '(' | '=') */
function valuePattern(p: P): Pattern | null {
  p.enter();
  const mark = p.mark;
  const a = attr(p);
  if (a && !peekAny(p, T.DOT, T.LPAR, T.EQUAL)) return p.leave(p.pat({ k: 'MatchValue', value: a }, mark));
  p.mark = mark;
  return p.leave(null);
}

/** attr (left-recursive with name_or_attr): name_or_attr '.' NAME */
export function attr(p: P): Expr | null {
  p.enter();
  if (p.memoized(R.attr)) return p.leave(p.memoNode as Expr | null);
  const mark = p.mark;
  let res: Expr | null = null;
  let resmark = p.mark;
  for (;;) {
    p.updateMemo(mark, R.attr, res);
    p.mark = mark;
    const r = attrRaw(p);
    if (r === null || p.mark <= resmark) break;
    resmark = p.mark;
    res = r;
  }
  p.mark = resmark;
  return p.leave(res);
}

function attrRaw(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  let v: Expr | null, n: Expr | null;
  if ((v = nameOrAttr(p)) && p.expect(T.DOT) >= 0 && (n = p.name()))
    return p.leave(p.ex({ k: 'Attribute', value: v, attr: (n as { id: string }).id, ctx: 'load' }, mark));
  p.mark = mark;
  return p.leave(null);
}

/** name_or_attr: attr | NAME */
export function nameOrAttr(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  const a = attr(p);
  if (a) return p.leave(a);
  p.mark = mark;
  const n = p.name();
  if (!n) p.mark = mark;
  return p.leave(n);
}

/** group_pattern: '(' pattern ')' */
function groupPattern(p: P): Pattern | null {
  p.enter();
  const mark = p.mark;
  let pat: Pattern | null;
  if (p.expect(T.LPAR) >= 0 && (pat = pattern(p)) && p.expect(T.RPAR) >= 0) return p.leave(pat);
  p.mark = mark;
  return p.leave(null);
}

/** sequence_pattern: '[' maybe_sequence_pattern? ']' | '(' open_sequence_pattern? ')' */
function sequencePattern(p: P): Pattern | null {
  p.enter();
  const mark = p.mark;
  if (p.expect(T.LSQB) >= 0) {
    const ps = maybeSequencePattern(p);
    if (p.expect(T.RSQB) >= 0) return p.leave(p.pat({ k: 'MatchSequence', patterns: ps ?? [] }, mark));
  }
  p.mark = mark;
  if (p.expect(T.LPAR) >= 0) {
    const ps = openSequencePattern(p);
    if (p.expect(T.RPAR) >= 0) return p.leave(p.pat({ k: 'MatchSequence', patterns: ps ?? [] }, mark));
  }
  p.mark = mark;
  return p.leave(null);
}

/** open_sequence_pattern: maybe_star_pattern ',' maybe_sequence_pattern? */
function openSequencePattern(p: P): Pattern[] | null {
  p.enter();
  const mark = p.mark;
  const a = maybeStarPattern(p);
  if (a && p.expect(T.COMMA) >= 0) {
    const rest = maybeSequencePattern(p);
    return p.leave([a, ...(rest ?? [])]);
  }
  p.mark = mark;
  return p.leave(null);
}

/** maybe_sequence_pattern: ','.maybe_star_pattern+ ','? */
function maybeSequencePattern(p: P): Pattern[] | null {
  p.enter();
  const mark = p.mark;
  const ps = gather(p, maybeStarPattern);
  if (ps) {
    p.expect(T.COMMA);
    return p.leave(ps);
  }
  p.mark = mark;
  return p.leave(null);
}

/** maybe_star_pattern: star_pattern | pattern */
function maybeStarPattern(p: P): Pattern | null {
  p.enter();
  const mark = p.mark;
  const a = starPattern(p) ?? ((p.mark = mark), pattern(p));
  if (!a) p.mark = mark;
  return p.leave(a);
}

/** star_pattern (memo): '*' pattern_capture_target | '*' wildcard_pattern */
function starPattern(p: P): Pattern | null {
  p.enter();
  if (p.memoized(R.star_pattern)) return p.leave(p.memoNode as Pattern | null);
  const mark = p.mark;
  let res: Pattern | null = null;
  let t: Expr | null;
  if (p.expect(T.STAR) >= 0 && (t = patternCaptureTarget(p)))
    res = p.pat({ k: 'MatchStar', name: (t as { id: string }).id }, mark);
  else {
    p.mark = mark;
    if (p.expect(T.STAR) >= 0 && wildcardPattern(p)) res = p.pat({ k: 'MatchStar', name: null }, mark);
    else p.mark = mark;
  }
  p.insertMemo(mark, R.star_pattern, res);
  return p.leave(res);
}

/** mapping_pattern */
function mappingPattern(p: P): Pattern | null {
  p.enter();
  const mark = p.mark;
  const mk = (keys: KeyPattern[], rest: string | null): Pattern =>
    p.pat(
      {
        k: 'MatchMapping',
        keys: keys.map((x) => x.key),
        patterns: keys.map((x) => x.pattern),
        rest,
      },
      mark,
    );
  if (p.expect(T.LBRACE) >= 0 && p.expect(T.RBRACE) >= 0) return p.leave(mk([], null));
  p.mark = mark;
  let rest: Expr | null, items: KeyPattern[] | null;
  if (p.expect(T.LBRACE) >= 0 && (rest = doubleStarPattern(p))) {
    p.expect(T.COMMA);
    if (p.expect(T.RBRACE) >= 0) return p.leave(mk([], (rest as { id: string }).id));
  }
  p.mark = mark;
  if (
    p.expect(T.LBRACE) >= 0 &&
    (items = itemsPattern(p)) &&
    p.expect(T.COMMA) >= 0 &&
    (rest = doubleStarPattern(p))
  ) {
    p.expect(T.COMMA);
    if (p.expect(T.RBRACE) >= 0) return p.leave(mk(items, (rest as { id: string }).id));
  }
  p.mark = mark;
  if (p.expect(T.LBRACE) >= 0 && (items = itemsPattern(p))) {
    p.expect(T.COMMA);
    if (p.expect(T.RBRACE) >= 0) return p.leave(mk(items, null));
  }
  p.mark = mark;
  return p.leave(null);
}

/** items_pattern: ','.key_value_pattern+ */
function itemsPattern(p: P): KeyPattern[] | null {
  p.enter();
  const mark = p.mark;
  const a = gather(p, keyValuePattern);
  if (!a) p.mark = mark;
  return p.leave(a);
}

/** key_value_pattern: (literal_expr | attr) ':' pattern */
function keyValuePattern(p: P): KeyPattern | null {
  p.enter();
  const mark = p.mark;
  p.enter(); // _tmp
  let key = literalExpr(p);
  if (!key) {
    p.mark = mark;
    key = attr(p);
  }
  if (!key) p.mark = mark;
  p.leave(0);
  let pat: Pattern | null;
  if (key && p.expect(T.COLON) >= 0 && (pat = pattern(p))) return p.leave({ key, pattern: pat });
  p.mark = mark;
  return p.leave(null);
}

/** double_star_pattern: '**' pattern_capture_target */
function doubleStarPattern(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  let t: Expr | null;
  if (p.expect(T.DOUBLESTAR) >= 0 && (t = patternCaptureTarget(p))) return p.leave(t);
  p.mark = mark;
  return p.leave(null);
}

/** class_pattern */
function classPattern(p: P): Pattern | null {
  p.enter();
  const mark = p.mark;
  const mk = (cls: Expr, ps: Pattern[], kws: { key: Expr; pattern: Pattern }[]): Pattern =>
    p.pat(
      {
        k: 'MatchClass',
        cls,
        patterns: ps,
        kwdAttrs: kws.map((x) => (x.key as { id: string }).id),
        kwdPatterns: kws.map((x) => x.pattern),
      },
      mark,
    );
  let cls: Expr | null, ps: Pattern[] | null, kws: KeyPattern[] | null;
  if ((cls = nameOrAttr(p)) && p.expect(T.LPAR) >= 0 && p.expect(T.RPAR) >= 0)
    return p.leave(mk(cls, [], []));
  p.mark = mark;
  if ((cls = nameOrAttr(p)) && p.expect(T.LPAR) >= 0 && (ps = positionalPatterns(p))) {
    p.expect(T.COMMA);
    if (p.expect(T.RPAR) >= 0) return p.leave(mk(cls, ps, []));
  }
  p.mark = mark;
  if ((cls = nameOrAttr(p)) && p.expect(T.LPAR) >= 0 && (kws = keywordPatterns(p))) {
    p.expect(T.COMMA);
    if (p.expect(T.RPAR) >= 0) return p.leave(mk(cls, [], kws));
  }
  p.mark = mark;
  if (
    (cls = nameOrAttr(p)) &&
    p.expect(T.LPAR) >= 0 &&
    (ps = positionalPatterns(p)) &&
    p.expect(T.COMMA) >= 0 &&
    (kws = keywordPatterns(p))
  ) {
    p.expect(T.COMMA);
    if (p.expect(T.RPAR) >= 0) return p.leave(mk(cls, ps, kws));
  }
  p.mark = mark;
  const r = inv<Pattern>(p, mark, invalidClassPattern);
  if (r) return p.leave(r);
  return p.leave(null);
}

/** positional_patterns: ','.pattern+ */
export function positionalPatterns(p: P): Pattern[] | null {
  p.enter();
  const mark = p.mark;
  const a = gather(p, pattern);
  if (!a) p.mark = mark;
  return p.leave(a);
}

/** keyword_patterns: ','.keyword_pattern+ */
export function keywordPatterns(p: P): KeyPattern[] | null {
  p.enter();
  const mark = p.mark;
  const a = gather(p, keywordPattern);
  if (!a) p.mark = mark;
  return p.leave(a);
}

/** keyword_pattern: NAME '=' pattern */
function keywordPattern(p: P): KeyPattern | null {
  p.enter();
  const mark = p.mark;
  let n: Expr | null, v: Pattern | null;
  if ((n = p.name()) && p.expect(T.EQUAL) >= 0 && (v = pattern(p))) return p.leave({ key: n, pattern: v });
  p.mark = mark;
  return p.leave(null);
}

const CLOSED: ((p: P) => Pattern | null)[] = [
  literalPattern,
  capturePattern,
  wildcardPattern,
  valuePattern,
  groupPattern,
  sequencePattern,
  mappingPattern,
  classPattern,
];
