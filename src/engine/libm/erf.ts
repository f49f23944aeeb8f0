import { exp } from './explog';

/**
 * erf(x) and erfc(x) as glibc 2.36 computes them (sysdeps/ieee754/dbl-64/s_erf.c: Sun's fdlibm
 * method with its polynomials evaluated in the split order Shimizu's 1997 rewrite uses, which
 * fixes the last bit): CPython 3.11–3.13's math.erf/math.erfc call these (they import erf/erfc
 * from libm: `nm -D math.cpython-311-x86_64-linux-gnu.so`). The coefficients are the method's
 * published constants; the evaluation order below is what makes the rounding glibc's.
 *
 * Regions of |x|: below 0.84375 x + x·P(x²)/Q(x²); to 1.25 a rational function of |x| − 1 around
 * erf(1) ≈ 0.8450629115104675 (`ERX`, a single-precision value); to 28 erfc(x) =
 * exp(−z² − 0.5625)·exp((z − x)(z + x) + R(1/x²)/S(1/x²))/x with z = x with its low 32 bits cleared
 * (so that z² is exact); beyond, the limits.
 */

const ERX = 0.8450629115104675;
const EFX = 0.1283791670955126;
const TINY = 1e-300;

// erf on [0, 0.84375]: numerator pp0..pp4, denominator 1 + qq1..qq5 (in z = x²)
const PP = [
  0.12837916709551256, -0.3250421072470015, -0.02848174957559851, -0.005770270296489442,
  -0.000023763016656650163,
];
const QQ = [
  0, 0.39791722395915535, 0.0650222499887673, 0.005081306281875766, 0.00013249473800432164,
  -0.000003960228278775368,
];
// erf on [0.84375, 1.25] in s = |x| − 1
const PA = [
  -0.0023621185607526594, 0.41485611868374833, -0.3722078760357013, 0.31834661990116175, -0.11089469428239668,
  0.035478304325618236, -0.002166375594868791,
];
const QA = [
  0, 0.10642088040084423, 0.540397917702171, 0.07182865441419627, 0.12617121980876164, 0.01363708391202905,
  0.011984499846799107,
];
// erfc on [1.25, 1/0.35] in s = 1/x²
const RA = [
  -0.009864944034847148, -0.6938585727071818, -10.558626225323291, -62.375332450326006, -162.39666946257347,
  -184.60509290671104, -81.2874355063066, -9.814329344169145,
];
const SA = [
  0, 19.651271667439257, 137.65775414351904, 434.56587747522923, 645.3872717332679, 429.00814002756783,
  108.63500554177944, 6.570249770319282, -0.0604244152148581,
];
// erfc on [1/0.35, 28]
const RB = [
  -0.0098649429247001, -0.799283237680523, -17.757954917754752, -160.63638485582192, -637.5664433683896,
  -1025.0951316110772, -483.5191916086514,
];
const SB = [
  0, 30.33806074348246, 325.7925129965739, 1536.729586084437, 3199.8582195085955, 2553.0504064331644,
  474.52854120695537, -22.44095244658582,
];

const view = new DataView(new ArrayBuffer(8));
/** The high 32 bits of a double's representation (sign, exponent, top of the mantissa). */
function highWord(x: number): number {
  view.setFloat64(0, x);
  return view.getInt32(0);
}
/** x with the low 32 bits of its mantissa cleared. */
function clearLowWord(x: number): number {
  view.setFloat64(0, x);
  view.setUint32(4, 0);
  return view.getFloat64(0);
}

/** (erf(x) − x)/x on |x| < 0.84375: the ratio both functions use there. */
function smallRatio(x: number): number {
  const z = x * x;
  const r1 = PP[0] + z * PP[1];
  const z2 = z * z;
  const r2 = PP[2] + z * PP[3];
  const z4 = z2 * z2;
  const s1 = 1 + z * QQ[1];
  const s2 = QQ[2] + z * QQ[3];
  const s3 = QQ[4] + z * QQ[5];
  const r = r1 + z2 * r2 + z4 * PP[4];
  const s = s1 + z2 * s2 + z4 * s3;
  return r / s;
}

