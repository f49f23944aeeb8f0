import { COPYREG_SOURCE } from './copyregSource';
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
      runPythonPart(vm, 'copyreg', COPYREG_SOURCE, { _hw_unsupported: unsupportedHelper(vm, 'copyreg') }),
    ),
};
