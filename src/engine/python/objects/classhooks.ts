import type { Vm } from '../runtime/vm';
import type { TypeSlots } from './types';

/**
 * What a metaclass written in Python changes about its classes, for the library metaclasses the
 * simulator models without running metaclasses in general (enum's EnumType): how the class
 * statement makes the class (instead of type(name, bases, ns)), and the class object's own
 * iteration, len() and subscription (the metaclass's __iter__, __len__, __getitem__) and repr.
 * Registered per process on a class (its type id) and inherited by its subclasses.
 */
export interface ClassHooks {
  /** The metaclass's __new__: the class from the body's namespace (new reference). */
  build(vm: Vm, name: number, bases: number, ns: number): number;
  iter?(vm: Vm, cls: number): number;
  len?(vm: Vm, cls: number): number;
  getitem?(vm: Vm, cls: number, key: number): number;
  repr?(vm: Vm, cls: number): string;
  /** object_new's Py_TPFLAGS_IS_ABSTRACT check (abc): raises for a class that cannot be instantiated. */
  checkNew?(vm: Vm, type: TypeSlots): void;
}

const registry = new WeakMap<Vm, Map<number, ClassHooks>>();

export function setClassHooks(vm: Vm, typeId: number, hooks: ClassHooks): void {
  let m = registry.get(vm);
  if (m === undefined) registry.set(vm, (m = new Map()));
  m.set(typeId, hooks);
}

/** The hooks of a class object (through its MRO), or null: `cls` is a type object. */
export function classHooksOf(vm: Vm, cls: number): ClassHooks | null {
  const m = registry.get(vm);
  if (m === undefined) return null;
  for (const id of vm.slotsOf(cls).mro) {
    const h = m.get(id);
    if (h !== undefined) return h;
  }
  return null;
}
