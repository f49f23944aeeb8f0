import { typeLookup } from '../abstract/attr';
import { builtinStatic } from '../objects/descr';
import { Meth, TpFlags } from '../objects/types';
import { fn as fn0 } from './module';
import { mappingProxyType } from '../objects/mappingproxy';
import type { Vm } from '../runtime/vm';
import { ENUM_SOURCE } from './enumSource';
import { runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { moduleFromGlobals, unsupportedHelper } from './typing';

/**
 * enum: Python in the real library, Python here (enumSource.ts). CPython 3.11.7 loads it at
 * start-up, so its import costs nothing and the module body runs accounted (pythonpart.ts).
 * EnumType is a real metaclass: every class statement, call, iteration and lookup runs its
 * methods as Python.
 */
function loadEnum(vm: Vm): number {
  const isDescriptor = builtinStatic(
    vm,
    fn0('_is_descriptor', Meth.O, (vm2, _s, a) => {
      const tp = vm2.typeOf(a[0]);
      const yes =
        tp.descrGet !== null ||
        tp.descrSet !== null ||
        (tp.flags & TpFlags.HeapType &&
          ['__get__', '__set__', '__delete__'].some((n) => typeLookup(vm2, tp, n) !== 0));
      return vm2.s.bool(Boolean(yes));
    }),
    'enum',
  );
  const globals = runPythonPart(vm, 'enum', ENUM_SOURCE, {
    _hw_unsupported: unsupportedHelper(vm, 'enum'),
    _hw_is_descriptor: isDescriptor,
    _hw_mappingproxy: mappingProxyType(vm).typeObject,
  });
  return moduleFromGlobals(vm, 'enum', globals);
}

export const enumModule: ModuleSpec = { name: 'enum', load: loadEnum };
