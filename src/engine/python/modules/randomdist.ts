import { raiseString, valueError, zeroDivision } from '../abstract/errors';
import { callMethod } from '../abstract/call';
import { bufferString, getBuffer, releaseBuffer } from '../objects/buffer';
import { bytesNew } from '../objects/bytes';
import { E } from '../objects/exctypes';
import { fromDouble } from '../objects/float';
import { floatPowValue } from '../objects/floatpow';
import { fromLong, fromSsize, intValue } from '../objects/int';
import { randomState } from '../objects/randomtype';
import { T } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { cAcos, cCos, cExp, cLog, cLog2 } from '../../libm/c99';
import { newDigest } from './digests';
import { lgamma } from './mathgamma';
import { asDouble } from './math';
import { gcAllocRaw, gcFreeRaw } from './pickleops';
import { warm } from './pycode';
import { boundC, randomModuleState } from './random';

/**
 * random.py's continuous distributions written in Python (3.11; the same algorithms in 3.12 and
 * 3.13, which add binomialvariate): gammavariate (Cheng's rejection for alpha > 1, the exponential
 * at 1, Ahrens–Dieter GS below), betavariate through two gamma draws, paretovariate,
 * weibullvariate, vonmisesvariate (Best–Fisher), binomialvariate (geometric skips for n·p < 10,
 * Hörmann's BTRS above). The values come from the Mersenne Twister and glibc's exp/log/cos/acos
 * (libm/), so a seeded script prints CPython's numbers (tests/differential/floatmath.py). What the
 * bytecode allocates: `self.random` bound once (a 72-byte built-in method object), math.log's
 * argument tuple, and a float per arithmetic result, made and dropped here by `churn`. Not modelled
 * one by one: how many of those floats are alive at once (up to 12 in gammavariate's loop), which
 * decides how many the float free list must hold — measured on 3.11.7, 12 mallocs of 24 bytes the
 * first time after the free list was emptied, none after.
 */

const PI = Math.PI;
const TWO_PI = 2 * Math.PI;
const LOG4 = cLog(4);
const SG_MAGICCONST = 1 + cLog(4.5);
const E_CONST = Math.E;

/** One float made and dropped for each intermediate result the Python code computes. */
function churn(vm: Vm, ...values: number[]): void {
  for (const v of values) vm.decref(fromDouble(vm, v));
}

/** `random = self.random`: the bound method made and (at return) freed; draws as random() does. */
function boundRandom(vm: Vm, self: number): { draw: () => number; done: () => void } {
  const m = boundC(vm, self, randomModuleState(vm).randomDef);
  const mt = randomState(vm, self).mt;
  return {
    draw: () => {
      const u = mt.random();
      churn(vm, u);
      return u;
    },
    done: () => vm.decref(m),
  };
}

/** Python's float `%` (float_rem): the result takes the divisor's sign. */
function floatMod(x: number, y: number): number {
  let m = x % y;
  if (m !== 0) {
    if (y < 0 !== m < 0) m += y;
  } else m = y < 0 ? -0 : 0;
  return m;
}

const num = (vm: Vm, args: readonly number[], i: number, dflt?: number): number =>
  args[i] !== undefined ? asDouble(vm, args[i]) : (dflt as number);

