import type { Arg, Arguments, Expr } from '../ast';
import * as T from '../tokens';
import { makeArguments, type NameDefault, type SlashWithDefault, type StarEtc } from './actions';
import type { Parser as P } from './core';
import { expression, starExpression } from './expressions';
import {
  invalidDefault,
  invalidKwds,
  invalidLambdaKwds,
  invalidLambdaParameters,
  invalidLambdaStarEtc,
  invalidParameters,
  invalidStarEtc,
} from './invalidParams';

/**
 * Function and lambda parameters. The grammar writes the lambda rules as copies of the def rules
 * without annotations, closed by ':' instead of ')'; one implementation serves both (`Kind`).
 */
export interface Kind {
  lambda: boolean;
  close: number;
}
export const DEF: Kind = { lambda: false, close: T.RPAR };
export const LAMBDA: Kind = { lambda: true, close: T.COLON };

/** params: invalid_parameters | parameters */
export function params(p: P): Arguments | null {
  return paramsOf(p, DEF);
}

/** lambda_params: invalid_lambda_parameters | lambda_parameters */
export function lambdaParams(p: P): Arguments | null {
  return paramsOf(p, LAMBDA);
}

function paramsOf(p: P, k: Kind): Arguments | null {
  p.enter();
  const mark = p.mark;
  if (p.callInvalidRules) {
    const r = k.lambda ? invalidLambdaParameters(p) : invalidParameters(p);
    if (r) return p.leave(r as Arguments);
    p.mark = mark;
  }
  const a = parameters(p, k);
  if (!a) p.mark = mark;
  return p.leave(a);
}

/** A `rule*` or `rule+` loop (_loop0/_loop1). */
export function loop<X>(p: P, min: 0 | 1, rule: (p: P, k: Kind) => X | null, k: Kind): X[] | null {
  p.enter();
  const out: X[] = [];
  let m = p.mark;
  for (let x = rule(p, k); x !== null; x = rule(p, k)) {
    out.push(x);
    m = p.mark;
  }
  p.mark = m;
  return p.leave(out.length >= min ? out : null);
}

function parameters(p: P, k: Kind): Arguments | null {
  p.enter();
  const mark = p.mark;
  let a: Arg[] | null;
  let sw: SlashWithDefault | null;
  let c: NameDefault[] | null;
  let s: StarEtc | null;
  if ((a = slashNoDefault(p, k))) {
    const b = loop(p, 0, paramNoDefault, k)!;
    const c2 = loop(p, 0, paramWithDefault, k)!;
    const d = starEtc(p, k);
    return p.leave(makeArguments(a, null, b, c2, d));
  }
  p.mark = mark;
  if ((sw = slashWithDefault(p, k))) {
    const b = loop(p, 0, paramWithDefault, k)!;
    const d = starEtc(p, k);
    return p.leave(makeArguments(null, sw, null, b, d));
  }
  p.mark = mark;
  if ((a = loop(p, 1, paramNoDefault, k))) {
    const b = loop(p, 0, paramWithDefault, k)!;
    const d = starEtc(p, k);
    return p.leave(makeArguments(null, null, a, b, d));
  }
  p.mark = mark;
  if ((c = loop(p, 1, paramWithDefault, k))) {
    const d = starEtc(p, k);
    return p.leave(makeArguments(null, null, null, c, d));
  }
  p.mark = mark;
  if ((s = starEtc(p, k))) return p.leave(makeArguments(null, null, null, null, s));
  p.mark = mark;
  return p.leave(null);
}

/** slash_no_default: param_no_default+ '/' ',' | param_no_default+ '/' &')' */
export function slashNoDefault(p: P, k: Kind): Arg[] | null {
  p.enter();
  const mark = p.mark;
  for (let alt = 0; alt < 2; alt++) {
    const a = loop(p, 1, paramNoDefault, k);
    if (a && p.expect(T.SLASH) >= 0 && (alt === 0 ? p.expect(T.COMMA) >= 0 : p.peek(k.close)))
      return p.leave(a);
    p.mark = mark;
  }
  return p.leave(null);
}

/** slash_with_default: param_no_default* param_with_default+ '/' (',' | &')') */
export function slashWithDefault(p: P, k: Kind): SlashWithDefault | null {
  p.enter();
  const mark = p.mark;
  for (let alt = 0; alt < 2; alt++) {
    const a = loop(p, 0, paramNoDefault, k)!;
    const b = loop(p, 1, paramWithDefault, k);
    if (b && p.expect(T.SLASH) >= 0 && (alt === 0 ? p.expect(T.COMMA) >= 0 : p.peek(k.close)))
      return p.leave({ plainNames: a, namesWithDefaults: b });
    p.mark = mark;
  }
  return p.leave(null);
}

/** star_etc: invalid_star_etc | '*' param_no_default param_maybe_default* [kwds] | ... | kwds */
export function starEtc(p: P, k: Kind): StarEtc | null {
  p.enter();
  const mark = p.mark;
  if (p.callInvalidRules) {
    const r = k.lambda ? invalidLambdaStarEtc(p) : invalidStarEtc(p);
    if (r) return p.leave(r as StarEtc);
    p.mark = mark;
  }
  let a: Arg | null;
  let b: NameDefault[] | null;
  if (p.expect(T.STAR) >= 0 && (a = paramNoDefault(p, k))) {
    b = loop(p, 0, paramMaybeDefault, k)!;
    return p.leave({ vararg: a, kwonlyargs: b, kwarg: kwds(p, k) });
  }
  p.mark = mark;
  if (!k.lambda && p.expect(T.STAR) >= 0 && (a = paramNoDefaultStarAnnotation(p))) {
    b = loop(p, 0, paramMaybeDefault, k)!;
    return p.leave({ vararg: a, kwonlyargs: b, kwarg: kwds(p, k) });
  }
  p.mark = mark;
  if (p.expect(T.STAR) >= 0 && p.expect(T.COMMA) >= 0 && (b = loop(p, 1, paramMaybeDefault, k)))
    return p.leave({ vararg: null, kwonlyargs: b, kwarg: kwds(p, k) });
  p.mark = mark;
  if ((a = kwds(p, k))) return p.leave({ vararg: null, kwonlyargs: null, kwarg: a });
  p.mark = mark;
  return p.leave(null);
}

