import type { Expr, ExprContext } from '../ast';
import * as T from '../tokens';
import { setExprContext } from './actions';
import { atom, genexp } from './atoms';
import { argumentsRule } from './calls';
import type { Parser as P } from './core';
import { gather, slices } from './expressions';
import { R } from './rules';

/** star_targets: star_target !',' | star_target (',' star_target)* [','] */
export function starTargets(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  const a = starTarget(p);
  if (a && !p.peek(T.COMMA)) return p.leave(a);
  p.mark = mark;
  const a2 = starTarget(p);
  if (a2) {
    const b = commaTargets(p);
    p.expect(T.COMMA);
    return p.leave(p.ex({ k: 'Tuple', elts: [a2, ...b], ctx: 'store' }, mark));
  }
  p.mark = mark;
  return p.leave(null);
}

/** `(',' star_target)*` (a _loop0 over a _tmp). */
function commaTargets(p: P): Expr[] {
  p.enter();
  const out: Expr[] = [];
  let m = p.mark;
  for (;;) {
    p.enter();
    let c: Expr | null = null;
    if (p.expect(T.COMMA) >= 0) c = starTarget(p);
    p.leave(0);
    if (!c) break;
    out.push(c);
    m = p.mark;
  }
  p.mark = m;
  return p.leave(out);
}

/** star_targets_list_seq: ','.star_target+ [','] */
function starTargetsListSeq(p: P): Expr[] | null {
  p.enter();
  const mark = p.mark;
  const a = gather(p, starTarget);
  if (a) {
    p.expect(T.COMMA);
    return p.leave(a);
  }
  p.mark = mark;
  return p.leave(null);
}

/** star_targets_tuple_seq: star_target (',' star_target)+ [','] | star_target ',' */
function starTargetsTupleSeq(p: P): Expr[] | null {
  p.enter();
  const mark = p.mark;
  const a = starTarget(p);
  if (a) {
    const b = commaTargets1(p);
    if (b) {
      p.expect(T.COMMA);
      return p.leave([a, ...b]);
    }
  }
  p.mark = mark;
  const a2 = starTarget(p);
  if (a2 && p.expect(T.COMMA) >= 0) return p.leave([a2]);
  p.mark = mark;
  return p.leave(null);
}

function commaTargets1(p: P): Expr[] | null {
  const r = commaTargets(p);
  return r.length ? r : null;
}

/** star_target (memo): '*' (!'*' star_target) | target_with_star_atom */
export function starTarget(p: P): Expr | null {
  p.enter();
  if (p.memoized(R.star_target)) return p.leave(p.memoNode as Expr | null);
  const mark = p.mark;
  let res: Expr | null = null;
  if (p.expect(T.STAR) >= 0) {
    p.enter(); // _tmp: !'*' star_target
    let a: Expr | null = null;
    const m = p.mark;
    if (!p.peek(T.STAR)) a = starTarget(p);
    if (!a) p.mark = m;
    p.leave(0);
    if (a) res = p.ex({ k: 'Starred', value: setExprContext(a, 'store'), ctx: 'store' }, mark);
  }
  if (!res) {
    p.mark = mark;
    res = targetWithStarAtom(p);
    if (!res) p.mark = mark;
  }
  p.insertMemo(mark, R.star_target, res);
  return p.leave(res);
}

/** An attribute or subscript target ending here: t_primary ('.' NAME | '[' slices ']') !t_lookahead. */
function attrOrSubscriptTarget(p: P, mark: number, ctx: ExprContext): Expr | null {
  let a: Expr | null, n: Expr | null, b: Expr | null;
  if ((a = tPrimary(p)) && p.expect(T.DOT) >= 0 && (n = p.name()) && !tLookahead(p))
    return p.ex({ k: 'Attribute', value: a, attr: (n as { id: string }).id, ctx }, mark);
  p.mark = mark;
  if (
    (a = tPrimary(p)) &&
    p.expect(T.LSQB) >= 0 &&
    (b = slices(p)) &&
    p.expect(T.RSQB) >= 0 &&
    !tLookahead(p)
  )
    return p.ex({ k: 'Subscript', value: a, slice: b, ctx }, mark);
  p.mark = mark;
  return null;
}

/** target_with_star_atom (memo): attribute or subscript target | star_atom */
function targetWithStarAtom(p: P): Expr | null {
  p.enter();
  if (p.memoized(R.target_with_star_atom)) return p.leave(p.memoNode as Expr | null);
  const mark = p.mark;
  let res = attrOrSubscriptTarget(p, mark, 'store');
  if (!res) {
    res = starAtom(p);
    if (!res) p.mark = mark;
  }
  p.insertMemo(mark, R.target_with_star_atom, res);
  return p.leave(res);
}

/** star_atom: NAME | '(' target_with_star_atom ')' | '(' [star_targets_tuple_seq] ')' | '[' [star_targets_list_seq] ']' */
function starAtom(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  const n = p.name();
  if (n) return p.leave(setExprContext(n, 'store'));
  p.mark = mark;
  let a: Expr | null;
  if (p.expect(T.LPAR) >= 0 && (a = targetWithStarAtom(p)) && p.expect(T.RPAR) >= 0)
    return p.leave(setExprContext(a, 'store'));
  p.mark = mark;
  if (p.expect(T.LPAR) >= 0) {
    const s = starTargetsTupleSeq(p);
    if (p.expect(T.RPAR) >= 0) return p.leave(p.ex({ k: 'Tuple', elts: s ?? [], ctx: 'store' }, mark));
  }
  p.mark = mark;
  if (p.expect(T.LSQB) >= 0) {
    const s = starTargetsListSeq(p);
    if (p.expect(T.RSQB) >= 0) return p.leave(p.ex({ k: 'List', elts: s ?? [], ctx: 'store' }, mark));
  }
  p.mark = mark;
  return p.leave(null);
}

