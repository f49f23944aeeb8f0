import { bytesNew } from '../objects/bytes';
import { dateFields, dateNew, deltaFields, deltaNew, isDate, isDelta, isDatetime } from '../objects/datetimetypes';
import { fromLong } from '../objects/int';
import { tupleFromItems } from '../objects/tuple';
import type { Vm } from '../runtime/vm';

/**
 * The reduction of a date, datetime or timedelta as `x.__reduce_ex__(4)` returns it in copy.py
 * (object.__reduce_ex__ calls the type's own __reduce__): date_reduce's `(type(x), (state,))` with
 * the 4-byte pickle state (year hi/lo, month, day), datetime_reduce's 10 bytes (and the tzinfo as a
 * second argument when aware), delta_reduce's `(type(x), (days, seconds, microseconds))`. Returns
 * the rv tuple and `make`, which is what `cls(*args)` does with those arguments (date_new and
 * datetime_new take the state bytes and make an object of the same fields; delta_new the three
 * ints). Null for any other object.
 */
export function datetimeReduction(vm: Vm, x: number): { rv: number; args: number; make: () => number } | null {
  const tp = vm.typeOf(x);
  if (isDelta(vm, x)) {
    const f = deltaFields(vm, x);
    const args = tupleFromItems(vm, [fromLong(vm, f.days), fromLong(vm, f.secs), fromLong(vm, f.us)]);
    vm.incref(tp.typeObject);
    const rv = tupleFromItems(vm, [tp.typeObject, args]);
    return { rv, args, make: () => deltaNew(vm, f.days, f.secs, f.us, tp) };
  }
  if (!isDate(vm, x)) return null;
  const f = dateFields(vm, x);
  const full = isDatetime(vm, x);
  const state = [f.y >> 8, f.y & 0xff, f.mo, f.d];
  // datetime's state: hour (fold adds 128 to the month byte at protocol 4: not before), minute, second, microseconds in 3 bytes
  if (full) state.push(f.h, f.mi, f.s, (f.us >> 16) & 0xff, (f.us >> 8) & 0xff, f.us & 0xff);
  if (full && f.fold) state[2] |= 128;
  const items = [bytesNew(vm, String.fromCharCode(...state))];
  if (full && f.tz) {
    vm.incref(f.tz);
    items.push(f.tz);
  }
  const args = tupleFromItems(vm, items);
  vm.incref(tp.typeObject);
  const rv = tupleFromItems(vm, [tp.typeObject, args]);
  return { rv, args, make: () => dateNew(vm, f, tp) };
}
