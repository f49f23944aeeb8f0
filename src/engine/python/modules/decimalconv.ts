import { raiseString, typeError, valueError } from '../abstract/errors';
import { unicodeFromFormat } from '../abstract/fromformat';
import { E } from '../objects/exctypes';
import { fromDouble } from '../objects/float';
import { fromLong, norm } from '../objects/int';
import { strNew, strValue } from '../objects/str';
import type { HashKey } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { currentContext, readContext } from './decimalctx';
import { cmpTotal, fin, isIntegral, Kind, ndigits, pow10, toBigInt, type Dec } from './decimalnum';
import { toSci } from './decimalstr';

import { decObj, decOf, fromFloat, MINALLOC, wordsOf } from './decimaltype';

/** Decimal's conversions: hash (dicts and hash()), str, repr, float, int. */

const MODULUS = (1n << 61n) - 1n;
function modPow(b: bigint, e: bigint, m: bigint): bigint {
  let r = 1n;
  let x = b % m;
  for (let k = e; k > 0n; k >>= 1n) {
    if (k & 1n) r = (r * x) % m;
    x = (x * x) % m;
  }
  return r;
}
const INV10 = modPow(10n, MODULUS - 2n, MODULUS);

/**
 * _dec_hash: the value modulo 2**61 - 1 (so it equals hash() of an equal int, float or Fraction),
 * computed the first time with two mpd_qnew temporaries (m 48, m 32 each, measured) and cached.
 */
export function decHashValue(vm: Vm, h: number): bigint {
  const o = decObj(vm, h);
  const d = o.d;
  if (d.kind === Kind.SNaN) throw typeError(vm, 'Cannot hash a signaling NaN value');
  if (d.kind === Kind.NaN) {
    const y = BigInt(vm.id(h));
    return BigInt.asIntN(64, ((y >> 4n) | (y << 60n)) & ((1n << 64n) - 1n));
  }
  if (d.kind === Kind.Inf) return d.sign ? -314159n : 314159n;
  if (!o.hashed) {
    o.hashed = true;
    const t = [vm.mem.malloc(48), vm.mem.malloc(32), vm.mem.malloc(48), vm.mem.malloc(32)];
    for (const p of [t[3], t[2], t[1], t[0]]) vm.mem.free(p);
  }
  const p = d.exp >= 0 ? modPow(10n, BigInt(d.exp), MODULUS) : modPow(INV10, BigInt(-d.exp), MODULUS);
  let v = ((d.coeff % MODULUS) * p) % MODULUS;
  if (d.sign) v = -v;
  return v === -1n ? -2n : v;
}

/** The key dicts and sets use: equal to an equal int's or float's key. */
export function decHashKey(vm: Vm, h: number): HashKey {
  const d = decOf(vm, h);
  if (d.kind === Kind.NaN || d.kind === Kind.SNaN) {
    decHashValue(vm, h);
    return `\u0000#${h}`;
  }
  if (d.kind === Kind.Inf) return d.sign ? -Infinity : Infinity;
  decHashValue(vm, h);
  if (d.coeff === 0n) return 0;
  if (isIntegral(d)) {
    const v = toBigInt(d);
    return Number.isSafeInteger(Number(v)) ? Number(v) : v;
  }
  const x = Number(toSci(d));
  if (fromFloatEquals(x, d)) return x;
  return `dec:${toSci(d)}`;
}

function fromFloatEquals(x: number, d: Dec): boolean {
  if (!Number.isFinite(x)) return false;
  return cmpTotal(fromFloat(x), d) === 0;
}

/** mpd_to_sci's buffer: the digits, the point or the zeros around it, and MPD_EXPDIGITS + 7 (io.c). */
export function sciBufferSize(d: Dec): number {
  if (d.kind !== Kind.Finite) return 11 + (d.coeff === 0n ? 0 : ndigits(d.coeff));
  const digits = ndigits(d.coeff);
  const left = digits + d.exp;
  const dplace = d.exp <= 0 && left > -6 ? left : 1;
  const mem = dplace <= 0 ? -dplace + digits + 2 : dplace >= digits ? dplace : digits;
  return mem + 19 + 7;
}

/** dec_str: mpd_to_sci into a PyMem buffer, the str made from it, the buffer freed. */
export function decStr(vm: Vm, h: number): number {
  const d = decOf(vm, h);
  const ctx = readContext(vm, currentContext(vm));
  const buf = vm.mem.malloc(sciBufferSize(d));
  const s = strNew(vm, toSci(d, ctx.capitals === 1));
  vm.mem.free(buf);
  return s;
}

/** dec_repr: the same buffer, then PyUnicode_FromFormat("Decimal('%s')"). */
export function decRepr(vm: Vm, h: number): number {
  const d = decOf(vm, h);
  const ctx = readContext(vm, currentContext(vm));
  const buf = vm.mem.malloc(sciBufferSize(d));
  const s = unicodeFromFormat(vm, "Decimal('%s')", [toSci(d, ctx.capitals === 1)]);
  vm.mem.free(buf);
  return s;
}

/** PyDec_AsFloat: the str, then float(str) (a NaN keeps its sign; sNaN is a ValueError). */
export function decFloat(vm: Vm, h: number): number {
  const d = decOf(vm, h);
  if (d.kind === Kind.SNaN) throw valueError(vm, 'cannot convert signaling NaN to float');
  const s = decStr(vm, h);
  const text = strValue(vm, s);
  const x = d.kind === Kind.NaN ? NaN : d.kind === Kind.Inf ? (d.sign ? -Infinity : Infinity) : Number(text);
  const f = fromDouble(vm, x);
  vm.decref(s);
  return f;
}

/**
 * dec_as_long: mpd_qnew's temporary (m 48, m 32), rounded to an integer, exported as 30-bit
 * digits (mpd_qexport_u32: 4 bytes each), the int made, the temporaries freed.
 */
export function decToInt(vm: Vm, h: number, mode: string): number {
  const d = decOf(vm, h);
  if (d.kind === Kind.NaN || d.kind === Kind.SNaN) throw valueError(vm, 'cannot convert NaN to integer');
  if (d.kind === Kind.Inf) throw raiseString(vm, E.OverflowError, 'cannot convert Infinity to integer');
  const rounded = d.exp >= 0 ? d : fin(d.sign, roundCoeff(d, mode), 0);
  const v = toBigInt(rounded);
  const mpd = vm.mem.malloc(48);
  const words = Math.max(MINALLOC, wordsOf(rounded));
  const data = vm.mem.malloc(words * 8);
  let r: number;
  if (v === 0n) r = fromLong(vm, 0);
  else {
    const n = Math.max(1, Math.ceil((v < 0n ? -v : v).toString(2).length / 30));
    const digits = vm.mem.malloc(4 * n);
    if (n === 1) {
      vm.mem.free(digits);
      r = fromLong(vm, norm(v));
    } else {
      r = fromLong(vm, norm(v));
      vm.mem.free(digits);
    }
  }
  vm.mem.free(data);
  vm.mem.free(mpd);
  return r;
}

function roundCoeff(d: Dec, mode: string): bigint {
  const p = pow10(-d.exp);
  const q = d.coeff / p;
  const rest = d.coeff % p;
  const half = p / 2n;
  let up = false;
  if (rest !== 0n) {
    if (mode === 'ROUND_HALF_EVEN') up = rest > half || (rest === half && (q & 1n) === 1n);
    else if (mode === 'ROUND_FLOOR') up = d.sign === 1;
    else if (mode === 'ROUND_CEILING') up = d.sign === 0;
  }
  return up ? q + 1n : q;
}
