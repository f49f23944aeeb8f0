import type { Expr } from './sqliteast';
import { SqlUnsupported } from './sqlitelex';
import {
  applyAffinity,
  compareValues,
  realText,
  utf8Length,
  type Affinity,
  type SqlValue,
} from './sqlitevalue';

/**
 * Expressions as SQLite's VDBE evaluates them (vdbe.c's arithmetic and comparison ops, func.c's
 * built-in functions): integer arithmetic in 64 bits (an overflow becomes REAL), integer division
 * truncating, a division by zero NULL, comparisons applying the column's affinity to the other
 * side first, three-valued logic.
 */
export class SqlError extends Error {
  constructor(
    message: string,
    readonly kind:
      'OperationalError' | 'IntegrityError' | 'ProgrammingError' | 'DataError' = 'OperationalError',
  ) {
    super(message);
  }
}

export interface Env {
  /** A column's value and affinity in the current row. */
  column(name: string, table: string | null): { v: SqlValue; aff: Affinity | null };
  param(index: number): SqlValue;
  /** The rows of the current group (aggregate queries), each an Env. */
  group: Env[] | null;
}

const AGGREGATES = new Set(['count', 'sum', 'total', 'avg', 'min', 'max', 'group_concat']);

export function isAggregate(e: Expr): boolean {
  switch (e.k) {
    case 'fn':
      if (AGGREGATES.has(e.name) && (e.name !== 'min' && e.name !== 'max' ? true : e.args.length === 1))
        return true;
      return e.args.some(isAggregate);
    case 'bin':
      return isAggregate(e.l) || isAggregate(e.r);
    case 'un':
    case 'isnull':
    case 'cast':
      return isAggregate(e.e);
    case 'in':
      return isAggregate(e.e) || e.list.some(isAggregate);
    case 'between':
      return isAggregate(e.e) || isAggregate(e.lo) || isAggregate(e.hi);
    case 'like':
      return isAggregate(e.e) || isAggregate(e.pat);
    case 'case':
      return (
        (e.base !== null && isAggregate(e.base)) ||
        e.whens.some(([a, b]) => isAggregate(a) || isAggregate(b)) ||
        (e.else !== null && isAggregate(e.else))
      );
    default:
      return false;
  }
}

const I64_MIN = -(1n << 63n);
const I64_MAX = (1n << 63n) - 1n;

