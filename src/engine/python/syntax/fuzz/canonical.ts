import type { ConstValue, Module } from '../ast';

/**
 * The syntax tree as tools/parser/cpython_ast.py prints CPython's: plain JSON, ints as decimal
 * strings, floats as their IEEE-754 bits in hex, so that the two compare exactly.
 */
export function canonicalModule(m: Module): unknown {
  return canon(m);
}

function floatBits(x: number): string {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, x);
  let s = '';
  for (let i = 0; i < 8; i++) s += dv.getUint8(i).toString(16).padStart(2, '0');
  return s;
}

function canonConst(v: ConstValue): unknown {
  switch (v.t) {
    case 'int':
      return { t: 'int', v: v.v.toString() };
    case 'float':
      return { t: 'float', v: floatBits(v.v) };
    case 'complex':
      return { t: 'complex', re: floatBits(v.re), im: floatBits(v.im) };
    case 'tuple':
    case 'frozenset':
      return { t: v.t, items: v.items.map(canonConst) };
    default:
      return v;
  }
}

function canon(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(canon);
  if (x === null || typeof x !== 'object') return x;
  const o = x as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if ((o.k === 'Constant' || o.k === 'MatchSingleton') && k === 'value')
      out[k] = canonConst(v as ConstValue);
    else out[k] = canon(v);
  }
  return out;
}

/** The first place two JSON values differ ("" when equal), as a path for the report. */
export function firstDifference(a: unknown, b: unknown, path = '$'): string {
  if (a === b) return '';
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return `${path}: ${brief(a)} vs ${brief(b)}`;
    if (a.length !== b.length) return `${path}.length: ${a.length} vs ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return '';
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object')
    return `${path}: ${brief(a)} vs ${brief(b)}`;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  if (ao.k !== bo.k) return `${path}.k: ${brief(ao.k)} vs ${brief(bo.k)}`;
  for (const k of keys) {
    const d = firstDifference(ao[k], bo[k], `${path}.${k}`);
    if (d) return d;
  }
  return '';
}

function brief(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 120 ? s.slice(0, 117) + '...' : s;
}
