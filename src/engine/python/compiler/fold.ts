import type { Arguments, Comprehension, ConstValue, Expr, ExprOf, Pattern, Stmt } from '../syntax/ast';
import { binaryOp, bitLength, getItem, intOf, unaryOp } from './pyops';
import { frozensetOf, isTrue, pyLen } from './values';

/**
 * Python/ast_opt.c (3.11): constant folding on the syntax tree, before the symbol table.
 * Mutates the tree it is given (the compiler hands it a private copy).
 */

// ast_opt.c's limits on what is folded: results that would be big stay computed at run time.
const MAX_INT_SIZE = 128; // bits
const MAX_COLLECTION_SIZE = 256;
const MAX_STR_SIZE = 4096;
const MAX_TOTAL_ITEMS = 1024;

export interface FoldOptions {
  /** -O level: 0 keeps asserts and __debug__ is True. */
  optimize: number;
  /** `from __future__ import annotations`: annotations are not folded (they become strings). */
  futureAnnotations: boolean;
}

const POS_KEYS = new Set(['line', 'col', 'endLine', 'endCol']);

/** make_const: the node becomes a Constant in place (its position stays). */
function makeConst(node: Expr, value: ConstValue | null): void {
  if (value === null) return; // the operation raised: leave the node alone
  const n = node as unknown as Record<string, unknown>;
  for (const key of Object.keys(n)) if (!POS_KEYS.has(key)) delete n[key];
  n.k = 'Constant';
  n.value = value;
  n.kind = null;
}

/** COPY_NODE(to, from): `to` takes every field of `from`, position included. */
function copyNode(to: Expr, from: Expr): void {
  const t = to as unknown as Record<string, unknown>;
  for (const key of Object.keys(t)) delete t[key];
  Object.assign(t, from);
}

const constOf = (e: Expr): ConstValue | null => (e.k === 'Constant' ? e.value : null);

/** check_complexity: how many items a nested constant tuple/frozenset adds up to. */
function checkComplexity(c: ConstValue, limit: number): number {
  if (c.t === 'tuple' || c.t === 'frozenset') {
    limit -= c.items.length;
    for (let i = 0; limit >= 0 && i < c.items.length; i++) limit = checkComplexity(c.items[i], limit);
  }
  return limit;
}

/** safe_multiply / safe_power / safe_lshift / safe_mod: refuse results over the limits. */
function safeBinary(op: string, v: ConstValue, w: ConstValue): ConstValue | null {
  const iv = intOf(v);
  const iw = intOf(w);
  switch (op) {
    case '*': {
      if (iv !== null && iw !== null) {
        if (iv !== 0n && iw !== 0n && bitLength(iv) + bitLength(iw) > MAX_INT_SIZE) return null;
      } else if (iv !== null && (w.t === 'tuple' || w.t === 'frozenset')) {
        const size = w.items.length;
        if (size) {
          if (iv < 0n || iv > BigInt(Math.floor(MAX_COLLECTION_SIZE / size))) return null;
          const n = Number(iv);
          if (n && checkComplexity(w, Math.floor(MAX_TOTAL_ITEMS / n)) < 0) return null;
        }
      } else if (iv !== null && (w.t === 'str' || w.t === 'bytes')) {
        const size = w.t === 'str' ? pyLen(w.v) : w.v.length;
        if (size && (iv < 0n || iv > BigInt(Math.floor(MAX_STR_SIZE / size)))) return null;
      } else if (iw !== null && ['tuple', 'frozenset', 'str', 'bytes'].includes(v.t)) {
        return safeBinary('*', w, v);
      }
      return binaryOp('*', v, w);
    }
    case '**':
      if (iv !== null && iw !== null && iv !== 0n && iw > 0n) {
        if (iw > BigInt(MAX_INT_SIZE) || bitLength(iv) > Math.floor(MAX_INT_SIZE / Number(iw))) return null;
      }
      if (iv !== null && iw !== null && (iv === 0n || iv === 1n) && iw > 0n) return { t: 'int', v: iv };
      return binaryOp('**', v, w);
    case '<<':
      if (iv !== null && iw !== null && iv !== 0n && iw !== 0n) {
        if (iw < 0n) return null;
        if (iw > BigInt(MAX_INT_SIZE) || bitLength(iv) > MAX_INT_SIZE - Number(iw)) return null;
      }
      if (iv === 0n && iw !== null && iw >= 0n) return { t: 'int', v: 0n };
      return binaryOp('<<', v, w);
    case '>>':
      if (iv !== null && iw !== null && iw > 1n << 32n) return { t: 'int', v: iv < 0n ? -1n : 0n };
      return binaryOp('>>', v, w);
    case '%':
      if (v.t === 'str' || v.t === 'bytes') return null;
      return binaryOp('%', v, w);
    case '@':
      return null; // no builtin constant implements matrix multiplication
    default:
      return binaryOp(op as ExprOf<'BinOp'>['op'], v, w);
  }
}

