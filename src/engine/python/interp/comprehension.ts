import { dictNew, dictSetItem } from '../objects/dict';
import { functionNew } from '../objects/func';
import { listAppend, listNew } from '../objects/list';
import { setAdd, setNew } from '../objects/set';
import { T } from '../objects/types';
import type { Comprehension, Expr } from '../parse/ast';
import type { Vm } from '../runtime/vm';
import { clearFrame, prologue } from './call';
import { evalExpr } from './expr';
import type { CodeUnit, Frame, Interp } from './interp';
import { getIter, iterNext } from './iterate';
import { truthy } from './ops';
import { closureTuple, store } from './statements';

type CompExpr = Extract<Expr, { generators: Comprehension[] }>;

const NAMES: Record<string, string> = { ListComp: '<listcomp>', SetComp: '<setcomp>', GeneratorExp: '<genexpr>', DictComp: '<dictcomp>' };

/**
 * A comprehension, as 3.11 compiles it: MAKE_FUNCTION (a 152-byte function object, with a closure
 * tuple when it uses the enclosing function's variables), GET_ITER of the first iterable in the
 * enclosing scope, and a call: the frame gets the iterator as `.0`. A generator expression's call
 * returns a generator object that embeds the frame instead.
 */
export function evalComprehension(it: Interp, e: CompExpr, f: Frame): number {
  const vm = it.vm;
  const elts = e.k === 'DictComp' ? [e.key, e.value] : [e.elt];
  const unit = it.unit(e.scope, NAMES[e.k], null, { kind: e.k, elts, generators: e.generators });
  const closure = closureTuple(it, unit.scope.freevars, f);
  const fn = functionNew(vm, unit, NAMES[e.k], 0, closure);
  const iterable = evalExpr(it, e.generators[0].iter, f);
  const iter = getIter(it, iterable);
  vm.decref(iterable);
  const frame: Frame = { unit, fast: new Int32Array(unit.scope.localsplus.length), retval: 0 };
  frame.fast[0] = iter; // `.0`, the only parameter
  it.dataStack.push(unit.framesize);
  if (e.k !== 'GeneratorExp') it.warm(frame); // RESUME (a generator's runs at its first next())
  try {
    prologue(it, frame, closure);
  } catch (err) {
    it.dataStack.pop();
    throw err;
  }
  if (e.k === 'GeneratorExp') return makeGenerator(it, fn, unit, frame);
  try {
    const result = e.k === 'ListComp' ? listNew(vm, 0) : e.k === 'SetComp' ? setNew(vm) : dictNew(vm);
    frame.retval = result;
    runLevel(it, e, frame, 0, result);
  } catch (err) {
    it.dataStack.pop();
    throw err;
  }
  clearFrame(it, frame);
  it.dataStack.pop();
  vm.decref(fn);
  return frame.retval;
}

function runLevel(it: Interp, e: CompExpr, f: Frame, level: number, result: number): void {
  const vm = it.vm;
  const g = e.generators[level];
  let iter: number;
  if (level === 0) {
    iter = f.fast[0]; // LOAD_FAST .0
    vm.incref(iter);
  } else {
    const iterable = evalExpr(it, g.iter, f);
    iter = getIter(it, iterable);
    vm.decref(iterable);
  }
  const last = level === e.generators.length - 1;
  for (;;) {
    it.tick(e.line);
    const v = iterNext(it, iter);
    if (!v) break;
    store(it, g.target, v, f);
    if (!passes(it, g, f)) continue;
    if (!last) runLevel(it, e, f, level + 1, result);
    else if (e.k === 'ListComp') listAppend(vm, result, evalExpr(it, e.elt, f)); // LIST_APPEND steals
    else if (e.k === 'SetComp') {
      const x = evalExpr(it, e.elt, f);
      setAdd(vm, result, x);
      vm.decref(x);
    } else if (e.k === 'DictComp') {
      const k = evalExpr(it, e.key, f);
      const x = evalExpr(it, e.value, f);
      dictSetItem(vm, result, k, x); // MAP_ADD
      vm.decref(k);
      vm.decref(x);
    }
    it.warm(f); // JUMP_BACKWARD (a filtered item jumps back with POP_JUMP_BACKWARD_IF_FALSE: no warm-up)
  }
  vm.decref(iter);
}

