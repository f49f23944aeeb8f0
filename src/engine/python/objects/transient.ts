import type { Vm } from '../runtime/vm';

/**
 * Objects that the standard library's Python code makes and drops inside one call (a closure's
 * function object, a bound method, an instance of a helper class): the simulator makes their
 * memory and the collector's count exactly as CPython does (PyObject_GC_New … PyObject_GC_Del),
 * under their real type's id so anything that inspects memory mid-call names them, but never
 * hands them to Python code. They are not tracked (nothing can reach them), and have no free list
 * (3.11 has none for functions, methods or instances).
 */
export function transientGc(vm: Vm, type: number, bytes: number): number {
  return vm.newGcObject(type, bytes - 16);
}

/** The end of a transient GC object: PyObject_GC_Del. */
export function transientGcFree(vm: Vm, h: number): void {
  vm.gcDel(h);
}
