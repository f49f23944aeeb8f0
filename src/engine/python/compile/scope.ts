import type { Comprehension, Expr, Stmt } from '../parse/ast';

/** Where a name lives at run time (Python/symtable.c's scopes, as compile.c uses them). */
export type Binding =
  | { kind: 'fast'; slot: number } // LOAD_FAST / STORE_FAST
  | { kind: 'deref'; slot: number } // a cell: LOAD_DEREF / STORE_DEREF
  | { kind: 'global' } // LOAD_GLOBAL (function bodies)
  | { kind: 'name' }; // LOAD_NAME (module level)

export class Scope {
  readonly params: string[] = [];
  readonly assigned = new Set<string>();
  readonly used = new Set<string>();
  readonly declaredGlobal = new Set<string>();
  readonly children: Scope[] = [];
  /** co_varnames + cellvars + freevars, the frame's localsplus order (what _PyFrame_Clear walks). */
  localsplus: string[] = [];
  cellvars: string[] = [];
  freevars: string[] = [];
  private readonly bindings = new Map<string, Binding>();

  constructor(
    readonly id: number,
    readonly kind: 'module' | 'function' | 'comprehension',
    readonly parent: Scope | null,
    readonly name: string,
  ) {
    parent?.children.push(this);
  }

  isLocal(name: string): boolean {
    return this.kind !== 'module' && !this.declaredGlobal.has(name) && (this.assigned.has(name) || this.params.includes(name));
  }

  binding(name: string): Binding {
    const b = this.bindings.get(name);
    if (b) return b;
    return this.kind === 'module' ? { kind: 'name' } : { kind: 'global' };
  }

  /** Fix the frame layout once the free variables of the children are known. */
  layout(): void {
    if (this.kind === 'module') return;
    const captured = new Set<string>();
    for (const c of this.children) for (const f of c.freevars) if (this.isLocal(f)) captured.add(f);
    const others = [...this.assigned].filter((n) => this.isLocal(n) && !this.params.includes(n));
    // compile.c: co_varnames = parameters, then the other locals sorted (dictbytype sorts keys).
    const varnames = [...this.params, ...others.filter((n) => !captured.has(n)).sort()];
    this.cellvars = [...captured].sort();
    const cellParams = this.cellvars.filter((n) => this.params.includes(n));
    // A parameter that is also a cell keeps its varnames slot; MAKE_CELL wraps it in place.
    const cells = this.cellvars.filter((n) => !cellParams.includes(n));
    this.localsplus = [...varnames, ...cells, ...this.freevars];
    this.localsplus.forEach((n, slot) => {
      const isCell = this.cellvars.includes(n) || this.freevars.includes(n);
      this.bindings.set(n, isCell ? { kind: 'deref', slot } : { kind: 'fast', slot });
    });
  }
}

/**
 * The symbol table pass: one Scope per module, def and comprehension (3.11 runs every
 * comprehension as a nested function: PEP 709 inlining only came in 3.12).
 */
export class SymbolTable {
  readonly module = new Scope(0, 'module', null, '<module>');
  readonly byId = new Map<number, Scope>([[0, this.module]]);

  static build(body: Stmt[]): SymbolTable {
    const st = new SymbolTable();
    body.forEach((s) => st.stmt(s, st.module));
    st.resolve(st.module);
    return st;
  }

  scope(id: number): Scope {
    return this.byId.get(id)!;
  }

  private newScope(id: number, kind: 'function' | 'comprehension', parent: Scope, name: string): Scope {
    const s = new Scope(id, kind, parent, name);
    this.byId.set(id, s);
    return s;
  }

