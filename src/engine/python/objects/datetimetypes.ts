import { typeError, valueError, raiseString } from '../abstract/errors';
import { unicodeFromFormat } from '../abstract/fromformat';
import type { Vm } from '../runtime/vm';
import {
  deltaMicros,
  deltaRepr,
  deltaText,
  fieldsToMicros,
  microsToFields,
  normalizeDelta,
  splitMicros,
  offsetText,
  type DateFields,
  type DeltaFields,
} from './datetimecal';
import { E } from './exctypes';
import { fromDouble } from './float';
import { fromLong } from './int';
import { moduleType } from './modtypes';
import { strNew } from './str';
import { Cmp, NB, T, TpFlags, defineType, numberSlots, type TypeSlots } from './types';

/**
 * _datetime's value types (Modules/_datetimemodule.c), with their C sizes: none is tracked by
 * the collector, and each is one PyObject_Malloc.
 * - timedelta: PyDateTime_Delta, 16 + hash 8 + days/seconds/microseconds 3 × 4 → 40 bytes.
 * - date: PyDateTime_Date, 16 + hash 8 + hastzinfo 1 + data[4] → 32 bytes.
 * - datetime: datetime_alloc asks for _PyDateTime_BaseDateTime (16 + 8 + 1 + data[10] → 40 bytes)
 *   when naive and PyDateTime_DateTime (+ fold, tzinfo → 48 bytes) when aware.
 * - timezone: PyDateTime_TimeZone, 16 + offset + name → 32 bytes (timezone.utc is static).
 * The modules' functions are in ../modules/datetime.ts; the calendar in datetimecal.ts.
 */
export const DELTA_SIZE = 40;
export const DATE_SIZE = 32;
export const DATETIME_NAIVE_SIZE = 40;
export const DATETIME_AWARE_SIZE = 48;
export const TIMEZONE_SIZE = 32;

export const dateFields = (vm: Vm, h: number): DateFields => vm.table.side[h] as DateFields;
export const deltaFields = (vm: Vm, h: number): DeltaFields => vm.table.side[h] as DeltaFields;
/** A timezone's offset, in microseconds, and its name (null: the default "UTC±HH:MM"). */
export interface TimezoneData {
  offsetUs: number;
  name: string | null;
}
export const tzData = (vm: Vm, h: number): TimezoneData => vm.table.side[h] as TimezoneData;

/** new_delta_ex: the normalized fields, OverflowError past ±999,999,999 days. */
export function deltaNew(vm: Vm, days: number, secs: number, us: number, type?: TypeSlots): number {
  const t = normalizeDelta(days, secs, us);
  if (t === null) throw raiseString(vm, E.OverflowError, `days=${days}; must have magnitude <= 999999999`);
  const h = vm.newObject((type ?? deltaType(vm)).id, DELTA_SIZE);
  vm.table.side[h] = t;
  return h;
}

export const deltaFromMicros = (vm: Vm, us: number): number => deltaNew(vm, 0, 0, us);

/** new_date_ex / new_datetime_ex2: `tz` borrowed (0: naive). */
export function dateNew(vm: Vm, f: DateFields, type: TypeSlots): number {
  const isDatetime = type.mro.includes(datetimeType(vm).id);
  const h = vm.newObject(
    type.id,
    isDatetime ? (f.tz ? DATETIME_AWARE_SIZE : DATETIME_NAIVE_SIZE) : DATE_SIZE,
  );
  if (f.tz) vm.incref(f.tz);
  vm.table.side[h] = isDatetime ? { ...f } : { ...f, h: 0, mi: 0, s: 0, us: 0, tz: 0, fold: 0 };
  return h;
}

export const isDelta = (vm: Vm, h: number): boolean => vm.typeOf(h).mro.includes(deltaType(vm).id);
export const isDate = (vm: Vm, h: number): boolean => vm.typeOf(h).mro.includes(dateType(vm).id);
export const isDatetime = (vm: Vm, h: number): boolean => vm.typeOf(h).mro.includes(datetimeType(vm).id);

