import { F_BIG, F_HASHED } from '../objects/table';
import { T, type HashKey } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { strValue } from '../objects/str';

/**
 * PyObject_Hash, as the key dicts and sets use (a HashKey, objects/types.ts): exact str and int
 * inline (the hot cases), every other type through its tp_hash, which raises TypeError for the
 * unhashable ones ("unhashable type: 'list'").
 */
export function hashKey(vm: Vm, h: number): HashKey {
  const t = vm.table;
  const type = t.type[h];
  if (type === T.Str) {
    t.flags[h] |= F_HASHED;
    return strValue(vm, h);
  }
  if (type === T.Int) return t.flags[h] & F_BIG ? (t.side[h] as bigint) : t.num[h];
  return vm.types[type].hash!(vm, h);
}

/** object.__hash__ (_Py_HashPointer): identity. */
export const identityHash = (_vm: Vm, h: number): HashKey => `\u0000#${h}`;
