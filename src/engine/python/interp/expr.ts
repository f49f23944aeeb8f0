import { NotSupported } from '../errors';
import { raiseFormat } from '../abstract/errors';
import { E } from '../objects/exctypes';
import { getAttr } from '../abstract/attr';
import { CMP_OF, richCompare } from '../abstract/compare';
import { getItem } from '../abstract/item';
import { NB_OF, binaryOp, unaryOp } from '../abstract/number';
import { contains, isTrue } from '../abstract/object';
import { dictNew, dictNewPresized, dictSetItem } from '../objects/dict';
import { dictMerge } from '../objects/dictmerge';
import { listAppend, listNew, listPut, listSliceItems } from '../objects/list';
import { listExtendItems } from '../objects/listops';
import { setAdd, setNew } from '../objects/set';
import { sliceNew } from '../objects/slice';
import { tupleFromItems, tupleItems } from '../objects/tuple';
import { T } from '../objects/types';
import type { Binding } from '../compile/scope';
import type { Expr, ExprOf } from '../parse/ast';
import { evalCall } from './call';
import { evalComprehension } from './comprehension';
import type { Frame, Interp } from './interp';

/** Evaluate an expression: a new reference, made with the instructions CPython 3.11 emits. */
export function evalExpr(it: Interp, e: Expr, f: Frame): number {
  it.tickAt(e.line);
  const vm = it.vm;
  switch (e.k) {
    case 'Const':
      vm.incref(e.h!);
      return e.h!;
    case 'Name': {
      if (!f.unit) return it.loadGlobal(e.id);
      const b = (e.b ??= f.unit.scope.binding(e.id)) as Binding;
      return b.kind === 'fast' || b.kind === 'deref' ? loadLocal(it, e.id, b.kind, b.slot, f) : it.loadGlobal(e.id);
    }
    case 'BinOp': {
      const l = evalExpr(it, e.left, f);
      const r = evalExpr(it, e.right, f);
      const res = binaryOp(vm, NB_OF[e.op], l, r);
      vm.decref(l);
      vm.decref(r);
      return res;
    }
    case 'UnaryOp': {
      const v = evalExpr(it, e.operand, f);
      const res = e.op === 'not' ? vm.s.bool(!isTrue(vm, v)) : unaryOp(vm, e.op, v);
      vm.decref(v);
      return res;
    }
    case 'BoolOp': {
      // JUMP_IF_FALSE_OR_POP / JUMP_IF_TRUE_OR_POP: the deciding operand is the result
      let v = 0;
      for (let i = 0; i < e.values.length; i++) {
        v = evalExpr(it, e.values[i], f);
        if (i === e.values.length - 1 || isTrue(vm, v) !== (e.op === 'and')) return v;
        vm.decref(v);
      }
      return v;
    }
    case 'Compare':
      return evalCompare(it, e, f);
    case 'IfExp': {
      const t = evalExpr(it, e.test, f);
      const b = isTrue(vm, t);
      vm.decref(t);
      return evalExpr(it, b ? e.body : e.orelse, f);
    }
    case 'List':
      return buildList(it, e, f);
    case 'Tuple': {
      if (e.elts.length > 30) {
        // BUILD_LIST 0 + LIST_APPEND each + LIST_TO_TUPLE (PyList_AsTuple), the list released
        const l = buildList(it, { k: 'List', elts: e.elts, line: e.line }, f);
        const items = listSliceItems(vm, l, 0, vm.table.n[l]);
        for (const x of items) vm.incref(x);
        const tup = tupleFromItems(vm, items);
        vm.decref(l);
        return tup;
      }
      const items = Int32Array.from(e.elts.map((x) => evalExpr(it, x, f)));
      return tupleFromItems(vm, items);
    }
    case 'Set':
      return buildSet(it, e, f);
    case 'Dict':
      return buildDict(it, e, f);
    case 'Call':
      return evalCall(it, e, f);
    case 'Attribute': {
      const obj = evalExpr(it, e.value, f);
      try {
        return getAttr(vm, obj, e.attr);
      } finally {
        vm.decref(obj);
      }
    }
    case 'Subscript': {
      const container = evalExpr(it, e.value, f);
      const key = evalExpr(it, e.slice, f);
      try {
        return getItem(vm, container, key);
      } finally {
        vm.decref(container);
        vm.decref(key);
      }
    }
    case 'Slice': {
      // BUILD_SLICE: missing parts are LOAD_CONST None
      const parts = [e.lower, e.upper, e.step].map((p) => (p ? evalExpr(it, p, f) : vm.s.None));
      const s = sliceNew(vm, parts[0], parts[1], parts[2]);
      for (const p of parts) vm.decref(p);
      return s;
    }
    case 'ListComp':
    case 'SetComp':
    case 'GeneratorExp':
    case 'DictComp':
      return evalComprehension(it, e, f);
  }
}