/** The UTC offset of an aware datetime (timezone.utcoffset), in microseconds; null when naive. */
export const utcOffset = (vm: Vm, f: DateFields): number | null => (f.tz ? tzData(vm, f.tz).offsetUs : null);

const bool = (vm: Vm, v: boolean): number => vm.s.bool(v);

function compareResult(vm: Vm, c: number, op: Cmp): number {
  const r = [c < 0, c <= 0, c === 0, c !== 0, c > 0, c >= 0][op];
  return bool(vm, r);
}

/** The types' dealloc (tp_dealloc → tp_free): an aware object lets go of its tzinfo. */
function valueDealloc(vm: Vm, h: number): void {
  const f = vm.table.side[h] as { tz?: number } | undefined;
  if (f?.tz) vm.decref(f.tz);
  vm.table.side[h] = undefined;
  vm.objectFree(h);
}

// ---- timedelta ------------------------------------------------------------------------------

function deltaRichcompare(vm: Vm, a: number, b: number, op: Cmp): number {
  if (!isDelta(vm, b)) return vm.s.NotImplemented;
  const x = deltaMicros(deltaFields(vm, a));
  const y = deltaMicros(deltaFields(vm, b));
  return compareResult(vm, x - y, op);
}

function deltaAdd(vm: Vm, a: number, b: number): number {
  if (isDelta(vm, a) && isDelta(vm, b)) {
    const x = deltaFields(vm, a);
    const y = deltaFields(vm, b);
    return deltaNew(vm, x.days + y.days, x.secs + y.secs, x.us + y.us);
  }
  return vm.s.NotImplemented;
}

function deltaSub(vm: Vm, a: number, b: number): number {
  if (isDelta(vm, a) && isDelta(vm, b)) {
    const x = deltaFields(vm, a);
    const y = deltaFields(vm, b);
    return deltaNew(vm, x.days - y.days, x.secs - y.secs, x.us - y.us);
  }
  return vm.s.NotImplemented;
}

/** delta * int / float (round half even on the microseconds, as multiply_truedivide_timedelta_float). */
function deltaMul(vm: Vm, a: number, b: number): number {
  const [d, n] = isDelta(vm, a) ? [a, b] : [b, a];
  if (!isDelta(vm, d)) return vm.s.NotImplemented;
  const t = vm.table.type[n];
  if (t !== T.Int && t !== T.Float && t !== T.Bool) return vm.s.NotImplemented;
  const k = vm.table.num[n];
  return deltaFromMicros(vm, roundHalfEven(deltaMicros(deltaFields(vm, d)) * k));
}

function deltaTrueDiv(vm: Vm, a: number, b: number): number {
  if (!isDelta(vm, a)) return vm.s.NotImplemented;
  const x = deltaMicros(deltaFields(vm, a));
  if (isDelta(vm, b)) {
    const y = deltaMicros(deltaFields(vm, b));
    if (y === 0) throw raiseString(vm, E.ZeroDivisionError, 'division by zero');
    return fromDouble(vm, x / y);
  }
  const t = vm.table.type[b];
  if (t !== T.Int && t !== T.Float) return vm.s.NotImplemented;
  const k = vm.table.num[b];
  if (k === 0) throw raiseString(vm, E.ZeroDivisionError, 'division by zero');
  return deltaFromMicros(vm, roundHalfEven(x / k));
}

/**
 * delta_divide / delta_remainder: timedelta // timedelta is an int (floor of the microseconds),
 * timedelta // int a timedelta, timedelta % timedelta a timedelta with the divisor's sign.
 */
