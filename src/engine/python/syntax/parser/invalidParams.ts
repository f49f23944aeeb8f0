import type { Arg } from '../ast';
import * as T from '../tokens';
import type { Parser as P } from './core';
import { gather } from './expressions';
import {
  DEF,
  LAMBDA,
  loop,
  param,
  paramMaybeDefault,
  paramNoDefault,
  paramWithDefault,
  slashNoDefault,
  slashWithDefault,
  type Kind,
} from './params';

/** The invalid_* rules about def and lambda parameters (second pass only). */

/** invalid_parameters / invalid_lambda_parameters */
function invalidParametersOf(p: P, k: Kind): unknown {
  p.enter();
  const mark = p.mark;
  let a: Arg | null;
  // param_no_default* invalid_parameters_helper param_no_default
  loop(p, 0, paramNoDefault, k);
  if (invalidParametersHelper(p, k) && (a = paramNoDefault(p, k)))
    throw p.errorAt(a, 'non-default argument follows default argument');
  p.mark = mark;
  // param_no_default* '(' param_no_default+ ','? ')'   (lambda: ','.lambda_param+)
  loop(p, 0, paramNoDefault, k);
  let lp: number, rp: number;
  if ((lp = p.expect(T.LPAR)) >= 0) {
    const inner = k.lambda ? gather(p, (q) => param(q, LAMBDA)) : loop(p, 1, paramNoDefault, k);
    if (inner) {
      p.expect(T.COMMA);
      if ((rp = p.expect(T.RPAR)) >= 0)
        throw p.errorRange(
          p.tokPos(lp),
          p.tokPos(rp),
          k.lambda
            ? 'Lambda expression parameters cannot be parenthesized'
            : 'Function parameters cannot be parenthesized',
        );
    }
  }
  p.mark = mark;
  let s: number;
  if ((s = p.expect(T.SLASH)) >= 0 && p.expect(T.COMMA) >= 0)
    throw p.errorAtToken(s, 'at least one argument must precede /');
  p.mark = mark;
  // (slash_no_default | slash_with_default) param_maybe_default* '/'
  if (slashGroup(p, k)) {
    loop(p, 0, paramMaybeDefault, k);
    if ((s = p.expect(T.SLASH)) >= 0) throw p.errorAtToken(s, '/ may appear only once');
  }
  p.mark = mark;
  // (slash_no_default | slash_with_default)? param_maybe_default* '*' (',' | param_no_default) param_maybe_default* '/'
  slashGroup(p, k);
  loop(p, 0, paramMaybeDefault, k);
  if (p.expect(T.STAR) >= 0 && commaOrParam(p, k)) {
    loop(p, 0, paramMaybeDefault, k);
    if ((s = p.expect(T.SLASH)) >= 0) throw p.errorAtToken(s, '/ must be ahead of *');
  }
  p.mark = mark;
  // param_maybe_default+ '/' '*'
  let st: number;
  if (loop(p, 1, paramMaybeDefault, k) && p.expect(T.SLASH) >= 0 && (st = p.expect(T.STAR)) >= 0)
    throw p.errorAtToken(st, 'expected comma between / and *');
  p.mark = mark;
  return p.leave(null);
}

export const invalidParameters = (p: P): unknown => invalidParametersOf(p, DEF);
export const invalidLambdaParameters = (p: P): unknown => invalidParametersOf(p, LAMBDA);

/** (slash_no_default | slash_with_default) as a _tmp group */
function slashGroup(p: P, k: Kind): boolean {
  p.enter();
  const mark = p.mark;
  let ok = slashNoDefault(p, k) !== null;
  if (!ok) {
    p.mark = mark;
    ok = slashWithDefault(p, k) !== null;
  }
  if (!ok) p.mark = mark;
  return p.leave(ok);
}

/** (',' | param_no_default) as a _tmp group */
function commaOrParam(p: P, k: Kind): boolean {
  p.enter();
  const mark = p.mark;
  if (p.expect(T.COMMA) >= 0) return p.leave(true);
  const ok = paramNoDefault(p, k) !== null;
  if (!ok) p.mark = mark;
  return p.leave(ok);
}

/** invalid_parameters_helper: slash_with_default | param_with_default+ */
function invalidParametersHelper(p: P, k: Kind): boolean {
  p.enter();
  const mark = p.mark;
  if (slashWithDefault(p, k)) return p.leave(true);
  p.mark = mark;
  if (loop(p, 1, paramWithDefault, k)) return p.leave(true);
  p.mark = mark;
  return p.leave(false);
}

