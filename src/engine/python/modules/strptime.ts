import { typeError, valueError } from '../abstract/errors';
import { NotSupported } from '../errors';
import type { DateFields } from '../objects/datetimecal';
import { daysInMonth, fromOrdinal, toOrdinal } from '../objects/datetimecal';
import { dateNew } from '../objects/datetimetypes';
import { strValue } from '../objects/str';
import { T, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { importCost } from './footprint';

/**
 * datetime.strptime: _datetime imports the pure-Python _strptime on the first call (its import
 * footprint replayed here then: 3,364 pymalloc calls on 3.11.7, with locale and calendar), and
 * _strptime._strptime_datetime parses with a regex it builds from the format in the C locale,
 * then calls cls(*fields). What stays is the datetime (40 bytes); not allocated here: the
 * parse's transients, and the regex cache's entries (measured with tracemalloc on 3.11.7: 12 KB
 * kept by the first call, 2.1 KB per new format).
 */

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** TimeRE's patterns in the C locale (group names as _strptime's). */
const DIRECTIVES: Record<string, string> = {
  d: '(?<d>3[01]|[12]\\d|0[1-9]|[1-9]| [1-9])',
  f: '(?<f>[0-9]{1,6})',
  H: '(?<H>2[0-3]|[0-1]\\d|\\d)',
  I: '(?<I>1[0-2]|0[1-9]|[1-9])',
  j: '(?<j>36[0-6]|3[0-5]\\d|[12]\\d\\d|0[1-9]\\d|00[1-9]|[1-9]\\d|0[1-9]|[1-9])',
  m: '(?<m>1[0-2]|0[1-9]|[1-9])',
  M: '(?<M>[0-5]\\d|\\d)',
  S: '(?<S>6[0-1]|[0-5]\\d|\\d)',
  w: '(?<w>[0-6])',
  u: '(?<u>[1-7])',
  y: '(?<y>\\d\\d)',
  Y: '(?<Y>\\d\\d\\d\\d)',
  z: '(?<z>[+-]\\d\\d:?[0-5]\\d(:?[0-5]\\d(\\.\\d{1,6})?)?|(?-i:Z))',
  A: `(?<A>${DAYS.join('|')})`,
  a: `(?<a>${DAYS.map((d) => d.slice(0, 3)).join('|')})`,
  B: `(?<B>${MONTHS.join('|')})`,
  b: `(?<b>${MONTHS.map((d) => d.slice(0, 3)).join('|')})`,
  p: '(?<p>am|pm)',
  '%': '%',
};
/** The C locale's composite directives, as TimeRE expands them. */
const COMPOSITE: Record<string, string> = {
  c: '%a %b %d %H:%M:%S %Y',
  x: '%m/%d/%y',
  X: '%H:%M:%S',
  D: '%m/%d/%y',
  T: '%H:%M:%S',
  F: '%Y-%m-%d',
  R: '%H:%M',
};

function patternOf(vm: Vm, format: string): RegExp {
  let fmt = format;
  for (let k = 0; k < 2; k++) fmt = fmt.replace(/%([cxXDTFR])/g, (_m, c: string) => COMPOSITE[c]);
  let out = '';
  const seen = new Set<string>();
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c !== '%') {
      out += /\s/.test(c) ? '\\s+' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      continue;
    }
    const d = fmt[++i];
    if (d === undefined) throw valueError(vm, "stray % in format '%s'", format);
    const p = DIRECTIVES[d];
    if (p === undefined) {
      if (d === 'Z' || d === 'U' || d === 'W' || d === 'G' || d === 'V')
        throw new NotSupported(`datetime.strptime directive %${d}`);
      throw valueError(vm, "'%s' is a bad directive in format '%s'", d, `%${d}`);
    }
    if (d !== '%' && seen.has(d)) throw new NotSupported(`datetime.strptime with %${d} twice`);
    seen.add(d);
    out += p;
  }
  return new RegExp(`^(?:${out})`, 'i');
}

const pyRepr = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** _strptime: the fields, with its defaults (1900-01-01) and its messages. */
function parse(vm: Vm, text: string, format: string): DateFields {
  const re = patternOf(vm, format);
  const m = re.exec(text);
  if (m === null) throw valueError(vm, 'time data %s does not match format %s', pyRepr(text), pyRepr(format));
  if (m[0].length !== text.length)
    throw valueError(vm, 'unconverted data remains: %.400s', text.slice(m[0].length));
  const g = m.groups ?? {};
  let y = 1900;
  let mo = 1;
  let d = 1;
  let h = 0;
  if (g.Y !== undefined) y = Number(g.Y);
  else if (g.y !== undefined) y = Number(g.y) + (Number(g.y) <= 68 ? 2000 : 1900);
  if (g.m !== undefined) mo = Number(g.m);
  else if (g.B !== undefined) mo = MONTHS.indexOf(g.B.toLowerCase()) + 1;
  else if (g.b !== undefined) mo = MONTHS.findIndex((x) => x.startsWith(g.b.toLowerCase())) + 1;
  if (g.d !== undefined) d = Number(g.d);
  if (g.H !== undefined) h = Number(g.H);
  else if (g.I !== undefined) {
    h = Number(g.I) % 12;
    if (g.p !== undefined && g.p.toLowerCase() === 'pm') h += 12;
  }
  if (g.j !== undefined && g.m === undefined && g.d === undefined) {
    [y, mo, d] = fromOrdinal(toOrdinal(y, 1, 1) + Number(g.j) - 1);
  }
  if (g.z !== undefined) throw new NotSupported('datetime.strptime with %z (an aware result)');
  const us = g.f !== undefined ? Number(g.f.padEnd(6, '0')) : 0;
  if (d > daysInMonth(y, mo)) throw valueError(vm, 'day is out of range for month');
  return { y, mo, d, h, mi: Number(g.M ?? 0), s: Math.min(Number(g.S ?? 0), 59), us, tz: 0, fold: 0 };
}

/** datetime.strptime(cls, string, format) (`importModule`: the one the module was loaded with). */
export function strptime(
  vm: Vm,
  cls: TypeSlots,
  a: readonly number[],
  importModule: (name: string) => number,
  modelled: (name: string) => boolean,
): number {
  if (a.length !== 2) throw typeError(vm, 'strptime() takes exactly 2 arguments (%zd given)', a.length);
  a.forEach((x, i) => {
    if (vm.table.type[x] !== T.Str)
      throw typeError(vm, 'strptime() argument %d must be str, not %.50s', i + 1, vm.typeOf(x).name);
  });
  importCost(vm, '_strptime', importModule, modelled);
  return dateNew(vm, parse(vm, strValue(vm, a[0]), strValue(vm, a[1])), cls);
}