function deltaFloorDiv(vm: Vm, a: number, b: number): number {
  if (!isDelta(vm, a)) return vm.s.NotImplemented;
  const x = deltaMicros(deltaFields(vm, a));
  const divisor = isDelta(vm, b) ? deltaMicros(deltaFields(vm, b)) : null;
  if (divisor === null && vm.table.type[b] !== T.Int && vm.table.type[b] !== T.Bool) return vm.s.NotImplemented;
  const y = divisor ?? vm.table.num[b];
  if (y === 0) throw raiseString(vm, E.ZeroDivisionError, 'integer division or modulo by zero');
  const q = Math.floor(x / y);
  return divisor === null ? deltaFromMicros(vm, q) : fromLong(vm, q);
}

function deltaRemainder(vm: Vm, a: number, b: number): number {
  if (!isDelta(vm, a) || !isDelta(vm, b)) return vm.s.NotImplemented;
  const x = deltaMicros(deltaFields(vm, a));
  const y = deltaMicros(deltaFields(vm, b));
  if (y === 0) throw raiseString(vm, E.ZeroDivisionError, 'integer division or modulo by zero');
  return deltaFromMicros(vm, x - Math.floor(x / y) * y);
}

function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const diff = v - f;
  if (diff > 0.5) return f + 1;
  if (diff < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

export const DeltaTypeFactory = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'timedelta',
    qualname: 'timedelta',
    module: 'datetime',
    basicsize: DELTA_SIZE,
    flags: TpFlags.BaseType,
    dealloc: valueDealloc,
    repr: (vm, h) => strNew(vm, deltaRepr(deltaFields(vm, h))),
    reprText: (vm, h) => deltaRepr(deltaFields(vm, h)),
    str: (vm, h) => strNew(vm, deltaText(deltaFields(vm, h))),
    hash: (vm, h) => `td:${deltaMicros(deltaFields(vm, h))}`,
    richcompare: deltaRichcompare,
    number: numberSlots(
      {
        [NB.Add]: deltaAdd,
        [NB.Subtract]: deltaSub,
        [NB.Multiply]: deltaMul,
        [NB.TrueDivide]: deltaTrueDiv,
        [NB.FloorDivide]: deltaFloorDiv,
        [NB.Remainder]: deltaRemainder,
      },
      {
        negative: (vm, h) => {
          const t = deltaFields(vm, h);
          return deltaNew(vm, -t.days, -t.secs, -t.us);
        },
        positive: (vm, h) => {
          const t = deltaFields(vm, h);
          return deltaNew(vm, t.days, t.secs, t.us);
        },
        absolute: (vm, h) => {
          const t = deltaFields(vm, h);
          return t.days < 0 ? deltaNew(vm, -t.days, -t.secs, -t.us) : deltaNew(vm, t.days, t.secs, t.us);
        },
        bool: (vm, h) => deltaMicros(deltaFields(vm, h)) !== 0,
      },
    ),
    notModelled: 'datetime.timedelta',
  });

export const deltaType = (vm: Vm): TypeSlots => moduleType(vm, DeltaTypeFactory);

// ---- timezone --------------------------------------------------------------------------------

export function tzName(vm: Vm, tz: number): string {
  const d = tzData(vm, tz);
  if (d.name !== null) return d.name;
  return d.offsetUs === 0 ? 'UTC' : `UTC${offsetText(d.offsetUs)}`;
}

export const TimezoneTypeFactory = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'timezone',
    qualname: 'timezone',
    module: 'datetime',
    basicsize: TIMEZONE_SIZE,
    flags: 0,
    dealloc: valueDealloc,
    reprText: (vm, h) => {
      const d = tzData(vm, h);
      if (d.offsetUs === 0 && d.name === null) return 'datetime.timezone.utc';
      return `datetime.timezone(${deltaRepr(normalizeDelta(0, 0, d.offsetUs)!)}${d.name !== null ? `, '${d.name}'` : ''})`;
    },
    str: (vm, h) => strNew(vm, tzName(vm, h)),
    hash: (vm, h) => `tz:${tzData(vm, h).offsetUs}`,
    richcompare: (vm, a, b, op) => {
      if (vm.typeOf(b).id !== vm.typeOf(a).id || (op !== Cmp.EQ && op !== Cmp.NE)) return vm.s.NotImplemented;
      const eq = tzData(vm, a).offsetUs === tzData(vm, b).offsetUs;
      return bool(vm, op === Cmp.EQ ? eq : !eq);
    },
    notModelled: 'datetime.timezone',
  });

