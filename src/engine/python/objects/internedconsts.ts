import type { Vm } from '../runtime/vm';
import { strValue } from './str';
import { T } from './types';

/**
 * String constants the compiler interns (codeobject.c intern_string_constants: a str constant made
 * only of ASCII letters, digits and '_' goes through PyUnicode_InternInPlace when its code object is
 * made). The simulator makes such a constant as an ordinary str and notes it here, so that
 * sys.intern("".join(["hello_", "world"])) gives back the script's "hello_world" constant, as the
 * real interned dict does. Only identity is modelled here: the interned dict's own growth for these
 * strings belongs to the compile step (names and constants alike).
 */
const byVm = new WeakMap<Vm, Map<string, number>>();

/** all_name_chars: a non-empty str of [A-Za-z0-9_] only. */
export const allNameChars = (s: string): boolean => /^[A-Za-z0-9_]+$/.test(s);

/** The compiler made constant `h` with text `s` (all name characters): remember it as interned. */
export function noteInternedConst(vm: Vm, s: string, h: number): void {
  let m = byVm.get(vm);
  if (m === undefined) byVm.set(vm, (m = new Map()));
  if (!m.has(s) || internedConst(vm, s) === undefined) m.set(s, h);
}

/** The live interned constant with text `s`, if a code object made one and it still exists. */
export function internedConst(vm: Vm, s: string): number | undefined {
  const h = byVm.get(vm)?.get(s);
  if (h === undefined) return undefined;
  // a constant freed with its code object leaves a handle that may now be another object
  if (vm.table.type[h] !== T.Str || vm.table.refcnt[h] <= 0 || strValue(vm, h) !== s) return undefined;
  return h;
}
