import { getAttr } from '../abstract/attr';
import { builtinStatic } from '../objects/descr';
import { methodNew } from '../objects/classobject';
import { Meth } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { CONTEXTLIB_SOURCE } from './contextlibSource';
import { fn } from './module';
import { runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { moduleFromGlobals } from './typing';

/**
 * contextlib: Python in the real library, so Python here (contextlibSource.ts). CPython 3.11.7
 * loads it at start-up (site), so the import costs nothing and the module body runs accounted
 * (pythonpart.ts); each `with` over a @contextmanager then makes what the real one makes (the
 * _GeneratorContextManager, its dict, the generator and its frame).
 */
function loadContextlib(vm: Vm, importModule: (name: string) => number): number {
  const attr = (module: string, name: string): number => {
    const m = importModule(module);
    try {
      return getAttr(vm, m, name);
    } finally {
      vm.decref(m);
    }
  };
  const names: Record<string, number> = {
    _wraps: attr('functools', 'wraps'),
    _deque: attr('collections', 'deque'),
    _sys: importModule('sys'),
    // types.MethodType(func, obj): PyMethod_New
    _MethodType: builtinStatic(
      vm,
      fn('MethodType', Meth.Fastcall, (vm2, _s, a) => methodNew(vm2, a[0], a[1])),
      'types',
    ),
  };
  const globals = runPythonPart(vm, 'contextlib', CONTEXTLIB_SOURCE, names);
  return moduleFromGlobals(vm, 'contextlib', globals);
}

export const contextlibModule: ModuleSpec = { name: 'contextlib', load: loadContextlib };
