import { ARGPARSE_ACTIONS_SOURCE } from './argparseActionsSource';
import { ARGPARSE_FORMAT_SOURCE } from './argparseFormatSource';
import { ARGPARSE_PARSER_SOURCE } from './argparseSource';
import { runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { moduleFromGlobals, unsupportedHelper } from './typing';
import { builtinStatic } from '../objects/descr';
import { Meth } from '../objects/types';
import { importCost } from './footprint';
import { fn } from './module';
import { findModule } from './registry';

/**
 * argparse: Python in the real library, Python here (three parts run as one module body: the
 * formatter, the actions and containers, the parser). Not loaded at start-up in 3.11.7: footprint.ts
 * replays its import (gettext's first: argparse imports it for its messages; +336 KiB RSS and one
 * arena, as recorded), so the body runs accounted; parsing then allocates what the real one does.
 */
export const argparseModule: ModuleSpec = {
  name: 'argparse',
  load: (vm, importModule) => {
    const source = ARGPARSE_FORMAT_SOURCE + ARGPARSE_ACTIONS_SOURCE + ARGPARSE_PARSER_SOURCE;
    // gettext.gettext, argparse's _(): the first call looks for a catalogue (gettext.find ->
    // _expand_lang -> `import locale`, +236 KiB RSS as recorded); none is found in the C locale, so
    // each call returns its message. The first ArgumentParser() makes that first call.
    const gettext = builtinStatic(
      vm,
      fn('_', Meth.O, (vm2, _s, a) => {
        importCost(
          vm2,
          'locale',
          (n) => importModule(n),
          (n) => findModule(n) !== undefined,
        );
        vm2.incref(a[0]);
        return a[0];
      }),
      'argparse',
    );
    const globals = runPythonPart(vm, 'argparse', source, {
      _hw_unsupported: unsupportedHelper(vm, 'argparse'),
      _: gettext,
    });
    return moduleFromGlobals(vm, 'argparse', globals);
  },
};
