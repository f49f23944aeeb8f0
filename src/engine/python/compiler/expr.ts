import type { Expr, ExprContext, ExprOf } from '../syntax/ast';
import { compileCall } from './call';
import { checkSubscript } from './checks';
import { boolOp, compare, jumpIf } from './conditions';
import { compileComprehension } from './comprehension';
import { compileLambda } from './defs';
import { assignmentHelper, dict, starUnpack } from './displays';
import { notSupported } from './errors';
import { addYield, addYieldFrom } from './flow';
import { FVC_ASCII, FVC_NONE, FVC_REPR, FVC_STR, FVS_HAVE_SPEC, NB_INPLACE, NB_OPS, Op } from './opcodes';
import { mangle, Scope } from './symtable';
import type { Compiler } from './unit';
import { NONE, type Const } from './values';

/** A soft limit of stack use for displays and calls (STACK_USE_GUIDELINE). */
export const STACK_USE_GUIDELINE = 30;

/** compiler_visit_expr: every expression gets its own location, restored after. */
export function visitExpr(c: Compiler, e: Expr): void {
  const saved = c.u.loc;
  c.setLoc(e);
  visitExpr1(c, e);
  c.u.loc = saved;
}

function visitExpr1(c: Compiler, e: Expr): void {
  switch (e.k) {
    case 'NamedExpr':
      visitExpr(c, e.value);
      c.addOp(Op.COPY, 1);
      visitExpr(c, e.target);
      return;
    case 'BoolOp':
      return boolOp(c, e);
    case 'BinOp':
      visitExpr(c, e.left);
      visitExpr(c, e.right);
      c.addOp(Op.BINARY_OP, NB_OPS.indexOf(e.op));
      return;
    case 'UnaryOp':
      visitExpr(c, e.operand);
      c.addOp(
        { '-': Op.UNARY_NEGATIVE, '+': Op.UNARY_POSITIVE, '~': Op.UNARY_INVERT, not: Op.UNARY_NOT }[e.op],
      );
      return;
    case 'Lambda':
      return compileLambda(c, e);
    case 'IfExp': {
      const end = c.newBlock();
      const next = c.newBlock();
      jumpIf(c, e.test, next, false);
      visitExpr(c, e.body);
      c.addJumpNoLine(Op.JUMP, end);
      c.useNextBlock(next);
      visitExpr(c, e.orelse);
      c.useNextBlock(end);
      return;
    }
    case 'Dict':
      return dict(c, e);
    case 'Set':
      return starUnpack(c, e.elts, 0, Op.BUILD_SET, Op.SET_ADD, Op.SET_UPDATE, false);
    case 'GeneratorExp':
    case 'ListComp':
    case 'SetComp':
    case 'DictComp':
      return compileComprehension(c, e);
    case 'Yield':
      if (c.u.ste.type !== 'function') c.error("'yield' outside function");
      if (e.value) visitExpr(c, e.value);
      else c.loadConst(NONE);
      addYield(c);
      return;
    case 'YieldFrom':
      if (c.u.ste.type !== 'function') c.error("'yield' outside function");
      if (c.u.scopeType === 'async function') c.error("'yield from' inside async function");
      visitExpr(c, e.value);
      c.addOp(Op.GET_YIELD_FROM_ITER);
      c.loadConst(NONE);
      addYieldFrom(c, false);
      return;
    case 'Await':
      if (c.u.ste.type !== 'function') c.error("'await' outside function");
      if (c.u.scopeType !== 'async function' && c.u.scopeType !== 'comprehension')
        c.error("'await' outside async function");
      visitExpr(c, e.value);
      c.addOp(Op.GET_AWAITABLE, 0);
      c.loadConst(NONE);
      addYieldFrom(c, true);
      return;
    case 'Compare':
      return compare(c, e);
    case 'Call':
      return compileCall(c, e);
    case 'Constant':
      c.loadConst(e.value);
      return;
    case 'JoinedStr':
      return joinedStr(c, e);
    case 'FormattedValue':
      return formattedValue(c, e);
    case 'Attribute':
      visitExpr(c, e.value);
      updateStartLocationToMatchAttr(c, e);
      if (e.ctx === 'load') c.addName(Op.LOAD_ATTR, e.attr);
      else if (e.ctx === 'store') {
        if (e.attr === '__debug__') c.error('cannot assign to __debug__');
        if (c.opts.classBodyAttributes && e.value.k === 'Name' && e.value.id === 'self') {
          // 3.13 compiler_visit_expr1: `self.NAME = …` names NAME in the nearest enclosing class (get_class_compiler_unit)
          for (let i = c.stack.length - 1; i >= 0; i--)
            if (c.stack[i].scopeType === 'class') {
              c.stack[i].staticAttributes?.add(e.attr);
              break;
            }
        }
        c.addName(Op.STORE_ATTR, e.attr);
      } else c.addName(Op.DELETE_ATTR, e.attr);
      return;
    case 'Subscript':
      return subscript(c, e);
    case 'Starred':
      if (e.ctx === 'store') c.error('starred assignment target must be in a list or tuple');
      c.error("can't use starred expression here");
      return;
    case 'Slice':
      return slice(c, e);
    case 'Name':
      return nameOp(c, e.id, e.ctx);
    case 'List':
      if (e.ctx === 'store') return assignmentHelper(c, e.elts);
      if (e.ctx === 'load')
        return starUnpack(c, e.elts, 0, Op.BUILD_LIST, Op.LIST_APPEND, Op.LIST_EXTEND, false);
      e.elts.forEach((x) => visitExpr(c, x));
      return;
    case 'Tuple':
      if (e.ctx === 'store') return assignmentHelper(c, e.elts);
      if (e.ctx === 'load')
        return starUnpack(c, e.elts, 0, Op.BUILD_LIST, Op.LIST_APPEND, Op.LIST_EXTEND, true);
      e.elts.forEach((x) => visitExpr(c, x));
      return;
  }
}

