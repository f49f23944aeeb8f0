import { ARGPARSE_ACTIONS_SOURCE } from './argparseActionsSource';
import { ARGPARSE_FORMAT_SOURCE } from './argparseFormatSource';
import { ARGPARSE_PARSER_SOURCE } from './argparseSource';
import { runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { moduleFromGlobals, unsupportedHelper } from './typing';

/**
 * argparse: Python in the real library, Python here (three parts run as one module body: the
 * formatter, the actions and containers, the parser). Not loaded at start-up in 3.11.7: footprint.ts
 * replays its import (gettext's first: argparse imports it for its messages; +336 KiB RSS and one
 * arena, as recorded), so the body runs accounted; parsing then allocates what the real one does.
 */
export const argparseModule: ModuleSpec = {
  name: 'argparse',
  load: (vm) => {
    const source = ARGPARSE_FORMAT_SOURCE + ARGPARSE_ACTIONS_SOURCE + ARGPARSE_PARSER_SOURCE;
    const globals = runPythonPart(vm, 'argparse', source, {
      _hw_unsupported: unsupportedHelper(vm, 'argparse'),
    });
    return moduleFromGlobals(vm, 'argparse', globals);
  },
};
