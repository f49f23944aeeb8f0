import { COPYREG_SOURCE } from './copyregSource';
import { loadedAtStartup } from './footprint';
import { runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { moduleFromGlobals, unsupportedHelper } from './typing';

/** copyreg (copyregSource.ts): loaded at start-up in 3.11.7, so the body runs accounted. */
export const copyregModule: ModuleSpec = {
  name: 'copyreg',
  load: (vm) =>
    moduleFromGlobals(
      vm,
      'copyreg',
      runPythonPart(vm, 'copyreg', COPYREG_SOURCE, {
        _hw_unsupported: unsupportedHelper(vm, 'copyreg'),
        _hw_re_at_startup: loadedAtStartup(vm, 're') ? vm.s.True : vm.s.False,
      }),
    ),
};
