/**
 * SQLite's values (INTEGER as bigint, REAL as number, TEXT, BLOB, NULL), column affinity
 * (sqlite3AffinityType's rules), comparison (sqlite3MemCompare: NULL < numbers < text < blob) and
 * the on-disk record format's sizes (serial types, varints), which decide how many 4,096-byte pages
 * a table takes and so how much memory an in-memory database holds.
 */
export type SqlValue = null | bigint | number | string | Uint8Array;

export type Affinity = 'integer' | 'real' | 'numeric' | 'text' | 'blob';

/** sqlite3AffinityType: the declared type's substrings, in this order. */
export function affinityOf(declared: string): Affinity {
  const t = declared.toUpperCase();
  if (t.includes('INT')) return 'integer';
  if (t.includes('CHAR') || t.includes('CLOB') || t.includes('TEXT')) return 'text';
  if (t.includes('BLOB') || t === '') return 'blob';
  if (t.includes('REAL') || t.includes('FLOA') || t.includes('DOUB')) return 'real';
  return 'numeric';
}

const NUMERIC_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/** applyAffinity: what a column of this affinity stores for the value. */
export function applyAffinity(v: SqlValue, a: Affinity): SqlValue {
  if (a === 'text') {
    if (typeof v === 'bigint') return v.toString();
    if (typeof v === 'number') return realText(v);
    return v;
  }
  if (a === 'integer' || a === 'numeric' || a === 'real') {
    if (typeof v === 'string' && NUMERIC_TEXT.test(v)) {
      const t = v.trim();
      if (/^[+-]?\d+$/.test(t)) {
        const b = BigInt(t);
        if (b >= -(1n << 63n) && b < 1n << 63n) return a === 'real' ? Number(b) : b;
      }
      const n = Number(t);
      return a !== 'real' && Number.isInteger(n) && Math.abs(n) < 2 ** 53 ? BigInt(n) : n;
    }
    if (a === 'real' && typeof v === 'bigint') return Number(v);
    if (a !== 'real' && typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 2 ** 53)
      return BigInt(v);
  }
  return v;
}

/** sqlite3's "%!.15g" for a REAL shown as text. */
export function realText(v: number): string {
  if (!Number.isFinite(v)) return v > 0 ? 'Inf' : v < 0 ? '-Inf' : 'NaN';
  let s = Number(v.toPrecision(15)).toString();
  if (/e/.test(s)) {
    const [m, e] = s.split('e');
    s = `${m.includes('.') ? m : m + '.0'}e${e[0] === '-' ? '-' : '+'}${e.replace(/^[+-]/, '').padStart(2, '0')}`;
  } else if (!s.includes('.')) s += '.0';
  return s;
}

function rank(v: SqlValue): number {
  if (v === null) return 0;
  if (typeof v === 'bigint' || typeof v === 'number') return 1;
  if (typeof v === 'string') return 2;
  return 3;
}

/** sqlite3MemCompare with the BINARY collation. */
export function compareValues(a: SqlValue, b: SqlValue): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return 0;
  if (ra === 1) {
    if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
    const x = Number(a);
    const y = Number(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (ra === 2) return utf8Compare(a as string, b as string);
  const x = a as Uint8Array;
  const y = b as Uint8Array;
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

function utf8Compare(a: string, b: string): number {
  // memcmp of UTF-8 orders as code points do
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
  }
  return a.length - b.length;
}

export function varintLen(v: bigint | number): number {
  let u = BigInt(v);
  if (u < 0n) return 9;
  let n = 1;
  while (u > 0x7fn && n < 9) {
    u >>= 7n;
    n++;
  }
  return n;
}

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** sqlite3VdbeSerialType → [serial type, body bytes] (file format 4: 0 and 1 take no body). */
function serial(v: SqlValue): [number, number] {
  if (v === null) return [0, 0];
  if (typeof v === 'bigint') {
    if (v === 0n) return [8, 0];
    if (v === 1n) return [9, 0];
    const u = v < 0n ? ~v : v;
    if (u <= 127n) return [1, 1];
    if (u <= 32767n) return [2, 2];
    if (u <= 8388607n) return [3, 3];
    if (u <= 2147483647n) return [4, 4];
    if (u <= 140737488355327n) return [5, 6];
    return [6, 8];
  }
  if (typeof v === 'number') return [7, 8];
  if (typeof v === 'string') {
    const n = utf8Length(v);
    return [13 + 2 * n, n];
  }
  return [12 + 2 * v.length, v.length];
}

/**
 * OP_MakeRecord's size: a header (its own length as a varint, then each column's serial type) and
 * the bodies. A REAL column's integral value is stored as an integer (MEM_IntReal: 8 bytes saved).
 */
export function recordSize(values: readonly SqlValue[], affinities: readonly Affinity[] | null): number {
  let header = 0;
  let body = 0;
  for (let i = 0; i < values.length; i++) {
    let v = values[i];
    if (typeof v === 'number' && affinities?.[i] === 'real' && Number.isInteger(v) && Math.abs(v) < 2 ** 53)
      v = BigInt(v);
    const [t, n] = serial(v);
    header += varintLen(t);
    body += n;
  }
  const h = header + 1 < 127 ? header + 1 : header + varintLen(header + 2);
  return h + body;
}

export const PAGE_SIZE = 4096;
const USABLE = PAGE_SIZE;

/**
 * A cell's bytes on a leaf page (btreeParseCellPtr's rules): the payload's local part, the overflow
 * pointer, and the overflow pages the rest takes (usable − 4 bytes each).
 */
export function cellSize(payload: number, rowid: bigint | null): { cell: number; overflow: number } {
  const index = rowid === null;
  const maxLocal = index ? Math.floor(((USABLE - 12) * 64) / 255) - 23 : USABLE - 35;
  const minLocal = Math.floor(((USABLE - 12) * 32) / 255) - 23;
  const head = varintLen(payload) + (rowid === null ? 0 : varintLen(rowid));
  if (payload <= maxLocal) return { cell: Math.max(4, head + payload), overflow: 0 };
  const k = minLocal + ((payload - minLocal) % (USABLE - 4));
  const local = k <= maxLocal ? k : minLocal;
  return { cell: head + local + 4, overflow: Math.ceil((payload - local) / (USABLE - 4)) };
}