/** forbidden_name. */
export function checkForbidden(c: Compiler, name: string, ctx: ExprContext): void {
  if (name !== '__debug__') return;
  if (ctx === 'store') c.error('cannot assign to __debug__');
  if (ctx === 'del') c.error('cannot delete __debug__');
}

/** compiler_nameop: FAST in functions, DEREF for cells and frees, GLOBAL or NAME otherwise. */
export function nameOp(c: Compiler, name: string, ctx: ExprContext): void {
  checkForbidden(c, name, ctx);
  const u = c.u;
  const mangled = mangle(u.privateName, name);
  const scope = u.ste.scope(mangled);
  const inFunction = u.ste.type === 'function';
  const pick = (load: number, store: number, del: number): number =>
    ctx === 'load' ? load : ctx === 'store' ? store : del;
  if (u.fastHidden?.has(mangled)) {
    c.addOp(pick(Op.LOAD_FAST, Op.STORE_FAST, Op.DELETE_FAST), u.varnames.add(mangled));
    return;
  }
  if (scope === Scope.FREE || scope === Scope.CELL) {
    const table = scope === Scope.FREE ? u.freevars : u.cellvars;
    const arg = table.get(mangled) ?? table.add(mangled);
    const load = u.ste.type === 'class' && u.inInlinedComp === 0 ? Op.LOAD_CLASSDEREF : Op.LOAD_DEREF;
    c.addOp(pick(load, Op.STORE_DEREF, Op.DELETE_DEREF), arg);
    return;
  }
  if (scope === Scope.LOCAL && inFunction) {
    c.addOp(pick(Op.LOAD_FAST, Op.STORE_FAST, Op.DELETE_FAST), u.varnames.add(mangled));
    return;
  }
  const before = u.names.size;
  const arg = u.names.add(mangled);
  c.probe?.addName(u, u.names.size > before);
  if ((scope === Scope.GLOBAL_IMPLICIT && inFunction) || scope === Scope.GLOBAL_EXPLICIT) {
    c.addOp(pick(Op.LOAD_GLOBAL, Op.STORE_GLOBAL, Op.DELETE_GLOBAL), ctx === 'load' ? arg << 1 : arg);
    return;
  }
  c.addOp(pick(Op.LOAD_NAME, Op.STORE_NAME, Op.DELETE_NAME), arg);
}

