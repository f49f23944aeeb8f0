import { typeError, valueError } from '../abstract/errors';
import { binaryOp } from '../abstract/number';
import { str } from '../abstract/repr';
import { NotSupported } from '../errors';
import {
  fromOrdinal,
  toOrdinal,
  weekday,
  daysInMonth,
  epochMicros,
  EPOCH_ORDINAL,
} from '../objects/datetimecal';
import type { DateFields } from '../objects/datetimecal';
import {
  dateFields,
  dateNew,
  dateType,
  datetimeType,
  deltaFields,
  deltaFromMicros,
  isDatetime,
  isoText,
  tzData,
  tzName,
  utcOffset,
} from '../objects/datetimetypes';
import { dictEntries } from '../objects/dict';
import { fromDouble } from '../objects/float';
import { fromLong, intValue } from '../objects/int';
import { strNew, strValue } from '../objects/str';
import { tupleItems } from '../objects/tuple';
import { Meth, NB, T, type Kwargs, type MethodDef, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { asDouble } from './math';
import { wallSeconds } from './simclock';
import { findModule } from './registry';
import { strptime } from './strptime';
import { strftime as timeStrftime, structTime } from './time';

/**
 * The methods of _datetime's types, as _datetimemodule.c runs them: constructors through
 * PyArg_ParseTupleAndKeywords (no allocation), now()/today()/fromtimestamp() on the simulated
 * wall clock (simclock.ts: the process is in UTC), now(tz) making the UTC datetime and then
 * tz.fromutc's (two objects, the first freed), total_seconds through delta_to_microseconds'
 * Python ints, strftime through timetuple's struct_time and time.strftime.
 */

/** Positional and keyword arguments of a tp_new call, by name. */
export function newArgs(
  vm: Vm,
  fname: string,
  args: number,
  kwargs: number,
  names: readonly string[],
): (number | 0)[] {
  const pos = Array.from(tupleItems(vm, args));
  if (pos.length > names.length)
    throw typeError(vm, 'function takes at most %d arguments (%zd given)', names.length, pos.length);
  const out: number[] = names.map((_, i) => pos[i] ?? 0);
  if (kwargs !== 0)
    for (const [k, v] of dictEntries(vm, kwargs)) {
      const i = names.indexOf(strValue(vm, k));
      if (i < 0) throw typeError(vm, "'%U' is an invalid keyword argument for %s()", strValue(vm, k), fname);
      if (out[i] !== 0)
        throw typeError(vm, "argument for %s() given by name ('%U') and position", fname, names[i]);
      out[i] = v;
    }
  return out;
}

const intArg = (vm: Vm, h: number, dflt: number): number => {
  if (h === 0) return dflt;
  if (vm.table.type[h] === T.Float) throw typeError(vm, "'float' object cannot be interpreted as an integer");
  return Number(intValue(vm, h));
};

/** check_date_args / check_time_args with CPython's messages. */
export function checkFields(vm: Vm, f: DateFields): void {
  if (f.y < 1 || f.y > 9999) throw valueError(vm, `year ${f.y} is out of range`);
  if (f.mo < 1 || f.mo > 12) throw valueError(vm, 'month must be in 1..12');
  if (f.d < 1 || f.d > daysInMonth(f.y, f.mo)) throw valueError(vm, 'day is out of range for month');
  if (f.h < 0 || f.h > 23) throw valueError(vm, 'hour must be in 0..23');
  if (f.mi < 0 || f.mi > 59) throw valueError(vm, 'minute must be in 0..59');
  if (f.s < 0 || f.s > 59) throw valueError(vm, 'second must be in 0..59');
  if (f.us < 0 || f.us > 999999) throw valueError(vm, 'microsecond must be in 0..999999');
}

export function tzArg(vm: Vm, h: number): number {
  if (h === 0 || h === vm.s.None) return 0;
  if (vm.typeOf(h).name !== 'timezone') throw new NotSupported('a tzinfo other than datetime.timezone');
  return h;
}

/** The fields of a POSIX timestamp (seconds, floored to microseconds as ROUND_HALF_EVEN does). */
function fieldsOfTimestamp(secs: number, tz: number, offsetUs: number): DateFields {
  const us = Math.round(secs * 1e6) + offsetUs;
  const days = Math.floor(us / 86_400_000_000);
  let rest = us - days * 86_400_000_000;
  const [y, mo, d] = fromOrdinal(EPOCH_ORDINAL + days);
  const h = Math.floor(rest / 3_600_000_000);
  rest -= h * 3_600_000_000;
  const mi = Math.floor(rest / 60_000_000);
  rest -= mi * 60_000_000;
  const s = Math.floor(rest / 1_000_000);
  return { y, mo, d, h, mi, s, us: rest - s * 1_000_000, tz, fold: 0 };
}

/** datetime_from_timet_and_us (+ tz.fromutc for an aware result: a second datetime, the first freed). */
export function datetimeFromTimestamp(vm: Vm, type: TypeSlots, secs: number, tz: number): number {
  if (!tz) return dateNew(vm, fieldsOfTimestamp(secs, 0, 0), type);
  const utc = dateNew(vm, fieldsOfTimestamp(secs, tz, 0), type);
  const r = dateNew(vm, fieldsOfTimestamp(secs, tz, tzData(vm, tz).offsetUs), type);
  vm.decref(utc);
  return r;
}

/** Seconds since the epoch of the fields (naive: the process's local time, UTC). */
const posixSeconds = (vm: Vm, f: DateFields): number =>
  Number(epochMicros(f) - BigInt(utcOffset(vm, f) ?? 0)) / 1e6;

/** delta_to_microseconds then / 10**6: the Python ints it makes, the float. */
function totalSeconds(vm: Vm, self: number): number {
  const t = deltaFields(vm, self);
  const perDay = fromLong(vm, 86400);
  const perSecond = fromLong(vm, 1_000_000);
  let x1 = fromLong(vm, t.days);
  let x2 = binaryOp(vm, NB.Multiply, x1, perDay);
  vm.decref(x1);
  x1 = fromLong(vm, t.secs);
  const x3 = binaryOp(vm, NB.Add, x1, x2);
  vm.decref(x1);
  vm.decref(x2);
  x1 = binaryOp(vm, NB.Multiply, x3, perSecond);
  vm.decref(x3);
  x2 = fromLong(vm, t.us);
  const total = binaryOp(vm, NB.Add, x1, x2);
  vm.decref(x1);
  vm.decref(x2);
  const r = binaryOp(vm, NB.TrueDivide, total, perSecond);
  vm.decref(total);
  vm.decref(perDay);
  vm.decref(perSecond);
  return r;
}

/** date_strftime: timetuple() (a struct_time), then time.strftime(format, tuple). */
function strftimeOf(vm: Vm, self: number, fmt: number): number {
  if (vm.table.type[fmt] !== T.Str) throw typeError(vm, 'strftime() argument 1 must be str');
  const f = dateFields(vm, self);
  if (/%[fzZ:]/.test(strValue(vm, fmt))) {
    // wrap_strftime replaces %f, %z and %Z with the object's own text before time.strftime
    const us = String(f.us).padStart(6, '0');
    const off = utcOffset(vm, f);
    const z = off === null ? '' : offText(off);
    const zname = f.tz ? tzName(vm, f.tz) : '';
    const text = strValue(vm, fmt).replace(/%([fzZ%])/g, (m, c: string) =>
      c === 'f' ? us : c === 'z' ? z : c === 'Z' ? zname : m,
    );
    const nf = strNew(vm, text);
    try {
      return strftimeWith(vm, f, nf);
    } finally {
      vm.decref(nf);
    }
  }
  return strftimeWith(vm, f, fmt);
}

const offText = (us: number): string => {
  const a = Math.abs(us) / 1e6;
  const p = (n: number): string => String(Math.floor(n)).padStart(2, '0');
  return `${us < 0 ? '-' : '+'}${p(a / 3600)}${p((a % 3600) / 60)}`;
};

function strftimeWith(vm: Vm, f: DateFields, fmt: number): number {
  const tt = structTime(vm, Number(epochMicros(f) / 1_000_000n) - (f.us < 0 ? 1 : 0));
  try {
    return timeStrftime(vm, 0, [fmt, tt]);
  } finally {
    vm.decref(tt);
  }
}

/** fromisoformat: YYYY-MM-DD[(T| )HH[:MM[:SS[.ffffff]]][±HH:MM]] (3.11's formats). */
function parseIso(vm: Vm, s: string, withTime: boolean): DateFields {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2})(?::(\d{2})(?::(\d{2})(?:\.(\d{3}|\d{6}))?)?)?(Z|[+-]\d{2}:\d{2}(?::\d{2})?)?)?$/.exec(
      s,
    );
  if (!m || (!withTime && m[4] !== undefined)) throw valueError(vm, `Invalid isoformat string: '${s}'`);
  const us = m[7] === undefined ? 0 : Number(m[7].padEnd(6, '0'));
  const f: DateFields = {
    y: +m[1],
    mo: +m[2],
    d: +m[3],
    h: +(m[4] ?? 0),
    mi: +(m[5] ?? 0),
    s: +(m[6] ?? 0),
    us,
    tz: 0,
    fold: 0,
  };
  if (m[8] !== undefined) throw new NotSupported('datetime.fromisoformat with a UTC offset');
  checkFields(vm, f);
  return f;
}

