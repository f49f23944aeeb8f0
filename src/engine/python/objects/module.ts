import { realModuleFile, realModuleHas } from '../versions/moduleNames';
import { NotSupported } from '../errors';
import { raiseFormat } from '../abstract/errors';
import type { Vm } from '../runtime/vm';
import { E } from './exctypes';
import { dictDelItem, dictGetItem, dictSetItem } from './dict';
import { intern, strNew } from './str';
import { T, TpFlags, defineType, type TypeSlots } from './types';

/**
 * Module objects (Objects/moduleobject.c, 16 + 56 bytes): the modules a script imports. The
 * ones the recorder's process already has (gc, sys, ctypes, builtins) and NumPy's are static
 * here: their memory is part of the start-up (or of the import footprint). `attrs` is the
 * module's dict as far as the simulator models it; a name a real module has but the simulator
 * does not model is "not supported", not an AttributeError.
 */
export interface ModuleData {
  name: string;
  attrs: Map<string, number>;
  /** The prefix the "not supported" message names a missing attribute with ("np" → np.linalg); null: AttributeError. */
  notModelled: string | null;
  /**
   * Names made on their first lookup (a borrowed, static object): a class of a module loaded at
   * start-up whose making needs a module that cannot be imported while that one loads.
   */
  lazy?: Map<string, () => number>;
  /**
   * The globals dict of a library module written as Python whose own functions read names the
   * script may rebind on the module (warnings.showwarning, warnings.filters): a module's __dict__
   * is its functions' globals, so setting or deleting an attribute writes through to it.
   */
  dict?: number;
}

/** A module object made before the script runs (static: no allocation). */
export function moduleStatic(vm: Vm, name: string, notModelled: string | null = name): number {
  const h = vm.newStatic(T.Module);
  vm.table.side[h] = { name, attrs: new Map(), notModelled } satisfies ModuleData;
  return h;
}

export function moduleData(vm: Vm, h: number): ModuleData {
  return vm.table.side[h] as ModuleData;
}

/** A module-level name (a new reference): its dict, else "not supported" or AttributeError. */
function moduleGetattro(vm: Vm, h: number, name: string): number {
  const m = moduleData(vm, h);
  const v = m.attrs.get(name);
  if (v !== undefined) {
    vm.incref(v);
    return v;
  }
  if (name === '__name__') return strNew(vm, m.name);
  const make = m.lazy?.get(name);
  if (make !== undefined) {
    m.lazy!.delete(name);
    const made = make();
    m.attrs.set(name, made);
    vm.incref(made);
    return made;
  }
  if (name === '__file__') {
    const path = realModuleFile(vm.py.release, m.name);
    if (path !== null) {
      // the import made this str (its footprint holds it): made outside the model's heap, kept
      const was = vm.mem.accounted;
      vm.mem.accounted = true;
      const made = strNew(vm, path);
      vm.mem.accounted = was;
      m.attrs.set(name, made);
      vm.incref(made);
      return made;
    }
  }
  if (m.notModelled !== null && realModuleHas(vm.py.release, m.name, name) !== false)
    throw new NotSupported(`${m.notModelled}.${name}`);
  throw raiseFormat(vm, E.AttributeError, "module '%U' has no attribute '%U'", m.name, name);
}

export const ModuleType = (): TypeSlots =>
  defineType({
    id: T.Module,
    name: 'module',
    basicsize: 56,
    flags: TpFlags.HaveGc | TpFlags.BaseType,
    dealloc: () => {
      throw new Error('internal: a static module deallocated');
    },
    traverse: (vm, h, visit) => {
      for (const v of moduleData(vm, h).attrs.values()) visit(v);
    },
    reprText: (vm, h) => `<module '${moduleData(vm, h).name}'>`,
    getattro: moduleGetattro,
    setattro: (vm, h, name, value) => {
      const m = moduleData(vm, h);
      const attrs = m.attrs;
      const old = attrs.get(name);
      if (value === 0) {
        if (old === undefined) throw raiseFormat(vm, E.AttributeError, "module has no attribute '%U'", name);
        attrs.delete(name);
        if (m.dict !== undefined && dictGetItem(vm, m.dict, intern(vm, name)) !== 0)
          dictDelItem(vm, m.dict, intern(vm, name));
      } else {
        vm.incref(value);
        attrs.set(name, value);
        if (m.dict !== undefined) dictSetItem(vm, m.dict, intern(vm, name), value);
      }
      if (old !== undefined) vm.decref(old);
    },
  });