export const timezoneType = (vm: Vm): TypeSlots => moduleType(vm, TimezoneTypeFactory);

// ---- date and datetime ---------------------------------------------------------------------

/** date_richcompare / datetime_richcompare: naive against aware orders raise, == is False. */
function dateRichcompare(vm: Vm, a: number, b: number, op: Cmp): number {
  const aDt = isDatetime(vm, a);
  if (!isDate(vm, b) || aDt !== isDatetime(vm, b)) {
    if (op === Cmp.EQ || op === Cmp.NE) return bool(vm, op === Cmp.NE);
    return vm.s.NotImplemented;
  }
  const x = dateFields(vm, a);
  const y = dateFields(vm, b);
  const ox = utcOffset(vm, x);
  const oy = utcOffset(vm, y);
  if ((ox === null) !== (oy === null)) {
    if (op === Cmp.EQ || op === Cmp.NE) return bool(vm, op === Cmp.NE);
    throw typeError(vm, "can't compare offset-naive and offset-aware datetimes");
  }
  const diff = fieldsToMicros(x) - BigInt(ox ?? 0) - (fieldsToMicros(y) - BigInt(oy ?? 0));
  return compareResult(vm, diff < 0n ? -1 : diff > 0n ? 1 : 0, op);
}

function checkRange(vm: Vm, f: DateFields): void {
  if (f.y < 1 || f.y > 9999) throw raiseString(vm, E.OverflowError, 'date value out of range');
}

/** date/datetime ± timedelta (add_datetime_timedelta), datetime − datetime, date − date. */
function dateAdd(vm: Vm, a: number, b: number): number {
  const [d, t] = isDate(vm, a) ? [a, b] : [b, a];
  if (!isDate(vm, d) || !isDelta(vm, t)) return vm.s.NotImplemented;
  return shifted(vm, d, deltaMicros(deltaFields(vm, t)));
}

function shifted(vm: Vm, d: number, us: number): number {
  const f = dateFields(vm, d);
  const dt = isDatetime(vm, d);
  // a date moves by whole days (date + timedelta ignores the seconds)
  const step = dt ? us : Math.trunc(us / 86_400_000_000) * 86_400_000_000;
  const g = microsToFields(fieldsToMicros(f) + BigInt(step));
  g.tz = f.tz;
  checkRange(vm, g);
  return dateNew(vm, g, vm.typeOf(d).mro.includes(datetimeType(vm).id) ? datetimeType(vm) : dateType(vm));
}

function dateSub(vm: Vm, a: number, b: number): number {
  if (!isDate(vm, a)) return vm.s.NotImplemented;
  if (isDelta(vm, b)) return shifted(vm, a, -deltaMicros(deltaFields(vm, b)));
  if (!isDate(vm, b) || isDatetime(vm, a) !== isDatetime(vm, b)) return vm.s.NotImplemented;
  const x = dateFields(vm, a);
  const y = dateFields(vm, b);
  const ox = utcOffset(vm, x);
  const oy = utcOffset(vm, y);
  if ((ox === null) !== (oy === null))
    throw typeError(vm, "can't subtract offset-naive and offset-aware datetimes");
  const [days, secs, us] = splitMicros(
    fieldsToMicros(x) - BigInt(ox ?? 0) - (fieldsToMicros(y) - BigInt(oy ?? 0)),
  );
  return deltaNew(vm, days, secs, us);
}

