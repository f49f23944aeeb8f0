import { GEN_BASIC, type SuspendedFrame } from '../objects/genobject';
import { moduleType, type TypeFactory } from '../objects/modtypes';
import { selfIter } from '../objects/rangeobject';
import { Meth, TpFlags, defineType, type TypeSlots, type Visit } from '../objects/types';
import type { Vm } from '../runtime/vm';

const frameOf = (vm: Vm, g: number): SuspendedFrame => vm.table.side[g] as SuspendedFrame;

/**
 * The generator type of the standard-library generators run as TypeScript (json's _iterencode_*):
 * CPython's generator layout (16 + 80 + 8 × co_framesize), its own type id because the VM's
 * generator type holds a bytecode frame. Not exposed to scripts except through json's iterencode.
 */
const StdlibGeneratorType: TypeFactory = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'generator',
    basicsize: GEN_BASIC,
    itemsize: 8,
    flags: TpFlags.HaveGc,
    dealloc: (vm, g) => {
      vm.gc.untrack(g);
      frameOf(vm, g).close(vm);
      vm.gcDel(g);
    },
    traverse: (vm, g, visit) => frameOf(vm, g).traverse(visit),
    reprText: (vm, g) => `<generator object ${frameOf(vm, g).name} at 0x${vm.id(g).toString(16)}>`,
    iter: selfIter,
    iternext: (vm, g) => frameOf(vm, g).resume(vm),
    methods: {
      close: {
        name: 'close',
        flags: Meth.NoArgs,
        qualname: 'generator.close',
        impl: (vm, g) => {
          frameOf(vm, g).close(vm);
          return vm.s.None;
        },
      },
    },
  });

/** _Py_MakeCoro: the generator object around a frame of `framesize` words. */
export function generatorNew(vm: Vm, framesize: number, frame: SuspendedFrame): number {
  // the version's generator header (3.12 dropped gi_code: 72 bytes, not 80)
  const g = vm.newGcObject(moduleType(vm, StdlibGeneratorType).id, vm.py.sizes.genHeader + 8 * framesize);
  vm.table.side[g] = frame;
  vm.gc.track(g);
  return g;
}

/**
 * The frame of a standard-library generator that the simulator runs as a TypeScript generator
 * (json's _iterencode_*): its locals by index (released in order when it returns, as
 * _PyFrame_Clear does), the free cells COPY_FREE_VARS took, and f_func (the frame holds the
 * function). The body yields new references; closing a suspended frame releases what it holds.
 */
export class PyGenFrame implements SuspendedFrame {
  readonly locals: number[];
  private done = false;
  body: Generator<number, void, void> | null = null;

  constructor(
    private readonly vm: Vm,
    readonly name: string,
    readonly func: number,
    nlocals: number,
    private readonly freeCells: number[],
  ) {
    this.locals = new Array(nlocals).fill(0);
    vm.incref(func);
    for (const c of freeCells) vm.incref(c);
  }

  /** STORE_FAST: the old value released after. `v` is stolen. */
  set(i: number, v: number): void {
    const old = this.locals[i];
    this.locals[i] = v;
    if (old) this.vm.decref(old);
  }

  resume(): number {
    if (this.done || this.body === null) return 0;
    const r = this.body.next();
    if (r.done) {
      this.clear();
      return 0;
    }
    return r.value;
  }

  /** _PyFrame_Clear: localsplus in order (locals, then the free cells), then f_func. */
  clear(): void {
    if (this.done) return;
    this.done = true;
    const vm = this.vm;
    for (let i = 0; i < this.locals.length; i++) {
      const v = this.locals[i];
      this.locals[i] = 0;
      if (v) vm.decref(v);
    }
    for (const c of this.freeCells) vm.decref(c);
    vm.decref(this.func);
  }

  traverse(visit: Visit): void {
    if (this.done) return;
    for (const v of this.locals) if (v) visit(v);
    for (const c of this.freeCells) visit(c);
    visit(this.func);
  }

  close(): void {
    if (this.done) return;
    if (this.body !== null) this.body.return();
    this.clear();
  }
}
