import { normalize, raiseFormat } from '../abstract/errors';
import type { PyError } from '../errors';
import { E } from '../objects/exctypes';
import { setField } from '../objects/exceptions';
import { strNew } from '../objects/str';
import type { Vm } from '../runtime/vm';

/**
 * importlib._bootstrap._find_and_load_unlocked when no finder finds the module:
 * `ModuleNotFoundError(f"No module named {name!r}", name=name)`. (The finders' own cost, a
 * FileFinder and its directory listing cached per sys.path entry, is ~0.6 KB kept on the real
 * 3.11.7 for a first failed import: not modelled.)
 */
export function moduleNotFound(vm: Vm, name: string): PyError {
  const err = raiseFormat(vm, E.ModuleNotFoundError, "No module named '%U'", name);
  normalize(vm, err);
  if (err.value) {
    const s = strNew(vm, name);
    setField(vm, err.value, 'name', s);
    vm.decref(s);
  }
  return err;
}
