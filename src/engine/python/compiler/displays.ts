import type { Expr, ExprOf } from '../syntax/ast';
import { STACK_USE_GUIDELINE, visitExpr } from './expr';
import { Op } from './opcodes';
import type { Compiler } from './unit';
import { frozensetOf } from './values';

/** Displays and unpacking: lists, tuples, sets, dicts, and the targets of star-assignments (compile.c). */
const allConst = (elts: (Expr | null)[], begin = 0, end = elts.length): boolean => {
  for (let i = begin; i < end; i++) if (elts[i]?.k !== 'Constant') return false;
  return true;
};

/** starunpack_helper: displays, with a constant tuple folded in and *unpacking extended. */
export function starUnpack(
  c: Compiler,
  elts: Expr[],
  pushed: number,
  build: number,
  add: number,
  extend: number,
  tuple: boolean,
): void {
  const n = elts.length;
  if (n > 2 && allConst(elts)) {
    const items = elts.map((x) => (x as ExprOf<'Constant'>).value);
    if (tuple && !pushed) c.loadConst({ t: 'tuple', items });
    else {
      c.addOp(build, pushed);
      c.loadConst(add === Op.SET_ADD ? frozensetOf(items) : { t: 'tuple', items });
      c.addOp(extend, 1);
      if (tuple) c.addOp(Op.LIST_TO_TUPLE);
    }
    return;
  }
  const big = n + pushed > STACK_USE_GUIDELINE;
  const seenStar = elts.some((x) => x.k === 'Starred');
  if (!seenStar && !big) {
    elts.forEach((x) => visitExpr(c, x));
    c.addOp(tuple ? Op.BUILD_TUPLE : build, n + pushed);
    return;
  }
  let built = false;
  if (big) {
    c.addOp(build, pushed);
    built = true;
  }
  elts.forEach((elt, i) => {
    if (elt.k === 'Starred') {
      if (!built) {
        c.addOp(build, i + pushed);
        built = true;
      }
      visitExpr(c, elt.value);
      c.addOp(extend, 1);
    } else {
      visitExpr(c, elt);
      if (built) c.addOp(add, 1);
    }
  });
  if (tuple) c.addOp(Op.LIST_TO_TUPLE);
}

/** unpack_helper + assignment_helper: UNPACK_SEQUENCE, or UNPACK_EX around one starred target. */
export function unpackHelper(c: Compiler, elts: { k: string }[], what = 'assignment'): void {
  const n = elts.length;
  let seenStar = false;
  for (let i = 0; i < n; i++) {
    const star = elts[i].k === 'Starred' || elts[i].k === 'MatchStar';
    if (star && !seenStar) {
      if (i >= 1 << 8 || n - i - 1 >= 0x7fffffff >> 8)
        c.error(`too many expressions in star-unpacking ${what}`);
      c.addOp(Op.UNPACK_EX, i + ((n - i - 1) << 8));
      seenStar = true;
    } else if (star) c.error(`multiple starred expressions in ${what}`);
  }
  if (!seenStar) c.addOp(Op.UNPACK_SEQUENCE, n);
}

export function assignmentHelper(c: Compiler, elts: Expr[]): void {
  unpackHelper(c, elts);
  for (const elt of elts) visitExpr(c, elt.k === 'Starred' ? elt.value : elt);
}

/** compiler_subdict: keys and values of a run without **, as BUILD_CONST_KEY_MAP when it can. */
function subdict(c: Compiler, e: ExprOf<'Dict'>, begin: number, end: number): void {
  const n = end - begin;
  const big = n * 2 > STACK_USE_GUIDELINE;
  if (n > 1 && !big && allConst(e.keys, begin, end)) {
    for (let i = begin; i < end; i++) visitExpr(c, e.values[i]);
    c.loadConst({ t: 'tuple', items: e.keys.slice(begin, end).map((k) => (k as ExprOf<'Constant'>).value) });
    c.addOp(Op.BUILD_CONST_KEY_MAP, n);
    return;
  }
  if (big) c.addOp(Op.BUILD_MAP, 0);
  for (let i = begin; i < end; i++) {
    visitExpr(c, e.keys[i]!);
    visitExpr(c, e.values[i]);
    if (big) c.addOp(Op.MAP_ADD, 1);
  }
  if (!big) c.addOp(Op.BUILD_MAP, n);
}

/** compiler_dict. */
export function dict(c: Compiler, e: ExprOf<'Dict'>): void {
  const n = e.values.length;
  let haveDict = false;
  let elements = 0;
  for (let i = 0; i < n; i++) {
    if (e.keys[i] === null) {
      if (elements) {
        subdict(c, e, i - elements, i);
        if (haveDict) c.addOp(Op.DICT_UPDATE, 1);
        haveDict = true;
        elements = 0;
      }
      if (!haveDict) {
        c.addOp(Op.BUILD_MAP, 0);
        haveDict = true;
      }
      visitExpr(c, e.values[i]);
      c.addOp(Op.DICT_UPDATE, 1);
    } else if (elements * 2 > STACK_USE_GUIDELINE) {
      subdict(c, e, i - elements, i + 1);
      if (haveDict) c.addOp(Op.DICT_UPDATE, 1);
      haveDict = true;
      elements = 0;
    } else elements++;
  }
  if (elements) {
    subdict(c, e, n - elements, n);
    if (haveDict) c.addOp(Op.DICT_UPDATE, 1);
    haveDict = true;
  }
  if (!haveDict) c.addOp(Op.BUILD_MAP, 0);
}