/** invalid_default: '=' &(')'|',') */
export function invalidDefault(p: P): unknown {
  p.enter();
  const mark = p.mark;
  let a: number;
  if ((a = p.expect(T.EQUAL)) >= 0 && peekAny(p, T.RPAR, T.COMMA))
    throw p.errorAtToken(a, 'expected default value expression');
  p.mark = mark;
  return p.leave(null);
}

function peekAny(p: P, ...types: number[]): boolean {
  p.enter();
  p.ensure();
  const t = p.type[p.mark];
  return p.leave(types.includes(t));
}

/** invalid_star_etc / invalid_lambda_star_etc */
function invalidStarEtcOf(p: P, k: Kind): unknown {
  p.enter();
  const mark = p.mark;
  let a: number;
  // '*' (')' | ',' (')' | '**'))    (lambda: '*' (':' | ',' (':' | '**')))
  if ((a = p.expect(T.STAR)) >= 0 && bareStarEnd(p, k)) {
    if (k.lambda) throw p.raise('SyntaxError', 'named arguments must follow bare *');
    throw p.errorAtToken(a, 'named arguments must follow bare *');
  }
  p.mark = mark;
  if (!k.lambda) {
    // '*' ',' TYPE_COMMENT: never (no type comments)
    if (p.expect(T.STAR) >= 0 && p.expect(T.COMMA) >= 0) p.ensure();
    p.mark = mark;
  }
  if (p.expect(T.STAR) >= 0 && param(p, k) && (a = p.expect(T.EQUAL)) >= 0)
    throw p.errorAtToken(a, 'var-positional argument cannot have default value');
  p.mark = mark;
  if (p.expect(T.STAR) >= 0 && commaOrParam(p, k)) {
    loop(p, 0, paramMaybeDefault, k);
    if ((a = p.expect(T.STAR)) >= 0 && commaOrParam(p, k))
      throw p.errorAtToken(a, '* argument may appear only once');
  }
  p.mark = mark;
  return p.leave(null);
}

/** (')' | ',' (')' | '**')), with ':' for lambdas */
function bareStarEnd(p: P, k: Kind): boolean {
  p.enter();
  const mark = p.mark;
  if (p.expect(k.close) >= 0) return p.leave(true);
  p.mark = mark;
  if (p.expect(T.COMMA) >= 0) {
    p.enter();
    p.ensure();
    const t = p.type[p.mark];
    const ok = t === k.close || t === T.DOUBLESTAR;
    if (ok) p.mark++;
    p.leave(0);
    if (ok) return p.leave(true);
  }
  p.mark = mark;
  return p.leave(false);
}

export const invalidStarEtc = (p: P): unknown => invalidStarEtcOf(p, DEF);
export const invalidLambdaStarEtc = (p: P): unknown => invalidStarEtcOf(p, LAMBDA);

/** invalid_kwds / invalid_lambda_kwds */
function invalidKwdsOf(p: P, k: Kind): unknown {
  p.enter();
  const mark = p.mark;
  let a: number;
  if (p.expect(T.DOUBLESTAR) >= 0 && param(p, k) && (a = p.expect(T.EQUAL)) >= 0)
    throw p.errorAtToken(a, 'var-keyword argument cannot have default value');
  p.mark = mark;
  let b: Arg | null;
  if (p.expect(T.DOUBLESTAR) >= 0 && param(p, k) && p.expect(T.COMMA) >= 0 && (b = param(p, k)))
    throw p.errorAt(b, 'arguments cannot follow var-keyword argument');
  p.mark = mark;
  if (p.expect(T.DOUBLESTAR) >= 0 && param(p, k) && p.expect(T.COMMA) >= 0) {
    p.enter(); // ('*'|'**'|'/')
    p.ensure();
    const t = p.type[p.mark];
    const ok = t === T.STAR || t === T.DOUBLESTAR || t === T.SLASH;
    p.leave(0);
    if (ok) throw p.errorAtToken(p.mark, 'arguments cannot follow var-keyword argument');
  }
  p.mark = mark;
  return p.leave(null);
}

export const invalidKwds = (p: P): unknown => invalidKwdsOf(p, DEF);
export const invalidLambdaKwds = (p: P): unknown => invalidKwdsOf(p, LAMBDA);
