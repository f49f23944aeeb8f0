import { getIter, iterNext } from '../abstract/iter';
import { isTrue } from '../abstract/object';
import { dictNew, dictSetItem } from '../objects/dict';
import { functionNew } from '../objects/func';
import { generatorNew, type SuspendedFrame } from '../objects/genobject';
import { listAppend, listNew } from '../objects/list';
import { setAdd, setNew } from '../objects/set';
import type { Visit } from '../objects/types';
import type { Comprehension, Expr } from '../parse/ast';
import type { Vm } from '../runtime/vm';
import { clearFrame, prologue } from './call';
import { evalExpr } from './expr';
import type { CodeUnit, Frame, Interp } from './interp';
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
  let iter: number;
  try {
    iter = getIter(vm, iterable);
  } catch (err) {
    vm.decref(fn);
    throw err;
  } finally {
    vm.decref(iterable);
  }
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
    try {
      iter = getIter(vm, iterable);
    } finally {
      vm.decref(iterable);
    }
  }
  const last = level === e.generators.length - 1;
  for (;;) {
    it.tickAt(e.line);
    const v = iterNext(vm, iter);
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
    const ok = isTrue(it.vm, t);
    it.vm.decref(t);
    if (!ok) return false;
  }
  return true;
}

// ---- generators -------------------------------------------------------------------------

/**
 * A generator expression's suspended frame (the object is objects/genobject.ts's): the frame's
 * locals, the iterators of the active loop levels on its value stack, and where it stands.
 */
class GenExprFrame implements SuspendedFrame {
  readonly name = '<genexpr>';
  /** The iterators on the frame's value stack, one per active loop level. */
  private readonly iters: number[] = [];
  private started = false;
  private done = false;

  constructor(
    private readonly it: Interp,
    private readonly fn: number,
    private readonly frame: Frame,
    private readonly elt: Expr,
    private readonly generators: Comprehension[],
  ) {}

  /** gen_iternext: run until the next YIELD_VALUE; at the end the frame is cleared (gen_send_ex2). */
  resume(vm: Vm): number {
    const it = this.it;
    if (this.done) return 0;
    const f = this.frame;
    it.warm(f); // RESUME: on the first run and after every YIELD_VALUE
    if (!this.started) {
      this.started = true;
      vm.incref(f.fast[0]);
      this.iters.push(f.fast[0]);
    }
    for (;;) {
      const level = this.iters.length - 1;
      if (level < 0) {
        this.finish(vm);
        return 0;
      }
      it.tickAt(this.elt.line);
      const v = iterNext(vm, this.iters[level]);
      if (!v) {
        vm.decref(this.iters.pop()!);
        continue;
      }
      const gen = this.generators[level];
      store(it, gen.target, v, f);
      if (!passes(it, gen, f)) continue;
      if (level === this.generators.length - 1) return evalExpr(it, this.elt, f);
      const iterable = evalExpr(it, this.generators[level + 1].iter, f);
      try {
        this.iters.push(getIter(vm, iterable));
      } finally {
        vm.decref(iterable);
      }
    }
  }

  /** The generator's frame is cleared: locals in slot order, then the function. */
  private finish(vm: Vm): void {
    this.done = true;
    clearFrame(this.it, this.frame);
    vm.decref(this.fn);
  }

  /** gen_dealloc's close: a suspended generator's stack and frame released. */
  close(vm: Vm): void {
    if (this.done) return;
    this.done = true;
    clearFrame(this.it, this.frame);
    while (this.iters.length) vm.decref(this.iters.shift()!);
    vm.decref(this.fn);
  }

  traverse(visit: Visit): void {
    if (this.done) return;
    visit(this.fn);
    for (const v of this.frame.fast) if (v) visit(v);
    for (const v of this.iters) visit(v);
  }
}

/** RETURN_GENERATOR: _Py_MakeCoro copies the frame into a new generator and pops it. */
function makeGenerator(it: Interp, fn: number, unit: CodeUnit, frame: Frame): number {
  const comp = unit.comp!;
  try {
    return generatorNew(it.vm, unit.framesize, new GenExprFrame(it, fn, frame, comp.elts[0], comp.generators));
  } finally {
    it.dataStack.pop();
  }
}
