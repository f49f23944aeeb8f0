import { PyError } from '../errors';
import { NB_OF, binaryOp, unaryOp } from '../abstract/number';
import { isTrue } from '../abstract/object';
import { bytesNew } from '../objects/bytes';
import { fromDouble } from '../objects/float';
import { fromLong, longNew, norm } from '../objects/int';
import { setAdd, setNew } from '../objects/set';
import { strResult } from '../objects/str';
import { tupleFromItems, tupleItem } from '../objects/tuple';
import type { ConstValue, Expr, Stmt } from '../parse/ast';
import type { Vm } from '../runtime/vm';
import { constKey, constSubscript, safe } from './fold';
import { exprChildren } from './scope';

/**
 * Constants, made the way CPython makes them while compiling the module (before the first
 * statement runs): literals as the parser creates them, then ast_opt.c's folding with the real
 * operations (so `10**20` allocates 10, 100, … and keeps a 40-byte result), then compile.c's
 * `[1, 2, 3]` → BUILD_LIST + LIST_EXTEND of a constant tuple. Equal constants are merged
 * (merge_consts_recursive). Every constant stays alive as long as the code: for the whole run.
 */
export class ConstCompiler {
  private readonly merged = new Map<string, number>();
  readonly held: number[] = [];

  constructor(private readonly vm: Vm) {}

  /** Fold and materialize every constant in the statements (in place). */
  statements(body: Stmt[]): void {
    for (const s of body) this.stmt(s);
  }

  private stmt(s: Stmt): void {
    switch (s.k) {
      case 'Assign':
        s.targets.forEach((t) => this.target(t));
        s.value = this.expr(s.value);
        break;
      case 'AugAssign':
        this.target(s.target);
        s.value = this.expr(s.value);
        break;
      case 'Delete':
        s.targets.forEach((t) => this.target(t));
        break;
      case 'For':
        this.target(s.target);
        s.iter = this.foldIter(this.expr(s.iter));
        this.statements(s.body);
        this.statements(s.orelse);
        break;
      case 'While':
      case 'If':
        s.test = this.expr(s.test);
        this.statements(s.body);
        this.statements(s.orelse);
        break;
      case 'FunctionDef':
        s.defaults = s.defaults.map((d) => this.expr(d));
        this.statements(s.body);
        break;
      case 'Return':
        if (s.value) s.value = this.expr(s.value);
        break;
      case 'Expr':
        s.value = this.expr(s.value);
        break;
      default:
        break;
    }
  }

  /** Assignment targets are not folded, only the expressions inside them. */
  private target(t: Expr): void {
    if (t.k === 'Tuple' || t.k === 'List') t.elts.forEach((e) => this.target(e));
    else if (t.k === 'Subscript') {
      t.value = this.expr(t.value);
      t.slice = this.expr(t.slice);
    } else if (t.k === 'Attribute') t.value = this.expr(t.value);
  }

  expr(e: Expr): Expr {
    switch (e.k) {
      case 'Const':
        e.h = this.literal(e.value);
        return e;
      case 'ListComp':
      case 'SetComp':
      case 'GeneratorExp':
        e.elt = this.expr(e.elt);
        this.generators(e.generators);
        return e;
      case 'DictComp':
        e.key = this.expr(e.key);
        e.value = this.expr(e.value);
        this.generators(e.generators);
        return e;
      default:
        break;
    }
    this.children(e);
    switch (e.k) {
      case 'BinOp':
        return this.foldBinOp(e);
      case 'UnaryOp':
        if (e.operand.k === 'Const') return this.tryFold(e, () => (e.op === 'not' ? this.vm.s.bool(!isTrue(this.vm, e.operand.k === 'Const' ? e.operand.h! : 0)) : unaryOp(this.vm, e.op, (e.operand as { h: number }).h)));
        if (e.op === 'not' && e.operand.k === 'Compare' && e.operand.ops.length === 1) {
          const inverse: Record<string, 'is' | 'is not' | 'in' | 'not in'> = { is: 'is not', 'is not': 'is', in: 'not in', 'not in': 'in' };
          const inv = inverse[e.operand.ops[0]];
          if (inv) return { ...e.operand, ops: [inv] };
        }
        return e;
      case 'Tuple':
        return this.constTuple(e.elts, e.line) ?? e;
      case 'Subscript':
        if (e.value.k === 'Const' && e.slice.k === 'Const') return this.tryFold(e, () => constSubscript(this.vm, (e.value as { h: number }).h, (e.slice as { h: number }).h));
        return e;
      case 'Compare': {
        const last = e.ops.length - 1;
        if (e.ops[last] === 'in' || e.ops[last] === 'not in') e.comparators[last] = this.foldIter(e.comparators[last]);
        return e;
      }
      case 'List':
      case 'Set':
        // compile.c starunpack_helper: 3+ constant items become one constant tuple / frozenset.
        if (e.elts.length > 2 && e.elts.every((x) => x.k === 'Const')) {
          const tuple = this.constTuple(e.elts, e.line)!;
          e.constItems = e.k === 'Set' ? this.frozenset(tuple.h!) : tuple.h;
        }
        return e;
      default:
        return e;
    }
  }

