/**
 * Double-double arithmetic: a value held as hi + lo with |lo| ≤ ulp(hi)/2, about 106 bits. The
 * libm functions here evaluate in it and round once to a double, which is the correctly rounded
 * result unless the exact value lies within ~2^-100 relative of a midpoint between two doubles.
 * Error-free transformations (Knuth's two-sum, Dekker's two-product with Veltkamp's split) and the
 * "accurate" addition whose relative error is about 3·2^-106 (Joldes, Muller, Popescu 2017).
 */
export type DD = readonly [number, number];

/** 2^27 + 1: Veltkamp's splitter for a 53-bit significand. */
const SPLITTER = 134217729;

/** a + b exactly, as (rounded sum, error). */
export function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

/** a + b exactly when |a| ≥ |b|. */
function quickTwoSum(a: number, b: number): DD {
  const s = a + b;
  return [s, b - (s - a)];
}

/** a · b exactly, as (rounded product, error); |a|, |b| below 2^996. */
export function twoProd(a: number, b: number): DD {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

export function add(a: DD, b: DD): DD {
  const s = twoSum(a[0], b[0]);
  const t = twoSum(a[1], b[1]);
  const u = quickTwoSum(s[0], s[1] + t[0]);
  return quickTwoSum(u[0], u[1] + t[1]);
}

export function addD(a: DD, b: number): DD {
  const s = twoSum(a[0], b);
  return quickTwoSum(s[0], s[1] + a[1]);
}

export const neg = (a: DD): DD => [-a[0], -a[1]];

export function mul(a: DD, b: DD): DD {
  const p = twoProd(a[0], b[0]);
  return quickTwoSum(p[0], p[1] + (a[0] * b[1] + a[1] * b[0]));
}

export function mulD(a: DD, b: number): DD {
  const p = twoProd(a[0], b);
  return quickTwoSum(p[0], p[1] + a[1] * b);
}

/** a / b for a double b: two quotient digits. */
export function divD(a: DD, b: number): DD {
  const q1 = a[0] / b;
  const r = add(a, neg(twoProd(q1, b)));
  const q2 = r[0] / b;
  const r2 = add(r, neg(twoProd(q2, b)));
  return addD(quickTwoSum(q1, q2), r2[0] / b);
}

/** a / b: three quotient digits. */
export function div(a: DD, b: DD): DD {
  const q1 = a[0] / b[0];
  const r = add(a, neg(mulD(b, q1)));
  const q2 = r[0] / b[0];
  const r2 = add(r, neg(mulD(b, q2)));
  return addD(quickTwoSum(q1, q2), r2[0] / b[0]);
}

/** √a for a > 0: one Newton step from the double square root, the residual computed exactly. */
export function sqrt(a: DD): DD {
  const s = Math.sqrt(a[0]);
  const r = add(a, neg(twoProd(s, s)));
  return quickTwoSum(s, r[0] / (2 * s));
}
