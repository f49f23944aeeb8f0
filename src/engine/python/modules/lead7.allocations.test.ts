import { describe, expect, it } from 'vitest';
import { callsOf } from '../testing';
import expected from '../testdata/lead7_expected.json';

/**
 * random.seed of a str or bytes (SHA-512 of the text), statistics.NormalDist (cdf, quantiles
 * through _normal_dist_inv_cdf, arithmetic) and math.gamma/lgamma/erf/cbrt, call by call as CPython
 * 3.11.7 makes them (tools/allocations/record_allocations.py lead7 --clear-type-cache). The
 * distributions' values are held by tests/differential/floatmath.py; their float temporaries are
 * not modelled one by one (randomdist.ts), nor copy.py's frames (copyreduce.ts).
 */
describe('random str seeds, NormalDist, math special functions, call by call', () => {
  for (const c of expected.cases) {
    it(`${c.setup.split('\n').slice(-1)[0]} ⟶ ${c.statement.split('\n')[0]}`, () => {
      expect(callsOf(c.setup, c.statement)).toEqual(c.calls);
    });
  }
});