  private stmt(s: Stmt, sc: Scope): void {
    switch (s.k) {
      case 'Assign':
        s.targets.forEach((t) => this.target(t, sc));
        this.expr(s.value, sc);
        break;
      case 'AugAssign':
        this.target(s.target, sc);
        this.expr(s.target, sc);
        this.expr(s.value, sc);
        break;
      case 'Delete':
        s.targets.forEach((t) => this.target(t, sc));
        break;
      case 'For':
        this.target(s.target, sc);
        this.expr(s.iter, sc);
        [...s.body, ...s.orelse].forEach((b) => this.stmt(b, sc));
        break;
      case 'While':
      case 'If':
        this.expr(s.test, sc);
        [...s.body, ...s.orelse].forEach((b) => this.stmt(b, sc));
        break;
      case 'FunctionDef': {
        sc.assigned.add(s.name);
        s.defaults.forEach((d) => this.expr(d, sc));
        const f = this.newScope(s.scope, 'function', sc, s.name);
        f.params.push(...s.params);
        s.body.forEach((b) => this.stmt(b, f));
        break;
      }
      case 'Return':
        if (s.value) this.expr(s.value, sc);
        break;
      case 'Global':
        s.names.forEach((n) => sc.declaredGlobal.add(n));
        break;
      case 'Import':
        s.names.forEach((n) => sc.assigned.add(n.asname ?? n.name.split('.')[0]));
        break;
      case 'ImportFrom':
        s.names.forEach((n) => sc.assigned.add(n.asname ?? n.name));
        break;
      case 'Expr':
        this.expr(s.value, sc);
        break;
      default:
        break;
    }
  }

  private target(t: Expr, sc: Scope): void {
    if (t.k === 'Name') sc.assigned.add(t.id);
    else if (t.k === 'Tuple' || t.k === 'List') t.elts.forEach((e) => this.target(e, sc));
    else this.expr(t, sc);
  }

  private expr(e: Expr, sc: Scope): void {
    switch (e.k) {
      case 'Name':
        sc.used.add(e.id);
        return;
      case 'Const':
        return;
      case 'ListComp':
      case 'SetComp':
      case 'GeneratorExp':
        this.comprehension(e.scope, e.generators, [e.elt], sc, e.k);
        return;
      case 'DictComp':
        this.comprehension(e.scope, e.generators, [e.key, e.value], sc, 'DictComp');
        return;
      default:
        for (const child of exprChildren(e)) this.expr(child, sc);
    }
  }

  private comprehension(id: number, gens: Comprehension[], elts: Expr[], sc: Scope, kind: string): void {
    this.expr(gens[0].iter, sc); // evaluated in the enclosing scope, passed in as `.0`
    const name = { ListComp: '<listcomp>', SetComp: '<setcomp>', GeneratorExp: '<genexpr>', DictComp: '<dictcomp>' }[kind]!;
    const c = this.newScope(id, 'comprehension', sc, name);
    c.params.push('.0');
    gens.forEach((g, i) => {
      this.target(g.target, c);
      if (i > 0) this.expr(g.iter, c);
      g.ifs.forEach((x) => this.expr(x, c));
    });
    elts.forEach((x) => this.expr(x, c));
  }

  /** Free variables: names used but not local, bound as a local of an enclosing function. */
  private resolve(sc: Scope): void {
    for (const c of sc.children) this.resolve(c);
    if (sc.kind !== 'module') {
      const free = new Set<string>();
      const wanted = [...sc.used, ...sc.children.flatMap((c) => c.freevars)];
      for (const n of wanted) {
        if (sc.isLocal(n) || sc.declaredGlobal.has(n)) continue;
        for (let p = sc.parent; p && p.kind !== 'module'; p = p.parent) {
          if (p.isLocal(n)) {
            free.add(n);
            break;
          }
        }
      }
      sc.freevars = [...free].sort();
    }
    sc.layout();
  }
}

/** The direct sub-expressions of an expression (comprehensions excluded: they are scopes). */
export function exprChildren(e: Expr): Expr[] {
  switch (e.k) {
    case 'List':
    case 'Tuple':
    case 'Set':
      return e.elts;
    case 'Dict':
      return [...e.keys.filter((k): k is Expr => k !== null), ...e.values];
    case 'BinOp':
      return [e.left, e.right];
    case 'UnaryOp':
      return [e.operand];
    case 'BoolOp':
      return e.values;
    case 'Compare':
      return [e.left, ...e.comparators];
    case 'Call':
      return [e.func, ...e.args, ...e.keywords.map((k) => k.value)];
    case 'Attribute':
      return [e.value];
    case 'Subscript':
      return [e.value, e.slice];
    case 'Slice':
      return [e.lower, e.upper, e.step].filter((x): x is Expr => x !== null);
    case 'IfExp':
      return [e.test, e.body, e.orelse];
    default:
      return [];
  }
}
