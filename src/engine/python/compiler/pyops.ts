import type { BinOpName, ConstValue, UnaryOpName } from '../syntax/ast';
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
  n.k === 'i' ? { t: 'int', v: n.v } : n.k === 'f' ? { t: 'float', v: n.v } : { t: 'complex', re: n.re, im: n.im };
/** float_add & co. do not check for overflow: inf and nan are ordinary results. */
const flt = (v: number): ConstValue => ({ t: 'float', v });

/** x * 2**e without intermediate overflow or underflow (ldexp). */
function ldexp(x: number, e: number): number {
  while (e > 1000) {
    x *= 2 ** 1000;
    e -= 1000;
  }
  while (e < -1000) {
    x *= 2 ** -1000;
    e += 1000;
  }
  return x * 2 ** e;
}

/** n / d * 2**e2 (n, d > 0) rounded once, half to even, as a double; Infinity when too large. */
export function ratioToDouble(n: bigint, d: bigint, e2: number): number {
  let k = bitLength(n) - bitLength(d);
  if (k >= 0 ? n < d << BigInt(k) : n << BigInt(-k) < d) k--;
  const exp = k + e2; // the value lies in [2**exp, 2**(exp+1))
  if (exp > 1023) return Infinity;
  const prec = exp < -1022 ? 53 - (-1022 - exp) : 53;
  if (prec < 0) return 0;
  const s = prec - 1 - k;
  const num_ = s >= 0 ? n << BigInt(s) : n;
  const den = s >= 0 ? d : d << BigInt(-s);
  let q = num_ / den;
  const twice = 2n * (num_ - q * den);
  if (twice > den || (twice === den && (q & 1n) === 1n)) q += 1n;
  const r = ldexp(Number(q), e2 + k - (prec - 1));
  return r;
}

/** long_true_divide: int / int, correctly rounded. */
function intTrueDivide(a: bigint, b: bigint): ConstValue | null {
  if (b === 0n) return null;
  const neg = a < 0n !== b < 0n;
  const x = a < 0n ? -a : a;
  const y = b < 0n ? -b : b;
  if (x === 0n) return { t: 'float', v: neg ? -0 : 0 };
  const v = ratioToDouble(x, y, 0);
  return Number.isFinite(v) ? { t: 'float', v: neg ? -v : v } : null;
}

/** _float_div_mod (floatobject.c): Python's floor division and modulo of doubles. */
function floatDivMod(vx: number, wx: number): [number, number] | null {
  if (wx === 0) return null;
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod) {
    if (wx < 0 !== mod < 0) {
      mod += wx;
      div -= 1.0;
    }
  } else mod = Math.sign(wx) < 0 || Object.is(wx, -0) ? -0 : 0;
  let floordiv: number;
  if (div) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else floordiv = vx / wx < 0 || Object.is(vx / wx, -0) ? -0 : 0;
  return [floordiv, mod];
}

const isOddInteger = (x: number): boolean => Number.isFinite(x) && Math.abs(x % 2) === 1;

/** x ** n for an integer n, rounded once from the exact value (as glibc's pow rounds). */
function powExactInt(x: number, n: number): number {
  const neg = x < 0 && Math.abs(n % 2) === 1;
  const ax = Math.abs(x);
  // ax = m * 2**e with m an odd integer
  let m = ax;
  let e = 0;
  while (m !== Math.floor(m)) {
    m *= 2;
    e--;
  }
  let mb = BigInt(m);
  while (mb % 2n === 0n) {
    mb /= 2n;
    e++;
  }
  const p = mb ** BigInt(Math.abs(n));
  const r = n >= 0 ? ratioToDouble(p, 1n, e * n) : ratioToDouble(1n, p, e * n);
  return neg ? -r : r;
}

