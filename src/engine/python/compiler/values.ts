import type { ConstValue } from '../syntax/ast';
import type { CodeObject } from './code';

/** An entry of co_consts: a constant value, or a nested code object. */
export type Const = ConstValue | { t: 'code'; code: CodeObject };

export const NONE: ConstValue = { t: 'none' };
export const ELLIPSIS: ConstValue = { t: 'ellipsis' };
export const int = (v: number | bigint): ConstValue => ({ t: 'int', v: BigInt(v) });
export const str = (v: string): ConstValue => ({ t: 'str', v });
export const tuple = (items: ConstValue[]): ConstValue => ({ t: 'tuple', items });

/** The number of code points of a Python str (JS strings count UTF-16 units). */
export function pyLen(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) i++;
    }
    n++;
  }
  return n;
}

/** A str as its code points (so indexing matches Python's). */
export const codePoints = (s: string): string[] => Array.from(s);

const floatKey = (x: number): string => (Object.is(x, -0) ? '-0' : Number.isNaN(x) ? 'nan' : String(x));

let codeIds = 0;
const codeKeys = new WeakMap<CodeObject, string>();

/**
 * _PyCode_ConstantKey: two constants share a co_consts slot (and are merged by
 * merge_consts_recursive) when their keys are equal. The key keeps the type, so 1, 1.0 and True
 * stay apart, and the sign of zero, so 0.0 and -0.0 do too. A frozenset's key is the set of its
 * items' keys. Code objects are never equal (their line tables differ).
 */
export function constKey(c: Const): string {
  switch (c.t) {
    case 'none':
      return 'N';
    case 'ellipsis':
      return 'E';
    case 'bool':
      return c.v ? 'T' : 'F';
    case 'int':
      return 'i' + c.v.toString();
    case 'float':
      return 'f' + floatKey(c.v);
    case 'complex':
      return 'c' + floatKey(c.re) + ',' + floatKey(c.im);
    case 'str':
      return 's' + c.v;
    case 'bytes':
      return 'b' + c.v;
    case 'tuple':
      return '(' + c.items.map(constKey).join('\u0000') + ')';
    case 'frozenset':
      return '{' + [...new Set(c.items.map(constKey))].sort().join('\u0000') + '}';
    case 'code': {
      let k = codeKeys.get(c.code);
      if (!k) {
        k = 'C' + ++codeIds;
        codeKeys.set(c.code, k);
      }
      return k;
    }
  }
}

type NumLike = { re: number | bigint; im: number };

function numLike(c: Const): NumLike | null {
  switch (c.t) {
    case 'int':
      return { re: c.v, im: 0 };
    case 'bool':
      return { re: c.v ? 1n : 0n, im: 0 };
    case 'float':
      return { re: c.v, im: 0 };
    case 'complex':
      return { re: c.re, im: c.im };
    default:
      return null;
  }
}

/** int/float equality as Python does it: exact, never through a rounded conversion. */
function realEquals(a: number | bigint, b: number | bigint): boolean {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a === b;
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  const f = (typeof a === 'number' ? a : b) as number;
  const i = (typeof a === 'bigint' ? a : b) as bigint;
  return Number.isInteger(f) && BigInt(f) === i;
}

/** PyObject_RichCompare(a, b, Py_EQ) for constants (1 == 1.0 == True, tuples item by item). */
export function pyEquals(a: Const, b: Const): boolean {
  const x = numLike(a);
  const y = numLike(b);
  if (x || y) return !!x && !!y && x.im === y.im && realEquals(x.re, y.re);
  if (a.t !== b.t) return false;
  switch (a.t) {
    case 'str':
    case 'bytes':
      return a.v === (b as typeof a).v;
    case 'tuple':
    case 'frozenset': {
      const bi = (b as typeof a).items;
      if (a.t === 'tuple') return a.items.length === bi.length && a.items.every((v, i) => pyEquals(v, bi[i]));
      return a.items.length === bi.length && a.items.every((v) => bi.some((w) => pyEquals(v, w)));
    }
    case 'code':
      return a === b;
    default:
      return true; // None, Ellipsis
  }
}

/** PyFrozenSet_New(tuple): equal items collapse into the first one. */
export function frozensetOf(items: ConstValue[]): ConstValue {
  const out: ConstValue[] = [];
  for (const it of items) if (!out.some((o) => pyEquals(o, it))) out.push(it);
  return { t: 'frozenset', items: out };
}

/** PyObject_IsTrue of a constant (the CFG folds `LOAD_CONST; POP_JUMP_IF_*` with it). */
export function isTrue(c: Const): boolean {
  switch (c.t) {
    case 'none':
      return false;
    case 'ellipsis':
    case 'code':
      return true;
    case 'bool':
      return c.v;
    case 'int':
      return c.v !== 0n;
    case 'float':
      return c.v !== 0;
    case 'complex':
      return c.re !== 0 || c.im !== 0;
    case 'str':
    case 'bytes':
      return c.v.length > 0;
    case 'tuple':
    case 'frozenset':
      return c.items.length > 0;
  }
}

/** float.__repr__: the shortest string that reads back as the same double. */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(x);
  if (abs >= 1e16 || abs < 1e-4) {
    // Python switches to exponent form at 1e16 and below 1e-4, with at least two exponent digits.
    const [m, e] = x.toExponential().split('e');
    const exp = Number(e);
    return `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  const s = String(x);
  return s.includes('.') || s.includes('e') ? s : s + '.0';
}

function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + quote;
}

function bytesRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = 'b' + quote;
  for (let i = 0; i < s.length; i++) {
    const b = s.charCodeAt(i);
    const ch = s[i];
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (b < 0x20 || b >= 0x7f) out += '\\x' + b.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + quote;
}

/** repr() of a constant, as `dis` prints it beside LOAD_CONST. */
export function constRepr(c: Const): string {
  switch (c.t) {
    case 'none':
      return 'None';
    case 'ellipsis':
      return 'Ellipsis';
    case 'bool':
      return c.v ? 'True' : 'False';
    case 'int':
      return c.v.toString();
    case 'float':
      return floatRepr(c.v);
    case 'complex': {
      const im = floatRepr(c.im).replace(/\.0$/, '') + 'j';
      if (c.re === 0 && !Object.is(c.re, -0)) return im;
      const sign = c.im < 0 || Object.is(c.im, -0) || Number.isNaN(c.im) ? '' : '+';
      return `(${floatRepr(c.re).replace(/\.0$/, '')}${sign}${im})`;
    }
    case 'str':
      return strRepr(c.v);
    case 'bytes':
      return bytesRepr(c.v);
    case 'tuple':
      return c.items.length === 1 ? `(${constRepr(c.items[0])},)` : `(${c.items.map(constRepr).join(', ')})`;
    case 'frozenset':
      return c.items.length ? `frozenset({${c.items.map(constRepr).join(', ')}})` : 'frozenset()';
    case 'code':
      return `<code object ${c.code.name}, line ${c.code.firstlineno}>`;
  }
}
