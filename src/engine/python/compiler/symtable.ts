import type { Arguments, Comprehension, Expr, ExprOf, Module, Pattern, Pos, Stmt } from '../syntax/ast';
import { CompileError } from './errors';
import { analyze } from './analyze';
import {
  DEF_ANNOT,
  DEF_COMP_ITER,
  DEF_GLOBAL,
  DEF_IMPORT,
  DEF_LOCAL,
  DEF_NONLOCAL,
  DEF_PARAM,
  FUTURE_ANNOTATIONS,
  mangle,
  SymbolTableEntry,
  USE,
  type BlockType,
} from './ste';

export * from './ste';

/**
 * Python/symtable.c (3.11): the first pass collects, per block, what each name is in it
 * (assigned, a parameter, used, declared global or nonlocal, imported, annotated); analyze.ts
 * then decides every name's scope. Blocks are keyed by their AST node, as CPython keys them by
 * the node's address.
 */

export class SymbolTable {
  readonly blocks = new Map<object, SymbolTableEntry>();
  top!: SymbolTableEntry;
  private stack: SymbolTableEntry[] = [];
  private cur!: SymbolTableEntry;
  private global!: Map<string, number>;
  private privateName: string | null = null;

  private constructor(private readonly futureFeatures: number) {}

  /** _PySymtable_Build. */
  static build(mod: Module, futureFeatures: number): SymbolTable {
    const st = new SymbolTable(futureFeatures);
    st.enter('top', 'module', mod, { line: 0, col: 0, endLine: 0, endCol: 0 });
    st.top = st.cur;
    for (const s of mod.body) st.stmt(s);
    st.exit();
    analyze(st.top);
    return st;
  }

  lookup(node: object): SymbolTableEntry {
    const ste = this.blocks.get(node);
    if (!ste) throw new Error('internal: unknown symbol table entry');
    return ste;
  }

  private enter(name: string, type: BlockType, node: object, at: Pos): void {
    const ste = new SymbolTableEntry(name, type, at);
    const prev = this.stack.length ? this.cur : null;
    if (prev && (prev.nested || prev.type === 'function')) ste.nested = true;
    // bpo-37757: no assignment expressions in a comprehension's outermost iterable, at any depth.
    if (prev) ste.compIterExpr = prev.compIterExpr;
    this.stack.push(ste);
    this.cur = ste;
    // Annotation blocks (under `from __future__ import annotations`) swallow their names.
    if (type === 'annotation') return;
    this.blocks.set(node, ste);
    if (type === 'module') this.global = ste.symbols;
    if (prev) prev.children.push(ste);
  }

  private exit(): void {
    this.stack.pop();
    if (this.stack.length) this.cur = this.stack[this.stack.length - 1];
  }

  private error(msg: string, at: Pos): never {
    throw new CompileError(msg, at);
  }

  /** symtable_add_def_helper. */
  private addDef(name: string, flag: number, at: Pos, ste: SymbolTableEntry = this.cur): void {
    const mangled = mangle(this.privateName, name);
    const old = ste.symbols.get(mangled);
    let val = flag;
    if (old !== undefined) {
      if (flag & DEF_PARAM && old & DEF_PARAM)
        this.error(`duplicate argument '${name}' in function definition`, at);
      val = old | flag;
    }
    if (ste.compIterTarget) {
      // An iteration variable of a comprehension: a walrus may not rebind it.
      if (val & (DEF_GLOBAL | DEF_NONLOCAL))
        this.error(`comprehension inner loop cannot rebind assignment expression target '${name}'`, at);
      val |= DEF_COMP_ITER;
    }
    ste.symbols.set(mangled, val);
    if (flag & DEF_PARAM) ste.varnames.push(mangled);
    else if (flag & DEF_GLOBAL) this.global.set(mangled, flag | (this.global.get(mangled) ?? 0));
  }

  private symbolFlags(name: string): number {
    return this.cur.flags(mangle(this.privateName, name));
  }

  private stmts(list: Stmt[]): void {
    for (const s of list) this.stmt(s);
  }

  private exprs(list: (Expr | null)[]): void {
    for (const e of list) if (e) this.expr(e);
  }

