import { attributeError, raiseFormat, typeError, valueError } from '../abstract/errors';
import { typeName } from '../abstract/object';
import { NotSupported } from '../errors';
import { E } from '../objects/exctypes';
import { strValue } from '../objects/str';
import { Meth, T, type Kwargs } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { interpOf } from './host';
import { fn, makeModule } from './module';
import type { ModuleSpec } from './registry';

/**
 * importlib (Lib/importlib/__init__.py, 3.11): in the recorder's sys.modules at start-up (site
 * imports it), so free to import. import_module resolves a relative name against `package` as
 * _bootstrap._resolve_name does, then imports through the same path as the `import` statement
 * (_gcd_import: sys.modules first, the parents before the child). Its own bookkeeping (the
 * module lock taken and dropped, _ModuleLockManager) leaves nothing behind for a module already
 * imported, so nothing is allocated for it here.
 */
function resolveName(vm: Vm, nameObj: number, pkg: number): string {
  const name = strValue(vm, nameObj);
  if (!name.startsWith('.')) return name;
  if (pkg === 0 || pkg === vm.s.None)
    throw typeError(
      vm,
      "the 'package' argument is required to perform a relative import for %R",
      nameObj,
    );
  let level = 0;
  while (level < name.length && name[level] === '.') level++;
  const bare = name.slice(level);
  if (vm.table.type[pkg] !== T.Str) throw typeError(vm, '__package__ not set to a string');
  const parts = strValue(vm, pkg).split('.');
  // _resolve_name: package.rsplit('.', level - 1); fewer parts than levels is past the top
  if (parts.length < level) throw raiseFormat(vm, E.ImportError, 'attempted relative import beyond top-level package');
  const base = parts.slice(0, parts.length - (level - 1)).join('.');
  return bare ? `${base}.${bare}` : base;
}

function importModule(vm: Vm, args: readonly number[], kw: Kwargs | null): number {
  const nameObj = args[0] ?? kw?.get('name');
  if (nameObj === undefined) throw typeError(vm, "import_module() missing 1 required positional argument: 'name'");
  const pkg = args[1] ?? kw?.get('package') ?? 0;
  // name.startswith('.'): a non-str name fails on the method lookup, as the real one does
  if (vm.table.type[nameObj] !== T.Str && !vm.typeOf(nameObj).mro.includes(T.Str))
    throw attributeError(vm, typeName(vm, nameObj), 'startswith');
  const full = resolveName(vm, nameObj, pkg);
  if (full === '' || full.startsWith('.')) throw valueError(vm, 'Empty module name');
  const mod = interpOf(vm).loadModule(full);
  vm.incref(mod);
  return mod;
}

export const importlibModule: ModuleSpec = {
  name: 'importlib',
  load: (vm) =>
    makeModule(vm, 'importlib', [
      fn('import_module', Meth.Fastcall | Meth.Keywords, (vm2, _m, a, kw) => importModule(vm2, a, kw)),
      // the finders' caches: the simulated import system has none to drop
      fn('invalidate_caches', Meth.NoArgs, (vm2) => vm2.s.None),
      fn('reload', Meth.O, (vm2, _m, a) => {
        if (vm2.table.type[a[0]] !== T.Module) throw typeError(vm2, 'reload() argument must be a module');
        // re-running a library module's body would allocate its functions and classes again
        throw new NotSupported("importlib.reload (re-running a module's body)");
      }),
    ]),
};
