import { recordedOwnNames } from '../abstract/cpythonattrs';
import { builtinStatic } from '../objects/descr';
import { dictGetItem } from '../objects/dict';
import { fromLong } from '../objects/int';
import { intern, strValue } from '../objects/str';
import { Meth, TpFlags } from '../objects/types';
import { moduleData } from '../objects/module';
import { hashNotImplemented } from '../objects/object';
import type { Vm } from '../runtime/vm';
import { COLLECTIONS_ABC_SOURCE } from './collectionsAbcSource';
import { fn } from './module';
import { runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { moduleFromGlobals } from './typing';

/**
 * collections.abc (and _collections_abc): loaded at start-up in 3.11.7, so the part's classes
 * and registrations run accounted; what an isinstance() check caches afterwards is allocated.
 */
function loadCollectionsAbc(vm: Vm, importModule: (name: string) => number): number {
  // _check_methods' `method in B.__dict__` (and `B.__dict__[method] is None`)
  const own = builtinStatic(
    vm,
    fn('_hw_own', Meth.Fastcall, (vm2, _s, a) => {
      const s = vm2.slotsOf(a[0]);
      const name = strValue(vm2, a[1]);
      let r = 0;
      if (s.flags & TpFlags.HeapType && s.dict !== 0) {
        const v = dictGetItem(vm2, s.dict, intern(vm2, name));
        r = v === 0 ? 0 : v === vm2.s.None ? 2 : 1;
      } else {
        const names = recordedOwnNames(s);
        // __hash__ = None on the unhashable built-ins (list, dict, set, bytearray)
        if (names?.includes(name))
          r = name === '__hash__' && (s.hash === null || s.hash === hashNotImplemented) ? 2 : 1;
      }
      return fromLong(vm2, r);
    }),
    '_collections_abc',
  );
  const globals = runPythonPart(vm, 'collections.abc', COLLECTIONS_ABC_SOURCE, { _hw_own: own });
  const m = moduleFromGlobals(vm, 'collections.abc', globals);
  // the import system binds a submodule on its package: collections.abc
  const pkg = importModule('collections');
  moduleData(vm, pkg).attrs.set('abc', m);
  vm.decref(pkg);
  return m;
}

export const collectionsAbcModule: ModuleSpec = { name: 'collections.abc', load: loadCollectionsAbc };
