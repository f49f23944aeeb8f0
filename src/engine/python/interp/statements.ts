import { NotSupported, PyError } from '../errors';
import { getAttr, setAttr } from '../abstract/attr';
import { clearError, errorMatches, raiseFormat } from '../abstract/errors';
import { delItem, getItem, setItem } from '../abstract/item';
import { getIter, iterNext } from '../abstract/iter';
import { NB_OF, inplaceOp } from '../abstract/number';
import { isTrue } from '../abstract/object';
import { unpackSequence } from '../abstract/sequence';
import { E } from '../objects/exctypes';
import { functionNew } from '../objects/func';
import { strAppendInPlace, strConcat } from '../objects/str';
import { tupleFromItems } from '../objects/tuple';
import { T } from '../objects/types';
import type { Binding } from '../compile/scope';
import type { Expr, Stmt, StmtOf } from '../parse/ast';
import { evalExpr } from './expr';
import { Flow, type Frame, type Interp } from './interp';
import { importModule } from './modules';

/** One statement, with ceval.c's order of evaluation, stores and decrefs. */
export function execStmt(it: Interp, s: Stmt, f: Frame): Flow {
  it.tickAt(s.line);
  const vm = it.vm;
  switch (s.k) {
    case 'Expr':
      vm.decref(evalExpr(it, s.value, f));
      return Flow.Normal;
    case 'Assign': {
      const v = evalExpr(it, s.value, f);
      for (let i = 0; i < s.targets.length; i++) {
        if (i < s.targets.length - 1) vm.incref(v); // COPY 1
        store(it, s.targets[i], v, f);
      }
      return Flow.Normal;
    }
    case 'AugAssign':
      augAssign(it, s, f);
      return Flow.Normal;
    case 'Delete':
      for (const t of s.targets) del(it, t, f);
      return Flow.Normal;
    case 'If':
      return it.execBlock(test(it, s.test, f) ? s.body : s.orelse, f);
    case 'While': {
      while (test(it, s.test, f)) {
        const flow = it.execBlock(s.body, f);
        if (flow === Flow.Break) return Flow.Normal;
        if (flow === Flow.Return) return flow;
        it.warm(f); // JUMP_BACKWARD
        it.tickAt(s.line);
      }
      return it.execBlock(s.orelse, f);
    }
    case 'For':
      return forLoop(it, s, f);
    case 'Pass':
    case 'Global':
      return Flow.Normal;
    case 'Break':
      return Flow.Break;
    case 'Continue':
      return Flow.Continue;
    case 'Return':
      if (!f.unit) throw new PyError('SyntaxError', "'return' outside function", s.line);
      f.retval = s.value ? evalExpr(it, s.value, f) : vm.s.None;
      return Flow.Return;
    case 'FunctionDef':
      defineFunction(it, s, f);
      return Flow.Normal;
    case 'Import':
      for (const n of s.names) {
        const mod = importModule(it, n.name);
        if (n.asname === null && n.name.includes('.')) throw new NotSupported(`import of a submodule (${n.name})`, s.line);
        store(it, { k: 'Name', id: n.asname ?? n.name, line: s.line }, mod, f);
      }
      return Flow.Normal;
    case 'ImportFrom': {
      const mod = importModule(it, s.module);
      for (const n of s.names) {
        const attr = importFrom(it, mod, n.name);
        store(it, { k: 'Name', id: n.asname ?? n.name, line: s.line }, attr, f);
      }
      vm.decref(mod);
      return Flow.Normal;
    }
    case 'Unsupported':
      throw new NotSupported(s.what, s.line);
  }
}

/** POP_JUMP_IF_FALSE: the test's truth, and the value released. */
function test(it: Interp, e: Expr, f: Frame): boolean {
  const v = evalExpr(it, e, f);
  const b = isTrue(it.vm, v);
  it.vm.decref(v);
  return b;
}

/** GET_ITER, then FOR_ITER until exhausted (the iterator is released at the end or on break). */
function forLoop(it: Interp, s: StmtOf<'For'>, f: Frame): Flow {
  const vm = it.vm;
  const iterable = evalExpr(it, s.iter, f);
  let iter: number;
  try {
    iter = getIter(vm, iterable);
  } finally {
    vm.decref(iterable);
  }
  for (;;) {
    const v = iterNext(vm, iter);
    if (v === 0) break;
    store(it, s.target, v, f);
    const flow = it.execBlock(s.body, f);
    if (flow === Flow.Break) {
      vm.decref(iter);
      return Flow.Normal;
    }
    if (flow === Flow.Return) {
      vm.decref(iter);
      return flow;
    }
    it.warm(f); // JUMP_BACKWARD
    it.tickAt(s.line);
  }
  vm.decref(iter);
  return it.execBlock(s.orelse, f);
}

