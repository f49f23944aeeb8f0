import { zeroDivision } from '../abstract/errors';
import type { Vm } from '../runtime/vm';
import { pylongDivmod, pylongIntDivmod } from './intpylong';
import { fromLong, intAddSub, intValue, longNew, norm } from './int';
import { ndigits, type IntValue } from './intsize';

/**
 * int // and % (Objects/longobject.c long_div, long_mod, l_divmod, l_mod, long_divrem, long_rem,
 * divrem1, rem1, x_divrem), with the temporaries they allocate: single-digit operands take the
 * fast paths (PyLong_FromLong of the result); a single-digit divisor uses divrem1/rem1; a longer
 * one x_divrem, which allocates the shifted dividend (size_v + 1 digits), divisor (size_w) and
 * quotient (k), and frees the dividend; a result that turns out small is swapped for the cached
 * int (maybe_small_long). Floor semantics are fixed up with long_add / long_sub afterwards.
 */
const B = 30n;
const MASK = (1n << B) - 1n;
const big = (v: IntValue): bigint => (typeof v === 'bigint' ? v : BigInt(v));
const absBig = (v: IntValue): bigint => (big(v) < 0n ? -big(v) : big(v));

function topDigit(v: bigint, n: number): bigint {
  return (v >> (B * BigInt(n - 1))) & MASK;
}

/** |a| < |b| as long_divrem tests it: fewer digits, or the same count and a smaller top digit. */
function smaller(a: IntValue, b: IntValue): boolean {
  const na = ndigits(a);
  const nb = ndigits(b);
  return na < nb || (na === nb && topDigit(absBig(a), na) < topDigit(absBig(b), nb));
}

/** The quotient digits x_divrem allocates (k = size_v - size_w, after normalisation). */
function xDivremQuotientDigits(a: IntValue, b: IntValue): number {
  const sizeV = ndigits(a);
  const sizeW = ndigits(b);
  const W = absBig(b);
  const d = 30n - BigInt(topDigit(W, sizeW).toString(2).length);
  const V = absBig(a) << d;
  const Ws = W << d;
  const carry = V >> (B * BigInt(sizeV));
  const extra =
    carry !== 0n || topDigit(V & ((1n << (B * BigInt(sizeV))) - 1n), sizeV) >= topDigit(Ws, sizeW) ? 1 : 0;
  return sizeV + extra - sizeW;
}

/** maybe_small_long after an allocation of nd digits holding v. */
function longResult(vm: Vm, v: IntValue, nd: number): number {
  const h = longNew(vm, v, nd);
  if (typeof v === 'number' && v >= -5 && v <= 256) {
    vm.decref(h);
    return vm.s.smallInt(v);
  }
  return h;
}

/** long_divrem / long_rem: truncating quotient (if wanted) and remainder, as new references. */
function divrem(
  vm: Vm,
  a: IntValue,
  b: IntValue,
  wantDiv: boolean,
  ha: number,
): { div: number; rem: number } {
  const A = big(a);
  const Bv = big(b);
  const q = norm(A / Bv);
  const r = norm(A % Bv);
  if (smaller(a, b)) {
    // long_long(a): the exact int itself is the remainder.
    if (ha) vm.incref(ha);
    return { div: vm.s.smallInt(0), rem: ha || fromLong(vm, r) };
  }
  const sizeA = ndigits(a);
  if (ndigits(b) === 1) {
    const div = wantDiv ? longResult(vm, q, sizeA) : 0; // divrem1: _PyLong_New(size_a)
    const rem = fromLong(vm, r); // PyLong_FromLong(rem) (rem1 as well)
    return { div, rem };
  }
  // x_divrem: v (size_v + 1), w (size_w), quotient (k); v freed; the remainder lives in w.
  const v = longNew(vm, 0, sizeA + 1);
  const rem = longNew(vm, r, ndigits(b));
  const quot = longNew(vm, q, Math.max(1, xDivremQuotientDigits(a, b)));
  vm.decref(v);
  let div = 0;
  if (wantDiv) div = vm.isImmortal(quot) ? quot : maybeSmallExisting(vm, quot, q);
  else vm.decref(quot);
  return { div, rem: maybeSmallExisting(vm, rem, r) };
}

function maybeSmallExisting(vm: Vm, h: number, v: IntValue): number {
  if (typeof v === 'number' && v >= -5 && v <= 256) {
    vm.decref(h);
    return vm.s.smallInt(v);
  }
  return h;
}

/** a // b or a % b for ints. */
export function intDivMod(
  vm: Vm,
  a: IntValue,
  b: IntValue,
  want: 'div' | 'mod',
  ha = 0,
  operands?: readonly [number, number],
): number {
  if (b === 0 || b === 0n)
    throw zeroDivision(vm, want === 'div' ? 'integer division or modulo by zero' : 'integer modulo by zero');
  // 3.12+ long_div → l_divmod: a long division goes to _pylong.int_divmod (l_mod does not: measured)
  if (want === 'div' && operands !== undefined && pylongDivmod(vm, ndigits(a), ndigits(b))) {
    const [q, r] = pylongIntDivmod(vm, operands[0], operands[1]);
    vm.decref(r);
    return q;
  }
  const A = big(a);
  const Bv = big(b);
  let q = A / Bv;
  let m = A % Bv;
  const adjust = m !== 0n && m < 0n !== Bv < 0n;
  if (adjust) {
    m += Bv;
    q -= 1n;
  }
  if (ndigits(a) === 1 && ndigits(b) === 1) return fromLong(vm, norm(want === 'div' ? q : m)); // fast_floor_div / fast_mod
  const { div, rem } = divrem(vm, a, b, want === 'div', ha);
  if (!adjust) {
    if (want === 'div') {
      vm.decref(rem);
      return div;
    }
    if (div) vm.decref(div);
    return rem;
  }
  // Floor fix-up (l_divmod / l_mod): mod = mod + w, div = div - 1.
  const mod2 = intAddSub(vm, intValue(vm, rem), b, false);
  vm.decref(rem);
  if (want === 'mod') {
    if (div) vm.decref(div);
    return mod2;
  }
  const div2 = intAddSub(vm, intValue(vm, div), 1, true);
  vm.decref(div);
  vm.decref(mod2);
  return div2;
}
