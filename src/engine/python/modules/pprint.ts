import { getAttr } from '../abstract/attr';
import type { Vm } from '../runtime/vm';
import { PPRINT_SOURCE } from './pprintSource';
import { runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { moduleFromGlobals, unsupportedHelper } from './typing';
import { tupleFromItems } from '../objects/tuple';

/**
 * pprint: Python in the real library, Python here (pprintSource.ts). Not loaded at start-up in
 * 3.11.7: footprint.ts replays its import (with dataclasses and inspect, which it imports) first,
 * so the module body runs accounted (pythonpart.ts); pformat/pprint then allocate what the real
 * ones do (the reprs of every element, the sort keys, the StringIO's growth).
 */
function loadPprint(vm: Vm, importModule: (name: string) => number): number {
  const attr = (module: string, name: string): number => {
    const m = importModule(module);
    try {
      return getAttr(vm, m, name);
    } finally {
      vm.decref(m);
    }
  };
  const special = ['deque', 'defaultdict', 'OrderedDict', 'Counter'].map((n) => attr('collections', n));
  const names: Record<string, number> = {
    _StringIO: attr('io', 'StringIO'),
    _sys_stdout: attr('sys', 'stdout'),
    _is_dataclass: attr('dataclasses', 'is_dataclass'),
    _special: tupleFromItems(vm, special),
    _hw_unsupported: unsupportedHelper(vm, 'pprint'),
  };
  const globals = runPythonPart(vm, 'pprint', PPRINT_SOURCE, names);
  return moduleFromGlobals(vm, 'pprint', globals);
}

export const pprintModule: ModuleSpec = { name: 'pprint', load: loadPprint };
