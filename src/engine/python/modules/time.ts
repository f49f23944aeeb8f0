import { raiseString, typeError, valueError } from '../abstract/errors';
import { unicodeFromFormat } from '../abstract/fromformat';
import { E } from '../objects/exctypes';
import { fromDouble } from '../objects/float';
import { fromLong, intValue, norm } from '../objects/int';
import { strNew, strValue } from '../objects/str';
import { structSeqNew, structSeqType, type StructSeqDesc } from '../objects/structseq';
import { moduleType } from '../objects/modtypes';
import { tupleItems } from '../objects/tuple';
import { Meth, type MethodDef } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { asDouble } from './math';
import { makeModule } from './module';
import type { ModuleSpec } from './registry';
import { cpuNs, monotonicNs, sleepNs, wallNs, wallSeconds } from './simclock';

/**
 * time (Modules/timemodule.c, 3.11; loaded at start-up): the clocks read the simulated clock
 * (simclock.ts), time.sleep advances it and costs nothing. Floats and ints as CPython makes them
 * (time_ns: PyLong_FromLongLong, 3 digits; the monotonic ns: 2), struct_time as a struct sequence
 * (16 + 24 + 11 × 8 bytes, its year and day-of-year ints, the zone's str), strftime's wide-char
 * copy of the format and its 1024-wchar buffer, ctime/asctime through PyUnicode_FromFormat. The
 * process's time zone is UTC.
 */

const STRUCT_TIME: StructSeqDesc = {
  name: 'struct_time',
  module: 'time',
  fields: [
    'tm_year',
    'tm_mon',
    'tm_mday',
    'tm_hour',
    'tm_min',
    'tm_sec',
    'tm_wday',
    'tm_yday',
    'tm_isdst',
    'tm_zone',
    'tm_gmtoff',
  ],
  visible: 9,
};
const StructTimeType = structSeqType(STRUCT_TIME);

/** tmtotuple: the struct_time, then its fields in order (the zone decoded from the C string). */
export function structTime(vm: Vm, secs: number): number {
  const d = new Date(Math.floor(secs) * 1000);
  if (Number.isNaN(d.getTime()))
    throw raiseString(vm, E.OverflowError, 'timestamp out of range for platform time_t');
  const start = Date.UTC(d.getUTCFullYear(), 0, 1);
  const yday = Math.floor((d.getTime() - start) / 86400000) + 1;
  const h = structSeqNew(vm, StructTimeType, STRUCT_TIME, []);
  const off = vm.table.ref[h];
  const vals = [
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    (d.getUTCDay() + 6) % 7,
    yday,
    0,
  ];
  vals.forEach((v, i) => (vm.pool.data[off + i] = fromLong(vm, v)));
  vm.pool.data[off + 9] = strNew(vm, 'UTC');
  vm.pool.data[off + 10] = vm.s.smallInt(0);
  return h;
}

/** The seconds of an optional argument (None or absent: now). */
function secondsArg(vm: Vm, a: readonly number[]): number {
  if (a.length === 0 || a[0] === vm.s.None) return wallSeconds(vm);
  return asDouble(vm, a[0]);
}

/** The fields of a struct_time or 9-tuple argument (gettmarg: "iiiiiiiii", 9 units: getargs' freelist). */
function tmFields(vm: Vm, t: number): number[] {
  const items = Array.from(tupleItems(vm, t)).slice(0, 9);
  if (items.length !== 9)
    throw typeError(vm, 'time.struct_time() takes a sequence of length 9, not %zd', items.length);
  const p = vm.mem.malloc(16 * 9);
  vm.mem.free(p);
  return items.map((x) => Number(intValue(vm, x)));
}

const WDAY = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** _asctime: PyUnicode_FromFormat("%s %s%3d %.2d:%.2d:%.2d %d", …). */
function asctimeOf(vm: Vm, f: number[]): number {
  return unicodeFromFormat(vm, '%s %s%3d %.2d:%.2d:%.2d %d', [
    WDAY[f[6]],
    MON[f[1] - 1],
    f[2],
    f[3],
    f[4],
    f[5],
    f[0],
  ]);
}

function fieldsOfSeconds(secs: number): number[] {
  const d = new Date(Math.floor(secs) * 1000);
  return [
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    (d.getUTCDay() + 6) % 7,
  ];
}

/** A strftime directive for the fields (the C library's, in the C locale). */
function strftimeText(fmt: string, f: number[]): string {
  const [Y, mo, d, H, Mi, S, wd] = f;
  const p2 = (n: number): string => String(n).padStart(2, '0');
  const date = new Date(Date.UTC(Y, mo - 1, d, H, Mi, S));
  const yday = Math.floor((date.getTime() - Date.UTC(Y, 0, 1)) / 86400000) + 1;
  const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  return fmt.replace(/%([a-zA-Z%])/g, (_m, c: string) => {
    switch (c) {
      case 'Y':
        return String(Y);
      case 'y':
        return p2(Y % 100);
      case 'm':
        return p2(mo);
      case 'd':
        return p2(d);
      case 'H':
        return p2(H);
      case 'I':
        return p2(H % 12 || 12);
      case 'M':
        return p2(Mi);
      case 'S':
        return p2(S);
      case 'p':
        return H < 12 ? 'AM' : 'PM';
      case 'a':
        return WDAY[wd];
      case 'A':
        return days[wd];
      case 'b':
        return MON[mo - 1];
      case 'B':
        return months[mo - 1];
      case 'j':
        return String(yday).padStart(3, '0');
      case 'Z':
        return 'UTC';
      case 'z':
        return '+0000';
      case 'c':
        return `${WDAY[wd]} ${MON[mo - 1]} ${String(d).padStart(2, ' ')} ${p2(H)}:${p2(Mi)}:${p2(S)} ${Y}`;
      case 'x':
        return `${p2(mo)}/${p2(d)}/${p2(Y % 100)}`;
      case 'X':
        return `${p2(H)}:${p2(Mi)}:${p2(S)}`;
      case 'F':
        return `${Y}-${p2(mo)}-${p2(d)}`;
      case 'T':
        return `${p2(H)}:${p2(Mi)}:${p2(S)}`;
      case '%':
        return '%';
      default:
        return `%${c}`;
    }
  });
}