function gammaValue(vm: Vm, self: number, alpha: number, beta: number): number {
  if (alpha <= 0 || beta <= 0) throw valueError(vm, 'gammavariate: alpha and beta must be > 0.0');
  const rnd = boundRandom(vm, self);
  try {
    if (alpha > 1) {
      const ainv = Math.sqrt(2 * alpha - 1);
      const bbb = alpha - LOG4;
      const ccc = alpha + ainv;
      churn(vm, 2 * alpha - 1, ainv, bbb, ccc);
      for (;;) {
        const u1 = rnd.draw();
        if (!(1e-7 < u1 && u1 < 0.9999999)) continue;
        const u2 = 1 - rnd.draw();
        const v = cLog(u1 / (1 - u1)) / ainv;
        const x = alpha * cExp(v);
        const z = u1 * u1 * u2;
        const r = bbb + ccc * v - x;
        churn(vm, 1 - u1, u1 / (1 - u1), v, x, u1 * u1, z, ccc * v, r);
        if (r + SG_MAGICCONST - 4.5 * z >= 0 || r >= cLog(z)) return x * beta;
      }
    }
    if (alpha === 1) return -cLog(1 - rnd.draw()) * beta;
    for (;;) {
      const u = rnd.draw();
      const b = (E_CONST + alpha) / E_CONST;
      const p = b * u;
      const x = p <= 1 ? floatPowValue(vm, p, 1 / alpha) : -cLog((b - p) / alpha);
      churn(vm, b, p, x);
      const u1 = rnd.draw();
      if (p > 1) {
        if (u1 <= floatPowValue(vm, x, alpha - 1)) return x * beta;
      } else if (u1 <= cExp(-x)) return x * beta;
    }
  } finally {
    rnd.done();
  }
}

/** gammavariate(alpha, beta). */
export function gammavariate(vm: Vm, self: number, args: readonly number[]): number {
  warm(vm, 'random.Random.gammavariate');
  return fromDouble(vm, gammaValue(vm, self, num(vm, args, 0), num(vm, args, 1)));
}

/** betavariate(alpha, beta): y = gamma(alpha, 1); y / (y + gamma(beta, 1)) when y is not 0. */
export function betavariate(vm: Vm, self: number, args: readonly number[]): number {
  warm(vm, 'random.Random.betavariate');
  const y = gammaValue(vm, self, num(vm, args, 0), 1);
  if (y === 0) return fromDouble(vm, 0);
  const y2 = gammaValue(vm, self, num(vm, args, 1), 1);
  churn(vm, y, y2, y + y2);
  return fromDouble(vm, y / (y + y2));
}

/** paretovariate(alpha): (1 − random()) ** (−1 / alpha). */
export function paretovariate(vm: Vm, self: number, args: readonly number[]): number {
  warm(vm, 'random.Random.paretovariate');
  const alpha = num(vm, args, 0);
  const u = 1 - randomState(vm, self).mt.random();
  if (alpha === 0) throw zeroDivision(vm, 'float division by zero');
  churn(vm, u, -1 / alpha);
  return fromDouble(vm, floatPowValue(vm, u, -1 / alpha));
}

/** weibullvariate(alpha, beta): alpha * (−log(1 − random())) ** (1 / beta). */
export function weibullvariate(vm: Vm, self: number, args: readonly number[]): number {
  warm(vm, 'random.Random.weibullvariate');
  const alpha = num(vm, args, 0);
  const beta = num(vm, args, 1);
  const u = 1 - randomState(vm, self).mt.random();
  const l = -cLog(u);
  if (beta === 0) throw zeroDivision(vm, 'float division by zero');
  churn(vm, u, l, 1 / beta);
  return fromDouble(vm, alpha * floatPowValue(vm, l, 1 / beta));
}

/** vonmisesvariate(mu, kappa). */
export function vonmisesvariate(vm: Vm, self: number, args: readonly number[]): number {
  warm(vm, 'random.Random.vonmisesvariate');
  const mu = num(vm, args, 0);
  const kappa = num(vm, args, 1);
  const rnd = boundRandom(vm, self);
  try {
    if (kappa <= 1e-6) return fromDouble(vm, TWO_PI * rnd.draw());
    const s = 0.5 / kappa;
    const r = s + Math.sqrt(1 + s * s);
    let z: number;
    for (;;) {
      const u1 = rnd.draw();
      z = cCos(PI * u1);
      const d = z / (r + z);
      const u2 = rnd.draw();
      churn(vm, PI * u1, z, r + z, d);
      if (u2 < 1 - d * d || u2 <= (1 - d) * cExp(d)) break;
    }
    const q = 1 / r;
    const f = (q + z) / (1 + q * z);
    const u3 = rnd.draw();
    churn(vm, q, q + z, q * z, f);
    const theta = u3 > 0.5 ? floatMod(mu + cAcos(f), TWO_PI) : floatMod(mu - cAcos(f), TWO_PI);
    return fromDouble(vm, theta);
  } finally {
    rnd.done();
  }
}

