import { NotSupported } from '../errors';
import { typeError } from '../abstract/errors';
import { callDunder, hasDunder } from '../objects/heapslots';
import { Meth, type MethodDef } from '../objects/types';
import { def } from './functions';

/**
 * builtin_aiter and builtin_anext (bltinmodule.c, 3.10+): the async iteration protocol called by
 * hand. anext(it) is `it.__anext__()` itself (an async generator's asend object), checked as
 * the C code checks it; anext(it, default) wraps that in an anext_awaitable, which is not modelled.
 */
export function asyncIterationDefs(): MethodDef[] {
  return [
    def('aiter', Meth.O, (vm, _s, a) => {
      const obj = a[0];
      if (!hasDunder(vm, obj, '__aiter__'))
        throw typeError(vm, "'%.200s' object is not an async iterable", vm.typeOf(obj).name);
      const it = callDunder(vm, obj, '__aiter__', []);
      if (!hasDunder(vm, it, '__anext__')) {
        const name = vm.typeOf(it).name;
        vm.decref(it);
        throw typeError(vm, "aiter() returned not an async iterator of type '%.100s'", name);
      }
      return it;
    }),
    def('anext', Meth.Fastcall, (vm, _s, a) => {
      if (a.length < 1 || a.length > 2)
        throw typeError(
          vm,
          `anext expected at ${a.length < 1 ? 'least 1' : 'most 2'} argument${a.length < 1 ? '' : 's'}, got ${a.length}`,
        );
      const aiterator = a[0];
      if (!hasDunder(vm, aiterator, '__anext__'))
        throw typeError(vm, "'%.200s' object is not an async iterator", vm.typeOf(aiterator).name);
      if (a.length === 2) throw new NotSupported('anext() with a default');
      return callDunder(vm, aiterator, '__anext__', []);
    }),
  ];
}