const cls = (vm: Vm, h: number): TypeSlots => vm.slotsOf(h);
const now = (vm: Vm): number => wallSeconds(vm);

export function dateMethods(): MethodDef[] {
  return [
    {
      name: 'today',
      flags: Meth.NoArgs | Meth.Class,
      impl: (vm, t) => {
        // date_today: time.time() as a float, then cls.fromtimestamp(it)
        const secs = fromDouble(vm, now(vm));
        const f = fieldsOfTimestamp(asDouble(vm, secs), 0, 0);
        vm.decref(secs);
        return dateNew(vm, f, cls(vm, t));
      },
    },
    {
      name: 'fromtimestamp',
      flags: Meth.O | Meth.Class,
      impl: (vm, t, a) => dateNew(vm, fieldsOfTimestamp(asDouble(vm, a[0]), 0, 0), cls(vm, t)),
    },
    {
      name: 'fromordinal',
      flags: Meth.O | Meth.Class,
      impl: (vm, t, a) => {
        const [y, mo, d] = fromOrdinal(Number(intValue(vm, a[0])));
        return dateNew(vm, { y, mo, d, h: 0, mi: 0, s: 0, us: 0, tz: 0, fold: 0 }, cls(vm, t));
      },
    },
    {
      name: 'fromisoformat',
      flags: Meth.O | Meth.Class,
      impl: (vm, t, a) => {
        if (vm.table.type[a[0]] !== T.Str) throw typeError(vm, 'fromisoformat: argument must be str');
        const type = cls(vm, t);
        return dateNew(vm, parseIso(vm, strValue(vm, a[0]), type.mro.includes(datetimeType(vm).id)), type);
      },
    },
    {
      name: 'isoformat',
      flags: Meth.Fastcall | Meth.Keywords,
      impl: (vm, self, a, kw) => isoformat(vm, self, a, kw),
    },
    { name: 'strftime', flags: Meth.O, impl: (vm, self, a) => strftimeOf(vm, self, a[0]) },
    {
      name: '__format__',
      flags: Meth.O,
      impl: (vm, self, a) => (vm.table.n[a[0]] === 0 ? str(vm, self) : strftimeOf(vm, self, a[0])),
    },
    {
      name: 'weekday',
      flags: Meth.NoArgs,
      impl: (vm, self) => {
        const f = dateFields(vm, self);
        return fromLong(vm, weekday(f.y, f.mo, f.d));
      },
    },
    {
      name: 'isoweekday',
      flags: Meth.NoArgs,
      impl: (vm, self) => {
        const f = dateFields(vm, self);
        return fromLong(vm, weekday(f.y, f.mo, f.d) + 1);
      },
    },
    {
      name: 'toordinal',
      flags: Meth.NoArgs,
      impl: (vm, self) => {
        const f = dateFields(vm, self);
        return fromLong(vm, toOrdinal(f.y, f.mo, f.d));
      },
    },
    { name: 'replace', flags: Meth.Fastcall | Meth.Keywords, impl: replace },
  ];
}

