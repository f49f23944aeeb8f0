import type { BinOpName, ConstValue, UnaryOpName } from '../syntax/ast';
import { complexPow, cprod, cquot, floatDivMod, floatPow, intTrueDivide, type C } from './floatops';
import { codePoints } from './values';

/**
 * Python's operators on constants, for ast_opt.c's folding: the same results as the real
 * PyNumber_* / sequence calls (int, bool, float, complex, str, bytes, tuple), or null where
 * CPython raises (the folder then leaves the node alone, as make_const does).
 */
type Num = { k: 'i'; v: bigint } | { k: 'f'; v: number } | { k: 'c'; re: number; im: number };

const bitLength = (x: bigint): number => (x === 0n ? 0 : (x < 0n ? -x : x).toString(2).length);

function num(c: ConstValue): Num | null {
  switch (c.t) {
    case 'int':
      return { k: 'i', v: c.v };
    case 'bool':
      return { k: 'i', v: c.v ? 1n : 0n };
    case 'float':
      return { k: 'f', v: c.v };
    case 'complex':
      return { k: 'c', re: c.re, im: c.im };
    default:
      return null;
  }
}

/** PyLong_AsDouble: correctly rounded; OverflowError when out of range. */
function toDouble(n: Num): number | null {
  if (n.k === 'f') return n.v;
  if (n.k === 'c') return null;
  const d = Number(n.v);
  return Number.isFinite(d) ? d : null;
}

const fromNum = (n: Num): ConstValue =>
  n.k === 'i'
    ? { t: 'int', v: n.v }
    : n.k === 'f'
      ? { t: 'float', v: n.v }
      : { t: 'complex', re: n.re, im: n.im };
/** float_add & co. do not check for overflow: inf and nan are ordinary results. */
const flt = (v: number): ConstValue => ({ t: 'float', v });

const floorDivInt = (a: bigint, b: bigint): bigint => {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
};

function numericOp(op: BinOpName, x: Num, y: Num): ConstValue | null {
  if (x.k === 'i' && y.k === 'i') {
    const a = x.v;
    const b = y.v;
    switch (op) {
      case '+':
        return { t: 'int', v: a + b };
      case '-':
        return { t: 'int', v: a - b };
      case '*':
        return { t: 'int', v: a * b };
      case '/':
        return intTrueDivide(a, b);
      case '//':
        return b === 0n ? null : { t: 'int', v: floorDivInt(a, b) };
      case '%':
        return b === 0n ? null : { t: 'int', v: a - floorDivInt(a, b) * b };
      case '**':
        if (b >= 0n) return { t: 'int', v: a ** b };
        return floatPow(Number(a), Number(b));
      case '<<':
        return b < 0n ? null : { t: 'int', v: a << b };
      case '>>':
        return b < 0n ? null : { t: 'int', v: a >> b };
      case '&':
        return { t: 'int', v: a & b };
      case '|':
        return { t: 'int', v: a | b };
      case '^':
        return { t: 'int', v: a ^ b };
      default:
        return null;
    }
  }
  if (x.k === 'c' || y.k === 'c') {
    const cx: C | null =
      x.k === 'c' ? [x.re, x.im] : ((d) => (d === null ? null : ([d, 0] as C)))(toDouble(x));
    const cy: C | null =
      y.k === 'c' ? [y.re, y.im] : ((d) => (d === null ? null : ([d, 0] as C)))(toDouble(y));
    if (!cx || !cy) return null;
    let r: C | null;
    switch (op) {
      case '+':
        r = [cx[0] + cy[0], cx[1] + cy[1]];
        break;
      case '-':
        r = [cx[0] - cy[0], cx[1] - cy[1]];
        break;
      case '*':
        r = cprod(cx, cy);
        break;
      case '/':
        r = cquot(cx, cy);
        break;
      case '**':
        return complexPow(cx, cy);
      default:
        return null;
    }
    return r ? { t: 'complex', re: r[0], im: r[1] } : null;
  }
  if (['<<', '>>', '&', '|', '^', '@'].includes(op)) return null;
  const a = toDouble(x);
  const b = toDouble(y);
  if (a === null || b === null) return null;
  switch (op) {
    case '+':
      return flt(a + b);
    case '-':
      return flt(a - b);
    case '*':
      return flt(a * b);
    case '/':
      return b === 0 ? null : flt(a / b);
    case '//': {
      const r = floatDivMod(a, b);
      return r && flt(r[0]);
    }
    case '%': {
      const r = floatDivMod(a, b);
      return r && flt(r[1]);
    }
    case '**':
      return floatPow(a, b);
    default:
      return null;
  }
}

