import { describe, expect, it } from 'vitest';
import { runAll, valueOf } from '../testing';

/**
 * The stdlib's pure-Python functions the simulator runs as TypeScript charge their bytecode's CPU
 * (pycode.ts PY_CODE_RUN_NS): what CPython 3.11.7 took a call here, ns (process_time, best of 7 over
 * 10^5 calls in a function, load 29 on 2 cores), against the simulated clock's advance.
 */
const CALLS: [string, number][] = [
  ['x = choice(t)', 158.1],
  ['x = randrange(100)', 154.6],
  ['x = randint(1, 100)', 215.4],
  ['x = uniform(0.0, 1.0)', 70.5],
  ['shuffle(l10)', 1569.8],
];

function perCallNs(body: string, n: number): number {
  const p = runAll(`
import random, time
from random import choice, randrange, randint, uniform, shuffle
random.seed(1)
def f(n, t, l10):
    for i in range(n):
        ${body}
t = (100, 600, 2000, 30000, 200000)
l10 = list(range(10))
f(100, t, l10)
c = time.process_time()
f(${n}, t, l10)
ns = int((time.process_time() - c) * 1e9)
`);
  return Number(valueOf(p, 'ns')) / n;
}

describe("random's Python-level functions on the simulated clock", () => {
  for (const [body, real] of CALLS)
    it(`${body}: within 1.5x of 3.11.7's ${real} ns a call`, () => {
      const ratio = perCallNs(body, 5_000) / real;
      expect(ratio).toBeGreaterThan(1 / 1.5);
      expect(ratio).toBeLessThan(1.5);
    });
});
