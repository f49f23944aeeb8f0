import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runAll, valueOf } from '../testing';
import { HOT_FREE_CALL_NS, HOT_MEM_CALL_NS } from '../runtime/cwork';
import { OP_NS } from './opcosts';
import { O } from './ops';
import { SWITCH_INTERVAL_NS } from './pythread';

/** Loop bodies (in a function: fast locals) and what CPython 3.11.7 took an iteration here (tools/clock/opcost.py). */
const BODIES: [string, number][] = [
  ['pass', 9.1],
  ['x = i', 10.0],
  ['x = i + 1', 17.6],
  ['x = len(l)', 16.6],
  ['x = o.a', 11.1],
  ['nothing()', 23.1],
];

const PRELUDE = `
import threading, time
class O:
    def __init__(self):
        self.a = 1
def nothing():
    pass
l = [1] * 10
o = O()
`;

/** The simulated clock's advance per iteration of `body` over n iterations (wallPerCpu 1). */
function perIterationNs(body: string, n: number): number {
  const p = runAll(`${PRELUDE}
def f(n, l, o):
    for i in range(n):
        ${body}
c = time.process_time()
f(${n}, l, o)
ns = int((time.process_time() - c) * 1e9)
`);
  return Number(valueOf(p, 'ns')) / n;
}

describe('the interpreter charged per instruction (opcosts.ts)', () => {
  it('an empty range loop costs its three instructions and a hot int made and dropped', () => {
    const expected =
      OP_NS[O.FOR_ITER] + OP_NS[O.STORE_FAST] + OP_NS[O.JUMP_BACKWARD] + HOT_MEM_CALL_NS + HOT_FREE_CALL_NS;
    expect(perIterationNs('pass', 200_000)).toBeCloseTo(expected, 0);
  });

  it(
    'loop bodies cost what the real 3.11.7 took, within 1.5× either way, and grow with the iterations',
    { timeout: 600_000 },
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...BODIES),
          fc.integer({ min: 50_000, max: 150_000 }),
          ([body, realNs], n) => {
            const once = perIterationNs(body, n);
            expect(once / realNs, `${body}: ${once.toFixed(1)} ns simulated, ${realNs} real`).toBeGreaterThan(
              1 / 1.5,
            );
            expect(once / realNs, `${body}: ${once.toFixed(1)} ns simulated, ${realNs} real`).toBeLessThan(
              1.5,
            );
            // the charge is per instruction: twice the iterations, twice the time (a frame's set-up aside)
            const twice = perIterationNs(body, 2 * n);
            expect(twice / once).toBeGreaterThan(0.97);
            expect(twice / once).toBeLessThan(1.03);
          },
        ),
        { numRuns: 6 },
      );
    },
  );

  it(
    "a busy worker hands the GIL over after the switch interval's worth of its instructions, whatever its body",
    { timeout: 900_000 },
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...BODIES), ([body]) => {
          // the main thread asks for the GIL once start() has queued it; the worker's iterations
          // before the main thread runs again are the 5 ms interval over the body's cost
          const p = runAll(`${PRELUDE}
prog = [0]
def spin(n, l, o):
    for i in range(n):
        ${body}
        prog[0] = i
t = threading.Thread(target=spin, args=(800000, l, o))
t.start()
seen = prog[0]
t.join()
c = time.process_time()
spin(50000, l, o)
per = (time.process_time() - c) / 50000 * 1e9
ran_ns = int(seen * per)
`);
          const ranNs = Number(valueOf(p, 'ran_ns'));
          // the worker was still in its loop when the main thread got the GIL back
          expect(Number(valueOf(p, 'seen')), body).toBeLessThan(799_999);
          expect(ranNs, body).toBeGreaterThan(0.8 * SWITCH_INTERVAL_NS);
          expect(ranNs, body).toBeLessThan(1.6 * SWITCH_INTERVAL_NS);
        }),
        { numRuns: 3 },
      );
    },
  );
});
