import { builtinStatic } from '../objects/descr';
import { moduleData, moduleStatic } from '../objects/module';
import type { MethodDef } from '../objects/types';
import type { Vm } from '../runtime/vm';

/**
 * A standard-library module object as the simulator builds it: static (its memory is part of the
 * start-up, or of its import footprint), with its functions as static built-in functions and its
 * types' objects. A name the real module has that is not modelled is "not supported", never an
 * AttributeError the real module would not raise.
 */
export function makeModule(
  vm: Vm,
  name: string,
  functions: readonly MethodDef[],
  attrs: Record<string, number> = {},
): number {
  const m = moduleStatic(vm, name);
  const table = moduleData(vm, m).attrs;
  for (const d of functions)
    table.set(d.name, builtinStatic(vm, { ...d, qualname: d.qualname ?? d.name }, name));
  for (const [k, v] of Object.entries(attrs)) table.set(k, v);
  return m;
}

/** A module-level C function (PyMethodDef). */
export const fn = (name: string, flags: number, impl: MethodDef['impl']): MethodDef => ({
  name,
  flags,
  impl,
});
