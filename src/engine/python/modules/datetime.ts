import { typeError } from '../abstract/errors';
import { NotSupported } from '../errors';
import type { DateFields } from '../objects/datetimecal';
import { MAXYEAR, MINYEAR, normalizeDelta } from '../objects/datetimecal';
import {
  dateNew,
  dateType,
  datetimeType,
  deltaFields,
  deltaNew,
  deltaType,
  timezoneType,
  TIMEZONE_SIZE,
  type TimezoneData,
} from '../objects/datetimetypes';
import { fromLong } from '../objects/int';
import { strValue } from '../objects/str';
import { T, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';
import {
  checkFields,
  dateGetters,
  dateMethods,
  datetimeGetters,
  datetimeMethods,
  deltaGetters,
  deltaMethods,
  intArg,
  newArgs,
  tzArg,
} from './datetimemethods';
import { astimezoneMethod, isoCalendarMethod } from './datetimeiso';
import { asDouble } from './math';
import { makeModule } from './module';
import type { ModuleSpec } from './registry';

/**
 * datetime: Lib/datetime.py defines the classes in Python, then replaces them with _datetime's C
 * types; its import (footprint.ts: 4,128 pymalloc calls on 3.11.7, the C module's 1,064 first)
 * leaves the C types, which are what scripts use: date, datetime, timedelta and timezone with
 * their C sizes (objects/datetimetypes.ts) and methods (datetimemethods.ts). Not modelled (they
 * say "not supported by Highwater yet"): time, tzinfo subclasses,
 * timetuple, astimezone to local time (datetimeiso.ts: to a timezone), combine, ctime.
 */

const DELTA_KW = ['days', 'seconds', 'microseconds', 'milliseconds', 'minutes', 'hours', 'weeks'];
const DELTA_US = [86_400e6, 1e6, 1, 1e3, 60e6, 3_600e6, 604_800e6];

/** delta_new: every argument to microseconds (ints exact, floats rounded half even at the end). */
function deltaTpNew(vm: Vm, type: TypeSlots, args: number, kwargs: number): number {
  const a = newArgs(vm, 'timedelta', args, kwargs, DELTA_KW);
  let whole = 0n;
  let frac = 0;
  a.forEach((h, i) => {
    if (h === 0) return;
    const t = vm.table.type[h];
    if (t === T.Float) frac += asDouble(vm, h) * DELTA_US[i];
    else if (t === T.Int || t === T.Bool) whole += BigInt(intArg(vm, h, 0)) * BigInt(DELTA_US[i]);
    else
      throw typeError(vm, 'unsupported type for timedelta %s component: %s', DELTA_KW[i], vm.typeOf(h).name);
  });
  const us = Number(whole) + Math.round(frac);
  const days = Math.floor(us / 86_400e6);
  if (normalizeDelta(days, 0, 0) === null) throw new NotSupported('timedelta past ±999,999,999 days');
  return deltaNew(vm, days, 0, us - days * 86_400e6, type);
}

const DATE_KW = ['year', 'month', 'day', 'hour', 'minute', 'second', 'microsecond', 'tzinfo', 'fold'];

function dateTpNew(vm: Vm, type: TypeSlots, args: number, kwargs: number): number {
  const isDt = type.mro.includes(datetimeType(vm).id);
  const names = isDt ? DATE_KW : DATE_KW.slice(0, 3);
  // vgetargskeywords: "iii|iiiiO$i" has 9 format units, past the 8 its stack freelist holds, so it
  // takes a PyMem array of 9 × 16 bytes for the parse and frees it (date's "iii" does not)
  if (isDt) vm.mem.free(vm.mem.malloc(9 * 16));
  const a = newArgs(vm, type.name, args, kwargs, names);
  for (let i = 0; i < 3; i++)
    if (a[i] === 0) throw typeError(vm, "function missing required argument '%s' (pos %d)", names[i], i + 1);
  const f: DateFields = {
    y: intArg(vm, a[0], 0),
    mo: intArg(vm, a[1], 0),
    d: intArg(vm, a[2], 0),
    h: intArg(vm, a[3] ?? 0, 0),
    mi: intArg(vm, a[4] ?? 0, 0),
    s: intArg(vm, a[5] ?? 0, 0),
    us: intArg(vm, a[6] ?? 0, 0),
    tz: tzArg(vm, a[7] ?? 0),
    fold: intArg(vm, a[8] ?? 0, 0),
  };
  checkFields(vm, f);
  return dateNew(vm, f, type);
}

/** new_timezone: timezone(offset[, name]); offsets are whole minutes within ±24 h. */
function timezoneNew(vm: Vm, offset: number, name: number): number {
  if (!vm.typeOf(offset).mro.includes(deltaType(vm).id))
    throw typeError(vm, 'timezone() argument 1 must be datetime.timedelta');
  const t = deltaFields(vm, offset);
  const us = (t.days * 86400 + t.secs) * 1e6 + t.us;
  const h = vm.newObject(timezoneType(vm).id, TIMEZONE_SIZE);
  vm.table.side[h] = { offsetUs: us, name: name ? strValue(vm, name) : null } satisfies TimezoneData;
  return h;
}

/** A class attribute of a C type (its tp_dict entry): a static object, made with the module. */
function classAttr(s: TypeSlots, name: string, h: number): void {
  if (s.descrCache === null) s.descrCache = new Map();
  s.descrCache.set(name, h);
}

function staticTz(vm: Vm, offsetUs: number): number {
  const h = vm.newStatic(timezoneType(vm).id);
  vm.table.side[h] = { offsetUs, name: null } satisfies TimezoneData;
  return h;
}

function staticDelta(vm: Vm, days: number, secs: number, us: number): number {
  const h = vm.newStatic(deltaType(vm).id);
  vm.table.side[h] = normalizeDelta(days, secs, us);
  return h;
}

function loadDatetime(vm: Vm, importModule: (name: string) => number): number {
  const delta = deltaType(vm);
  const date = dateType(vm);
  const dt = datetimeType(vm);
  const tz = timezoneType(vm);
  // the module's init: the methods and constructors of its types, their class attributes
  Object.assign(delta.methods, Object.fromEntries(deltaMethods().map((m) => [m.name, m])));
  Object.assign(delta.getset, deltaGetters());
  delta.new = deltaTpNew;
  Object.assign(date.methods, Object.fromEntries([...dateMethods(), isoCalendarMethod()].map((m) => [m.name, m])));
  Object.assign(date.getset, dateGetters());
  date.new = dateTpNew;
  Object.assign(
    dt.methods,
    Object.fromEntries([...datetimeMethods(importModule), astimezoneMethod()].map((m) => [m.name, m])),
  );
  Object.assign(dt.getset, datetimeGetters());
  dt.new = dateTpNew;
  tz.new = (vm2, _t, args, kwargs) => {
    const a = newArgs(vm2, 'timezone', args, kwargs, ['offset', 'name']);
    if (a[0] === 0) throw typeError(vm2, "timezone() missing required argument 'offset' (pos 1)");
    return timezoneNew(vm2, a[0], a[1]);
  };
  const utc = staticTz(vm, 0);
  classAttr(tz, 'utc', utc);
  classAttr(delta, 'min', staticDelta(vm, -999_999_999, 0, 0));
  classAttr(delta, 'max', staticDelta(vm, 999_999_999, 86399, 999_999));
  classAttr(delta, 'resolution', staticDelta(vm, 0, 0, 1));
  return makeModule(vm, 'datetime', [], {
    date: date.typeObject,
    datetime: dt.typeObject,
    timedelta: delta.typeObject,
    timezone: tz.typeObject,
    UTC: utc,
    MINYEAR: fromLong(vm, MINYEAR),
    MAXYEAR: fromLong(vm, MAXYEAR),
  });
}

export const datetimeModule: ModuleSpec = { name: 'datetime', load: loadDatetime };
