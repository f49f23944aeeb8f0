import { typeError } from '../abstract/errors';
import { NotSupported } from '../errors';
import { fieldsToMicros, microsToFields, toOrdinal, weekday } from '../objects/datetimecal';
import { dateFields, dateNew, tzData } from '../objects/datetimetypes';
import { fromLong } from '../objects/int';
import { moduleType, type TypeFactory } from '../objects/modtypes';
import { ItemPool } from '../objects/pool';
import { structSeqType, type StructSeqDesc } from '../objects/structseq';
import { Meth, type MethodDef } from '../objects/types';
import type { Vm } from '../runtime/vm';

/**
 * date.isocalendar() (date_isocalendar in _datetimemodule.c): the ISO year, week and weekday as a
 * datetime.IsoCalendarDate, a tuple subclass of 3.9+ (PyDateTime_IsoCalendarDate) whose fields are
 * read by name. Unlike a struct sequence it is made by PyType_GenericAlloc(type, 3), which sizes the
 * object for nitems + 1: 32 + 4 × 8 = 64 bytes + the 16-byte GC header (80: tracemalloc on 3.11.7
 * shows 2,001 blocks, 118 KiB, for 1,000 of them of year 2024 and the 1,000 year ints), while
 * sys.getsizeof says 72 (tp_basicsize 32 + 3 × 8 + 16).
 */
const ISO_DESC: StructSeqDesc = {
  name: 'IsoCalendarDate',
  module: 'datetime',
  fields: ['year', 'week', 'weekday'],
  visible: 3,
};

const IsoCalendarDateType: TypeFactory = (vm, id) => {
  const t = structSeqType(ISO_DESC)(vm, id);
  t.basicsize = 32; // sizeof(PyDateTime_IsoCalendarDate): PyTupleObject with its ob_item[1]
  return t;
};

/** The Monday that starts ISO week 1 of `year`, as an ordinal (iso_week1_monday). */
function isoWeek1Monday(year: number): number {
  const first = toOrdinal(year, 1, 1);
  const wd = (first + 6) % 7; // Monday 0
  let monday = first - wd;
  if (wd > 3) monday += 7; // Jan 1 after Thursday: week 1 starts the next Monday
  return monday;
}

/** [ISO year, week 1–53, weekday 1–7] of a date. */
export function isoCalendar(y: number, mo: number, d: number): [number, number, number] {
  const today = toOrdinal(y, mo, d);
  let year = y;
  let monday = isoWeek1Monday(year);
  let week = Math.floor((today - monday) / 7);
  if (week < 0) {
    year -= 1;
    monday = isoWeek1Monday(year);
    week = Math.floor((today - monday) / 7);
  } else if (week >= 52 && today >= isoWeek1Monday(year + 1)) {
    year += 1;
    week = 0;
  }
  return [year, week + 1, weekday(y, mo, d) + 1];
}

/** iso_calendar_date_new_impl: tp_alloc(type, 3) first, then PyLong_FromLong of each field in order. */
function isoCalendarDateNew(vm: Vm, fields: readonly number[]): number {
  const t = moduleType(vm, IsoCalendarDateType);
  const h = vm.newGcObject(t.id, 32 + 8 * (fields.length + 1));
  const cap = ItemPool.capacityFor(fields.length);
  const off = vm.pool.alloc(cap);
  vm.table.ref[h] = off;
  vm.table.pcap[h] = cap;
  vm.table.n[h] = fields.length;
  for (let i = 0; i < fields.length; i++) vm.pool.data[off + i] = fromLong(vm, fields[i]);
  vm.gc.track(h);
  return h;
}

export const isoCalendarMethod = (): MethodDef => ({
  name: 'isocalendar',
  flags: Meth.NoArgs,
  impl: (vm, self) => {
    const f = dateFields(vm, self);
    return isoCalendarDateNew(vm, isoCalendar(f.y, f.mo, f.d));
  },
});

/** The type object, for `datetime.IsoCalendarDate` in a module's namespace. */
export const isoCalendarDateType = (vm: Vm): number => moduleType(vm, IsoCalendarDateType).typeObject;

/**
 * datetime.astimezone(tz) of an aware datetime to a datetime.timezone (datetime_astimezone): the
 * same tzinfo answers self (a new reference); else self − utcoffset() (add_datetime_timedelta: a
 * datetime of self's type, its tzinfo then swapped for UTC and for tz, no allocation), then
 * tz.fromutc(it) (timezone_fromutc: + tz's offset, a second datetime), the first freed. A naive
 * datetime (local time) or no tz (the local zone) is not modelled.
 */
export const astimezoneMethod = (): MethodDef => ({
  name: 'astimezone',
  flags: Meth.Fastcall | Meth.Keywords,
  impl: (vm, self, a, kw) => {
    const f = dateFields(vm, self);
    const arg = a[0] ?? kw?.get('tz') ?? 0;
    if (arg === 0 || arg === vm.s.None) throw new NotSupported('datetime.astimezone() to the local time zone');
    if (vm.typeOf(arg).name !== 'timezone') {
      if (vm.table.type[arg] < 256)
        throw typeError(vm, "tzinfo argument must be None or of a tzinfo subclass, not type '%s'", vm.typeOf(arg).name);
      throw new NotSupported('a tzinfo other than datetime.timezone');
    }
    if (!f.tz) throw new NotSupported('datetime.astimezone() of a naive datetime (local time)');
    if (arg === f.tz) {
      vm.incref(self);
      return self;
    }
    const type = vm.typeOf(self);
    const utcUs = fieldsToMicros(f) - BigInt(tzData(vm, f.tz).offsetUs);
    const utc = dateNew(vm, { ...microsToFields(utcUs), tz: arg }, type);
    const r = dateNew(vm, { ...microsToFields(utcUs + BigInt(tzData(vm, arg).offsetUs)), tz: arg }, type);
    vm.decref(utc);
    return r;
  },
});