/**
 * strftime(format[, t]) (METH_VARARGS): the format as a wide-char string (PyMem, (len + 1) × 4),
 * a 1024-wchar buffer (doubled while too small), the result, both buffers freed.
 */
export function strftime(vm: Vm, _m: number, a: readonly number[]): number {
  if (a.length < 1 || a.length > 2) throw typeError(vm, 'strftime expected 1 or 2 arguments');
  const fmt = strValue(vm, a[0]);
  const f = a.length > 1 ? tmFields(vm, a[1]) : fieldsOfSeconds(wallSeconds(vm));
  const wfmt = vm.mem.malloc((fmt.length + 1) * 4);
  const text = strftimeText(fmt, f);
  let size = 1024;
  while (text.length >= size && size < 256 * Math.max(1, fmt.length)) {
    vm.mem.free(vm.mem.malloc(size * 4));
    size *= 2;
  }
  const buf = vm.mem.malloc(size * 4);
  const r = strNew(vm, text);
  vm.mem.free(buf);
  vm.mem.free(wfmt);
  return r;
}

/** mktime(t): the fields, the float seconds. */
function mktime(vm: Vm, _m: number, a: readonly number[]): number {
  const f = tmFields(vm, a[0]);
  return fromDouble(vm, Date.UTC(f[0], f[1] - 1, f[2], f[3], f[4], f[5]) / 1000);
}

const ns = (vm: Vm, v: number): number => fromLong(vm, norm(BigInt(Math.round(v))));

const FUNCTIONS: MethodDef[] = [
  { name: 'time', flags: Meth.NoArgs, impl: (vm) => fromDouble(vm, wallSeconds(vm)) },
  { name: 'time_ns', flags: Meth.NoArgs, impl: (vm) => fromLong(vm, norm(wallNs(vm))) },
  {
    name: 'perf_counter',
    flags: Meth.NoArgs,
    impl: (vm) => fromDouble(vm, monotonicNs(vm) / 1e9),
  },
  { name: 'perf_counter_ns', flags: Meth.NoArgs, impl: (vm) => ns(vm, monotonicNs(vm)) },
  {
    name: 'monotonic',
    flags: Meth.NoArgs,
    impl: (vm) => fromDouble(vm, monotonicNs(vm) / 1e9),
  },
  { name: 'monotonic_ns', flags: Meth.NoArgs, impl: (vm) => ns(vm, monotonicNs(vm)) },
  { name: 'process_time', flags: Meth.NoArgs, impl: (vm) => fromDouble(vm, cpuNs(vm) / 1e9) },
  { name: 'process_time_ns', flags: Meth.NoArgs, impl: (vm) => ns(vm, cpuNs(vm)) },
  { name: 'thread_time', flags: Meth.NoArgs, impl: (vm) => fromDouble(vm, cpuNs(vm) / 1e9) },
  { name: 'thread_time_ns', flags: Meth.NoArgs, impl: (vm) => ns(vm, cpuNs(vm)) },
  {
    name: 'sleep',
    flags: Meth.O,
    impl: (vm, _m, a) => {
      const s = asDouble(vm, a[0]);
      if (s < 0) throw valueError(vm, 'sleep length must be non-negative');
      sleepNs(vm, Math.round(s * 1e9));
      return vm.s.None;
    },
  },
  { name: 'localtime', flags: Meth.Varargs, impl: (vm, _m, a) => structTime(vm, secondsArg(vm, a)) },
  { name: 'gmtime', flags: Meth.Varargs, impl: (vm, _m, a) => structTime(vm, secondsArg(vm, a)) },
  { name: 'mktime', flags: Meth.O, impl: mktime },
  { name: 'strftime', flags: Meth.Varargs, impl: strftime },
  {
    name: 'asctime',
    flags: Meth.Varargs,
    impl: (vm, _m, a) =>
      asctimeOf(vm, a.length && a[0] !== vm.s.None ? tmFields(vm, a[0]) : fieldsOfSeconds(wallSeconds(vm))),
  },
  {
    name: 'ctime',
    flags: Meth.Varargs,
    impl: (vm, _m, a) => asctimeOf(vm, fieldsOfSeconds(secondsArg(vm, a))),
  },
];

export const timeModule: ModuleSpec = {
  name: 'time',
  load: (vm) =>
    makeModule(vm, 'time', FUNCTIONS, {
      struct_time: moduleType(vm, StructTimeType).typeObject,
      timezone: vm.s.smallInt(0),
      altzone: vm.s.smallInt(0),
      daylight: vm.s.smallInt(0),
    }),
};