  private stmt(s: Stmt): void {
    switch (s.k) {
      case 'FunctionDef':
      case 'AsyncFunctionDef':
        this.addDef(s.name, DEF_LOCAL, s);
        this.exprs(s.args.defaults);
        this.exprs(s.args.kwDefaults);
        this.annotations(s, s.args, s.returns);
        this.exprs(s.decorators);
        this.enter(s.name, 'function', s, s);
        if (s.k === 'AsyncFunctionDef') this.cur.coroutine = true;
        this.arguments(s.args);
        this.stmts(s.body);
        this.exit();
        break;
      case 'ClassDef': {
        this.addDef(s.name, DEF_LOCAL, s);
        this.exprs(s.bases);
        s.keywords.forEach((k) => this.expr(k.value));
        this.exprs(s.decorators);
        this.enter(s.name, 'class', s, s);
        const saved = this.privateName;
        this.privateName = s.name;
        this.stmts(s.body);
        this.privateName = saved;
        this.exit();
        break;
      }
      case 'Return':
        if (s.value) {
          this.expr(s.value);
          this.cur.returnsValue = true;
        }
        break;
      case 'Delete':
        this.exprs(s.targets);
        break;
      case 'Assign':
        this.exprs(s.targets);
        this.expr(s.value);
        break;
      case 'AnnAssign':
        if (s.target.k === 'Name') {
          const name = s.target.id;
          const cur = this.symbolFlags(name);
          if (cur & (DEF_GLOBAL | DEF_NONLOCAL) && this.cur.symbols !== this.global && s.simple) {
            this.error(`annotated name '${name}' can't be ${cur & DEF_GLOBAL ? 'global' : 'nonlocal'}`, s);
          }
          if (s.simple) this.addDef(name, DEF_ANNOT | DEF_LOCAL, s.target);
          else if (s.value) this.addDef(name, DEF_LOCAL, s.target);
        } else this.expr(s.target);
        this.annotation(s.annotation);
        if (s.value) this.expr(s.value);
        break;
      case 'AugAssign':
        this.expr(s.target);
        this.expr(s.value);
        break;
      case 'For':
      case 'AsyncFor':
        this.expr(s.target);
        this.expr(s.iter);
        this.stmts(s.body);
        this.stmts(s.orelse);
        break;
      case 'While':
      case 'If':
        this.expr(s.test);
        this.stmts(s.body);
        this.stmts(s.orelse);
        break;
      case 'Match':
        this.expr(s.subject);
        for (const c of s.cases) {
          this.pattern(c.pattern);
          if (c.guard) this.expr(c.guard);
          this.stmts(c.body);
        }
        break;
      case 'Raise':
        if (s.exc) {
          this.expr(s.exc);
          if (s.cause) this.expr(s.cause);
        }
        break;
      case 'Try':
      case 'TryStar':
        this.stmts(s.body);
        for (const h of s.handlers) {
          if (h.type) this.expr(h.type);
          if (h.name) this.addDef(h.name, DEF_LOCAL, h);
          this.stmts(h.body);
        }
        this.stmts(s.orelse);
        this.stmts(s.finalbody);
        break;
      case 'Assert':
        this.expr(s.test);
        if (s.msg) this.expr(s.msg);
        break;
      case 'Import':
      case 'ImportFrom':
        for (const a of s.names) this.alias(a.name, a.asname, a);
        break;
      case 'Global':
      case 'Nonlocal':
        this.declare(s, s.k === 'Global');
        break;
      case 'Expr':
        this.expr(s.value);
        break;
      case 'With':
      case 'AsyncWith':
        for (const it of s.items) {
          this.expr(it.contextExpr);
          if (it.optionalVars) this.expr(it.optionalVars);
        }
        this.stmts(s.body);
        break;
      default:
        break;
    }
  }

  /** Global_kind / Nonlocal_kind. */
  private declare(s: Stmt & { names: string[] }, isGlobal: boolean): void {
    const what = isGlobal ? 'global' : 'nonlocal';
    for (const name of s.names) {
      const cur = this.symbolFlags(name);
      if (cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) {
        let msg: string;
        if (cur & DEF_PARAM) msg = `name '${name}' is parameter and ${what}`;
        else if (cur & USE) msg = `name '${name}' is used prior to ${what} declaration`;
        else if (cur & DEF_ANNOT) msg = `annotated name '${name}' can't be ${what}`;
        else msg = `name '${name}' is assigned to before ${what} declaration`;
        this.error(msg, s);
      }
      this.addDef(name, isGlobal ? DEF_GLOBAL : DEF_NONLOCAL, s);
      this.recordDirective(name, s);
    }
  }