function passes(it: Interp, g: Comprehension, f: Frame): boolean {
  // An index, not for-of: this runs once per item, and the array iterator was not optimized away.
  for (let i = 0; i < g.ifs.length; i++) {
    const t = evalExpr(it, g.ifs[i], f);
    const ok = truthy(it.vm, t);
    it.vm.decref(t);
    if (!ok) return false;
  }
  return true;
}

// ---- generators -------------------------------------------------------------------------

/** PyGenObject: 16 (GC) + 80 + 8 × co_framesize, the frame inside it. */
const GEN_BASIC = 80;

interface GenState {
  fn: number;
  unit: CodeUnit;
  frame: Frame;
  /** The iterators on the frame's value stack, one per active loop level. */
  iters: number[];
  started: boolean;
  done: boolean;
  elt: Expr;
  generators: Comprehension[];
}

/** RETURN_GENERATOR: _Py_MakeCoro copies the frame into a new generator and pops it. */
function makeGenerator(it: Interp, fn: number, unit: CodeUnit, frame: Frame): number {
  const vm = it.vm;
  let g: number;
  try {
    g = vm.newGcObject(T.Generator, GEN_BASIC + 8 * unit.framesize);
  } finally {
    it.dataStack.pop();
  }
  const comp = unit.comp!;
  vm.table.side[g] = { fn, unit, frame, iters: [], started: false, done: false, elt: comp.elts[0], generators: comp.generators } satisfies GenState;
  vm.gc.track(g);
  return g;
}

/** gen_iternext: run until the next YIELD_VALUE; at the end the frame is cleared (gen_send_ex2). */
export function generatorNext(it: Interp, g: number): number {
  const vm = it.vm;
  const st = vm.table.side[g] as GenState;
  if (st.done) return 0;
  const f = st.frame;
  it.warm(f); // RESUME: on the first run and after every YIELD_VALUE
  if (!st.started) {
    st.started = true;
    vm.incref(f.fast[0]);
    st.iters.push(f.fast[0]);
  }
  for (;;) {
    const level = st.iters.length - 1;
    if (level < 0) {
      finish(it, st);
      return 0;
    }
    it.tick(st.elt.line);
    const v = iterNext(it, st.iters[level]);
    if (!v) {
      vm.decref(st.iters.pop()!);
      continue;
    }
    const gen = st.generators[level];
    store(it, gen.target, v, f);
    if (!passes(it, gen, f)) continue;
    if (level === st.generators.length - 1) return evalExpr(it, st.elt, f);
    const iterable = evalExpr(it, st.generators[level + 1].iter, f);
    st.iters.push(getIter(it, iterable));
    vm.decref(iterable);
  }
}

/** The generator's frame is cleared: locals in slot order, then the function. */
function finish(it: Interp, st: GenState): void {
  st.done = true;
  clearFrame(it, st.frame);
  it.vm.decref(st.fn);
}

/** gen_dealloc: a suspended generator is closed (its stack and frame released), then freed. */
export function generatorDealloc(it: Interp, g: number): void {
  const vm = it.vm;
  vm.gc.untrack(g);
  const st = vm.table.side[g] as GenState;
  if (!st.done) {
    st.done = true;
    clearFrame(it, st.frame);
    while (st.iters.length) vm.decref(st.iters.shift()!);
    vm.decref(st.fn);
  }
  vm.gcDel(g);
}

export function generatorTraverse(vm: Vm, g: number, visit: (ref: number) => void): void {
  const st = vm.table.side[g] as GenState;
  if (st.done) return;
  visit(st.fn);
  for (const v of st.frame.fast) if (v) visit(v);
  for (const v of st.iters) visit(v);
}