// ------------------------------------------------------------------ printf-style %-formatting

/** parse_literal: text up to the next lone '%', with '%%' turned into '%'. */
function parseLiteral(fmt: string[], pos: { i: number }): Expr | null {
  const start = pos.i;
  let hasPercents = false;
  while (pos.i < fmt.length) {
    if (fmt[pos.i] !== '%') pos.i++;
    else if (pos.i + 1 < fmt.length && fmt[pos.i + 1] === '%') {
      hasPercents = true;
      pos.i += 2;
    } else break;
  }
  if (pos.i === start) return null;
  let s = fmt.slice(start, pos.i).join('');
  if (hasPercents) s = s.split('%%').join('%');
  return artificialConst(s);
}

/** A constant the optimizer makes up: it has no position (-1), like _PyAST_Constant(..., -1, ...). */
const artificialConst = (s: string): Expr => ({ k: 'Constant', value: { t: 'str', v: s }, kind: null, line: -1, col: -1, endLine: -1, endCol: -1 });

const MAXDIGITS = 3;

/** simple_format_arg_parse + parse_format: %s, %r, %a with a width/precision up to two digits. */
function parseFormat(fmt: string[], pos: { i: number }, arg: Expr): Expr | null {
  let i = pos.i;
  let ch = '';
  const next = (): boolean => {
    if (i >= fmt.length) return false;
    ch = fmt[i++];
    return true;
  };
  let ljust = false;
  for (;;) {
    if (!next()) return null;
    if (ch === '-') ljust = true;
    else if (ch === '+' || ch === ' ' || ch === '#' || ch === '0') continue;
    else break;
  }
  let width = -1;
  let prec = -1;
  const isDigit = (): boolean => ch >= '0' && ch <= '9';
  if (isDigit()) {
    width = 0;
    let digits = 0;
    while (isDigit()) {
      width = width * 10 + Number(ch);
      if (!next()) return null;
      if (++digits >= MAXDIGITS) return null;
    }
  }
  if (ch === '.') {
    if (!next()) return null;
    prec = 0;
    if (isDigit()) {
      let digits = 0;
      while (isDigit()) {
        prec = prec * 10 + Number(ch);
        if (!next()) return null;
        if (++digits >= MAXDIGITS) return null;
      }
    }
  }
  const spec = ch;
  pos.i = i;
  if (spec !== 's' && spec !== 'r' && spec !== 'a') return null;
  let buf = '';
  if (!ljust && width > 0) buf += '>';
  if (width >= 0) buf += String(width);
  if (prec >= 0) buf += '.' + String(prec);
  return {
    k: 'FormattedValue',
    value: arg,
    conversion: spec.charCodeAt(0),
    formatSpec: buf ? artificialConst(buf) : null,
    line: arg.line,
    col: arg.col,
    endLine: arg.endLine,
    endCol: arg.endCol,
  };
}

/** optimize_format: `'%s: %r' % (a, b)` becomes the f-string f'{a!s}: {b!r}'. */
function optimizeFormat(node: Expr, fmtStr: string, elts: Expr[]): void {
  const fmt = Array.from(fmtStr);
  const pos = { i: 0 };
  let cnt = 0;
  const values: Expr[] = [];
  for (;;) {
    const lit = parseLiteral(fmt, pos);
    if (lit) values.push(lit);
    if (pos.i >= fmt.length) break;
    if (cnt >= elts.length) return; // more format units than items
    pos.i++;
    const e = parseFormat(fmt, pos, elts[cnt]);
    cnt++;
    if (!e) return;
    values.push(e);
  }
  if (cnt < elts.length) return; // more items than format units
  copyNode(node, { k: 'JoinedStr', values, line: node.line, col: node.col, endLine: node.endLine, endCol: node.endCol });
}

// ------------------------------------------------------------------ the walk

export class Folder {
  constructor(private readonly opts: FoldOptions) {}

  /** astfold_body: fold, and keep a docstring made by folding from becoming a docstring. */
  body(stmts: Stmt[]): void {
    const hadDoc = getDocString(stmts) !== null;
    stmts.forEach((s) => this.stmt(s));
    if (!hadDoc && getDocString(stmts) !== null) {
      const st = stmts[0] as Extract<Stmt, { k: 'Expr' }>;
      st.value = { k: 'JoinedStr', values: [st.value], line: st.line, col: st.col, endLine: st.endLine, endCol: st.endCol };
    }
  }

