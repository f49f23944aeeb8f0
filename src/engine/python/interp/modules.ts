import { NotSupported } from '../errors';
import { lookupSpecial } from '../abstract/attr';
import { call } from '../abstract/call';
import { typeError } from '../abstract/errors';
import { builtinStatic } from '../objects/descr';
import { fromLong, fromSsize, intValue } from '../objects/int';
import { moduleData, moduleStatic } from '../objects/module';
import { tupleFromItems } from '../objects/tuple';
import { Meth, type MethodDef } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { installCtypes } from './ctypes';
import type { Interp } from './interp';
import { findModule } from '../modules';

/**
 * The modules a script may import besides numpy: gc, sys and ctypes are already loaded in the
 * recorder's process (importing them allocates nothing: IMPORT_NAME finds them in sys.modules);
 * numpy comes from a provider the NumPy layer registers (Interp.moduleProviders). A name such a
 * module has that Highwater does not model is "not supported", not an AttributeError.
 */
export function installModules(it: Interp): void {
  const vm = it.vm;
  const module = (name: string, defs: MethodDef[]): number => {
    const m = moduleStatic(vm, name);
    for (const d of defs)
      moduleData(vm, m).attrs.set(d.name, builtinStatic(vm, { ...d, qualname: `${name}.${d.name}` }, name));
    it.modules.set(name, m);
    return m;
  };
  const gc = vm.gc;
  module('gc', [
    def('collect', Meth.Fastcall | Meth.Keywords, (vm2, _s, a) =>
      fromSsize(
        vm2,
        a.length && Number(intValue(vm2, a[0])) < 2
          ? gc.collectGeneration(Number(intValue(vm2, a[0])))
          : gc.collectFull(),
      ),
    ),
    def('disable', Meth.NoArgs, (vm2) => ((gc.enabled = false), vm2.s.None)),
    def('enable', Meth.NoArgs, (vm2) => ((gc.enabled = true), vm2.s.None)),
    def('isenabled', Meth.NoArgs, (vm2) => vm2.s.bool(gc.enabled)),
    def('get_count', Meth.NoArgs, (vm2) =>
      tupleFromItems(
        vm2,
        gc.count.map((c) => fromLong(vm2, c)),
      ),
    ),
  ]);
  module('sys', [def('getsizeof', Meth.Varargs | Meth.Keywords, getsizeof)]);
  installCtypes(it, module('ctypes', []));
}

const def = (name: string, flags: number, impl: MethodDef['impl']): MethodDef => ({ name, flags, impl });

/** IMPORT_NAME: the module object (a new reference). */
export function importModule(it: Interp, name: string): number {
  const m = it.modules.get(name);
  if (m !== undefined) return m;
  const provider = it.moduleProviders.get(name);
  if (provider) {
    const h = provider(it);
    it.modules.set(name, h);
    return h;
  }
  const spec = findModule(name);
  if (spec) {
    const h = spec.load(it.vm, (dep) => importModule(it, dep));
    it.modules.set(name, h);
    return h;
  }
  if (name === 'numpy') throw new NotSupported('numpy (the NumPy layer is not built yet)', it.line);
  throw new NotSupported(`import ${name}`, it.line);
}

/**
 * sys.getsizeof (METH_VARARGS: a 1-tuple of arguments): __sizeof__ is looked up and bound (a
 * PyCFunction, freed again), its int result read, then the pre-header (GC head, managed-dict
 * pointers) added in a new int.
 */
function getsizeof(vm: Vm, _s: number, args: readonly number[], kw: Map<string, number> | null): number {
  if (args.length !== 1 || (kw !== null && kw.size)) throw new NotSupported('sys.getsizeof with a default');
  const obj = args[0];
  const meth = lookupSpecial(vm, obj, '__sizeof__');
  if (meth === 0) throw typeError(vm, "Type %.100s doesn't define __sizeof__", vm.typeOf(obj).name);
  const inner = call(vm, meth, [], null);
  vm.decref(meth);
  const size = Number(intValue(vm, inner));
  vm.decref(inner);
  return fromSsize(vm, size + vm.preHeader[vm.table.type[obj]]);
}