  private children(e: Expr): void {
    for (const c of exprChildren(e)) {
      const folded = this.expr(c);
      if (folded !== c) replaceChild(e, c, folded);
    }
  }

  private generators(gens: { iter: Expr; ifs: Expr[]; target: Expr }[]): void {
    for (const g of gens) {
      g.iter = this.foldIter(this.expr(g.iter));
      g.ifs = g.ifs.map((x) => this.expr(x));
      this.target(g.target);
    }
  }

  /** fold_iter: a list display iterated or tested with `in` becomes a tuple, a set one a frozenset. */
  private foldIter(e: Expr): Expr {
    if (e.k === 'List') return this.constTuple(e.elts, e.line) ?? { k: 'Tuple', elts: e.elts, line: e.line };
    if (e.k === 'Set' && e.elts.every((x) => x.k === 'Const')) {
      const t = this.constTuple(e.elts, e.line)!;
      return { k: 'Const', value: { t: 'none' }, h: this.frozenset(t.h!), line: e.line };
    }
    return e;
  }

  private constTuple(elts: Expr[], line: number): (Expr & { k: 'Const' }) | null {
    if (!elts.every((x) => x.k === 'Const')) return null;
    const items = Int32Array.from(elts.map((x) => (x as { h: number }).h));
    for (const it of items) this.vm.incref(it);
    const h = this.merge(tupleFromItems(this.vm, items));
    return { k: 'Const', value: { t: 'none' }, h, line };
  }

  private frozenset(tuple: number): number {
    const vm = this.vm;
    const fs = setNew(vm, true);
    for (let i = 0; i < vm.table.n[tuple]; i++) setAdd(vm, fs, tupleItem(vm, tuple, i));
    return this.merge(fs);
  }

  private foldBinOp(e: Expr & { k: 'BinOp' }): Expr {
    if (e.left.k !== 'Const' || e.right.k !== 'Const') return e;
    const vm = this.vm;
    const a = e.left.h!;
    const b = e.right.h!;
    if (!safe(vm, e.op, a, b)) return e;
    return this.tryFold(e, () => binaryOp(vm, NB_OF[e.op], a, b));
  }

  /** make_const: the folded value replaces the node; an exception just leaves the node alone. */
  private tryFold(e: Expr, f: () => number): Expr {
    let h: number;
    try {
      h = f();
    } catch (err) {
      if (err instanceof PyError) return e;
      throw err;
    }
    return { k: 'Const', value: { t: 'none' }, h: this.merge(h), line: e.line };
  }

  /** A literal as the parser makes it (parsenumber: C longs via PyLong_FromLong). */
  private literal(v: ConstValue): number {
    const vm = this.vm;
    switch (v.t) {
      case 'int': {
        if (v.v >= -(2n ** 63n) && v.v < 2n ** 63n) return this.merge(fromLong(vm, norm(v.v)));
        // PyLong_FromString: digits × log(10)/log(2**30), truncated, plus one.
        const digits = v.v.toString().replace('-', '').length;
        return this.merge(longNew(vm, norm(v.v), Math.floor((digits * Math.log(10)) / Math.log(2 ** 30)) + 1));
      }
      case 'float':
        return this.merge(fromDouble(vm, v.v));
      case 'str':
        return this.merge(strResult(vm, v.v));
      case 'bytes':
        return this.merge(bytesNew(vm, v.v));
      case 'none':
        return vm.s.None;
      case 'bool':
        return vm.s.bool(v.v);
      case 'ellipsis':
        return vm.s.Ellipsis;
      default:
        throw new Error('internal: unexpected constant');
    }
  }

  /** merge_consts_recursive: an equal constant made before is reused, the new one dropped. */
  private merge(h: number): number {
    const vm = this.vm;
    if (vm.isImmortal(h)) return h;
    const key = constKey(vm, h);
    const old = key === null ? undefined : this.merged.get(key);
    if (old !== undefined) {
      vm.decref(h);
      return old;
    }
    if (key !== null) this.merged.set(key, h);
    this.held.push(h);
    return h;
  }
}

function replaceChild(parent: Expr, old: Expr, neu: Expr): void {
  const p = parent as unknown as Record<string, unknown>;
  for (const key of Object.keys(p)) {
    const v = p[key];
    if (v === old) p[key] = neu;
    else if (Array.isArray(v)) {
      const i = v.indexOf(old);
      if (i >= 0) v[i] = neu;
    }
  }
}
