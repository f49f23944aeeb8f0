/**
 * The proleptic Gregorian calendar _datetime computes with (ymd_to_ord, ord_to_ymd, normalize_*),
 * written from the definitions (days from 0001-01-01 = ordinal 1), and the text of isoformat,
 * str() and repr() of the three value types.
 */

export interface DateFields {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  us: number;
  /** tzinfo (a strong reference, a timezone), 0 when naive. */
  tz: number;
  fold: number;
}

export interface DeltaFields {
  days: number;
  secs: number;
  us: number;
}

export const MINYEAR = 1;
export const MAXYEAR = 9999;
export const MAX_DELTA_DAYS = 999_999_999;

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DAYS_BEFORE_MONTH = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

export const isLeap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
export const daysInMonth = (y: number, m: number): number => (m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m]);

const daysBeforeYear = (y: number): number => {
  const p = y - 1;
  return p * 365 + Math.floor(p / 4) - Math.floor(p / 100) + Math.floor(p / 400);
};

/** ymd_to_ord: 0001-01-01 is 1. */
export function toOrdinal(y: number, m: number, d: number): number {
  return daysBeforeYear(y) + DAYS_BEFORE_MONTH[m] + (m > 2 && isLeap(y) ? 1 : 0) + d;
}

/** ord_to_ymd. */
export function fromOrdinal(n: number): [number, number, number] {
  // 400-year cycles of 146,097 days, then centuries, 4-year cycles and years
  let k = n - 1;
  const n400 = Math.floor(k / 146097);
  k -= n400 * 146097;
  const n100 = Math.floor(k / 36524);
  k -= n100 * 36524;
  const n4 = Math.floor(k / 1461);
  k -= n4 * 1461;
  const n1 = Math.floor(k / 365);
  k -= n1 * 365;
  const y = n400 * 400 + n100 * 100 + n4 * 4 + n1 + 1;
  // the last day of a 4-year or 400-year cycle
  if (n1 === 4 || n100 === 4) return [y - 1, 12, 31];
  const leap = isLeap(y);
  let m = 1;
  for (;;) {
    const dim = m === 2 && leap ? 29 : DAYS_IN_MONTH[m];
    if (k < dim) break;
    k -= dim;
    m++;
  }
  return [y, m, k + 1];
}

/** Monday is 0 (date.weekday). */
export const weekday = (y: number, m: number, d: number): number => (toOrdinal(y, m, d) + 6) % 7;

/** The ordinal of 1970-01-01. */
export const EPOCH_ORDINAL = toOrdinal(1970, 1, 1);

const US_PER_DAY = 86_400_000_000n;

/** Microseconds since 0001-01-01 00:00 of the fields (the local clock, offsets aside): past 2**53, a bigint. */
export function fieldsToMicros(f: DateFields): bigint {
  const days = BigInt(toOrdinal(f.y, f.mo, f.d));
  return days * US_PER_DAY + BigInt(((f.h * 60 + f.mi) * 60 + f.s) * 1_000_000 + f.us);
}

/** Microseconds since the Unix epoch of the fields (offsets aside). */
export const epochMicros = (f: DateFields): bigint => fieldsToMicros(f) - BigInt(EPOCH_ORDINAL) * US_PER_DAY;

/** The fields of microseconds since 0001-01-01 00:00 (no tzinfo). */
export function microsToFields(t: bigint): DateFields {
  let days = t / US_PER_DAY;
  if (days * US_PER_DAY > t) days -= 1n;
  let rest = Number(t - days * US_PER_DAY);
  const [y, mo, d] = fromOrdinal(Number(days));
  const h = Math.floor(rest / 3_600_000_000);
  rest -= h * 3_600_000_000;
  const mi = Math.floor(rest / 60_000_000);
  rest -= mi * 60_000_000;
  const s = Math.floor(rest / 1_000_000);
  return { y, mo, d, h, mi, s, us: rest - s * 1_000_000, tz: 0, fold: 0 };
}

/** A difference in microseconds as timedelta fields (days, seconds, microseconds). */
export function splitMicros(t: bigint): [number, number, number] {
  let days = t / US_PER_DAY;
  if (days * US_PER_DAY > t) days -= 1n;
  const rest = Number(t - days * US_PER_DAY);
  return [Number(days), Math.floor(rest / 1_000_000), rest % 1_000_000];
}

/** normalize_d_s_us: seconds in [0, 86400), microseconds in [0, 1e6); null past ±999,999,999 days. */
export function normalizeDelta(days: number, secs: number, us: number): DeltaFields | null {
  let s = secs + Math.floor(us / 1_000_000);
  const u = us - Math.floor(us / 1_000_000) * 1_000_000;
  const d = days + Math.floor(s / 86400);
  s -= Math.floor(s / 86400) * 86400;
  if (Math.abs(d) > MAX_DELTA_DAYS) return null;
  return { days: d, secs: s, us: u };
}

export const deltaMicros = (t: DeltaFields): number => (t.days * 86400 + t.secs) * 1_000_000 + t.us;

const p2 = (n: number): string => String(n).padStart(2, '0');

/** delta_str: "[-]D day[s], H:MM:SS[.ffffff]". */
export function deltaText(t: DeltaFields): string {
  const h = Math.floor(t.secs / 3600);
  const mi = Math.floor((t.secs % 3600) / 60);
  const s = t.secs % 60;
  let out = `${h}:${p2(mi)}:${p2(s)}`;
  if (t.us) out += `.${String(t.us).padStart(6, '0')}`;
  if (t.days) out = `${t.days} day${Math.abs(t.days) !== 1 ? 's' : ''}, ${out}`;
  return out;
}

/** delta_repr: the non-zero fields by keyword ("datetime.timedelta(0)" when all are zero). */
export function deltaRepr(t: DeltaFields): string {
  const parts: string[] = [];
  if (t.days) parts.push(`days=${t.days}`);
  if (t.secs) parts.push(`seconds=${t.secs}`);
  if (t.us) parts.push(`microseconds=${t.us}`);
  return `datetime.timedelta(${parts.length ? parts.join(', ') : '0'})`;
}

/** format_utcoffset: "+HH:MM[:SS[.ffffff]]" of an offset in microseconds. */
export function offsetText(us: number, sep = ':'): string {
  const sign = us < 0 ? '-' : '+';
  let a = Math.abs(us);
  const micro = a % 1_000_000;
  a = Math.floor(a / 1_000_000);
  const h = Math.floor(a / 3600);
  const mi = Math.floor((a % 3600) / 60);
  const s = a % 60;
  let out = `${sign}${p2(h)}${sep}${p2(mi)}`;
  if (s || micro) out += `${sep}${p2(s)}`;
  if (micro) out += `.${String(micro).padStart(6, '0')}`;
  return out;
}