/** binomialvariate(n=1, p=0.5) (3.12+). */
export function binomialvariate(vm: Vm, self: number, args: readonly number[]): number {
  warm(vm, 'random.Random.binomialvariate');
  const n = args[0] !== undefined ? Number(intValue(vm, args[0])) : 1;
  const p = num(vm, args, 1, 0.5);
  if (n < 0) throw valueError(vm, 'n must be non-negative');
  if (p <= 0 || p >= 1) {
    if (p === 0) return fromSsize(vm, 0);
    if (p === 1) return fromSsize(vm, n);
    throw valueError(vm, 'p must be in the range 0.0 <= p <= 1.0');
  }
  const rnd = boundRandom(vm, self);
  try {
    return fromSsize(vm, binomialCount(vm, rnd.draw, n, p));
  } finally {
    rnd.done();
  }
}

function binomialCount(vm: Vm, random: () => number, n: number, p: number): number {
  if (n === 1) return random() < p ? 1 : 0;
  if (p > 0.5) return n - binomialCount(vm, random, n, 1 - p);
  if (n * p < 10) {
    // geometric skips between successes
    let x = 0;
    let y = 0;
    const c = cLog2(1 - p);
    if (!c) return x;
    for (;;) {
      y += Math.floor(cLog2(random()) / c) + 1;
      if (y > n) return x;
      x += 1;
    }
  }
  // BTRS (Hörmann 1993): a transformed rejection with a squeeze
  const spq = Math.sqrt(n * p * (1 - p));
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  let setup = false;
  let alpha = 0;
  let lpq = 0;
  let m = 0;
  let h = 0;
  for (;;) {
    let u = random();
    u -= 0.5;
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    let v = random();
    if (us >= 0.07 && v <= vr) return k;
    if (!setup) {
      alpha = (2.83 + 5.1 / b) * spq;
      lpq = cLog(p / (1 - p));
      m = Math.floor((n + 1) * p);
      h = lgamma(m + 1).r + lgamma(n - m + 1).r;
      setup = true;
    }
    v *= alpha / (a / (us * us) + b);
    if (cLog(v) <= h - lgamma(k + 1).r - lgamma(n - k + 1).r + (k - m) * lpq) return k;
  }
}

/**
 * seed(a) for a str, bytes or bytearray (version 2): `a = int.from_bytes(a + _sha512(a).digest())`,
 * a str encoded to UTF-8 first. In evaluation order, as 3.11.7 allocates it: the bound class method
 * `int.from_bytes` (a 72-byte built-in method), the _sha512 object (240 bytes) and its 64-byte
 * digest (the object freed once digest() returns), the concatenation, the int; then the bound
 * method and the concatenation go, and `a = …` drops the encoded bytes. Returns the int.
 */
export function strSeed(vm: Vm, a: number): number {
  const enc = vm.table.type[a] === T.Str ? callMethod(vm, a, 'encode', []) : 0;
  const view = getBuffer(vm, enc || a);
  const text = bufferString(vm, view);
  releaseBuffer(vm, view);
  const fromBytes = gcAllocRaw(vm, 56);
  const sha = vm.mem.malloc(240);
  if (sha === 0) throw raiseString(vm, E.MemoryError, '');
  const d = newDigest('sha512')!;
  d.update(Uint8Array.from(text, (ch) => ch.charCodeAt(0)));
  const digest = String.fromCharCode(...d.digest());
  const digestObj = bytesNew(vm, digest);
  vm.mem.free(sha);
  const joined = bytesNew(vm, text + digest);
  vm.decref(digestObj);
  let v = 0n;
  for (const ch of text + digest) v = (v << 8n) | BigInt(ch.charCodeAt(0));
  const r = fromLong(vm, v);
  gcFreeRaw(vm, fromBytes);
  vm.decref(joined);
  if (enc) vm.decref(enc);
  return r;
}
