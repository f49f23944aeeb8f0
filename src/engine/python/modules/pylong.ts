import { moduleNotFound } from '../eval/importerror';
import type { ModuleSpec } from './registry';
import { runPythonPart } from './pythonpart';
import { PYLONG_SOURCE_3_12, PYLONG_SOURCE_3_13 } from './pylongSource';
import { moduleFromGlobals } from './typing';

/**
 * _pylong (3.12+): what longobject.c imports for a big str(), int() or `//` (objects/intpylong.ts).
 * Its import replays the captured footprint (re, decimal and their dependencies: 22 modules on
 * 3.12.1 and 3.13.0); its body, pylongSource.ts, runs accounted, and its functions run as Python.
 * 3.11 has no such module.
 */
export const pylongModule: ModuleSpec = {
  name: '_pylong',
  load: (vm, importModule) => {
    if (vm.py.pylong === null) throw moduleNotFound(vm, '_pylong');
    // the module's own imports, which the source's `import` statements then find in sys.modules
    vm.decref(importModule('re'));
    vm.decref(importModule('decimal'));
    const source = vm.py.name === '3.12' ? PYLONG_SOURCE_3_12 : PYLONG_SOURCE_3_13;
    return moduleFromGlobals(vm, '_pylong', runPythonPart(vm, '_pylong', source, {}));
  },
};
