import { catchException, errorMatches, popExcept, pushExcInfo, tracebackHere } from '../abstract/errors';
import { getIter, iterNext } from '../abstract/iter';
import { PyError } from '../errors';
import { frameObjectNew } from '../objects/frameobject';
import { functionNew } from '../objects/func';
import { listAppend, listNew } from '../objects/list';
import { tupleFromItems } from '../objects/tuple';
import type { Vm } from '../runtime/vm';

/**
 * What a pure-Python library function (copy.py, heapq.py …) leaves behind and allocates on the way
 * when the simulator models it in TypeScript: its frame's locals (released in slot order when the
 * frame is cleared, after the frame object if one was made), the code objects' warm-up (which
 * decides when UNPACK_SEQUENCE stops making an iterator), list comprehensions (a function object
 * per call, the iterator as the comprehension frame's argument), and exceptions caught in the frame.
 */

/**
 * co_warmup of the modelled code objects in this process (-8, one step per RESUME and
 * JUMP_BACKWARD: at 0 the code is quickened and its UNPACK_SEQUENCE of a tuple no longer makes
 * an iterator). `code` names the code object ('copy.deepcopy', 'heapq.nlargest.<listcomp>548').
 */
const warmups = new WeakMap<Vm, Map<string, number>>();
export function tick(vm: Vm, code: string): void {
  let m = warmups.get(vm);
  if (m === undefined) warmups.set(vm, (m = new Map()));
  const w = m.get(code) ?? -8;
  if (w !== 0) m.set(code, w + 1);
}
export const quickened = (vm: Vm, code: string): boolean => (warmups.get(vm)?.get(code) ?? -8) === 0;

/** A modelled Python frame: its fast locals by slot, and its frame object once one was needed. */
export class PyFrame {
  readonly locals: number[];
  frameObject = 0;

  /**
   * RESUME: a warm-up step. `slots` is co_nlocalsplus + co_stacksize (the frame object's size).
   */
  constructor(
    readonly vm: Vm,
    readonly code: string,
    nlocals: number,
    readonly slots: number,
  ) {
    this.locals = new Array<number>(nlocals).fill(0);
    tick(vm, code);
  }

  /** STORE_FAST: `v` (a new reference) taken, the old value released. */
  set(i: number, v: number): void {
    const old = this.locals[i];
    this.locals[i] = v;
    if (old) this.vm.decref(old);
  }

  get(i: number): number {
    return this.locals[i];
  }

  /** JUMP_BACKWARD. */
  loop(): void {
    tick(this.vm, this.code);
  }

  get quickened(): boolean {
    return quickened(this.vm, this.code);
  }

  /**
   * An exception raised in this frame at `line` and caught by `except (types)`: the frame object
   * (made once), the traceback, the instance handed to the handler and released by POP_EXCEPT.
   * Returns false (the error is left as it is) when it does not match.
   */
  catch(err: unknown, line: number, types: readonly number[]): boolean {
    if (!(err instanceof PyError)) return false;
    const vm = this.vm;
    if (this.frameObject === 0) this.frameObject = frameObjectNew(vm, this.slots, null);
    tracebackHere(vm, err, this.frameObject, 0, line);
    const matches = types.some((t) => errorMatches(vm, err, t));
    if (!matches) return false;
    pushExcInfo(vm, catchException(vm, err));
    if (types.length > 1) {
      // `except (A, B)`: the names loaded and BUILD_TUPLE for CHECK_EXC_MATCH
      const objs = types.map((t) => vm.types[t].typeObject);
      for (const o of objs) vm.incref(o);
      vm.decref(tupleFromItems(vm, objs));
    }
    popExcept(vm);
    return true;
  }

  /** _PyFrame_Clear: the frame object first, then the locals in slot order. */
  clear(): void {
    if (this.frameObject) this.vm.decref(this.frameObject);
    this.frameObject = 0;
    for (let i = 0; i < this.locals.length; i++) {
      const v = this.locals[i];
      this.locals[i] = 0;
      if (v) this.vm.decref(v);
    }
  }
}

/**
 * `[expr for … in iterable]` in 3.11: MAKE_FUNCTION (with the closure's cells, borrowed), then the
 * iterable evaluated (`iterable()`, a new reference) and GET_ITER on it, the comprehension's frame (its RESUME, BUILD_LIST, each
 * item's LIST_APPEND and JUMP_BACKWARD; the iterator is its argument, released when it returns),
 * then the function object. The comprehension's frame has `nlocals` slots, `.0` (the iterator)
 * first; `item(v, frame)` turns one item (a new reference, taken) into the element (a new
 * reference), storing its loop variables in the frame.
 */
export function listComp(
  vm: Vm,
  code: string,
  qualname: string,
  cells: readonly number[],
  nlocals: number,
  iterable: () => number,
  item: (v: number, frame: PyFrame) => number,
): number {
  let closure = 0;
  if (cells.length > 0) {
    for (const c of cells) vm.incref(c);
    closure = tupleFromItems(vm, cells);
  }
  const fn = functionNew(vm, null, '<listcomp>', 0, closure, qualname);
  try {
    const src = iterable();
    let it: number;
    try {
      it = getIter(vm, src);
    } finally {
      vm.decref(src);
    }
    const frame = new PyFrame(vm, code, nlocals, 0);
    frame.set(0, it);
    try {
      const out = listNew(vm, 0);
      try {
        for (let v = iterNext(vm, it); v !== 0; v = iterNext(vm, it)) {
          listAppend(vm, out, item(v, frame));
          frame.loop();
        }
      } catch (e) {
        vm.decref(out);
        throw e;
      }
      return out;
    } finally {
      frame.clear();
    }
  } finally {
    vm.decref(fn);
  }
}
