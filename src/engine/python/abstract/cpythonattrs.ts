import recorded from '../testdata/builtin_type_attrs.json';
import { T, TpFlags, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';

/**
 * What the real interpreter's built-in types have, to tell a missing attribute that CPython
 * would also lack (an honest AttributeError) from one the simulator does not model yet ("not
 * supported by Highwater yet: str.rsplit"). Recorded from CPython 3.11.7 by
 * tools/builtins/record_type_attrs.py: for each static type (keyed by its tp_name), the names in
 * its own __dict__ and its MRO by tp_name.
 */
interface Recorded {
  mro: string[];
  own: string[];
}
const TYPES = (recorded as { types: Record<string, Recorded> }).types;

/** The full tp_name of a static type: "list", "collections.deque", "_io.TextIOWrapper". */
export function tpName(t: TypeSlots): string {
  return t.module === 'builtins' ? t.qualname : `${t.module}.${t.qualname}`;
}

const closures = new Map<string, Set<string> | null>();

/** Every attribute name the recorded type has through its MRO (its dir() as the type sees it). */
function namesOf(key: string): Set<string> | null {
  let s = closures.get(key);
  if (s !== undefined) return s;
  const rec = TYPES[key];
  if (rec === undefined) s = null;
  else {
    s = new Set(rec.own);
    for (const b of rec.mro) for (const n of TYPES[b]?.own ?? []) s.add(n);
  }
  closures.set(key, s);
  return s;
}

/** The first static type on `tp`'s MRO (a class's built-in base), the one CPython's table speaks for. */
function staticBase(vm: Vm, tp: TypeSlots): TypeSlots | null {
  for (const id of tp.mro) {
    const s = vm.types[id];
    if ((s.flags & TpFlags.HeapType) === 0) return s;
  }
  return null;
}

/**
 * "str.rsplit" when `obj`'s type (or, for a built-in type object, the type itself) has
 * `name` in the real 3.11.7 but the simulator found nothing: the caller then stops with
 * "not supported by Highwater yet" instead of a Python error the real program would not
 * raise. null when CPython lacks it too (or the type is not one CPython has statically).
 */
export function unmodelledAttribute(vm: Vm, obj: number, name: string): string | null {
  const tp = vm.typeOf(obj);
  // a getset the simulator models raised the AttributeError itself (type.__abstractmethods__ of a
  // class without abstract methods): that is the real answer
  if (tp.mro.some((id) => vm.types[id].getset[name] !== undefined)) return null;
  if (vm.table.type[obj] === T.Type || tp.mro.includes(T.Type)) {
    const self = vm.slotsOf(obj);
    const base = staticBase(vm, self);
    if (base !== null && namesOf(tpName(base))?.has(name)) return `${tpName(base)}.${name}`;
  }
  const base = staticBase(vm, tp);
  if (base === null) return null;
  return namesOf(tpName(base))?.has(name) ? `${tpName(base)}.${name}` : null;
}

/** A static type's own __dict__ names as 3.11.7 has them (dir() merges them), or null when not recorded. */
export function recordedOwnNames(t: TypeSlots): readonly string[] | null {
  return TYPES[tpName(t)]?.own ?? null;
}