/** STORE_NAME / STORE_FAST / STORE_DEREF / STORE_SUBSCR / UNPACK_SEQUENCE (consumes `v`). */
export function store(it: Interp, t: Expr, v: number, f: Frame): void {
  const vm = it.vm;
  switch (t.k) {
    case 'Name': {
      if (!f.unit) {
        it.storeGlobal(t.id, v);
        return;
      }
      const b = (t.b ??= f.unit.scope.binding(t.id)) as Binding;
      if (b.kind === 'fast') {
        const old = f.fast[b.slot];
        f.fast[b.slot] = v;
        if (old) vm.decref(old);
      } else if (b.kind === 'deref') {
        const cell = f.fast[b.slot];
        const old = vm.table.ref[cell];
        vm.table.ref[cell] = v;
        if (old) vm.decref(old);
      } else it.storeGlobal(t.id, v);
      return;
    }
    case 'Subscript': {
      const container = evalExpr(it, t.value, f);
      const key = evalExpr(it, t.slice, f);
      try {
        setItem(vm, container, key, v);
      } finally {
        vm.decref(v);
        vm.decref(container);
        vm.decref(key);
      }
      return;
    }
    case 'Tuple':
    case 'List': {
      const items = unpackSequence(vm, v, t.elts.length, it.quickened(f));
      for (let i = 0; i < items.length; i++) store(it, t.elts[i], items[i], f);
      return;
    }
    case 'Attribute': {
      // STORE_ATTR: the object is evaluated after the value
      const obj = evalExpr(it, t.value, f);
      try {
        setAttr(vm, obj, t.attr, v);
      } finally {
        vm.decref(v);
        vm.decref(obj);
      }
      return;
    }
    default:
      throw new PyError('SyntaxError', 'cannot assign to expression', t.line);
  }
}

