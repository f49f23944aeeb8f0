import type { Vm } from '../runtime/vm';
import { readyStaticType } from './typeobject';
import type { TypeSlots } from './types';

/**
 * The static types an extension module defines (deque, defaultdict, itertools.count, array …):
 * CPython readies them when the module is initialised; the simulator readies each the first time
 * a process asks for it, with a type id from the run-time range (vm.newTypeId), so adding one is
 * its file and nothing else. A type's factory takes its id and returns its table; a base type is
 * readied before its subclass. Each process (Vm) gets its own tables.
 */
export type TypeFactory = (vm: Vm, id: number) => TypeSlots;

const perVm = new WeakMap<Vm, Map<TypeFactory, TypeSlots>>();

/** The type made by `factory` in this process, readied on first use. */
export function moduleType(vm: Vm, factory: TypeFactory): TypeSlots {
  let m = perVm.get(vm);
  if (m === undefined) perVm.set(vm, (m = new Map()));
  let s = m.get(factory);
  if (s === undefined) {
    s = factory(vm, vm.newTypeId());
    readyStaticType(vm, s);
    m.set(factory, s);
  }
  return s;
}

/** The id of that type (readied on first use). */
export const moduleTypeId = (vm: Vm, factory: TypeFactory): number => moduleType(vm, factory).id;

/** Is `h` an instance of the type `factory` makes (or of a subclass)? */
export function isModuleInstance(vm: Vm, h: number, factory: TypeFactory): boolean {
  return vm.typeOf(h).mro.includes(moduleType(vm, factory).id);
}
