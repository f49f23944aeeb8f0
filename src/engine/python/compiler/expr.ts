import type { CmpOpName, Expr, ExprContext, ExprOf } from '../syntax/ast';
import type { Block } from './cfg';
import { notSupported } from './errors';
import { compileCall } from './call';
import { compileComprehension, compileLambda } from './defs';
import { addYield, addYieldFrom } from './flow';
import { CMP_OPS, FVC_ASCII, FVC_NONE, FVC_REPR, FVC_STR, FVS_HAVE_SPEC, NB_INPLACE, NB_OPS, Op } from './opcodes';
import { mangle, Scope } from './symtable';
import type { Compiler } from './unit';
import { frozensetOf, NONE, type Const } from './values';

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
      c.addOp({ '-': Op.UNARY_NEGATIVE, '+': Op.UNARY_POSITIVE, '~': Op.UNARY_INVERT, not: Op.UNARY_NOT }[e.op]);
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
      if (c.u.scopeType !== 'async function' && c.u.scopeType !== 'comprehension') c.error("'await' outside async function");
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
      if (e.ctx === 'load') return starUnpack(c, e.elts, 0, Op.BUILD_LIST, Op.LIST_APPEND, Op.LIST_EXTEND, false);
      e.elts.forEach((x) => visitExpr(c, x));
      return;
    case 'Tuple':
      if (e.ctx === 'store') return assignmentHelper(c, e.elts);
      if (e.ctx === 'load') return starUnpack(c, e.elts, 0, Op.BUILD_LIST, Op.LIST_APPEND, Op.LIST_EXTEND, true);
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
  const pick = (load: number, store: number, del: number): number => (ctx === 'load' ? load : ctx === 'store' ? store : del);
  if (scope === Scope.FREE || scope === Scope.CELL) {
    const table = scope === Scope.FREE ? u.freevars : u.cellvars;
    const arg = table.get(mangled) ?? table.add(mangled);
    const load = u.ste.type === 'class' ? Op.LOAD_CLASSDEREF : Op.LOAD_DEREF;
    c.addOp(pick(load, Op.STORE_DEREF, Op.DELETE_DEREF), arg);
    return;
  }
  if (scope === Scope.LOCAL && inFunction) {
    c.addOp(pick(Op.LOAD_FAST, Op.STORE_FAST, Op.DELETE_FAST), u.varnames.add(mangled));
    return;
  }
  if ((scope === Scope.GLOBAL_IMPLICIT && inFunction) || scope === Scope.GLOBAL_EXPLICIT) {
    const arg = u.names.add(mangled);
    c.addOp(pick(Op.LOAD_GLOBAL, Op.STORE_GLOBAL, Op.DELETE_GLOBAL), ctx === 'load' ? arg << 1 : arg);
    return;
  }
  c.addOp(pick(Op.LOAD_NAME, Op.STORE_NAME, Op.DELETE_NAME), u.names.add(mangled));
}

/** compiler_boolop: JUMP_IF_FALSE_OR_POP / JUMP_IF_TRUE_OR_POP to a common end. */
function boolOp(c: Compiler, e: ExprOf<'BoolOp'>): void {
  const jump = e.op === 'and' ? Op.JUMP_IF_FALSE_OR_POP : Op.JUMP_IF_TRUE_OR_POP;
  const end = c.newBlock();
  const n = e.values.length - 1;
  for (let i = 0; i < n; i++) {
    visitExpr(c, e.values[i]);
    c.addJump(jump, end);
    c.useNextBlock(c.newBlock());
  }
  visitExpr(c, e.values[n]);
  c.useNextBlock(end);
}

const allConst = (elts: (Expr | null)[], begin = 0, end = elts.length): boolean => {
  for (let i = begin; i < end; i++) if (elts[i]?.k !== 'Constant') return false;
  return true;
};