/** The sequence repeated n times (sq_repeat); n <= 0 gives an empty sequence. */
function repeat(seq: ConstValue, n: bigint): ConstValue | null {
  const k = n < 0n ? 0 : Number(n);
  switch (seq.t) {
    case 'str':
      return { t: 'str', v: seq.v.repeat(k) };
    case 'bytes':
      return { t: 'bytes', v: seq.v.repeat(k) };
    case 'tuple': {
      const items: ConstValue[] = [];
      for (let i = 0; i < k; i++) items.push(...seq.items);
      return { t: 'tuple', items };
    }
    default:
      return null;
  }
}

const intOf = (c: ConstValue): bigint | null =>
  c.t === 'int' ? c.v : c.t === 'bool' ? (c.v ? 1n : 0n) : null;

/** PyNumber_<op>(a, b) on constants; null where Python raises. */
export function binaryOp(op: BinOpName, a: ConstValue, b: ConstValue): ConstValue | null {
  if (a.t === 'bool' && b.t === 'bool' && (op === '&' || op === '|' || op === '^')) {
    const v = op === '&' ? a.v && b.v : op === '|' ? a.v || b.v : a.v !== b.v;
    return { t: 'bool', v };
  }
  const x = num(a);
  const y = num(b);
  if (x && y) return numericOp(op, x, y);
  if (op === '+' && a.t === b.t) {
    if (a.t === 'str' && b.t === 'str') return { t: 'str', v: a.v + b.v };
    if (a.t === 'bytes' && b.t === 'bytes') return { t: 'bytes', v: a.v + b.v };
    if (a.t === 'tuple' && b.t === 'tuple') return { t: 'tuple', items: [...a.items, ...b.items] };
  }
  if (op === '*') {
    const na = intOf(a);
    const nb = intOf(b);
    if (nb !== null && na === null) return repeat(a, nb);
    if (na !== null && nb === null) return repeat(b, na);
  }
  return null;
}

/** PyNumber_Negative / Positive / Invert and `not` on a constant. */
export function unaryOp(op: UnaryOpName, a: ConstValue, truth: boolean): ConstValue | null {
  if (op === 'not') return { t: 'bool', v: !truth };
  const x = num(a);
  if (!x) return null;
  switch (op) {
    case '-':
      return x.k === 'i'
        ? { t: 'int', v: -x.v }
        : x.k === 'f'
          ? { t: 'float', v: -x.v }
          : { t: 'complex', re: -x.re, im: -x.im };
    case '+':
      return fromNum(x);
    case '~':
      return x.k === 'i' ? { t: 'int', v: -x.v - 1n } : null;
  }
}

/** PyObject_GetItem(seq, index) for a str, bytes or tuple constant and an int index. */
export function getItem(seq: ConstValue, index: ConstValue): ConstValue | null {
  const i0 = intOf(index);
  if (i0 === null) return null;
  const pick = <T>(items: T[]): T | null => {
    let i = Number(i0);
    if (i < 0) i += items.length;
    return i >= 0 && i < items.length ? items[i] : null;
  };
  switch (seq.t) {
    case 'str': {
      const ch = pick(codePoints(seq.v));
      return ch === null ? null : { t: 'str', v: ch };
    }
    case 'bytes': {
      const ch = pick(Array.from(seq.v));
      return ch === null ? null : { t: 'int', v: BigInt(ch.charCodeAt(0)) };
    }
    case 'tuple':
      return pick(seq.items);
    default:
      return null;
  }
}

export { bitLength, intOf };