  private recordDirective(name: string, at: Pos): void {
    const mangled = mangle(this.privateName, name);
    if (!this.cur.directives.has(mangled)) this.cur.directives.set(mangled, at);
  }

  /** symtable_visit_alias: `import a.b` binds a; `import *` only at module level. */
  private alias(name: string, asname: string | null, at: Pos): void {
    const bound = asname ?? name;
    const dot = bound.indexOf('.');
    const storeName = dot >= 0 ? bound.slice(0, dot) : bound;
    if (bound !== '*') this.addDef(storeName, DEF_IMPORT, at);
    else if (this.cur.type !== 'module') this.error('import * only allowed at module level', at);
  }

  private arguments(a: Arguments): void {
    for (const p of [...a.posonlyargs, ...a.args, ...a.kwonlyargs]) this.addDef(p.arg, DEF_PARAM, p);
    if (a.vararg) {
      this.addDef(a.vararg.arg, DEF_PARAM, a.vararg);
      this.cur.varargs = true;
    }
    if (a.kwarg) {
      this.addDef(a.kwarg.arg, DEF_PARAM, a.kwarg);
      this.cur.varkeywords = true;
    }
  }

  private get futureAnnotations(): boolean {
    return (this.futureFeatures & FUTURE_ANNOTATIONS) !== 0;
  }

  /** symtable_visit_annotation. */
  private annotation(e: Expr): void {
    if (this.futureAnnotations) this.enter('_annotation', 'annotation', e, e);
    this.expr(e);
    if (this.futureAnnotations) this.exit();
  }

  /** symtable_visit_annotations: parameter annotations, then the return annotation. */
  private annotations(s: Stmt, a: Arguments, returns: Expr | null): void {
    if (this.futureAnnotations) this.enter('_annotation', 'annotation', s, s);
    for (const p of [...a.posonlyargs, ...a.args]) if (p.annotation) this.expr(p.annotation);
    if (a.vararg?.annotation) this.expr(a.vararg.annotation);
    if (a.kwarg?.annotation) this.expr(a.kwarg.annotation);
    for (const p of a.kwonlyargs) if (p.annotation) this.expr(p.annotation);
    if (this.futureAnnotations) this.exit();
    if (returns) this.annotation(returns);
  }

  private raiseIfAnnotationBlock(what: string, e: Expr): void {
    if (this.cur.type === 'annotation') this.error(`${what} cannot be used within an annotation`, e);
  }

  private expr(e: Expr): void {
    switch (e.k) {
      case 'NamedExpr':
        this.raiseIfAnnotationBlock('named expression', e);
        this.namedExpr(e);
        break;
      case 'BoolOp':
        this.exprs(e.values);
        break;
      case 'BinOp':
        this.expr(e.left);
        this.expr(e.right);
        break;
      case 'UnaryOp':
        this.expr(e.operand);
        break;
      case 'Lambda':
        this.exprs(e.args.defaults);
        this.exprs(e.args.kwDefaults);
        this.enter('lambda', 'function', e, e);
        this.arguments(e.args);
        this.expr(e.body);
        this.exit();
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
      case 'GeneratorExp':
        this.comprehension(e, 'genexpr', e.generators, e.elt, null);
        break;
      case 'ListComp':
        this.comprehension(e, 'listcomp', e.generators, e.elt, null);
        break;
      case 'SetComp':
        this.comprehension(e, 'setcomp', e.generators, e.elt, null);
        break;
      case 'DictComp':
        this.comprehension(e, 'dictcomp', e.generators, e.key, e.value);
        break;
      case 'Yield':
      case 'YieldFrom':
        this.raiseIfAnnotationBlock('yield expression', e);
        if (e.value) this.expr(e.value);
        this.cur.generator = true;
        if (this.cur.comprehension) {
          const kind = {
            list: 'list comprehension',
            set: 'set comprehension',
            dict: 'dict comprehension',
            genexpr: 'generator expression',
          }[this.cur.comprehension];
          this.error(`'yield' inside ${kind}`, e);
        }
        break;
      case 'Await':
        this.raiseIfAnnotationBlock('await expression', e);
        this.expr(e.value);
        this.cur.coroutine = true;
        break;
      case 'Compare':
        this.expr(e.left);
        this.exprs(e.comparators);
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
        break;
      case 'Slice':
        this.exprs([e.lower, e.upper, e.step]);
        break;
      case 'Name':
        this.addDef(e.id, e.ctx === 'load' ? USE : DEF_LOCAL, e);
        // super() is a use of the implicit __class__ cell.
        if (e.ctx === 'load' && this.cur.type === 'function' && e.id === 'super')
          this.addDef('__class__', USE, e);
        break;
      case 'List':
      case 'Tuple':
        this.exprs(e.elts);
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
      case 'MatchStar':
        if (p.name) this.addDef(p.name, DEF_LOCAL, p);
        break;
      case 'MatchMapping':
        this.exprs(p.keys);
        p.patterns.forEach((q) => this.pattern(q));
        if (p.rest) this.addDef(p.rest, DEF_LOCAL, p);
        break;
      case 'MatchClass':
        this.expr(p.cls);
        p.patterns.forEach((q) => this.pattern(q));
        p.kwdPatterns.forEach((q) => this.pattern(q));
        break;
      case 'MatchAs':
        if (p.pattern) this.pattern(p.pattern);
        if (p.name) this.addDef(p.name, DEF_LOCAL, p);
        break;
      default:
        break;
    }
  }

