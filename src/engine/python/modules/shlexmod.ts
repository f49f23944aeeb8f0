import { GETOPT_SOURCE } from './getoptSource';
import { runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { SHLEX_SOURCE } from './shlexSource';
import { moduleFromGlobals, unsupportedHelper } from './typing';

/**
 * shlex and getopt: Python in the real library, Python here (shlexSource.ts, getoptSource.ts). Neither
 * is loaded at start-up in 3.11.7: footprint.ts replays shlex's import and getopt's (with gettext's
 * first, which getopt imports for its messages), so the bodies run accounted.
 */
export const shlexModule: ModuleSpec = {
  name: 'shlex',
  load: (vm) => {
    const globals = runPythonPart(vm, 'shlex', SHLEX_SOURCE, {
      _hw_unsupported: unsupportedHelper(vm, 'shlex'),
    });
    return moduleFromGlobals(vm, 'shlex', globals);
  },
};

export const getoptModule: ModuleSpec = {
  name: 'getopt',
  load: (vm) => moduleFromGlobals(vm, 'getopt', runPythonPart(vm, 'getopt', GETOPT_SOURCE, {})),
};
