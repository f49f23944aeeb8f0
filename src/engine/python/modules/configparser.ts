import type { Vm } from '../runtime/vm';
import { CONFIGPARSER_PARSER_SOURCE } from './configparserParser';
import { CONFIGPARSER_READ_SOURCE } from './configparserRead';
import { CONFIGPARSER_ERRORS_SOURCE } from './configparserSource';
import { runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { moduleFromGlobals, unsupportedHelper } from './typing';

/**
 * configparser: the module as Python, in three texts run as one body (the errors and
 * interpolations, RawConfigParser's first half, its second half and the other classes); its
 * import replays the footprint recorded on 3.11.7 (footprints/3.11.7/configparser.*: 5,718
 * pymalloc-level calls, no dependency past the start-up's).
 */
export const configparserModule: ModuleSpec = {
  name: 'configparser',
  load: (vm: Vm) => {
    const source = CONFIGPARSER_ERRORS_SOURCE + CONFIGPARSER_PARSER_SOURCE + CONFIGPARSER_READ_SOURCE;
    const globals = runPythonPart(vm, 'configparser', source, {
      _hw_unsupported: unsupportedHelper(vm, 'configparser'),
    });
    return moduleFromGlobals(vm, 'configparser', globals);
  },
};
