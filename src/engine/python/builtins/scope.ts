import { PyError } from '../errors';
import { getAttr } from '../abstract/attr';
import { clearError, errorMatches, typeError } from '../abstract/errors';
import { E } from '../objects/exctypes';
import { Meth, type MethodDef } from '../objects/types';
import type { BuiltinsHost } from './host';

/**
 * locals(), globals() and vars(): the running frame's namespaces. In a function, locals() makes
 * the frame's f_locals dict on first use and copies the fast locals into it each time
 * (_PyFrame_FastToLocalsWithError): the dict lives as long as the frame.
 */
export function scopeDefs(host: BuiltinsHost): MethodDef[] {
  return [
    {
      name: 'locals',
      flags: Meth.NoArgs,
      impl: (vm) => {
        const l = host.frameLocals();
        vm.incref(l);
        return l;
      },
    },
    {
      name: 'globals',
      flags: Meth.NoArgs,
      impl: (vm) => {
        const g = host.frameGlobals();
        vm.incref(g);
        return g;
      },
    },
    {
      name: 'vars',
      flags: Meth.Varargs,
      impl: (vm, _s, a) => {
        if (a.length > 1) throw typeError(vm, 'vars expected at most 1 argument, got %zd', a.length);
        if (a.length === 0) {
          const l = host.frameLocals();
          vm.incref(l);
          return l;
        }
        try {
          return getAttr(vm, a[0], '__dict__');
        } catch (e) {
          if (!(e instanceof PyError) || !errorMatches(vm, e, E.AttributeError)) throw e;
          clearError(vm, e);
          throw typeError(vm, 'vars() argument must have __dict__ attribute');
        }
      },
    },
  ];
}