/** isoformat's text (date: YYYY-MM-DD; datetime: with `sep`, the time to `timespec`, the offset). */
export function isoText(vm: Vm, h: number, sep = 'T', timespec = 'auto'): string {
  const f = dateFields(vm, h);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  const date = `${p(f.y, 4)}-${p(f.mo)}-${p(f.d)}`;
  if (!isDatetime(vm, h)) return date;
  let time: string;
  const spec = timespec === 'auto' ? (f.us ? 'microseconds' : 'seconds') : timespec;
  switch (spec) {
    case 'hours':
      time = p(f.h);
      break;
    case 'minutes':
      time = `${p(f.h)}:${p(f.mi)}`;
      break;
    case 'seconds':
      time = `${p(f.h)}:${p(f.mi)}:${p(f.s)}`;
      break;
    case 'milliseconds':
      time = `${p(f.h)}:${p(f.mi)}:${p(f.s)}.${p(Math.floor(f.us / 1000), 3)}`;
      break;
    case 'microseconds':
      time = `${p(f.h)}:${p(f.mi)}:${p(f.s)}.${p(f.us, 6)}`;
      break;
    default:
      throw valueError(vm, 'Unknown timespec value');
  }
  const off = utcOffset(vm, f);
  return `${date}${sep}${time}${off === null ? '' : offsetText(off)}`;
}

/** date_repr / datetime_repr (PyUnicode_FromFormat). */
function dateRepr(vm: Vm, h: number): number {
  const f = dateFields(vm, h);
  const name = vm.typeOf(h).name;
  if (!isDatetime(vm, h))
    return unicodeFromFormat(vm, '%s(%d, %d, %d)', [`datetime.${name}`, f.y, f.mo, f.d]);
  let text: string;
  if (f.us) text = `datetime.${name}(${f.y}, ${f.mo}, ${f.d}, ${f.h}, ${f.mi}, ${f.s}, ${f.us})`;
  else if (f.s) text = `datetime.${name}(${f.y}, ${f.mo}, ${f.d}, ${f.h}, ${f.mi}, ${f.s})`;
  else text = `datetime.${name}(${f.y}, ${f.mo}, ${f.d}, ${f.h}, ${f.mi})`;
  const r = unicodeFromFormat(vm, '%s', [text]);
  if (!f.tz) return r;
  vm.decref(r);
  return strNew(vm, `${text.slice(0, -1)}, tzinfo=${tzRepr(vm, f.tz)})`);
}

const tzRepr = (vm: Vm, tz: number): string => vm.typeOf(tz).reprText!(vm, tz, 0);

export const DateTypeFactory = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'date',
    qualname: 'date',
    module: 'datetime',
    basicsize: DATE_SIZE,
    flags: TpFlags.BaseType,
    dealloc: valueDealloc,
    repr: dateRepr,
    str: (vm, h) => strNew(vm, isoText(vm, h, ' ')),
    hash: (vm, h) => {
      const f = dateFields(vm, h);
      return `d:${isDatetime(vm, h) ? 't' : 'd'}:${fieldsToMicros(f) - BigInt(utcOffset(vm, f) ?? 0)}`;
    },
    richcompare: dateRichcompare,
    number: numberSlots({ [NB.Add]: dateAdd, [NB.Subtract]: dateSub }),
    notModelled: 'datetime.date',
  });

export const dateType = (vm: Vm): TypeSlots => moduleType(vm, DateTypeFactory);

export const DatetimeTypeFactory = (vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'datetime',
    qualname: 'datetime',
    module: 'datetime',
    basicsize: DATETIME_AWARE_SIZE,
    flags: TpFlags.BaseType,
    dealloc: valueDealloc,
    base: dateType(vm).id,
    bases: [dateType(vm).id],
    notModelled: 'datetime.datetime',
  });

export const datetimeType = (vm: Vm): TypeSlots => moduleType(vm, DatetimeTypeFactory);
