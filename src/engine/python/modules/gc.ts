import { builtinStatic } from '../objects/descr';
import { fromLong, fromSsize, intValue } from '../objects/int';
import { moduleData, moduleStatic } from '../objects/module';
import { tupleFromItems } from '../objects/tuple';
import { Meth, type MethodDef } from '../objects/types';
import type { Vm } from '../runtime/vm';
import type { ModuleSpec } from './registry';

/** A static module made at start-up (already imported by the recorder: importing it allocates nothing). */
export function staticModule(vm: Vm, name: string, defs: MethodDef[]): number {
  const m = moduleStatic(vm, name);
  for (const d of defs)
    moduleData(vm, m).attrs.set(d.name, builtinStatic(vm, { ...d, qualname: `${name}.${d.name}` }, name));
  return m;
}

export const def = (name: string, flags: number, impl: MethodDef['impl']): MethodDef => ({
  name,
  flags,
  impl,
});

/** The gc module (Modules/gcmodule.c) over the simulated collector (runtime/gc.ts). */
export const gcModule: ModuleSpec = {
  name: 'gc',
  load: (vm) => {
    const gc = vm.gc;
    return staticModule(vm, 'gc', [
      def('collect', Meth.Fastcall | Meth.Keywords, (vm2, _s, a) =>
        fromSsize(
          vm2,
          a.length && Number(intValue(vm2, a[0])) < 2
            ? gc.collectGeneration(Number(intValue(vm2, a[0])))
            : gc.collectFull(),
        ),
      ),
      def('disable', Meth.NoArgs, (vm2) => ((gc.enabled = false), vm2.s.None)),
      def('enable', Meth.NoArgs, (vm2) => ((gc.enabled = true), vm2.s.None)),
      def('isenabled', Meth.NoArgs, (vm2) => vm2.s.bool(gc.enabled)),
      def('get_count', Meth.NoArgs, (vm2) =>
        tupleFromItems(
          vm2,
          gc.count.map((c) => fromLong(vm2, c)),
        ),
      ),
    ]);
  },
};
