import { builtinStatic } from '../objects/descr';
import { dictGetItem } from '../objects/dict';
import { intern } from '../objects/str';
import { Meth, T } from '../objects/types';
import { fn } from './module';
import type { Vm } from '../runtime/vm';
import { ABC_SOURCE } from './abcSource';
import { runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { moduleFromGlobals, unsupportedHelper } from './typing';

/**
 * abc: CPython 3.11.7 loads it at start-up (its import costs nothing: the body runs accounted).
 * ABCMeta is a real metaclass (abcSource.ts); object_new's abstract check (Py_TPFLAGS_IS_ABSTRACT)
 * reads a class's own __abstractmethods__ (objects/object.ts).
 */
function loadAbc(vm: Vm): number {
  // type_abstractmethods: the class's own __abstractmethods__ (never a base's)
  const abstracts = builtinStatic(
    vm,
    fn('__abstractmethods__', Meth.Fastcall, (vm2, _s, a) => {
      const own = vm2.typeOf(a[0]).mro.includes(T.Type) ? vm2.slotsOf(a[0]).dict : 0;
      const v = own ? dictGetItem(vm2, own, intern(vm2, '__abstractmethods__')) : 0;
      const r = v || (a.length > 1 ? a[1] : vm2.s.emptyTuple);
      vm2.incref(r);
      return r;
    }),
    'abc',
  );
  const globals = runPythonPart(vm, 'abc', ABC_SOURCE, {
    _hw_unsupported: unsupportedHelper(vm, 'abc'),
    _hw_abstracts: abstracts,
    _hw_ref: vm.types[T.WeakRef].typeObject,
  });
  return moduleFromGlobals(vm, 'abc', globals);
}

export const abcModule: ModuleSpec = { name: 'abc', load: loadAbc };