function isoformat(vm: Vm, self: number, a: readonly number[], kw: Kwargs | null): number {
  if (!isDatetime(vm, self)) return strNew(vm, isoText(vm, self));
  const sep = a[0] ?? kw?.get('sep');
  const spec = a[1] ?? kw?.get('timespec');
  return strNew(vm, isoText(vm, self, sep ? strValue(vm, sep) : 'T', spec ? strValue(vm, spec) : 'auto'));
}

const FIELD_NAMES = ['year', 'month', 'day', 'hour', 'minute', 'second', 'microsecond', 'tzinfo'] as const;

function replace(vm: Vm, self: number, a: readonly number[], kw: Kwargs | null): number {
  const f = { ...dateFields(vm, self) };
  const dt = isDatetime(vm, self);
  const names = dt ? FIELD_NAMES : FIELD_NAMES.slice(0, 3);
  const keys = ['y', 'mo', 'd', 'h', 'mi', 's', 'us'] as const;
  const get = (i: number): number => a[i] ?? kw?.get(names[i]) ?? 0;
  for (let i = 0; i < names.length; i++) {
    const v = get(i);
    if (v === 0) continue;
    if (i === 7) f.tz = tzArg(vm, v);
    else f[keys[i]] = intArg(vm, v, 0);
  }
  if (kw)
    for (const k of kw.keys())
      if (!(names as readonly string[]).includes(k))
        throw typeError(vm, "'%s' is an invalid keyword argument for replace()", k);
  checkFields(vm, f);
  return dateNew(vm, f, vm.typeOf(self).mro.includes(datetimeType(vm).id) ? datetimeType(vm) : dateType(vm));
}