/** P/Q in s = |x| − 1 on [0.84375, 1.25]: erf(|x|) − ERX. */
function nearOne(ax: number): number {
  const s = ax - 1;
  const p1 = PA[0] + s * PA[1];
  const s2 = s * s;
  const q1 = 1 + s * QA[1];
  const s4 = s2 * s2;
  const p2 = PA[2] + s * PA[3];
  const s6 = s4 * s2;
  const q2 = QA[2] + s * QA[3];
  const p3 = PA[4] + s * PA[5];
  const q3 = QA[4] + s * QA[5];
  const p = p1 + s2 * p2 + s4 * p3 + s6 * PA[6];
  const q = q1 + s2 * q2 + s4 * q3 + s6 * QA[6];
  return p / q;
}

/** x·erfc(x) for 1.25 ≤ x < 28 (`lowerCut`: where the second rational function takes over). */
function tailTimesX(x: number, lowerCut: number): number {
  const s = 1 / (x * x);
  const s2 = s * s;
  const s4 = s2 * s2;
  const s6 = s4 * s2;
  let R: number;
  let S: number;
  if (highWord(x) < lowerCut) {
    const s8 = s4 * s4;
    const r1 = RA[0] + s * RA[1];
    const t1 = 1 + s * SA[1];
    const r2 = RA[2] + s * RA[3];
    const t2 = SA[2] + s * SA[3];
    const r3 = RA[4] + s * RA[5];
    const t3 = SA[4] + s * SA[5];
    const r4 = RA[6] + s * RA[7];
    const t4 = SA[6] + s * SA[7];
    R = r1 + s2 * r2 + s4 * r3 + s6 * r4;
    S = t1 + s2 * t2 + s4 * t3 + s6 * t4 + s8 * SA[8];
  } else {
    const r1 = RB[0] + s * RB[1];
    const t1 = 1 + s * SB[1];
    const r2 = RB[2] + s * RB[3];
    const t2 = SB[2] + s * SB[3];
    const r3 = RB[4] + s * RB[5];
    const t3 = SB[4] + s * SB[5];
    const t4 = SB[6] + s * SB[7];
    R = r1 + s2 * r2 + s4 * r3 + s6 * RB[6];
    S = t1 + s2 * t2 + s4 * t3 + s6 * t4;
  }
  const z = clearLowWord(x);
  return exp(-z * z - 0.5625) * exp((z - x) * (z + x) + R / S);
}

/** glibc __erf. */
export function erf(x: number): number {
  if (Number.isNaN(x)) return x;
  if (!Number.isFinite(x)) return x > 0 ? 1 : -1;
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix < 0x3feb0000) {
    if (ix < 0x3e300000) {
      // |x| < 2^-28; below the normal range the sum is scaled to avoid a spurious underflow
      if (ix < 0x00800000) return 0.0625 * (16 * x + 16 * EFX * x);
      return x + EFX * x;
    }
    return x + x * smallRatio(x);
  }
  if (ix < 0x3ff40000) return hx >= 0 ? ERX + nearOne(x) : -ERX - nearOne(-x);
  if (ix >= 0x40180000) return hx >= 0 ? 1 - TINY : TINY - 1; // |x| ≥ 6
  const ax = Math.abs(x);
  const r = tailTimesX(ax, 0x4006db6e);
  return hx >= 0 ? 1 - r / ax : r / ax - 1;
}

/** glibc __erfc. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return x;
  if (!Number.isFinite(x)) return x > 0 ? 0 : 2;
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix < 0x3feb0000) {
    if (ix < 0x3c700000) return 1 - x; // |x| < 2^-56
    const y = smallRatio(x);
    if (hx < 0x3fd00000) return 1 - (x + x * y); // x < 1/4 (negative x included)
    let r = x * y;
    r += x - 0.5;
    return 0.5 - r;
  }
  if (ix < 0x3ff40000) {
    if (hx >= 0) return 1 - ERX - nearOne(x);
    const z = ERX + nearOne(-x);
    return 1 + z;
  }
  if (ix < 0x403c0000) {
    // |x| < 28
    if (hx < 0 && ix >= 0x40180000) return 2 - TINY; // x < −6
    const ax = Math.abs(x);
    const r = tailTimesX(ax, 0x4006db6d);
    return hx > 0 ? r / ax : 2 - r / ax;
  }
  return hx > 0 ? TINY * TINY : 2 - TINY;
}
