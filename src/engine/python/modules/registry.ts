import type { Vm } from '../runtime/vm';
import { importCost, loadedAtStartup } from './footprint';

/**
 * A standard-library module the simulated process can import (collections, functools, json…).
 * The interpreter's IMPORT_NAME asks `findModule(name)` when the name is not in its module table
 * yet, calls `load` once, and keeps the module object (as sys.modules does).
 *
 * `load` makes what the real import leaves behind and allocates what it allocates: a module that
 * is already imported in the recorder's process at start-up allocates nothing; one that is not
 * replays its recorded import footprint (as numpy/importFootprint.ts does for NumPy) before making
 * its objects. Submodules are their own specs, named with dots ('collections.abc', 'os.path');
 * `load` of a parent does not load its children unless the real package imports them.
 */
export interface ModuleSpec {
  /** The dotted module name, as `import` names it. */
  readonly name: string;
  /** The module object (a new reference). May import other modules through `importModule`. */
  load(vm: Vm, importModule: (name: string) => number): number;
}

const specs = new Map<string, ModuleSpec>();

/**
 * Called by each module file's entry in modules/index.ts. Each spec's load first pays the
 * import's cost (footprint.ts: nothing for a module loaded at start-up, else its recorded
 * footprint after its dependencies').
 */
export function registerModules(list: readonly ModuleSpec[]): void {
  for (const s of list) {
    if (specs.has(s.name)) throw new Error(`internal: module ${s.name} registered twice`);
    specs.set(s.name, {
      name: s.name,
      load(vm, importModule) {
        importCost(vm, s.name, importModule, (n) => specs.has(n));
        return adoptingObjects(vm, s.name, () => s.load(vm, importModule));
      },
    });
  }
}

/**
 * Run a module's load with the collector noting what it tracks: the real module's objects are
 * already in the counted population (the start-up's, or the import footprint's just replayed),
 * so the ones the model makes take their places there (gc.get_objects lists each once).
 * Nested loads (a dependency's) adopt their own objects.
 */
function adoptingObjects(vm: Vm, name: string, load: () => number): number {
  const gc = vm.gc;
  const outer = gc.adoptions;
  const mine = new Map<number, number>();
  gc.adoptions = mine;
  try {
    return load();
  } finally {
    gc.adoptions = outer;
    const source = loadedAtStartup(vm, name) ? 'start-up' : `import ${name}`;
    for (const [type, n] of mine) {
      const slots = vm.types[type];
      if (n > 0 && slots !== undefined) gc.inventory.adopt(source, slots.name, n);
    }
  }
}

export function findModule(name: string): ModuleSpec | undefined {
  return specs.get(name);
}

/** Every registered module name (tools/modules/record_module_names.py records their real dir()). */
export function registeredModuleNames(): string[] {
  return [...specs.keys()].sort();
}
