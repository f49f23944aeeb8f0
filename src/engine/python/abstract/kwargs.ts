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
