import type {
  Alias,
  Arg,
  Arguments,
  Comprehension,
  ExceptHandler,
  Expr,
  Keyword,
  MatchCase,
  Module,
  Pattern,
  Pos,
  Stmt,
  WithItem,
} from '../syntax/ast';
import type { AstHeap, PyObj, TreeNode } from './astHeap';

/** A field's value as ast2obj makes it: a thunk, so the fields are built in order, each after the last. */
type Field = () => PyObj;

/** Nothing allocated: None, an identifier or constant the parser made, a singleton (Load, Add, Eq…). */
const SHARED: Field = () => null;

/**
 * Python/Python-ast.c's ast2obj_* (3.11–3.13): a node is made first (PyType_GenericNew), then each
 * field's value is built (pre-order, the ASDL order) and set (PyObject_SetAttr), then lineno,
 * col_offset, end_lineno, end_col_offset (ast2obj_int: an int past 256 is a new PyLong).
 * Sequences are ast2obj_list: PyList_New(n) first, then the items. Operators and expression
 * contexts are the module state's singletons; identifiers and constants the parser's objects.
 */
export class Ast2Obj {
  constructor(
    private readonly heap: AstHeap,
    /** FunctionDef and ClassDef end with type_params (3.12+): an empty list each. */
    private readonly typeParams: boolean,
  ) {}

  private node(fields: Field[], pos: Pos | null): TreeNode {
    const h = this.heap;
    const o = h.node();
    for (const f of fields) h.setAttr(o, f());
    if (pos) for (const v of [pos.line, pos.col, pos.endLine, pos.endCol]) h.setAttr(o, h.int(v));
    return o;
  }

  private list<T>(items: readonly T[], f: (x: T) => PyObj): Field {
    return () => {
      const l = this.heap.list(items.length);
      for (const x of items) l.elts.push(f(x));
      return l;
    };
  }

  private opt<T>(x: T | null, f: (x: T) => PyObj): Field {
    return x === null ? SHARED : () => f(x);
  }

  private int(v: number): Field {
    return () => this.heap.int(v);
  }

  /** ast2obj_mod: Module(body, type_ignores). */
  module(tree: Module): TreeNode {
    const h = this.heap;
    const mod = h.node();
    h.setAttr(mod, this.stmts(tree.body)());
    h.setAttr(mod, h.list(0));
    return mod;
  }

  stmts(body: readonly Stmt[]): Field {
    return this.list(body, (s) => this.stmt(s));
  }

  private exprs(xs: readonly (Expr | null)[]): Field {
    return this.list(xs, (x) => (x ? this.expr(x) : null));
  }

  private e(x: Expr | null): Field {
    return this.opt(x, (v) => this.expr(v));
  }

  private typeParamList(): Field[] {
    return this.typeParams ? [this.list([], () => null)] : [];
  }

  stmt(s: Stmt): TreeNode {
    const F = (...fields: Field[]) => this.node(fields, s);
    switch (s.k) {
      case 'FunctionDef':
      case 'AsyncFunctionDef':
        return F(SHARED, () => this.arguments(s.args), this.stmts(s.body), this.exprs(s.decorators), this.e(s.returns), SHARED, ...this.typeParamList());
      case 'ClassDef':
        return F(SHARED, this.exprs(s.bases), this.list(s.keywords, (k) => this.keyword(k)), this.stmts(s.body), this.exprs(s.decorators), ...this.typeParamList());
      case 'Return':
        return F(this.e(s.value));
      case 'Delete':
        return F(this.exprs(s.targets));
      case 'Assign':
        return F(this.exprs(s.targets), this.e(s.value), SHARED);
      case 'AugAssign':
        return F(this.e(s.target), SHARED, this.e(s.value));
      case 'AnnAssign':
        return F(this.e(s.target), this.e(s.annotation), this.e(s.value), this.int(s.simple ? 1 : 0));
      case 'For':
      case 'AsyncFor':
        return F(this.e(s.target), this.e(s.iter), this.stmts(s.body), this.stmts(s.orelse), SHARED);
      case 'While':
      case 'If':
        return F(this.e(s.test), this.stmts(s.body), this.stmts(s.orelse));
      case 'With':
      case 'AsyncWith':
        return F(this.list(s.items, (w) => this.withItem(w)), this.stmts(s.body), SHARED);
      case 'Match':
        return F(this.e(s.subject), this.list(s.cases, (c) => this.matchCase(c)));
      case 'Raise':
        return F(this.e(s.exc), this.e(s.cause));
      case 'Try':
      case 'TryStar':
        return F(this.stmts(s.body), this.list(s.handlers, (x) => this.handler(x)), this.stmts(s.orelse), this.stmts(s.finalbody));
      case 'Assert':
        return F(this.e(s.test), this.e(s.msg));
      case 'Import':
        return F(this.list(s.names, (a) => this.alias(a)));
      case 'ImportFrom':
        return F(SHARED, this.list(s.names, (a) => this.alias(a)), this.int(s.level));
      case 'Global':
      case 'Nonlocal':
        return F(this.list(s.names, () => null));
      case 'Expr':
        return F(this.e(s.value));
      default:
        return F();
    }
  } // prettier-ignore

