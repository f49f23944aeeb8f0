import { dictEntries } from '../objects/dict';
import { T, type Kwargs } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { typeError } from './errors';
import { strValue } from '../objects/str';

/** A keyword-argument dict as the name → value map the vectorcall side uses (values borrowed). */
export function dictKwargs(vm: Vm, kwargs: number): Kwargs {
  const kw: Kwargs = new Map();
  for (const [k, v] of dictEntries(vm, kwargs)) {
    if (vm.table.type[k] !== T.Str) throw typeError(vm, 'keywords must be strings');
    kw.set(strValue(vm, k), v);
  }
  return kw;
}

/**
 * The kwnames tuple behind a keyword map, when the map stands for a vectorcall's
 * (args, kwnames): CALL's own tuple of names, or the one _PyStack_UnpackDict made. A Python
 * function called with that map takes the same tuple instead of making one.
 */
const kwnamesOf = new WeakMap<Kwargs, number>();

export function kwnamesFor(kw: Kwargs): number {
  return kwnamesOf.get(kw) ?? 0;
}

export function withKwnames(kw: Kwargs, kwnames: number): Kwargs {
  kwnamesOf.set(kw, kwnames);
  return kw;
}