/** single_target: single_subscript_attribute_target | NAME | '(' single_target ')' */
export function singleTarget(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  const s = singleSubscriptAttributeTarget(p);
  if (s) return p.leave(s);
  p.mark = mark;
  const n = p.name();
  if (n) return p.leave(setExprContext(n, 'store'));
  p.mark = mark;
  let a: Expr | null;
  if (p.expect(T.LPAR) >= 0 && (a = singleTarget(p)) && p.expect(T.RPAR) >= 0) return p.leave(a);
  p.mark = mark;
  return p.leave(null);
}

/** single_subscript_attribute_target */
export function singleSubscriptAttributeTarget(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  const r = attrOrSubscriptTarget(p, mark, 'store');
  if (!r) p.mark = mark;
  return p.leave(r);
}

/** t_primary (left-recursive): a primary that a '.', '[' or '(' follows. */
export function tPrimary(p: P): Expr | null {
  p.enter();
  if (p.memoized(R.t_primary)) return p.leave(p.memoNode as Expr | null);
  const mark = p.mark;
  let res: Expr | null = null;
  let resmark = p.mark;
  for (;;) {
    p.updateMemo(mark, R.t_primary, res);
    p.mark = mark;
    const r = tPrimaryRaw(p);
    if (r === null || p.mark <= resmark) break;
    resmark = p.mark;
    res = r;
  }
  p.mark = resmark;
  return p.leave(res);
}

function tPrimaryRaw(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  let a: Expr | null, n: Expr | null, b: Expr | null;
  if ((a = tPrimary(p)) && p.expect(T.DOT) >= 0 && (n = p.name()) && tLookahead(p))
    return p.leave(p.ex({ k: 'Attribute', value: a, attr: (n as { id: string }).id, ctx: 'load' }, mark));
  p.mark = mark;
  if ((a = tPrimary(p)) && p.expect(T.LSQB) >= 0 && (b = slices(p)) && p.expect(T.RSQB) >= 0 && tLookahead(p))
    return p.leave(p.ex({ k: 'Subscript', value: a, slice: b, ctx: 'load' }, mark));
  p.mark = mark;
  if ((a = tPrimary(p)) && (b = genexp(p)) && tLookahead(p))
    return p.leave(p.ex({ k: 'Call', func: a, args: [b], keywords: [] }, mark));
  p.mark = mark;
  if ((a = tPrimary(p)) && p.expect(T.LPAR) >= 0) {
    const c = argumentsRule(p);
    if (p.expect(T.RPAR) >= 0 && tLookahead(p))
      return p.leave(
        p.ex({ k: 'Call', func: a, args: c ? c.args : [], keywords: c ? c.keywords : [] }, mark),
      );
  }
  p.mark = mark;
  if ((a = atom(p)) && tLookahead(p)) return p.leave(a);
  p.mark = mark;
  return p.leave(null);
}

/** t_lookahead: '(' | '[' | '.' (a rule of its own, used as a lookahead) */
export function tLookahead(p: P): boolean {
  p.enter();
  p.ensure();
  const t = p.type[p.mark];
  return p.leave(t === T.LPAR || t === T.LSQB || t === T.DOT);
}

/** del_targets: ','.del_target+ [','] */
export function delTargets(p: P): Expr[] | null {
  p.enter();
  const mark = p.mark;
  const a = gather(p, delTarget);
  if (a) {
    p.expect(T.COMMA);
    return p.leave(a);
  }
  p.mark = mark;
  return p.leave(null);
}

/** del_target (memo): attribute or subscript | del_t_atom */
function delTarget(p: P): Expr | null {
  p.enter();
  if (p.memoized(R.del_target)) return p.leave(p.memoNode as Expr | null);
  const mark = p.mark;
  let res = attrOrSubscriptTarget(p, mark, 'del');
  if (!res) {
    res = delTAtom(p);
    if (!res) p.mark = mark;
  }
  p.insertMemo(mark, R.del_target, res);
  return p.leave(res);
}

/** del_t_atom: NAME | '(' del_target ')' | '(' [del_targets] ')' | '[' [del_targets] ']' */
function delTAtom(p: P): Expr | null {
  p.enter();
  const mark = p.mark;
  const n = p.name();
  if (n) return p.leave(setExprContext(n, 'del'));
  p.mark = mark;
  let a: Expr | null;
  if (p.expect(T.LPAR) >= 0 && (a = delTarget(p)) && p.expect(T.RPAR) >= 0)
    return p.leave(setExprContext(a, 'del'));
  p.mark = mark;
  if (p.expect(T.LPAR) >= 0) {
    const s = delTargets(p);
    if (p.expect(T.RPAR) >= 0) return p.leave(p.ex({ k: 'Tuple', elts: s ?? [], ctx: 'del' }, mark));
  }
  p.mark = mark;
  if (p.expect(T.LSQB) >= 0) {
    const s = delTargets(p);
    if (p.expect(T.RSQB) >= 0) return p.leave(p.ex({ k: 'List', elts: s ?? [], ctx: 'del' }, mark));
  }
  p.mark = mark;
  return p.leave(null);
}
