import { typeError } from '../abstract/errors';
import { builtinStatic } from '../objects/descr';
import { fromDouble } from '../objects/float';
import { Meth } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { cLog } from '../../libm/c99';
import { asDouble } from './math';

/**
 * _statistics._normal_dist_inv_cdf(p, mu, sigma) (Modules/_statisticsmodule.c, what 3.11's
 * NormalDist.inv_cdf calls): Wichura's algorithm AS241 (PPND16, 1988), a rational function of
 * (p − ½)² in the centre and of sqrt(−log r) in the tails, evaluated by Horner's rule in C doubles
 * with glibc's log; one float for the result.
 */

// centre, |p − ½| ≤ 0.425: numerator a7…a0, denominator b7…b1 (b0 = 1), in r = 0.180625 − q²
const A = [
  2509.0809287301227, 33430.57558358813, 67265.7709270087, 45921.95393154987, 13731.69376550946,
  1971.5909503065513, 133.14166789178438, 3.3871328727963665,
];
const B = [
  5226.495278852854, 28729.085735721943, 39307.89580009271, 21213.794301586597, 5394.196021424751,
  687.1870074920579, 42.31333070160091, 1,
];
// tails with r = sqrt(−log(min(p, 1 − p))) ≤ 5, in r − 1.6
const C = [
  0.0007745450142783414, 0.022723844989269184, 0.2417807251774506, 1.2704582524523684, 3.6478483247632045,
  5.769497221460691, 4.630337846156546, 1.4234371107496835,
];
const D = [
  1.0507500716444169e-9, 0.0005475938084995345, 0.015198666563616457, 0.14810397642748008, 0.6897673349851,
  1.6763848301838038, 2.053191626637759, 1,
];
// far tails, r > 5, in r − 5
const E = [
  2.0103343992922881e-7, 0.000027115555687434876, 0.0012426609473880784, 0.026532189526576124,
  0.29656057182850487, 1.7848265399172913, 5.463784911164114, 6.657904643501103,
];
const F = [
  2.0442631033899397e-15, 1.421511758316446e-7, 0.000018463183175100548, 0.0007868691311456133,
  0.014875361290850615, 0.1369298809227358, 0.599832206555888, 1,
];

/** ((c0·r + c1)·r + …)·r + c7, left to right as the C source nests it. */
function horner(c: readonly number[], r: number): number {
  let v = c[0] * r;
  for (let i = 1; i < c.length - 1; i++) v = (v + c[i]) * r;
  return v + c[c.length - 1];
}

export function normalDistInvCdf(p: number, mu: number, sigma: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    const x = (horner(A, r) * q) / horner(B, r);
    return mu + x * sigma;
  }
  let r = q <= 0 ? p : 1 - p;
  r = Math.sqrt(-cLog(r));
  let x: number;
  if (r <= 5) {
    r = r - 1.6;
    x = horner(C, r) / horner(D, r);
  } else {
    r = r - 5;
    x = horner(E, r) / horner(F, r);
  }
  if (q < 0) x = -x;
  return mu + x * sigma;
}

/** The builtin the statistics source imports under its C name. */
export function normalDistInvCdfBuiltin(vm: Vm): number {
  return builtinStatic(
    vm,
    {
      name: '_normal_dist_inv_cdf',
      flags: Meth.Fastcall,
      impl: (vm2, _m, a) => {
        if (a.length !== 3)
          throw typeError(vm2, '_normal_dist_inv_cdf expected 3 arguments, got %d', a.length);
        return fromDouble(
          vm2,
          normalDistInvCdf(asDouble(vm2, a[0]), asDouble(vm2, a[1]), asDouble(vm2, a[2])),
        );
      },
    },
    '_statistics',
  );
}
