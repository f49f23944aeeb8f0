import { F_FREELISTED, F_IMMORTAL, type ObjectTable } from '../objects/table';
import type { Vm } from './vm';

/**
 * HIGHWATER_DEBUG=1 (Node) or `globalThis.HIGHWATER_DEBUG = true` (a test): every handle the VM
 * touches through incref/decref must be a live object. A released handle is quarantined (its
 * number is never reused, its type stays 0), so a handle kept past its object's death — a freed
 * object still on the value stack, in a frame or a traceback — is caught at the first
 * incref/decref instead of silently touching whatever object reused the number. Off by default:
 * the checks replace the Vm's methods on that instance only, the hot path pays nothing.
 */
export function debugHandlesEnabled(): boolean {
  const g = globalThis as { HIGHWATER_DEBUG?: unknown; process?: { env?: Record<string, string | undefined> } };
  if (g.HIGHWATER_DEBUG !== undefined) return Boolean(g.HIGHWATER_DEBUG);
  const v = g.process?.env?.HIGHWATER_DEBUG;
  return v !== undefined && v !== '' && v !== '0';
}

/** A use of a dead handle: a bug in the simulator, never a Python error. */
export class HandleUseAfterFree extends Error {
  constructor(what: string, h: number) {
    super(`internal: ${what} of handle ${h}, an object already deallocated (HIGHWATER_DEBUG)`);
  }
}

/**
 * Py_INCREF needs a live object: not released (type 0) and not parked on a free list. Its count
 * may be 0: a finalizer resurrects the object it deallocates (PyObject_CallFinalizerFromDealloc).
 */
function checkIncref(t: ObjectTable, h: number): void {
  if (h <= 0 || t.type[h] === 0 || t.flags[h] & F_FREELISTED) throw new HandleUseAfterFree('Py_INCREF', h);
}

/** Py_DECREF needs a reference to drop as well. */
function checkDecref(t: ObjectTable, h: number): void {
  if (h <= 0 || t.type[h] === 0 || t.flags[h] & F_FREELISTED) throw new HandleUseAfterFree('Py_DECREF', h);
  if (t.refcnt[h] <= 0 && !(t.flags[h] & F_IMMORTAL)) throw new HandleUseAfterFree('Py_DECREF', h);
}

/** Install the checks on one Vm (its table stops reusing handle numbers). */
export function installDebugHandles(vm: Vm): void {
  const t = vm.table;
  t.quarantine = true;
  const incref = vm.incref.bind(vm);
  const decref = vm.decref.bind(vm);
  vm.incref = (h: number) => {
    checkIncref(t, h);
    incref(h);
  };
  vm.decref = (h: number) => {
    checkDecref(t, h);
    decref(h);
  };
}