  /** symtable_handle_namedexpr + symtable_extend_namedexpr_scope (PEP 572). */
  private namedExpr(e: ExprOf<'NamedExpr'>): void {
    if (this.cur.compIterExpr > 0)
      this.error('assignment expression cannot be used in a comprehension iterable expression', e);
    if (this.cur.comprehension) {
      const target = e.target as ExprOf<'Name'>;
      const name = target.id;
      for (let i = this.stack.length - 1; i >= 0; i--) {
        const ste = this.stack[i];
        if (ste.comprehension) {
          const f = ste.flags(name);
          if (f & DEF_COMP_ITER && f & DEF_LOCAL)
            this.error(
              `assignment expression cannot rebind comprehension iteration variable '${name}'`,
              target,
            );
          continue;
        }
        if (ste.type === 'function') {
          this.addDef(name, ste.flags(name) & DEF_GLOBAL ? DEF_GLOBAL : DEF_NONLOCAL, target);
          this.recordDirective(name, target);
          this.addDef(name, DEF_LOCAL, target, ste);
          break;
        }
        if (ste.type === 'module') {
          this.addDef(name, DEF_GLOBAL, target);
          this.recordDirective(name, target);
          this.addDef(name, DEF_GLOBAL, target, ste);
          break;
        }
        if (ste.type === 'class')
          this.error('assignment expression within a comprehension cannot be used in a class body', target);
      }
    }
    this.expr(e.value);
    this.expr(e.target);
  }

  /** symtable_handle_comprehension: 3.11 runs every comprehension as a nested function. */
  private comprehension(
    e: Expr,
    name: string,
    generators: Comprehension[],
    elt: Expr,
    value: Expr | null,
  ): void {
    const isGenerator = e.k === 'GeneratorExp';
    const outermost = generators[0];
    this.cur.compIterExpr++;
    this.expr(outermost.iter);
    this.cur.compIterExpr--;
    this.enter(name, 'function', e, e);
    this.cur.comprehension = (
      { ListComp: 'list', SetComp: 'set', DictComp: 'dict', GeneratorExp: 'genexpr' } as const
    )[e.k as 'ListComp' | 'SetComp' | 'DictComp' | 'GeneratorExp'];
    if (outermost.isAsync) this.cur.coroutine = true;
    this.addDef('.0', DEF_PARAM, this.cur.at);
    this.cur.compIterTarget = true;
    this.expr(outermost.target);
    this.cur.compIterTarget = false;
    this.exprs(outermost.ifs);
    for (const g of generators.slice(1)) {
      this.cur.compIterTarget = true;
      this.expr(g.target);
      this.cur.compIterTarget = false;
      this.cur.compIterExpr++;
      this.expr(g.iter);
      this.cur.compIterExpr--;
      this.exprs(g.ifs);
      if (g.isAsync) this.cur.coroutine = true;
    }
    if (value) this.expr(value);
    this.expr(elt);
    this.cur.generator = isGenerator;
    const isAsync = this.cur.coroutine && !isGenerator;
    this.exit();
    if (isAsync) this.cur.coroutine = true;
  }
}
