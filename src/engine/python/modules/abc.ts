import { typeLookup } from '../abstract/attr';
import { call } from '../abstract/call';
import { typeError } from '../abstract/errors';
import { setClassHooks, type ClassHooks } from '../objects/classhooks';
import { setData } from '../objects/set';
import { builtinStatic } from '../objects/descr';
import { dictGetItem } from '../objects/dict';
import { intern, strValue } from '../objects/str';
import { Meth, T, type TypeSlots } from '../objects/types';
import { fn } from './module';
import type { Vm } from '../runtime/vm';
import { ABC_SOURCE } from './abcSource';
import { partName, runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { moduleFromGlobals, unsupportedHelper } from './typing';

/**
 * abc: CPython 3.11.7 loads it at start-up (its import costs nothing: the body runs accounted).
 * ABCMeta's __new__ is the part's `_hw_build`, through classhooks.ts; object_new's abstract check
 * (Py_TPFLAGS_IS_ABSTRACT) reads the class's __abstractmethods__ and raises CPython's TypeError.
 */
function abstractNames(vm: Vm, type: TypeSlots): string[] {
  const fs = typeLookup(vm, type, '__abstractmethods__');
  if (fs === 0 || vm.table.type[fs] !== T.FrozenSet) return [];
  return [...setData(vm, fs).index.values()].map((k) => strValue(vm, k)).sort();
}

function loadAbc(vm: Vm): number {
  // type_abstractmethods: the class's own __abstractmethods__ (never a base's)
  const abstracts = builtinStatic(
    vm,
    fn('__abstractmethods__', Meth.Fastcall, (vm2, _s, a) => {
      const own = vm2.table.type[a[0]] === T.Type ? vm2.slotsOf(a[0]).dict : 0;
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
  });
  const build = partName(vm, globals, '_hw_build');
  const hooks: ClassHooks = {
    // the class's metaclass is ABCMeta: its subclasses are built and checked the same way
    build: (vm2, name, bases, ns) => {
      const cls = call(vm2, build, [name, bases, ns], null);
      setClassHooks(vm2, vm2.slotsOf(cls).id, hooks);
      return cls;
    },
    checkNew: (vm2, type) => {
      const names = abstractNames(vm2, type);
      if (names.length === 0) return;
      throw typeError(
        vm2,
        "Can't instantiate abstract class %s with abstract method%s %s",
        type.name,
        names.length > 1 ? 's' : '',
        names.join(', '),
      );
    },
  };
  setClassHooks(vm, vm.slotsOf(partName(vm, globals, 'ABC')).id, hooks);
  setClassHooks(vm, vm.slotsOf(partName(vm, globals, 'ABCMeta')).id, hooks);
  return moduleFromGlobals(vm, 'abc', globals);
}

export const abcModule: ModuleSpec = { name: 'abc', load: loadAbc };
