import type { Arguments, Comprehension, ConstValue, Expr, ExprOf, Pattern, Stmt } from '../syntax/ast';
import { PyError } from '../errors';
import { constOf, copyNode, makeConst, safeBinary } from './foldops';
import { optimizeFormat } from './format';
import { getItem, unaryOp } from './pyops';
import { frozensetOf, isTrue } from './values';

/**
 * Python/ast_opt.c (3.11): constant folding on the syntax tree, before the symbol table.
 * Mutates the tree it is given (the compiler hands it a private copy).
 */

export interface FoldOptions {
  /** -O level: 0 keeps asserts and __debug__ is True. */
  optimize: number;
  /** `from __future__ import annotations`: annotations are not folded (they become strings). */
  futureAnnotations: boolean;
  /** Told of each operation folded, in the order ast_opt.c runs them (the loader replays them on objects). */
  onFold?: FoldListener;
}

/** A folded operation: its operands and its result (a binary or unary operator, or a subscript `[]`). */
export type FoldListener = (op: string, operands: ConstValue[], result: ConstValue) => void;

/**
 * ast_opt.c counts statements and expressions as it descends: past Py_GetRecursionLimit() × 3
 * (COMPILER_STACK_FRAME_SCALE) it raises RecursionError. `python3 script.py` compiles with no
 * Python frame on the stack, so the limit is exactly 3000 (`x = ` + 2998 unary minus + `1` still
 * compiles, 2999 does not). The symbol table and the code generator then never see deeper trees.
 */
const RECURSION_LIMIT = 1000 * 3;

export class Folder {
  private depth = 0;

  constructor(private readonly opts: FoldOptions) {}

  private enter(): void {
    if (++this.depth > RECURSION_LIMIT)
      throw new PyError('RecursionError', 'maximum recursion depth exceeded during compilation');
  }

  /** astfold_body: fold, and keep a docstring made by folding from becoming a docstring. */
  body(stmts: Stmt[]): void {
    const hadDoc = getDocString(stmts) !== null;
    stmts.forEach((s) => this.stmt(s));
    if (!hadDoc && getDocString(stmts) !== null) {
      const st = stmts[0] as Extract<Stmt, { k: 'Expr' }>;
      st.value = {
        k: 'JoinedStr',
        values: [st.value],
        line: st.line,
        col: st.col,
        endLine: st.endLine,
        endCol: st.endCol,
      };
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
    this.enter();
    this.stmt1(s);
    this.depth--;
  }

  private stmt1(s: Stmt): void {
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
    this.enter();
    this.expr1(e);
    this.depth--;
  }

  private expr1(e: Expr): void {
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
        if (e.ops[e.ops.length - 1] === 'in' || e.ops[e.ops.length - 1] === 'not in')
          this.foldIter(e.comparators[e.comparators.length - 1]);
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
          if (v && i) makeConst(e, this.told('[]', [v, i], getItem(v, i)));
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
    if (
      e.op === '%' &&
      e.right.k === 'Tuple' &&
      lv.t === 'str' &&
      !e.right.elts.some((x) => x.k === 'Starred')
    ) {
      optimizeFormat(e, lv.v, e.right.elts);
      return;
    }
    const rv = constOf(e.right);
    if (!rv) return;
    makeConst(e, this.told(e.op, [lv, rv], safeBinary(e.op, lv, rv)));
  }

  private told(op: string, operands: ConstValue[], result: ConstValue | null): ConstValue | null {
    if (result !== null && this.opts.onFold) this.opts.onFold(op, operands, result);
    return result;
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
    makeConst(e, this.told(`unary${e.op}`, [arg.value], unaryOp(e.op, arg.value, isTrue(arg.value))));
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
