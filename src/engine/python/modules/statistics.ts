import type { Vm } from '../runtime/vm';
import { runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { NORMAL_DIST_SOURCE } from './statisticsNormalSource';
import { normalDistInvCdfBuiltin } from './statisticsNormal';
import { STATISTICS_SOURCE } from './statisticsSource';
import { moduleFromGlobals, unsupportedHelper } from './typing';

/** statistics (statisticsSource.ts: the module as Python; its import replays its recorded footprint). */
export const statisticsModule: ModuleSpec = {
  name: 'statistics',
  load: (vm: Vm) => {
    const globals = runPythonPart(vm, 'statistics', STATISTICS_SOURCE + NORMAL_DIST_SOURCE, {
      _hw_unsupported: unsupportedHelper(vm, 'statistics'),
      _normal_dist_inv_cdf: normalDistInvCdfBuiltin(vm),
    });
    return moduleFromGlobals(vm, 'statistics', globals);
  },
};
