import { realModuleFile, realModuleHas } from '../versions/moduleNames';
import { NotSupported } from '../errors';
import { raiseFormat } from '../abstract/errors';
import type { Vm } from '../runtime/vm';
import { E } from './exctypes';
import { dictDelItem, dictEntries, dictGetItem, dictNew, dictSetItem } from './dict';
import { unpackKeywords } from './getargs';
import { genericAlloc } from './object';
import { intern, strNew, strValue } from './str';
import { tupleItems } from './tuple';
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
  /** The module's names are `dict`'s alone (`__main__`, whose dict is the script's globals). */
  dictOnly?: boolean;
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
  if (m.dictOnly === true) return dictOnlyGet(vm, m, name);
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

function dictOnlyGet(vm: Vm, m: ModuleData, name: string): number {
  const v = name === '__dict__' ? m.dict! : dictGetItem(vm, m.dict!, intern(vm, name));
  if (v === 0) throw raiseFormat(vm, E.AttributeError, "module '%U' has no attribute '%U'", m.name, name);
  vm.incref(v);
  return v;
}

/**
 * module___init__ (types.ModuleType(name, doc=None)) → module_init_dict: __name__, __doc__,
 * __package__, __loader__, __spec__ set into md_dict in that order (PyDict_SetItem each).
 */
function moduleInit(vm: Vm, h: number, args: number, kwargs: number): void {
  const kw = kwargs === 0 ? null : new Map(Array.from(dictEntries(vm, kwargs), ([k, v]) => [strValue(vm, k), v]));
  const [name, doc] = unpackKeywords(vm, 'module', Array.from(tupleItems(vm, args)), kw, ['name', 'doc'], 1, 2);
  if (vm.table.type[name] !== T.Str && !vm.typeOf(name).mro.includes(T.Str))
    throw raiseFormat(vm, E.TypeError, "module() argument 'name' must be str, not %.200s", vm.typeOf(name).name);
  const m = moduleData(vm, h);
  m.name = strValue(vm, name);
  const none = vm.s.None;
  const put = (key: string, v: number): void => dictSetItem(vm, m.dict!, intern(vm, key), v);
  put('__name__', name);
  put('__doc__', doc === 0 ? none : doc);
  put('__package__', none);
  put('__loader__', none);
  put('__spec__', none);
}

export const ModuleType = (): TypeSlots =>
  defineType({
    id: T.Module,
    name: 'module',
    basicsize: 56,
    flags: TpFlags.HaveGc | TpFlags.BaseType,
    // new_module: _PyType_AllocNoTrack (16 GC + 56) and md_dict = PyDict_New(), then tracked
    new: (vm, type) => {
      const h = genericAlloc(vm, type, 0);
      const dict = dictNew(vm);
      vm.table.side[h] = { name: '?', attrs: new Map(), notModelled: null, dict, dictOnly: true } satisfies ModuleData;
      return h;
    },
    init: moduleInit,
    // module_dealloc: only a module made by types.ModuleType(name) dies (the others are static)
    dealloc: (vm, h) => {
      const m = moduleData(vm, h);
      if (m.dictOnly !== true || m.dict === undefined) throw new Error('internal: a static module deallocated');
      vm.gc.untrack(h);
      vm.table.side[h] = undefined;
      vm.decref(m.dict);
      vm.gcDel(h);
    },
    traverse: (vm, h, visit) => {
      const m = moduleData(vm, h);
      if (m === undefined) return;
      if (m.dictOnly === true && m.dict !== undefined) visit(m.dict);
      for (const v of m.attrs.values()) visit(v);
    },
    reprText: (vm, h) => `<module '${moduleData(vm, h).name}'>`,
    getattro: moduleGetattro,
    setattro: (vm, h, name, value) => {
      const m = moduleData(vm, h);
      if (m.dictOnly === true) {
        const key = intern(vm, name);
        if (value !== 0) dictSetItem(vm, m.dict!, key, value);
        else if (dictGetItem(vm, m.dict!, key) === 0)
          throw raiseFormat(vm, E.AttributeError, "module has no attribute '%U'", name);
        else dictDelItem(vm, m.dict!, key);
        return;
      }
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
