import type { Vm } from '../runtime/vm';
import { moduleType, type TypeFactory } from './modtypes';
import { selfIter } from './rangeobject';
import { TpFlags, defineType, type TypeSlots, type Visit } from './types';

/**
 * A C iterator of the standard library (itertools.repeat, itertools.accumulate …) as the modules
 * of this layer need it inside their models of Python code: a real object of the type's size whose
 * tp_iternext runs a TypeScript function, so `list(it)` and `for` loops over it allocate what they
 * allocate around any iterator (the length hint of 8, the growth, the final resize).
 */
export interface JsIterState {
  /** The next item (a new reference) or 0 at the end. */
  next: (vm: Vm) => number;
  /** The references the iterator holds (released when it dies, visited by the collector). */
  held: number[];
}

/** The type of such iterators for one C type (name, module, basic size without the GC head). */
export function jsIterType(name: string, module: string, basicsize: number): TypeFactory {
  return (_vm: Vm, id: number): TypeSlots =>
    defineType({
      id,
      name,
      module,
      basicsize,
      flags: TpFlags.HaveGc,
      dealloc: (vm, h) => {
        vm.gc.untrack(h);
        const st = vm.table.side[h] as JsIterState;
        vm.table.side[h] = undefined;
        for (const x of st.held.splice(0)) vm.decref(x);
        vm.gcDel(h);
      },
      traverse: (vm, h, visit: Visit) => {
        for (const x of (vm.table.side[h] as JsIterState).held) visit(x);
      },
      iter: selfIter,
      iternext: (vm, h) => (vm.table.side[h] as JsIterState).next(vm),
    });
}

/** A new iterator of that type (16 + basicsize bytes, tracked); `held` references are stolen. */
export function jsIterNew(vm: Vm, type: TypeFactory, next: JsIterState['next'], held: number[]): number {
  const t = moduleType(vm, type);
  const h = vm.newGcObject(t.id, t.basicsize);
  vm.table.side[h] = { next, held } satisfies JsIterState;
  vm.gc.track(h);
  return h;
}