/** starunpack_helper: displays, with a constant tuple folded in and *unpacking extended. */
export function starUnpack(c: Compiler, elts: Expr[], pushed: number, build: number, add: number, extend: number, tuple: boolean): void {
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
      if (i >= 1 << 8 || n - i - 1 >= 0x7fffffff >> 8) c.error(`too many expressions in star-unpacking ${what}`);
      c.addOp(Op.UNPACK_EX, i + ((n - i - 1) << 8));
      seenStar = true;
    } else if (star) c.error(`multiple starred expressions in ${what}`);
  }
  if (!seenStar) c.addOp(Op.UNPACK_SEQUENCE, n);
}

function assignmentHelper(c: Compiler, elts: Expr[]): void {
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
function dict(c: Compiler, e: ExprOf<'Dict'>): void {
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

/** compiler_addcompare. */
function addCompare(c: Compiler, op: CmpOpName): void {
  switch (op) {
    case 'is':
    case 'is not':
      c.addOp(Op.IS_OP, op === 'is' ? 0 : 1);
      return;
    case 'in':
    case 'not in':
      c.addOp(Op.CONTAINS_OP, op === 'in' ? 0 : 1);
      return;
    default:
      c.addOp(Op.COMPARE_OP, CMP_OPS.indexOf(op));
  }
}

/** check_compare: `x is 1` warns (SyntaxWarning), as CPython does. */
function checkCompare(c: Compiler, e: ExprOf<'Compare'>): void {
  const isArg = (x: Expr): boolean => x.k !== 'Constant' || ['none', 'bool', 'ellipsis'].includes(x.value.t);
  let left = isArg(e.left);
  e.ops.forEach((op, i) => {
    const right = isArg(e.comparators[i]);
    if ((op === 'is' || op === 'is not') && (!right || !left)) {
      c.warn(op === 'is' ? '"is" with a literal. Did you mean "=="?' : '"is not" with a literal. Did you mean "!="?');
    }
    left = right;
  });
}

/** compiler_compare: chains keep the middle operand with SWAP/COPY. */
function compare(c: Compiler, e: ExprOf<'Compare'>): void {
  checkCompare(c, e);
  visitExpr(c, e.left);
  const n = e.ops.length - 1;
  if (n === 0) {
    visitExpr(c, e.comparators[0]);
    addCompare(c, e.ops[0]);
    return;
  }
  const cleanup = c.newBlock();
  for (let i = 0; i < n; i++) {
    visitExpr(c, e.comparators[i]);
    c.addOp(Op.SWAP, 2);
    c.addOp(Op.COPY, 2);
    addCompare(c, e.ops[i]);
    c.addJump(Op.JUMP_IF_FALSE_OR_POP, cleanup);
  }
  visitExpr(c, e.comparators[n]);
  addCompare(c, e.ops[n]);
  const end = c.newBlock();
  c.addJumpNoLine(Op.JUMP, end);
  c.useNextBlock(cleanup);
  c.addOp(Op.SWAP, 2);
  c.addOp(Op.POP_TOP);
  c.useNextBlock(end);
}

/** compiler_jump_if: evaluate a condition for its truth only, jumping to `next` when it is `cond`. */
export function jumpIf(c: Compiler, e: Expr, next: Block, cond: boolean): void {
  switch (e.k) {
    case 'UnaryOp':
      if (e.op === 'not') return jumpIf(c, e.operand, next, !cond);
      break;
    case 'BoolOp': {
      const cond2 = e.op === 'or';
      const next2 = cond2 !== cond ? c.newBlock() : next;
      const n = e.values.length - 1;
      for (let i = 0; i < n; i++) jumpIf(c, e.values[i], next2, cond2);
      jumpIf(c, e.values[n], next, cond);
      if (next2 !== next) c.useNextBlock(next2);
      return;
    }
    case 'IfExp': {
      const end = c.newBlock();
      const next2 = c.newBlock();
      jumpIf(c, e.test, next2, false);
      jumpIf(c, e.body, next, cond);
      c.addJumpNoLine(Op.JUMP, end);
      c.useNextBlock(next2);
      jumpIf(c, e.orelse, next, cond);
      c.useNextBlock(end);
      return;
    }
    case 'Compare': {
      c.setLoc(e);
      const n = e.ops.length - 1;
      if (n > 0) {
        checkCompare(c, e);
        const cleanup = c.newBlock();
        visitExpr(c, e.left);
        for (let i = 0; i < n; i++) {
          visitExpr(c, e.comparators[i]);
          c.addOp(Op.SWAP, 2);
          c.addOp(Op.COPY, 2);
          addCompare(c, e.ops[i]);
          c.addJump(Op.POP_JUMP_IF_FALSE, cleanup);
        }
        visitExpr(c, e.comparators[n]);
        addCompare(c, e.ops[n]);
        c.addJump(cond ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE, next);
        const end = c.newBlock();
        c.addJumpNoLine(Op.JUMP, end);
        c.useNextBlock(cleanup);
        c.addOp(Op.POP_TOP);
        if (!cond) c.addJumpNoLine(Op.JUMP, next);
        c.useNextBlock(end);
        return;
      }
      break;
    }
    default:
      break;
  }
  visitExpr(c, e);
  c.addJump(cond ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE, next);
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

type PyType = 'tuple' | 'list' | 'dict' | 'set' | 'generator' | 'function' | 'str' | 'int' | 'float' | 'complex' | 'bool' | 'NoneType' | 'ellipsis' | 'bytes' | 'frozenset' | null;

/** infer_type, for the "perhaps you missed a comma?" warnings. */
function inferType(e: Expr): PyType {
  switch (e.k) {
    case 'Tuple':
      return 'tuple';
    case 'List':
    case 'ListComp':
      return 'list';
    case 'Dict':
    case 'DictComp':
      return 'dict';
    case 'Set':
    case 'SetComp':
      return 'set';
    case 'GeneratorExp':
      return 'generator';
    case 'Lambda':
      return 'function';
    case 'JoinedStr':
    case 'FormattedValue':
      return 'str';
    case 'Constant':
      return ({ none: 'NoneType', ellipsis: 'ellipsis', int: 'int', float: 'float', complex: 'complex', bool: 'bool', str: 'str', bytes: 'bytes', tuple: 'tuple', frozenset: 'frozenset' } as const)[e.value.t];
    default:
      return null;
  }
}

/** check_caller: `"abc"(x)` warns. */
export function checkCaller(c: Compiler, e: Expr): void {
  if (['Constant', 'Tuple', 'List', 'ListComp', 'Dict', 'DictComp', 'Set', 'SetComp', 'GeneratorExp', 'JoinedStr', 'FormattedValue'].includes(e.k)) {
    c.warn(`'${inferType(e)}' object is not callable; perhaps you missed a comma?`);
  }
}

/** check_subscripter / check_index: `[1, 2][3, 4]` warns. */
function checkSubscript(c: Compiler, e: ExprOf<'Subscript'>): void {
  const v = e.value;
  const scalar = (x: Expr): boolean => x.k === 'Constant' && ['none', 'ellipsis', 'int', 'float', 'complex', 'bool', 'frozenset'].includes(x.value.t);
  if (scalar(v) || v.k === 'Set' || v.k === 'SetComp' || v.k === 'GeneratorExp' || v.k === 'Lambda') {
    c.warn(`'${inferType(v)}' object is not subscriptable; perhaps you missed a comma?`);
    return;
  }
  const index = inferType(e.slice);
  if (index === null || index === 'int' || index === 'bool' || e.slice.k === 'Slice') return;
  const seqConst = v.k === 'Constant' && ['str', 'bytes', 'tuple'].includes(v.value.t);
  if (seqConst || ['Tuple', 'List', 'ListComp', 'JoinedStr', 'FormattedValue'].includes(v.k)) {
    c.warn(`${inferType(v)} indices must be integers or slices, not ${index}; perhaps you missed a comma?`);
  }
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
