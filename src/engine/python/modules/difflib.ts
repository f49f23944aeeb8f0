import { DIFFLIB_SOURCE } from './difflibSource';
import { runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { moduleFromGlobals, unsupportedHelper } from './typing';

/**
 * difflib: Python in the real library, Python here (difflibSource.ts). Not loaded at start-up in
 * 3.11.7: footprint.ts replays its import (after heapq's, which it imports: 2,630 pymalloc-level
 * calls for difflib itself), so the module body runs accounted; SequenceMatcher and the diff
 * generators then allocate what the real ones do.
 */
export const difflibModule: ModuleSpec = {
  name: 'difflib',
  load: (vm) => {
    const globals = runPythonPart(vm, 'difflib', DIFFLIB_SOURCE, {
      _hw_unsupported: unsupportedHelper(vm, 'difflib'),
    });
    return moduleFromGlobals(vm, 'difflib', globals);
  },
};
