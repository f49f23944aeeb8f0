import { moduleData } from '../objects/module';
import { strNew, strValue } from '../objects/str';
import { Meth } from '../objects/types';
import { LIBRARIES } from './ctypes';
import { makeModule } from './module';
import type { ModuleSpec } from './registry';

/**
 * ctypes.util (its import footprint replayed: it imports shutil, subprocess …). find_library(name)
 * answers what it answers on the simulated machine (Debian 12 with libjemalloc2 and libmimalloc2.0:
 * `ldconfig -p`, measured): a soname, or None. The real call runs ldconfig in a subprocess; its
 * transient allocations are not modelled.
 */
export const ctypesUtilModule: ModuleSpec = {
  name: 'ctypes.util',
  load: (vm, importModule) => {
    const parent = importModule('ctypes');
    const m = makeModule(vm, 'ctypes.util', [
      {
        name: 'find_library',
        flags: Meth.O,
        impl: (vm2, _m, a) => {
          const soname = LIBRARIES.get(strValue(vm2, a[0]));
          return soname === undefined ? vm2.s.None : strNew(vm2, soname);
        },
      },
    ]);
    // the import system binds a submodule on its package
    vm.incref(m);
    moduleData(vm, parent).attrs.set('util', m);
    vm.decref(parent);
    return m;
  },
};