/** float_pow (floatobject.c), including its hand-off to complex for a negative base. */
function floatPow(iv: number, iw: number): ConstValue | null {
  if (iw === 0) return { t: 'float', v: 1 };
  if (Number.isNaN(iv)) return { t: 'float', v: iv };
  if (Number.isNaN(iw)) return { t: 'float', v: iv === 1 ? 1 : iw };
  if (!Number.isFinite(iw)) {
    const a = Math.abs(iv);
    if (a === 1) return { t: 'float', v: 1 };
    return { t: 'float', v: iw > 0 === a > 1 ? Math.abs(iw) : 0 };
  }
  if (!Number.isFinite(iv)) {
    const odd = isOddInteger(iw);
    if (iw > 0) return { t: 'float', v: odd ? iv : Math.abs(iv) };
    return { t: 'float', v: odd ? (iv < 0 ? -0 : 0) : 0 };
  }
  if (iv === 0) {
    if (iw < 0) return null; // ZeroDivisionError
    return { t: 'float', v: isOddInteger(iw) ? iv : 0 };
  }
  let negate = false;
  if (iv < 0) {
    if (iw !== Math.floor(iw)) return complexPow([iv, 0], [iw, 0]);
    iv = -iv;
    negate = isOddInteger(iw);
  }
  if (iv === 1) return { t: 'float', v: negate ? -1 : 1 };
  const ix = Number.isInteger(iw) && Math.abs(iw) <= 4096 ? powExactInt(iv, iw) : Math.pow(iv, iw);
  if (!Number.isFinite(ix)) return null; // OverflowError
  return { t: 'float', v: negate ? -ix : ix };
}

type C = [number, number];
const cprod = (a: C, b: C): C => [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];

/** _Py_c_quot: Smith's algorithm; null for a zero divisor. */
function cquot(a: C, b: C): C | null {
  const absRe = Math.abs(b[0]);
  const absIm = Math.abs(b[1]);
  if (absRe >= absIm) {
    if (absRe === 0) return null;
    const ratio = b[1] / b[0];
    const denom = b[0] + b[1] * ratio;
    return [(a[0] + a[1] * ratio) / denom, (a[1] - a[0] * ratio) / denom];
  }
  if (absIm >= absRe) {
    const ratio = b[0] / b[1];
    const denom = b[0] * ratio + b[1];
    return [(a[0] * ratio + a[1]) / denom, (a[1] * ratio - a[0]) / denom];
  }
  return [NaN, NaN];
}

/** complex_pow: c_powi for small integral exponents, else _Py_c_pow. */
function complexPow(a: C, b: C): ConstValue | null {
  let r: C;
  if (b[1] === 0 && b[0] === Math.floor(b[0]) && Math.abs(b[0]) <= 100) {
    const n = b[0];
    const powu = (x: C, k: number): C => {
      let acc: C = [1, 0];
      let p = x;
      for (let mask = 1; mask > 0 && k >= mask; mask *= 2) {
        if (Math.floor(k / mask) % 2 === 1) acc = cprod(acc, p);
        p = cprod(p, p);
      }
      return acc;
    };
    if (n > 0) r = powu(a, n);
    else {
      const q = cquot([1, 0], powu(a, -n));
      if (!q) return null;
      r = q;
    }
  } else if (b[0] === 0 && b[1] === 0) r = [1, 0];
  else if (a[0] === 0 && a[1] === 0) {
    if (b[1] !== 0 || b[0] < 0) return null;
    r = [0, 0];
  } else {
    const vabs = Math.hypot(a[0], a[1]);
    let len = Math.pow(vabs, b[0]);
    const at = Math.atan2(a[1], a[0]);
    let phase = at * b[0];
    if (b[1] !== 0) {
      len /= Math.exp(at * b[1]);
      phase += b[1] * Math.log(vabs);
    }
    r = [len * Math.cos(phase), len * Math.sin(phase)];
  }
  if (!Number.isFinite(r[0]) || !Number.isFinite(r[1])) return null;
  return { t: 'complex', re: r[0], im: r[1] };
}

const floorDivInt = (a: bigint, b: bigint): bigint => {
  const q = a / b;
  return (a % b !== 0n && a < 0n !== b < 0n) ? q - 1n : q;
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
    const cx: C | null = x.k === 'c' ? [x.re, x.im] : ((d) => (d === null ? null : ([d, 0] as C)))(toDouble(x));
    const cy: C | null = y.k === 'c' ? [y.re, y.im] : ((d) => (d === null ? null : ([d, 0] as C)))(toDouble(y));
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

const intOf = (c: ConstValue): bigint | null => (c.t === 'int' ? c.v : c.t === 'bool' ? (c.v ? 1n : 0n) : null);

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
      return x.k === 'i' ? { t: 'int', v: -x.v } : x.k === 'f' ? { t: 'float', v: -x.v } : { t: 'complex', re: -x.re, im: -x.im };
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