/** sqlite3AtoF's prefix rule: the leading number of a text, 0 when none. */
export function toNumber(v: SqlValue): bigint | number | null {
  if (v === null) return null;
  if (typeof v === 'bigint' || typeof v === 'number') return v;
  const s = typeof v === 'string' ? v : new TextDecoder().decode(v);
  const m = /^\s*([+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)/.exec(s);
  if (m === null) return 0n;
  if (/^[+-]?\d+$/.test(m[1])) {
    const b = BigInt(m[1]);
    return b >= I64_MIN && b <= I64_MAX ? b : Number(b);
  }
  return Number(m[1]);
}

export function truth(v: SqlValue): boolean | null {
  const n = toNumber(v);
  if (n === null) return null;
  return typeof n === 'bigint' ? n !== 0n : n !== 0;
}

function fromBool(b: boolean | null): SqlValue {
  return b === null ? null : b ? 1n : 0n;
}

export function asText(v: SqlValue): string | null {
  if (v === null) return null;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return realText(v);
  if (typeof v === 'string') return v;
  return new TextDecoder().decode(v);
}

function arith(op: string, a: SqlValue, b: SqlValue): SqlValue {
  const x = toNumber(a);
  const y = toNumber(b);
  if (x === null || y === null) return null;
  if (typeof x === 'bigint' && typeof y === 'bigint') {
    let r: bigint;
    if (op === '+') r = x + y;
    else if (op === '-') r = x - y;
    else if (op === '*') r = x * y;
    else if (op === '/') {
      if (y === 0n) return null;
      r = x / y;
    } else {
      if (y === 0n) return null;
      r = x % y;
    }
    return r >= I64_MIN && r <= I64_MAX ? r : Number(r);
  }
  const p = Number(x);
  const q = Number(y);
  if (op === '+') return p + q;
  if (op === '-') return p - q;
  if (op === '*') return p * q;
  if (q === 0) return null;
  if (op === '/') return p / q;
  const ip = BigInt(Math.trunc(p));
  const iq = BigInt(Math.trunc(q));
  return iq === 0n ? null : Number(ip % iq);
}

function affinityOfExpr(e: Expr, env: Env): Affinity | null {
  if (e.k === 'col') return env.column(e.name, e.table).aff;
  if (e.k === 'cast') return null;
  return null;
}

/** sqlite3's comparison affinity: a numeric column's affinity goes to the other side, else TEXT's. */
function compare(l: Expr, r: Expr, env: Env): number | null {
  let a = evaluate(l, env);
  let b = evaluate(r, env);
  if (a === null || b === null) return null;
  const fa = affinityOfExpr(l, env);
  const fb = affinityOfExpr(r, env);
  const numeric = (f: Affinity | null): boolean => f === 'integer' || f === 'real' || f === 'numeric';
  if (numeric(fa) && !numeric(fb)) b = applyAffinity(b, 'numeric');
  else if (numeric(fb) && !numeric(fa)) a = applyAffinity(a, 'numeric');
  else if (fa === 'text' && fb === null) b = applyAffinity(b, 'text');
  else if (fb === 'text' && fa === null) a = applyAffinity(a, 'text');
  return compareValues(a, b);
}

function likeMatch(pat: string, s: string, glob: boolean): boolean {
  let re = '^';
  for (const ch of pat) {
    if (!glob && ch === '%') re += '[\\s\\S]*';
    else if (!glob && ch === '_') re += '[\\s\\S]';
    else if (glob && ch === '*') re += '[\\s\\S]*';
    else if (glob && ch === '?') re += '[\\s\\S]';
    else re += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(re + '$', glob ? 'su' : 'isu').test(s);
}

export function evaluate(e: Expr, env: Env): SqlValue {
  switch (e.k) {
    case 'lit':
      return e.v;
    case 'param':
      return env.param(e.index);
    case 'col':
      return env.column(e.name, e.table).v;
    case 'un': {
      const v = evaluate(e.e, env);
      if (e.op === 'not') {
        const t = truth(v);
        return t === null ? null : fromBool(!t);
      }
      if (e.op === '-') return arith('-', 0n, v);
      const n = toNumber(v);
      return n === null ? null : ~BigInt(Math.trunc(Number(n)));
    }
    case 'bin':
      return binary(e, env);
    case 'isnull':
      return fromBool((evaluate(e.e, env) === null) !== e.not);
    case 'in': {
      const v = evaluate(e.e, env);
      if (v === null) return e.list.length === 0 ? fromBool(e.not) : null;
      let sawNull = false;
      for (const x of e.list) {
        const c = compare(e.e, x, env);
        if (c === 0) return fromBool(!e.not);
        if (c === null) sawNull = true;
      }
      return sawNull ? null : fromBool(e.not);
    }
    case 'between': {
      const lo = compare(e.e, e.lo, env);
      const hi = compare(e.e, e.hi, env);
      if (lo === null || hi === null) return null;
      return fromBool(lo >= 0 && hi <= 0 ? !e.not : e.not);
    }
    case 'like': {
      const s = asText(evaluate(e.e, env));
      const p = asText(evaluate(e.pat, env));
      if (s === null || p === null) return null;
      return fromBool(likeMatch(p, s, e.glob) !== e.not);
    }
    case 'case': {
      for (const [w, t] of e.whens) {
        const hit = e.base === null ? truth(evaluate(w, env)) === true : compare(e.base, w, env) === 0;
        if (hit) return evaluate(t, env);
      }
      return e.else === null ? null : evaluate(e.else, env);
    }
    case 'cast':
      return cast(evaluate(e.e, env), e.type);
    case 'fn':
      return call(e, env);
  }
}

function cast(v: SqlValue, type: string): SqlValue {
  if (v === null) return null;
  const t = type.toUpperCase();
  if (t.includes('INT')) {
    const n = toNumber(v);
    return typeof n === 'number' ? BigInt(Math.trunc(n)) : n;
  }
  if (t.includes('CHAR') || t.includes('TEXT') || t.includes('CLOB')) return asText(v);
  if (t.includes('REAL') || t.includes('FLOA') || t.includes('DOUB')) return Number(toNumber(v));
  if (t.includes('BLOB')) return typeof v === 'string' ? new TextEncoder().encode(v) : v;
  const n = toNumber(v);
  return typeof n === 'number' && Number.isInteger(n) ? BigInt(n) : n;
}

function binary(e: Extract<Expr, { k: 'bin' }>, env: Env): SqlValue {
  switch (e.op) {
    case 'and': {
      const a = truth(evaluate(e.l, env));
      if (a === false) return 0n;
      const b = truth(evaluate(e.r, env));
      if (b === false) return 0n;
      return a === null || b === null ? null : 1n;
    }
    case 'or': {
      const a = truth(evaluate(e.l, env));
      if (a === true) return 1n;
      const b = truth(evaluate(e.r, env));
      if (b === true) return 1n;
      return a === null || b === null ? null : 0n;
    }
    case '=':
    case '!=':
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const c = compare(e.l, e.r, env);
      if (c === null) return null;
      const ok =
        e.op === '='
          ? c === 0
          : e.op === '!='
            ? c !== 0
            : e.op === '<'
              ? c < 0
              : e.op === '<='
                ? c <= 0
                : e.op === '>'
                  ? c > 0
                  : c >= 0;
      return fromBool(ok);
    }
    case 'is':
    case 'isnot': {
      const a = evaluate(e.l, env);
      const b = evaluate(e.r, env);
      const same = a === null || b === null ? a === b : compare(e.l, e.r, env) === 0;
      return fromBool(same === (e.op === 'is'));
    }
    case '||': {
      const a = asText(evaluate(e.l, env));
      const b = asText(evaluate(e.r, env));
      return a === null || b === null ? null : a + b;
    }
    case '&':
    case '|':
    case '<<':
    case '>>': {
      const a = toNumber(evaluate(e.l, env));
      const b = toNumber(evaluate(e.r, env));
      if (a === null || b === null) return null;
      const x = BigInt.asIntN(64, BigInt(Math.trunc(Number(a))));
      const y = BigInt(Math.trunc(Number(b)));
      const r = e.op === '&' ? x & y : e.op === '|' ? x | y : e.op === '<<' ? x << y : x >> y;
      return BigInt.asIntN(64, r);
    }
    default:
      return arith(e.op, evaluate(e.l, env), evaluate(e.r, env));
  }
}

function aggregate(e: Extract<Expr, { k: 'fn' }>, env: Env): SqlValue {
  const rows = env.group ?? [env];
  if (e.star) return BigInt(rows.length);
  let values = rows.map((r) => evaluate(e.args[0], r)).filter((v) => v !== null);
  if (e.distinct) {
    const seen: SqlValue[] = [];
    values = values.filter((v) =>
      seen.some((s) => compareValues(s, v) === 0) ? false : (seen.push(v), true),
    );
  }
  switch (e.name) {
    case 'count':
      return BigInt(values.length);
    case 'min':
    case 'max': {
      if (values.length === 0) return null;
      let best = values[0];
      for (const v of values)
        if (e.name === 'min' ? compareValues(v, best) < 0 : compareValues(v, best) > 0) best = v;
      return best;
    }
    case 'sum':
    case 'total':
    case 'avg': {
      if (values.length === 0) return e.name === 'sum' ? null : e.name === 'total' ? 0 : null;
      const nums = values.map(toNumber) as (bigint | number)[];
      const allInt = nums.every((n) => typeof n === 'bigint');
      if (allInt && e.name === 'sum') {
        const s = (nums as bigint[]).reduce((a, b) => a + b, 0n);
        if (s > I64_MAX || s < I64_MIN) throw new SqlError('integer overflow');
        return s;
      }
      const s = nums.reduce<number>((a, b) => a + Number(b), 0);
      return e.name === 'avg' ? s / nums.length : s;
    }
    default: {
      const sep = e.args.length > 1 ? (asText(evaluate(e.args[1], rows[0] ?? env)) ?? '') : ',';
      return values.length === 0 ? null : values.map(asText).join(sep);
    }
  }
}

function call(e: Extract<Expr, { k: 'fn' }>, env: Env): SqlValue {
  if (AGGREGATES.has(e.name) && !((e.name === 'min' || e.name === 'max') && e.args.length > 1)) {
    if (e.name === 'count' && !e.star && e.args.length !== 1)
      throw new SqlError(`wrong number of arguments to function count()`);
    return aggregate(e, env);
  }
  const a = e.args.map((x) => evaluate(x, env));
  const need = (n: number, m = n): void => {
    if (a.length < n || a.length > m) throw new SqlError(`wrong number of arguments to function ${e.name}()`);
  };
  switch (e.name) {
    case 'min':
    case 'max': {
      if (a.includes(null)) return null;
      return a.reduce((x, y) =>
        (e.name === 'min' ? compareValues(y, x) < 0 : compareValues(y, x) > 0) ? y : x,
      );
    }
    case 'abs': {
      need(1);
      const n = toNumber(a[0]);
      if (n === null) return null;
      return typeof n === 'bigint' ? (n < 0n ? -n : n) : Math.abs(n);
    }
    case 'length': {
      need(1);
      const v = a[0];
      if (v === null) return null;
      if (v instanceof Uint8Array) return BigInt(v.length);
      return BigInt([...asText(v)!].length);
    }
    case 'octet_length':
      need(1);
      return a[0] === null
        ? null
        : BigInt(a[0] instanceof Uint8Array ? a[0].length : utf8Length(asText(a[0])!));
    case 'lower':
    case 'upper': {
      need(1);
      const s = asText(a[0]);
      if (s === null) return null;
      return e.name === 'lower'
        ? s.replace(/[A-Z]/g, (c) => c.toLowerCase())
        : s.replace(/[a-z]/g, (c) => c.toUpperCase());
    }
    case 'coalesce':
    case 'ifnull':
      return a.find((v) => v !== null) ?? null;
    case 'nullif':
      need(2);
      return a[0] !== null && a[1] !== null && compareValues(a[0], a[1]) === 0 ? null : a[0];
    case 'iif':
      need(3);
      return truth(a[0]) === true ? a[1] : a[2];
    case 'round': {
      need(1, 2);
      const n = toNumber(a[0]);
      if (n === null) return null;
      const d = a.length > 1 ? Number(toNumber(a[1]) ?? 0) : 0;
      const f = 10 ** Math.max(0, d);
      const x = Number(n);
      return (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
    }
    case 'substr':
    case 'substring': {
      need(2, 3);
      const s = asText(a[0]);
      if (s === null) return null;
      const chars = [...s];
      let start = Number(toNumber(a[1]) ?? 0);
      let len = a.length > 2 ? Number(toNumber(a[2]) ?? 0) : chars.length + 1;
      if (start < 0) start = chars.length + start + 1;
      else if (start === 0) len -= 1;
      const from = Math.max(start - 1, 0);
      return chars.slice(from, Math.max(from, start - 1 + len)).join('');
    }
    case 'trim':
    case 'ltrim':
    case 'rtrim': {
      const s = asText(a[0]);
      if (s === null) return null;
      const set = a.length > 1 ? (asText(a[1]) ?? '') : ' ';
      let i = 0;
      let j = s.length;
      if (e.name !== 'rtrim') while (i < j && set.includes(s[i])) i++;
      if (e.name !== 'ltrim') while (j > i && set.includes(s[j - 1])) j--;
      return s.slice(i, j);
    }
    case 'replace': {
      need(3);
      const [s, f, t] = a.map(asText);
      if (s === null || f === null || t === null) return null;
      return f === '' ? s : s.split(f).join(t);
    }
    case 'instr': {
      need(2);
      const [s, f] = a.map(asText);
      if (s === null || f === null) return null;
      const at = s.indexOf(f);
      return BigInt(at < 0 ? 0 : [...s.slice(0, at)].length + 1);
    }
    case 'typeof':
      need(1);
      return a[0] === null
        ? 'null'
        : typeof a[0] === 'bigint'
          ? 'integer'
          : typeof a[0] === 'number'
            ? 'real'
            : typeof a[0] === 'string'
              ? 'text'
              : 'blob';
    case 'hex': {
      need(1);
      const v = a[0];
      const b = v instanceof Uint8Array ? v : new TextEncoder().encode(asText(v) ?? '');
      return Array.from(b, (x) => x.toString(16).toUpperCase().padStart(2, '0')).join('');
    }
    case 'sqlite_version':
      return '3.40.1';
    default:
      throw new SqlUnsupported(`the SQL function ${e.name}()`);
  }
}