  private stmts(list: Stmt[]): void {
    list.forEach((s) => this.stmt(s));
  }

  private exprs(list: (Expr | null)[]): void {
    for (const e of list) if (e) this.expr(e);
  }

  private args(a: Arguments): void {
    const ann = (x: { annotation: Expr | null } | null): void => {
      if (x?.annotation && !this.opts.futureAnnotations) this.expr(x.annotation);
    };
    a.posonlyargs.forEach(ann);
    a.args.forEach(ann);
    ann(a.vararg);
    a.kwonlyargs.forEach(ann);
    this.exprs(a.kwDefaults);
    ann(a.kwarg);
    this.exprs(a.defaults);
  }

  stmt(s: Stmt): void {
    switch (s.k) {
      case 'FunctionDef':
      case 'AsyncFunctionDef':
        this.args(s.args);
        this.body(s.body);
        this.exprs(s.decorators);
        if (s.returns && !this.opts.futureAnnotations) this.expr(s.returns);
        break;
      case 'ClassDef':
        this.exprs(s.bases);
        s.keywords.forEach((k) => this.expr(k.value));
        this.body(s.body);
        this.exprs(s.decorators);
        break;
      case 'Return':
        if (s.value) this.expr(s.value);
        break;
      case 'Delete':
        this.exprs(s.targets);
        break;
      case 'Assign':
        this.exprs(s.targets);
        this.expr(s.value);
        break;
      case 'AugAssign':
        this.expr(s.target);
        this.expr(s.value);
        break;
      case 'AnnAssign':
        this.expr(s.target);
        if (!this.opts.futureAnnotations) this.expr(s.annotation);
        if (s.value) this.expr(s.value);
        break;
      case 'For':
      case 'AsyncFor':
        this.expr(s.target);
        this.expr(s.iter);
        this.stmts(s.body);
        this.stmts(s.orelse);
        if (s.k === 'For') this.foldIter(s.iter);
        break;
      case 'While':
      case 'If':
        this.expr(s.test);
        this.stmts(s.body);
        this.stmts(s.orelse);
        break;
      case 'With':
      case 'AsyncWith':
        for (const it of s.items) {
          this.expr(it.contextExpr);
          if (it.optionalVars) this.expr(it.optionalVars);
        }
        this.stmts(s.body);
        break;
      case 'Raise':
        if (s.exc) this.expr(s.exc);
        if (s.cause) this.expr(s.cause);
        break;
      case 'Try':
      case 'TryStar':
        this.stmts(s.body);
        for (const h of s.handlers) {
          if (h.type) this.expr(h.type);
          this.stmts(h.body);
        }
        this.stmts(s.orelse);
        this.stmts(s.finalbody);
        break;
      case 'Assert':
        this.expr(s.test);
        if (s.msg) this.expr(s.msg);
        break;
      case 'Expr':
        this.expr(s.value);
        break;
      case 'Match':
        this.expr(s.subject);
        for (const c of s.cases) {
          this.pattern(c.pattern);
          if (c.guard) this.expr(c.guard);
          this.stmts(c.body);
        }
        break;
      default:
        break;
    }
  }

  private pattern(p: Pattern): void {
    switch (p.k) {
      case 'MatchValue':
        this.expr(p.value);
        break;
      case 'MatchSequence':
      case 'MatchOr':
        p.patterns.forEach((q) => this.pattern(q));
        break;
      case 'MatchMapping':
        this.exprs(p.keys);
        p.patterns.forEach((q) => this.pattern(q));
        break;
      case 'MatchClass':
        this.expr(p.cls);
        p.patterns.forEach((q) => this.pattern(q));
        p.kwdPatterns.forEach((q) => this.pattern(q));
        break;
      case 'MatchAs':
        if (p.pattern) this.pattern(p.pattern);
        break;
      default:
        break;
    }
  }

