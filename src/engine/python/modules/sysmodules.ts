import { dictGetItem, dictNew, dictSetItem } from '../objects/dict';
import { moduleData, moduleStatic } from '../objects/module';
import { intern } from '../objects/str';
import type { Vm } from '../runtime/vm';
import { replayedImports, startupModuleNames } from './footprint';
import { interpOf } from './host';
import { findModule } from './registry';

/**
 * sys.modules (PyInterpreterState.modules): the dict the import system looks a name up in first.
 * The real one exists from start-up, holding the 107 modules 3.11.7's recorder child has loaded
 * (site's .pth files import half the library) and growing by each import. Its memory is in the
 * start-up's capture and each import's footprint (import_add_module's insert), so the simulator
 * makes the dict outside the model's heap (Mem.accounted), when a script first reads
 * `sys.modules`: the start-up modules (each the module the simulator imports for that name, which
 * costs nothing for a start-up module, or a module object for one it does not model, whose
 * attributes are then "not supported"), `__main__` (its names are the script's globals), and what
 * the script imported. From then on the import reads the dict (eval/modload.ts): a name the script
 * deleted is imported again (its body runs anew, as importlib's _find_and_load does), one it set
 * is what `import` binds. The start-up names come in sorted order, not the real insertion order
 * (the capture keeps the set, not its order).
 */
export function sysModulesDict(vm: Vm): number {
  const it = interpOf(vm);
  if (it.sysModules !== 0) return it.sysModules;
  const names = ['__main__', ...startupModuleNames(vm).filter((n) => n !== '__main__')];
  // what the script imported, with the dependencies the simulator replays but does not model
  for (const n of [...replayedImports(vm), ...it.modules.keys()]) if (!names.includes(n)) names.push(n);
  const modules = names.map((n) => [n, moduleFor(vm, n)] as const);
  accounted(vm, () => {
    const d = dictNew(vm);
    for (const [n, m] of modules) dictSetItem(vm, d, intern(vm, n), m);
    it.sysModules = d;
  });
  return it.sysModules;
}

function moduleFor(vm: Vm, name: string): number {
  const it = interpOf(vm);
  if (name === '__main__') {
    const main = moduleStatic(vm, '__main__', null);
    Object.assign(moduleData(vm, main), { dict: it.globals, dictOnly: true });
    return main;
  }
  const loaded = it.modules.get(name);
  if (loaded !== undefined) return loaded;
  // a start-up module the simulator models: importing it costs nothing (footprint.ts)
  if (findModule(name) !== undefined) return it.loadModule(name);
  const unmodelled = moduleStatic(vm, name);
  it.modules.set(name, unmodelled);
  return unmodelled;
}

/** The import found `name` in sys.modules: the dict's entry (borrowed), or 0. */
export function sysModulesLookup(vm: Vm, name: string): number {
  const d = interpOf(vm).sysModules;
  return d === 0 ? 0 : dictGetItem(vm, d, intern(vm, name));
}

/** A new import's module goes into sys.modules too (its cost is in its footprint already). */
export function sysModulesAdd(vm: Vm, name: string, module: number): void {
  const d = interpOf(vm).sysModules;
  if (d === 0) return;
  // its dependencies the simulator does not model were imported too (their footprints replayed)
  // (a modelled one goes in when its own load ends)
  const deps = replayedImports(vm).filter(
    (n) =>
      n !== name &&
      findModule(n) === undefined &&
      !interpOf(vm).modules.has(n) &&
      dictGetItem(vm, d, intern(vm, n)) === 0,
  );
  const made = deps.map((n) => [n, moduleFor(vm, n)] as const);
  accounted(vm, () => {
    for (const [n, m] of made) dictSetItem(vm, d, intern(vm, n), m);
    dictSetItem(vm, d, intern(vm, name), module);
  });
}

function accounted(vm: Vm, fn: () => void): void {
  const was = vm.mem.accounted;
  vm.mem.accounted = true;
  try {
    fn();
  } finally {
    vm.mem.accounted = was;
  }
}