/** kwds: invalid_kwds | '**' param_no_default */
export function kwds(p: P, k: Kind): Arg | null {
  p.enter();
  const mark = p.mark;
  if (p.callInvalidRules) {
    const r = k.lambda ? invalidLambdaKwds(p) : invalidKwds(p);
    if (r) return p.leave(r as Arg);
    p.mark = mark;
  }
  let a: Arg | null;
  if (p.expect(T.DOUBLESTAR) >= 0 && (a = paramNoDefault(p, k))) return p.leave(a);
  p.mark = mark;
  return p.leave(null);
}

/** param_no_default: param ',' TYPE_COMMENT? | param TYPE_COMMENT? &')' */
export function paramNoDefault(p: P, k: Kind): Arg | null {
  p.enter();
  const mark = p.mark;
  let a: Arg | null;
  if ((a = param(p, k)) && p.expect(T.COMMA) >= 0) {
    typeComment(p, k);
    return p.leave(a);
  }
  p.mark = mark;
  if ((a = param(p, k)) && (typeComment(p, k), p.peek(k.close))) return p.leave(a);
  p.mark = mark;
  return p.leave(null);
}

/** param_no_default_star_annotation: `*args: *Ts` (def only). */
function paramNoDefaultStarAnnotation(p: P): Arg | null {
  p.enter();
  const mark = p.mark;
  let a: Arg | null;
  if ((a = paramStarAnnotation(p)) && p.expect(T.COMMA) >= 0) {
    typeComment(p, DEF);
    return p.leave(a);
  }
  p.mark = mark;
  if ((a = paramStarAnnotation(p)) && (typeComment(p, DEF), p.peek(T.RPAR))) return p.leave(a);
  p.mark = mark;
  return p.leave(null);
}

/** param_with_default: param default (',' | &')') */
export function paramWithDefault(p: P, k: Kind): NameDefault | null {
  p.enter();
  const mark = p.mark;
  let a: Arg | null, c: Expr | null;
  if ((a = param(p, k)) && (c = defaultRule(p)) && p.expect(T.COMMA) >= 0) {
    typeComment(p, k);
    return p.leave({ arg: a, value: c });
  }
  p.mark = mark;
  if ((a = param(p, k)) && (c = defaultRule(p)) && (typeComment(p, k), p.peek(k.close)))
    return p.leave({ arg: a, value: c });
  p.mark = mark;
  return p.leave(null);
}

/** param_maybe_default: param default? (',' | &')') */
export function paramMaybeDefault(p: P, k: Kind): NameDefault | null {
  p.enter();
  const mark = p.mark;
  let a: Arg | null;
  if ((a = param(p, k))) {
    const c = defaultRule(p);
    if (p.expect(T.COMMA) >= 0) {
      typeComment(p, k);
      return p.leave({ arg: a, value: c });
    }
  }
  p.mark = mark;
  if ((a = param(p, k))) {
    const c = defaultRule(p);
    typeComment(p, k);
    if (p.peek(k.close)) return p.leave({ arg: a, value: c });
  }
  p.mark = mark;
  return p.leave(null);
}

/** The TYPE_COMMENT? a def parameter may carry: never produced (type comments are off), but fetched. */
function typeComment(p: P, k: Kind): void {
  if (!k.lambda) p.ensure();
}

/** param: NAME annotation? (lambda_param: NAME) */
export function param(p: P, k: Kind): Arg | null {
  p.enter();
  const mark = p.mark;
  const n = p.name();
  if (!n) {
    p.mark = mark;
    return p.leave(null);
  }
  const id = (n as { id: string }).id;
  if (k.lambda) return p.leave(p.at({ arg: id, annotation: null }, mark));
  const b = annotation(p);
  return p.leave(p.at({ arg: id, annotation: b }, mark));
}

function paramStarAnnotation(p: P): Arg | null {
  p.enter();
  const mark = p.mark;
  const n = p.name();
  let b: Expr | null;
  if (n && (b = starAnnotation(p)))
    return p.leave(p.at({ arg: (n as { id: string }).id, annotation: b }, mark));
  p.mark = mark;
  return p.leave(null);
}

/** annotation: ':' expression */
function annotation(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  let a: Expr | null;
  if (p.expect(T.COLON) >= 0 && (a = expression(p))) return p.leave(a);
  p.mark = mark;
  return p.leave(null);
}

/** star_annotation: ':' star_expression */
function starAnnotation(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  let a: Expr | null;
  if (p.expect(T.COLON) >= 0 && (a = starExpression(p))) return p.leave(a);
  p.mark = mark;
  return p.leave(null);
}

/** default: '=' expression | invalid_default */
export function defaultRule(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  let a: Expr | null;
  if (p.expect(T.EQUAL) >= 0 && (a = expression(p))) return p.leave(a);
  p.mark = mark;
  if (p.callInvalidRules) {
    const r = invalidDefault(p);
    if (r) return p.leave(r as Expr);
    p.mark = mark;
  }
  return p.leave(null);
}
