/** import: sys.modules, a higher layer's providers (numpy), the stdlib registry (modules/). */
import { moduleNotFound } from './importerror';
import { realModuleExists } from '../versions/moduleNames';
import { NotSupported } from '../errors';
import { findModule } from '../modules';
import { sysModulesAdd, sysModulesLookup } from '../modules/sysmodules';
import { moduleData } from '../objects/module';
import { T } from '../objects/types';
import type { Frame } from './frame';
import type { Interpreter } from './interpreter';

/** IMPORT_NAME's import_name: sys.modules, then a provider (numpy), then the stdlib registry. */
export function importModule(
  it: Interpreter,
  name: string,
  fromlist: number,
  level: number,
  f: Frame | null,
): number {
  if (level > 0) throw new NotSupported('relative imports (a script has no package)');
  const vm = it.vm;
  const mod = it.loadModule(name);
  // `import a.b` binds `a` (fromlist empty); `from a.b import c` gets `a.b`
  const empty = fromlist === vm.s.None || (vm.table.type[fromlist] === T.Tuple && vm.table.n[fromlist] === 0);
  void f;
  if (empty && name.includes('.')) {
    const top = it.loadModule(name.slice(0, name.indexOf('.')));
    vm.incref(top);
    return top;
  }
  vm.incref(mod);
  return mod;
}

/** A module object (borrowed: sys.modules holds it), imported on first use. */
export function loadModule(it: Interpreter, name: string): number {
  if (it.sysModules !== 0) {
    // the script has sys.modules: what it set there is what import finds, what it deleted runs again
    const m = sysModulesLookup(it.vm, name);
    if (m !== 0) return m;
    it.modules.delete(name);
  }
  const m = it.modules.get(name);
  if (m !== undefined) return m;
  const dot = name.lastIndexOf('.');
  // a package importing its own submodule is in sys.modules already (CPython adds it before its body runs)
  if (dot > 0 && !it.loading.has(name.slice(0, dot))) it.loadModule(name.slice(0, dot));
  const provider = it.moduleProviders.get(name);
  if (provider) {
    const h = provider(it);
    it.modules.set(name, h);
    sysModulesAdd(it.vm, name, h);
    return h;
  }
  const spec = findModule(name);
  if (spec) {
    it.loading.add(name);
    try {
      const h = spec.load(it.vm, (n) => {
        const x = it.loadModule(n);
        it.vm.incref(x);
        return x;
      });
      it.modules.set(name, h);
      sysModulesAdd(it.vm, name, h);
      return h;
    } finally {
      it.loading.delete(name);
    }
  }
  if (realModuleExists(it.vm.py.release, name) === false) throw moduleNotFound(it.vm, name);
  throw new NotSupported(`import ${name}`);
}

/** import_all_from: the module's public names (or its __all__). */
export function publicNames(it: Interpreter, mod: number): [string, number][] {
  if (it.vm.table.type[mod] !== T.Module) throw it.unsupported('from … import * of a non-module');
  return [...moduleData(it.vm, mod).attrs].filter(([k]) => !k.startsWith('_'));
}