  expr(e: Expr): void {
    switch (e.k) {
      case 'BoolOp':
        this.exprs(e.values);
        break;
      case 'BinOp':
        this.expr(e.left);
        this.expr(e.right);
        this.foldBinOp(e);
        break;
      case 'UnaryOp':
        this.expr(e.operand);
        this.foldUnaryOp(e);
        break;
      case 'Lambda':
        this.args(e.args);
        this.expr(e.body);
        break;
      case 'IfExp':
        this.expr(e.test);
        this.expr(e.body);
        this.expr(e.orelse);
        break;
      case 'Dict':
        this.exprs(e.keys);
        this.exprs(e.values);
        break;
      case 'Set':
        this.exprs(e.elts);
        break;
      case 'ListComp':
      case 'SetComp':
      case 'GeneratorExp':
        this.expr(e.elt);
        this.generators(e.generators);
        break;
      case 'DictComp':
        this.expr(e.key);
        this.expr(e.value);
        this.generators(e.generators);
        break;
      case 'Await':
      case 'YieldFrom':
        this.expr(e.value);
        break;
      case 'Yield':
        if (e.value) this.expr(e.value);
        break;
      case 'Compare':
        this.expr(e.left);
        this.exprs(e.comparators);
        // fold_compare: a list or set literal after `in` / `not in` becomes a tuple / frozenset.
        if (e.ops[e.ops.length - 1] === 'in' || e.ops[e.ops.length - 1] === 'not in') this.foldIter(e.comparators[e.comparators.length - 1]);
        break;
      case 'Call':
        this.expr(e.func);
        this.exprs(e.args);
        e.keywords.forEach((k) => this.expr(k.value));
        break;
      case 'FormattedValue':
        this.expr(e.value);
        if (e.formatSpec) this.expr(e.formatSpec);
        break;
      case 'JoinedStr':
        this.exprs(e.values);
        break;
      case 'Attribute':
      case 'Starred':
        this.expr(e.value);
        break;
      case 'Subscript':
        this.expr(e.value);
        this.expr(e.slice);
        if (e.ctx === 'load') {
          const v = constOf(e.value);
          const i = constOf(e.slice);
          if (v && i) makeConst(e, getItem(v, i));
        }
        break;
      case 'Slice':
        this.exprs([e.lower, e.upper, e.step]);
        break;
      case 'List':
        this.exprs(e.elts);
        break;
      case 'Tuple':
        this.exprs(e.elts);
        if (e.ctx === 'load') makeConst(e, constTuple(e.elts));
        break;
      case 'Name':
        if (e.ctx === 'load' && e.id === '__debug__') makeConst(e, { t: 'bool', v: !this.opts.optimize });
        break;
      case 'NamedExpr':
        this.expr(e.value);
        break;
      default:
        break;
    }
  }

  private generators(gens: Comprehension[]): void {
    for (const g of gens) {
      this.expr(g.target);
      this.expr(g.iter);
      this.exprs(g.ifs);
      this.foldIter(g.iter);
    }
  }

  /** fold_iter: a list display becomes a tuple (constant if it can), a constant set a frozenset. */
  private foldIter(e: Expr): void {
    if (e.k === 'List') {
      if (e.elts.some((x) => x.k === 'Starred')) return;
      const n = e as unknown as Record<string, unknown>;
      n.k = 'Tuple';
      makeConst(e, constTuple((e as unknown as ExprOf<'Tuple'>).elts));
    } else if (e.k === 'Set') {
      const t = constTuple(e.elts);
      if (t && t.t === 'tuple') makeConst(e, frozensetOf(t.items));
    }
  }

  /** fold_binop, with 3.11's %-format rewrite. */
  private foldBinOp(e: ExprOf<'BinOp'>): void {
    const lv = constOf(e.left);
    if (!lv) return;
    if (e.op === '%' && e.right.k === 'Tuple' && lv.t === 'str' && !e.right.elts.some((x) => x.k === 'Starred')) {
      optimizeFormat(e, lv.v, e.right.elts);
      return;
    }
    const rv = constOf(e.right);
    if (!rv) return;
    makeConst(e, safeBinary(e.op, lv, rv));
  }

  /** fold_unaryop, and `not (a in b)` → `a not in b` (also is / is not). */
  private foldUnaryOp(e: ExprOf<'UnaryOp'>): void {
    const arg = e.operand;
    if (arg.k !== 'Constant') {
      if (e.op === 'not' && arg.k === 'Compare' && arg.ops.length === 1) {
        const inverse = { is: 'is not', 'is not': 'is', in: 'not in', 'not in': 'in' } as const;
        const op = arg.ops[0];
        if (op === 'is' || op === 'is not' || op === 'in' || op === 'not in') {
          arg.ops[0] = inverse[op];
          copyNode(e, arg);
        }
      }
      return;
    }
    makeConst(e, unaryOp(e.op, arg.value, isTrue(arg.value)));
  }
}

function constTuple(elts: Expr[]): ConstValue | null {
  const items: ConstValue[] = [];
  for (const x of elts) {
    if (x.k !== 'Constant') return null;
    items.push(x.value);
  }
  return { t: 'tuple', items };
}

/** _PyAST_GetDocString: the first statement, when it is a string constant expression. */
export function getDocString(body: Stmt[]): string | null {
  const s = body[0];
  if (!s || s.k !== 'Expr' || s.value.k !== 'Constant' || s.value.value.t !== 'str') return null;
  return s.value.value.v;
}
