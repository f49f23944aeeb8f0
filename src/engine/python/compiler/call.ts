import type { Expr, ExprOf, Keyword } from '../syntax/ast';
import { checkCaller } from './checks';
import { starUnpack } from './displays';
import { checkForbidden, STACK_USE_GUIDELINE, updateStartLocationToMatchAttr, visitExpr } from './expr';
import { Op } from './opcodes';
import { DEF_IMPORT } from './symtable';
import type { Compiler } from './unit';

/**
 * Calls as 3.11 compiles them: PUSH_NULL or LOAD_METHOD, the arguments, KW_NAMES for keyword
 * names, PRECALL n + CALL n; or, with *args / **kwargs (or very many arguments), a tuple and a
 * dict built with LIST_EXTEND / DICT_MERGE and CALL_FUNCTION_EX.
 */
export function compileCall(c: Compiler, e: ExprOf<'Call'>): void {
  validateKeywords(c, e.keywords);
  if (maybeOptimizeMethodCall(c, e)) return;
  checkCaller(c, e.func);
  c.setLoc(e.func);
  c.addOp(Op.PUSH_NULL);
  c.setLoc(e);
  visitExpr(c, e.func);
  callHelper(c, 0, e.args, e.keywords);
}

/** validate_keywords: `f(a=1, a=2)` is a SyntaxError. */
function validateKeywords(c: Compiler, keywords: Keyword[]): void {
  keywords.forEach((k, i) => {
    if (k.arg === null) return;
    checkForbidden(c, k.arg, 'store');
    for (const other of keywords.slice(i + 1)) {
      if (other.arg === k.arg) {
        c.setLoc(other);
        c.error(`keyword argument repeated: ${k.arg}`);
      }
    }
  });
}

/** is_import_originated: `mod.f()` where mod is imported in the module skips LOAD_METHOD. */
function isImportOriginated(c: Compiler, e: Expr): boolean {
  if (e.k !== 'Name') return false;
  return (c.st.top.flags(e.id) & DEF_IMPORT) !== 0;
}

/** maybe_optimize_method_call: `obj.meth(args)` → LOAD_METHOD + PRECALL/CALL. */
function maybeOptimizeMethodCall(c: Compiler, e: ExprOf<'Call'>): boolean {
  const meth = e.func;
  if (meth.k !== 'Attribute' || meth.ctx !== 'load') return false;
  if (isImportOriginated(c, meth.value)) return false;
  const argsl = e.args.length;
  const kwdsl = e.keywords.length;
  if (argsl + kwdsl + (kwdsl !== 0 ? 1 : 0) >= STACK_USE_GUIDELINE) return false;
  if (e.args.some((a) => a.k === 'Starred')) return false;
  if (e.keywords.some((k) => k.arg === null)) return false;
  visitExpr(c, meth.value);
  c.setLoc(meth);
  updateStartLocationToMatchAttr(c, meth);
  c.addName(Op.LOAD_METHOD, meth.attr);
  e.args.forEach((a) => visitExpr(c, a));
  if (kwdsl) {
    e.keywords.forEach((k) => visitExpr(c, k.value));
    kwNames(c, e.keywords);
  }
  c.setLoc(e);
  updateStartLocationToMatchAttr(c, meth);
  c.addOp(Op.PRECALL, argsl + kwdsl);
  c.addOp(Op.CALL, argsl + kwdsl);
  return true;
}

/** compiler_call_simple_kw_helper: KW_NAMES with the tuple of keyword names. */
function kwNames(c: Compiler, keywords: Keyword[]): void {
  const names = keywords.map((k) => ({ t: 'str' as const, v: k.arg! }));
  c.addOp(Op.KW_NAMES, c.addConst({ t: 'tuple', items: names }));
}

/** compiler_subkwargs: a run of name=value keywords as a dict. */
function subkwargs(c: Compiler, keywords: Keyword[], begin: number, end: number): void {
  const n = end - begin;
  const big = n * 2 > STACK_USE_GUIDELINE;
  if (n > 1 && !big) {
    for (let i = begin; i < end; i++) visitExpr(c, keywords[i].value);
    c.loadConst({ t: 'tuple', items: keywords.slice(begin, end).map((k) => ({ t: 'str', v: k.arg! })) });
    c.addOp(Op.BUILD_CONST_KEY_MAP, n);
    return;
  }
  if (big) c.addOpNoLine(Op.BUILD_MAP, 0);
  for (let i = begin; i < end; i++) {
    c.loadConst({ t: 'str', v: keywords[i].arg! });
    visitExpr(c, keywords[i].value);
    if (big) c.addOpNoLine(Op.MAP_ADD, 1);
  }
  if (!big) c.addOp(Op.BUILD_MAP, n);
}

/** compiler_call_helper: shared by calls and class definitions (`n` arguments already pushed). */
export function callHelper(c: Compiler, n: number, args: Expr[], keywords: Keyword[]): void {
  validateKeywords(c, keywords);
  const nelts = args.length;
  const nkwelts = keywords.length;
  const simple =
    nelts + nkwelts * 2 <= STACK_USE_GUIDELINE &&
    !args.some((a) => a.k === 'Starred') &&
    !keywords.some((k) => k.arg === null);
  if (simple) {
    args.forEach((a) => visitExpr(c, a));
    if (nkwelts) {
      keywords.forEach((k) => visitExpr(c, k.value));
      kwNames(c, keywords);
    }
    c.addOp(Op.PRECALL, n + nelts + nkwelts);
    c.addOp(Op.CALL, n + nelts + nkwelts);
    return;
  }
  // ex_call: positional arguments as one tuple.
  if (n === 0 && nelts === 1 && args[0].k === 'Starred') visitExpr(c, args[0].value);
  else starUnpack(c, args, n, Op.BUILD_LIST, Op.LIST_APPEND, Op.LIST_EXTEND, true);
  if (nkwelts) {
    let haveDict = false;
    let nseen = 0;
    keywords.forEach((kw, i) => {
      if (kw.arg === null) {
        if (nseen) {
          subkwargs(c, keywords, i - nseen, i);
          if (haveDict) c.addOp(Op.DICT_MERGE, 1);
          haveDict = true;
          nseen = 0;
        }
        if (!haveDict) {
          c.addOp(Op.BUILD_MAP, 0);
          haveDict = true;
        }
        visitExpr(c, kw.value);
        c.addOp(Op.DICT_MERGE, 1);
      } else nseen++;
    });
    if (nseen) {
      subkwargs(c, keywords, nkwelts - nseen, nkwelts);
      if (haveDict) c.addOp(Op.DICT_MERGE, 1);
    }
  }
  c.addOp(Op.CALL_FUNCTION_EX, nkwelts > 0 ? 1 : 0);
}
