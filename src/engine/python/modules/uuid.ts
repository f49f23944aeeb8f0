import type { ModuleSpec } from './registry';
import { runPythonPart } from './pythonpart';
import { moduleFromGlobals, unsupportedHelper } from './typing';
import { UUID_SOURCE } from './uuidSource';

/** uuid (uuidSource.ts: the module as Python; its import cost is its recorded footprint). */
export const uuidModule: ModuleSpec = {
  name: 'uuid',
  load: (vm) => {
    const globals = runPythonPart(vm, 'uuid', UUID_SOURCE, {
      _hw_unsupported: unsupportedHelper(vm, 'uuid'),
    });
    return moduleFromGlobals(vm, 'uuid', globals);
  },
};