  expr(x: Expr): TreeNode {
    const F = (...fields: Field[]) => this.node(fields, x);
    const gens = (g: Comprehension[]) => this.list(g, (c) => this.comprehension(c));
    switch (x.k) {
      case 'BoolOp':
        return F(SHARED, this.exprs(x.values));
      case 'NamedExpr':
        return F(this.e(x.target), this.e(x.value));
      case 'BinOp':
        return F(this.e(x.left), SHARED, this.e(x.right));
      case 'UnaryOp':
        return F(SHARED, this.e(x.operand));
      case 'Lambda':
        return F(() => this.arguments(x.args), this.e(x.body));
      case 'IfExp':
        return F(this.e(x.test), this.e(x.body), this.e(x.orelse));
      case 'Dict':
        return F(this.exprs(x.keys), this.exprs(x.values));
      case 'Set':
      case 'JoinedStr':
        return F(this.exprs(x.k === 'Set' ? x.elts : x.values));
      case 'ListComp':
      case 'SetComp':
      case 'GeneratorExp':
        return F(this.e(x.elt), gens(x.generators));
      case 'DictComp':
        return F(this.e(x.key), this.e(x.value), gens(x.generators));
      case 'Await':
      case 'YieldFrom':
        return F(this.e(x.value));
      case 'Yield':
        return F(this.e(x.value));
      case 'Compare':
        return F(this.e(x.left), this.list(x.ops, () => null), this.exprs(x.comparators));
      case 'Call':
        return F(this.e(x.func), this.exprs(x.args), this.list(x.keywords, (k) => this.keyword(k)));
      case 'FormattedValue':
        return F(this.e(x.value), this.int(x.conversion), this.e(x.formatSpec));
      case 'Constant':
      case 'Name':
        return F(SHARED, SHARED);
      case 'Attribute':
        return F(this.e(x.value), SHARED, SHARED);
      case 'Subscript':
        return F(this.e(x.value), this.e(x.slice), SHARED);
      case 'Starred':
        return F(this.e(x.value), SHARED);
      case 'List':
      case 'Tuple':
        return F(this.exprs(x.elts), SHARED);
      case 'Slice':
        return F(this.e(x.lower), this.e(x.upper), this.e(x.step));
    }
  } // prettier-ignore

  private arguments(a: Arguments): TreeNode {
    const args = (xs: Arg[]) => this.list(xs, (g) => this.arg(g));
    const one = (g: Arg | null) => this.opt(g, (v) => this.arg(v));
    return this.node([args(a.posonlyargs), args(a.args), one(a.vararg), args(a.kwonlyargs), this.exprs(a.kwDefaults), one(a.kwarg), this.exprs(a.defaults)], null); // prettier-ignore
  }

  private arg(g: Arg): TreeNode {
    return this.node([SHARED, this.e(g.annotation), SHARED], g);
  }

  private keyword(k: Keyword): TreeNode {
    return this.node([SHARED, this.e(k.value)], k);
  }

  private alias(a: Alias): TreeNode {
    return this.node([SHARED, SHARED], a);
  }

  private comprehension(c: Comprehension): TreeNode {
    return this.node(
      [this.e(c.target), this.e(c.iter), this.exprs(c.ifs), this.int(c.isAsync ? 1 : 0)],
      null,
    );
  }

  private withItem(w: WithItem): TreeNode {
    return this.node([this.e(w.contextExpr), this.e(w.optionalVars)], null);
  }

  private handler(h: ExceptHandler): TreeNode {
    return this.node([this.e(h.type), SHARED, this.stmts(h.body)], h);
  }

  private matchCase(c: MatchCase): TreeNode {
    return this.node([() => this.pattern(c.pattern), this.e(c.guard), this.stmts(c.body)], null);
  }

  private pattern(p: Pattern): TreeNode {
    const F = (...fields: Field[]) => this.node(fields, p);
    const pats = (ps: Pattern[]) => this.list(ps, (q) => this.pattern(q));
    switch (p.k) {
      case 'MatchValue':
        return F(this.e(p.value));
      case 'MatchSingleton':
      case 'MatchStar':
        return F(SHARED);
      case 'MatchSequence':
      case 'MatchOr':
        return F(pats(p.patterns));
      case 'MatchMapping':
        return F(this.exprs(p.keys), pats(p.patterns), SHARED);
      case 'MatchClass':
        return F(
          this.e(p.cls),
          pats(p.patterns),
          this.list(p.kwdAttrs, () => null),
          pats(p.kwdPatterns),
        );
      case 'MatchAs':
        return F(
          this.opt(p.pattern, (q) => this.pattern(q)),
          SHARED,
        );
    }
  }
}