function del(it: Interp, t: Expr, f: Frame): void {
  const vm = it.vm;
  switch (t.k) {
    case 'Name': {
      if (!f.unit) {
        it.deleteGlobal(t.id);
        return;
      }
      const b = f.unit.scope.binding(t.id);
      if (b.kind === 'fast') {
        const old = f.fast[b.slot];
        if (!old) throw raiseFormat(vm, E.UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value", t.id);
        f.fast[b.slot] = 0;
        vm.decref(old);
      } else if (b.kind === 'global') it.deleteGlobal(t.id);
      else throw new NotSupported('del of a closure variable', t.line);
      return;
    }
    case 'Subscript': {
      const container = evalExpr(it, t.value, f);
      const key = evalExpr(it, t.slice, f);
      try {
        delItem(vm, container, key);
      } finally {
        vm.decref(container);
        vm.decref(key);
      }
      return;
    }
    case 'Attribute': {
      const obj = evalExpr(it, t.value, f);
      try {
        setAttr(vm, obj, t.attr, 0);
      } finally {
        vm.decref(obj);
      }
      return;
    }
    case 'Tuple':
    case 'List':
      for (const e of t.elts) del(it, e, f);
      return;
    default:
      throw new NotSupported('this del target', t.line);
  }
}

function augAssign(it: Interp, s: StmtOf<'AugAssign'>, f: Frame): void {
  const vm = it.vm;
  const t = s.target;
  if (t.k === 'Name' && s.op === '+' && f.unit && it.quickened(f) && inPlaceConcat(it, t.id, s.value, f)) return;
  if (t.k === 'Name') {
    const cur = evalExpr(it, t, f);
    const rhs = evalExpr(it, s.value, f);
    const r = inplaceOp(vm, NB_OF[s.op], cur, rhs);
    vm.decref(cur);
    vm.decref(rhs);
    store(it, t, r, f);
    return;
  }
  if (t.k === 'Subscript') {
    const container = evalExpr(it, t.value, f);
    const key = evalExpr(it, t.slice, f);
    try {
      const cur = getItem(vm, container, key);
      const rhs = evalExpr(it, s.value, f);
      const r = inplaceOp(vm, NB_OF[s.op], cur, rhs);
      vm.decref(cur);
      vm.decref(rhs);
      try {
        setItem(vm, container, key, r);
      } finally {
        vm.decref(r);
      }
    } finally {
      vm.decref(container);
      vm.decref(key);
    }
    return;
  }
  if (t.k === 'Attribute') {
    // COPY 1, LOAD_ATTR, the operand, BINARY_OP (in place), SWAP 2, STORE_ATTR
    const obj = evalExpr(it, t.value, f);
    try {
      const cur = getAttr(vm, obj, t.attr);
      const rhs = evalExpr(it, s.value, f);
      const r = inplaceOp(vm, NB_OF[s.op], cur, rhs);
      vm.decref(cur);
      vm.decref(rhs);
      try {
        setAttr(vm, obj, t.attr, r);
      } finally {
        vm.decref(r);
      }
    } finally {
      vm.decref(obj);
    }
    return;
  }
  throw new PyError('SyntaxError', "'expression' is an illegal expression for augmented assignment", s.line);
}

/**
 * BINARY_OP_INPLACE_ADD_UNICODE (3.11, quickened code, `s += t` on a fast local): the string is
 * extended in place when nothing else holds it. Returns false when the generic path must run.
 */
function inPlaceConcat(it: Interp, name: string, value: Expr, f: Frame): boolean {
  const vm = it.vm;
  const b = f.unit!.scope.binding(name);
  if (b.kind !== 'fast') return false;
  const cur = f.fast[b.slot];
  if (!cur || vm.table.type[cur] !== T.Str) return false;
  const rhs = evalExpr(it, value, f);
  if (vm.table.type[rhs] !== T.Str) {
    // not a str: the generic BINARY_OP (cur is still the local's value)
    vm.incref(cur);
    const r = inplaceOp(vm, NB_OF['+'], cur, rhs);
    vm.decref(cur);
    vm.decref(rhs);
    store(it, { k: 'Name', id: name, line: value.line }, r, f);
    return true;
  }
  if (cur === vm.s.emptyStr) {
    f.fast[b.slot] = rhs; // PyUnicode_Append: '' + right is right
    return true;
  }
  if (vm.table.n[rhs] !== 0 && !strAppendInPlace(vm, cur, rhs)) {
    const r = strConcat(vm, cur, rhs);
    f.fast[b.slot] = r;
    vm.decref(cur);
  }
  vm.decref(rhs);
  return true;
}

/** MAKE_FUNCTION (defaults tuple, closure tuple of the cells), then the name is stored. */
function defineFunction(it: Interp, s: StmtOf<'FunctionDef'>, f: Frame): void {
  const vm = it.vm;
  const unit = it.unit(s.scope, s.name, s.body, null);
  let defaults = 0;
  if (s.defaults.length) {
    const items = Int32Array.from(s.defaults.map((d) => evalExpr(it, d, f)));
    defaults = tupleFromItems(vm, items);
  }
  const closure = closureTuple(it, unit.scope.freevars, f);
  store(it, { k: 'Name', id: s.name, line: s.line }, functionNew(vm, unit, s.name, defaults, closure), f);
}

/** LOAD_CLOSURE × n + BUILD_TUPLE n: the enclosing frame's cells for the new function's free variables. */
export function closureTuple(it: Interp, freevars: string[], f: Frame): number {
  if (!freevars.length) return 0;
  if (!f.unit) throw it.nameError(freevars[0]);
  const cells = Int32Array.from(freevars.map((n) => {
    const b = f.unit!.scope.binding(n);
    const cell = f.fast[b.kind === 'deref' ? b.slot : -1];
    it.vm.incref(cell);
    return cell;
  }));
  return tupleFromItems(it.vm, cells);
}

/** IMPORT_FROM: the module's attribute; a missing one is "cannot import name" (ImportError). */
function importFrom(it: Interp, mod: number, name: string): number {
  const vm = it.vm;
  try {
    return getAttr(vm, mod, name);
  } catch (e) {
    if (!(e instanceof PyError) || !errorMatches(vm, e, E.AttributeError)) throw e;
    clearError(vm, e);
    const modName = (vm.table.side[mod] as { name?: string }).name ?? '?';
    throw raiseFormat(vm, E.ImportError, "cannot import name '%U' from '%U' (unknown location)", name, modName);
  }
}