export function datetimeMethods(importModule: (name: string) => number): MethodDef[] {
  const nowImpl = (vm: Vm, t: number, a: readonly number[], kw: Kwargs | null): number => {
    const tz = tzArg(vm, a[0] ?? kw?.get('tz') ?? 0);
    return datetimeFromTimestamp(vm, cls(vm, t), now(vm), tz);
  };
  return [
    { name: 'now', flags: Meth.Fastcall | Meth.Keywords | Meth.Class, impl: nowImpl },
    {
      name: 'strptime',
      flags: Meth.Varargs | Meth.Class,
      impl: (vm, t, a) => strptime(vm, cls(vm, t), a, importModule, (n) => findModule(n) !== undefined),
    },
    {
      name: 'utcnow',
      flags: Meth.NoArgs | Meth.Class,
      impl: (vm, t) => datetimeFromTimestamp(vm, cls(vm, t), now(vm), 0),
    },
    {
      name: 'today',
      flags: Meth.NoArgs | Meth.Class,
      impl: (vm, t) => datetimeFromTimestamp(vm, cls(vm, t), now(vm), 0),
    },
    {
      name: 'fromtimestamp',
      flags: Meth.Fastcall | Meth.Keywords | Meth.Class,
      impl: (vm, t, a, kw) =>
        datetimeFromTimestamp(vm, cls(vm, t), asDouble(vm, a[0]), tzArg(vm, a[1] ?? kw?.get('tz') ?? 0)),
    },
    {
      name: 'utcfromtimestamp',
      flags: Meth.O | Meth.Class,
      impl: (vm, t, a) => datetimeFromTimestamp(vm, cls(vm, t), asDouble(vm, a[0]), 0),
    },
    {
      name: 'timestamp',
      flags: Meth.NoArgs,
      impl: (vm, self) => fromDouble(vm, posixSeconds(vm, dateFields(vm, self))),
    },
    { name: 'date', flags: Meth.NoArgs, impl: (vm, self) => dateNew(vm, dateFields(vm, self), dateType(vm)) },
    {
      name: 'utcoffset',
      flags: Meth.NoArgs,
      impl: (vm, self) => {
        const off = utcOffset(vm, dateFields(vm, self));
        return off === null ? vm.s.None : deltaFromMicros(vm, off);
      },
    },
    {
      name: 'tzname',
      flags: Meth.NoArgs,
      impl: (vm, self) => {
        const tz = dateFields(vm, self).tz;
        return tz ? strNew(vm, tzName(vm, tz)) : vm.s.None;
      },
    },
  ];
}

export const deltaMethods = (): MethodDef[] => [
  { name: 'total_seconds', flags: Meth.NoArgs, impl: totalSeconds },
];

/** The getters of the value types (small ints: the cached ones mostly). */
export function dateGetters(): Record<string, { name: string; get: (vm: Vm, h: number) => number }> {
  const g = (name: string, f: (x: DateFields) => number) => ({
    name,
    get: (vm: Vm, h: number) => fromLong(vm, f(dateFields(vm, h))),
  });
  return { year: g('year', (x) => x.y), month: g('month', (x) => x.mo), day: g('day', (x) => x.d) };
}

export function datetimeGetters(): Record<string, { name: string; get: (vm: Vm, h: number) => number }> {
  const g = (name: string, f: (x: DateFields) => number) => ({
    name,
    get: (vm: Vm, h: number) => fromLong(vm, f(dateFields(vm, h))),
  });
  return {
    hour: g('hour', (x) => x.h),
    minute: g('minute', (x) => x.mi),
    second: g('second', (x) => x.s),
    microsecond: g('microsecond', (x) => x.us),
    fold: g('fold', (x) => x.fold),
    tzinfo: {
      name: 'tzinfo',
      get: (vm, h) => {
        const tz = dateFields(vm, h).tz || vm.s.None;
        vm.incref(tz);
        return tz;
      },
    },
  };
}

export function deltaGetters(): Record<string, { name: string; get: (vm: Vm, h: number) => number }> {
  return {
    days: { name: 'days', get: (vm, h) => fromLong(vm, deltaFields(vm, h).days) },
    seconds: { name: 'seconds', get: (vm, h) => fromLong(vm, deltaFields(vm, h).secs) },
    microseconds: { name: 'microseconds', get: (vm, h) => fromLong(vm, deltaFields(vm, h).us) },
  };
}

export { intArg };