/** update_start_location_to_match_attr: a multi-line `a\n.b` points at `b`. */
export function updateStartLocationToMatchAttr(c: Compiler, attr: ExprOf<'Attribute'>): void {
  const loc = c.u.loc;
  if (loc.line === attr.endLine) return;
  const l = { ...loc, line: attr.endLine };
  const len = Array.from(attr.attr).length;
  if (len <= attr.endCol) l.col = attr.endCol - len;
  else {
    l.col = -1;
    l.endCol = -1;
  }
  l.endLine = Math.max(l.line, l.endLine);
  if (l.line === l.endLine) l.endCol = Math.max(l.col, l.endCol);
  c.u.loc = l;
}

function subscript(c: Compiler, e: ExprOf<'Subscript'>): void {
  if (e.ctx === 'load') checkSubscript(c, e);
  visitExpr(c, e.value);
  visitExpr(c, e.slice);
  c.addOp(e.ctx === 'load' ? Op.BINARY_SUBSCR : e.ctx === 'store' ? Op.STORE_SUBSCR : Op.DELETE_SUBSCR);
}

/** compiler_slice: BUILD_SLICE with None for a missing bound. */
function slice(c: Compiler, e: ExprOf<'Slice'>): void {
  if (e.lower) visitExpr(c, e.lower);
  else c.loadConst(NONE);
  if (e.upper) visitExpr(c, e.upper);
  else c.loadConst(NONE);
  if (e.step) visitExpr(c, e.step);
  c.addOp(Op.BUILD_SLICE, e.step ? 3 : 2);
}

/** compiler_joined_str: BUILD_STRING, or ''.join([...]) past 30 parts. */
function joinedStr(c: Compiler, e: ExprOf<'JoinedStr'>): void {
  const n = e.values.length;
  if (n > STACK_USE_GUIDELINE) {
    c.loadConst({ t: 'str', v: '' });
    c.addName(Op.LOAD_METHOD, 'join');
    c.addOp(Op.BUILD_LIST, 0);
    for (const v of e.values) {
      visitExpr(c, v);
      c.addOp(Op.LIST_APPEND, 1);
    }
    c.addOp(Op.PRECALL, 1);
    c.addOp(Op.CALL, 1);
    return;
  }
  e.values.forEach((v) => visitExpr(c, v));
  if (n !== 1) c.addOp(Op.BUILD_STRING, n);
}

/** compiler_formatted_value: FORMAT_VALUE with the conversion and a spec flag. */
function formattedValue(c: Compiler, e: ExprOf<'FormattedValue'>): void {
  visitExpr(c, e.value);
  const conv = { [-1]: FVC_NONE, 115: FVC_STR, 114: FVC_REPR, 97: FVC_ASCII }[e.conversion];
  if (conv === undefined) throw notSupported(`f-string conversion ${e.conversion}`, e);
  let oparg = conv;
  if (e.formatSpec) {
    visitExpr(c, e.formatSpec);
    oparg |= FVS_HAVE_SPEC;
  }
  c.addOp(Op.FORMAT_VALUE, oparg);
}

/** The BINARY_OP oparg of an augmented assignment. */
export const inplaceOparg = (op: ExprOf<'BinOp'>['op']): number => NB_OPS.indexOf(op) + NB_INPLACE;

export const loadNone = (c: Compiler): void => c.loadConst(NONE as Const);