/** LOAD_FAST / LOAD_DEREF. */
function loadLocal(it: Interp, name: string, kind: 'fast' | 'deref', slot: number, f: Frame): number {
  const vm = it.vm;
  let v = f.fast[slot];
  if (kind === 'deref') v = v ? vm.table.ref[v] : 0;
  if (!v) {
    if (kind === 'deref')
      throw it.nameError(name, E.NameError, "cannot access free variable '%s' where it is not associated with a value in enclosing scope");
    throw raiseFormat(vm, E.UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value", name);
  }
  vm.incref(v);
  return v;
}

/**
 * COMPARE_OP / IS_OP / CONTAINS_OP, chained with JUMP_IF_FALSE_OR_POP: each comparison's result
 * object (a bool for the built-in types, an array for NumPy's) is the value when it is false or
 * the last one.
 */
function evalCompare(it: Interp, e: ExprOf<'Compare'>, f: Frame): number {
  const vm = it.vm;
  let left = evalExpr(it, e.left, f);
  const last = e.ops.length - 1;
  for (let i = 0; ; i++) {
    const right = evalExpr(it, e.comparators[i], f);
    let res: number;
    try {
      res = compareOp(it, e.ops[i], left, right);
    } catch (err) {
      vm.decref(left);
      vm.decref(right);
      throw err;
    }
    vm.decref(left);
    if (i === last) {
      vm.decref(right);
      return res;
    }
    if (!isTrue(vm, res)) {
      vm.decref(right);
      return res;
    }
    vm.decref(res);
    left = right;
  }
}

function compareOp(it: Interp, op: string, a: number, b: number): number {
  const vm = it.vm;
  switch (op) {
    case 'is':
      return vm.s.bool(a === b);
    case 'is not':
      return vm.s.bool(a !== b);
    case 'in':
      return vm.s.bool(contains(vm, b, a));
    case 'not in':
      return vm.s.bool(!contains(vm, b, a));
    default:
      return richCompare(vm, a, b, CMP_OF[op]);
  }
}

/** BUILD_LIST n (PyList_New(n): PyMem_Calloc), BUILD_LIST 0 + LIST_EXTEND (3+ constants), or appends (> 30 items). */
function buildList(it: Interp, e: ExprOf<'List'>, f: Frame): number {
  const vm = it.vm;
  if (e.constItems !== undefined) {
    const l = listNew(vm, 0);
    listExtendItems(vm, l, tupleItems(vm, e.constItems));
    return l;
  }
  if (e.elts.length > 30) {
    const l = listNew(vm, 0);
    for (const x of e.elts) listAppend(vm, l, evalExpr(it, x, f));
    return l;
  }
  // The items are evaluated onto the value stack first; PyList_New(n) comes after them.
  const n = e.elts.length;
  const base = it.sp;
  for (let i = 0; i < n; i++) it.push(evalExpr(it, e.elts[i], f));
  const l = listNew(vm, n);
  for (let i = 0; i < n; i++) listPut(vm, l, i, it.stack[base + i]);
  it.sp = base;
  return l;
}

/** BUILD_SET n (PySet_New + PySet_Add each), or BUILD_SET 0 + SET_UPDATE of a constant frozenset. */
function buildSet(it: Interp, e: ExprOf<'Set'>, f: Frame): number {
  const vm = it.vm;
  if (e.constItems !== undefined) {
    const s = setNew(vm);
    for (const k of (vm.table.side[e.constItems] as { index: Map<unknown, number> }).index.values()) setAdd(vm, s, k);
    return s;
  }
  if (e.elts.length > 30) {
    // BUILD_SET 0 + SET_ADD each
    const s = setNew(vm);
    for (const x of e.elts) {
      const v = evalExpr(it, x, f);
      setAdd(vm, s, v);
      vm.decref(v);
    }
    return s;
  }
  const items = e.elts.map((x) => evalExpr(it, x, f));
  const s = setNew(vm);
  for (const v of items) {
    setAdd(vm, s, v);
    vm.decref(v);
  }
  return s;
}

/**
 * compiler_dict: runs of key: value items become sub-dicts (BUILD_MAP n, or BUILD_CONST_KEY_MAP n
 * for constant keys: _PyDict_FromItems, presized for n), at most 16 items each
 * (STACK_USE_GUIDELINE); `**m` and later runs are merged into the first dict with DICT_UPDATE.
 */
function buildDict(it: Interp, e: ExprOf<'Dict'>, f: Frame): number {
  const vm = it.vm;
  let acc = 0;
  const merge = (d: number) => {
    if (!acc) acc = d;
    else {
      dictMerge(vm, acc, d); // DICT_UPDATE
      vm.decref(d);
    }
  };
  const n = e.values.length;
  let elements = 0;
  for (let i = 0; i < n; i++) {
    if (e.keys[i] === null) {
      if (elements) merge(subdict(it, e, i - elements, i, f));
      elements = 0;
      if (!acc) acc = dictNew(vm);
      const m = evalExpr(it, e.values[i], f);
      if (vm.table.type[m] !== T.Dict) {
        vm.decref(m);
        throw new NotSupported('** of a non-dict mapping', e.line);
      }
      dictMerge(vm, acc, m);
      vm.decref(m);
    } else if (elements * 2 > 30) {
      merge(subdict(it, e, i - elements, i + 1, f));
      elements = 0;
    } else elements++;
  }
  if (elements) merge(subdict(it, e, n - elements, n, f));
  return acc || dictNew(vm);
}

/** compiler_subdict: BUILD_CONST_KEY_MAP / BUILD_MAP n, or BUILD_MAP 0 + MAP_ADD for 16+ items. */
function subdict(it: Interp, e: ExprOf<'Dict'>, begin: number, end: number, f: Frame): number {
  const vm = it.vm;
  const keysExprs = e.keys.slice(begin, end) as Expr[];
  if ((end - begin) * 2 > 30) {
    const d = dictNew(vm);
    for (let i = begin; i < end; i++) {
      const k = evalExpr(it, e.keys[i]!, f);
      const v = evalExpr(it, e.values[i], f);
      dictSetItem(vm, d, k, v);
      vm.decref(k);
      vm.decref(v);
    }
    return d;
  }
  const constKeys = end - begin > 1 && keysExprs.every((k) => k.k === 'Const');
  const keys: number[] = [];
  const values: number[] = [];
  for (let i = begin; i < end; i++) {
    if (!constKeys) keys.push(evalExpr(it, e.keys[i]!, f));
    values.push(evalExpr(it, e.values[i], f));
  }
  if (constKeys) for (const k of keysExprs) keys.push(evalExpr(it, k, f));
  const unicode = keys.every((k) => vm.table.type[k] === T.Str);
  const d = dictNewPresized(vm, keys.length, unicode);
  for (let i = 0; i < keys.length; i++) dictSetItem(vm, d, keys[i], values[i]);
  for (let i = 0; i < keys.length; i++) {
    vm.decref(keys[i]);
    vm.decref(values[i]);
  }
  return d;
}
