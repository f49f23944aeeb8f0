import { cellNew } from '../objects/func';
import { binaryOp } from '../abstract/number';
import { T, type NB } from '../objects/types';
import type { Vm } from '../runtime/vm';

/**
 * The frame of a standard-library Python function the simulator runs as TypeScript (random's
 * methods, json's helpers): its fast locals in localsplus order, some of them cells (MAKE_CELL at
 * entry: a 16 + 24 byte cell each, holding the argument), released in that order when the function
 * returns (_PyFrame_Clear). Values are stolen by `set` and borrowed from `get`.
 */
export class PyFrameSim {
  private readonly slots: number[];
  private readonly isCell: boolean[];

  constructor(
    private readonly vm: Vm,
    private readonly names: readonly string[],
    cells: readonly string[],
    args: Record<string, number>,
  ) {
    this.slots = names.map((n) => {
      const a = args[n] ?? 0;
      if (a) vm.incref(a);
      return a;
    });
    this.isCell = names.map((n) => cells.includes(n));
    // MAKE_CELL, in localsplus order: the cell takes the argument's reference
    this.slots.forEach((v, i) => {
      if (!this.isCell[i]) return;
      const c = cellNew(vm, v);
      if (v) vm.decref(v);
      this.slots[i] = c;
    });
  }

  private ix(name: string): number {
    const i = this.names.indexOf(name);
    if (i < 0) throw new Error(`internal: no local ${name}`);
    return i;
  }

  /** LOAD_FAST / LOAD_DEREF (borrowed). */
  get(name: string): number {
    const i = this.ix(name);
    return this.isCell[i] ? this.vm.table.ref[this.slots[i]] : this.slots[i];
  }

  /** STORE_FAST / STORE_DEREF (steals `v`; the old value released after). */
  set(name: string, v: number): void {
    const i = this.ix(name);
    const vm = this.vm;
    if (this.isCell[i]) {
      const c = this.slots[i];
      const old = vm.table.ref[c];
      vm.table.ref[c] = v;
      if (old) vm.decref(old);
      return;
    }
    const old = this.slots[i];
    this.slots[i] = v;
    if (old) vm.decref(old);
  }

  /** The cell of a cell variable (borrowed), for a closure. */
  cell(name: string): number {
    return this.slots[this.ix(name)];
  }

  /** _PyFrame_Clear: every local released in order. */
  clear(): void {
    for (let i = 0; i < this.slots.length; i++) {
      const v = this.slots[i];
      this.slots[i] = 0;
      if (v) this.vm.decref(v);
    }
  }
}

/**
 * BINARY_OP on two stack values (both stolen): the result, then the operands released — left
 * first, or right first once the code is quickened and the instruction specialized for floats
 * and ints (BINARY_OP_MULTIPLY_FLOAT & co.: _Py_DECREF_SPECIALIZED(right) first).
 */
export function pyBinop(vm: Vm, nb: NB, a: number, b: number, quickened: boolean): number {
  let r: number;
  try {
    r = binaryOp(vm, nb, a, b);
  } catch (e) {
    vm.decref(a);
    vm.decref(b);
    throw e;
  }
  if (quickened) {
    vm.decref(b);
    vm.decref(a);
  } else {
    vm.decref(a);
    vm.decref(b);
  }
  return r;
}

const constants = new WeakMap<Vm, Map<number, number>>();

/** A float constant of a code object (LOAD_CONST: made when the module was compiled, no allocation). */
export function pyConstFloat(vm: Vm, v: number): number {
  let m = constants.get(vm);
  if (m === undefined) constants.set(vm, (m = new Map()));
  let h = m.get(v);
  if (h === undefined) {
    h = vm.newStatic(T.Float);
    vm.table.num[h] = v;
    m.set(v, h);
  }
  return h;
}
