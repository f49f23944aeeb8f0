import { builtinStatic } from '../objects/descr';
import { Meth, T, TpFlags } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { INSPECT_CALLABLE_SOURCE } from './inspectCallableSource';
import { INSPECT_SIGNATURE_SOURCE } from './inspectSignatureSource';
import { INSPECT_SOURCE } from './inspectSource';
import { fn } from './module';
import { runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { moduleFromGlobals, unsupportedHelper } from './typing';

/**
 * `_hw_is_class(tp)`: a class made by a class statement (a heap type with its class data), whose
 * `__dict__` the simulator can show; the built-in and C module types do not expose theirs.
 */
function isClassHelper(vm: Vm): number {
  return builtinStatic(
    vm,
    fn('_hw_is_class', Meth.O, (vm2, _s, a) => {
      const meta = vm2.typeOf(a[0]);
      if (meta.id !== T.Type && !(meta.flags & TpFlags.TypeSubclass)) return vm2.s.bool(false);
      const s = vm2.slotsOf(a[0]);
      return vm2.s.bool((s.flags & TpFlags.HeapType) !== 0 && s.extra !== null);
    }),
    'inspect',
  );
}

/**
 * inspect (inspectSource.ts: Python run by the VM). The import replays its captured 3.11.7 footprint
 * (ast, dis, opcode, importlib.machinery, token, tokenize and linecache first, as the real import
 * brings them in). What is not made stays "not supported" by name (the real module's dir()).
 */
export const inspectModule: ModuleSpec = {
  name: 'inspect',
  load: (vm) =>
    moduleFromGlobals(
      vm,
      'inspect',
      runPythonPart(vm, 'inspect', INSPECT_SOURCE + INSPECT_SIGNATURE_SOURCE + INSPECT_CALLABLE_SOURCE, {
        _hw_unsupported: unsupportedHelper(vm, 'inspect'),
        _hw_is_class: isClassHelper(vm),
      }),
    ),
};
